/// A stretch of a document's text that its input asks to be scored on its own: the batch
/// contract's `"targets": [{"start", "end"}, ...]`, in **Unicode scalar offsets**, end-exclusive
/// (the numbers the input wrote, as Python's `text[start:end]` reads them).
///
/// The sentiment extractor answers each target with one `"scope": "target"` annotation on the
/// same span. ``AnalyzedDocument/targetSpans`` gives the targets as byte ``Span``s.
public struct TargetSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Reads the `targets` value of a JSON Lines object (already parsed) for a text of
    /// `scalarCount` Unicode scalars.
    /// - Throws: a message naming the first bad target (the caller adds where it was read).
    static func parse(_ value: JSONValue, scalarCount: Int) throws(TargetError) -> [TargetSpan] {
        guard case .array(let items) = value else {
            throw TargetError("\"targets\" must be an array of {\"start\", \"end\"} objects")
        }
        var out: [TargetSpan] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .object = item else {
                throw TargetError("targets[\(i)] must be an object with integer \"start\" and \"end\"")
            }
            guard let start = integer(item.member("start")), let end = integer(item.member("end")) else {
                throw TargetError("targets[\(i)] needs integer \"start\" and \"end\" (Unicode scalar offsets)")
            }
            guard start >= 0, start < end else {
                throw TargetError(
                    "targets[\(i)]: start \(start) and end \(end) do not make a span (need 0 <= start < end)")
            }
            guard end <= scalarCount else {
                throw TargetError("targets[\(i)]: end \(end) is past the end of the text (\(scalarCount) characters)")
            }
            out.append(TargetSpan(start: start, end: end))
        }
        return out
    }

    /// An integral JSON number (not a boolean, not 1.5).
    private static func integer(_ json: JSONValue?) -> Int? {
        switch json {
        case .int(let n)?: return n
        case .double(let d, _)? where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    struct TargetError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

extension AnalyzedDocument {
    /// The document's ``Document/targets`` as byte spans of ``utf8``.
    public var targetSpans: [Span] {
        // A target's end lies a few scalars past its start: an offset shortly after the one
        // before is counted on from it rather than looked up afresh.
        var spans: [Span] = []
        spans.reserveCapacity(document.targets.count)
        var known = (scalar: 0, byte: 0)
        utf8.withUnsafeBufferPointer { bytes in
            func byte(ofScalar scalar: Int) -> Int {
                var (s, b) = known
                if scalar >= s && scalar - s <= 64 {
                    while s < scalar && b < bytes.count {
                        b += 1
                        while b < bytes.count && bytes[b] & 0xC0 == 0x80 { b += 1 }
                        s += 1
                    }
                    if s < scalar { b = byteOffset(ofScalar: scalar) }  // past the end of the text
                } else {
                    b = byteOffset(ofScalar: scalar)
                }
                known = (scalar, b)
                return b
            }
            for target in document.targets {
                let start = byte(ofScalar: target.start)
                spans.append(Span(start, byte(ofScalar: target.end)))
            }
        }
        return spans
    }
}
