import AssayCore

/// Currencies as news writes them, mapped to ISO 4217 codes: symbols (`$`, `€`), prefixed dollar
/// signs (`US$`, `C$`, `HK$`), codes (`USD`, written in capitals) and names (`yuan`, `tenge`,
/// `Canadian dollars`), including minor units (`cents`, `pence`) as a fraction of their major unit.
enum CurrencyTable {
    /// A currency name: its ISO code (nil when only an adjective decides, as for `dinars`), and
    /// how many of it make one unit of that code (100 for cents).
    struct Name: Sendable {
        var code: String?
        var minorPerMajor: Double = 1
        /// Ambiguous names (`pounds` of weight, `marks`, `won`) count as money only with a scale
        /// word, a currency adjective or a large amount.
        var ambiguous = false
    }

    /// Currency symbols written before (or after) an amount.
    static let symbols: [Unicode.Scalar: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN",
        "₱": "PHP", "₪": "ILS", "฿": "THB", "₫": "VND", "₴": "UAH", "₸": "KZT", "₲": "PYG", "₡": "CRC", "₵": "GHS",
        "₼": "AZN", "₾": "GEL", "₭": "LAK", "元": "CNY", "¢": "USD"
    ]

    /// Letters glued before `$` that name a dollar (or peso): `US$5m`, `C$`, `HK$`, `Mex$`.
    static let dollarPrefixes: Lexicon<String> = Lexicon(
        [
            "us": "USD", "u.s.": "USD", "c": "CAD", "ca": "CAD", "can": "CAD",
            "cad": "CAD", "a": "AUD", "au": "AUD", "aud": "AUD",
            "nz": "NZD", "hk": "HKD", "s": "SGD", "sg": "SGD", "nt": "TWD",
            "r": "BRL", "mex": "MXN", "mx": "MXN", "j": "JMD", "z": "ZWL",
            "tt": "TTD", "bds": "BBD", "ec": "XCD"
        ].map { ($0.key, $0.value) })

    /// Dollar prefixes that are not English words, so they stay a prefix even when a space
    /// separates them from the sign (`C $ 16.4 million`, `HK $ 3`); `A` and `S` do not (`a $5 fee`).
    static let spacedDollarPrefixes: [String] = [
        "us", "u.s.", "c", "cad", "aud",
        "nz", "hk", "sg", "nt", "mex"
    ]

    /// Words that finish a two-word currency adjective (`Hong Kong dollars`, `New Zealand`,
    /// `Sri Lankan rupees`, `South African rand`, `North Korean won`, `New Taiwan dollars`,
    /// `UAE`'s `Arab` dirhams), read like adjectives before a currency name.
    static let adjectiveParts = ["kong", "zealand", "lankan", "african", "korean", "taiwan", "arab"]

    /// Abbreviations written before an amount that are not ISO codes (`Rs 500`, `Rs. 500`).
    static let prefixWords: Lexicon<String> = Lexicon(
        [
            "rs": "INR", "rs.": "INR", "inr": "INR", "rmb": "CNY",
            "sfr": "CHF",
            "dhs": "AED", "sr": "SAR", "kes": "KES", "ksh": "KES", "tk": "BDT"
        ].map { ($0.key, $0.value) })

