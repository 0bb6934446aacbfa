/// Turns bytes into document text, refusing binary data and repairing invalid UTF-8.
public enum TextDecoding {
    /// The largest CSV/TSV file Assay reads (it is read whole; each row is a document, held to
    /// ``LoadOptions/maximumDocumentBytes``). JSON Lines files may be of any size: they are
    /// read line by line.
    public static let maximumTableFileBytes = 256 << 20

    public struct Decoded: Sendable {
        public var text: String
        /// Set when invalid UTF-8 was replaced with U+FFFD.
        public var repairedBytes: Int
    }

    /// Decodes `bytes` as UTF-8 text.
    /// - Throws: `E302` when the bytes look binary (a NUL byte, or many control bytes).
    public static func decode(_ bytes: some Collection<UInt8>, name: String) throws -> Decoded {
        var controls = 0
        var checked = 0
        for b in bytes.prefix(8192) {
            checked += 1
            if b == 0 { throw AssayError(.binaryFile, "\(name): binary file (contains NUL bytes), not loaded") }
            if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D, b != 0x0C { controls += 1 }
        }
        if checked > 0, controls * 10 > checked {
            throw AssayError(
                .binaryFile, "\(name): binary file (\(controls) control bytes in the first \(checked)), not loaded")
        }
        var text: String
        var repaired = 0
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            repaired = max(1, countInvalid(bytes))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return Decoded(text: text, repairedBytes: repaired)
    }

    /// Invalid UTF-8 sequences in `bytes` (0 when the replacement characters were in the input).
    static func countInvalid(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: count += 1
            }
        }
        return count
    }
}
