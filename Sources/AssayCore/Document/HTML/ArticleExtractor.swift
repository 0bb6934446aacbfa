/// Finds a page's article text and leaves out its boilerplate (navigation, link lists, adverts,
/// comments, footers, the headline and bylines).
///
/// Two kinds of evidence are combined:
/// - **Where the article is** (after Mozilla's Readability): every paragraph-like block scores
///   its ancestors by its length and commas, each element's score is discounted by the share
///   of its text that is link text, and class/id/HTML5 names (`article`, `comment`, `<nav>`)
///   weigh in; the best element and its siblings that score alike hold the article.
/// - **Which blocks inside it are text** (after Kohlschütter, Fankhauser and Nejdl's shallow
///   text features, WSDM 2010): a block's word count and link density, and its neighbours',
///   tell running text from the short linked lines of boilerplate.
///
/// As in Readability, a page where this finds next to nothing is read again trusting the names
/// less: first without leaving out the parts named as unlikely (a page wrapper named `header`
/// that was never closed holds everything), then without the names at all.
struct ArticleExtractor {
    /// How far a pass trusts class and id names.
    enum Trust: CaseIterable {
        case names, namesButNoUnlikelyParts, noNames
    }

    /// A pass that finds fewer words than this is tried again trusting the names less.
    static let enoughWords = 60

    /// The article's paragraphs, in page order.
    func paragraphs(of root: HTMLElement, title: String?) -> [String] {
        let blocks = TextBlockSegmenter.blocks(of: root)
        guard !blocks.isEmpty else { return [] }
        var best: [TextBlock] = []
        for trust in Trust.allCases {
            let found = paragraphs(of: blocks, trust: trust)
            if found.reduce(0, { $0 + $1.wordCount }) > best.reduce(0, { $0 + $1.wordCount }) { best = found }
            if best.reduce(0, { $0 + $1.wordCount }) >= ArticleExtractor.enoughWords { break }
        }
        return best.map(\.text)
    }

    private func paragraphs(of blocks: [TextBlock], trust: Trust) -> [TextBlock] {
        var scoring = ContainerScoring(
            blocks: blocks, skipsUnlikelyParts: trust == .names, weighsNames: trust != .noNames)
        guard let containers = scoring.articleContainers() else { return [] }
        let chosen = blocks.filter { b in b.path.contains { containers.contains(ObjectIdentifier($0)) } }
        return BlockClassifier(weighsNames: trust != .noNames).content(of: chosen, containers: containers)
    }
}
