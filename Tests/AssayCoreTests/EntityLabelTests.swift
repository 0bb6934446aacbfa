import AssayCore
import Testing

@Suite struct EntityLabelTests {
    @Test func rawValuesAreTheOutputLabels() {
        #expect(EntityLabel.allCases.map(\.rawValue) == ["PERSON", "ORG", "LOC", "MISC"])
        #expect(EntityLabel(rawValue: "ORG") == .org)
        #expect(EntityLabel(rawValue: "org") == nil)
    }

    @Test func readsCoNLLLabelsInAnyCase() {
        #expect(EntityLabel(name: "PER") == .person)
        #expect(EntityLabel(name: "loc") == .loc)
        #expect(EntityLabel(name: "GPE") == nil)
    }
}
