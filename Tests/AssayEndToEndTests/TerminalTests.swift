import Foundation
import Testing

/// The REPL on a real (pseudo-)terminal: prompt, history across sessions, tab completion,
/// Ctrl-C at the prompt and during a long command, Ctrl-D. Each test gets its own HOME.
///
/// Serialized: the tests are timing-sensitive enough (a long command to interrupt) that running
/// them against each other on a small machine would only add noise.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TerminalTests {
    static let prompt = "assay> "

    /// Seed document ids, from the file names (the loader names a file's document after it).
    static let seedIDs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: AssayProcess.seeds)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// The longest seed, which `docs | sort chars desc | limit 1` names.
    static let longestSeed = "004_97e402c0209a3bde"

    /// Starts `assay ARGS` on a terminal with HOME at `home` and the given extra variables.
    func startREPL(
        _ arguments: [String] = [], home: String, environment: [String: String] = [:],
        directory: String = AssayProcess.repository
    ) throws -> PseudoTerminal {
        var env = environment
        env["HOME"] = home
        // The runner's own ASSAY_HISTORY must not leak in: without one, HOME decides.
        return try PseudoTerminal(
            AssayProcess.binary, arguments: arguments, environment: env,
            unsetting: environment["ASSAY_HISTORY"] == nil ? ["ASSAY_HISTORY"] : [],
            directory: directory)
    }

    /// Waits for the next prompt and for the line editor to take keys; returns what came before it.
    @discardableResult
    func waitForPrompt(_ terminal: PseudoTerminal, timeout: TimeInterval = 10) throws -> String {
        let before = try terminal.waitFor(Self.prompt, timeout: timeout)
        try terminal.waitUntilEditing()
        return before
    }

    /// Types a line and presses Enter.
    func enter(_ line: String, on terminal: PseudoTerminal) {
        terminal.type(line)
        terminal.send(.enter)
    }

    @Test func promptAfterTheBannerAndDocsListsTheSeeds() throws {
        #expect(Self.seedIDs.count == 5)
        let home = try AssayProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let history = home + "/custom-history"
        let terminal = try startREPL([AssayProcess.seeds], home: home, environment: ["ASSAY_HISTORY": history])
        defer { terminal.terminate() }

        let banner = try waitForPrompt(terminal)
        #expect(banner.contains("Assay "))
        #expect(banner.contains("5 documents loaded"))
        #expect(banner.contains("Tab to complete"))

        enter("docs", on: terminal)
        let listing = try waitForPrompt(terminal)
        #expect(listing.contains("(5 rows)"))
        for id in Self.seedIDs { #expect(listing.contains(id), "missing \(id) in:\n\(listing)") }

        // ASSAY_HISTORY wins over HOME, and the line is saved as soon as it ran.
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.split(separator: "\n").contains("docs"))
        #expect(!FileManager.default.fileExists(atPath: home + "/.assay/history"))

        enter("quit", on: terminal)
        #expect(terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func historyComesBackInTheNextSessionWithUp() throws {
        let home = try AssayProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let command = "docs | sort chars desc | limit 1 | select doc"

        let first = try startREPL([AssayProcess.seeds], home: home)
        defer { first.terminate() }
        try waitForPrompt(first)
        enter(command, on: first)
        try first.waitFor(Self.longestSeed)
        try waitForPrompt(first)
        enter("quit", on: first)
        #expect(first.waitForExit(timeout: 5) == 0)

        // Without ASSAY_HISTORY the file is $HOME/.assay/history (libedit's format: spaces as \040).
        let historyPath = home + "/.assay/history"
        #expect(FileManager.default.fileExists(atPath: historyPath))
        let saved = (try? String(contentsOfFile: historyPath, encoding: .utf8)) ?? ""
        #expect(saved.replacingOccurrences(of: "\\040", with: " ").contains(command))

        let second = try startREPL([AssayProcess.seeds], home: home)
        defer { second.terminate() }
        let banner = try waitForPrompt(second)
        #expect(!banner.contains(Self.longestSeed))
        second.sendKeys([.up])
        // `quit` was the last line; one more Up reaches the command.
        try second.waitFor("quit")
        second.sendKeys([.up])
        try second.waitFor(command)
        second.send(.enter)
        try second.waitFor(Self.longestSeed)
        try waitForPrompt(second)
    }

    @Test func tabCompletesStagesSettingValuesAndCommands() throws {
        let home = try AssayProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try startREPL(
            [AssayProcess.seeds], home: home, environment: ["ASSAY_HISTORY": home + "/history"])
        defer { terminal.terminate() }
        try waitForPrompt(terminal)

        // A stage after `|`: the rest of the line is typed after the completion, so the
        // command only works if the completion put `sort ` into the line.
        terminal.type("docs | so")
        terminal.sendKeys([.tab])
        try terminal.waitFor("sort")
        enter("chars desc | limit 1 | select doc", on: terminal)
        try terminal.waitFor(Self.longestSeed)
        try waitForPrompt(terminal)

        // A setting's value.
        terminal.type(".mode cs")
        terminal.sendKeys([.tab])
        try terminal.waitFor("csv")
        terminal.send(.enter)
        try waitForPrompt(terminal)
        enter("docs | count", on: terminal)
        try terminal.waitFor("count\n5\n")  // csv: no rule under the header, no padding
        try waitForPrompt(terminal)

        // A command at the start of the line.
        terminal.type("desc")
        terminal.sendKeys([.tab])
        try terminal.waitFor("describe")
        enter("entities", on: terminal)
        try terminal.waitFor("Requires: nothing")
        try waitForPrompt(terminal)
        #expect(!terminal.screen.contains("[E"), "an error in:\n\(terminal.screen)")
    }

    @Test func ctrlCAtThePromptAbandonsTheLine() throws {
        let home = try AssayProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try startREPL(
            [AssayProcess.seeds], home: home, environment: ["ASSAY_HISTORY": home + "/history"])
        defer { terminal.terminate() }
        try waitForPrompt(terminal)

        terminal.type("nosuchextractor | count")
        terminal.sendKeys([.ctrlC])
        try terminal.waitFor("^C")
        try waitForPrompt(terminal)

        // Still alive, and the abandoned line neither ran nor stops the next command (the
        // Ctrl-C must not stay pending for it).
        enter("entities | where label == PERSON | count", on: terminal)
        let counted = try waitForPrompt(terminal)
        #expect(counted.contains("(1 row)"), "the command after Ctrl-C gave:\n\(counted)")
        enter("docs | count", on: terminal)
        let docs = try waitForPrompt(terminal)
        #expect(docs.contains("count\n-----\n    5\n"), "docs | count gave:\n\(docs)")
        #expect(!terminal.screen.contains("unknown extractor"), "the abandoned line ran:\n\(terminal.screen)")
        #expect(
            !terminal.screen.contains("interrupted"),
            "a Ctrl-C at the prompt interrupted the next command:\n\(terminal.screen)")
        // The abandoned line is not in the history either.
        let saved = (try? String(contentsOfFile: home + "/history", encoding: .utf8)) ?? ""
        #expect(!saved.contains("nosuchextractor"))
    }

    @Test func ctrlCDuringALongCommandKeepsThePartialResult() throws {
        let folder = try AssayProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = folder + "/corpus.jsonl"
        try writeCorpus(to: corpus, documents: 2000)
        let terminal = try startREPL(
            [], home: folder, environment: ["ASSAY_HISTORY": folder + "/history"], directory: folder)
        defer { terminal.terminate() }
        try waitForPrompt(terminal)

        enter("load corpus.jsonl", on: terminal)
        try terminal.waitFor("loaded 2000 documents", timeout: 15)
        try waitForPrompt(terminal)

        enter("entities | count", on: terminal)
        // The progress line shows after a second of work: the command is running for sure.
        try terminal.waitFor("Ctrl-C stops", timeout: 15)
        terminal.send(.ctrlC)
        try terminal.waitFor("interrupted: partial result kept (", timeout: 10)
        let kept = try terminal.waitFor(" rows)")
        #expect((Int(kept) ?? 0) > 0, "kept '\(kept)' rows")
        try waitForPrompt(terminal)

        enter("docs | count", on: terminal)
        let docs = try waitForPrompt(terminal)
        #expect(docs.contains("count\n-----\n 2000\n"), "docs | count gave:\n\(docs)")
        enter("quit", on: terminal)
        #expect(terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func ctrlDAtAnEmptyPromptLeavesWithStatusZero() throws {
        let home = try AssayProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try startREPL([], home: home, environment: ["ASSAY_HISTORY": home + "/history"])
        defer { terminal.terminate() }
        try waitForPrompt(terminal)
        terminal.sendKeys([.ctrlD])
        #expect(terminal.waitForExit(timeout: 5) == 0)
    }

    /// A JSON Lines corpus of `documents` documents cycling through the seed texts: enough that
    /// `entities` runs for many seconds in a debug build.
    private func writeCorpus(to path: String, documents: Int) throws {
        let texts = try Self.seedIDs.map {
            try String(contentsOfFile: AssayProcess.seeds + "/\($0).txt", encoding: .utf8)
        }
        var lines = ""
        for i in 0..<documents {
            let object: [String: String] = ["id": String(format: "doc%05d", i), "text": texts[i % texts.count]]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
