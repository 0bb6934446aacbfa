import AssayCore
import Foundation

/// `assay eval quotes FILE [--errors N] [--docs N]`: scores the extractor on annotated JSON Lines
/// (`{"id", "text", "quotes": [{"start", "end", "speaker", "speaker_start", "speaker_end",
/// "speaker_resolution", "kind"}]}`, offsets in Unicode scalars, kind `full` or `partial`).
///
/// Prints quote precision, recall and F1 by overlap (a found quote counts if it overlaps an
/// annotated one), overall (`direct` + `partial`, since the annotation has no terms or indirect
/// speech) and for direct quotes (`direct` against `full`), speaker accuracy over the annotated
/// quotes that were found, and how often the speaker was read from the annotated mention (the
/// part people annotated; the canonical names were derived automatically). `--errors N` then
/// lists the speaker errors grouped by cause (up to N examples each) and up to N other errors;
/// `--docs N` scores the first N documents only.
enum QuoteEvaluation {
    static let tool = ExtractorTool(
        kind: .evaluate, name: "quotes",
        summary: "quote precision/recall/F1 (overlap) and speaker accuracy on annotated JSON Lines",
        usage: "FILE [--errors N] [--docs N]"
    ) { arguments, registry, output in
        let args = try ToolArguments(arguments, known: ["errors", "docs"])
        guard let path = args.positionals.first else {
            throw AssayError(.invalidArgument, "usage: assay eval quotes FILE [--errors N] [--docs N]")
        }
        let showErrors = try args.integer("errors", in: 0...) ?? 0
        let documentLimit = try args.integer("docs", in: 0...)
        let plan = try ExtractionPlan([.init("quotes")], registry: registry)
        var score = QuoteScore()
        var log = SpeakerErrorLog(limit: showErrors)
        for record in try AnnotatedRecords.read(path).prefix(documentLimit ?? Int.max) {
            let document = AnalyzedDocument(Document(id: record.id, text: record.text))
            let gold = (record.object["quotes"] as? [[String: Any]] ?? []).compactMap { GoldQuote($0, document) }
            let found = try plan.run(document)["quotes"] ?? []
            let predicted = found.map { PredictedQuote($0, document) }
            log.add(gold: gold, predicted: predicted, document: record.id, to: &score)
        }
        output(score.report())
        guard showErrors > 0 else { return }
        log.report(score, output: output)
    }
}

/// Up to a number of examples of each cause of speaker error and of the other errors, as
/// `assay eval quotes --errors N` and `assay train quotes --folds N --errors N` list them.
struct SpeakerErrorLog {
    var limit: Int
    private var examples: [SpeakerErrorCause: [String]] = [:]
    private var others: [String] = []

    init(limit: Int) { self.limit = limit }

    /// Scores one document into `score`, keeping examples of its errors.
    mutating func add(gold: [GoldQuote], predicted: [PredictedQuote], document id: String, to score: inout QuoteScore) {
        score.add(
            gold: gold, predicted: predicted,
            speakerError: { cause, message in
                if examples[cause, default: []].count < limit {
                    examples[cause, default: []].append("\(id): \(message)")
                }
            },
            error: { message in
                if others.count < limit { others.append("\(id): \(message)") }
            })
    }

    /// Prints the speaker errors of `score` by cause with their examples, then the other errors.
    func report(_ score: QuoteScore, output: (String) -> Void) {
        output("speaker errors by cause:")
        for cause in SpeakerErrorCause.allCases {
            let n = score.speakerErrors[cause, default: 0]
            guard n > 0 else { continue }
            // How the annotation's names of these were derived ("speaker_resolution"): a name
            // from automatic coreference is a weaker reference than one inside the mention.
            let sources = score.speakerErrorSources[cause, default: [:]].sorted {
                ($0.value, $1.key) > ($1.value, $0.key)
            }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            output("  \(cause.rawValue): \(n)\(sources.isEmpty ? "" : " (annotated name from: \(sources))")")
            for e in examples[cause] ?? [] { output("    \(e)") }
        }
        output("other errors:")
        for e in others { output("  \(e)") }
    }
}

/// An annotated quote, in UTF-8 byte offsets of its document.
struct GoldQuote {
    var span: Span
    var isFull: Bool
    var speaker: String?
    var speakerSpan: Span?
    var mention: String?
    var resolution: String
    /// When the annotated mention is a word that only points at the speaker (slips of the
    /// annotation): the speech verb itself ("“…,” [said] Hester"), with the first byte of the word
    /// on each side, where its subject's mention lies; a relative pronoun ("Alfonso Aguilar, [who]
    /// said"), with the last byte of the word before it, where its antecedent ends.
    var pointerNeighbourhood: Span?

