import AssayCore
import Foundation
import Testing

@testable import AssayEntities

/// `assay eval names`: pairs of documents' entities judged by their gold names.
struct NameLinkingEvaluationTests {
    typealias Unit = NameLinkingEvaluation.Unit

    @Test func positivesAreOneGoldNameAcrossDocumentsAndNegativesSharedWordsOfOthers() {
        let units = [
            Unit(document: 0, label: "PERSON", gold: ["hillary", "clinton"], predicted: "H"),
            Unit(document: 1, label: "PERSON", gold: ["hillary", "clinton"], predicted: "H"),
            Unit(document: 2, label: "PERSON", gold: ["hillary", "clinton"], predicted: "X"),
            Unit(document: 3, label: "PERSON", gold: ["bill", "clinton"], predicted: "H"),  // a false link
            Unit(document: 4, label: "PERSON", gold: ["clinton"], predicted: "H"),  // a form of both: not judged
            Unit(document: 5, label: "PERSON", gold: ["hillary", "r", "clinton"], predicted: "H")  // a form: not judged
        ]
        let r = NameLinkingEvaluation.score(units, documents: 6, kind: "test")
        #expect(r.counts.positives == 3)
        #expect(r.counts.linkedPositives == 1)
        // Bill against each Hillary Clinton (and against Hillary R. Clinton: same surname, other first name).
        #expect(r.counts.negatives == 4)
        #expect(r.counts.linkedNegatives == 3)
        #expect(abs(r.counts.precision - 0.25) < 1e-9)
        #expect(abs(r.counts.recall - 1.0 / 3) < 1e-9)
        #expect(r.falseLinks.first?.a == "bill clinton")
        #expect(r.missed.first?.gold == "PERSON|hillary clinton")
    }

    @Test func organisationFormsAreNotJudged() {
        #expect(NameLinkingEvaluation.formsOfOneName(["un"], ["united", "nations"], label: "ORG"))
        #expect(
            NameLinkingEvaluation.formsOfOneName(["federal", "reserve"], ["federal", "reserve", "board"], label: "ORG"))
        #expect(!NameLinkingEvaluation.formsOfOneName(["bank", "of", "england"], ["bank", "of", "japan"], label: "ORG"))
        #expect(NameLinkingEvaluation.formsOfOneName(["donald", "trump"], ["donald", "j", "trump"], label: "PERSON"))
        #expect(NameLinkingEvaluation.formsOfOneName(["d", "trump"], ["donald", "trump"], label: "PERSON"))
        #expect(!NameLinkingEvaluation.formsOfOneName(["ivanka", "trump"], ["donald", "trump"], label: "PERSON"))
    }

    @Test func goldNamesAreTheFullestMentionOfTheirDocument() throws {
        let line =
            #"{"id":"a","text":"Xi Jinping met Xi . Li Wei and Li Na came .","entities":[{"start":0,"end":10,"label":"PER"},{"start":15,"end":17,"label":"PER"},{"start":20,"end":26,"label":"PER"},{"start":31,"end":36,"label":"PER"}]}"#
        let record = try AnnotatedRecords.parse(Data(line.utf8), name: "t")[0]
        let doc = AnalyzedDocument(Document(id: "a", source: "t", text: record.text))
        let gold = try NameLinkingEvaluation.nameMentions(record, doc)
        #expect(gold.map(\.key) == [["xi", "jinping"], ["xi", "jinping"], ["li", "wei"], ["li", "na"]])
    }

    @Test func theWholeEvaluationLinksADocumentsPeopleAcrossAFile() throws {
        let lines = [
            #"{"id":"1","text":"President Barack Obama spoke in Chicago on Monday.","entities":[{"start":10,"end":22,"label":"PER"}]}"#,
            #"{"id":"2","text":"Barack H. Obama said the economy had grown.","entities":[{"start":0,"end":15,"label":"PER"}]}"#,
            #"{"id":"3","text":"Barack Obama answered questions in Chicago.","entities":[{"start":0,"end":12,"label":"PER"}]}"#
        ].joined(separator: "\n")
        let records = try AnnotatedRecords.parse(Data(lines.utf8), name: "t")
        let r = try NameLinkingEvaluation.evaluate(records, recognizer: try EntityRecognizer.shipped.get())
        #expect(r.units == 3)
        // "Barack H. Obama" is another gold name but a form of the same: only 1 and 3 are positive.
        #expect(r.counts.positives == 1)
        #expect(r.counts.linkedPositives == 1)
    }
}
