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

    /// `cachedSpellings`: how many spellings' facts to keep across documents (see ``SpellingCache``);
    /// 50,000 (about 15 MB) hold nearly every word of running news.
    init(
        model: TaggerModel, gazetteer: Gazetteer, sections: [String: [String]], clusters: WordClusters,
        cachedSpellings: Int = 50_000
    ) throws {
        guard model.featureVersion == FeatureExtractor.version else {
            throw AssayError(
                .modelUnavailable,
                "entity model was trained with feature version \(model.featureVersion), this build uses \(FeatureExtractor.version): retrain it with `assay train entities`"
            )
        }
        self.model = model
        self.features = FeatureExtractor(gazetteer: gazetteer, clusters: clusters, bucketBits: model.bucketBits)
        self.boundaries = MentionBoundaries(gazetteer: gazetteer, sections: sections)
        // The facts of the sentence markers ``FeatureExtractor/boundary`` and ``FeatureExtractor/end``
        // are kept beside the cache's (extra facts 0 and 1), where they never move.
        self.spellings = SpellingCache(
            capacity: cachedSpellings,
            extra: model.spellingFacts([FeatureExtractor.boundary, FeatureExtractor.end]))
    }

    /// The shipped model and gazetteer, loaded once on first use.
    static let shipped: Result<EntityRecognizer, AssayError> = {
        do {
            let sections = try gazetteerSections.get()
            let gazetteer = Gazetteer(sections: sections)
            guard
                let url = Bundle.module.url(
                    forResource: "entities-model", withExtension: "bin", subdirectory: "Resources"),
                let data = FileManager.default.contents(atPath: url.path)
            else {
                throw AssayError(
                    .modelUnavailable, "the entity model resource (entities-model.bin) is missing from this build")
            }
            return .success(
                try EntityRecognizer(
                    model: TaggerModel(data: data), gazetteer: gazetteer, sections: sections,
                    clusters: try wordClusters.get()))
        } catch let e as AssayError {
            return .failure(e)
        } catch {
            return .failure(AssayError(.modelUnavailable, "cannot load the entity model: \(error)"))
        }
    }()

    /// The sections of the gazetteer shipped as `Resources/gazetteer.txt` (hand-made) and
    /// `Resources/gazetteer-derived.txt` (derived from licensed data packages by
    /// `scripts/derive-gazetteer.py`), merged and read once.
    static let gazetteerSections: Result<[String: [String]], AssayError> = {
        var merged: [String: [String]] = [:]
        for name in ["gazetteer", "gazetteer-derived"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                return .failure(
                    AssayError(
                        .modelUnavailable, "the entity gazetteer resource (\(name).txt) is missing from this build"))
            }
            merged.merge(Gazetteer.sections(of: text)) { $0 + $1 }
        }
        return .success(merged)
    }()

    /// The word clusters shipped as `Resources/word-clusters.txt` (derived from unlabelled news
    /// by `scripts/derive-word-clusters.py`), read once.
    static let wordClusters: Result<WordClusters, AssayError> = {
        guard
            let url = Bundle.module.url(forResource: "word-clusters", withExtension: "txt", subdirectory: "Resources"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            return .failure(
                AssayError(
                    .modelUnavailable, "the entity word-cluster resource (word-clusters.txt) is missing from this build"
                ))
        }
        return .success(WordClusters(utf8: [UInt8](data)))
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
        let types = document.utf8.withUnsafeBufferPointer { TokenSpellings(utf8: $0, spans: units.spans) }
        var facts: [UnsafePointer<SpellingFacts>] = []
        var made: [SpellingFacts] = []
        let uncached = document.utf8.withUnsafeBufferPointer { b in
            spellings.facts(of: types, in: b, facts: &facts, made: &made) { missing in
                model.spellingFacts(
                    missing.map { t in features.profile(b, types.spans[t], shape: TokenShape(b, types.spans[t])) })
            }
        }
        var lanes = Viterbi.LaneEmissions()
        let (tags, casing, profiles, gazetteer) = made.withUnsafeBufferPointer { made in
            // Facts the cache had no room for are read from this document's `made`.
            for (t, k) in uncached { facts[t] = made.baseAddress! + k }
            // The spellings' profiles, then the two sentence markers, in one array made once.
            var list: [UnitProfile] = []
            list.reserveCapacity(facts.count + 2)
            for f in facts { list.append(f.pointee.profile) }
            let boundary = Int32(list.count), end = Int32(list.count + 1)
            list.append(FeatureExtractor.boundary)
            list.append(FeatureExtractor.end)
            let profiles = TypedProfiles(types, profiles: list)
            let casing = features.casing(units, profiles: profiles)
            facts.append(spellings.extraFacts(0))
            facts.append(spellings.extraFacts(1))
            let gazetteer = features.gazetteerMatches(units, profiles: profiles)
            let tags = model.tag(
                units, profiles: profiles, facts: facts, boundary: boundary, end: end,
                casing: casing, gazetteer: gazetteer, lanes: &lanes)
            return (tags, casing, profiles, gazetteer)
        }
        var mentions = boundaries.mentions(
            tags: tags, units: units, profiles: profiles, casing: casing, utf8: document.utf8)
        LabelConsistency.unify(
            &mentions, units: units, spellings: types, lanes: lanes, casing: casing, gazetteer: gazetteer,
            profiles: profiles, utf8: document.utf8)
        return mentions
    }
}
