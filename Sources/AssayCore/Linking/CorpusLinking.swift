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
    /// The names met so far in the documents linked, shared by the copies of this linking.
    let known: KnownNames

    public init(_ names: CorpusNames) {
        self.names = names
        known = KnownNames(names)
    }

    /// The extractor whose mentions are linked, and which the others' names refer to.
    public static let entitiesExtractor = "entities"
    /// The extractors whose annotations carry names of entities.
    public static let namingExtractors: Set<String> = [entitiesExtractor, "quotes", "entity-sentiment"]

    /// `annotations` of `document` with corpus identity added; `entities` are the document's
    /// whole-document `entities` annotations (the names the others refer to).
    public func link(_ annotations: [Annotation], entities: [Annotation], in document: AnalyzedDocument) -> [Annotation]
    {
        guard annotations.contains(where: { Self.namingExtractors.contains($0.extractor) }) else { return annotations }
        let resolver = DocumentResolver(known: known, names: names, entities: entities, in: document)
        return annotations.map { resolver.link($0, in: document) }
    }

    /// The resolved entities of one document, by label and canonical name.
    public struct DocumentResolver: Sendable {
        private var byName: [DocumentNames.NameRef: CorpusEntity] = [:]
        /// Canonical name → entity, people first, then organisations, then the rest.
        private var bySpeaker: [String: CorpusEntity] = [:]
        /// The document's entity mentions, for a speaker named by a mention's own text.
        private let mentions: [Annotation]
        private let document: AnalyzedDocument

        public init(names: CorpusNames, entities: [Annotation], in document: AnalyzedDocument) {
            let doc = DocumentNames(entities: entities, in: document)
            self.init(doc, resolved: names.resolve(doc), mentions: entities, in: document)
        }

        /// The resolver of a document, with what `known` knows of its names.
        init(known: KnownNames, names: CorpusNames, entities: [Annotation], in document: AnalyzedDocument) {
            let (doc, alone) = DocumentNames.read(entities: entities, in: document, known: known)
            self.init(doc, resolved: names.resolve(doc, alone: alone), mentions: entities, in: document)
        }

        private init(
            _ doc: DocumentNames, resolved: [CorpusEntity], mentions: [Annotation], in document: AnalyzedDocument
        ) {
            self.mentions = mentions
            self.document = document
            byName.reserveCapacity(doc.entries.count)
            for (e, r) in zip(doc.entries, resolved) {
                byName[DocumentNames.NameRef(label: e.label, canonical: e.canonical)] = r
                Self.offer(r, as: e.canonical, to: &bySpeaker)
            }
        }

        /// Files `entity` under `name` unless a likelier speaker (a person before an
        /// organisation before anything else) is there already.
        private static func offer(_ entity: CorpusEntity, as name: String, to table: inout [String: CorpusEntity]) {
            if let old = table[name], speakerRank(old.label) <= speakerRank(entity.label) { return }
            table[name] = entity
        }

        private static func speakerRank(_ label: String) -> Int {
            label == NameKey.personLabel ? 0 : label == NameKey.organisationLabel ? 1 : 2
        }

        /// The corpus entity of a mention with `label` and document-level name `canonical`.
        public func entity(label: String, canonical: String) -> CorpusEntity? {
            byName[DocumentNames.NameRef(label: label, canonical: canonical)]
        }

        /// The entity of a speaker: the one of that canonical name, or else of a mention
        /// written so ("ECB" for the European Central Bank), a person before an organisation
        /// before anything else, the first in the text among equals.
        ///
        /// Mentions' texts are compared only for a speaker no canonical name matches, which is
        /// rare: making each mention's text for every document would cost more than the rest
        /// of linking.
        private func entity(speaker: String) -> CorpusEntity? {
            if let e = bySpeaker[speaker] { return e }
            var best: CorpusEntity?
            for a in mentions {
                guard case .string(let label)? = a["label"], document.text(of: a.span) == speaker,
                    let e = entity(label: label, canonical: DocumentNames.canonical(of: a, in: document))
                else { continue }
                if let b = best, Self.speakerRank(b.label) <= Self.speakerRank(e.label) { continue }
                best = e
            }
            return best
        }

        public func link(_ a: Annotation, in document: AnalyzedDocument) -> Annotation {
            var a = a
            switch a.extractor {
            case CorpusLinking.entitiesExtractor:
                guard case .string(let label)? = a["label"],
                    let e = entity(label: label, canonical: DocumentNames.canonical(of: a, in: document))
                else { return a }
                a["name"] = .string(e.name)
                a["entity_id"] = .string(e.id)
            case "quotes":
                guard case .string(let speaker)? = a["speaker"] else {
                    if a["speaker"] != nil { a["speaker_id"] = .null }
                    return a
                }
                if let e = entity(speaker: speaker) {
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
