/// Reads the JSON of ``CorpusNames/encoded()`` straight from its bytes into the table.
///
/// `--names FILE` reads the table at the start of every batch run. Through a general JSON tree
/// (an enum per value, an array per object) reading news.jsonl's 1.8 MB table cost some 180 M
/// instructions, a fifth of what linking added to a whole extraction; read here, each value
/// goes where it belongs as it is met, the syntax checked by the input's own ``JSONParser``.
/// Every key of the table is required, as the encoder writes them all; keys it does not know are
/// passed over (checked as JSON), and a repeated key keeps its last value, as JSON readers do.
enum CorpusNamesReader {
    typealias Failure = JSONParser.Failure

    /// The table in `bytes`; a failure's message says what is wrong for the `E304` message:
    /// `no "forms"`, `bad "bearers.3.titles"`, or the syntax error and where.
    static func read(_ bytes: [UInt8]) throws(Failure) -> CorpusNames {
        let result: Result<CorpusNames, Failure> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            do throws(Failure) {
                parser.skipSpace()
                guard parser.peek() == UInt8(ascii: "{") else { throw parser.failure("not a JSON object") }
                let table = try table(&parser)
                try parser.end()
                return .success(table)
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    private static func table(_ parser: inout JSONParser) throws(Failure) -> CorpusNames {
        var table = CorpusNames()
        var format: String?, version: Int?, documents: Int?, entities: [CorpusEntity]?
        var forms: [String: Int]?, people: [String: Int]?, acronyms: [String: Int]?
        var contextDocuments: [String: Int]?, bearers: [CorpusNames.Bearer]?, byWord: [String: [Int]]?
        try parser.members { (key, parser) throws(Failure) in
            switch key {
            case "format": format = try string(&parser) { "format" }
            case "version": version = try int(&parser) { "version" }
            case "documents": documents = try int(&parser) { "documents" }
            case "entities": entities = try self.entities(&parser)
            case "forms": forms = try intTable(&parser) { "forms" }
            case "people": people = try intTable(&parser) { "people" }
            case "acronyms": acronyms = try intTable(&parser) { "acronyms" }
            case "context_documents": contextDocuments = try intTable(&parser) { "context_documents" }
            case "bearers": bearers = try self.bearers(&parser)
            case "bearers_by_word": byWord = try bearersByWord(&parser)
            default: try parser.skipValue()
            }
        }
        table.format = try required(format, "format", parser)
        table.version = try required(version, "version", parser)
        table.documentCount = try required(documents, "documents", parser)
        table.entities = try required(entities, "entities", parser)
        table.forms = try required(forms, "forms", parser)
        table.people = try required(people, "people", parser)
        table.acronyms = try required(acronyms, "acronyms", parser)
        table.contextFrequency = try required(contextDocuments, "context_documents", parser)
        table.bearers = try required(bearers, "bearers", parser)
        table.bearersByWord = try required(byWord, "bearers_by_word", parser)
        return table
    }

    /// `bad "path"` for a value of the wrong kind.
    private static func bad(_ path: String, _ parser: JSONParser) -> Failure {
        parser.failure("bad \"\(path)\"")
    }

    private static func required<T>(_ value: T?, _ path: @autoclosure () -> String, _ parser: JSONParser)
        throws(Failure) -> T
    {
        guard let value else { throw Failure(isInvalidUTF8: false, message: "no \"\(path())\"") }
        return value
    }

    private static func entities(_ parser: inout JSONParser) throws(Failure) -> [CorpusEntity] {
        try array(&parser, { "entities" }) { (i, parser) throws(Failure) in
            var id: String?, name: String?, label: String?
            let path = { "entities." + String(i) }
            guard parser.peek() == UInt8(ascii: "{") else { throw bad(path(), parser) }
            try parser.members { (key, parser) throws(Failure) in
                switch key {
                case "id": id = try string(&parser) { path() + ".id" }
                case "name": name = try string(&parser) { path() + ".name" }
                case "label": label = try string(&parser) { path() + ".label" }
                default: try parser.skipValue()
                }
            }
            return CorpusEntity(
                id: try required(id, path() + ".id", parser), name: try required(name, path() + ".name", parser),
                label: try required(label, path() + ".label", parser))
        }
    }

    private static func bearers(_ parser: inout JSONParser) throws(Failure) -> [CorpusNames.Bearer] {
        try array(&parser, { "bearers" }) { (i, parser) throws(Failure) in
            var entity: Int?, documents: Int?, titles: NameCounts?, context: NameCounts?
            let path = { "bearers." + String(i) }
            guard parser.peek() == UInt8(ascii: "{") else { throw bad(path(), parser) }
            try parser.members { (key, parser) throws(Failure) in
                switch key {
                case "entity": entity = try int(&parser) { path() + ".entity" }
                case "documents": documents = try int(&parser) { path() + ".documents" }
                case "titles": titles = NameCounts(reading: try intMembers(&parser) { path() + ".titles" })
                case "context": context = NameCounts(reading: try intMembers(&parser) { path() + ".context" })
                default: try parser.skipValue()
                }
            }
            return CorpusNames.Bearer(
                entity: try required(entity, path() + ".entity", parser),
                documents: try required(documents, path() + ".documents", parser),
                titles: try required(titles, path() + ".titles", parser),
                context: try required(context, path() + ".context", parser))
        }
    }

    private static func bearersByWord(_ parser: inout JSONParser) throws(Failure) -> [String: [Int]] {
        guard parser.peek() == UInt8(ascii: "{") else { throw bad("bearers_by_word", parser) }
        var members: [(String, [Int])] = []
        try parser.members { (word, parser) throws(Failure) in
            let list = try array(&parser, { "bearers_by_word." + word }) { (i, parser) throws(Failure) in
                try int(&parser) { "bearers_by_word." + word + "." + String(i) }
            }
            members.append((word, list))
        }
        var table: [String: [Int]] = [:]
        table.reserveCapacity(members.count)
        for (word, list) in members { table[word] = list }
        return table
    }

    // MARK: Values of a kind

    /// An object of integers, as its members in order.
    private static func intMembers(_ parser: inout JSONParser, _ path: () -> String) throws(Failure) -> [(String, Int)]
    {
        guard parser.peek() == UInt8(ascii: "{") else { throw bad(path(), parser) }
        var members: [(String, Int)] = []
        try parser.members { (key, parser) throws(Failure) in
            members.append((key, try int(&parser) { path() + "." + key }))
        }
        return members
    }

    /// An object of integers.
    private static func intTable(_ parser: inout JSONParser, _ path: () -> String) throws(Failure) -> [String: Int] {
        // Collected first, so that the table is made at its size: growing one hashes every key
        // again.
        let members = try intMembers(&parser, path)
        var table: [String: Int] = [:]
        table.reserveCapacity(members.count)
        for (key, n) in members { table[key] = n }
        return table
    }

    /// The elements of an array, each read by `element` (given its index).
    private static func array<T>(
        _ parser: inout JSONParser, _ path: () -> String, _ element: (Int, inout JSONParser) throws(Failure) -> T
    ) throws(Failure) -> [T] {
        guard parser.peek() == UInt8(ascii: "[") else { throw bad(path(), parser) }
        var out: [T] = []
        try parser.elements { (parser) throws(Failure) in out.append(try element(out.count, &parser)) }
        return out
    }

    private static func string(_ parser: inout JSONParser, _ path: () -> String) throws(Failure) -> String {
        guard parser.peek() == UInt8(ascii: "\"") else { throw bad(path(), parser) }
        return try parser.string()
    }

    /// An integer that fits `Int` (another number, or another value, is bad).
    private static func int(_ parser: inout JSONParser, _ path: () -> String) throws(Failure) -> Int {
        guard let n = try parser.integer() else { throw bad(path(), parser) }
        return n
    }
}
