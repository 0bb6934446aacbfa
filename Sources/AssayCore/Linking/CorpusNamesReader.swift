/// Reads the JSON of ``CorpusNames/encoded()`` straight from its bytes into the table.
///
/// `--names FILE` reads the table at the start of every batch run. Through a general JSON tree
/// (an enum per value, an array per object) reading news.jsonl's 1.8 MB table cost some 180 M
/// instructions, a fifth of what linking added to a whole extraction; read here, each value
/// goes where it belongs as it is met. Every key of the table is required, as the encoder writes
/// them all; keys it does not know are skipped (checked as JSON), and a repeated key keeps its
/// last value, as JSON readers do.
enum CorpusNamesReader {
    /// What is wrong with the table, for the `E304` message: `no "forms"`, `bad
    /// "bearers.3.titles"`, `not JSON`.
    struct Failure: Error {
        var reason: String
    }

    static func read(_ bytes: [UInt8]) throws(Failure) -> CorpusNames {
        let result: Result<CorpusNames, Failure> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONBytes(buffer)
            do throws(Failure) { return .success(try reader.table()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// `no "path"` for a missing value.
    static func missing(_ path: String) -> Failure { Failure(reason: "no \"\(path)\"") }
    /// `bad "path"` for a value of the wrong kind.
    static func bad(_ path: String) -> Failure { Failure(reason: "bad \"\(path)\"") }
    static let notJSON = Failure(reason: "not JSON")
}

/// A cursor over the bytes of a names table, reading its parts by what they should be.
///
/// Paths are made only for a message (a table has tens of thousands of values): a reader of a
/// value is given a function that makes its path.
private struct JSONBytes {
    typealias Failure = CorpusNamesReader.Failure

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    /// The bytes of a string being unescaped, kept between strings.
    private var unescaped: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: The table

    mutating func table() throws(Failure) -> CorpusNames {
        var table = CorpusNames()
        var format: String?, version: Int?, documents: Int?, entities: [CorpusEntity]?
        var forms: [String: Int]?, people: [String: Int]?, acronyms: [String: Int]?
        var contextDocuments: [String: Int]?, bearers: [CorpusNames.Bearer]?, byWord: [String: [Int]]?
        skipSpace()
        guard peek() == UInt8(ascii: "{") else { throw CorpusNamesReader.notJSON }
        try members { (key, reader) throws(Failure) in
            switch key {
            case "format": format = try reader.string { "format" }
            case "version": version = try reader.int { "version" }
            case "documents": documents = try reader.int { "documents" }
            case "entities": entities = try reader.entities()
            case "forms": forms = try reader.intTable { "forms" }
            case "people": people = try reader.intTable { "people" }
            case "acronyms": acronyms = try reader.intTable { "acronyms" }
            case "context_documents": contextDocuments = try reader.intTable { "context_documents" }
            case "bearers": bearers = try reader.bearers()
            case "bearers_by_word": byWord = try reader.bearersByWord()
            default: try reader.skipValue()
            }
        }
        skipSpace()
        guard at == bytes.count else { throw CorpusNamesReader.notJSON }
        table.format = try Self.required(format, "format")
        table.version = try Self.required(version, "version")
        table.documentCount = try Self.required(documents, "documents")
        table.entities = try Self.required(entities, "entities")
        table.forms = try Self.required(forms, "forms")
        table.people = try Self.required(people, "people")
        table.acronyms = try Self.required(acronyms, "acronyms")
        table.contextFrequency = try Self.required(contextDocuments, "context_documents")
        table.bearers = try Self.required(bearers, "bearers")
        table.bearersByWord = try Self.required(byWord, "bearers_by_word")
        return table
    }

    private static func required<T>(_ value: T?, _ path: @autoclosure () -> String) throws(Failure) -> T {
        guard let value else { throw CorpusNamesReader.missing(path()) }
        return value
    }

    private mutating func entities() throws(Failure) -> [CorpusEntity] {
        try array({ "entities" }) { (i, reader) throws(Failure) in
            var id: String?, name: String?, label: String?
            let path = { "entities." + String(i) }
            guard reader.peek() == UInt8(ascii: "{") else { throw CorpusNamesReader.bad(path()) }
            try reader.members { (key, reader) throws(Failure) in
                switch key {
                case "id": id = try reader.string { path() + ".id" }
                case "name": name = try reader.string { path() + ".name" }
                case "label": label = try reader.string { path() + ".label" }
                default: try reader.skipValue()
                }
            }
            return CorpusEntity(
                id: try Self.required(id, path() + ".id"), name: try Self.required(name, path() + ".name"),
                label: try Self.required(label, path() + ".label"))
        }
    }

    private mutating func bearers() throws(Failure) -> [CorpusNames.Bearer] {
        try array({ "bearers" }) { (i, reader) throws(Failure) in
            var entity: Int?, documents: Int?, titles: NameCounts?, context: NameCounts?
            let path = { "bearers." + String(i) }
            guard reader.peek() == UInt8(ascii: "{") else { throw CorpusNamesReader.bad(path()) }
            try reader.members { (key, reader) throws(Failure) in
                switch key {
                case "entity": entity = try reader.int { path() + ".entity" }
                case "documents": documents = try reader.int { path() + ".documents" }
                case "titles": titles = NameCounts(reading: try reader.intMembers { path() + ".titles" })
                case "context": context = NameCounts(reading: try reader.intMembers { path() + ".context" })
                default: try reader.skipValue()
                }
            }
            return CorpusNames.Bearer(
                entity: try Self.required(entity, path() + ".entity"),
                documents: try Self.required(documents, path() + ".documents"),
                titles: try Self.required(titles, path() + ".titles"),
                context: try Self.required(context, path() + ".context"))
        }
    }

    private mutating func bearersByWord() throws(Failure) -> [String: [Int]] {
        guard peek() == UInt8(ascii: "{") else { throw CorpusNamesReader.bad("bearers_by_word") }
        var members: [(String, [Int])] = []
        try self.members { (word, reader) throws(Failure) in
            let list = try reader.array({ "bearers_by_word." + word }) { (i, reader) throws(Failure) in
                try reader.int { "bearers_by_word." + word + "." + String(i) }
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
    private mutating func intMembers(_ path: () -> String) throws(Failure) -> [(String, Int)] {
        guard peek() == UInt8(ascii: "{") else { throw CorpusNamesReader.bad(path()) }
        var members: [(String, Int)] = []
        try self.members { (key, reader) throws(Failure) in
            members.append((key, try reader.int { path() + "." + key }))
        }
        return members
    }

    /// An object of integers.
    private mutating func intTable(_ path: () -> String) throws(Failure) -> [String: Int] {
        // Collected first, so that the table is made at its size: growing one hashes every key
        // again.
        let members = try intMembers(path)
        var table: [String: Int] = [:]
        table.reserveCapacity(members.count)
        for (key, n) in members { table[key] = n }
        return table
    }

    /// The elements of an array, each read by `element` (given its index).
    private mutating func array<T>(_ path: () -> String, _ element: (Int, inout JSONBytes) throws(Failure) -> T)
        throws(Failure) -> [T]
    {
        guard peek() == UInt8(ascii: "[") else { throw CorpusNamesReader.bad(path()) }
        at += 1
        var out: [T] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            at += 1
            return out
        }
        while true {
            skipSpace()
            out.append(try element(out.count, &self))
            skipSpace()
            guard let c = next() else { throw CorpusNamesReader.notJSON }
            if c == UInt8(ascii: "]") { return out }
            guard c == UInt8(ascii: ",") else { throw CorpusNamesReader.notJSON }
        }
    }

    /// Calls `member` with each key of the object at the cursor, the cursor at its value (which
    /// `member` must read or skip).
    private mutating func members(_ member: (String, inout JSONBytes) throws(Failure) -> Void) throws(Failure) {
        guard next() == UInt8(ascii: "{") else { throw CorpusNamesReader.notJSON }
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            at += 1
            return
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw CorpusNamesReader.notJSON }
            let key = try rawString()
            skipSpace()
            guard next() == UInt8(ascii: ":") else { throw CorpusNamesReader.notJSON }
            skipSpace()
            try member(key, &self)
            skipSpace()
            guard let c = next() else { throw CorpusNamesReader.notJSON }
            if c == UInt8(ascii: "}") { return }
            guard c == UInt8(ascii: ",") else { throw CorpusNamesReader.notJSON }
        }
    }

    private mutating func string(_ path: () -> String) throws(Failure) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw CorpusNamesReader.bad(path()) }
        return try rawString()
    }

    /// An integer that fits `Int` (another number, or another value, is bad).
    private mutating func int(_ path: () -> String) throws(Failure) -> Int {
        let start = at
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            at += 1
        }
        var n = 0, digits = 0
        while let c = peek(), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
            let (times, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
            guard !o1 && !o2 else { throw CorpusNamesReader.bad(path()) }
            n = sum
            digits += 1
            at += 1
        }
        let end = peek()
        if digits == 0 || end == UInt8(ascii: ".") || end == UInt8(ascii: "e") || end == UInt8(ascii: "E")
            || (digits > 1 && bytes[negative ? start + 1 : start] == UInt8(ascii: "0"))
        {
            throw CorpusNamesReader.bad(path())
        }
        return negative ? -n : n
    }

