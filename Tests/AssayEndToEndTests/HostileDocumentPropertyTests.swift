import Foundation
import Testing

/// A property of `assay extract` over random and hostile documents: one output line per input
/// line, in order, and every annotation's `start`/`end` addressing exactly its `text` in the
/// input's Unicode scalars.
struct HostileDocumentPropertyTests {
    /// A small deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Pieces news text is made of, and pieces a hostile user adds.
    static let pieces: [String] = [
        "President Xi Jinping said on Monday", " that ", "“We will not back down,” he said.",
        "\"It is over,\" Smith told reporters.",
        " $244.9 billion", " 16.5%", " the 80th ", " two dozen ", " three-quarters of ", " 9223372036854775807 ",
        " 1e400 ",
        " $" + String(repeating: "9", count: 300), String(repeating: "0", count: 50) + "th", " May 7-10, 2025 ",
        " 5 p.m. ",
        "\u{FEFF}", "e\u{0301}", "👩‍👩‍👧", "\u{202E}abc\u{202C}", "\r\n", "\n\n", "\t", "\u{0}", "\u{7F}", "\u{FFFD}",
        "\"\"$\"\"$", "\"a\"\"a\"", "''", "«", "»", "„", "‘", "’", ",,,", "...", "—", ": ", "(", ")", "[[[", "]]]",
        "Mr. ", "Dr. ", "U.S. ", "Angela Merkel", "the United Nations", " Washington ", "London-based ", "Ms. O'Neil",
        "terrible", "wonderful", " not ", "!!!", "???", "#tag", "@user", "http://x.y/z?a=1", "x\u{2028}y", "\u{00A0}"
    ]

    static func document(_ g: inout Generator) -> String {
        var text = ""
        for _ in 0..<(1 + g.below(40)) { text += g.pick(pieces) }
        if g.below(10) == 0 {
            text = String(repeating: g.pick(["\"", "$", "%", ",", ".", "\"a"]), count: 500 + g.below(3000))
        }
        return text
    }

    static func jsonString(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    @Test func everyAnnotationAddressesItsTextAndEveryLineIsAnswered() throws {
        var g = Generator(state: 20)
        var inputs: [(id: String, text: String?)] = []
        var lines: [String] = []
        for i in 0..<400 {
            if g.below(25) == 0 {
                // A malformed line: answered by an error line in its place.
                lines.append(
                    g.pick([#"{"id":"bad","text":"abc",}"#, #"{"id":"bad""#, "[1,2]", #"{"text":5}"#, "\u{FEFF}{}"]))
                inputs.append(("", nil))
                continue
            }
            let text = Self.document(&g)
            lines.append(#"{"id":"d\#(i)","text":\#(Self.jsonString(text))}"#)
            inputs.append(("d\(i)", text))
        }
        let out = try AssayProcess.run(
            ["extract", "--with", "quotes,numbers,entities,sentiment", "--error-lines", "-"],
            input: lines.joined(separator: "\n") + "\n", timeout: 600)
        #expect(out.status == 0, "\(out.stderr.prefix(2000))")
        let outputLines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(outputLines.count == inputs.count)
        for (line, input) in zip(outputLines, inputs) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let text = input.text else {
                #expect(object["error"] != nil, "\(line.prefix(200))")
                continue
            }
            #expect(object["id"] as? String == input.id)
            let scalars = Array(text.unicodeScalars)
            for case let annotation as [String: Any] in object["annotations"] as? [Any] ?? [] {
                let start = try #require(annotation["start"] as? Int), end = try #require(annotation["end"] as? Int)
                #expect(
                    0 <= start && start <= end && end <= scalars.count,
                    "\(input.id): \(start)..<\(end) of \(scalars.count)")
                guard 0 <= start, start <= end, end <= scalars.count, let covered = annotation["text"] as? String else {
                    continue
                }
                // Foundation's parser (reading the output here) drops a raw U+FEFF at the start of a
                // string, so that one scalar is left out of the comparison on both sides.
                let expected = scalars[start..<end].filter { $0 != "\u{FEFF}" }
                #expect(
                    covered.unicodeScalars.filter { $0 != "\u{FEFF}" } == expected,
                    "\(input.id) \(annotation["extractor"] ?? ""): \(start)..<\(end)")
            }
        }
    }
}
