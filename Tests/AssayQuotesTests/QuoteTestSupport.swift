import AssayCore
import AssayEntities
import Foundation

@testable import AssayQuotes

/// One quote as the tests compare it: the quoted text, its kind and speaker.
struct Q: Equatable, CustomStringConvertible {
    var text: String
    var kind: String
    var speaker: String?
    var description: String { "\(kind) \(speaker ?? "null"): \(text)" }
}

enum QuoteTests {
    /// Runs the extractor with the capitalised-word stand-in for `entities`.
    static func run(_ text: String, missing: Set<String> = [], within: String? = nil) throws -> [ExtractorHarness.Found]
    {
        try ExtractorHarness(QuoteExtractor(), requiring: [FakeEntities(missing: missing)]).run(text, within: within)
    }

    /// The quotes of `text` as `Q`s (all kinds, or only `kinds`).
    static func quotes(_ text: String, missing: Set<String> = [], kinds: Set<String>? = nil) throws -> [Q] {
        try run(text, missing: missing).map(q).filter { kinds == nil || kinds!.contains($0.kind) }
    }

    static func q(_ f: ExtractorHarness.Found) -> Q {
        var speaker: String?
        if case .string(let s)? = f["speaker"] { speaker = s }
        return Q(text: f.text, kind: f["kind"]?.text ?? "", speaker: speaker)
    }

    /// The real entities extractor, shared by the seed tests (its model loads once).
    static let realEntities: any Extractor = {
        let registry = ExtractorRegistry()
        try! EntitiesPlugin.register(into: registry)
        return registry.extractor(named: "entities")!
    }()

    static func fixture(_ name: String) throws -> String {
        let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: "txt")!
        return try String(contentsOf: url, encoding: .utf8)
    }
}
