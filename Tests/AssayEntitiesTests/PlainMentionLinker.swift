import AssayCore
import Foundation

@testable import AssayEntities

// The linker as it was before it compared word numbers instead of Strings: the plain definition
// `LinkerFastPathTests` holds the fast one to. Kept verbatim apart from its name, except for the
// small helpers it shares with the fast linker (fullest name, spacing, all-capitals, acronyms),
// which are called.

/// Groups the mentions of one document into entities.
///
/// People: a shorter name whose words all occur in a longer name of the document is the same
/// person ("Xi", "President Xi" and "Chinese President Xi Jinping" are Xi Jinping; "Putin" is
/// Vladimir Putin), and a lone surname the tagger gave another label is relabelled. Others: the
/// same words, or an acronym of a longer name ("UN" for "United Nations"). The canonical name
/// is the fullest form; titles in front of a person's name are cut from the span and kept as
/// the `title` field.
struct PlainMentionLinker {
    let titles: TitleMatcher

    func link(_ mentions: [Mention], in document: AnalyzedDocument) -> [LinkedMention] {
        var items: [Item] = mentions.map { m in
            var item = Item(span: m.span, label: m.label, words: [], title: nil)
            if m.label == .person { (item.span, item.title) = titles.split(m.span, in: document) }
            item.words = words(item.span, document)
            return item
        }.filter { !$0.words.isEmpty }

        // People first: the longest names found, then shorter ones attached to them.
        // A name with a lower-case word other than a particle ("Putin welcomed Xi") is a tagging
        // slip: it may not absorb the shorter names it contains.
        let people = items.indices.filter { items[$0].label == .person }.sorted {
            items[$0].words.count > items[$1].words.count
        }
        var clean = [Bool](repeating: false, count: items.count)
        for i in people {
            clean[i] = document.text(of: items[i].span).split(separator: " ").allSatisfy {
                $0.unicodeScalars.first.map { !$0.properties.isLowercase } ?? true
                    || Self.particles.contains($0.lowercased())
            }
        }
        var personEntities: [[Int]] = []  // item indices per person
        var entityWords: [Set<String>] = []  // the words of each person's first (longest) name
        for i in people {
            let w = Set(items[i].words)
            let fits = personEntities.indices.filter {
                clean[personEntities[$0][0]] && entityWords[$0].isSuperset(of: w)
            }
            if !fits.isEmpty {
                let e = MentionLinker.likeliestGroup(
                    fits, members: { personEntities[$0] }, span: { items[$0].span },
                    for: items[i].span.start, in: document)
                personEntities[e].append(i)
            } else {
                personEntities.append([i])
                entityWords.append(w)
            }
        }
        // A single-word mention with another label that is a multi-word person's first or last
        // name is that person (headlines: "XI, PUTIN HOLD TALKS" often tag a surname as ORG/LOC).
        for i in items.indices where items[i].label != .person && items[i].words.count == 1 {
            let w = items[i].words[0]
            if let e = personEntities.firstIndex(where: {
                items[$0[0]].words.count > 1 && (items[$0[0]].words.first == w || items[$0[0]].words.last == w)
            }) {
                items[i].label = .person
                personEntities[e].append(i)
            }
        }
        // A capitalised word elsewhere that is a multi-word person's surname is that person too
        // (headlines in capitals often defeat the tagger: "XI AND PUTIN MEET").
        var surnames: [String: Int] = [:]
        for (e, members) in personEntities.enumerated() where items[members[0]].words.count > 1 {
            surnames[items[members[0]].words.last!] = surnames[items[members[0]].words.last!] ?? e
        }
        if !surnames.isEmpty {
            var covered = [Bool](repeating: false, count: document.tokens.count)
            for it in items { for t in document.tokenRange(in: it.span) { covered[t] = true } }
            // Only tokens as long as some surname can be one: most are skipped without a String.
            let lengths = Set(surnames.keys.map(\.utf8.count))
            for t in document.tokens.indices where document.tokens[t].kind == .word && !covered[t] {
                let first = document.utf8[document.tokens[t].span.start]
                guard first >= 0x80 || (first >= 65 && first <= 90) else { continue }  // capitalised (or not ASCII)
                guard first >= 0x80 || lengths.contains(document.tokens[t].span.length) else { continue }
                let text = document.text(ofToken: t)
                guard text.unicodeScalars.first?.properties.isUppercase == true, let e = surnames[text.lowercased()]
                else { continue }
                personEntities[e].append(items.count)
                items.append(
                    Item(span: document.tokens[t].span, label: .person, words: [text.lowercased()], title: nil))
            }
        }
        var canonical = [String](repeating: "", count: items.count)
        var entityTitle = [String?](repeating: nil, count: items.count)
        for members in personEntities {
            let name = fullest(members, items, document)
            let title = members.sorted { items[$0].span < items[$1].span }.lazy.compactMap { items[$0].title }.first
            for m in members {
                canonical[m] = name
                entityTitle[m] = title
            }
        }

        // Everything else: group by words, then attach acronyms to the names they abbreviate.
        // Groups in order of their first member, found by one look-up per item.
        var groupOfKey: [String: Int] = [:]
        var merged: [[Int]] = []
        for i in items.indices where items[i].label != .person {
            let key = "\(items[i].label.tagIndex)|" + items[i].words.joined(separator: " ")
            if let g = groupOfKey[key] {
                merged[g].append(i)
            } else {
                groupOfKey[key] = merged.count
                merged.append([i])
            }
        }
        var acronyms: [String: Int] = [:]  // acronym → index in merged
        for (g, members) in merged.enumerated() {
            let w = items[members[0]].words
            if w.count > 1, let a = MentionLinker.acronym(of: w) { acronyms[a] = g }
        }
        for (k, members) in merged.enumerated() {
            let w = items[members[0]].words
            // (A word without a "." byte cannot contain one: most skip Foundation's search.)
            let dotted = w.count == 1 && w[0].utf8.contains(UInt8(ascii: ".")) && w[0].contains(".")
            if w.count == 1, let target = acronyms[dotted ? w[0].filter { $0 != "." } : w[0]], target != k {
                merged[target] += members
                merged[k] = []
            }
        }
        for members in merged where !members.isEmpty {
            let name = fullest(members, items, document)
            for m in members { canonical[m] = name }
        }

        let spans = items.map(\.span)  // compared without copying whole items
        return items.indices.sorted { spans[$0] < spans[$1] }.map { i in
            LinkedMention(
                span: items[i].span, label: items[i].label, canonical: canonical[i],
                title: items[i].title ?? entityTitle[i])
        }
    }

