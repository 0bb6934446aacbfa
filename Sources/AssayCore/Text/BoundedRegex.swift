import Synchronization
import _FoundationICU

/// A user's regular expression (`define NAME = pattern /.../`, `where F matches /.../`, `kwic
/// /.../`, `--define`) that runs with a budget, so that no pattern can hang a session.
///
/// A backtracking pattern like `/(a+)+$/` needs time exponential in the text; Swift's `Regex`
/// cannot be stopped once started. This runs ICU's engine (the one Foundation ships) with a
/// budget of engine steps per text searched, in proportion to the text's length
/// (``budget(forBytes:)``): a pattern that spends it stops with `E407`, and one stopped by Ctrl-C
/// (``interruption``) with `E801`. Offsets are UTF-8 byte offsets of the text searched.
public final class BoundedRegex: @unchecked Sendable {  // the compiled pattern is only cloned, never matched
    /// Set by the REPL's Ctrl-C handler: every running match stops (with `E801`) at its next
    /// check, a few milliseconds later. The REPL clears it after each command.
    public static let interruption = CancellationFlag()

    /// The engine's budget for a text of `bytes` bytes, in ICU's match ticks (about 10,000
    /// engine steps each): generous for any sensible pattern (a linear one needs a tick per few
    /// kilobytes), and a few seconds at most for a hostile one.
    public static func budget(forBytes bytes: Int) -> Int { 2_000 + bytes / 8 }

    public let source: String
    public let ignoresCase: Bool
    private let compiled: OpaquePointer

    /// One match: its range and its capture groups' ranges (nil for a group that took no part),
    /// in UTF-8 byte offsets of the text searched.
    public struct Match: Sendable, Equatable {
        public var range: Range<Int>
        public var groups: [Range<Int>?]
    }

    /// - Throws: `E404` with ICU's reason and position when the pattern does not compile.
    public init(_ pattern: String, ignoreCase: Bool = false) throws {
        source = pattern
        ignoresCase = ignoreCase
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let units = Array(pattern.utf16)
        let flags: UInt32 = ignoreCase ? UInt32(UREGEX_CASE_INSENSITIVE.rawValue) : 0
        let regex = units.withUnsafeBufferPointer {
            swift_uregex_open($0.baseAddress, Int32($0.count), flags, &parseError, &status)
        }
        guard let regex, status.rawValue <= U_ZERO_ERROR.rawValue else {
            if let regex { swift_uregex_close(regex) }
            let name = String(cString: swift_u_errorName(status))
                .replacingPrefix("U_REGEX_", with: "").lowercased().split(separator: "_").joined(separator: " ")
            throw AssayError(
                .invalidRegex, "invalid regular expression /\(pattern)/: \(name) at offset \(max(0, parseError.offset))"
            )
        }
        compiled = regex
    }

    deinit { swift_uregex_close(compiled) }

    /// What the match callback reads and counts; passed to ICU as an unmanaged pointer.
    private final class Watch {
        let budget: Int
        let interruption: CancellationFlag
        var spentBefore = 0
        var spentNow = 0
        var interrupted = false
        init(budget: Int, interruption: CancellationFlag) {
            self.budget = budget
            self.interruption = interruption
        }
    }

    /// Every match in `text`, in order (empty matches skipped).
    /// - Throws: `E407` when the budget is spent, `E801` when `interruption` (by default the
    ///   process-wide ``interruption`` that Ctrl-C sets) is set.
    public func matches(in text: String, limit: Int = .max, interruption: CancellationFlag = BoundedRegex.interruption)
        throws -> [Match]
    {
        var text = text
        return try text.withUTF8 { try matches(inUTF8: $0, limit: limit, interruption: interruption) }
    }

    /// Whether `text` holds a match (the first one ends the search).
    public func isFound(in text: String) throws -> Bool { try !matches(in: text, limit: 1).isEmpty }

    /// Every match in the UTF-8 bytes `text` (which must be valid UTF-8).
    public func matches(
        inUTF8 text: UnsafeBufferPointer<UInt8>, limit: Int = .max,
        interruption: CancellationFlag = BoundedRegex.interruption
    ) throws -> [Match] {
        // Empty matches are skipped, so an empty text has none.
        guard let base = text.baseAddress, !text.isEmpty else { return [] }
        var status = U_ZERO_ERROR
        guard let regex = swift_uregex_clone(compiled, &status) else {
            throw AssayError(.invalidRegex, "cannot run /\(source)/: \(String(cString: swift_u_errorName(status)))")
        }
        defer { swift_uregex_close(regex) }
        let watch = Watch(budget: BoundedRegex.budget(forBytes: text.count), interruption: interruption)
        let context = Unmanaged.passRetained(watch)
        defer { context.release() }
        swift_uregex_setMatchCallback(
            regex,
            { context, steps in
                guard let context else { return 1 }
                let watch = Unmanaged<Watch>.fromOpaque(context).takeUnretainedValue()
                watch.spentNow = Int(steps)
                if watch.interruption.isCancelled {
                    watch.interrupted = true
                    return 0
                }
                return watch.spentBefore + watch.spentNow <= watch.budget ? 1 : 0
            }, context.toOpaque(), &status)
        let ut = swift_utext_openUTF8(
            nil, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int64(text.count), &status)
        defer { swift_utext_close(ut) }
        swift_uregex_setUText(regex, ut, &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue else {
            throw AssayError(.invalidRegex, "cannot run /\(source)/: \(String(cString: swift_u_errorName(status)))")
        }
        let groupCount = Int(swift_uregex_groupCount(regex, &status))
        var out: [Match] = []
        while out.count < limit {
            watch.spentBefore += watch.spentNow
            watch.spentNow = 0
            let found = swift_uregex_findNext(regex, &status)
            if status == U_REGEX_STOPPED_BY_CALLER || status == U_REGEX_TIME_OUT {
                if watch.interrupted { throw AssayError(.interrupted, "interrupted while matching /\(source)/") }
                throw AssayError(
                    .regexBudgetSpent,
                    "/\(source)/ ran out of its budget of \(watch.budget / 100) million steps on \(text.count) bytes of text: the pattern backtracks too much; simplify it (avoid nested repeats like (a+)+)"
                )
            }
            guard status.rawValue <= U_ZERO_ERROR.rawValue, found != 0 else { break }
            let start = Int(swift_uregex_start64(regex, 0, &status)), end = Int(swift_uregex_end64(regex, 0, &status))
            if start == end { continue }
            var groups: [Range<Int>?] = []
            if groupCount > 0 {
                for g in 1...groupCount {
                    let s = Int(swift_uregex_start64(regex, Int32(g), &status)),
                        e = Int(swift_uregex_end64(regex, Int32(g), &status))
                    groups.append(s >= 0 && e >= s ? s..<e : nil)
                }
            }
            out.append(Match(range: start..<end, groups: groups))
        }
        return out
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with other: String) -> String {
        hasPrefix(prefix) ? other + dropFirst(prefix.count) : self
    }
}