    init?(_ object: [String: Any], _ document: AnalyzedDocument) {
        guard let start = object["start"] as? Int, let end = object["end"] as? Int, start <= end else { return nil }
        span = Span(document.byteOffset(ofScalar: start), document.byteOffset(ofScalar: end))
        isFull = (object["kind"] as? String) == "full"
        speaker = object["speaker"] as? String
        if let s = object["speaker_start"] as? Int, let e = object["speaker_end"] as? Int, s <= e {
            speakerSpan = Span(document.byteOffset(ofScalar: s), document.byteOffset(ofScalar: e))
        }
        mention = object["speaker_mention"] as? String
        resolution = object["speaker_resolution"] as? String ?? "none"
        if let m = speakerSpan, let text = mention?.lowercased() {
            let verb = Self.speechVerbs.contains(text)
            if verb || Self.relativePronouns.contains(text) {
                let bytes = document.utf8
                // Spaces and line breaks on both sides, and the commas of a relative clause before it.
                func isGap(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || (!verb && b == 0x2C) }
                var start = m.start, end = m.end
                while start > 0, isGap(bytes[start - 1]) { start -= 1 }
                while verb, end < bytes.count, isGap(bytes[end]) { end += 1 }
                pointerNeighbourhood = Span(max(0, start - 1), verb ? min(bytes.count, end + 1) : m.start)
            }
        }
    }

    /// Speech verbs and relative pronouns the annotation sometimes gives as the speaker mention.
    private static let speechVerbs: Set<String> = ["said", "says"]
    private static let relativePronouns: Set<String> = ["who", "which"]
}

/// A found quote, in UTF-8 byte offsets.
struct PredictedQuote {
    var span: Span
    var kind: String
    var speaker: String?
    var speakerSpan: Span?
    var text: String
    /// The text of the speaker mention, if there is one.
    var mention: String?

    init(_ a: Annotation, _ document: AnalyzedDocument) {
        span = a.span
        kind = a["kind"]?.text ?? ""
        if case .string(let s)? = a["speaker"] { speaker = s }
        if case .int(let s)? = a["speaker_start"], case .int(let e)? = a["speaker_end"] {
            let mentionSpan = Span(document.byteOffset(ofScalar: s), document.byteOffset(ofScalar: e))
            speakerSpan = mentionSpan
            mention = document.text(of: mentionSpan)
        }
        text = document.text(of: a.span)
    }

    init(
        span: Span, kind: String, speaker: String?, speakerSpan: Span? = nil, text: String = "", mention: String? = nil
    ) {
        self.span = span
        self.kind = kind
        self.speaker = speaker
        self.speakerSpan = speakerSpan
        self.text = text
        self.mention = mention
    }

    var isQuote: Bool { kind == "direct" || kind == "partial" }
}

/// Counts for precision, recall and speaker accuracy, accumulated over documents.
struct QuoteScore {
    var documents = 0
    var gold = 0, goldFull = 0
    var predicted = 0, predictedDirect = 0, terms = 0, indirect = 0
    var truePredicted = 0, trueDirect = 0, directOverlappingAny = 0
    var recalled = 0, recalledFull = 0, fullFoundAsAny = 0
    var speakerTotal = 0, speakerCorrect = 0, speakerFullTotal = 0, speakerFullCorrect = 0
    /// Scored quotes whose speaker agrees with the annotation's derived canonical name alone.
    var canonicalNameCorrect = 0
    /// Scored quotes whose speaker was read from the annotated mention (overlapping it).
    var mentionCorrect = 0
    var speakerErrors: [SpeakerErrorCause: Int] = [:]
    /// The speaker errors of each cause by how the annotated name was derived (`speaker_resolution`).
    var speakerErrorSources: [SpeakerErrorCause: [String: Int]] = [:]

