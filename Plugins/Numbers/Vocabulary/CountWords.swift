import AssayCore

/// Words that help decide what an amount counts (`13 countries`, `four hours`): words that can
/// never be the counted thing, plurals that do not end in `s`, and units of measure.
enum CountWords {
    /// Function words, verbs and adverbs that often follow a number but are not what it counts.
    static let stop: [String] = [
        "of", "in", "on", "at", "to", "for", "with", "by", "from", "than", "as", "and", "or", "but", "nor", "the",
        "a", "an", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "being", "has",
        "have",
        "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "do", "does", "did",
        "not", "no", "who", "which", "whom", "whose", "what", "when", "where", "while", "why", "how", "if", "then",
        "so", "also", "too", "very", "more", "most", "less", "least", "fewer", "about", "over", "under", "into",
        "onto", "up", "down", "out", "off", "per", "each", "every", "all", "both", "either", "neither", "other",
        "another", "such", "own", "same", "it", "its", "they", "them", "their", "he", "him", "his", "she", "her",
        "we", "us", "our", "you", "your", "i", "me", "my", "there", "here", "now", "ago", "later", "earlier",
        "before", "after", "since", "until", "till", "during", "against", "among", "between", "through", "across",
        "behind", "beyond", "within", "without", "via", "amid", "including", "according", "said", "says", "say",
        "percent", "cent", "plus", "minus", "only", "just", "still", "even", "yet",
        "again", "already", "alone", "together", "apiece", "respectively", "total", "overall", "altogether",
        "last", "next", "previous", "first", "second", "third", "became", "become", "remain", "remained",
        "killed", "died", "injured", "wounded", "arrested", "left", "took", "take", "made", "make", "got", "get",
        "went", "go", "came", "come", "saw", "see", "gave", "give", "rose", "fell", "rise", "fall", "grew", "won",
        "lost", "signed", "held", "voted", "worth", "old", "aged", "long", "high", "wide", "deep", "tall", "away"
    ]

    /// Counted nouns whose plural does not end in `s`.
    static let irregularPlurals: [String] = [
        "people", "children", "men", "women", "police", "staff", "personnel", "feet", "teeth", "mice", "geese",
        "cattle", "sheep", "fish", "deer", "livestock", "data", "media", "criteria", "phenomena", "offspring",
        "aircraft", "spacecraft", "troops", "crew", "persons", "folk", "youth", "clergy", "faculty", "military",
        "infantry", "militia", "soldiers", "civilians", "employees"
    ]

    /// Words that are not counted nouns even though they end in `s`.
    static let notPlural: [String] = [
        "is", "was", "has", "does", "its", "this", "thus", "us", "as", "his", "yes", "plus", "minus", "always",
        "perhaps", "nevertheless", "unless", "whereas", "across", "less", "towards", "afterwards", "besides",
        "sometimes", "news", "series", "species", "means", "status", "bus", "gas", "bonus", "census", "chaos",
        "crisis", "basis", "analysis", "thesis", "virus", "campus", "focus", "consensus", "process", "progress",
        "access", "success", "business", "address", "congress", "class", "glass", "mass", "press", "loss", "boss",
        "miss", "kiss", "stress", "alias", "atlas", "canvas", "axis", "tennis", "lens", "billions", "millions",
        "thousands", "hundreds", "dozens", "tens", "percents", "says", "goes", "seems", "makes", "takes", "gives",
        "comes", "becomes", "remains", "includes", "involves", "marks", "sees", "shows", "lies", "rises",
        "falls", "grows", "expects", "plans", "wants", "needs", "hopes", "aims", "seeks", "gets", "lets", "puts"
    ]

    /// Units of measure glued to digits (`10km`, `5kg`, `100mph`): the amount counts the unit.
    static let gluedUnits: [String] = [
        "km", "kms", "kg", "kgs", "g", "mg", "mm", "cm", "ml", "l", "ft", "in", "lb", "lbs", "oz", "mph", "kph",
        "sq", "ha", "kw", "mw", "gw", "kwh", "mwh", "gwh", "twh", "gb", "mb", "tb", "kb", "hz", "khz", "mhz",
        "ghz", "v", "kv", "t", "bpd", "mt", "mtpa", "bcm", "sqm", "yrs", "yr", "min", "mins", "sec", "secs", "hr",
        "ms", "bp", "bps", "c", "f"
    ]

    /// Words after an amount that make it a percentage (`per cent` is handled as a pair).
    static let percentWords: [String] = [
        "percent", "percents", "pct", "pc",
        "per-cent"
    ]
}
