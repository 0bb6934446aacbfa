import Foundation

/// The article facts a page's JSON-LD (`<script type="application/ld+json">`) gives, read
/// from the first object typed as an article (`NewsArticle`, `Article`, `BlogPosting`, ...)
/// or, failing that, a `WebPage`; objects inside `@graph` and arrays count too.
struct JSONLinkedData {
    var headline: String?
    var datePublished: String?
    var author: String?
    var publisher: String?
    var url: String?
    var language: String?
    var articleBody: String?
    private var foundArticle = false

    /// Reads one script's JSON; invalid JSON is ignored (pages ship broken JSON-LD).
    mutating func read(_ json: String) {
        var text = json.trimmingCharacters(in: .whitespacesAndNewlines)
        // Some pages wrap the JSON in `<!-- -->` or CDATA markers.
        for marker in ["<!--", "//<![CDATA[", "<![CDATA["] where text.hasPrefix(marker) {
            text.removeFirst(marker.count)
        }
        for marker in ["-->", "//]]>", "]]>"] where text.hasSuffix(marker) { text.removeLast(marker.count) }
        guard let data = text.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        visit(object, depth: 0)
    }

    private mutating func visit(_ object: Any, depth: Int) {
        guard depth < 8 else { return }
        if let array = object as? [Any] {
            for item in array { visit(item, depth: depth + 1) }
            return
        }
        guard let dict = object as? [String: Any] else { return }
        if let graph = dict["@graph"] { visit(graph, depth: depth + 1) }
        let types = JSONLinkedData.strings(dict["@type"])
        let isArticle = types.contains {
            $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "LiveBlogPosting"
        }
        let isPage = types.contains { $0.hasSuffix("WebPage") }
        guard isArticle || (isPage && !foundArticle) else { return }
        if isArticle && !foundArticle {
            // The first article's facts win over anything a WebPage object said.
            self = JSONLinkedData(foundArticle: true)
        }
        headline =
            headline ?? JSONLinkedData.strings(dict["headline"]).first ?? JSONLinkedData.strings(dict["name"]).first
        datePublished =
            datePublished ?? JSONLinkedData.strings(dict["datePublished"]).first
            ?? JSONLinkedData.strings(dict["dateCreated"]).first
        author = author ?? JSONLinkedData.names(dict["author"]).nilIfEmpty?.joined(separator: ", ")
        publisher = publisher ?? JSONLinkedData.names(dict["publisher"]).first
        url =
            url ?? JSONLinkedData.strings(dict["url"]).first
            ?? JSONLinkedData.strings((dict["mainEntityOfPage"] as? [String: Any])?["@id"]).first
        language = language ?? JSONLinkedData.strings(dict["inLanguage"]).first
        if isArticle { articleBody = articleBody ?? JSONLinkedData.strings(dict["articleBody"]).first }
    }

    private init(foundArticle: Bool) { self.foundArticle = foundArticle }
    init() {}

    static func strings(_ value: Any?) -> [String] {
        switch value {
        case let s as String:
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? [] : [t]
        case let a as [Any]: return a.flatMap { strings($0) }
        default: return []
        }
    }

    /// Names of people or organisations given as strings, `{"name": ...}` objects or arrays.
    static func names(_ value: Any?) -> [String] {
        switch value {
        case let s as String: return strings(s)
        case let d as [String: Any]: return strings(d["name"])
        case let a as [Any]: return a.flatMap { names($0) }
        default: return []
        }
    }
}

private extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
