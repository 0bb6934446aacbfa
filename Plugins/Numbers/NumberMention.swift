import AssayCore

/// One number found in text, with everything the batch contract and the REPL show about it.
struct NumberMention: Equatable {
    /// What kind of number it is (the `kind` field).
    enum Kind: String, CaseIterable {
        case cardinal, ordinal, percent, money, range, year, date, time
    }

    var kind: Kind
    /// UTF-8 byte offsets of the span.
    var start: Int
    var end: Int
    /// The normalised number, or ISO 8601 text for dates and times.
    var value: Value
    /// `integer`/`decimal`/`fraction`/`power` for cardinals, the kind of both ends for ranges,
    /// `decade` for years, `percentage_point` for percentage points.
    var subtype: String?
    /// ISO 4217 for money, `%` for percent.
    var unit: String?
    var low: Double?
    var high: Double?
    /// The modifier before the amount (`more than`, `about`), kept rather than lost.
    var approximate: String?
    /// The noun the amount counts (`countries` in `13 countries`).
    var counts: String?

    var span: Span { Span(start, end) }

    func annotation(extractor: String) -> Annotation {
        // Room for every field at once, handed over as it stands: growing the array from one
        // field and copying it into the annotation cost more than the fields.
        var fields: [(key: String, value: Value)] = []
        fields.reserveCapacity(8)
        fields.append(("kind", .string(kind.rawValue)))
        if kind == .cardinal || kind == .range || subtype != nil { fields.append(("subtype", .optional(subtype))) }
        fields.append(("value", value))
        fields.append(("unit", .optional(unit)))
        if kind == .range {
            fields.append(("low", low.map(Value.number) ?? .null))
            fields.append(("high", high.map(Value.number) ?? .null))
        }
        if let approximate { fields.append(("approximate", .string(approximate))) }
        if let counts { fields.append(("counts", .string(counts))) }
        return Annotation(extractor: extractor, span: span, labeledFields: fields)
    }
}
