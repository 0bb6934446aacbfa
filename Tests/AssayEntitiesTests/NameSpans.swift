import AssayCore

/// The byte spans of `names` in `text`, each found after the one before (as a test gives the
/// entities of a text, in order).
func spans(of names: [String], inOrderIn text: String) -> [Span] {
    var from = text.startIndex
    return names.map { name in
        let r = text.range(of: name, range: from..<text.endIndex)!
        from = r.upperBound
        let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return Span(start, start + name.utf8.count)
    }
}
