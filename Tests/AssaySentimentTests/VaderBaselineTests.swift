import Testing

@testable import AssaySentiment

/// The baseline must be VADER itself: these are the compound scores of the reference Python
/// implementation (vaderSentiment 3.3.2) for the same sentences.
@Suite struct VaderBaselineTests {
    @Test(arguments: [
        ("The book was good.", 0.4404),
        ("At least it isn't a horrible book.", 0.431),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
        ("Today SUX!", -0.5461),
        ("Sentiment analysis has never been this good!", 0.5672),
        ("Roger Dodger is one of the least compelling variations on this theme.", -0.1695),
        ("The talks were not productive and the strikes continued.", -0.3612)
    ])
    func matchesReferenceImplementation(text: String, expected: Double) {
        #expect(abs(VaderBaseline.bundled.compound(text) - expected) < 1e-9)
    }

    @Test func labelsUseVadersThresholds() {
        #expect(VaderBaseline.label(0.05) == "positive")
        #expect(VaderBaseline.label(0.049) == "neutral")
        #expect(VaderBaseline.label(-0.05) == "negative")
    }
}
