import Foundation

/// Builds SVG markup: elements with escaped text and coordinates rounded to a tenth.
struct SVGWriter {
    private(set) var output = ""

    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        // Checked: a coordinate computed from extreme data may be huge or not a number.
        guard r.isFinite else { return "0" }
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(format: "%.1f", r)
    }

    mutating func raw(_ s: String) { output += s }

    mutating func text(
        _ s: String, x: Double, y: Double, anchor: String = "start", cls: String = "", rotate: Bool = false
    ) {
        let transform = rotate ? " transform=\"rotate(-90 \(SVGWriter.n(x)) \(SVGWriter.n(y)))\"" : ""
        output +=
            "<text x=\"\(SVGWriter.n(x))\" y=\"\(SVGWriter.n(y))\" text-anchor=\"\(anchor)\"\(cls.isEmpty ? "" : " class=\"\(cls)\"")\(transform)>\(HTMLText.escape(s))</text>\n"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
        output +=
            "<line x1=\"\(SVGWriter.n(x1))\" y1=\"\(SVGWriter.n(y1))\" x2=\"\(SVGWriter.n(x2))\" y2=\"\(SVGWriter.n(y2))\" class=\"\(cls)\"/>\n"
    }

    /// A rectangle with a tooltip (`<title>`) that says what it stands for.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, title: String, data: String = ""
    ) {
        output +=
            "<rect x=\"\(SVGWriter.n(x))\" y=\"\(SVGWriter.n(y))\" width=\"\(SVGWriter.n(max(0, width)))\" height=\"\(SVGWriter.n(max(0, height)))\" fill=\"\(fill)\" class=\"mark\"\(data)><title>\(HTMLText.escape(title))</title></rect>\n"
    }

    mutating func circle(x: Double, y: Double, fill: String, title: String) {
        output +=
            "<circle cx=\"\(SVGWriter.n(x))\" cy=\"\(SVGWriter.n(y))\" r=\"3.5\" fill=\"\(fill)\" class=\"mark\"><title>\(HTMLText.escape(title))</title></circle>\n"
    }

    static func clipped(_ s: String, to count: Int) -> String {
        s.count > count ? String(s.prefix(count - 1)) + "…" : s
    }
}
