/// Scores the elements of a page as the container of its article, the way Mozilla's Readability
/// does: paragraphs of some length give their parent their score, their grandparent half, and
/// further ancestors less; an element's score then shrinks by its link density.
struct ContainerScoring {
    /// Per-element sums over the blocks below it.
    struct Totals {
        var words = 0
        var linkedWords = 0
        var characters = 0
        var score = 0.0
        var scored = false
        var linkDensity: Double { words == 0 ? 0 : Double(linkedWords) / Double(words) }
    }

    let blocks: [TextBlock]
    private(set) var totals: [ObjectIdentifier: Totals] = [:]
    private var unlikely: [ObjectIdentifier: Bool] = [:]
    private var hints: [ObjectIdentifier: Double] = [:]

    /// Whether text in parts named as unlikely (`sidebar`, `comments`) is left unscored.
    let skipsUnlikelyParts: Bool
    /// Whether class and id names weigh in on an element's score.
    let weighsNames: Bool

    init(blocks: [TextBlock], skipsUnlikelyParts: Bool = true, weighsNames: Bool = true) {
        self.blocks = blocks
        self.skipsUnlikelyParts = skipsUnlikelyParts
        self.weighsNames = weighsNames
        for block in blocks {
            for e in block.path {
                totals[ObjectIdentifier(e), default: Totals()].words += block.wordCount
                totals[ObjectIdentifier(e), default: Totals()].linkedWords += block.linkedWordCount
                totals[ObjectIdentifier(e), default: Totals()].characters += block.text.utf8.count
            }
        }
    }

    /// Whether `block` sits in a part whose names say it is hardly ever the article.
    mutating func isInUnlikelyPart(_ block: TextBlock) -> Bool {
        for e in block.path.dropFirst() {
            let id = ObjectIdentifier(e)
            if let known = unlikely[id] { if known { return true } else { continue } }
            let verdict = ElementHints(e).isUnlikely
            unlikely[id] = verdict
            if verdict { return true }
        }
        return false
    }

    mutating func hintWeight(_ e: HTMLElement) -> Double {
        let id = ObjectIdentifier(e)
        if let w = hints[id] { return w }
        let w = ElementHints(e).weight
        hints[id] = w
        return w
    }

    /// Readability's starting score of a candidate by its element name.
    static func baseScore(_ name: String) -> Double {
        switch name {
        case "div", "article", "main", "section": return 5
        case "pre", "td", "blockquote": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    /// The elements that hold the article (the best candidate and the siblings that go with
    /// it), or nil when the page has no text.
    mutating func articleContainers() -> Set<ObjectIdentifier>? {
        var candidates: [HTMLElement] = []
        for block in blocks {
            guard block.text.utf8.count >= 25, !HTMLElementKinds.headings.contains(block.element.name) else { continue }
            if skipsUnlikelyParts, isInUnlikelyPart(block) { continue }
            let score = 1 + Double(block.commaCount) + min(3, Double(block.text.utf8.count) / 100)
            // The block's element is the paragraph; its ancestors are the candidates.
            let ancestors = block.path.dropLast().reversed().prefix(5)
            for (level, e) in ancestors.enumerated() {
                let id = ObjectIdentifier(e)
                if !(totals[id]?.scored ?? false) {
                    totals[id]!.scored = true
                    totals[id]!.score = ContainerScoring.baseScore(e.name) + (weighsNames ? hintWeight(e) : 0)
                    candidates.append(e)
                }
                let divider = level == 0 ? 1.0 : (level == 1 ? 2.0 : Double(level) * 3)
                totals[id]!.score += score / divider
            }
        }
        guard !candidates.isEmpty else {
            // No paragraph at all: the page's whole text is the best guess.
            return blocks.first.map { [ObjectIdentifier($0.path[0])] }
        }
        func finalScore(_ e: HTMLElement) -> Double {
            let t = totals[ObjectIdentifier(e)]!
            return t.score * (1 - t.linkDensity)
        }
        var best = candidates[0]
        var bestScore = finalScore(best)
        for c in candidates.dropFirst() {
            let s = finalScore(c)
            if s > bestScore {
                best = c
                bestScore = s
            }
        }
        var chosen: Set<ObjectIdentifier> = [ObjectIdentifier(best)]
        // Siblings that score alike (the article split over several divs), and paragraphs next to
        // the container with little link text.
        guard let parent = parent(of: best) else { return chosen }
        let threshold = max(10, bestScore * 0.2)
        let bestClass = best.attribute("class") ?? ""
        for sibling in parent.elements where sibling !== best {
            let id = ObjectIdentifier(sibling)
            guard let t = totals[id], t.words > 0 else { continue }
            var bonus = 0.0
            if !bestClass.isEmpty, sibling.attribute("class") == bestClass { bonus = bestScore * 0.2 }
            if t.scored, finalScore(sibling) + bonus >= threshold {
                chosen.insert(id)
            } else if sibling.name == "p" {
                let text = blocks.first { $0.element === sibling }?.text ?? ""
                if t.characters > 80, t.linkDensity < 0.25 {
                    chosen.insert(id)
                } else if t.characters <= 80, t.linkedWords == 0, text.hasSuffix(".") || text.contains(". ") {
                    chosen.insert(id)
                }
            }
        }
        return chosen
    }

    /// The parent of `element`, read from any block path that passes through it.
    func parent(of element: HTMLElement) -> HTMLElement? {
        for block in blocks {
            if let i = block.path.firstIndex(where: { $0 === element }) { return i > 0 ? block.path[i - 1] : nil }
        }
        return nil
    }
}
