import Foundation

/// Reads a file or standard input line by line in constant memory.
///
/// A line longer than ``maximumLineBytes`` is not held whole: ``next()`` returns its first
/// `maximumLineBytes + 1` bytes (so the caller sees it is too long) and the rest is read and
/// dropped up to the next line break.
public final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes after `position` already searched for a line break (so a long line is searched
    /// once, not once per chunk read).
    private var searched = 0
    private var finished = false
    private static let chunk = 1 << 20
    public let maximumLineBytes: Int

    /// - Throws: `E301` when `path` does not exist, `E305` when it is not a regular file (a
    ///   FIFO would block the open until something writes to it).
    public init(path: String, maximumLineBytes: Int = .max) throws {
        self.maximumLineBytes = maximumLineBytes
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            if let kind = FileBytes.specialFileKind(path) {
                throw AssayError(.unreadable, "\(path): \(kind), not a regular file: skipped")
            }
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw AssayError(
                    FileManager.default.fileExists(atPath: path) ? .unreadable : .fileNotFound,
                    "\(path): \(FileManager.default.fileExists(atPath: path) ? "cannot open file" : "no such file")")
            }
            handle = h
        }
    }

    public init(handle: FileHandle, maximumLineBytes: Int = .max) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
    }

    /// The next line without its line terminator, or nil at the end of input.
    public func next() -> [UInt8]? {
        while true {
            if let nl = lineBreak(from: position + searched) {
                var line = Array(buffer[position..<nl])
                if line.last == 0x0D { line.removeLast() }
                position = nl + 1
                searched = 0
                return line
            }
            searched = buffer.count - position
            if searched > maximumLineBytes { return cutLongLine() }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                searched = 0
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let data = handle.readData(ofLength: LineReader.chunk)
            if data.isEmpty { finished = true } else { buffer.append(contentsOf: data) }
        }
    }

    /// The index of the first line break at or after `start`.
    private func lineBreak(from start: Int) -> Int? {
        buffer.withUnsafeBufferPointer { TextBytes.firstIndex(of: 0x0A, in: $0, from: start, to: $0.count) }
    }

    /// The start of a line over the limit; skips the rest of it.
    private func cutLongLine() -> [UInt8] {
        let line = Array(buffer[position..<(position + maximumLineBytes + 1)])
        buffer.removeAll(keepingCapacity: true)
        position = 0
        searched = 0
        while !finished {
            let data = handle.readData(ofLength: LineReader.chunk)
            if data.isEmpty {
                finished = true
                break
            }
            if let nl = data.firstIndex(of: 0x0A) {
                buffer.append(contentsOf: data[(nl + 1)...])
                break
            }
        }
        return line
    }
}
