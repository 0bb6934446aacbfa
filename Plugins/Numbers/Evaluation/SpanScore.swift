import AssayCore

/// Counts for span-level precision, recall and F1, plus how often matched spans carry the right
/// value and unit.
struct SpanScore: Equatable {
    /// Spans found, expected and matched exactly (the core's shared precision/recall counts).
    var spans = MatchCounts()
    /// Matched spans whose gold value is a number, and how many of them we valued correctly.
    var valuesCompared = 0
    var valuesCorrect = 0
    /// Matched spans whose gold unit is given, and how many of them we got right.
    var unitsCompared = 0
    var unitsCorrect = 0

    var precision: Double { spans.precision }
    var recall: Double { spans.recall }
    var f1: Double { spans.f1 }
    var valueAccuracy: Double { ratio(valuesCorrect, valuesCompared) }
    var unitAccuracy: Double { ratio(unitsCorrect, unitsCompared) }

    /// An empty denominator scores 1: nothing to find and nothing wrongly found is perfect.
    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    static func + (a: SpanScore, b: SpanScore) -> SpanScore {
        SpanScore(
            spans: a.spans + b.spans, valuesCompared: a.valuesCompared + b.valuesCompared,
            valuesCorrect: a.valuesCorrect + b.valuesCorrect, unitsCompared: a.unitsCompared + b.unitsCompared,
            unitsCorrect: a.unitsCorrect + b.unitsCorrect)
    }
}
