/// Tells article text from boilerplate block by block, inside the part of the page that holds
/// the article.
///
/// The core is the decision tree Kohlschütter, Fankhauser and Nejdl learned from the shallow
/// text features of news pages ("Boilerplate Detection using Shallow Text Features", WSDM
/// 2010, the densitometric classifier over the current, previous and next block's word count
/// and link density). Around it: headings are the headline or section titles, not body text;
/// parts named as captions, bylines or sharing tools are left out.
struct BlockClassifier {
    /// Whether parts named as captions, bylines or sharing tools are left out.
    let weighsNames: Bool

    /// The content blocks among `blocks`, which lie below the elements `containers`.
    func content(of blocks: [TextBlock], containers: Set<ObjectIdentifier>) -> [TextBlock] {
        var hintCache: [ObjectIdentifier: Bool] = [:]
        // Only names below the article's container count: a page wrapper named
        // `page-with-sidebar` says nothing about the paragraphs inside it.
        func isBoilerplatePart(_ block: TextBlock) -> Bool {
            guard let top = block.path.lastIndex(where: { containers.contains(ObjectIdentifier($0)) }) else {
                return false
            }
            for e in block.path[(top + 1)...] {
                let id = ObjectIdentifier(e)
                let verdict = hintCache[id] ?? ElementHints(e).isBoilerplateInsideArticle
                hintCache[id] = verdict
                if verdict { return true }
            }
            return false
        }
        var kept: [TextBlock] = []
        for (i, block) in blocks.enumerated() {
            if HTMLElementKinds.headings.contains(block.element.name) { continue }
            if block.isInside("figcaption") || block.isInside("figure") { continue }
            if weighsNames, isBoilerplatePart(block) { continue }
            let previous = i > 0 ? blocks[i - 1] : nil
            let next = i + 1 < blocks.count ? blocks[i + 1] : nil
            guard BlockClassifier.isContent(block, previous: previous, next: next) else { continue }
            kept.append(block)
        }
        return kept
    }

    /// The densitometric decision tree of Kohlschütter et al. (their Algorithm 2's features,
    /// the thresholds they learned from Google News pages).
    static func isContent(_ block: TextBlock, previous: TextBlock?, next: TextBlock?) -> Bool {
        let currentWords = block.wordCount
        let previousWords = previous?.wordCount ?? 0
        let nextWords = next?.wordCount ?? 0
        let previousDensity = previous?.linkDensity ?? 0
        if block.linkDensity > 0.333333 { return false }
        if previousDensity <= 0.555556 {
            if currentWords > 16 { return true }
            if nextWords > 15 { return true }
            return previousWords > 4
        }
        if currentWords > 40 { return true }
        return nextWords > 17
    }
}
