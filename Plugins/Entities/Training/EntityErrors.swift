import AssayCore

/// The tagger's mistakes against gold entities, sorted into kinds and counted by the text they
/// concern, so that `assay eval entities FILE --errors N` can list the worst ones first.
///
/// Each found or gold entity that is not an exact match falls into one kind:
/// - a **false label**: the found span is exactly a gold span, with another label;
/// - a **wrong boundary**: the found span overlaps gold spans but is none of them (reported once,
///   against the first gold span it overlaps);
/// - **missed**: a gold span no found span overlaps;
/// - **spurious**: a found span no gold span overlaps.
struct EntityErrors {
    enum Kind: String, CaseIterable {
        case label = "false label", boundary = "wrong boundary", missed, spurious
    }

    /// One kind of mistake on one text: "ORG tagged PERSON on 'Alchemy'".
    struct Confusion: Hashable {
        var kind: Kind
        /// The gold label and text (nil for spurious).
        var gold: EntityLabel?
        var goldText: String?
        /// The found label and text (nil for missed).
        var found: EntityLabel?
        var foundText: String?
    }

    private(set) var counts: [Confusion: Int] = [:]
    /// Confusions in the order first seen: ties in the listing keep document order.
    private var order: [Confusion] = []

    /// Adds one document's found and gold entities (byte spans of `document`).
    mutating func add(found: [GoldEntity], gold: [GoldEntity], in document: AnalyzedDocument) {
        let goldSet = Set(gold), foundSet = Set(found)
        let goldLabels = Dictionary(gold.map { ($0.span, $0.label) }, uniquingKeysWith: { a, _ in a })
        func text(_ s: Span) -> String { document.text(of: s) }
        func overlaps(_ a: Span, _ b: Span) -> Bool { a.start < b.end && b.start < a.end }
        for f in found where !goldSet.contains(f) {
            if let g = goldLabels[f.span] {
                count(Confusion(kind: .label, gold: g, goldText: text(f.span), found: f.label, foundText: text(f.span)))
            } else if let g = gold.first(where: { overlaps($0.span, f.span) }) {
                count(
                    Confusion(
                        kind: .boundary, gold: g.label, goldText: text(g.span), found: f.label, foundText: text(f.span))
                )
            } else {
                count(Confusion(kind: .spurious, gold: nil, goldText: nil, found: f.label, foundText: text(f.span)))
            }
        }
        for g in gold where !foundSet.contains(g) && !found.contains(where: { overlaps($0.span, g.span) }) {
            count(Confusion(kind: .missed, gold: g.label, goldText: text(g.span), found: nil, foundText: nil))
        }
    }

    private mutating func count(_ c: Confusion) {
        if counts[c] == nil { order.append(c) }
        counts[c, default: 0] += 1
    }

    /// How many mistakes of each kind, and of each pair of labels (gold → found).
    var summary: String {
        var lines: [String] = []
        let total = counts.values.reduce(0, +)
        lines.append(
            "errors: \(total) ("
                + Kind.allCases.map { k in
                    "\(counts.filter { $0.key.kind == k }.values.reduce(0, +)) \(k.rawValue)"
                }.joined(separator: ", ") + ")")
        var pairs: [String: Int] = [:]
        for (c, n) in counts {
            pairs["\(c.gold?.rawValue ?? "-") → \(c.found?.rawValue ?? "-") (\(c.kind.rawValue))", default: 0] += n
        }
        for (pair, n) in pairs.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            lines.append(String(format: "%6d  ", n) + pair)
        }
        return lines.joined(separator: "\n")
    }

    /// The `limit` commonest confusions, commonest first (ties in the order first seen).
    func worst(_ limit: Int) -> String {
        let firstSeen = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let sorted = order.sorted { a, b in
            counts[a]! != counts[b]! ? counts[a]! > counts[b]! : firstSeen[a]! < firstSeen[b]!
        }
        var lines = ["count  kind            gold     found    text"]
        for c in sorted.prefix(limit) {
            let gold = c.gold?.rawValue ?? "-", found = c.found?.rawValue ?? "-"
            var text = c.goldText.map { "'\($0)'" } ?? "'\(c.foundText ?? "")'"
            if c.kind == .boundary, let f = c.foundText { text += " found as '\(f)'" }
            lines.append(
                String(format: "%5d  ", counts[c]!) + c.kind.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + gold.padding(toLength: 9, withPad: " ", startingAt: 0)
                    + found.padding(toLength: 9, withPad: " ", startingAt: 0) + text)
        }
        return lines.joined(separator: "\n")
    }
}
