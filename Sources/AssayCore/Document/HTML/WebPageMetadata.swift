import Foundation

/// What a page says about itself, from `<meta>` (including Open Graph and Dublin Core), JSON-LD
/// (`NewsArticle`, `Article`, ...), `<link rel="canonical">`, `<time>`, `<html lang>` and
/// `<title>`. Each field is nil when the page does not say.
public struct WebPageMetadata: Sendable, Hashable {
    public var title: String?
    /// The publication date as ISO 8601 (`2008-01-01` or `2008-01-01T16:10:00+11:00`).
    public var date: String?
    public var author: String?
    public var siteName: String?
    public var url: String?
    /// A language tag (`en`, `en-GB`, `de`).
    public var language: String?
    /// JSON-LD's `articleBody`, when the page carries one.
    public var articleBody: String?

    public init(
        title: String? = nil, date: String? = nil, author: String? = nil, siteName: String? = nil,
        url: String? = nil, language: String? = nil, articleBody: String? = nil
    ) {
        self.title = title
        self.date = date
        self.author = author
        self.siteName = siteName
        self.url = url
        self.language = language
        self.articleBody = articleBody
    }

    /// The fields that are set, by the names Assay gives document fields.
    public var fields: [(name: String, value: String)] {
        [("title", title), ("date", date), ("author", author), ("site", siteName), ("url", url), ("language", language)]
            .compactMap { name, value in value.map { (name, $0) } }
    }

    /// Reads the metadata of the parsed page below `root`.
    public init(root: HTMLElement) {
        var meta: [String: String] = [:]
        var pageTitle: String?
        var canonical: String?
        var times: [(value: String, preferred: Bool)] = []
        var headings: [String] = []
        var linkedData = JSONLinkedData()
        for e in root.descendants(where: { _ in true }) {
            switch e.name {
            case "meta":
                guard let content = e.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines),
                    !content.isEmpty
                else { continue }
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let k = e.attribute(key)?.lowercased(), meta[k] == nil { meta[k] = content }
                }
            case "title":
                if pageTitle == nil { pageTitle = WebPageMetadata.clean(e.rawText) }
            case "link":
                if e.attribute("rel")?.lowercased() == "canonical", canonical == nil { canonical = e.attribute("href") }
            case "time":
                if let value = e.attribute("datetime")
                    ?? (e.attribute("itemprop") != nil ? WebPageMetadata.clean(e.rawText) : nil)
                {
                    let preferred =
                        e.attribute("pubdate") != nil || e.attribute("itemprop")?.lowercased() == "datepublished"
                    times.append((value, preferred))
                }
            case "script":
                if e.attribute("type")?.lowercased().contains("ld+json") == true { linkedData.read(e.rawText) }
            case "h1", "h2":
                if headings.count < 8 { headings.append(WebPageMetadata.clean(e.rawText)) }
            default:
                if let prop = e.attribute("itemprop")?.lowercased(), meta["itemprop:" + prop] == nil {
                    let value = e.attribute("content") ?? e.attribute("datetime") ?? WebPageMetadata.clean(e.rawText)
                    if !value.isEmpty, value.count < 200 { meta["itemprop:" + prop] = value }
                }
            }
        }
        func first(_ keys: [String]) -> String? { keys.lazy.compactMap { meta[$0] }.first }

        siteName = first(["og:site_name", "application-name", "twitter:site"]) ?? linkedData.publisher
        let titled =
            first(["og:title", "twitter:title", "dc.title", "headline", "itemprop:headline"]) ?? linkedData.headline
        title =
            titled.map(WebPageMetadata.clean)
            ?? WebPageMetadata.headline(pageTitle: pageTitle, headings: headings, siteName: siteName)
        let rawDate =
            linkedData.datePublished
            ?? first([
                "article:published_time", "og:published_time", "datepublished", "itemprop:datepublished", "date",
                "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "pubdate", "publishdate",
                "publish-date",
                "sailthru.date", "parsely-pub-date", "article.published", "original-publish-date",
                "article_date_original",
                "og:updated_time", "last-modified"
            ])
            ?? (times.first { $0.preferred } ?? times.first)?.value
        date = rawDate.flatMap(PublicationDate.iso8601)
        let rawAuthor =
            linkedData.author
            ?? first([
                "author", "article:author", "dc.creator", "byl", "sailthru.author",
                "parsely-author", "itemprop:author"
            ])
        author = rawAuthor.map(WebPageMetadata.clean).map { $0.hasPrefix("By ") ? String($0.dropFirst(3)) : $0 }
            .flatMap { $0.isEmpty || $0.hasPrefix("http") ? nil : $0 }
        url = canonical ?? first(["og:url", "twitter:url"]) ?? linkedData.url
        let lang =
            root.attribute("lang") ?? root.attribute("xml:lang") ?? first([
                "content-language", "dc.language", "language"
            ])
            ?? linkedData.language ?? first(["og:locale"])
        language = lang.map { $0.replacingOccurrences(of: "_", with: "-").trimmingCharacters(in: .whitespaces) }
            .flatMap { $0.isEmpty ? nil : $0 }
        articleBody = linkedData.articleBody
    }

    /// The headline from a `<title>` that usually also names the site: the first heading that the
    /// title contains, else the title without a trailing ` - Site` / ` | Site`.
    static func headline(pageTitle: String?, headings: [String], siteName: String?) -> String? {
        guard let pageTitle, !pageTitle.isEmpty else { return headings.first { !$0.isEmpty } }
        if let h = headings.first(where: { $0.count >= 10 && pageTitle.localizedCaseInsensitiveContains($0) }) {
            return h
        }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " » "] {
            let parts = pageTitle.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            let longest = parts.max { $0.count < $1.count }!
            if longest.split(separator: " ").count >= 3 { return longest.trimmingCharacters(in: .whitespaces) }
        }
        return pageTitle
    }

    /// Whitespace collapsed and trimmed.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
