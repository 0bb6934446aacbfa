import AssayCore
import Foundation
import Synchronization

/// The documents the first pass of `assay extract --link corpus` analysed, with the entity
/// mentions it found, kept for the second pass so that it neither analyses nor tags the same
/// documents again (the tagger alone is a third of a whole extraction).
///
/// Kept by input number (the n-th line, file or failed input the passes read), up to about
/// ``defaultBudget`` bytes so that memory stays bounded however long the input: documents past
/// it are read and tagged again. A kept document is used only if the second pass reads the same
/// JSON line there, or the same id and text from a file (a file may change between the passes):
/// a line that is the same needs no parsing again.
///
/// The second pass takes a document from here (and the copies of it share what they keep):
/// what nothing else holds then, linking changes in place rather than copying it.
struct FirstPassDocuments: Sendable {
    /// Enough for some 25 MB of news text (its estimate is about ten times the text).
    static let defaultBudget = 256 << 20

    private struct Kept: Sendable {
        var document: AnalyzedDocument
        var mentions: [Annotation]
        /// The names of `mentions`, as the first pass read them.
        var names: MentionNames?
        /// The JSON line it was read from (empty for a file).
        var line: [UInt8]
    }

    /// Bytes that may be kept.
    let budget: Int
    /// The documents by input number; nil for a blank line, a failed input, past the budget,
    /// or taken.
    private final class Inputs: Sendable {
        let kept = Mutex<[Kept?]>([])
    }

    private let inputs = Inputs()
    /// The bytes kept so far (an estimate).
    private(set) var bytes = 0

    init(budget: Int = Self.defaultBudget) { self.budget = budget }

    /// Records the next input: `document`, its `mentions` and their `names`, read from JSON
    /// `line` (empty for a file), or nil for an input without a document.
    mutating func append(
        _ document: AnalyzedDocument?, mentions: [Annotation], names: MentionNames? = nil, line: [UInt8] = []
    ) {
        guard let document, budget > 0 else {
            inputs.kept.withLock { $0.append(nil) }
            return
        }
        let size = Self.size(document, mentions, names) + line.count
        guard bytes + size <= budget else {
            inputs.kept.withLock { $0.append(nil) }
            return
        }
        bytes += size
        let kept = Kept(document: document, mentions: mentions, names: names, line: line)
        inputs.kept.withLock { $0.append(kept) }
    }

    /// Takes what was kept of input `number` (its analysis, mentions and their names) if it is
    /// still JSON `line`, byte for byte (nil for an empty `line`: a file is compared as a
    /// document).
    func take(ofInput number: Int, line: [UInt8]) -> (AnalyzedDocument, [Annotation], MentionNames?)? {
        guard !line.isEmpty else { return nil }
        return take(ofInput: number) { Self.same($0.line, line) }
    }

    /// Takes what was kept of input `number` (its analysis, mentions and their names) if it
    /// still holds `document` (same id and text).
    func take(ofInput number: Int, _ document: Document) -> (AnalyzedDocument, [Annotation], MentionNames?)? {
        take(ofInput: number) { $0.document.id == document.id && Self.same(document.text, $0.document.utf8) }
    }

    private func take(ofInput number: Int, if isSame: (Kept) -> Bool) -> (
        AnalyzedDocument, [Annotation], MentionNames?
    )? {
        inputs.kept.withLock { inputs in
            guard number < inputs.count, let kept = inputs[number], isSame(kept) else { return nil }
            inputs[number] = nil
            return (kept.document, kept.mentions, kept.names)
        }
    }

    /// Whether `text` is `utf8`, compared as memory (byte by byte through the string's view
    /// costs as much as a tenth of the linking).
    private static func same(_ text: String, _ utf8: [UInt8]) -> Bool {
        guard text.utf8.count == utf8.count else { return false }
        var text = text
        return text.withUTF8 { a in utf8.withUnsafeBufferPointer { b in same(a, b) } }
    }

    /// Whether byte arrays `a` and `b` are equal, compared as memory.
    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in same(a, b) } }
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// What keeping a document costs: its text twice (as given and as UTF-8), its tokens and
    /// sentences (about a token per five bytes of news), its mentions with their fields, and
    /// their names (mostly shared with other documents' or the mentions' own strings).
    private static func size(_ document: AnalyzedDocument, _ mentions: [Annotation], _ names: MentionNames?) -> Int {
        2 * document.utf8.count + MemoryLayout<Token>.stride * document.tokens.count
            + MemoryLayout<Sentence>.stride * document.sentences.count + 256 * mentions.count
            + 128 * (names?.count ?? 0)
    }
}
