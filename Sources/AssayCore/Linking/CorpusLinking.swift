import Foundation

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

    /// The linking of the corpus `statistics` counted (by its ``CorpusNameStatistics/table()``,
    /// less the bearers none of the lone names counted may mean: ``names`` is not that table).
    /// The documents it counted with ``CorpusNameStatistics/add(numbering:)`` are linked by
    /// the numbers it gave their names, with no look-up of each name again.
    ///
    /// - Parameter folded: the words of names already folded, as for a linking made from a table.
    public init(_ statistics: CorpusNameStatistics, folded: FoldedNames = FoldedNames()) {
        let (names, entityOfForm) = CorpusNamesBuilder(statistics).buildWithEntities(forLoneNamesCounted: true)
        self.names = names
        known = KnownNames(names, of: statistics, entityOfForm: entityOfForm, folded: folded)
    }

    /// The extractor whose mentions are linked, and which the others' names refer to.
    public static let entitiesExtractor = "entities"
    /// The extractors whose annotations carry names of entities.
    public static let namingExtractors: Set<String> = [entitiesExtractor, "quotes", "entity-sentiment"]

    /// `annotations` of `document` with corpus identity added; `entities` are the document's
    /// whole-document `entities` annotations (the names the others refer to).
    ///
    /// The annotations are changed in place: given the caller's only copy (`all =
    /// linking.link(all, ...)`), those of other extractors are neither copied nor touched.
    ///
    /// - Parameter mentionNames: the names of `entities` if already read (by a first pass that
    ///   read these very mentions), so that they are not read again.
    public func link(
        _ annotations: consuming [Annotation], entities: consuming [Annotation],
        mentionNames: MentionNames? = nil, in document: AnalyzedDocument
    ) -> [Annotation] {
        guard annotations.contains(where: { DocumentResolver.isNaming($0) }) else { return annotations }
        // The resolver takes the mentions and keeps none of them, so that mentions among
        // `annotations` that nothing else holds take their new fields in place.
        let resolver = DocumentResolver(
            known: known, names: names, entities: consume entities, mentionNames: mentionNames, in: document)
        // The annotations come in span order, as the mentions do: each mention is found by
        // walking on from the last one found.
        var mention = 0
        for i in annotations.indices where DocumentResolver.isNaming(annotations[i]) {
            resolver.link(&annotations[i], in: document, mention: &mention)
        }
        return annotations
    }

    /// The resolved entities of one document, by label and canonical name.
    public struct DocumentResolver: Sendable {
        /// The document's names (label and canonical name of its mentions).
        private let table: NameRefTable
        /// Per name of `table`: its entity, nil for a name without words or of a label that
        /// is not linked (``NameKey/isLinked(_:)``).
        private let linked: [LinkedEntity?]
        /// The spans of the document's entity mentions (for a speaker named by a mention's own
        /// text).
        private let spans: [Span]
        /// The number in `table` of each mention's name (-1 for a mention without a label).
        private let nameOfMention: [Int32]
        /// Whether `spans` increase, each span once: then a mention to link is found by its
        /// span, rather than by hashing its name again.
        private let mentionsBySpan: Bool
        private let document: AnalyzedDocument

        public init(names: CorpusNames, entities: [Annotation], in document: AnalyzedDocument) {
            self.init(known: KnownNames(names), names: names, entities: entities, mentionNames: nil, in: document)
        }

        /// The resolver of a document, with what `known` knows of its names; `mentionNames`
        /// are those of `entities`, read here if nil.
        init(
            known: KnownNames, names: CorpusNames, entities: [Annotation], mentionNames: MentionNames?,
            in document: AnalyzedDocument
        ) {
            let mentionNames = mentionNames ?? MentionNames(entities: entities, in: document)
            let table = mentionNames.table, titles = mentionNames.titles
            let nameOfMention = mentionNames.nameOfMention
            let readings = known.readings(of: mentionNames)
            var linked = readings.map(\.linked)
            // A lone person's name ("Clinton") is resolved by the document's other names, which
            // are gathered only for a document that has one.
            let lone = table.refs.indices.filter {
                readings[$0].linked == nil
                    && CorpusNames.dependsOnDocument(label: table.refs[$0].label, readings[$0].words)
            }
            if !lone.isEmpty {
                // A lone name is weighed against the document's other names only as rivals:
                // people of several words (``CorpusNames/resolveOneWord(_:in:context:)``, given
                // the context keys made here), so only those and the lone names are made entries.
                var entries: [DocumentNames.Entry] = []
                var entryOfName = [Int](repeating: -1, count: table.count)
                var isLone = [Bool](repeating: false, count: table.count)
                for n in lone { isLone[n] = true }
                for (n, ref) in table.refs.enumerated() where !readings[n].words.isEmpty {
                    guard isLone[n] || (ref.label == NameKey.personLabel && readings[n].words.count > 1) else {
                        continue
                    }
                    entryOfName[n] = entries.count
                    entries.append(
                        DocumentNames.Entry(
                            label: ref.label, canonical: ref.canonical, title: titles[n], words: readings[n].words))
                }
                let others = DocumentNames(unique: entries)
                // The names' context keys were made with their readings.
                var context: [NameCounts.Key]? = DocumentNames.unique(readings.compactMap(\.contextKey))
                for n in lone {
                    linked[n] = LinkedEntity(
                        names.resolveOneWord(entries[entryOfName[n]], in: others, context: &context))
                }
            }
            self.table = table
            self.linked = linked
            spans = entities.map(\.span)
            self.nameOfMention = nameOfMention
            mentionsBySpan = zip(spans, spans.dropFirst()).allSatisfy { $0 < $1 }
            self.document = document
        }

        /// The number in `table` of the name of the mention at `span` (-1 for one without a
        /// label), when the mentions are ordered by span; nil when that does not tell.
        private func name(ofMentionAt span: Span) -> Int? {
            guard mentionsBySpan else { return nil }
            var low = 0, high = spans.count
            while low < high {
                let mid = (low + high) / 2
                if spans[mid] < span { low = mid + 1 } else { high = mid }
            }
            guard low < spans.count, spans[low] == span else { return nil }
            return Int(nameOfMention[low])
        }

        /// ``name(ofMentionAt:)``, walking `cursor` on past the mentions before `span` (the
        /// mentions after it are then looked at by binary search).
        private func name(ofMentionAt span: Span, from cursor: inout Int) -> Int? {
            guard mentionsBySpan else { return nil }
            while cursor < spans.count && spans[cursor] < span { cursor += 1 }
            if cursor < spans.count && spans[cursor] == span { return Int(nameOfMention[cursor]) }
            return name(ofMentionAt: span)
        }

        /// People before organisations as the entity a speaker names.
        private static func speakerRank(_ label: String) -> Int { label == NameKey.personLabel ? 0 : 1 }

        /// The linked entity of a mention with `label` and document-level name `canonical`.
        private func linked(label: String, canonical: String) -> LinkedEntity? {
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
            for (m, span) in spans.enumerated() {
                let n = Int(nameOfMention[m])
                guard n >= 0, let e = linked[n]?.entity, text(at: span, is: speaker) else { continue }
                if let b = best, Self.speakerRank(b.label) <= Self.speakerRank(e.label) { continue }
                best = e
            }
            return best
        }

        /// Whether the document's text at `span` is `text`, as `==` on Strings tells: ASCII
        /// texts are compared as bytes, without making a String of the span.
        private func text(at span: Span, is text: String) -> Bool {
            var text = text
            let asBytes: Bool? = text.withUTF8 { t in
                document.utf8.withUnsafeBufferPointer { d in
                    let s = UnsafeBufferPointer(rebasing: d[span.start..<span.end])
                    // Only ASCII on both sides: other text may be equal in another spelling.
                    guard !t.contains(where: { $0 >= 0x80 }), !s.contains(where: { $0 >= 0x80 }) else { return nil }
                    return t.count == s.count && (t.isEmpty || memcmp(t.baseAddress!, s.baseAddress!, t.count) == 0)
                }
            }
            return asBytes ?? (document.text(of: span) == text)
        }

        /// Whether `a` is of an extractor whose annotations name entities (``namingExtractors``,
        /// spelt out: a Set look-up hashed every annotation's extractor name).
        ///
        /// Each name is compared only with names of its length: comparing a short name
        /// ("sentiment", held inline) with "entity-sentiment" (too long to be) takes `==`'s slow
        /// path, once for every annotation of the commonest extractors.
        static func isNaming(_ a: Annotation) -> Bool {
            let name = a.extractor
            switch name.utf8.count {
            case 8: return name == CorpusLinking.entitiesExtractor
            case 6: return name == "quotes"
            case 16: return name == "entity-sentiment"
            default: return false
            }
        }

        /// `a` with corpus identity added. An `entities` annotation is read as the mention of
        /// its span among those the resolver was made with.
        public func link(_ a: Annotation, in document: AnalyzedDocument) -> Annotation {
            var a = a
            link(&a, in: document)
            return a
        }

        /// Adds corpus identity to `a` in place.
        func link(_ a: inout Annotation, in document: AnalyzedDocument) {
            // With no mention to walk on from, one is found by binary search.
            var mention = spans.count
            link(&a, in: document, mention: &mention)
        }

        /// Adds corpus identity to `a` in place; an `entities` annotation is looked for among
        /// the mentions from number `mention` on (see ``name(ofMentionAt:from:)``).
        func link(_ a: inout Annotation, in document: AnalyzedDocument, mention: inout Int) {
            switch a.extractor {
            case CorpusLinking.entitiesExtractor:
                if let n = name(ofMentionAt: a.span, from: &mention) {
                    if n >= 0, let e = linked[n] { Self.add(e, to: &a) }
                    return
                }
                guard case .string(let label)? = a["label"], NameKey.isLinked(label),
                    let e = linked(label: label, canonical: DocumentNames.canonical(of: a, in: document))
                else { return }
                Self.add(e, to: &a)
            case "quotes":
                guard let speaker = a["speaker"] else { return }
                a.reserveFields(1)
                if case .string(let name) = speaker, let e = entity(speaker: name) {
                    a["speaker"] = .string(e.name)
                    a["speaker_id"] = .string(e.id)
                } else {
                    a["speaker_id"] = .null
                }
            case "entity-sentiment":
                guard case .string(let name)? = a["entity"], case .string(let label)? = a["entity_label"],
                    let e = linked(label: label, canonical: name)
                else { return }
                Self.add(e, to: &a)
            default:
                return
            }
        }

        /// Sets `name` and `entity_id` of `e` on `a`.
        private static func add(_ e: LinkedEntity, to a: inout Annotation) {
            // Grown once (and copied once, unless `a` is the only holder of its fields).
            a.reserveFields(2)
            a["name"] = e.name
            a["entity_id"] = e.id
        }
    }
}

extension CorpusNameStatistics {
    /// Adds a document by its `entities` annotations.
    public mutating func add(entities: [Annotation], in document: AnalyzedDocument) {
        add(DocumentNames(entities: entities, in: document))
    }
}
