import AssayCore
import Foundation
import Testing

@testable import AssayEntities

/// A tiny annotated corpus: each text with its entities given by their words (first occurrence).
private func corpus(_ documents: [(text: String, entities: [(String, EntityLabel)])]) -> AnnotatedCorpus {
    AnnotatedCorpus(
        documents: documents.map { d in
            let doc = AnalyzedDocument(d.text)
            let gold = d.entities.map { (words, label) in
                let start = d.text[..<d.text.range(of: words)!.lowerBound].utf8.count
                return GoldEntity(span: Span(start, start + words.utf8.count), label: label)
            }
            return (doc, gold)
        })
}

private let conll = corpus([
    (
        "Bill Clinton met Helmut Kohl in Bonn on Monday .\nThe Commission said Germany would vote .",
        [("Bill Clinton", .person), ("Helmut Kohl", .person), ("Bonn", .loc), ("Commission", .org), ("Germany", .loc)]
    ),
    (
        "Fiat shares rose in Milan after Reuters reported the deal .",
        [("Fiat", .org), ("Milan", .loc), ("Reuters", .org)]
    )
])

private let modern = corpus([
    (
        "TikTok users in Ohio backed Vote Power , Joe Biden said .",
        [("TikTok", .org), ("Ohio", .loc), ("Vote Power", .org), ("Joe Biden", .person)]
    )
])

/// Trains a small model (one run, two epochs) and returns its file's bytes.
private func trainedModel(domainFeatures: Bool, inDomainCopies: Int, replaceShare: Double = 0) throws -> Data {
    let sections = try EntityRecognizer.gazetteerSections.get()
    var options = PerceptronTrainer.Options()
    options.epochs = 2
    options.runs = 1
    options.bucketBits = 14
    options.domainFeatures = domainFeatures
    options.inDomainReplaceShare = replaceShare
    var trainer = PerceptronTrainer(
        options: options, boundaries: MentionBoundaries(gazetteer: Gazetteer(sections: sections), sections: sections),
        sections: sections, clusters: try EntityRecognizer.wordClusters.get())
    var aligner = GoldAligner(conll)
    let general = trainer.generalExamples(conll, aligner: &aligner)
    let own = trainer.inDomainExamples(modern, copies: inDomainCopies, train: conll, aligner: &aligner)
    let examples = general + own.flatMap { $0 }
    return trainer.fit(examples, dev: trainer.devExamples(conll), log: { _ in }).encoded()
}

@Test func inDomainFeatureCopiesAddNothingWithoutInDomainDocuments() throws {
    // The in-domain copy of the weights is folded into the shared one; with no in-domain
    // document to train it, the model must be the plain one byte for byte.
    #expect(
        try trainedModel(domainFeatures: true, inDomainCopies: 0)
            == trainedModel(domainFeatures: false, inDomainCopies: 0))
}

@Test func inDomainDocumentsChangeTheModelAndTrainingIsRepeatable() throws {
    let plain = try trainedModel(domainFeatures: false, inDomainCopies: 0)
    let withCopies = try trainedModel(domainFeatures: false, inDomainCopies: 2)
    let withOwnFeatures = try trainedModel(domainFeatures: true, inDomainCopies: 2)
    #expect(withCopies != plain)
    #expect(withOwnFeatures != withCopies)
    // All of the one document's four names replaced in the second copy.
    #expect(try trainedModel(domainFeatures: false, inDomainCopies: 2, replaceShare: 1) != withCopies)
    #expect(try trainedModel(domainFeatures: true, inDomainCopies: 2) == withOwnFeatures)
}

@Test func pooledScoresCountEveryFoldOnce() {
    let a = GoldEntity(span: Span(0, 4), label: .person), b = GoldEntity(span: Span(5, 9), label: .org)
    let c = GoldEntity(span: Span(10, 14), label: .loc)
    var first = SpanScorer(), second = SpanScorer(), all = SpanScorer()
    first.add(predicted: [a, b], gold: [a])
    second.add(predicted: [c], gold: [b, c])
    all.add(predicted: [a, b], gold: [a])
    all.add(predicted: [c], gold: [b, c])
    first.add(second)
    #expect(first.report == all.report)
    #expect(first.overall.precision == 2.0 / 3 && first.overall.recall == 2.0 / 3)
    #expect(first.score(.org).support == 1 && first.score(.org).precision == 0)
}
