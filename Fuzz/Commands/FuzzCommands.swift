import AssayCore
import AssayEntities
import AssayNumbers
import AssayQuotes
import AssayREPL
import AssaySentiment
import FuzzSupport

/// Fuzzes the command language: any line parses to a command or one syntax error, never a
/// trap; and a session runs it over a small corpus without trapping (errors are fine).
func fuzzCommands(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? Parser.parse(text)
    // Running it too reaches evaluation (fields, regexes, sorting, aggregation), but commands
    // that touch files or the terminal are left out.
    let lowered = text.lowercased()
    for word in [
        "load", "save", ".output", ".once", ".read", "plugin", "view", "chart", "quit", ".exit", "report", ".open"
    ]
    where lowered.contains(word) { return }
    FuzzSession.shared.session.run(line: text, at: .init(script: "fuzz", line: 1, directory: "/nonexistent"))
}

/// One session for every input (building the registry per input would dominate the run).
final class FuzzSession: @unchecked Sendable {
    static let shared = FuzzSession()
    let session: Session
    init() {
        let registry = ExtractorRegistry()
        for plugin: any AssayPlugin.Type in [
            EntitiesPlugin.self, NumbersPlugin.self, QuotesPlugin.self, SentimentPlugin.self
        ] {
            try! plugin.register(into: registry)
        }
        session = Session(
            registry: registry, interactive: false, outputIsTerminal: false, output: { _ in }, errors: { _ in })
        _ = session.workspace.add([
            Document(
                id: "a",
                text:
                    "President Xi Jinping said on Monday: “We will not back down.” Prices rose 4.5% to $244.9 billion."),
            Document(id: "b", text: "\"It is over,\" Smith told reporters in London on May 8, 2025. Nobody agreed.")
        ])
    }
}

@main struct Main {
    static func main() { FuzzDriver.run(fuzzCommands) }
}
