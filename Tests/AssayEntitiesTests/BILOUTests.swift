import Testing
@testable import AssayEntities

@Test func bilouTagsRoundTrip() {
    let tags = [0] + BILOU.tags(for: .person, length: 2) + [0] + BILOU.tags(for: .loc, length: 1) + BILOU.tags(for: .org, length: 3)
    let e = BILOU.entities(in: tags)
    #expect(e.map(\.units) == [1..<3, 4..<5, 5..<8])
    #expect(e.map(\.label) == [.person, .loc, .org])
}
