/// The legend of a view: one group per extractor with a toggle for it and for each label, each
/// with its colour swatch and count. It also names the CSS classes the marks carry.
struct Legend {
    private(set) var keys: [LegendKey] = []
    private(set) var counts: [LegendKey: Int] = [:]
    private var extractors: [String] = []

    init(marks: [MarkedSpan]) {
        for m in marks {
            if counts[m.key] == nil {
                keys.append(m.key)
                if !extractors.contains(m.key.extractor) { extractors.append(m.key.extractor) }
            }
            counts[m.key, default: 0] += 1
        }
        let order = ["entities", "quotes", "numbers", "sentiment"]
        extractors.sort { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        keys.sort { a, b in
            let x = extractors.firstIndex(of: a.extractor)!, y = extractors.firstIndex(of: b.extractor)!
            return x != y ? x < y : counts[a]! > counts[b]! || (counts[a]! == counts[b]! && a.label < b.label)
        }
    }

    var keyClass: [LegendKey: String] {
        Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, "k\($0)") })
    }
    var extractorClass: [String: String] {
        Dictionary(uniqueKeysWithValues: extractors.enumerated().map { ($1, "e\($0)") })
    }

    /// Colours per key and the rules that switch a key or an extractor off.
    var css: String {
        var out = ""
        var paletteIndex = 0
        for (i, k) in keys.enumerated() {
            let colour: String
            if let c = PageStyle.fixed[k.label] {
                colour = c
            } else {
                colour = PageStyle.palette[paletteIndex % PageStyle.palette.count]
                paletteIndex += 1
            }
            out += ".k\(i) { --c: \(colour); }\n"
        }
        let off = "{ background: none; border-bottom-color: transparent; box-shadow: none; }"
        let badgeOff = "{ content: none; }"
        for i in keys.indices { out += ".hide-k\(i) .k\(i) \(off) .hide-k\(i) .k\(i)::after \(badgeOff)\n" }
        for i in extractors.indices { out += ".hide-e\(i) .e\(i) \(off) .hide-e\(i) .e\(i)::after \(badgeOff)\n" }
        return out
    }

    var html: String {
        var out = "<form class=\"legend\" aria-label=\"Legend: show or hide marks\">\n"
        let kc = keyClass, ec = extractorClass
        for e in extractors {
            let total = keys.filter { $0.extractor == e }.reduce(0) { $0 + counts[$1]! }
            out +=
                "<fieldset><legend><label><input type=\"checkbox\" checked=\"checked\" data-toggle=\"\(ec[e]!)\"/> \(HTMLText.escape(e)) (\(total))</label></legend>"
            for k in keys where k.extractor == e {
                out +=
                    " <label><input type=\"checkbox\" checked=\"checked\" data-toggle=\"\(kc[k]!)\"/><span class=\"swatch \(kc[k]!)\"></span>\(HTMLText.escape(k.label)) \(counts[k]!)</label>"
            }
            out += "</fieldset>\n"
        }
        return out + "</form>"
    }
}
