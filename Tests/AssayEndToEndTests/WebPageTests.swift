import Foundation
import Testing

/// Loading saved web pages (`.html`, `.html.gz`): only the article's text is analysed, and the
/// page's own fields come along.
struct WebPageTests {
    @Test func extractFindsNothingInTheBoilerplateOfPlainAndGzippedPages() throws {
        let page = AssayProcess.fixtures + "/webpage.html"
        let out = try AssayProcess.run(["extract", "--with", "entities,numbers,quotes", page, page + ".gz"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            #expect(line.contains("Anna Lindqvist"))
            #expect(line.contains("40000000"))
            #expect(line.contains("most important decision"))
            for boilerplate in [
                "Boris Johnson", "500000", "Thatcher", "Pierre Dupont", "Total waste", "Rupert Murdoch", "Home"
            ] {
                #expect(!line.contains(boilerplate), "\(boilerplate) found in \(line)")
            }
            #expect(line.contains("\"site\": \"Coastline Daily\""))
        }
    }

    @Test func theReplLoadsAPageAsItsArticleWithFields() throws {
        let page = AssayProcess.fixtures + "/webpage.html.gz"
        let out = try AssayProcess.run([], input: "load \(page)\nshow webpage\n")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("the authority’s chair"))
        #expect(!out.stdout.contains("Harbour plan backed\n\nThe port"))
    }

    @Test func aBrokenGzipPageIsOneErrorAndTheRestLoads() throws {
        let folder = try AssayProcess.temporaryFolder()
        try Data("not gzip".utf8).write(to: URL(fileURLWithPath: folder + "/bad.html.gz"))
        try FileManager.default.copyItem(atPath: AssayProcess.fixtures + "/webpage.html", toPath: folder + "/good.html")
        let out = try AssayProcess.run(["extract", "--with", "numbers", folder])
        #expect(out.status == 1)
        #expect(out.stderr.split(separator: "\n").count == 1)
        #expect(out.stderr.contains("bad.html.gz"))
        #expect(out.stdout.contains("40000000"))
    }
}
