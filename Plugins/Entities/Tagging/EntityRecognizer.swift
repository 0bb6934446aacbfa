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

    init(model: TaggerModel, gazetteer: Gazetteer) throws {
        guard model.featureVersion == FeatureExtractor.version else {
            throw AssayError(.modelUnavailable,
                             "entity model was trained with feature version \(model.featureVersion), this build uses \(FeatureExtractor.version): retrain it with `assay train entities`")
        }
        self.model = model
        self.features = FeatureExtractor(gazetteer: gazetteer, bucketBits: model.bucketBits)
    }

    /// The shipped model and gazetteer, loaded once on first use.
    static let shipped: Result<EntityRecognizer, AssayError> = {
        do {
            let gazetteer = Gazetteer(sections: try gazetteerSections.get())
            guard let url = Bundle.module.url(forResource: "entities-model", withExtension: "bin", subdirectory: "Resources"),
                  let data = FileManager.default.contents(atPath: url.path) else {
                throw AssayError(.modelUnavailable, "the entity model resource (entities-model.bin) is missing from this build")
            }
            return .success(try EntityRecognizer(model: TaggerModel(data: data), gazetteer: gazetteer))
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
        let profiles = features.profiles(document, units)
        let f = features.extract(units, profiles: profiles)
        let tags = model.tag(f, units: units)
        return Self.mentions(tags: tags, units: units, profiles: profiles, gazetteer: features.gazetteer)
    }

    /// Spans of the tagged entities, without punctuation units at their edges (a closing quote
    /// is never part of a name, though a rare tag path may say so).
    ///
    /// A hyphenated entity whose every part is a listed place, nationality or organisation is
    /// split into those parts: the training news tags `Israeli-PLO` as one MISC, but
    /// `China-Russia relations` are between two places.
    static func mentions(tags: [Int], units: TaggingUnits, profiles: [UnitProfile], gazetteer: Gazetteer) -> [Mention] {
        var out: [Mention] = []
        func isPunctuation(_ i: Int) -> Bool { profiles[i].caseClass == .none && !profiles[i].hasDigit }
        for s in units.sentences {
            for e in BILOU.entities(in: Array(tags[s])) {
                var lo = s.lowerBound + e.units.lowerBound, hi = s.lowerBound + e.units.upperBound - 1
                while lo < hi, isPunctuation(lo) { lo += 1 }
                while hi > lo, isPunctuation(hi) { hi -= 1 }
                if lo == hi, isPunctuation(lo) { continue }
                if let parts = listedParts(lo...hi, units, profiles, gazetteer) {
                    out += parts
                    continue
                }
                out.append(Mention(span: Span(units.spans[lo].start, units.spans[hi].end), label: e.label))
            }
        }
        return out
    }

    private static func listedParts(_ range: ClosedRange<Int>, _ units: TaggingUnits, _ p: [UnitProfile], _ g: Gazetteer) -> [Mention]? {
        // Hyphen units: one character, no letters or digits, touching both neighbours.
        let cuts = range.filter { i in
            i > range.lowerBound && i < range.upperBound && p[i].caseClass == .none && !p[i].hasDigit
                && units.spans[i - 1].end == units.spans[i].start && units.spans[i].end == units.spans[i + 1].start
        }
        guard !cuts.isEmpty else { return nil }
        var out: [Mention] = []
        var start = range.lowerBound
        for end in cuts.map({ $0 - 1 }) + [range.upperBound] {
            guard start <= end, let label = g.label(of: p, start...end) else { return nil }
            out.append(Mention(span: Span(units.spans[start].start, units.spans[end].end), label: label))
            start = end + 2
        }
        return out
    }
}
