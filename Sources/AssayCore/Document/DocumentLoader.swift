import Foundation

/// Reads documents from files, folders (recursively), glob patterns, JSON Lines, CSV and TSV
/// files and web pages.
///
/// Loading never stops at a bad input: each problem becomes a one-line ``AssayError`` (or a
/// warning, for repaired text) and the rest is still loaded.
public struct DocumentLoader: Sendable {
    public struct Result: Sendable {
        public var documents: [Document] = []
        public var errors: [AssayError] = []
        public var warnings: [String] = []
    }

    /// How files that need a choice are read (the text column of a CSV file).
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) { self.options = options }

    /// Expands `patterns` (paths, folders, globs) and loads every document they name, in order.
    /// Files ending in `.jsonl` or `.ndjson` hold one `{"id", "text"}` document per line.
    public func load(_ patterns: [String]) -> Result {
        var result = Result()
        for pattern in patterns {
            let files: [String]
            do { files = try expand(pattern) } catch let e as AssayError {
                result.errors.append(e)
                continue
            } catch {
                result.errors.append(AssayError(.unreadable, "\(pattern): \(error)"))
                continue
            }
            for file in files {
                if let kind = FileBytes.specialFileKind(file) {
                    result.warnings.append("\(file): \(kind), not a regular file: skipped")
                    continue
                }
                loadFile(file, into: &result)
            }
        }
        return result
    }

    /// The files a path, folder or glob names, sorted, hidden files skipped.
    public func expand(_ pattern: String) throws -> [String] {
        let path = (pattern as NSString).expandingTildeInPath
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            return isDir.boolValue ? try filesInFolder(path) : [path]
        }
        if path.contains(where: { "*?[".contains($0) }) {
            let matches = Glob.match(path)
            if matches.isEmpty { throw AssayError(.fileNotFound, "\(pattern): no files match") }
            return try matches.flatMap { m -> [String] in
                var d: ObjCBool = false
                _ = fm.fileExists(atPath: m, isDirectory: &d)
                return d.boolValue ? try filesInFolder(m) : [m]
            }
        }
        throw AssayError(.fileNotFound, "\(pattern): no such file or folder")
    }

    private func filesInFolder(_ folder: String) throws -> [String] {
        var files: [String] = []
        guard FileBytes.walk(folder, into: &files) else {
            throw AssayError(.unreadable, "\(folder): cannot read folder")
        }
        return files.sorted()
    }

    /// Reads one file by its kind (``DocumentFormat``), appending its documents or its errors.
    private func loadFile(_ path: String, into result: inout Result) {
        switch DocumentFormat(path: path) {
        case .jsonLines: loadJSONLines(path, into: &result)
        case .plainText: loadPlainText(path, into: &result)
        case .webPage: loadWebPage(path, into: &result)
        case .csv, .tsv: loadTable(path, into: &result)
        }
    }

    /// A web page: its article text, with the page's own fields after the file's.
    private func loadWebPage(_ path: String, into result: inout Result) {
        let html: String
        do {
            var bytes = try FileBytes.read(path, limit: options.maximumDocumentBytes)
            if path.lowercased().hasSuffix(".gz") {
                bytes = try Gzip.decompress(bytes, limit: options.maximumDocumentBytes, name: path)
            }
            let decoded = try TextDecoding.decode(bytes, name: path)
            if decoded.repairedBytes > 0 {
                result.warnings.append(
                    "\(path): invalid UTF-8 (\(decoded.repairedBytes) bad sequences) replaced with U+FFFD")
            }
            html = decoded.text
        } catch let e as AssayError {
            result.errors.append(e)
            return
        } catch {
            result.errors.append(AssayError(.unreadable, "\(path): \(error.localizedDescription)"))
            return
        }
        let page = WebPage(html: html)
        if page.text.allSatisfy(\.isWhitespace) {
            result.warnings.append("\(path): no article text found in the page, skipped")
            return
        }
        var fields = DocumentLoader.fileFields(path)
        for (name, value) in page.metadata.fields { fields[name] = .string(value) }
        var id = (path as NSString).lastPathComponent
        for ending in [".gz", ".html", ".htm", ".xhtml"] where id.lowercased().hasSuffix(ending) {
            id.removeLast(ending.count)
        }
        result.documents.append(Document(id: id, source: path, text: page.text, fields: fields))
    }

    private func loadJSONLines(_ path: String, into result: inout Result) {
        do {
            let reader = try LineReader(path: path, maximumLineBytes: options.maximumDocumentBytes)
            var parser = JSONLinesParser(source: path, maximumLineBytes: options.maximumDocumentBytes)
            while let line = reader.next() {
                do {
                    if let doc = try parser.parse(line) { result.documents.append(doc) }
                } catch let e as AssayError { result.errors.append(e) } catch {}
            }
        } catch let e as AssayError { result.errors.append(e) } catch {
            result.errors.append(AssayError(.unreadable, "\(path): \(error.localizedDescription)"))
        }
    }

    /// The file's text, decoded as UTF-8 (bad sequences repaired with a warning), or nil with an
    /// error or warning recorded when there is no usable text.
    /// `limit` is the largest file accepted (a table file holds many documents, so it may be
    /// larger than one document).
    func readText(_ path: String, limit: Int? = nil, into result: inout Result) -> String? {
        do {
            let data = try FileBytes.read(path, limit: limit ?? options.maximumDocumentBytes)
            let decoded = try TextDecoding.decode(data, name: path)
            if decoded.repairedBytes > 0 {
                result.warnings.append(
                    "\(path): invalid UTF-8 (\(decoded.repairedBytes) bad sequences) replaced with U+FFFD")
            }
            if decoded.text.allSatisfy(\.isWhitespace) {
                result.warnings.append("\(path): empty document skipped")
                return nil
            }
            return decoded.text
        } catch let e as AssayError {
            result.errors.append(e)
        } catch {
            result.errors.append(AssayError(.unreadable, "\(path): \(error.localizedDescription)"))
        }
        return nil
    }

    private func loadPlainText(_ path: String, into result: inout Result) {
        guard let text = readText(path, into: &result) else { return }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var fields = DocumentLoader.fileFields(path)
        if let title = PlainTextHeadline.headline(of: text) { fields["title"] = .string(title) }
        result.documents.append(Document(id: id, source: path, text: text, fields: fields))
    }

    /// The fields every document read from a file of its own carries: `path` and `file` (the
    /// file's name).
    public static func fileFields(_ path: String) -> DocumentFields {
        ["path": .string(path), "file": .string((path as NSString).lastPathComponent)]
    }

    public static func isJSONLines(_ path: String) -> Bool { DocumentFormat(path: path) == .jsonLines }

    /// A warning for a path that is not a regular file or folder (a FIFO, a socket, a device),
    /// which is skipped; nil for an ordinary path.
    public static func specialFileWarning(_ path: String) -> String? {
        FileBytes.specialFileKind(path).map { "\(path): \($0), not a regular file: skipped" }
    }
}

