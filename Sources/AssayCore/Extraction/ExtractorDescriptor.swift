/// What an extractor is, what it produces and what it needs: the metadata the registry, the
/// pipeline checks, `help` and tab completion read, without running the extractor.
public struct ExtractorDescriptor: Sendable, Hashable {
    /// The registered name: lowercase letters, digits, `-` and `_`, starting with a letter.
    public var name: String
    /// One line for listings.
    public var summary: String
    /// Longer help text, shown by `describe NAME` and `help NAME`.
    public var discussion: String
    public var version: String
    /// The fields its annotations carry beyond `extractor`, `start`, `end` and `text`.
    public var fields: [FieldDescriptor]
    /// Names of extractors whose output this one reads (through ``ExtractionContext``).
    public var requires: [String]
    /// Options a user may set (`sentiment explain=true`).
    public var options: [OptionDescriptor]

    public init(
        name: String, summary: String, discussion: String = "", version: String = "1.0",
        fields: [FieldDescriptor] = [], requires: [String] = [], options: [OptionDescriptor] = []
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.version = version
        self.fields = fields
        self.requires = requires
        self.options = options
    }

    /// The fields every annotation has, in output order.
    public static let commonFields: [FieldDescriptor] = [
        FieldDescriptor("doc", .string, "the document id"),
        FieldDescriptor("extractor", .string, "the extractor that found it"),
        FieldDescriptor("start", .int, "start offset (Unicode scalars)"),
        FieldDescriptor("end", .int, "end offset, exclusive (Unicode scalars)"),
        FieldDescriptor("text", .string, "the covered text")
    ]
}

/// A field of an extractor's annotations.
public struct FieldDescriptor: Sendable, Hashable {
    public enum Kind: String, Sendable { case string, int, number, bool, list }
    public var name: String
    public var kind: Kind
    public var summary: String
    public init(_ name: String, _ kind: Kind, _ summary: String) {
        self.name = name
        self.kind = kind
        self.summary = summary
    }
}

/// An option an extractor accepts, with its default.
public struct OptionDescriptor: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var defaultValue: Value
    public init(_ name: String, default defaultValue: Value, _ summary: String) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
    }
}
