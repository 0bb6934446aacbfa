import Dispatch

extension ExtractionPlan {
    /// Starts every extractor of the plan on a short throwaway document, each on a background
    /// thread of its own, and returns at once.
    ///
    /// Extractors load their models on first use (the entity tagger, the sentiment lexicon, the
    /// speaker ranker). Left to the first documents, the loads queue one behind the other while
    /// the other cores wait for them; started together they overlap. Results and errors are
    /// thrown away: the documents themselves report any.
    public func warmUp() {
        let sample = AnalyzedDocument("Warm-up: “We agree,” Ann Lee said in Paris on Monday, up 5% from 2024.", id: "warm-up")
        for name in order {
            DispatchQueue.global().async {
                _ = try? DocumentExtraction(document: sample, plan: self).annotations(of: Step(name))
            }
        }
    }
}
