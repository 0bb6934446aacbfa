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
        // Split by bytes, though the names hold "×": Characters are not needed to find line ends.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), first.elementsEqual(Self.header.utf8) else {
            throw AssayError(.modelUnavailable, "not a speaker model (expected '\(Self.header)' on its first line)")
        }
        var weights = [Int32](repeating: 0, count: SpeakerFeatures.count)
        var template = 0
        while let bytes = lines.next() {
            let line = Substring(bytes)
            let space = bytes.firstIndex(of: 0x20)
            guard let space, let id = SpeakerFeatures.id(ofName: line[..<space], hint: &template),
                let w = Int32(line[line.index(after: space)...])
            else {
                throw AssayError(
                    .modelUnavailable,
                    "the speaker model does not fit this build's features ('\(line.prefix(60))'): retrain it with `assay train quotes`"
                )
            }
            weights[id] = w
        }
        self.weights = weights
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