    // MARK: JSON text

    private func peek() -> UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func next() -> UInt8? {
        guard at < bytes.count else { return nil }
        at += 1
        return bytes[at - 1]
    }

    private mutating func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x0A, 0x0D, 0x09: at += 1
            default: return
            }
        }
    }

    /// The string at the cursor (its opening quote), unescaped; invalid UTF-8 or a control
    /// character is not JSON.
    private mutating func rawString() throws(Failure) -> String {
        at += 1
        let start = at
        var ascii = true
        while at < bytes.count {
            let c = bytes[at]
            if c == UInt8(ascii: "\"") {
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<at])
                at += 1
                if ascii { return String(decoding: piece, as: UTF8.self) }
                guard let s = String(validating: piece, as: UTF8.self) else { throw CorpusNamesReader.notJSON }
                return s
            }
            if c == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard c >= 0x20 else { throw CorpusNamesReader.notJSON }
            if c >= 0x80 { ascii = false }
            at += 1
        }
        throw CorpusNamesReader.notJSON
    }

    /// The rest of a string that holds an escape, from its first byte `start`.
    private mutating func escapedString(from start: Int) throws(Failure) -> String {
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
        while let c = next() {
            switch c {
            case UInt8(ascii: "\""):
                guard let s = String(validating: unescaped, as: UTF8.self) else { throw CorpusNamesReader.notJSON }
                return s
            case UInt8(ascii: "\\"):
                guard let e = next() else { throw CorpusNamesReader.notJSON }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(e)
                case UInt8(ascii: "b"): unescaped.append(0x08)
                case UInt8(ascii: "f"): unescaped.append(0x0C)
                case UInt8(ascii: "n"): unescaped.append(0x0A)
                case UInt8(ascii: "r"): unescaped.append(0x0D)
                case UInt8(ascii: "t"): unescaped.append(0x09)
                case UInt8(ascii: "u"):
                    var v = try hexQuad()
                    if (0xD800..<0xDC00).contains(v) {
                        guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else {
                            throw CorpusNamesReader.notJSON
                        }
                        let low = try hexQuad()
                        guard (0xDC00..<0xE000).contains(low) else { throw CorpusNamesReader.notJSON }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { throw CorpusNamesReader.notJSON }
                    unescaped.append(contentsOf: UTF8.encode(scalar)!)
                default: throw CorpusNamesReader.notJSON
                }
            default:
                guard c >= 0x20 else { throw CorpusNamesReader.notJSON }
                unescaped.append(c)
            }
        }
        throw CorpusNamesReader.notJSON
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = next() else { throw CorpusNamesReader.notJSON }
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw CorpusNamesReader.notJSON
            }
            v = v << 4 | d
        }
        return v
    }

    /// Passes over the value at the cursor, which must be JSON.
    private mutating func skipValue(depth: Int = 0) throws(Failure) {
        guard depth < 512, let c = peek() else { throw CorpusNamesReader.notJSON }
        switch c {
        case UInt8(ascii: "{"):
            try members { (_, reader) throws(Failure) in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            _ = try array({ "" }) { (_, reader) throws(Failure) in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try rawString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw CorpusNamesReader.notJSON
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        for i in 0..<word.utf8CodeUnitCount {
            guard next() == word.utf8Start[i] else { throw CorpusNamesReader.notJSON }
        }
    }

    /// Passes over a number: `-`? int frac? exp?, as JSON writes them.
    private mutating func skipNumber() throws(Failure) {
        if peek() == UInt8(ascii: "-") { at += 1 }
        guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw CorpusNamesReader.notJSON
        }
        if first == UInt8(ascii: "0") { at += 1 } else { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            at += 1
            guard skipDigits() > 0 else { throw CorpusNamesReader.notJSON }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            at += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { at += 1 }
            guard skipDigits() > 0 else { throw CorpusNamesReader.notJSON }
        }
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        var n = 0
        while let c = peek(), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
            at += 1
            n += 1
        }
        return n
    }
}