    /// ISO 4217 codes recognised when written in capitals next to an amount (`USD 5`, `170.5 Billion USD`, `115USD`).
    static let codes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CNY", "CNH", "INR", "RUB", "KZT", "CAD", "AUD", "NZD", "CHF", "HKD", "SGD", "TWD",
        "KRW", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "ZAR", "NGN", "KES", "EGP", "TRY", "SAR", "AED", "QAR", "KWD",
        "ILS", "IRR", "IQD", "PKR", "BDT", "LKR", "IDR", "MYR", "THB", "VND", "PHP", "SEK", "NOK", "DKK", "PLN", "CZK",
        "HUF", "RON", "BGN", "UAH", "BYN", "GEL", "AMD", "AZN", "UZS", "KGS", "TJS", "MNT", "ISK", "XOF", "XAF", "GHS",
        "ETB", "TZS", "UGX", "MAD", "DZD", "TND", "LYD", "JOD", "LBP", "SYP", "OMR", "BHD", "VES", "BOB", "UYU", "PYG",
        "CUP", "DOP", "JMD", "TTD", "XDR", "SDR"
    ]
    static let codeKeys: Lexicon<String> = Lexicon(codes.map { ($0.lowercased(), $0) })

    /// Currency names written after an amount, singular and plural.
    static let names: Lexicon<Name> = {
        var t: [String: Name] = [:]
        func add(_ words: [String], _ code: String?, minor: Double = 1, ambiguous: Bool = false) {
            for w in words { t[w] = Name(code: code, minorPerMajor: minor, ambiguous: ambiguous) }
        }
        add(["dollar", "dollars", "buck", "bucks"], "USD")
        add(["euro", "euros"], "EUR")
        add(["pound", "pounds"], "GBP", ambiguous: true)
        add(["sterling", "quid"], "GBP")
        add(["yen"], "JPY")
        add(["yuan", "renminbi"], "CNY")
        add(["rupee", "rupees"], "INR")
        add(["ruble", "rubles", "rouble", "roubles"], "RUB")
        add(["tenge"], "KZT")
        add(["franc", "francs"], "CHF")
        add(["peseta", "pesetas"], "ESP")
        add(["guilder", "guilders"], "NLG")
        add(["mark", "marks", "deutschmark", "deutschmarks", "d-mark", "d-marks"], "DEM", ambiguous: true)
        add(["lira", "liras", "lire"], "TRY")
        add(["won"], "KRW", ambiguous: true)
        add(["rand"], "ZAR")
        add(["reais", "real"], "BRL", ambiguous: true)
        add(["peso", "pesos"], "MXN")
        add(["dinar", "dinars"], nil)
        add(["rupiah"], "IDR")
        add(["ringgit"], "MYR")
        add(["baht"], "THB")
        add(["dong"], "VND")
        add(["naira"], "NGN")
        add(["shilling", "shillings"], "KES")
        add(["hryvnia", "hryvnias", "hryvnas"], "UAH")
        add(["zloty", "zlotys", "zlotych"], "PLN")
        add(["forint", "forints"], "HUF")
        add(["krona", "kronor"], "SEK")
        add(["krone", "kroner"], "NOK")
        add(["koruna", "korunas"], "CZK")
        add(["dirham", "dirhams"], "AED")
        add(["riyal", "riyals"], "SAR")
        add(["rial", "rials"], "IRR")
        add(["shekel", "shekels"], "ILS")
        add(["taka"], "BDT")
        add(["lari"], "GEL")
        add(["som", "sum"], nil, ambiguous: true)
        add(["manat", "manats"], "AZN")
        add(["dram", "drams"], "AMD")
        add(["leu", "lei"], "RON")
        add(["lev", "leva"], "BGN")
        add(["cedi", "cedis"], "GHS")
        add(["kwacha"], "ZMW")
        add(["bolivar", "bolivars"], "VES")
        add(["cent", "cents"], "USD", minor: 100)
        add(["penny", "pence"], "GBP", minor: 100)
        add(["kopeck", "kopecks", "kopek", "kopeks"], "RUB", minor: 100)
        add(["paise"], "INR", minor: 100)
        return Lexicon(t.map { ($0.key, $0.value) })
    }()

    /// Adjectives before a currency name that decide its code (`Canadian dollars`, `Turkish lira`),
    /// keyed by adjective and then by the name's usual code.
    static let adjectives: Lexicon<[String?: String]> = {
        var t: [String: [String?: String]] = [:]
        func add(_ adjective: String, _ pairs: [(String?, String)]) {
            var m: [String?: String] = [:]
            for (k, v) in pairs { m[k] = v }
            t[adjective] = m
        }
        add("us", [("USD", "USD")])
        add("u.s.", [("USD", "USD")])
        add("american", [("USD", "USD")])
        add("canadian", [("USD", "CAD")])
        add("australian", [("USD", "AUD")])
        add("singapore", [("USD", "SGD")])
        add("taiwan", [("USD", "TWD")])
        add("taiwanese", [("USD", "TWD")])
        add("jamaican", [("USD", "JMD")])
        add("zimbabwean", [("USD", "ZWL")])
        add("namibian", [("USD", "NAD")])
        add("fijian", [("USD", "FJD")])
        add("liberian", [("USD", "LRD")])
        add("barbados", [("USD", "BBD")])
        add("brunei", [("USD", "BND")])
        add("swiss", [("CHF", "CHF")])
        add("french", [("CHF", "FRF")])
        add("belgian", [("CHF", "BEF")])
        add("cfa", [("CHF", "XOF")])
        add("congolese", [("CHF", "CDF")])
        add("rwandan", [("CHF", "RWF")])
        add("guinean", [("CHF", "GNF")])
        add("burundian", [("CHF", "BIF")])
        add("dutch", [("NLG", "NLG")])
        add("spanish", [("ESP", "ESP")])
        add("turkish", [("TRY", "TRY")])
        add("italian", [("TRY", "ITL")])
        add("german", [("DEM", "DEM")])
        add("deutsche", [("DEM", "DEM")])
        add("finnish", [("DEM", "FIM")])
        add("mexican", [("MXN", "MXN")])
        add("philippine", [("MXN", "PHP")])
        add("argentine", [("MXN", "ARS")])
        add("argentinian", [("MXN", "ARS")])
        add("chilean", [("MXN", "CLP")])
        add("colombian", [("MXN", "COP")])
        add("cuban", [("MXN", "CUP")])
        add("uruguayan", [("MXN", "UYU")])
        add("dominican", [("MXN", "DOP")])
        add("indian", [("INR", "INR")])
        add("pakistani", [("INR", "PKR")])
        add("sri", [("INR", "LKR")])
        add("nepalese", [("INR", "NPR")])
        add("indonesian", [("INR", "IDR"), ("IDR", "IDR")])
        add("mauritian", [("INR", "MUR")])
        add("seychellois", [("INR", "SCR")])
        add("egyptian", [("GBP", "EGP")])
        add("lebanese", [("GBP", "LBP")])
        add("syrian", [("GBP", "SYP")])
        add("sudanese", [("GBP", "SDG")])
        add("british", [("GBP", "GBP")])
        add("kenyan", [("KES", "KES")])
        add("ugandan", [("KES", "UGX")])
        add("tanzanian", [("KES", "TZS")])
        add("somali", [("KES", "SOS")])
        add("swedish", [("SEK", "SEK")])
        add("icelandic", [("SEK", "ISK")])
        add("norwegian", [("NOK", "NOK")])
        add("danish", [("NOK", "DKK")])
        add("iraqi", [(nil, "IQD")])
        add("kuwaiti", [(nil, "KWD")])
        add("jordanian", [(nil, "JOD")])
        add("bahraini", [(nil, "BHD")])
        add("libyan", [(nil, "LYD")])
        add("tunisian", [(nil, "TND")])
        add("algerian", [(nil, "DZD")])
        add("serbian", [(nil, "RSD")])
        add("saudi", [("SAR", "SAR")])
        add("qatari", [("SAR", "QAR")])
        add("omani", [("IRR", "OMR")])
        add("iranian", [("IRR", "IRR")])
        add("yemeni", [("SAR", "YER")])
        add("emirati", [("AED", "AED")])
        add("moroccan", [("AED", "MAD")])
        add("uzbek", [(nil, "UZS")])
        add("kyrgyz", [(nil, "KGS")])
        add("russian", [("RUB", "RUB")])
        add("belarusian", [("RUB", "BYN")])
        add("chinese", [("CNY", "CNY")])
        add("japanese", [("JPY", "JPY")])
        add("korean", [("KRW", "KRW")])
        add("south", [("KRW", "KRW"), ("ZAR", "ZAR")])
        add("north", [("KRW", "KPW")])
        add("hong", [("USD", "HKD")])
        add("new", [("USD", "NZD"), ("ILS", "ILS")])
        add("brazilian", [("BRL", "BRL")])
        add("romanian", [("RON", "RON")])
        add("moldovan", [("RON", "MDL")])
        add("bulgarian", [("BGN", "BGN")])
        add("ukrainian", [("UAH", "UAH")])
        add("polish", [("PLN", "PLN")])
        add("hungarian", [("HUF", "HUF")])
        add("czech", [("CZK", "CZK")])
        add("thai", [("THB", "THB")])
        add("vietnamese", [("VND", "VND")])
        add("nigerian", [("NGN", "NGN")])
        add("ghanaian", [("GHS", "GHS")])
        add("zambian", [("ZMW", "ZMW")])
        add("malaysian", [("MYR", "MYR")])
        add("israeli", [("ILS", "ILS")])
        add("kazakh", [("KZT", "KZT")])
        add("kazakhstani", [("KZT", "KZT")])
        add("georgian", [("GEL", "GEL")])
        add("azerbaijani", [("AZN", "AZN")])
        add("turkmen", [("AZN", "TMT")])
        add("armenian", [("AMD", "AMD")])
        add("venezuelan", [("VES", "VES")])
        add("euro", [("USD", "EUR")])
        return Lexicon(t.map { ($0.key, $0.value) })
    }()
}