    /// - Parameters:
    ///   - speakerError: told each speaker error with its cause.
    ///   - error: told every other error (extra, missed, wrong kind).
    mutating func add(
        gold goldQuotes: [GoldQuote], predicted all: [PredictedQuote],
        speakerError: (SpeakerErrorCause, String) -> Void = { _, _ in }, error: (String) -> Void = { _ in }
    ) {
        documents += 1
        let quotes = all.filter(\.isQuote)
        terms += all.filter { $0.kind == "term" }.count
        indirect += all.filter { $0.kind == "indirect" }.count
        gold += goldQuotes.count
        goldFull += goldQuotes.filter(\.isFull).count
        predicted += quotes.count
        predictedDirect += quotes.filter { $0.kind == "direct" }.count
        for p in quotes {
            if goldQuotes.contains(where: { $0.span.overlaps(p.span) }) {
                truePredicted += 1
            } else {
                error("extra \(p.kind) [\(p.text.prefix(70))] speaker=\(p.speaker ?? "null")")
            }
            if p.kind == "direct" {
                if goldQuotes.contains(where: { $0.span.overlaps(p.span) }) { directOverlappingAny += 1 }
                if goldQuotes.contains(where: { $0.isFull && $0.span.overlaps(p.span) }) {
                    trueDirect += 1
                } else if goldQuotes.contains(where: { $0.span.overlaps(p.span) }) {
                    error("direct, annotated partial [\(p.text.prefix(70))]")
                }
            }
        }
        for g in goldQuotes {
            let overlapping = quotes.filter { $0.span.overlaps(g.span) }
            guard let best = overlapping.max(by: { overlap($0.span, g.span) < overlap($1.span, g.span) }) else {
                error("missed \(g.isFull ? "full" : "partial") quote at \(g.span) speaker=\(g.speaker ?? "null")")
                continue
            }
            recalled += 1
            if g.isFull { fullFoundAsAny += 1 }
            if g.isFull {
                if overlapping.contains(where: { $0.kind == "direct" }) {
                    recalledFull += 1
                } else {
                    error("full found as \(best.kind) [\(best.text.prefix(70))]")
                }
            }
            guard g.resolution != "none", g.speaker != nil else { continue }
            let correct = Self.speakerMatches(best, g)
            speakerTotal += 1
            if correct { speakerCorrect += 1 }
            if Self.canonicalNameMatches(best, g) { canonicalNameCorrect += 1 }
            if let s = best.speakerSpan, let m = g.speakerSpan, s.overlaps(m) { mentionCorrect += 1 }
            if g.isFull {
                speakerFullTotal += 1
                if correct { speakerFullCorrect += 1 }
            }
            if !correct {
                let cause = SpeakerErrorCause.of(
                    predictedMention: best.speakerSpan, mentionText: best.mention,
                    speaker: best.speaker, goldMention: g.speakerSpan)
                speakerErrors[cause, default: 0] += 1
                speakerErrorSources[cause, default: [:]][g.resolution, default: 0] += 1
                let read = best.mention.map { " from [\($0.prefix(40))]" } ?? ""
                speakerError(
                    cause,
                    "speaker \(best.speaker ?? "null")\(read) for [\(best.text.prefix(50))], expected \(g.speaker ?? "null") (\(g.mention ?? ""))"
                )
            }
        }
    }

    private func overlap(_ a: Span, _ b: Span) -> Int { max(0, min(a.end, b.end) - max(a.start, b.start)) }

    /// Words that stand for no one: an annotated speaker given as one of them is correct when we
    /// say null or point at the same mention.
    private static let vague: Set<String> = [
        "they", "which", "who", "it", "we", "i", "you", "that", "them", "this",
        "he", "she", "him", "her", "said", "says"
    ]

    /// Whether a found speaker agrees with the annotated one, by the issue's rule: by surname
    /// with the annotation's derived canonical name (``canonicalNameMatches(_:_:)``), or by the
    /// human-annotated mention, which the derived name sometimes misreads: a found mention that
    /// points at the annotated one is right when it was left unresolved (a pronoun or a
    /// description), or when its name holds the annotated mention's head word ("Brian Fallon" for
    /// "Clinton campaign spokesman Brian Fallon", which the derivation named Clinton); a mention
    /// beside an annotated "said" is the subject of that verb, and one right before an annotated
    /// "who" or "which" is its antecedent.
    static func speakerMatches(_ p: PredictedQuote, _ g: GoldQuote) -> Bool {
        if canonicalNameMatches(p, g) { return true }
        guard let s = p.speakerSpan else { return false }
        if let pointer = g.pointerNeighbourhood { return s.overlaps(pointer) }
        guard let m = g.speakerSpan, s.overlaps(m) else { return false }
        guard let name = p.speaker else { return true }
        let named = words(name)
        return g.mention.map { headWords($0).contains(where: named.contains) } ?? false
    }

