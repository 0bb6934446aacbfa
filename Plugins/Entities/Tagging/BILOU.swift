import AssayCore

extension EntityLabel {
    /// The label's place in the tagger's tag set (person, org, loc, misc): the model file and
    /// the tag numbers depend on this order.
    var tagIndex: Int {
        switch self {
        case .person: 0
        case .org: 1
        case .loc: 2
        case .misc: 3
        }
    }

    /// The label at `tagIndex` in the tagger's tag set.
    init?(tagIndex: Int) {
        guard (0..<4).contains(tagIndex) else { return nil }
        self = [EntityLabel.person, .org, .loc, .misc][tagIndex]
    }
}

/// BILOU tags: `O`, then for each label Begin, Inside, Last and Unit (a one-unit entity).
///
/// BILOU rather than BIO because marking the last unit and single-unit entities explicitly lets
/// a linear model learn boundaries better (Ratinov & Roth 2009). Tag 0 is `O`; label `l` at
/// position `p` is `1 + 4 l + p`.
enum BILOU {
    static let count = 17
    /// Non-`O` tags: the runtime model stores only these (an `O` weight of zero loses nothing,
    /// since adding one constant to every tag's score of a unit never changes the best path).
    static let entityTagCount = 16
    static let outside = 0

    enum Position: Int { case begin = 0, inside, last, unit }

    @inline(__always) static func tag(_ label: EntityLabel, _ p: Position) -> Int {
        1 + label.tagIndex * 4 + p.rawValue
    }
    @inline(__always) static func label(of tag: Int) -> EntityLabel? {
        tag == 0 ? nil : EntityLabel(tagIndex: (tag - 1) >> 2)
    }
    @inline(__always) static func position(of tag: Int) -> Position? {
        tag == 0 ? nil : Position(rawValue: (tag - 1) & 3)
    }

    /// Whether `to` may follow `from` (`nil` stands for the start or the end of the sentence).
    static func allowed(from: Int?, to: Int?) -> Bool {
        let continues: Bool = {  // `from` opens an entity that must go on
            guard let f = from, let p = position(of: f) else { return false }
            return p == .begin || p == .inside
        }()
        guard let t = to else { return !continues }
        if let p = position(of: t), p == .inside || p == .last {
            return continues && label(of: from!) == label(of: t)
        }
        return !continues
    }

    /// Tags for an entity of `label` covering `length` units.
    static func tags(for label: EntityLabel, length: Int) -> [Int] {
        if length == 1 { return [tag(label, .unit)] }
        return [tag(label, .begin)] + Array(repeating: tag(label, .inside), count: length - 2) + [tag(label, .last)]
    }

    /// The entities a valid tag sequence spells: unit ranges with their labels.
    static func entities(in tags: [Int]) -> [(units: Range<Int>, label: EntityLabel)] {
        var out: [(units: Range<Int>, label: EntityLabel)] = []
        entities(in: tags, tags.indices, into: &out)
        return out
    }

    /// The entities of the tags `range` of `tags` (one sentence of a document's tags), with
    /// unit ranges counted in `tags`, into `out` (emptied first). The extractor calls this once
    /// per sentence with one buffer, so that no sentence's tags are copied out and no result
    /// array is allocated per sentence.
    static func entities(in tags: [Int], _ range: Range<Int>, into out: inout [(units: Range<Int>, label: EntityLabel)])
    {
        out.removeAll(keepingCapacity: true)
        var start = -1
        for i in range {
            let t = tags[i]
            guard let l = label(of: t), let p = position(of: t) else {
                start = -1
                continue
            }
            switch p {
            case .unit:
                out.append((i..<(i + 1), l))
                start = -1
            case .begin: start = i
            case .inside: break
            case .last:
                if start >= 0 { out.append((start..<(i + 1), l)) }
                start = -1
            }
        }
    }
}
