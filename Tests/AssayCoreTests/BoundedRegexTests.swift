import AssayCore
import Testing

/// User regular expressions run with a budget: a catastrophic pattern stops with E407 in well
/// under a second instead of running for ever.
struct BoundedRegexTests {
    @Test(arguments: ["(a+)+$", "(a|aa)+$", "(a*)*b", "(x+x+)+y"])
    func catastrophicPatternsSpendTheirBudget(pattern: String) throws {
        let regex = try BoundedRegex(pattern)
        let text = String(repeating: pattern.contains("x") ? "x" : "a", count: 40) + "!"
        let clock = ContinuousClock()
        let started = clock.now
        #expect {
            _ = try regex.matches(in: text)
        } throws: { ($0 as? AssayError)?.code == .regexBudgetSpent }
        #expect(clock.now - started < .seconds(20))
    }

    @Test func matchesAreUTF8OffsetsWithGroups() throws {
        let regex = try BoundedRegex("#(\\w+)(x)?")
        let matches = try regex.matches(in: "é #tag #boxx")
        #expect(matches.map(\.range) == [3..<7, 8..<13])
        #expect(matches[0].groups == [4..<7, nil])
        #expect(matches[1].groups == [9..<13, nil])
        #expect(try BoundedRegex("(b)(o)").matches(in: "ébo")[0].groups == [2..<3, 3..<4])
        #expect(try BoundedRegex("TAG", ignoreCase: true).isFound(in: "a #tag"))
        #expect(try BoundedRegex("x").matches(in: "").isEmpty)
    }

    @Test func anInterruptionStopsAMatchWithE801() throws {
        // A flag of its own: setting the process-wide one would stop the other tests' matches
        // running at the same time.
        let interruption = CancellationFlag()
        interruption.cancel()
        #expect {
            _ = try BoundedRegex("(a+)+$").matches(
                in: String(repeating: "a", count: 40) + "!", interruption: interruption)
        } throws: { ($0 as? AssayError)?.code == .interrupted }
    }

    @Test func aBadPatternIsE404() {
        #expect { _ = try BoundedRegex("(") } throws: { ($0 as? AssayError)?.code == .invalidRegex }
    }
}
