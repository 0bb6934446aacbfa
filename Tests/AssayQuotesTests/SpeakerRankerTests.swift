import AssayCore
import Testing

@testable import AssayQuotes

/// The speaker ranker's model file, its training and its choice.
@Suite struct SpeakerRankerTests {
    private func facts(
        _ kind: SpeakerCandidate.Kind, _ position: SpeakerFeatures.Position, rule: Bool = false,
        verb: SpeakerFeatures.VerbRelation = .none
    ) -> [Int32] { fact(kind, position, rule: rule, verb: verb).ids }

    private func fact(
        _ kind: SpeakerCandidate.Kind, _ position: SpeakerFeatures.Position, rule: Bool = false,
        verb: SpeakerFeatures.VerbRelation = .none
    ) -> SpeakerFeatures.Facts {
        SpeakerFeatures.Facts(
            kind: kind, position: position, distance: 3, isAfterQuote: position == .sameSentenceAfter,
            isRuleChoice: rule, ruleCue: 0, verb: verb, peopleBetween: 0, afterPreposition: false,
            possessive: false, firstInSentence: true, isPreviousSpeaker: false, quoteOpensParagraph: false,
            quoteStartsSentence: true, mentionsOfEntity: 2, quoted: false)
    }

    @Test func featuresAreNamedByTheirValues() {
        #expect(SpeakerCandidate.Kind.count == SpeakerCandidate.Kind.allCases.count)
        #expect(SpeakerFeatures.Position.count == SpeakerFeatures.Position.allCases.count)
        #expect(SpeakerFeatures.VerbRelation.count == SpeakerFeatures.VerbRelation.allCases.count)
        #expect(SpeakerFeatures.cueCount == SpeakerFeatures.cues.count)
        let ids = facts(.she, .nextSentence, rule: true, verb: .afterVerb)
        #expect(ids.count == SpeakerFeatures.templates.count)
        let names = ids.map { SpeakerFeatures.name(of: Int($0)) }
        #expect(names.contains("kind=she"))
        #expect(names.contains("kind×position=she|nextSentence"))
        #expect(names.contains("rule×cue×kind=yes|after|she"))
        #expect(names.contains("rule×position×verb=yes|nextSentence|afterVerb"))
        #expect(names.contains("kind×distance×direction=she|3-5|before"))
        // Each template's feature lies in its own range.
        for (t, id) in ids.enumerated() {
            #expect(names[t].hasPrefix(SpeakerFeatures.templates[t].name + "="))
            #expect(Int(id) >= SpeakerFeatures.offsets[t])
        }
    }

    @Test func neighboursAreFeaturesOfTheirOwn() {
        var f = fact(.person, .sameSentenceBefore)
        f.left = .lowercase
        f.right = .possessive
        let names = f.ids.map { SpeakerFeatures.name(of: Int($0)) }
        #expect(names.contains("left×kind=lowercase|person"))
        #expect(names.contains("right×kind=possessive|person"))
        #expect(SpeakerFeatures.Neighbour.count == SpeakerFeatures.Neighbour.allCases.count)
    }

    @Test func candidateWordsTellPronounsAndDescriptionsApart() {
        let text =
            "The report said the crowd cheered and the council agreed, she told the spokeswoman and Hale, sources said."
        let reader = TokenReader(AnalyzedDocument(Document(id: "d", text: text)))
        func answer(_ word: String) -> String {
            guard let t = (0..<reader.count).first(where: { reader.text($0) == word }) else { return "missing" }
            switch CandidateWords.answer(at: t, in: reader) {
            case .pronoun(let k)?: return "pronoun \(k.name)"
            case .head(let k)?: return "head \(k.name)"
            case nil: return "none"
            }
        }
        #expect(answer("report") == "none")
        #expect(answer("crowd") == "head plural")
        #expect(answer("sources") == "head plural")
        #expect(answer("council") == "head group")
        #expect(answer("spokeswoman") == "head description")
        #expect(answer("she") == "pronoun she")
        #expect(answer("Hale") == "none")
        #expect(answer("cheered") == "none")
    }

    @Test func featureNamesAreDistinctAndReadable() {
        let names = (0..<SpeakerFeatures.count).map(SpeakerFeatures.name(of:))
        #expect(Set(names).count == names.count)
        #expect(names[0] == "kind=person")
        #expect(names.allSatisfy { !$0.contains(" ") })
        // Each name reads back as its feature; other names as none.
        #expect(names.indices.allSatisfy { SpeakerFeatures.id(ofName: Substring(names[$0])) == $0 })
        #expect(SpeakerFeatures.id(ofName: "kind=alien") == nil)
        #expect(SpeakerFeatures.id(ofName: "kind×position=person") == nil)
        #expect(SpeakerFeatures.id(ofName: "nothing") == nil)
    }

    @Test func valueNamesAreTheCasesNames() {
        #expect(SpeakerFeatures.kinds == SpeakerCandidate.Kind.allCases.map { String(describing: $0) })
        #expect(SpeakerFeatures.positions == SpeakerFeatures.Position.allCases.map { String(describing: $0) })
        #expect(SpeakerFeatures.verbRelations == SpeakerFeatures.VerbRelation.allCases.map { String(describing: $0) })
        #expect(SpeakerFeatures.neighbours == SpeakerFeatures.Neighbour.allCases.map { String(describing: $0) })
    }

    @Test func modelRoundTripsThroughItsText() throws {
        var weights = [Int32](repeating: 0, count: SpeakerFeatures.count)
        weights[3] = 1250
        weights[SpeakerFeatures.count - 1] = -7
        let model = SpeakerModel(weights: weights)
        let read = try SpeakerModel(text: model.encoded())
        #expect(read.weights == weights)
        #expect(model.encoded().split(separator: "\n").count == 3)
    }

    @Test func modelOfOtherFeaturesIsRefusedWithItsCode() {
        #expect(throws: AssayError.self) { try SpeakerModel(text: "something else\n") }
        do {
            _ = try SpeakerModel(text: SpeakerModel.header + "\nkind=alien 5\n")
            Issue.record("an unknown feature was accepted")
        } catch let e as AssayError {
            #expect(e.code == .modelUnavailable)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func trainerLearnsWhatTheAnnotationsPrefer() {
        // The subject of a speech verb after the quote is right; the hand rules chose the person before.
        let instance = SpeakerTrainer.Instance(
            candidates: [
                facts(.person, .sameSentenceBefore, rule: true), facts(.she, .sameSentenceAfter, verb: .subjectOfVerb),
                facts(.nobody, .none)
            ],
            isRight: [false, true, false], rule: 0)
        let trainer = SpeakerTrainer(epochs: 3, seed: 1)
        let model = trainer.train(Array(repeating: instance, count: 4)) { _ in }
        #expect(SpeakerTrainer.best(instance.candidates.map(model.score), rule: 0) == 1)
        #expect(trainer.train(Array(repeating: instance, count: 4)) { _ in }.weights == model.weights)
    }

    @Test func tiesGoToTheHandRules() {
        let model = SpeakerModel(weights: [Int32](repeating: 0, count: SpeakerFeatures.count))
        var a = SpeakerCandidate(kind: .person, tokens: 0..<1, source: .mention(0))
        var b = SpeakerCandidate(kind: .he, tokens: 3..<4, source: .words)
        a.facts = fact(.person, .previousSentence)
        b.facts = fact(.he, .sameSentenceAfter)
        b.isRuleChoice = true
        #expect(model.best(of: [a, b]) == 1)
    }
}
