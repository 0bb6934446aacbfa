import AssayCore

/// Scores sentences, quotes and whole documents in [-1, 1] with a positive, negative or
/// neutral label.
///
/// What it scores depends on the span it runs in:
/// - the whole document: every sentence (`scope: "sentence"`) and the document
///   (`scope: "document"`, the mean of its sentences, as human document ratings are);
/// - a stretch of at least ``minimumSpanWords`` words, such as a quote in `quotes | sentiment`:
///   that stretch as a unit (`scope: "span"`); a span made of whole sentences also gets its
///   sentences;
/// - anything shorter, such as a name in `entities | sentiment`: the sentence(s) around it.
///
/// Over the whole document it also answers the document's ``Document/targets`` (the batch
/// contract's `"targets"`): one `scope: "target"` annotation on each target's span with the
/// tone toward it, from the ``TargetSentimentModel`` (not the sentence's tone). With the
/// `toward` option it answers the span it runs in the same way.
public struct SentimentExtractor: Extractor {
    public init() {}

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public static let descriptor = ExtractorDescriptor(
        name: "sentiment",
        summary: "Sentiment of sentences, quotes and documents (score in [-1, 1] and a label)",
        discussion: """
            A lexicon-and-rules model for news (VADER's lexicon extended with conflict, diplomacy and \
            economy vocabulary and multi-word expressions; negation, intensifiers and hedges, "but" and \
            "despite" clauses, names), whose outputs and word weights were fitted on human-rated \
            news sentences: a regression gives the score, and a 3-class classifier over the same features \
            gives the label of each sentence or quote (means over a document or an entity's mentions are \
            labelled by thresholds on the mean score). Over a whole document it scores every sentence and the document; inside a \
            quote it scores the quote; inside a short span (a name) it scores the enclosing sentence. \
            With toward=true it scores the tone toward the span it runs in instead (`scope: "target"`), with the \
            target model that `entity-sentiment` uses: `entities | where text == "Xi" | sentiment toward=true`. \
            The batch contract's "targets" are answered the same way. \
            Compare with VADER: `assay eval sentiment FILE`; refit: `assay train sentiment --data FILE --out FILE`.
            """,
        version: "1.2",
        fields: [
            FieldDescriptor(
                "scope", .string, "what was scored: sentence, span, document, or target (a span the input named)"),
            FieldDescriptor("score", .number, "sentiment in [-1, 1]"),
            FieldDescriptor("label", .string, "positive, negative or neutral"),
            FieldDescriptor("explain", .list, "with explain=true: the words and rules that moved the score")
        ],
        options: [
            OptionDescriptor(
                "explain", default: .bool(false), "add an explain field listing the words and rules behind each score"),
            OptionDescriptor(
                "toward", default: .bool(false),
                "score the tone toward the span it runs in (a name: 'entities | sentiment toward=true'), not the text of its sentence"
            )
        ])

    /// Loads the sentiment model (lexicon and fitted weights).
    public func prepare() { _ = SentimentModel.bundled }

