import AssayCore

/// One label for every mention of a name in a document: where the tagger gave the same
/// spelling different labels ("Brandt won at Wimbledon" as a team, "Brandt said" as a person),
/// each mention takes the label its mentions support best together, by the tagger's own
/// scores summed over all of them.
///
/// Only mentions in lines of ordinary case take part: in all-caps and title-case lines a
/// spelling says less (an all-caps dateline "CHICAGO" is a place, the "CHICAGO" of a results
/// table a team).
enum LabelConsistency {
    /// Relabels `mentions` (in document order, spans of units of `units`, whose spellings are
    /// `spellings`) from the emission
    /// scores `lanes` the tags were decoded from, then applies ``DocumentNameRules`` (which may
    /// relabel a short name and add the mentions of names the tagger missed; the result stays
    /// in document order). `gazetteer` and `profiles`, the units' gazetteer matches and
    /// profiles, let those rules read titles, first names and word clusters; without them the
    /// rule that needs them is skipped.
    static func unify(
        _ mentions: inout [Mention], units: TaggingUnits, spellings: TokenSpellings, lanes: Viterbi.LaneEmissions,
        casing: DocumentCasing, gazetteer: [(categories: UInt16, position: UInt8)?] = [],
        profiles: TypedProfiles? = nil,
        utf8: [UInt8]
    ) {
        guard !mentions.isEmpty else { return }
        // Per mention: its first and last unit, and whether its line is of ordinary case.
        var unitRanges: [ClosedRange<Int>?] = []
        unitRanges.reserveCapacity(mentions.count)
        var u = 0, s = 0
        for m in mentions {
            while u < units.count && units.spans[u].start < m.span.start { u += 1 }
            var last = u
            while last + 1 < units.count && units.spans[last + 1].end <= m.span.end { last += 1 }
            while s < units.sentences.count && units.sentences[s].upperBound <= u { s += 1 }
            let ordinary =
                u < units.count && units.spans[u].start == m.span.start && units.spans[last].end == m.span.end
                && s < units.sentences.count && casing.lineCases[s] == .normal
            unitRanges.append(ordinary ? u...last : nil)
        }
        // Mentions by spelling: sorted by a hash of their bytes, then runs of equal bytes (no
        // dictionary of byte strings: this runs for every document).
        let hashes = mentions.map { FeatureHash.bytes(utf8[$0.span.start..<$0.span.end]) }
        let order = mentions.indices.filter { unitRanges[$0] != nil }.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
        var runStart = 0
        while runStart < order.count {
            var runEnd = runStart + 1
            let first = mentions[order[runStart]].span
            while runEnd < order.count, hashes[order[runEnd]] == hashes[order[runStart]],
                utf8[mentions[order[runEnd]].span.start..<mentions[order[runEnd]].span.end].elementsEqual(
                    utf8[first.start..<first.end])
            {
                runEnd += 1
            }
            let members = order[runStart..<runEnd]
            runStart = runEnd
            guard members.count > 1, members.contains(where: { mentions[$0].label != mentions[members.first!].label })
            else { continue }
            var best: (label: EntityLabel, score: Float)?
            for label in EntityLabel.allCases where members.contains(where: { mentions[$0].label == label }) {
                let total = members.reduce(Float(0)) { $0 + score(label, unitRanges[$1]!, lanes) }
                if best == nil || total > best!.score { best = (label, total) }
            }
            for k in members { mentions[k].label = best!.label }
        }
        DocumentNameRules.labelPartNames(
            &mentions, unitRanges: unitRanges, spelling: spellings.spellingOfSpan, spellingCount: spellings.count)
        if !gazetteer.isEmpty, let profiles {
            utf8.withUnsafeBufferPointer { b in
                DocumentNameRules.relabelUnintroducedPersons(
                    &mentions, unitRanges: unitRanges, spelling: spellings.spellingOfSpan,
                    spellingCount: spellings.count, gazetteer: gazetteer, units: units, b,
                    isKnownWord: { profiles[$0].cluster != 0 })
            }
        }
        utf8.withUnsafeBufferPointer { b in
            DocumentNameRules.addRepeatedNames(
                &mentions, unitRanges: unitRanges, units: units, spelling: spellings.spellingOfSpan,
                spellingCount: spellings.count, casing: casing, b)
        }
    }

    /// The emission score of the units `range` spelling one `label` name: `U` for one unit,
    /// else `B`, `I`..., `L` (the open lanes hold `B`, `U` per label, the continuing ones `I`, `L`).
    private static func score(_ label: EntityLabel, _ range: ClosedRange<Int>, _ lanes: Viterbi.LaneEmissions) -> Float
    {
        let l = 2 * label.tagIndex
        if range.count == 1 { return lanes.open[range.lowerBound][l + 1] }
        var total = lanes.open[range.lowerBound][l] + lanes.continue[range.upperBound][l + 1]
        for i in (range.lowerBound + 1)..<range.upperBound { total += lanes.continue[i][l] }
        return total
    }
}
