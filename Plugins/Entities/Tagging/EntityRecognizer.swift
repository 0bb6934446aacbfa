import AssayCore
import Foundation

/// A mention the tagger found: its byte span, label and the units it covers.
struct Mention: Sendable, Hashable {
    var span: Span
    var label: EntityLabel
}

/// Finds entity mentions in documents: units → features → tagged units → spans.
struct EntityRecognizer: Sendable {
    let model: TaggerModel
    let features: FeatureExtractor
    let boundaries: MentionBoundaries
    /// Spelling facts across documents (see ``SpellingCache``).
    let spellings: SpellingCache
    /// The facts of the sentence markers ``FeatureExtractor/boundary`` and ``FeatureExtractor/end``.
    private let markerFacts: [SpellingFacts]

    /// `cachedSpellings`: how many spellings' facts to keep across documents (see ``SpellingCache``);
    /// 50,000 (about 15 MB) hold nearly every word of running news.
    init(model: TaggerModel, gazetteer: Gazetteer, sections: [String: [String]], cachedSpellings: Int = 50_000) throws {
        guard model.featureVersion == FeatureExtractor.version else {
            throw AssayError(.modelUnavailable,
                             "entity model was trained with feature version \(model.featureVersion), this build uses \(FeatureExtractor.version): retrain it with `assay train entities`")
        }
        self.model = model
        self.features = FeatureExtractor(gazetteer: gazetteer, bucketBits: model.bucketBits)
        self.boundaries = MentionBoundaries(gazetteer: gazetteer, sections: sections)
        self.spellings = SpellingCache(capacity: cachedSpellings)
        self.markerFacts = model.spellingFacts([FeatureExtractor.boundary, FeatureExtractor.end])
    }

    /// The shipped model and gazetteer, loaded once on first use.
    static let shipped: Result<EntityRecognizer, AssayError> = {
        do {
            let sections = try gazetteerSections.get()
            let gazetteer = Gazetteer(sections: sections)
            guard let url = Bundle.module.url(forResource: "entities-model", withExtension: "bin", subdirectory: "Resources"),
                  let data = FileManager.default.contents(atPath: url.path) else {
                throw AssayError(.modelUnavailable, "the entity model resource (entities-model.bin) is missing from this build")
            }
            return .success(try EntityRecognizer(model: TaggerModel(data: data), gazetteer: gazetteer, sections: sections))
        } catch let e as AssayError {
            return .failure(e)
        } catch {
            return .failure(AssayError(.modelUnavailable, "cannot load the entity model: \(error)"))
        }
    }()

    /// The sections of the gazetteer shipped as `Resources/gazetteer.txt`, read once.
    static let gazetteerSections: Result<[String: [String]], AssayError> = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return .failure(AssayError(.modelUnavailable, "the entity gazetteer resource (gazetteer.txt) is missing from this build"))
        }
        return .success(Gazetteer.sections(of: text))
    }()

    /// The title matcher built from the gazetteer's `[title]`, `[nationality]` and `[country]` lists.
    static let titleMatcher: TitleMatcher = {
        let s = (try? gazetteerSections.get()) ?? [:]
        return TitleMatcher(titles: s["title"] ?? [], qualifiers: (s["nationality"] ?? []) + (s["country"] ?? []))
    }()

    /// The mentions in the sentences `range` of `document` (all sentences by default).
    func mentions(in document: AnalyzedDocument, sentences range: Range<Int>? = nil) -> [Mention] {
        let units = TaggingUnits(document, sentences: range ?? 0..<document.sentences.count)
        // Facts once per distinct spelling, most of them from earlier documents.
        var types = document.utf8.withUnsafeBufferPointer { UnitTypes($0, units.spans) }
        var facts = document.utf8.withUnsafeBufferPointer { b in
            spellings.facts(of: types, in: b, extra: 2) { missing in
                model.spellingFacts(missing.map { t in let s = types.spelling(t); return UnitProfile(b, s.start, s.end) })
            }
        }
        types.profiles = facts.map(\.profile)
        let profiles = types.ofUnit.map { types.profiles[Int($0)] }
        let casing = features.casing(units, profiles: profiles)
        let boundary = types.appendMarker(FeatureExtractor.boundary), end = types.appendMarker(FeatureExtractor.end)
        facts += markerFacts
        let tags = model.tag(units, types: types, facts: facts, boundary: boundary, end: end, casing: casing,
                             gazetteer: features.gazetteerMatches(units, profiles: profiles))
        return boundaries.mentions(tags: tags, units: units, profiles: profiles, casing: casing)
    }
}