    /// Spans with fewer words than this are taken as pointers to their sentence (a name), not as
    /// text to score on its own.
    public static let minimumSpanWords = 4

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        guard !document.tokens.isEmpty else { return [] }
        let explain = context.flag("explain")
        if context.flag("toward") {
            var targets = TargetScorer(document: document)
            return [targets.annotation(span, explain: explain)]
        }
        let scorer = SentimentScorer(document: document, model: .bundled, explain: explain)
        let tokens = document.tokenRange(in: span)
        if tokens == 0..<document.tokens.count {
            let targetSpans = document.targetSpans
            // Targets read the sentences' analyses rather than making them again.
            var targets =
                targetSpans.isEmpty
                ? nil
                : TargetScorer(
                    document: document, sentenceModel: scorer.model, words: scorer.words, expecting: targetSpans)
            // One array for every annotation, and the document's mean from the sentence scores
            // as they are made rather than read back from the annotations.
            var annotations: [Annotation] = []
            annotations.reserveCapacity(document.sentences.count + 1 + targetSpans.count)
            var sum = 0.0
            for (index, sentence) in document.sentences.enumerated() {
                let scored = scorer.model.score(
                    document, tokens: sentence.tokens, words: scorer.words, explain: scorer.explain)
                targets?.reuse(scored, ofSentence: index)
                sum += SentimentScorer.roundedScore(scored.score)
                annotations.append(scorer.annotation(scored, span: sentence.span, scope: "sentence"))
            }
            annotations.append(
                scorer.mean(sum: sum, count: document.sentences.count, span: document.fullSpan, scope: "document"))
            if var targets {
                for target in targetSpans { annotations.append(targets.annotation(target, explain: scorer.explain)) }
            }
            return annotations
        }
        let sentenceRange = document.sentenceRange(overlapping: span)
        let words = tokens.filter { document.tokens[$0].kind == .word }.count
        if words < Self.minimumSpanWords {
            return sentenceRange.map(scorer.sentence)
        }
        let whole = sentenceRange.filter { span.contains(document.sentences[$0].span) }
        if whole.count > 1 {
            let sentences = whole.map(scorer.sentence)
            return sentences + [scorer.mean(of: sentences, span: span, scope: "span")]
        }
        return [scorer.unit(tokens, span: span, scope: "span")]
    }
}

/// Turns model scores into annotations for one document.
struct SentimentScorer {
    let document: AnalyzedDocument
    let model: SentimentModel
    let explain: Bool
    /// The lexicon entries of the document's words, shared by every stretch scored.
    let words: DocumentWords

    init(document: AnalyzedDocument, model: SentimentModel, explain: Bool) {
        self.document = document
        self.model = model
        self.explain = explain
        self.words = model.words(of: document)
    }

    func sentence(_ index: Int) -> Annotation {
        let s = document.sentences[index]
        return unit(s.tokens, span: s.span, scope: "sentence")
    }

    func unit(_ tokens: Range<Int>, span: Span, scope: String) -> Annotation {
        annotation(model.score(document, tokens: tokens, words: words, explain: explain), span: span, scope: scope)
    }

    func annotation(_ scored: SentimentModel.Scored, span: Span, scope: String) -> Annotation {
        // In the stored form, so the fields are not copied again (one annotation per sentence).
        var fields: [(key: String, value: Value)] = [
            ("scope", .string(scope)), ("score", Self.rounded(scored.score)),
            ("label", .string(scored.label))
        ]
        if explain {
            fields.append(("explain", .list(model.explanation(scored.analysis, in: document).map(Value.string))))
        }
        return Annotation(extractor: SentimentExtractor.descriptor.name, span: span, labeledFields: fields)
    }

    /// The mean of sentence annotations, as human document ratings are the mean of sentences.
    func mean(of sentences: [Annotation], span: Span, scope: String) -> Annotation {
        let scores = sentences.compactMap { $0["score"]?.number }
        return mean(sum: scores.reduce(0, +), count: scores.count, span: span, scope: scope)
    }

    /// The mean of `count` sentence scores (as their annotations hold them, rounded) adding up to `sum`.
    func mean(sum: Double, count: Int, span: Span, scope: String) -> Annotation {
        let mean = count == 0 ? 0 : sum / Double(count)
        var fields: [(key: String, value: Value)] = [
            ("scope", .string(scope)), ("score", Self.rounded(mean)),
            ("label", .string(model.label(mean)))
        ]
        if explain {
            fields.append(("explain", .list([.string("mean of \(count) sentence scores")])))
        }
        return Annotation(extractor: SentimentExtractor.descriptor.name, span: span, labeledFields: fields)
    }

    static func rounded(_ v: Double) -> Value { .number(roundedScore(v)) }

    /// A score to the four decimals annotations give.
    static func roundedScore(_ v: Double) -> Double { (v * 10000).rounded() / 10000 }
}
