/// Puts corpus-level identity on a document's annotations: the `entities` mentions of people
/// and organisations get `name` and `entity_id`, a quote's `speaker` becomes the speaker's corpus name (with `speaker_id`),
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

    /// - Parameter folded: the words of names already folded (by the first pass that counted
    ///   the names for `names`), so that linking does not fold them again.
    public init(_ names: CorpusNames, folded: FoldedNames = FoldedNames()) {
        self.names = names
        known = KnownNames(names, folded: folded)
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
        /// The corpus entity of a document's name, with the field values linking gives its
        /// mentions (made once per name, not per mention).
        struct Linked: Sendable {
            var entity: CorpusEntity
            var name: Value
            var id: Value

            init(_ entity: CorpusEntity) {
                self.entity = entity
                name = .string(entity.name)
                id = .string(entity.id)
            }
        }

        /// The document's names (label and canonical name of its mentions).
        private let table: NameRefTable
        /// Per name of `table`: its entity, nil for a name without words or of a label that
        /// is not linked (``NameKey/isLinked(_:)``).
        private let linked: [Linked?]
        /// The document's entity mentions, for a speaker named by a mention's own text.
        private let mentions: [Annotation]
        private let document: AnalyzedDocument

        public init(names: CorpusNames, entities: [Annotation], in document: AnalyzedDocument) {
            self.init(known: KnownNames(names), names: names, entities: entities, in: document)
        }

        /// The resolver of a document, with what `known` knows of its names.
        init(known: KnownNames, names: CorpusNames, entities: [Annotation], in document: AnalyzedDocument) {
            let read = DocumentNames.read(entities: entities, in: document, known: known)
            let resolved = names.resolve(read.names, alone: read.entities).map { $0.map(Linked.init) }
            table = read.table
            linked = read.entryOfName.map { $0.flatMap { resolved[$0] } }
            self.mentions = entities
            self.document = document
        }

        /// People before organisations as the entity a speaker names.
        private static func speakerRank(_ label: String) -> Int { label == NameKey.personLabel ? 0 : 1 }

        /// The linked entity of a mention with `label` and document-level name `canonical`.
        private func linked(label: String, canonical: String) -> Linked? {
            table.number(of: DocumentNames.NameRef(label: label, canonical: canonical)).flatMap { linked[$0] }
        }

        /// The corpus entity of a mention with `label` and document-level name `canonical`.
        public func entity(label: String, canonical: String) -> CorpusEntity? {
            linked(label: label, canonical: canonical)?.entity
        }

        /// The entity of a speaker: the one of that canonical name, or else of a mention
        /// written so ("ECB" for the European Central Bank), a person before an organisation,
        /// the first in the text among equals.
        ///
        /// Mentions' texts are compared only for a speaker no canonical name matches, which is
        /// rare: making each mention's text for every document would cost more than the rest
        /// of linking.
        private func entity(speaker: String) -> CorpusEntity? {
            // A person or organisation of that name is found by its hash (no other label is
            // linked).
            if let e = linked(label: NameKey.personLabel, canonical: speaker) { return e.entity }
            if let e = linked(label: NameKey.organisationLabel, canonical: speaker) { return e.entity }
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
            switch a.extractor {
            case CorpusLinking.entitiesExtractor:
                guard case .string(let label)? = a["label"], NameKey.isLinked(label),
                    let e = linked(label: label, canonical: DocumentNames.canonical(of: a, in: document))
                else { return a }
                return Self.adding(e, to: a)
            case "quotes":
                var a = a
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
                return a
            case "entity-sentiment":
                guard case .string(let name)? = a["entity"], case .string(let label)? = a["entity_label"],
                    let e = linked(label: label, canonical: name)
                else { return a }
                return Self.adding(e, to: a)
            default:
                return a
            }
        }

        /// `a` with `name` and `entity_id` of `e`: its fields copied once into an array with
        /// room for both (setting one field after the other copied them and then grew the copy).
        private static func adding(_ e: Linked, to a: Annotation) -> Annotation {
            guard !a.fields.contains(where: { $0.key == "name" || $0.key == "entity_id" }) else {
                var a = a
                a["name"] = e.name
                a["entity_id"] = e.id
                return a
            }
            var fields = a.fields
            fields.reserveCapacity(fields.count + 2)
            fields.append((key: "name", value: e.name))
            fields.append((key: "entity_id", value: e.id))
            return Annotation(extractor: a.extractor, span: a.span, labeledFields: fields)
        }
    }
}

extension CorpusNameStatistics {
    /// Adds a document by its `entities` annotations.
    public mutating func add(entities: [Annotation], in document: AnalyzedDocument) {
        add(DocumentNames(entities: entities, in: document))
    }
}