/// Parses JSON Lines documents `{"id": ..., "text": ...}`, numbering lines for error messages
/// and inventing ids (`source:line`) where a line has none. Every other key becomes a document
/// field (see ``JSONFields``).
public struct JSONLinesParser: Sendable {
    public let source: String
    public private(set) var lineNumber = 0

    /// Keys that are not document fields: the id, the text, and the sentiment `targets` of the
    /// batch contract.
    public static let reservedKeys: Set<String> = ["id", "text", "targets"]

    /// Lines longer than this are refused with `E306` (see ``LoadOptions/maximumDocumentBytes``).
    public var maximumLineBytes: Int

    public init(source: String, maximumLineBytes: Int = LoadOptions.defaultMaximumDocumentBytes) {
        self.source = source
        self.maximumLineBytes = maximumLineBytes
    }

    /// The document on the next line, or nil for a blank line.
    public mutating func parse(_ line: [UInt8]) throws -> Document? {
        lineNumber += 1
        return try document(from: line, lineNumber: lineNumber)
    }

    /// The document on line `lineNumber` (counted from 1), or nil for a blank line; for callers
    /// that parse lines out of order, on several threads. A `targets` array (see ``TargetSpan``)
    /// must hold spans inside the text: a bad one fails the line (E304) with a message naming it.
    public func document(from line: [UInt8], lineNumber: Int) throws -> Document? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        if line.count > maximumLineBytes {
            throw AssayError(
                .fileTooLarge,
                "\(source):\(lineNumber): document too large: over the \(LoadOptions.describe(bytes: maximumLineBytes)) limit for one document (--max-document-mb)"
            )
        }
        let object: JSONValue
        do {
            object = try JSONParser.parse(line)
        } catch {
            throw AssayError(
                error.isInvalidUTF8 ? .invalidUTF8 : .invalidJSONLine,
                "\(source):\(lineNumber): \(error.isInvalidUTF8 ? "" : "not valid JSON: ")\(error.message)")
        }
        guard case .object(let members) = object else {
            throw AssayError(
                .invalidJSONLine, "\(source):\(lineNumber): expected a JSON object with \"id\" and \"text\"")
        }
        guard case .string(let text)? = object.member("text") else {
            throw AssayError(.invalidJSONLine, "\(source):\(lineNumber): missing string field \"text\"")
        }
        let id: String
        switch object.member("id") {
        case .string(let s)?: id = s
        case .int(let n)?: id = String(n)
        case .double(_, let literal)?: id = literal
        default: id = "\((source as NSString).lastPathComponent):\(lineNumber)"
        }
        let fields = JSONFields.fields(of: members, excluding: JSONLinesParser.reservedKeys)
        var targets: [TargetSpan] = []
        if let given = object.member("targets"), given != .null {
            do {
                targets = try TargetSpan.parse(given, scalarCount: text.unicodeScalars.count)
            } catch {
                throw AssayError(.invalidJSONLine, "\(source):\(lineNumber): \(error.message)")
            }
        }
        return Document(id: id, source: "\(source):\(lineNumber)", text: text, fields: fields, targets: targets)
    }
}
