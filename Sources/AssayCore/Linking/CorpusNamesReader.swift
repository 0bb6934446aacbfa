/// Reads the JSON of ``CorpusNames/encoded()`` with the core's ``JSONParser``.
///
/// `--names FILE` reads the table at the start of every batch run; Foundation's `JSONDecoder`
/// took a tenth of a second over a 1.8 MB table, a tenth of a whole extraction of 840
/// articles. Every key of the table is required, as the encoder writes them all.
enum CorpusNamesReader {
    /// What is wrong with the table, for the `E304` message: `no "forms"`, `bad
    /// "bearers.3.titles"`, `not JSON`.
    struct Failure: Error {
        var reason: String
    }

    static func read(_ bytes: [UInt8]) throws(Failure) -> CorpusNames {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw Failure(reason: "not JSON") }
        guard case .object = root else { throw Failure(reason: "not JSON") }
        var table = CorpusNames()
        table.format = try string(root.member("format"), "format")
        table.version = try int(root.member("version"), "version")
        table.documentCount = try int(root.member("documents"), "documents")
        table.entities = try array(root.member("entities"), "entities") { (v, path) throws(Failure) in
            CorpusEntity(
                id: try string(v.member("id"), path() + ".id"),
                name: try string(v.member("name"), path() + ".name"),
                label: try string(v.member("label"), path() + ".label"))
        }
        table.forms = try intTable(root.member("forms"), "forms")
        table.people = try intTable(root.member("people"), "people")
        table.acronyms = try intTable(root.member("acronyms"), "acronyms")
        table.contextFrequency = try intTable(root.member("context_documents"), "context_documents")
        table.bearers = try array(root.member("bearers"), "bearers") { (v, path) throws(Failure) in
            CorpusNames.Bearer(
                entity: try int(v.member("entity"), path() + ".entity"),
                documents: try int(v.member("documents"), path() + ".documents"),
                titles: try intTable(v.member("titles"), path() + ".titles"),
                context: try intTable(v.member("context"), path() + ".context"))
        }
        let byWord = root.member("bearers_by_word")
        guard case .object(let words)? = byWord else { throw failure(byWord, "bearers_by_word") }
        table.bearersByWord.reserveCapacity(words.count)
        for (word, list) in words {
            table.bearersByWord[word] = try array(list, "bearers_by_word." + word) { (v, path) throws(Failure) in
                try int(v, path())
            }
        }
        return table
    }

    // Paths are made only for a message: a table has tens of thousands of values.

    /// `no "path"` for a missing value, `bad "path"` for one of the wrong type.
    private static func failure(_ value: JSONValue?, _ path: String) -> Failure {
        Failure(reason: value == nil ? "no \"\(path)\"" : "bad \"\(path)\"")
    }

    private static func string(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(Failure) -> String {
        guard case .string(let s)? = value else { throw failure(value, path()) }
        return s
    }

    private static func int(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(Failure) -> Int {
        guard case .int(let n)? = value else { throw failure(value, path()) }
        return n
    }

    /// The elements of an array, each read by `element` (given the element's path).
    private static func array<T>(
        _ value: JSONValue?, _ path: String, _ element: (JSONValue, () -> String) throws(Failure) -> T
    ) throws(Failure) -> [T] {
        guard case .array(let items)? = value else { throw failure(value, path) }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { out.append(try element(item, { path + "." + String(i) })) }
        return out
    }

    /// An object of integers (a repeated key keeps its last value, as JSON readers do).
    private static func intTable(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(Failure) -> [String:
        Int]
    {
        guard case .object(let members)? = value else { throw failure(value, path()) }
        var table: [String: Int] = [:]
        table.reserveCapacity(members.count)
        for (key, v) in members {
            guard case .int(let n) = v else { throw failure(v, path() + "." + key) }
            table[key] = n
        }
        return table
    }
}
