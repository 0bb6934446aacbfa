/// A self-contained HTML page: the inline style sheet and script, a header, and a body.
struct HTMLPage {
    var title: String
    var subtitle: String
    /// Markup shown in the sticky header under the title (the legend).
    var headerExtra = ""
    var body: String
    /// Extra CSS (the legend's toggles for this page's keys).
    var extraCSS = ""

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Assay"/>
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(PageStyle.css)
        \(extraCSS)
        </style>
        </head>
        <body>
        <header class="page">
        <h1>\(HTMLText.escape(title))</h1>
        <p>\(HTMLText.escape(subtitle))</p>
        \(headerExtra)
        </header>
        <main>
        \(body)
        </main>
        <div id="tip" role="tooltip" hidden="hidden"></div>
        <script>//<![CDATA[
        \(PageStyle.script)
        //]]></script>
        </body>
        </html>

        """
    }
}
