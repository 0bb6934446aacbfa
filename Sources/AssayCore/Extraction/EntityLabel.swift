/// The four entity classes of the batch contract: what the `entities` extractor writes in an
/// entity's `label` field, and what other extractors compare when they read entities.
///
/// The raw values are the labels as the output writes them, so `EntityLabel(rawValue:
/// annotation.label)` reads an entity annotation back.
public enum EntityLabel: String, CaseIterable, Sendable, Codable {
    case person = "PERSON"
    case org = "ORG"
    case loc = "LOC"
    case misc = "MISC"

    /// Reads an output label or a CoNLL label, in any case (`PER` is CoNLL's name for `PERSON`).
    public init?(name: String) {
        switch name.uppercased() {
        case "PERSON", "PER": self = .person
        case "ORG": self = .org
        case "LOC": self = .loc
        case "MISC": self = .misc
        default: return nil
        }
    }
}
