import AssayCore
import Testing

@testable import AssayEntities

/// A document and its gold entities, given as (text, label) in order of the text.
private func annotated(_ text: String, _ names: [(String, EntityLabel)]) -> (AnalyzedDocument, [GoldEntity]) {
    let gold = zip(spans(of: names.map(\.0), inOrderIn: text), names).map { GoldEntity(span: $0, label: $1.1) }
    return (AnalyzedDocument(text), gold)
}

@Test func replacedNamesKeepTheirLabelsTextAndOneNamePerSpelling() {
    let first = annotated(
        "Bill Clinton met Fiat chiefs in Paris . Clinton said Fiat would stay .",
        [("Bill Clinton", .person), ("Fiat", .org), ("Paris", .loc), ("Clinton", .person), ("Fiat", .org)])
    let second = annotated(
        "John Major visited Renault in Lyon on Monday .",
        [("John Major", .person), ("Renault", .org), ("Lyon", .loc)])
    let corpus = AnnotatedCorpus(documents: [first, second])
    let sections = ["city": ["Abeokuta", "Sakhir"], "organization": ["Wilmar International", "Sentix"]]
    let orgs: Set<String> = ["Fiat", "Renault", "Wilmar International", "Sentix"]
    let places: Set<String> = ["Paris", "Lyon", "Abeokuta", "Sakhir"]
    var changed = 0
    for seed in 0..<8 {
        var rng = SeededRandomGenerator(seed: UInt64(seed))
        let replacer = MentionReplacer(corpus, sections: sections, share: 1, listedShare: 0.5)
        let (copy, gold) = replacer.replaced(first.0, gold: first.1, using: &rng)
        #expect(gold.map(\.label) == [.person, .org, .loc, .person, .org])
        let texts = gold.map { copy.text(of: $0.span) }
        #expect(orgs.contains(texts[1]) && texts[4] == texts[1])
        #expect(places.contains(texts[2]))
        // The lone surname is the full name's surname under its new name too.
        #expect(texts[0].split(separator: " ").last.map(String.init) == texts[3])
        #expect(["Clinton", "Major"].contains(texts[3]))
        // What lies between the names is untouched.
        #expect(copy.text(of: Span(gold[0].span.end, gold[1].span.start)) == " met ")
        #expect(copy.text.hasSuffix(" would stay ."))
        if copy.text != first.0.text { changed += 1 }
    }
    #expect(changed > 0)
    // Nothing replaced at a share of 0.
    var rng = SeededRandomGenerator(seed: 1)
    let kept = MentionReplacer(corpus, sections: sections, share: 0).replaced(first.0, gold: first.1, using: &rng)
    #expect(kept.document.text == first.0.text && kept.gold == first.1)
}

@Test func datelinesJoinTheirStoryWithTheAgencyAsAnOrganisation() {
    let (doc, gold) = annotated(
        "EU rejects German call\nBRUSSELS 1996-08-22\nThe European Commission said on Thursday .",
        [("EU", .org), ("German", .misc), ("BRUSSELS", .loc), ("European Commission", .org)])
    var forms: Set<String> = []
    for seed in 0..<16 {
        var rng = SeededRandomGenerator(seed: UInt64(seed))
        let (copy, moved) = DatelineRewriter.rewrite(doc, gold: gold, share: 1, using: &rng)
        forms.insert(copy.text.split(separator: "\n")[1].components(separatedBy: " The ")[0])
        #expect(
            moved.map { "\(copy.text(of: $0.span))/\($0.label.rawValue)" } == [
                "EU/ORG", "German/MISC", "BRUSSELS/LOC", "Reuters/ORG", "European Commission/ORG"
            ])
    }
    #expect(forms == ["BRUSSELS ( Reuters ) -", "BRUSSELS , Aug 22 ( Reuters ) -"])
    // A line that is not a dateline stays.
    var rng = SeededRandomGenerator(seed: 1)
    let plain = AnalyzedDocument("TALKS 1996 IN BRUSSELS\nThe Commission said .")
    #expect(DatelineRewriter.rewrite(plain, gold: [], share: 1, using: &rng).document.text == plain.text)
}
