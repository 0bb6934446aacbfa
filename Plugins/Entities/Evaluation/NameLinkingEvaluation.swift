import AssayCore
import Foundation

/// `assay eval names FILE...`: whether corpus linking gives one entity to one person (or
/// organisation) across documents, scored on pairs of documents' entities.
///
/// The gold identity comes from the annotation: CoNLL-style files (`entities`) give each PER and
/// ORG mention the fullest gold mention of its document whose words include all of its own (the
/// document's canonical name); PolNeAR-style files (`quotes`) give each quote's speaker mention
/// its canonical `speaker` (when the annotation found a name inside the mention). A document's
/// mentions of one gold identity are one unit; its predicted identity is the `entity_id` most
/// of its mentions get from the real pipeline (entities, within-document linking, then corpus
/// linking over the file). Positive pairs: units of different documents with the same gold
/// name. Negative pairs: units with different gold names that share a word and are not forms
/// of one name ("Bill Clinton" and "Hillary Clinton"; not "Obama" and "Barack Obama", nor
/// "Donald Trump" and "Donald J. Trump", which the gold cannot tell apart). Precision is the
/// share of predicted links among judged pairs that are positive; recall the share of positive
/// pairs linked.
enum NameLinkingEvaluation {
    static let tool = ExtractorTool(
        kind: .evaluate, name: "names",
        summary: "Corpus linking of people and organisations: pairwise precision and recall across documents",
        usage: "FILE... [--errors N] [--document-names]"
    ) { arguments, _, output in
        var arguments = arguments
        // Without corpus linking (an empty table): each mention is its document's canonical name, folded.
        let documentNames = arguments.contains("--document-names")
        arguments.removeAll { $0 == "--document-names" }
        let args = try ToolArguments(arguments, known: ["errors"])
        guard !args.positionals.isEmpty else {
            throw AssayError(.invalidArgument, "usage: assay eval names FILE... [--errors N]")
        }
        let errorLimit = try args.integer("errors", in: 0...)
        let recognizer = try EntityRecognizer.shipped.get()
        var total = PairCounts()
        for path in args.positionals {
            let result = try evaluate(
                try AnnotatedRecords.read(path), recognizer: recognizer, documentNames: documentNames)
            output("\(path): \(result.documents) documents, \(result.units) entities with a gold name, \(result.kind)")
            output(result.counts.report)
            if let limit = errorLimit { output(result.errors(limit)) }
            total += result.counts
        }
        if args.positionals.count > 1 { output("all files:\n" + total.report) }
    }