    /// The head words of a mention's noun phrase: its last word before any apposition or
    /// parenthesis ("Clinton campaign spokesman Brian Fallon", "Dean, a former chairman", "Gov.
    /// Mike Pence (R-IN)"); when that is a description, also the last word of the apposition that
    /// names it ("Santilli's attorney, Thomas Coan,").
    private static func headWords(_ mention: String) -> [String] {
        let parts = mention.split(omittingEmptySubsequences: true) { $0 == "," || $0 == "(" }
        guard let first = parts.first, let head = words(String(first)).last else { return [] }
        let lastWord = first.split { !$0.isLetter }.last
        guard parts.count > 1, lastWord?.first?.isLowercase == true,
            let named = words(String(parts[1])).last
        else { return [head] }
        return [head, named]
    }

    /// Whether a found speaker agrees with the annotation's canonical name: same surname-level
    /// name (the canonical names were derived automatically and are sometimes bare surnames),
    /// or, for an unresolved annotation, the same mention.
    static func canonicalNameMatches(_ p: PredictedQuote, _ g: GoldQuote) -> Bool {
        guard let goldName = g.speaker else { return p.speaker == nil }
        let sameMention = p.speakerSpan.map { s in g.speakerSpan.map { s.overlaps($0) } ?? false } ?? false
        // An annotation left unresolved (a pronoun, a description, a stray word) names no one we
        // can compare with: pointing at the same mention is right.
        if g.resolution == "source_text" || vague.contains(goldName.lowercased()) {
            if sameMention { return true }
        }
        if vague.contains(goldName.lowercased()) {
            return p.speaker == nil
                || (p.speakerSpan.map { s in g.speakerSpan.map { s.overlaps($0) } ?? false } ?? false)
        }
        guard let name = p.speaker else { return false }
        let a = words(name), b = words(goldName)
        if a.isEmpty || b.isEmpty { return false }
        return b.last.map(a.contains) == true || a.last.map(b.contains) == true
    }

    private static func words(_ s: String) -> [String] {
        s.lowercased().replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { !["the", "a", "an", "mr", "mrs", "ms", "dr", "president", "sen", "gov"].contains($0) }
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    var precision: Double { ratio(truePredicted, predicted) }
    var recall: Double { ratio(recalled, gold) }
    var directPrecision: Double { ratio(trueDirect, predictedDirect) }
    var directRecall: Double { ratio(recalledFull, goldFull) }
    var speakerAccuracy: Double { ratio(speakerCorrect, speakerTotal) }
    var directSpeakerAccuracy: Double { ratio(speakerFullCorrect, speakerFullTotal) }

    private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    private func f(_ v: Double) -> String { String(format: "%.3f", v) }

    /// Speaker accuracy (all quotes and direct ones) and quote F1 on one line.
    var speakerSummary: String {
        "speaker accuracy \(f(speakerAccuracy)) (\(speakerCorrect)/\(speakerTotal)), direct \(f(directSpeakerAccuracy)) (\(speakerFullCorrect)/\(speakerFullTotal)); quote F1 \(f(f1(precision, recall))); by canonical name alone \(f(ratio(canonicalNameCorrect, speakerTotal))) (\(canonicalNameCorrect)/\(speakerTotal))"
    }

    func report() -> String {
        """
        documents \(documents); annotated quotes \(gold) (\(goldFull) full); found \(predicted) quotes (\(predictedDirect) direct), \(terms) terms, \(indirect) indirect
        all quotes     precision \(f(precision))  recall \(f(recall))  F1 \(f(f1(precision, recall)))
        direct quotes  precision \(f(directPrecision))  recall \(f(directRecall))  F1 \(f(f1(directPrecision, directRecall)))
        direct quotes, kind aside  precision \(f(ratio(directOverlappingAny, predictedDirect)))  recall \(f(ratio(fullFoundAsAny, goldFull)))  (a direct quote on any annotated quote; a full quote found as any kind)
        speaker accuracy  all \(f(speakerAccuracy)) (\(speakerCorrect)/\(speakerTotal))  direct \(f(directSpeakerAccuracy)) (\(speakerFullCorrect)/\(speakerFullTotal))
        speaker by canonical name alone  \(f(ratio(canonicalNameCorrect, speakerTotal))) (\(canonicalNameCorrect)/\(speakerTotal)) (the annotation's derived names, without its mentions)
        speaker mention  \(f(ratio(mentionCorrect, speakerTotal))) (\(mentionCorrect)/\(speakerTotal)) read from the annotated mention
        """
    }
}
