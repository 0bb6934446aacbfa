/// Keys and ids of names, written as bytes into a String of their final size.
///
/// Corpus linking makes a key of every name form and neighbour it counts, and an id of every
/// entity. Appending a name's one to three words to a String one by one grows and copies it,
/// about a thousand instructions a key (`joined(separator:)` costs several times that); here
/// each word is copied once.
enum NameText {
    /// `prefix`, then `mark` if given, then `words` with `separator` between them.
    static func joined(_ words: [String], separator: UInt8, after prefix: String, mark: UInt8? = nil) -> String {
        var size = prefix.utf8.count + (mark == nil ? 0 : 1) + max(words.count - 1, 0)
        for w in words { size += w.utf8.count }
        return String(unsafeUninitializedCapacity: size) { buffer in
            // Written through a pointer by plain functions: a nested function writing a
            // captured `end` had every write checked for exclusive access at run time.
            var end = copy(prefix, to: buffer, at: 0)
            if let mark { end = put(mark, to: buffer, at: end) }
            for (i, w) in words.enumerated() {
                if i > 0 { end = put(separator, to: buffer, at: end) }
                end = copy(w, to: buffer, at: end)
            }
            return end
        }
    }

    /// Writes the bytes of `s` to `buffer` from `start`. - Returns: where they end.
    private static func copy(_ s: String, to buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var s = s
        return s.withUTF8 { utf8 in
            guard let bytes = utf8.baseAddress, !utf8.isEmpty else { return start }
            (buffer.baseAddress! + start).update(from: bytes, count: utf8.count)
            return start + utf8.count
        }
    }

    /// Writes `byte` to `buffer` at `end`. - Returns: where it ends.
    private static func put(_ byte: UInt8, to buffer: UnsafeMutableBufferPointer<UInt8>, at end: Int) -> Int {
        buffer[end] = byte
        return end + 1
    }
}
