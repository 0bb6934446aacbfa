import AssayCore
import Foundation

/// `define` (pattern and word-list extractors made in the REPL) and `help`.
extension Session {
    func define(_ name: String, _ definition: PatternDefinition, relativeTo directory: String) throws {
        if workspace.registry.extractor(named: name) != nil, !definedNames.contains(name) {
            throw AssayError(
                .duplicateExtractor, "'\(name)' is a registered extractor and cannot be redefined; choose another name")
        }
        let extractor: any Extractor
        switch definition {
        case .regex(let pattern, let flags):
            extractor = try PatternExtractor(name: name, pattern: pattern, ignoreCase: flags.contains("i"))
        case .words(let words, let cs):
            extractor = WordListExtractor(name: name, words: words, caseSensitive: cs)
        case .wordFile(let path, let cs):
            let full = resolve(path, relativeTo: directory)
            guard let data = FileManager.default.contents(atPath: full) else {
                throw AssayError(.fileNotFound, "\(path): cannot read word list")
            }
            let text = try TextDecoding.decode(data, name: path).text
            let words = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            if words.isEmpty { throw AssayError(.invalidArgument, "\(path): the word list is empty") }
            extractor = WordListExtractor(name: name, words: words, caseSensitive: cs)
        }
        let existed = definedNames.contains(name)
        try workspace.registry.replace(extractor)
        definedNames.insert(name)
        workspace.invalidateCache()
        sink.write("\(existed ? "redefined" : "defined") \(name): \(extractor.descriptor.summary)\n")
    }

    func help(_ topic: String?) throws -> String {
        guard let topic = topic?.trimmingCharacters(in: .whitespaces), !topic.isEmpty else {
            return HelpCatalog.overview(extractors: workspace.registry.descriptors)
        }
        if let d = workspace.registry.extractor(named: topic)?.descriptor { return HelpCatalog.text(for: d) }
        if let e = HelpCatalog.entry(topic) ?? HelpCatalog.entry("." + topic) { return HelpCatalog.text(for: e) }
        let all = HelpCatalog.entries.map(\.name) + workspace.registry.names
        let hint = Suggestions.closest(to: topic, among: all).map { " (did you mean '\($0)'?)" } ?? ""
        throw AssayError(.unknownName, "no help on '\(topic)'\(hint); 'help' lists the topics")
    }
}
