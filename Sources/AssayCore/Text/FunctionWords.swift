/// Closed classes of English words that several extractors reason about, kept here once.
public enum FunctionWords {
    /// Prepositions, lower-cased. A word right after a verb that is one of these opens a
    /// phrase about a topic ("agreed on …"), and a name right after one is its object ("for
    /// Hillary Clinton"), not a sentence's subject.
    public static let prepositions: Set<String> = [
        "of", "to", "with", "by", "for", "at", "from", "in", "on", "about", "against", "toward", "towards",
        "into", "upon", "than", "between", "among", "over", "under"
    ]
}