    /// Pair counts: positive and negative pairs, and how many of each were linked.
    struct PairCounts {
        var positives = 0, linkedPositives = 0, negatives = 0, linkedNegatives = 0
        var precision: Double {
            linkedPositives + linkedNegatives == 0
                ? 1 : Double(linkedPositives) / Double(linkedPositives + linkedNegatives)
        }
        var recall: Double { positives == 0 ? 1 : Double(linkedPositives) / Double(positives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var report: String {
            String(
                format:
                    "  pairs: %d positive (%d linked), %d negative (%d linked)\n  precision %.4f  recall %.4f  F1 %.4f",
                positives, linkedPositives, negatives, linkedNegatives, precision, recall, f1)
        }
        static func += (a: inout PairCounts, b: PairCounts) {
            a.positives += b.positives
            a.linkedPositives += b.linkedPositives
            a.negatives += b.negatives
            a.linkedNegatives += b.linkedNegatives
        }
    }

    /// A document's mentions of one gold identity.
    struct Unit {
        var document: Int
        var label: String
        var gold: [String]
        var predicted: String
    }

    struct Result {
        var documents: Int
        var units: Int
        var kind: String
        var counts: PairCounts
        var missed: [(gold: String, split: [String: Int])]
        var falseLinks: [(a: String, b: String, id: String, pairs: Int)]

        func errors(_ limit: Int) -> String {
            var lines = ["  gold names split across entities (most pairs lost first):"]
            for m in missed.prefix(limit) {
                lines.append(
                    "    \(m.gold): "
                        + m.split.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map {
                            "\($0.key) ×\($0.value)"
                        }.joined(separator: ", "))
            }
            lines.append("  different gold names linked:")
            for f in falseLinks.prefix(limit) { lines.append("    \(f.a) + \(f.b) as \(f.id) (\(f.pairs) pairs)") }
            return lines.joined(separator: "\n")
        }
    }

    static func evaluate(_ records: [AnnotatedRecord], recognizer: EntityRecognizer, documentNames: Bool = false) throws
        -> Result
    {
        let docs = records.map { AnalyzedDocument(Document(id: $0.id, source: "line \($0.line)", text: $0.text)) }
        let extractor = EntitiesExtractor(recognizer: recognizer)
        let found = ParallelRunner().map(docs) { d in
            (try? extractor.extract(from: d, in: d.fullSpan, context: ExtractionContext())) ?? []
        }.map { $0 ?? [] }
        var statistics = CorpusNameStatistics()
        for (d, e) in zip(docs, found) { statistics.add(entities: e, in: d) }
        let names = documentNames ? CorpusNames() : statistics.table()

        let isSpeakers = records.first.map { $0.object["entities"] == nil && $0.object["quotes"] != nil } ?? false
        var units: [Unit] = []
        for (i, record) in records.enumerated() {
            let d = docs[i]
            let resolver = CorpusLinking.DocumentResolver(names: names, entities: found[i], in: d)
            let gold = try isSpeakers ? speakerMentions(record, d) : nameMentions(record, d)
            var votes: [[String]: [String: Int]] = [:], order: [[String]] = [], labels: [[String]: String] = [:]
            for g in gold {
                let id = predictedID(g.span, gold: g.key, found[i], resolver, d) ?? "(not found)#\(i):\(g.span.start)"
                if votes[g.key] == nil {
                    order.append(g.key)
                    labels[g.key] = g.label
                }
                votes[g.key, default: [:]][id, default: 0] += 1
            }
            for k in order {
                let v = votes[k]!
                let id = v.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
                units.append(Unit(document: i, label: labels[k]!, gold: k, predicted: id))
            }
        }
        return score(units, documents: docs.count, kind: isSpeakers ? "quote speakers" : "PER and ORG names")
    }

    /// A gold mention: where, its label and its gold identity's folded words.
    struct GoldMention {
        var span: Span
        var label: String
        var key: [String]
    }

    /// CoNLL PER and ORG mentions, each with the fullest gold mention of its document that
    /// holds all of its words (skipped when two different fullest ones do).
    static func nameMentions(_ record: AnnotatedRecord, _ d: AnalyzedDocument) throws -> [GoldMention] {
        var mentions: [GoldMention] = []
        for e in record.object["entities"] as? [[String: Any]] ?? [] {
            guard let s = e["start"] as? Int, let t = e["end"] as? Int, s >= 0, s < t, var label = e["label"] as? String
            else {
                throw AssayError(.invalidJSONLine, "line \(record.line): an entity needs start, end and label")
            }
            if label == "PER" { label = NameKey.personLabel }
            guard label == NameKey.personLabel || label == NameKey.organisationLabel else { continue }
            let span = Span(d.byteOffset(ofScalar: s), d.byteOffset(ofScalar: t))
            let words = NameKey.words(of: d.text(of: span), label: label)
            if !words.isEmpty { mentions.append(GoldMention(span: span, label: label, key: words)) }
        }
        return mentions.compactMap { m in
            let own = Set(m.key)
            let holders = mentions.filter { $0.label == m.label && own.isSubset(of: Set($0.key)) }
            let longest = holders.map(\.key.count).max() ?? m.key.count
            let fullest = Set(holders.filter { $0.key.count == longest }.map(\.key))
            guard fullest.count == 1 else { return nil }
            return GoldMention(span: m.span, label: m.label, key: fullest.first!)
        }
    }

    /// PolNeAR speaker mentions that contain a name, with the canonical speaker.
    static func speakerMentions(_ record: AnnotatedRecord, _ d: AnalyzedDocument) throws -> [GoldMention] {
        (record.object["quotes"] as? [[String: Any]] ?? []).compactMap { q in
            guard q["speaker_resolution"] as? String == "ner_in_source", let speaker = q["speaker"] as? String,
                let s = q["speaker_start"] as? Int, let t = q["speaker_end"] as? Int, s >= 0, s < t
            else { return nil }
            let key = NameKey.words(of: speaker, label: NameKey.personLabel)
            guard !key.isEmpty else { return nil }
            return GoldMention(
                span: Span(d.byteOffset(ofScalar: s), d.byteOffset(ofScalar: t)), label: "SPEAKER", key: key)
        }
    }

    /// The corpus entity of the PERSON or ORG mention that best covers `span`: the same span,
    /// else one that shares a word with the gold name (a speaker mention "Donna Brazile, chair
    /// of the DNC" holds two names), else the largest overlap.
    static func predictedID(
        _ span: Span, gold: [String], _ entities: [Annotation], _ resolver: CorpusLinking.DocumentResolver,
        _ d: AnalyzedDocument
    ) -> String? {
        var best: (Annotation, Int)?
        let goldWords = Set(gold)
        for a in entities {
            guard case .string(let label)? = a["label"],
                label == NameKey.personLabel || label == NameKey.organisationLabel
            else { continue }
            let overlap = min(a.span.end, span.end) - max(a.span.start, span.start)
            guard overlap > 0 else { continue }
            let sharesWord = !goldWords.isDisjoint(with: NameKey.words(of: d.text(of: a.span), label: label))
            let weight = a.span == span ? Int.max : overlap + (sharesWord ? 1 << 30 : 0)
            if weight > best?.1 ?? 0 { best = (a, weight) }
        }
        guard let (a, _) = best, case .string(let label)? = a["label"] else { return nil }
        var canonical = d.text(of: a.span)
        if case .string(let c)? = a["canonical"], !c.isEmpty { canonical = c }
        return resolver.entity(label: label, canonical: canonical)?.id
    }

    /// Pair counts over units of different documents.
    static func score(_ units: [Unit], documents: Int, kind: String) -> Result {
        var counts = PairCounts()
        // Positives: units of one gold name (one per document).
        var byGold: [String: [Int]] = [:]
        for (i, u) in units.enumerated() {
            byGold[u.label + "|" + u.gold.joined(separator: " "), default: []].append(i)
        }
        var missed: [(gold: String, split: [String: Int], lost: Int)] = []
        for (key, members) in byGold where members.count > 1 {
            let n = members.count
            counts.positives += n * (n - 1) / 2
            var split: [String: Int] = [:]
            for m in members { split[units[m].predicted, default: 0] += 1 }
            let linked = split.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
            counts.linkedPositives += linked
            if split.count > 1 { missed.append((key, split, n * (n - 1) / 2 - linked)) }
        }
        // Negatives: units of different gold names sharing a word, not forms of one name.
        var byWord: [String: [Int]] = [:]
        for (i, u) in units.enumerated() { for w in Set(u.gold) { byWord[u.label + "|" + w, default: []].append(i) } }
        var judged = Set<Int>()
        var falseLinks: [String: Int] = [:]
        for members in byWord.values {
            for x in members.indices {
                for y in members.indices where y > x {
                    let a = members[x], b = members[y]
                    let ua = units[a], ub = units[b]
                    guard ua.document != ub.document, ua.gold != ub.gold,
                        !formsOfOneName(ua.gold, ub.gold, label: ua.label),
                        judged.insert(a * units.count + b).inserted
                    else { continue }
                    counts.negatives += 1
                    if ua.predicted == ub.predicted {
                        counts.linkedNegatives += 1
                        let names = [ua.gold.joined(separator: " "), ub.gold.joined(separator: " ")].sorted()
                        falseLinks[names[0] + "\u{1}" + names[1] + "\u{1}" + ua.predicted, default: 0] += 1
                    }
                }
            }
        }
        let links = falseLinks.map { (k, v) -> (a: String, b: String, id: String, pairs: Int) in
            let p = k.split(separator: "\u{1}").map(String.init)
            return (p[0], p[1], p[2], v)
        }.sorted { $0.pairs > $1.pairs || ($0.pairs == $1.pairs && ($0.a, $0.b) < ($1.a, $1.b)) }
        return Result(
            documents: documents, units: units.count, kind: kind, counts: counts,
            missed: missed.sorted { $0.lost > $1.lost || ($0.lost == $1.lost && $0.gold < $1.gold) }.map {
                ($0.gold, $0.split)
            },
            falseLinks: links)
    }

    /// Whether two different gold names may be forms of one name, which the gold cannot tell
    /// apart: for people, the same last name with one of them a single word or both with the
    /// same first name (or initial); for organisations, one an abbreviation of the other or
    /// all of one's words in the other.
    static func formsOfOneName(_ a: [String], _ b: [String], label: String) -> Bool {
        if label == NameKey.organisationLabel {
            if a.count == 1 && NameKey.mayAbbreviate(a[0], b) { return true }
            if b.count == 1 && NameKey.mayAbbreviate(b[0], a) { return true }
            return Set(a).isSubset(of: Set(b)) || Set(b).isSubset(of: Set(a))
        }
        if a.count == 1 || b.count == 1 { return a.last == b.last || a.first == b.first }
        guard a.last == b.last else { return false }
        let x = a[0], y = b[0]
        return x == y || (x.count == 1 && y.first == x.first) || (y.count == 1 && x.first == y.first)
    }
}
