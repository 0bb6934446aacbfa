import Testing

@testable import AssayCore

struct HTMLTokenizerTests {
    @Test func readsTagsAttributesAndEntities() {
        let tokens = HTMLTokenizer().tokens(
            #"<P Class="a &amp; b" id=x checked>Fish &amp; chips &#8217;n&#x27; &nbsp;&copy 5 &bogus;</p>"#)
        #expect(
            tokens.first
                == .startTag(
                    name: "p",
                    attributes: [
                        HTMLAttribute(name: "class", value: "a & b"), HTMLAttribute(name: "id", value: "x"),
                        HTMLAttribute(name: "checked", value: "")
                    ], selfClosing: false))
        #expect(tokens[1] == .text("Fish & chips \u{2019}n' \u{A0}\u{A9} 5 &bogus;"))
        #expect(tokens.last == .endTag(name: "p"))
    }

    @Test func numericReferencesInTheWindows1252RangeAreWhatPagesMeant() {
        #expect(
            HTMLEntities.decode("&#150; &#147;x&#148; &#0; &#xD800; &#99999999999;")
                == "\u{2013} \u{201C}x\u{201D} \u{FFFD} \u{FFFD} \u{FFFD}")
    }

    @Test func scriptsStylesAndCommentsHideTheirMarkup() {
        let tokens = HTMLTokenizer().tokens(
            "<script>document.write('<p>no</p>')</script><!--[if IE]><p>ie</p><![endif]--><style>p{}</style>yes")
        #expect(tokens.contains(.text("yes")))
        #expect(!tokens.contains(.startTag(name: "p", attributes: [], selfClosing: false)))
    }

    @Test func unclosedQuotesCommentsAndScriptsDoNotSwallowThePage() {
        let root = HTMLTreeBuilder.parse(
            #"<title>Broken<a href="x>one</a> <!-- never closed> <p>two</p><script src=a.js><p>three</p>"#)
        let text = root.rawText
        #expect(text.contains("two"))
        #expect(text.contains("three"))
    }

    @Test func strayLessThanSignsAreText() {
        #expect(HTMLTokenizer().tokens("a < b <3 </ c") == [.text("a < b <3 ")])
    }

    @Test func treeBuilderClosesImpliedEndsAndIgnoresStrayEndTags() {
        let root = HTMLTreeBuilder.parse("<ul><li>one<li>two</ul><p>a<p>b</div><table><tr><td>c</div><td>d</table>")
        let items = root.descendants { $0.name == "li" }
        #expect(items.map(\.rawText) == ["one", "two"])
        #expect(root.descendants { $0.name == "p" }.count == 2)
        #expect(root.descendants { $0.name == "td" }.map(\.rawText) == ["c", "d"])
    }

    @Test func deepUnclosedNestingStaysBounded() {
        let html = String(repeating: "<font>", count: 20_000) + "deep" + String(repeating: "<a href=x>", count: 5000)
        let root = HTMLTreeBuilder.parse(html)
        #expect(root.rawText.contains("deep"))
    }
}

struct ArticleExtractionTests {
    static let page = """
        <html lang="en-GB"><head><title>Council approves new bridge | The Riverside Gazette</title>
        <meta property="og:site_name" content="The Riverside Gazette">
        <meta name="author" content="Jane Doe">
        <link rel="canonical" href="https://gazette.example/bridge">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves new bridge","datePublished":"2024-03-05T10:00:00Z"}</script>
        </head><body>
        <div id="nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
        <div class="article">
        <h1>Council approves new bridge</h1>
        <p class="byline">By Jane Doe</p>
        <p>The town council voted on Tuesday to build a new bridge across the river, ending a debate that has lasted more than ten years.</p>
        <p>The bridge, which will cost about &pound;12 million, is expected to open in 2027, the council&#8217;s leader said after the vote.</p>
        <p>Residents who had campaigned for the crossing, many of them commuters, welcomed the decision at a packed meeting in the town hall.</p>
        </div>
        <div class="comments"><h3>Comments</h3><p>Great news, finally! Posted by Bob at 10:02, who lives near the old ferry and says so.</p></div>
        <div id="footer"><a href="/about">About us</a> | <a href="/contact">Contact</a> | Copyright 2024 Gazette Media</div>
        </body></html>
        """

    @Test func keepsTheArticlesParagraphsAndLeavesOutTheRest() {
        let page = WebPage(html: ArticleExtractionTests.page)
        let paragraphs = page.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs[1].contains("£12 million"))
        #expect(paragraphs[1].contains("council’s leader"))
        for boilerplate in ["Home", "Comments", "Bob", "Copyright", "By Jane Doe", "Council approves new bridge"] {
            #expect(!page.text.contains(boilerplate), "\(boilerplate)")
        }
    }

    @Test func readsTheFieldsFromMetaOpenGraphAndJSONLD() {
        let m = WebPage(html: ArticleExtractionTests.page).metadata
        #expect(m.title == "Council approves new bridge")
        #expect(m.date == "2024-03-05T10:00:00Z")
        #expect(m.author == "Jane Doe")
        #expect(m.siteName == "The Riverside Gazette")
        #expect(m.url == "https://gazette.example/bridge")
        #expect(m.language == "en-GB")
    }

    @Test func aWrapperNamedAsUnlikelyDoesNotHideTheArticle() {
        let html =
            "<div class='header'><a href='/'>Home</a><div><p>"
            + Array(
                repeating:
                    "Words of a long article sentence, with commas, that goes on and on for the reader until it has said all twenty words.",
                count: 12
            ).joined(separator: "</p><p>") + "</p></div>"
        #expect(WebPage(html: html).text.components(separatedBy: "\n\n").count == 12)
    }

    @Test func datesInTheFormsPagesWriteThem() {
        #expect(PublicationDate.iso8601("Tue, 01 Jan 2008 16:10:00 GMT") == "2008-01-01")
        #expect(PublicationDate.iso8601("January 3rd, 2008") == "2008-01-03")
        #expect(PublicationDate.iso8601("2008/01/05") == "2008-01-05")
        #expect(PublicationDate.iso8601("soon") == nil)
    }

    @Test func shingleOverlapCountsRepeatsAsMultisets() {
        let o = ShingleOverlap(predicted: "a b c d a b c d", truth: "a b c d")
        #expect(o.counts.matched == 1)
        #expect(o.counts.found == 5)
        #expect(o.counts.expected == 1)
        #expect(ShingleOverlap(predicted: "one two", truth: "one two").counts.precision == 1)
    }
}
