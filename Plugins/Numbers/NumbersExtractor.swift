import AssayCore

/// The `numbers` extractor: cardinals, ordinals, percentages, money, ranges, and the years, dates
/// and times that are not quantities, each with its normalised value.
public struct NumbersExtractor: Extractor {
    public static let name = "numbers"

    public static let descriptor = ExtractorDescriptor(
        name: name,
        summary: "Numbers, ordinals, percentages, money and ranges, with normalised values",
        discussion: """
            Finds amounts written with digits (20, 1,000, 1 234 567, 244.9, .5, -3, +2, minus 4, 1.2bn, 10k, \
            1e10, 3½) or words (twenty-five, a hundred, two dozen, a couple of, half a million, half of, \
            three-quarters, one over three, the one hundred and first) and says what they are: `cardinal` \
            (subtype integer, decimal, fraction or power), `ordinal` (80th, eleventh), `percent` (16.5%, \
            16.5 per cent), `money` ($244.9 billion, 500 yuan, with an ISO 4217 unit), `range` (10-20, \
            between 10 and 20; with low and high), and `year`, `date`, `time` for calendar and clock \
            values, which are not quantities. Phone numbers, IP addresses, versions and codes are skipped, \
            and so are numbers that belong to a name (S&P 500, Boeing 737, Chapter 11, COVID-19, F-16) and \
            match scores (lost 2-4, a 0-3 defeat). \
            `approximate` keeps a modifier such as "more than"; `counts` the noun an amount counts. \
            Plural scales used as counts (dozens of, hundreds of, tens of thousands of) are cardinals with \
            `approximate` "indefinite" and the smallest amount they name as value (hundreds → 100); \
            `No. 1` is an ordinal rank; `two out of five` is the fraction 0.4; `1.5C` counts °C; `20p` is \
            GBP 0.2; a glued `m` is millions (`£100m`, `100m people`) except in distances (`the 100m`, \
            `a 50m tall tower`), which count `m`.
            """,
        version: "1.2",
        fields: [
            FieldDescriptor("kind", .string, "cardinal, ordinal, percent, money, range, year, date or time"),
            FieldDescriptor(
                "subtype", .string, "integer, decimal, fraction or power for cardinals; the kind of a range's ends"),
            FieldDescriptor(
                "value", .number, "the normalised number (low end of a range; ISO 8601 text for dates and times)"),
            FieldDescriptor("unit", .string, "ISO 4217 code for money, % for percent, else null"),
            FieldDescriptor("low", .number, "the low end of a range"),
            FieldDescriptor("high", .number, "the high end of a range"),
            FieldDescriptor("approximate", .string, "the modifier before the amount: more than, about, up to, ..."),
            FieldDescriptor("counts", .string, "the noun the amount counts: countries in 13 countries")
        ])

    public var descriptor: ExtractorDescriptor { Self.descriptor }

    public init() {}

    public func extract(from document: AnalyzedDocument, in span: Span, context: ExtractionContext) throws
        -> [Annotation]
    {
        mentions(in: document, span: span).map { $0.annotation(extractor: Self.name) }
    }

    /// The numbers of `document` inside `span`, in document order.
    func mentions(in document: AnalyzedDocument, span: Span) -> [NumberMention] {
        let range = document.tokenRange(in: span)
        guard !range.isEmpty else { return [] }
        return document.withTokenView(range) { view in
            var scanner = NumberScanner(view: view)
            scanner.scan()
            return scanner.mentions
        }
    }
}
