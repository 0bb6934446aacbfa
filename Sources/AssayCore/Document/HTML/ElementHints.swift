/// What an element's `class`, `id`, `role` and `itemprop` say about its content. Pages name
/// their parts in a small shared vocabulary (`comment`, `sidebar`, `share`, `article-body`), so
/// these words are evidence for or against a part being the article, used as weights, never as
/// rules about particular sites.
struct ElementHints {
    /// Words naming parts that are not the article (navigation, comments, sharing, adverts).
    static let negative = [
        "comment", "combx", "contact", "foot", "footnote", "masthead", "media", "meta", "outbrain", "promo", "related",
        "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
        "social",
        "banner", "breadcrumb", "menu", "nav", "popup", "recommend", "newsletter", "subscribe", "signup", "login",
        "advert", "byline", "dateline", "caption", "author", "timestamp", "copyright", "disclaimer", "rating", "poll",
        "most-", "popular", "trending", "teaser", "headline", "print", "email", "toolbar"
    ]
    /// Words naming the article itself.
    static let positive = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "storytext"
    ]
    /// Words naming parts that hardly ever hold the article, so their text is not scored at all.
    static let unlikely = [
        "banner", "breadcrumb", "combx", "comment", "community", "disqus", "extra", "foot", "header", "menu", "related",
        "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
        "ad-break",
        "agegate", "pagination", "pager", "popup", "navbar", "subnav", "cookie", "consent", "newsletter"
    ]
    /// Words that keep an otherwise unlikely part in the running (`main-column`, `article-footer`
    /// is still unlikely, `body-header` is not).
    static let maybe = ["and", "article", "body", "column", "content", "main", "shadow", "story"]
    /// Roles and names of elements that are never the article.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"
    ]
    static let boilerplateElements: Set<String> = ["nav", "aside", "footer", "header"]

    let names: String
    let element: HTMLElement

    init(_ element: HTMLElement) {
        self.element = element
        let joined = [element.attribute("class"), element.attribute("id")].compactMap { $0 }.joined(separator: " ")
        names = joined.lowercased()
    }

    /// Readability's class weight: -25 or +25 for the class and for the id.
    var weight: Double {
        var w = 0.0
        for value in [element.attribute("class"), element.attribute("id")] {
            guard let value, !value.isEmpty else { continue }
            let v = value.lowercased()
            if ElementHints.negative.contains(where: { v.contains($0) }) || ElementHints.namesAnAdvert(v) {
                w -= 25
            }
            if ElementHints.positive.contains(where: { v.contains($0) }) { w += 25 }
        }
        if element.attribute("itemprop")?.lowercased() == "articlebody" { w += 50 }
        return w
    }

    /// `ad`, `ads`, `ad-box`, `top_ad` (as a word of the name: `header` and `load` are no adverts).
    static func namesAnAdvert(_ name: String) -> Bool {
        name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains {
            $0 == "ad" || $0 == "ads" || $0 == "adv"
        }
    }

    /// Whether the names say this part hardly ever holds the article.
    var isUnlikely: Bool {
        let role = element.attribute("role")?.lowercased() ?? ""
        if ElementHints.boilerplateRoles.contains(role) { return true }
        if ElementHints.boilerplateElements.contains(element.name) { return true }
        guard !names.isEmpty, element.name != "article", element.name != "main" else { return false }
        return ElementHints.unlikely.contains { names.contains($0) }
            && !ElementHints.maybe.contains { names.contains($0) }
    }

    /// Whether the names say this part is not article text even inside the article (a caption,
    /// a byline, sharing buttons, a comment section).
    var isBoilerplateInsideArticle: Bool {
        if isUnlikely { return true }
        guard !names.isEmpty else { return false }
        if ElementHints.positive.contains(where: { names.contains($0) }) && !names.contains("comment") { return false }
        return ElementHints.negative.contains { names.contains($0) }
    }
}
