import AssayCore
import Foundation

/// Scores the tone toward spans of one document (targets, entity mentions) with the
/// ``TargetSentimentModel``, reading each sentence with the sentence model only once however
/// many targets it holds.
struct TargetScorer {
    let document: AnalyzedDocument
    let sentenceModel: SentimentModel
    let model: TargetSentimentModel
    /// Each sentence's context once read, by sentence index.
    private var contexts: [TargetSentenceContext?]
    /// The lexicon entries of the document's words, made when a sentence is first read here.
    private var words: DocumentWords?

    /// Which sentences hold one of the spans given as `expecting`, whose readings ``reuse(_:ofSentence:)``
    /// takes; empty when none were given.
    private var expected: [Bool] = []

    /// A scorer for spans of `document`; `expecting` names spans that will be asked about, so that
    /// ``reuse(_:ofSentence:)`` keeps the readings of their sentences (and only theirs).
    init(
        document: AnalyzedDocument, sentenceModel: SentimentModel = .bundled, model: TargetSentimentModel = .bundled,
        words: DocumentWords? = nil, expecting spans: [Span] = []
    ) {
        self.document = document
        self.sentenceModel = sentenceModel
        self.model = model
        self.contexts = Array(repeating: nil, count: document.sentences.count)
        self.words = words
        guard !spans.isEmpty else { return }
        expected = Array(repeating: false, count: document.sentences.count)
        for span in spans {
            if let index = sentenceIndex(of: span) { expected[index] = true }
        }
    }

    /// Hands over a sentence's reading already made (by the sentence scoring of the same
    /// document), so that neither its analysis nor its logits are made twice: a sentence holding
    /// an expected span is read into its context at once, any other is passed over (most
    /// sentences of an article hold no target, and keeping their analyses cost more than
    /// reading the targets' sentences).
    mutating func reuse(_ scored: SentimentModel.Scored, ofSentence index: Int) {
        guard index < expected.count, expected[index], contexts[index] == nil else { return }
        contexts[index] = makeContext(index, scored.analysis, logits: scored.logits)
    }

    /// The sentence a span belongs to: the one holding its start, or else the first it overlaps.
    private func sentenceIndex(of span: Span) -> Int? {
        document.sentenceIndex(containing: span.start) ?? document.sentenceRange(overlapping: span).first
    }

    private func makeContext(_ index: Int, _ analysis: RuleAnalysis, logits z: SIMD3<Double>) -> TargetSentenceContext {
        // The sentence model's probabilities from its logits, as `classProbabilities` computes
        // them to the last bit but without its three arrays: this runs for every sentence with a target.
        let top = z.max()
        let e0 = Foundation.exp(z[0] - top), e1 = Foundation.exp(z[1] - top), e2 = Foundation.exp(z[2] - top)
        let sum = e0 + e1 + e2
        return TargetSentenceContext(
            document: document, tokens: document.sentences[index].tokens, analysis: analysis,
            probabilities: SIMD3(Float(e0 / sum), Float(e1 / sum), Float(e2 / sum)),
            weights: model.featureCount > 0 ? model.weights : nil)
    }

    /// The sentence context and token range of a span: the sentence holding its start, and the
    /// tokens it overlaps (a span may cut a token, as "Trump" in "Trump's" would not).
    mutating func locate(_ span: Span) -> (context: TargetSentenceContext, tokens: Range<Int>)? {
        guard let index = sentenceIndex(of: span) else { return nil }
        let context: TargetSentenceContext
        if let known = contexts[index] {
            context = known
        } else {
            let words = self.words ?? sentenceModel.words(of: document)
            self.words = words
            let scored = sentenceModel.score(document, tokens: document.sentences[index].tokens, words: words)
            context = makeContext(index, scored.analysis, logits: scored.logits)
            contexts[index] = context
        }
        let sentence = document.sentences[index].tokens
        return document.tokens.withUnsafeBufferPointer { tokens in
            // The first token ending after the span's start, by bisection (a sentence may be long).
            var lower = sentence.lowerBound, high = sentence.upperBound
            while lower < high {
                let middle = (lower + high) / 2
                if tokens[middle].span.end <= span.start { lower = middle + 1 } else { high = middle }
            }
            var upper = lower
            while upper < sentence.upperBound, tokens[upper].span.start < span.end { upper += 1 }
            return (context, lower..<upper)
        }
    }

    /// The model's reading of a span, nil when it lies outside every sentence (white space).
    mutating func score(_ span: Span) -> TargetSentimentModel.Scored? {
        guard let (context, tokens) = locate(span) else { return nil }
        return model.score(context, target: tokens)
    }

    /// The fields of a target annotation: `scope`, `score`, `label` and, when explaining, `explain`.
    mutating func fields(_ span: Span, scope: String, explain: Bool) -> [(String, Value)] {
        labeledFields(span, scope: scope, explain: explain).map { ($0.key, $0.value) }
    }

    /// ``fields(_:scope:explain:)`` in the form an annotation stores, so that making one copies nothing.
    private mutating func labeledFields(_ span: Span, scope: String, explain: Bool) -> [(key: String, value: Value)] {
        guard let (context, tokens) = locate(span) else {
            var fields: [(key: String, value: Value)] = [
                ("scope", .string(scope)), ("score", .number(0)), ("label", .string(SentimentLabel.neutral))
            ]
            if explain { fields.append(("explain", .list([.string("outside every sentence: neutral")]))) }
            return fields
        }
        let scored = model.score(context, target: tokens)
        var fields: [(key: String, value: Value)] = [
            ("scope", .string(scope)), ("score", SentimentScorer.rounded(scored.score)),
            ("label", .string(scored.label))
        ]
        if explain {
            fields.append(("explain", .list(model.explanation(context, target: tokens).map(Value.string))))
        }
        return fields
    }

    /// A `sentiment` annotation on `span` with the tone toward it.
    mutating func annotation(_ span: Span, scope: String = "target", explain: Bool) -> Annotation {
        Annotation(
            extractor: SentimentExtractor.descriptor.name, span: span,
            labeledFields: labeledFields(span, scope: scope, explain: explain))
    }
}
