import AssayCore
import Testing

@testable import AssayEntities

@Test func errorsSortMistakesIntoKindsAndCountThem() {
    //                             0         1         2         3         4
    //                             0123456789012345678901234567890123456789012345
    let doc = AnalyzedDocument("Alchemy bid . Alchemy won . Ted Baker fell . Paris")
    let alchemy1 = Span(0, 7), alchemy2 = Span(14, 21), tedBaker = Span(28, 37), baker = Span(32, 37),
        paris = Span(45, 50)
    var errors = EntityErrors()
    errors.add(
        found: [
            GoldEntity(span: alchemy1, label: .person), GoldEntity(span: alchemy2, label: .person),
            GoldEntity(span: baker, label: .person), GoldEntity(span: Span(8, 11), label: .misc)
        ],
        gold: [
            GoldEntity(span: alchemy1, label: .org), GoldEntity(span: alchemy2, label: .org),
            GoldEntity(span: tedBaker, label: .org), GoldEntity(span: paris, label: .loc)
        ],
        in: doc)
    let c = errors.counts
    #expect(c[.init(kind: .label, gold: .org, goldText: "Alchemy", found: .person, foundText: "Alchemy")] == 2)
    #expect(c[.init(kind: .boundary, gold: .org, goldText: "Ted Baker", found: .person, foundText: "Baker")] == 1)
    #expect(c[.init(kind: .missed, gold: .loc, goldText: "Paris", found: nil, foundText: nil)] == 1)
    #expect(c[.init(kind: .spurious, gold: nil, goldText: nil, found: .misc, foundText: "bid")] == 1)
    let listing = errors.worst(2).split(separator: "\n")
    #expect(listing.count == 3)
    #expect(listing[1].contains("false label") && listing[1].contains("'Alchemy'") && listing[1].hasPrefix("    2"))
    #expect(errors.summary.hasPrefix("errors: 5 (2 false label, 1 wrong boundary, 1 missed, 1 spurious)"))
}
