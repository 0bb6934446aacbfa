import Foundation

/// Reads a file or standard input line by line in constant memory.
public final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private static let chunk = 1 << 20

    public init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw AssayError(.fileNotFound, "\(path): cannot open file")
            }
            handle = h
        }
    }

    public init(handle: FileHandle) { self.handle = handle }

    /// The next line without its line terminator, or nil at the end of input.
    public func next() -> [UInt8]? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                var line = Array(buffer[position..<nl])
                if line.last == 0x0D { line.removeLast() }
                position = nl + 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            let data = handle.readData(ofLength: LineReader.chunk)
            if data.isEmpty { finished = true } else { buffer.append(contentsOf: data) }
        }
    }
}
