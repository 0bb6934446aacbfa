import AssayCore
import Testing

@Suite struct TextBytesTests {
    private func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func decodesEveryScalarAsSwiftDoes() {
        let text = "aé–€😀\u{212A}"
        let decoded = bytes(text) { b in
            var out: [Unicode.Scalar] = [], i = 0
            while i < b.count {
                let (s, length) = TextBytes.scalar(in: b, at: i)
                out.append(s)
                i += length
            }
            return out
        }
        #expect(decoded == Array(text.unicodeScalars))
        // A sequence cut off by the end of the text.
        #expect(
            Array("é".utf8.prefix(1)).withUnsafeBufferPointer { TextBytes.scalar(in: $0, at: 0) } == ("\u{FFFD}", 1))
    }

    @Test func lowercasesEightBytesAsOneAtATime() {
        for start in stride(from: 0, to: 128, by: 8) {
            var x: UInt64 = 0, expected: UInt64 = 0
            for k in 0..<8 {
                let b = UInt8(start + k)
                x |= UInt64(b) << UInt64(8 * k)
                expected |= UInt64(TextBytes.asciiLowercased(b)) << UInt64(8 * k)
            }
            #expect(TextBytes.asciiLowercased(eightBytes: x) == expected)
        }
        for b in 0...255 {
            let expected: Int = (65...90).contains(b) ? b + 32 : b
            #expect(TextBytes.asciiLowercased(UInt8(b)) == UInt8(expected))
        }
    }

    @Test func capitalisedByUnicode() {
        let words = ["Moscow", "moscow", "Émile", "élan", "1999", "", "\u{212A}"]
        let found = words.map { w in bytes(w) { TextBytes.isCapitalized($0, Span(0, $0.count)) } }
        #expect(found == [true, false, true, false, false, false, true])
        let lower = words.map { w in bytes(w) { TextBytes.startsLowercase($0, Span(0, $0.count)) } }
        #expect(lower == [false, true, false, true, false, false, false])
    }

    @Test func dashesAndQuoteMarks() {
        for s in ["-", "\u{2010}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{FE58}"] {
            #expect(TextBytes.isDash(s.unicodeScalars.first!), "\(s)")
            #expect(bytes(s) { TextBytes.dashLength($0, at: 0) } == s.utf8.count)
        }
        for s in ["\u{2212}", "_", "a", "\u{201C}"] { #expect(!TextBytes.isDash(s.unicodeScalars.first!), "\(s)") }
        for s in ["\"", "'", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}"] {
            #expect(TextBytes.isQuoteMark(s.unicodeScalars.first!), "\(s)")
            #expect(bytes(s) { TextBytes.quoteMarkLength($0, at: 0) } == s.utf8.count)
        }
        for s in ["`", "-", "a", "\u{2014}"] { #expect(!TextBytes.isQuoteMark(s.unicodeScalars.first!), "\(s)") }
    }
}
