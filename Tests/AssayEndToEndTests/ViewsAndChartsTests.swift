import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `view`, `chart`, `save report` and `.bars` through the real binary: the pages parse, hold
/// every annotation `assay extract` finds with its fields, and reference nothing outside.
struct ViewsAndChartsTests {
    static let article = "000_b4be6983a25e9e06"

    func page(_ path: String) throws -> XMLDocument {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Self.expectSelfContained(text)
        // Without the SVG namespace, attributes read by plain name in FoundationXML.
        return try XMLDocument(
            data: Data(text.replacingOccurrences(of: #" xmlns="http://www.w3.org/2000/svg""#, with: "").utf8),
            options: [.nodePreserveWhitespace])
    }

    /// No http(s) address in src, href or url(), no external script or font.
    static func expectSelfContained(_ text: String) throws {
        let external = try Regex(
            #"(?i)(src|href)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?\s*(https?:|//)|@import|@font-face|<link\b"#)
        #expect(text.firstMatch(of: external) == nil)
        #expect(!text.contains("<script src"))
    }

    /// The fields of every mark in a page, from its embedded JSON tables, with the elements
    /// that carry each mark.
    func marks(in xml: XMLDocument) throws -> [[String: Any]] {
        var out: [[String: Any]] = []
        for case let script as XMLElement in try xml.nodes(forXPath: "//script[@class='annotations']") {
            let page = script.attribute(forName: "data-page")!.stringValue!
            let list = try JSONSerialization.jsonObject(with: Data(script.stringValue!.utf8)) as! [[String: Any]]
            for (i, fields) in list.enumerated() {
                let elements = try xml.nodes(forXPath: "//*[@data-page='\(page)']//span[@data-ann='\(i)']")
                #expect(!elements.isEmpty, "mark \(i) of page \(page) has no element")
                let text = elements.map { $0.stringValue ?? "" }.joined()
                #expect(
                    (fields["text"] as? String).map { text.hasPrefix($0) || $0.hasPrefix(text) || text.contains($0) }
                        ?? true)
                out.append(fields)
            }
        }
        return out
    }

    @Test func aDocumentViewMarksEveryAnnotationWithItsFields() throws {
        let dir = try AssayProcess.temporaryFolder()
        let out = try AssayProcess.run(["seeds/"], input: "save view \(Self.article) \(dir)/v.html\n")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("saved view of \(Self.article) to"))
        let xml = try page(dir + "/v.html")
        let shown = try marks(in: xml)
        let extract = try AssayProcess.run([
            "extract", "--with", "quotes,numbers,entities,sentiment", "seeds/\(Self.article).txt"
        ])
        let line = try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as! [String: Any]
        let expected = (line["annotations"] as! [[String: Any]]).filter { ($0["scope"] as? String) != "document" }
        func key(_ f: [String: Any]) -> String {
            ["extractor", "start", "end", "label", "kind", "value", "speaker", "score"].map { "\(f[$0] ?? "-")" }
                .joined(separator: "|")
        }
        #expect(Set(shown.map(key)) == Set(expected.map(key)))
        #expect(shown.count == expected.count)
        // The article's text is the document's text exactly (badges are drawn by CSS).
        let text = try xml.nodes(forXPath: "//div[@class='text']").first?.stringValue
        let original = try String(contentsOfFile: AssayProcess.seeds + "/\(Self.article).txt", encoding: .utf8)
        #expect(text == original, "\(text?.count ?? -1) vs \(original.count): \(text?.suffix(40) ?? "")")
        // A legend toggle per extractor and per label.
        let toggles = try xml.nodes(forXPath: "//input[@data-toggle]").count
        #expect(toggles == 4 + Set(expected.map { "\($0["extractor"]!)\($0["label"] ?? $0["kind"] ?? "")" }).count)
    }

    @Test func aResultViewShowsEachDocumentItTouchesWithItsRowsMarked() throws {
        let dir = try AssayProcess.temporaryFolder()
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                let Q = quotes | where kind == "direct"
                save view Q \(dir)/q.html
                Q | count by doc
                """)
        #expect(out.status == 0, "\(out.stderr)")
        let xml = try page(dir + "/q.html")
        let shown = try marks(in: xml)
        let rows = out.stdout.split(separator: "\n").compactMap { l -> Int? in
            let parts = l.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count == 2 && parts[0].hasPrefix("00") ? Int(parts[1]) : nil
        }
        #expect(shown.count == rows.reduce(0, +))
        #expect(try xml.nodes(forXPath: "//article").count == rows.count)
        #expect(shown.allSatisfy { $0["kind"] as? String == "direct" && $0["speaker"] != nil })
    }

    @Test func viewWithoutADisplayPrintsThePathAndOpensWithXdgOpenOnADesktop() throws {
        let bin = try AssayProcess.temporaryFolder()
        let log = bin + "/opened.txt"
        try "#!/bin/sh\necho \"$1\" > \(log)\n".write(toFile: bin + "/xdg-open", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/xdg-open")
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        let quiet = try AssayProcess.run(
            ["seeds/"], input: ".open on\nview \(Self.article)\n",
            environment: ["DISPLAY": "", "WAYLAND_DISPLAY": "", "PATH": path])
        #expect(quiet.stdout.contains("wrote view of \(Self.article): /"))
        let desktop = try AssayProcess.run(
            ["seeds/"], input: ".open on\nview \(Self.article)\n", environment: ["DISPLAY": ":0", "PATH": path])
        #expect(desktop.stdout.contains("opened view of \(Self.article): /"), "\(desktop.stderr)")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: log) { usleep(100_000) }
        let opened = try String(contentsOfFile: log, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(opened.hasSuffix(".html") && FileManager.default.fileExists(atPath: opened))
        let off = try AssayProcess.run(
            ["seeds/"], input: ".open off\nview \(Self.article)\n", environment: ["DISPLAY": ":0", "PATH": path])
        #expect(off.stdout.contains("wrote view"))
        let bad = try AssayProcess.run(["seeds/"], input: "view nosuch\n")
        #expect(bad.status == 1 && bad.stderr.contains("[E307]"))
        let computed = try AssayProcess.run(["seeds/"], input: "docs | count by paragraphs\nview last\n")
        #expect(computed.stderr.contains("chart last"))
    }

    @Test func chartsAreSelfContainedSVGWithABarPerRow() throws {
        let dir = try AssayProcess.temporaryFolder()
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                let L = entities | count by label
                save chart L \(dir)/l.svg
                let S = sentiment | where scope == "sentence"
                save chart S score \(dir)/s.html
                docs | count by paragraphs | chart
                save chart last \(dir)/bad.png
                """)
        #expect(out.stderr.contains("line 6:") && out.stderr.contains(".svg or .html"))
        let svg = try page(dir + "/l.svg")
        let bars = try svg.nodes(forXPath: "//*[local-name()='rect'][@class='mark']") as! [XMLElement]
        #expect(bars.count == 4)
        #expect(
            bars.compactMap { $0.attribute(forName: "data-category")?.stringValue }.sorted() == [
                "LOC", "MISC", "ORG", "PERSON"
            ])
        let widths = bars.map { Double($0.attribute(forName: "width")!.stringValue!)! }
        let values = bars.map { Double($0.attribute(forName: "data-value")!.stringValue!)! }
        #expect(widths == widths.sorted(by: >) && values == values.sorted(by: >))
        #expect(
            try svg.nodes(forXPath: "//*[local-name()='desc']").first?.stringValue?.hasPrefix(
                "Bar chart of count by label.") == true)
        let histogram = try page(dir + "/s.html")
        #expect(try histogram.nodes(forXPath: "//*[local-name()='svg'][@data-kind='histogram']").count == 1)
        #expect(out.stdout.contains("wrote chart of last: /"))
    }

    @Test func aReportBundlesNamedResultsWithTablesChartsAndLinks() throws {
        let dir = try AssayProcess.temporaryFolder()
        let out = try AssayProcess.run(
            ["seeds/"],
            input: """
                let People = entities | where label == "PERSON" | count by canonical
                let Money = numbers | where kind == "money"
                save report \(dir)/r.html
                """)
        #expect(out.status == 0, "\(out.stderr)")
        let xml = try page(dir + "/r.html")
        let sections = try xml.nodes(forXPath: "//section[@class='result']") as! [XMLElement]
        #expect(sections.map { $0.attribute(forName: "id")!.stringValue! } == ["r-People", "r-Money"])
        #expect(try xml.nodes(forXPath: "//section[@id='r-People']//*[local-name()='svg']").count == 1)
        #expect(
            try xml.nodes(forXPath: "//section[@id='r-People']//caption").first?.stringValue?.hasPrefix(
                "let People = entities | where label") == true)
        let links = try xml.nodes(forXPath: "//section[@id='r-Money']//td/a") as! [XMLElement]
        #expect(!links.isEmpty)
        for a in links {
            let target = String(a.attribute(forName: "href")!.stringValue!.dropFirst())
            #expect(try xml.nodes(forXPath: "//*[@id='\(target)']").count == 1)
        }
        let shown = try marks(in: xml)
        #expect(shown.filter { $0["result"] as? String == "Money" }.count == links.count)
        let none = try AssayProcess.run(["seeds/"], input: "save report \(dir)/none.html\n")
        #expect(none.stderr.contains("no named results"))
    }

    @Test func barsInTablesOnlyWhenAsked() throws {
        let out = try AssayProcess.run(
            ["seeds/"],
            input:
                "docs | count by paragraphs\n.bars on\ndocs | count by paragraphs\n.mode csv\ndocs | count by paragraphs\n"
        )
        let parts = out.stdout.components(separatedBy: "(5 rows)")
        #expect(!parts[0].contains("█") && !parts[0].contains("bar"))
        #expect(parts[1].contains("█") && parts[1].contains("bar"))
        #expect(!parts[2].contains("█"))
    }
}
