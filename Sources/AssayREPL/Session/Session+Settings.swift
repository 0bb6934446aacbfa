import AssayCore
import Foundation

/// The `.`-commands that control the session, and running script files.
extension Session {
    func applySetting(_ name: String, _ args: [String], at location: Location) throws {
        func onOff() throws -> Bool {
            guard args.count == 1,
                let v = ["on": true, "off": false, "true": true, "false": false, "1": true, "0": false][
                    args[0].lowercased()]
            else {
                throw AssayError(.invalidArgument, "usage: .\(name) on|off")
            }
            return v
        }
        func number() throws -> Int {
            guard let first = args.first, let n = Int(first), n >= 0 else {
                throw AssayError(.invalidArgument, "usage: .\(name) N (a whole number)")
            }
            return n
        }
        switch name {
        case "mode":
            guard args.count == 1, let m = OutputMode(rawValue: args[0].lowercased()) else {
                throw AssayError(
                    .invalidArgument, "usage: .mode \(OutputMode.allCases.map(\.rawValue).joined(separator: "|"))")
            }
            settings.mode = m
        case "headers": settings.headers = try onOff()
        case "echo": settings.echo = try onOff()
        case "bail": settings.bail = try onOff()
        case "timer": settings.timer = try onOff()
        case "bars": settings.bars = try onOff()
        case "open": settings.open = try onOff()
        case "link":
            guard args.count == 1, let corpus = ["corpus": true, "document": false][args[0].lowercased()] else {
                throw AssayError(.invalidArgument, "usage: .link corpus|document")
            }
            settings.linkCorpus = corpus
            workspace.linksCorpus = corpus
        case "width": settings.width = try number()
        case "nullvalue", "null":
            // The words given, as typed; none (or "") shows nulls as empty cells again.
            settings.nullValue = args.joined(separator: " ")
        case "context":
            settings.context = try number()
            if args.count > 1 {
                guard ["words", "chars", "characters"].contains(args[1]) else {
                    throw AssayError(.invalidArgument, "usage: .context N [chars|words]")
                }
                settings.contextInWords = args[1] == "words"
            }
        case "color", "colour":
            guard args.count == 1, let c = Settings.ColorChoice(rawValue: args[0].lowercased()) else {
                throw AssayError(.invalidArgument, "usage: .color on|off|auto")
            }
            settings.color = c
        case "output":
            try sink.redirect(to: args.first.map { $0 == "stdout" ? $0 : resolve($0, relativeTo: location.directory) })
        case "once":
            guard args.count == 1 else { throw AssayError(.invalidArgument, "usage: .once FILE") }
            sink.armOnce(resolve(args[0], relativeTo: location.directory))
        case "read":
            guard args.count == 1 else { throw AssayError(.invalidArgument, "usage: .read FILE") }
            try read(resolve(args[0], relativeTo: location.directory), shownAs: args[0])
        case "show":
            sink.write(settings.summary + "output   \(sink.destination)\n")
        default:
            let names = HelpCatalog.entries.map(\.name).filter { $0.hasPrefix(".") }
            let hint = Suggestions.closest(to: "." + name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw AssayError(.unknownCommand, "unknown setting '.\(name)'\(hint); 'help' lists them")
        }
    }

    /// Runs a script file; its errors are reported with its name and line numbers.
    public func read(_ path: String, shownAs name: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AssayError(.fileNotFound, "\(name): cannot read script")
        }
        let text = try TextDecoding.decode(data, name: name).text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).makeIterator()
        let ok = runScript(name: name, directory: (path as NSString).deletingLastPathComponent) { lines.next() }
        if !ok { throw AssayError(.invalidArgument, "script \(name) stopped with an error") }
    }
}
