import AssayCore
import Foundation

/// A gold entity: a byte span of its document and its label.
struct GoldEntity: Hashable {
    var span: Span
    var label: EntityLabel
}

/// Documents with gold entities, read from JSON Lines `{"id", "text", "entities": [{"start",
/// "end", "label"}]}` with Unicode scalar offsets (the format of the CoNLL-2003 files).
struct AnnotatedCorpus {
    var documents: [(document: AnalyzedDocument, gold: [GoldEntity])] = []

    /// A corpus of documents already read.
    init(documents: [(document: AnalyzedDocument, gold: [GoldEntity])]) { self.documents = documents }

    init(path: String) throws {
        for record in try AnnotatedRecords.read(path) {
            let lineNumber = record.line
            let doc = AnalyzedDocument(Document(id: record.id, source: "\(path):\(lineNumber)", text: record.text))
            var gold: [GoldEntity] = []
            for e in record.object["entities"] as? [[String: Any]] ?? [] {
                guard let s = e["start"] as? Int, let t = e["end"] as? Int,
                    let l = (e["label"] as? String).flatMap(EntityLabel.init(name:))
                else {
                    throw AssayError(
                        .invalidJSONLine, "\(path):\(lineNumber): an entity needs start, end and a known label")
                }
                gold.append(GoldEntity(span: Span(doc.byteOffset(ofScalar: s), doc.byteOffset(ofScalar: t)), label: l))
            }
            documents.append((doc, gold))
        }
    }

    var entityCount: Int { documents.reduce(0) { $0 + $1.gold.count } }
}

/// Turns gold spans into BILOU tags over the tagger's units.
///
/// CoNLL tags a hyphenated word as one entity (`U.S.-led` is MISC, `Israeli-PLO` is MISC); our
/// units split it, and real news wants `China-Russia` as two places. So where a gold entity is
/// exactly one hyphenated token and every capitalised part is a name the training data itself
/// tags alone (`U.S.` → LOC, `PLO` → ORG), the parts are tagged as those names instead; other
/// compounds (`Alkhan-Yurt`, `Itar-Tass`) stay whole.
struct GoldAligner {
    /// Lower-cased single-word entity texts of the training data with their commonest label.
    private var partLabels: [String: EntityLabel] = [:]
    private(set) var misaligned = 0
    private(set) var splitCompounds = 0

    init(_ corpus: AnnotatedCorpus) {
        var counts: [String: [Int]] = [:]
        for (doc, gold) in corpus.documents {
            for g in gold {
                let text = doc.text(of: g.span)
                guard !text.contains(" "), !text.contains("-") else { continue }
                counts[text.lowercased(), default: [0, 0, 0, 0]][g.label.tagIndex] += 1
            }
        }
        for (k, c) in counts {
            let best = c.indices.max { c[$0] < c[$1] }!
            if c[best] * 3 >= c.reduce(0, +) * 2 { partLabels[k] = EntityLabel(tagIndex: best) }
        }
    }

    mutating func tags(_ document: AnalyzedDocument, _ units: TaggingUnits, _ gold: [GoldEntity]) -> [Int] {
        var tags = [Int](repeating: BILOU.outside, count: units.count)
        for g in gold {
            // Units inside the gold span (binary search would do; spans are few per document).
            var inside: [Int] = []
            for (i, s) in units.spans.enumerated() where s.start >= g.span.start && s.end <= g.span.end {
                inside.append(i)
            }
            guard let first = inside.first, let last = inside.last,
                units.spans[first].start == g.span.start, units.spans[last].end == g.span.end
            else {
                misaligned += 1
                continue
            }
            if inside.count > 1, let parts = compoundParts(document, units, first...last, g.span) {
                splitCompounds += 1
                for (i, label) in parts { tags[i] = BILOU.tag(label, .unit) }
                continue
            }
            for (k, t) in BILOU.tags(for: g.label, length: last - first + 1).enumerated() { tags[first + k] = t }
        }
        return tags
    }

    /// The labelled parts of a gold entity that is one hyphenated token, if all its capitalised
    /// parts are known names.
    private func compoundParts(_ d: AnalyzedDocument, _ units: TaggingUnits, _ range: ClosedRange<Int>, _ span: Span)
        -> [(Int, EntityLabel)]?
    {
        let text = d.text(of: span)
        guard !text.contains(" ") else { return nil }
        var out: [(Int, EntityLabel)] = []
        for i in range {
            let part = d.text(of: units.spans[i])
            guard let f = part.unicodeScalars.first, f.properties.isUppercase else { continue }
            guard let l = partLabels[part.lowercased()] else { return nil }
            out.append((i, l))
        }
        return out.isEmpty ? nil : out
    }
}