    /// Lower-case words inside names ("Ursula von der Leyen").
    private static let particles: Set<String> = [
        "de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "di", "du", "dos", "del", "ibn"
    ]
    /// The small words acronyms leave out.
    private struct Item {
        var span: Span
        var label: EntityLabel
        /// Lower-cased words of the name, without punctuation.
        var words: [String]
        var title: String?
    }

    private func words(_ span: Span, _ d: AnalyzedDocument) -> [String] {
        // ASCII names (nearly all) are lower-cased and split byte by byte, without Character
        // processing; others go through String.
        var ascii = true
        for i in span.start..<span.end where d.utf8[i] >= 0x80 {
            ascii = false
            break
        }
        guard ascii else {
            return d.text(of: span).lowercased()
                .split(whereSeparator: {
                    $0 == " " || $0 == "\n" || $0 == "-" || $0 == "," || $0 == "\u{2010}" || $0 == "\t"
                })
                .map(String.init)
        }
        var out: [String] = []
        var word: [UInt8] = []
        for i in span.start...span.end {
            let c = i < span.end ? d.utf8[i] : 32
            if c == 32 || c == 10 || c == 45 || c == 44 || c == 9 || c == 13 {
                if !word.isEmpty {
                    out.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            } else {
                word.append(c >= 65 && c <= 90 ? c | 0x20 : c)
            }
        }
        return out
    }

    private func fullest(_ members: [Int], _ items: [Item], _ d: AnalyzedDocument) -> String {
        MentionLinker.fullest(members, span: { items[$0].span }, wordCount: { items[$0].words.count }, d)
    }
}
