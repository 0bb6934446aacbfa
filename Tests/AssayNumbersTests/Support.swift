import AssayCore

@testable import AssayNumbers

/// Runs the numbers extractor on `text` and returns what it found.
func numbers(_ text: String) throws -> [ExtractorHarness.Found] {
    try ExtractorHarness(NumbersExtractor()).run(text)
}

/// The one mention whose text is `covered` in `text`, or nil.
func mention(_ covered: String, in text: String) throws -> ExtractorHarness.Found? {
    try numbers(text).first { $0.text == covered }
}

extension ExtractorHarness.Found {
    var kind: String? { self["kind"]?.text }
    var value: Double? { self["value"]?.number }
    var unit: String? { self["unit"].flatMap { $0.isNull ? nil : $0.text } }
    var subtype: String? { self["subtype"].flatMap { $0.isNull ? nil : $0.text } }
}
