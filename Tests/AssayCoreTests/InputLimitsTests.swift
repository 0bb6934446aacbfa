import AssayCore
import Foundation
import Testing

/// Documents over the size limit are refused with E306 and the rest go on; paths that are not
/// regular files (a FIFO would block the open forever) are skipped with a warning.
struct InputLimitsTests {
    func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "assay-limits-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aLineOverTheLimitIsCutAndTheNextLinesAreRead() throws {
        let folder = try temporaryFolder()
        let path = folder + "/in.jsonl"
        let long = #"{"id":"big","text":""# + String(repeating: "x", count: 3_000_000) + "\"}"
        try (#"{"id":"a","text":"one"}"# + "\n" + long + "\n" + #"{"id":"b","text":"two"}"# + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let reader = try LineReader(path: path, maximumLineBytes: 1000)
        var lengths: [Int] = []
        while let line = reader.next() { lengths.append(line.count) }
        #expect(lengths == [23, 1001, 23])

        let result = DocumentLoader(options: LoadOptions(maximumDocumentBytes: 1 << 20)).load([path])
        #expect(result.documents.map(\.id) == ["a", "b"])
        #expect(result.errors.map(\.code) == [.fileTooLarge])
        #expect(result.errors.first?.message.hasPrefix("\(path):2: document too large") == true)
    }

    @Test func linesAcrossReadChunksComeBackWholeWithoutTheirTerminators() throws {
        // Lines of varied lengths past several of the reader's 1 MB chunks, CRLF and LF, empty
        // lines, and a last line without a line break.
        var expected: [String] = []
        var text = ""
        for i in 0..<40_000 {
            let line = i % 97 == 0 ? "" : String(repeating: "ab", count: i % 61) + "\(i)"
            expected.append(line)
            text += line + (i % 3 == 0 ? "\r\n" : "\n")
        }
        expected.append("last")
        text += "last"
        let path = try temporaryFolder() + "/lines.txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try LineReader(path: path)
        var lines: [String] = []
        while let line = reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(text.utf8.count > 2 << 20)
        #expect(lines == expected)
    }

    @Test func aPlainFileOverTheLimitIsE306() throws {
        let folder = try temporaryFolder()
        try String(repeating: "Words and more words. ", count: 100_000).write(
            toFile: folder + "/big.txt", atomically: true, encoding: .utf8)
        try "A small one.".write(toFile: folder + "/small.txt", atomically: true, encoding: .utf8)
        let result = DocumentLoader(options: LoadOptions(maximumDocumentBytes: 1 << 20)).load([folder])
        #expect(result.documents.map(\.id) == ["small"])
        #expect(result.errors.map(\.code) == [.fileTooLarge])
        #expect(DocumentLoader().load([folder]).documents.count == 2)
    }

    @Test func aFIFOIsSkippedWithAWarningAndTheNextFileIsRead() throws {
        let folder = try temporaryFolder()
        let fifo = folder + "/pipe.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        try "Some text.".write(toFile: folder + "/after.txt", atomically: true, encoding: .utf8)
        let result = DocumentLoader().load([fifo, folder + "/after.txt", folder + "/pipe.txt"])
        #expect(result.documents.map(\.id) == ["after"])
        #expect(result.warnings.contains { $0.contains("pipe.jsonl") && $0.contains("FIFO") })
        #expect(result.errors.map(\.code) == [.fileNotFound])
        #expect(throws: AssayError.self) { try LineReader(path: fifo) }
    }
}
