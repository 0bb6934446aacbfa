import AssayCore
import Foundation

/// The weights of the speaker ranker, one per ``SpeakerFeatures`` feature, in thousandths
/// (integers, so scoring and training give the same answers on every machine).
///
/// Stored as text: a header line, then one `name weight` line per non-zero weight in feature
/// order, so a change of features is caught by name when the model is read.
struct SpeakerModel: Sendable {
    private(set) var weights: [Int32]
    /// ``SpeakerFeatures/offsets``, held here so that scoring a candidate does not check the
    /// static's initialisation.
    private let offsets = SpeakerFeatures.offsets

    static let header = "assay quotes speaker ranker v1"

    init(weights: [Int32]) {
        precondition(weights.count == SpeakerFeatures.count)
        self.weights = weights
    }

    init(text: String) throws {
        // Read on the text's UTF-8 bytes (the core's line reader for resources): line ends, names
        // and numbers are all found by byte, so a model of some 1,700 lines is read without a
        // String or Substring per line.
        self.weights = try Self.weights(reading: text)
    }

    /// The weights written in `text` (see ``encoded()``), by feature.
    private static func weights(reading text: String) throws -> [Int32] {
        var weights = [Int32](repeating: 0, count: SpeakerFeatures.count)
        var template = 0
        var first = true
        try TabSeparatedLines.forEach(text) { line, _ in
            if first {
                first = false
                guard line.elementsEqual(header.utf8) else {
                    throw AssayError(.modelUnavailable, "not a speaker model (expected '\(header)' on its first line)")
                }
                return
            }
            guard let space = line.firstIndex(of: 0x20),
                let id = SpeakerFeatures.id(ofName: UnsafeBufferPointer(rebasing: line[..<space]), hint: &template),
                let w = integer(UnsafeBufferPointer(rebasing: line[(space + 1)...]))
            else {
                let shown = String(decoding: line, as: UTF8.self).prefix(60)
                throw AssayError(
                    .modelUnavailable,
                    "the speaker model does not fit this build's features ('\(shown)'): retrain it with `assay train quotes`"
                )
            }
            weights[id] = w
        }
        if first {
            throw AssayError(.modelUnavailable, "not a speaker model (expected '\(header)' on its first line)")
        }
        return weights
    }

    /// The decimal integer `bytes` spell (a sign, then digits), as `Int32(_:)` reads it; nil for
    /// anything else or a number out of range.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var i = 0
        var negative = false
        if i < bytes.count && (bytes[i] == 0x2D || bytes[i] == 0x2B) {
            negative = bytes[i] == 0x2D
            i += 1
        }
        guard i < bytes.count else { return nil }
        var value: Int64 = 0
        while i < bytes.count {
            let digit = bytes[i] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            guard value <= Int64(Int32.max) + 1 else { return nil }
            i += 1
        }
        return Int32(exactly: negative ? -value : value)
    }

    /// The model as written to its file.
    func encoded() -> String {
        var out = Self.header + "\n"
        for (id, w) in weights.enumerated() where w != 0 { out += "\(SpeakerFeatures.name(of: id)) \(w)\n" }
        return out
    }

    func score(_ features: [Int32]) -> Int {
        var s = 0
        for f in features { s += Int(weights[Int(f)]) }
        return s
    }

    /// The score of a candidate's facts, without making its feature array.
    func score(_ facts: SpeakerFeatures.Facts) -> Int {
        var s = 0
        weights.withUnsafeBufferPointer { w in
            offsets.withUnsafeBufferPointer { o in facts.forEachID(offsets: o) { s += Int(w[$0]) } }
        }
        return s
    }

    /// The best candidate: the highest score, the hand rules' reading on a tie, then the first.
    func best(of candidates: [SpeakerCandidate]) -> Int? {
        var best: Int?
        var bestScore = Int.min
        for (k, c) in candidates.enumerated() {
            let s = c.facts.map(score) ?? 0
            if s > bestScore
                || (s == bestScore && c.isRuleChoice && !(best.map { candidates[$0].isRuleChoice } ?? false))
            {
                best = k
                bestScore = s
            }
        }
        return best
    }

    /// The shipped model, read once on first use.
    static let shipped: Result<SpeakerModel, AssayError> = {
        guard
            let url = Bundle.module.url(forResource: "speaker-model", withExtension: "txt", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return .failure(
                AssayError(
                    .modelUnavailable, "the speaker model resource (speaker-model.txt) is missing from this build"))
        }
        do { return .success(try SpeakerModel(text: text)) } catch let e as AssayError { return .failure(e) } catch {
            return .failure(AssayError(.modelUnavailable, "cannot read the speaker model: \(error)"))
        }
    }()
}
