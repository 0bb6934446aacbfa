import AssayCore

/// The single-word lists the number readers consult, one class each (see ``NumberVocabulary``).
enum NumberWordClass: Int, CaseIterable, Sendable {
    // Each list is documented where it is written; `numberStart` is ``NumberWords/starts``.
    case numberStart, webPrefix, countStop, irregularPlural, notPlural, gluedUnit, percentWord
    case dayPeriod, gluedDayPeriod, yearContext, yearPrefix, weekday, sentenceAdverb, modifierLastWord
    case spacedScaleSuffix, ordinalSuffix, spacedDollarPrefix, currencyAdjectivePart, clauseJoiner
    case signBlocker, indefiniteBlocker, metreContext, distanceDeterminer, scoreLead, scoreNoun
    case halfBlocker, ordinalDeterminer, oneDeterminer, timeSecondLead
}

/// Every single-word list of the numbers extractor, declared once in the shape of core
/// ``WordClasses`` (`VocabularyTests` builds them, so a word listed twice in a class or a phrase
/// fails a test).
///
/// The scanner asks about a handful of tokens around each candidate number, so it looks words
/// up one token at a time (``byToken``, the core ``Lexicon``'s packed single-word path) rather
/// than through per-type flags, which need the document's ``TokenTypes``: building those costs
/// more than the whole numbers scan.
enum NumberVocabulary {
    static let lists: [NumberWordClass: [String]] = [
        .numberStart: NumberWords.starts,
        .webPrefix: ["http", "https", "www", "ftp"],
        .countStop: CountWords.stop,
        .irregularPlural: CountWords.irregularPlurals,
        .notPlural: CountWords.notPlural,
        .gluedUnit: CountWords.gluedUnits,
        .percentWord: CountWords.percentWords,
        .dayPeriod: CalendarWords.dayPeriods,
        .gluedDayPeriod: CalendarWords.gluedDayPeriods,
        .yearContext: CalendarWords.yearContext,
        .yearPrefix: NumberScanner.yearPrefixes,
        .weekday: NumberScanner.weekdays,
        .sentenceAdverb: NumberScanner.sentenceAdverbs,
        .modifierLastWord: ModifierWords.lastWords,
        .spacedScaleSuffix: NumberWords.spacedScaleSuffixes,
        .ordinalSuffix: NumberWords.ordinalSuffixes,
        .spacedDollarPrefix: CurrencyTable.spacedDollarPrefixes,
        .currencyAdjectivePart: CurrencyTable.adjectiveParts,
        .clauseJoiner: NumberScanner.clauseJoiners,
        .signBlocker: NumberScanner.signBlockers,
        .indefiniteBlocker: NumberScanner.indefiniteBlockers,
        .metreContext: NumberScanner.metreContext,
        .distanceDeterminer: NumberScanner.distanceDeterminers,
        .scoreLead: NumberScanner.scoreLeads,
        .scoreNoun: NumberScanner.scoreNouns,
        .halfBlocker: NumberScanner.halfBlockers,
        .ordinalDeterminer: NumberScanner.ordinalDeterminers,
        .oneDeterminer: NumberScanner.determiners,
        .timeSecondLead: NumberScanner.timeSecondLeads
    ]

    /// Each listed word with the set of classes listing it (bit `rawValue` per class), asked
    /// by token.
    static let byToken: Lexicon<UInt64> = {
        var bits: [String: UInt64] = [:]
        for (wordClass, words) in lists {
            for word in words { bits[word.lowercased(), default: 0] |= 1 << UInt64(wordClass.rawValue) }
        }
        return Lexicon(bits.map { ($0.key, $0.value) })
    }()
}
