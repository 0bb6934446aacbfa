import AssayCore
import Foundation

/// Tab completion that knows the context: commands at the start, extractors and stages after
/// `|`, fields after `where`/`by`/`sort`/`select`, paths after `load`, document ids after
/// `show`, result names where a result may stand, values after settings.
public struct Completer {
    let session: Session

    public init(session: Session) { self.session = session }

    /// Candidates for the word that starts at character `wordStart` of `line`.
    public func candidates(line: String, wordStart: Int) -> [String] {
        let chars = Array(line)
        let before = String(chars[..<min(wordStart, chars.count)])
        let word = String(chars[min(wordStart, chars.count)...])
        let all = complete(before: before, word: word)
        return Array(Set(all.filter { $0.hasPrefix(word) })).sorted()
    }

    private func complete(before: String, word: String) -> [String] {
        let words = before.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let registry = session.workspace.registry
        let extractors = registry.names
        let results = Array(session.workspace.results.keys)
        let previous = words.last ?? ""
        let lastChar = before.trimmingTrailingWhitespace().last
        let first = words.first?.lowercased() ?? ""

        if words.isEmpty {
            if word.hasPrefix(".") { return HelpCatalog.entries.map(\.name).filter { $0.hasPrefix(".") } }
            return HelpCatalog.entries.map(\.name).filter {
                !$0.hasPrefix(".") && !Parser.stageWords.contains($0) && $0 != "pipeline"
            }
                + ["exit"] + extractors + results
        }
        switch first {
        case "load", ".read", ".output", ".once", "save": return paths(word)
        case "plugin": return words.count == 1 ? ["load"] : paths(word)
        case "describe", "undefine": return extractors
        case "help", ".help": return HelpCatalog.entries.map(\.name) + extractors
        case "show":
            if words.count == 1 { return session.workspace.documents.map(\.id) }
            return ["sentence", "with"] + (previous == "with" || lastChar == "," ? extractors : [])
        case "drop":
            return words.count == 1
                ? ["all", "result"] + session.workspace.documents.map(\.id)
                : (previous == "result" ? results : session.workspace.documents.map(\.id))
        case ".mode": return OutputMode.allCases.map(\.rawValue)
        case ".headers", ".echo", ".bail", ".timer": return ["on", "off"]
        case ".color", ".colour": return ["on", "off", "auto"]
        case ".context": return words.count == 2 ? ["chars", "words"] : []
        default: break
        }
        if lastChar == "|" || previous == "=" && first == "let" {
            return extractors + Array(Parser.stageWords) + results + ["docs"]
        }
        if (first == "let" && words.count == 3) || (first == "explain" && words.count == 1) {
            return extractors + results + ["docs"]
        }
        if ["where", "by", "sort", "select", "and", "or", "not", "stats"].contains(previous.lowercased())
            || lastChar == "," || lastChar == "("
        {
            return fields(in: before)
        }
        if ["union", "intersect", "except"].contains(previous.lowercased()) { return results }
        if previous.lowercased() == "count" || previous.lowercased() == "group" { return ["by"] }
        if fields(in: before).contains(previous) {
            return ["==", "!=", "<", "<=", ">", ">=", "contains", "matches", "asc", "desc"]
        }
        if ["docs"].contains(previous) { return session.workspace.documents.map(\.id) }
        return ["|"]
    }

    /// Field names available at the end of the pipeline text so far, from the descriptors of its
    /// extractors (innermost last) or the columns of a named result.
    func fields(in text: String) -> [String] {
        let registry = session.workspace.registry
        var own = ExtractorDescriptor.commonFields.map(\.name)
        var inherited: [String] = []
        var previous: ExtractorDescriptor?
        let segments = text.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for (index, segment) in segments.enumerated() {
            let isCurrent = index == segments.count - 1
            var head = segment.split(separator: " ").first.map(String.init) ?? ""
            if head == "let", let eq = segment.firstIndex(of: "=") {
                head =
                    segment[segment.index(after: eq)...].trimmingCharacters(in: .whitespaces).split(separator: " ")
                    .first.map(String.init) ?? ""
            }
            if let d = registry.extractor(named: head)?.descriptor {
                // Rows of an inner extractor keep the outer row's fields as `outer.field`.
                if let p = previous {
                    inherited += (ExtractorDescriptor.commonFields.dropFirst(2) + p.fields).map {
                        "\(p.name).\($0.name)"
                    }
                }
                own = ExtractorDescriptor.commonFields.map(\.name) + d.fields.map(\.name)
                previous = d
            } else if let r = session.workspace.results[head] {
                own = r.columns
            } else if head == "docs" {
                own = ["doc", "chars", "tokens", "sentences", "paragraphs", "source"]
            } else if head == "count" && !isCurrent {
                own =
                    segment.split(separator: " ").dropFirst(2).map {
                        $0.trimmingCharacters(in: CharacterSet(charactersIn: ","))
                    } + ["count"]
                inherited = []
            } else if head == "stats" && !isCurrent {
                own = ["count", "mean", "min", "max"]
                inherited = []
            }
        }
        var seen = Set<String>()
        return (own + inherited).filter { seen.insert($0).inserted }
    }

    private func paths(_ word: String) -> [String] {
        let expanded = (word as NSString).expandingTildeInPath
        let dir: String, prefix: String, shownDir: String
        if word.hasSuffix("/") {
            dir = expanded
            prefix = ""
            shownDir = word
        } else {
            dir = (expanded as NSString).deletingLastPathComponent
            prefix = (expanded as NSString).lastPathComponent
            shownDir = word.contains("/") ? String(word[...word.lastIndex(of: "/")!]) : ""
        }
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
        return listing.filter { $0.hasPrefix(prefix) && (!$0.hasPrefix(".") || prefix.hasPrefix(".")) }.sorted().map {
            name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent(name), isDirectory: &isDir)
            return shownDir + name + (isDir.boolValue ? "/" : "")
        }
    }
}
