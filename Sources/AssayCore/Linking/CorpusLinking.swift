/// Puts corpus-level identity on a document's annotations: the `entities` mentions get `name`
/// and `entity_id`, a quote's `speaker` becomes the speaker's corpus name (with `speaker_id`),
/// and `entity-sentiment` rows get `name` and `entity_id`, so that counting or averaging by
/// them counts people rather than spellings.
///
/// The fields read are those of the batch contract (`label`/`canonical` of entities, `speaker`
/// of quotes, `entity`/`entity_label` of entity-sentiment); annotations of other extractors
/// pass through unchanged.
public struct CorpusLinking: Sendable {
    public let names: CorpusNames

    public init(_ names: CorpusNames) { self.names = names }

    /// The extractor whose mentions are linked, and which the others' names refer to.
    public static let entitiesExtractor = "entities"
    /// The extractors whose annotations carry names of entities.
    public static let namingExtractors: Set<String> = [entitiesExtractor, "quotes", "entity-sentiment"]

    /// `annotations` of `document` with corpus identity added; `entities` are the document's
    /// whole-document `entities` annotations (the names the others refer to).
    public func link(_ annotations: [Annotation], entities: [Annotation], in document: AnalyzedDocument) -> [Annotation]
    {
        guard annotations.contains(where: { Self.namingExtractors.contains($0.extractor) }) else { return annotations }
        let resolver = DocumentResolver(names: names, entities: entities, in: document)
        return annotations.map { resolver.link($0, in: document) }
    }

    /// The resolved entities of one document, by label and canonical name.
    public struct DocumentResolver: Sendable {
        private var byName: [String: CorpusEntity] = [:]
        /// Canonical name → entity, people first, then organisations, then the rest.
        private var bySpeaker: [String: CorpusEntity] = [:]

        public init(names: CorpusNames, entities: [Annotation], in document: AnalyzedDocument) {
            let doc = DocumentNames(entities: entities, in: document)
            let resolved = names.resolve(doc)
            for (e, r) in zip(doc.entries, resolved) {
                byName[e.label + "\u{1}" + e.canonical] = r
                offer(r, as: e.canonical, to: &bySpeaker)
            }
            // A speaker may be named by a mention's own text ("ECB" for the European Central
            // Bank): a name no entity has as its canonical name.
            var byText: [String: CorpusEntity] = [:]
            for a in entities {
                guard case .string(let label)? = a["label"] else { continue }
                let text = document.text(of: a.span)
                guard bySpeaker[text] == nil else { continue }
                var canonical = text
                if case .string(let c)? = a["canonical"], !c.isEmpty { canonical = c }
                if let r = byName[label + "\u{1}" + canonical] { offer(r, as: text, to: &byText) }
            }
            bySpeaker.merge(byText) { old, _ in old }
        }

        /// Files `entity` under `name` unless a likelier speaker (a person before an
        /// organisation before anything else) is there already.
        private func offer(_ entity: CorpusEntity, as name: String, to table: inout [String: CorpusEntity]) {
            if let old = table[name], Self.speakerRank(old.label) <= Self.speakerRank(entity.label) { return }
            table[name] = entity
        }

        private static func speakerRank(_ label: String) -> Int {
            label == NameKey.personLabel ? 0 : label == NameKey.organisationLabel ? 1 : 2
        }

        /// The corpus entity of a mention with `label` and document-level name `canonical`.
        public func entity(label: String, canonical: String) -> CorpusEntity? { byName[label + "\u{1}" + canonical] }

        public func link(_ a: Annotation, in document: AnalyzedDocument) -> Annotation {
            var a = a
            switch a.extractor {
            case CorpusLinking.entitiesExtractor:
                guard case .string(let label)? = a["label"] else { return a }
                var canonical = document.text(of: a.span)
                if case .string(let c)? = a["canonical"], !c.isEmpty { canonical = c }
                guard let e = entity(label: label, canonical: canonical) else { return a }
                a["name"] = .string(e.name)
                a["entity_id"] = .string(e.id)
            case "quotes":
                guard case .string(let speaker)? = a["speaker"] else {
                    if a["speaker"] != nil { a["speaker_id"] = .null }
                    return a
                }
                if let e = bySpeaker[speaker] {
                    a["speaker"] = .string(e.name)
                    a["speaker_id"] = .string(e.id)
                } else {
                    a["speaker_id"] = .null
                }
            case "entity-sentiment":
                guard case .string(let name)? = a["entity"], case .string(let label)? = a["entity_label"],
                    let e = entity(label: label, canonical: name)
                else { return a }
                a["name"] = .string(e.name)
                a["entity_id"] = .string(e.id)
            default:
                break
            }
            return a
        }
    }
}

extension CorpusNameStatistics {
    /// Adds a document by its `entities` annotations.
    public mutating func add(entities: [Annotation], in document: AnalyzedDocument) {
        add(DocumentNames(entities: entities, in: document))
    }
}
