import AssayCore

/// The help text of every command, with an example that the end-to-end tests run over `seeds/`
/// (so the documentation cannot drift from the program).
public enum HelpCatalog {
    public struct Entry: Sendable {
        public var name: String
        public var usage: String
        public var summary: String
        public var example: String
        public var group: String
    }

    public static let entries: [Entry] = [
        Entry(
            name: "load", usage: "load PATH ... [text=COLUMN]",
            summary:
                "Load documents: files, folders (recursively), glob patterns, JSON Lines files of {\"id\",\"text\",...fields} (.jsonl), CSV/TSV files (a document per row, text from the text/body/content column or text=COLUMN, other columns as fields) and web pages (.html, .htm, .html.gz: the article only).",
            example: "load Examples/corpus/outlets.csv text=headline", group: "Documents"),
        Entry(
            name: "docs", usage: "docs [ID-PATTERN ...] [| STAGE ...]",
            summary: "List loaded documents, or use them as rows of a pipeline (ids accept * and ?).",
            example: "docs 00* | select doc, sentences", group: "Documents"),
        Entry(
            name: "show", usage: "show ID [sentence N] [with EXTRACTOR,...]",
            summary:
                "Show a document (or one sentence of it) with annotations marked inline: colour on a terminal, [brackets|label] otherwise.",
            example: "show 000_b4be6983a25e9e06 sentence 2", group: "Documents"),
        Entry(
            name: "view", usage: "view ID|RESULT [with EXTRACTOR,...] | save view ID|RESULT [with ...] FILE.html",
            summary:
                "An annotated page of a document (entities, quotes with speaker and kind, numbers with their value, sentence sentiment; a legend to toggle them; every field on hover or focus), or of every document a result touches with each row marked. Opened in the browser on a desktop, else its path is printed ('.open off' to always print).",
            example: "view 000_b4be6983a25e9e06 with entities, numbers", group: "Documents"),
        Entry(
            name: "drop", usage: "drop ID-PATTERN ... | drop all | drop result NAME",
            summary: "Remove documents (or a named result) from the session.", example: "let T = docs; drop result T",
            group: "Documents"),
        Entry(
            name: "extractors", usage: "extractors", summary: "List registered extractors.", example: "extractors",
            group: "Extractors"),
        Entry(
            name: "describe", usage: "describe EXTRACTOR",
            summary: "Describe an extractor: summary, fields, options and requirements.", example: "describe hashtags",
            group: "Extractors"),
        Entry(
            name: "define",
            usage: "define NAME = pattern /REGEX/[i] | define NAME = words [case] \"a\", \"b\" ... | words @FILE",
            summary:
                "Define an extractor from a regular expression or a word list; it is listed, described and composable like any other.",
            example: "define hashtags = pattern /#\\w+/", group: "Extractors"),
        Entry(
            name: "undefine", usage: "undefine NAME", summary: "Remove an extractor made with define.",
            example: "define tmp = words \"Moscow\"; undefine tmp", group: "Extractors"),
        Entry(
            name: "plugin", usage: "plugin load PATH",
            summary: "Load a runtime extractor plugin (a shared library built against this AssayCore).",
            example: "plugins", group: "Extractors"),
        Entry(
            name: "plugins", usage: "plugins",
            summary: "List loaded runtime plugins and the extractors they registered.", example: "plugins",
            group: "Extractors"),
        Entry(
            name: "pipeline", usage: "SOURCE | STAGE | ...",
            summary:
                "Run extractors and shape their results. SOURCE is an extractor (over all documents), 'docs [IDS]' or a named result. A later extractor runs inside each row of the one before: 'quotes | sentiment' scores each quote, 'entities | sentiment toward=true' the tone toward each entity (not its sentence's).",
            example: "hashtags | count", group: "Queries"),
        Entry(
            name: "where", usage: "... | where FIELD OP VALUE [and|or ...]",
            summary:
                "Keep rows that match: ==, !=, <, <=, >, >=, contains, matches /REGEX/; combine with and, or, not and parentheses.",
            example: "docs | where sentences > 10 and doc matches /^00[0-2]/", group: "Queries"),
        Entry(
            name: "sort", usage: "... | sort FIELD [desc] [, FIELD ...]",
            summary: "Order rows by fields (numbers numerically).", example: "docs | sort sentences desc",
            group: "Queries"),
        Entry(
            name: "limit", usage: "... | limit N", summary: "Keep the first N rows.", example: "docs | limit 2",
            group: "Queries"),
        Entry(
            name: "count", usage: "... | count [by FIELD[, FIELD]] [min N]",
            summary: "Count rows, or rows per value (most frequent first; 'min N' drops rarer values).",
            example: "docs | count by paragraphs", group: "Queries"),
        Entry(
            name: "select", usage: "... | select FIELD, ...", summary: "Keep only these fields, in this order.",
            example: "docs | select doc, chars", group: "Queries"),
        Entry(
            name: "group", usage: "... | group by FIELD",
            summary: "One row per value, with the documents and the texts of its rows nested under it.",
            example: "docs | group by paragraphs", group: "Queries"),
        Entry(
            name: "stats", usage: "... | stats FIELD [by FIELD, ...]",
            summary: "Count, mean, minimum and maximum of a numeric field, overall or per value.",
            example: "docs | stats sentences", group: "Queries"),
        Entry(
            name: "union", usage: "... | union|intersect|except NAME",
            summary: "Combine rows with a named result (same document, span and extractor count as the same row).",
            example: "let A = docs 000*; docs 001* | union A", group: "Queries"),
        Entry(
            name: "kwic", usage: "kwic \"WORDS\" | kwic /REGEX/ | kwic PIPELINE",
            summary:
                "Keyword in context: each match with its left and right context and document, aligned; the match highlighted on a terminal. '.context N words' sets the width; a final 'select' picks the fields that end each line instead of the document id.",
            example: "kwic quotes | select doc.title, speaker", group: "Queries"),
        Entry(
            name: "let", usage: "let NAME = PIPELINE",
            summary:
                "Run a pipeline and keep its result under a name; 'last' always holds the latest result. Use NAME as a pipeline source.",
            example: "let D = docs | where sentences > 5; D | count", group: "Results"),
        Entry(
            name: "results", usage: "results", summary: "List named results and their sizes.", example: "results",
            group: "Results"),
        Entry(
            name: "save", usage: "save [NAME] FILE",
            summary:
                "Save a result (default: the last) to FILE, in the format its extension names (.csv .tsv .json .jsonl .md), written atomically.",
            example: "docs; save /tmp/assay-help-example.csv", group: "Results"),
        Entry(
            name: "chart",
            usage: "chart [RESULT] [FIELD] | ... | chart [FIELD] | save chart RESULT [FIELD] FILE.svg|FILE.html",
            summary:
                "Draw a result: bars for 'count by' and 'stats' (grouped for two fields), a line over time when the key is a date (2025-05, 2025-W19, 2025-05-08), a histogram of a numeric FIELD of rows. Self-contained SVG with labelled axes and a text alternative.",
            example: "docs | count by paragraphs | chart", group: "Results"),
        Entry(
            name: "report", usage: "save report FILE.html",
            summary:
                "One self-contained page of every named result: its pipeline, chart and sortable table (first 1,000 rows), with links into views of its documents.",
            example: "let P = docs | select doc, paragraphs; save report /tmp/assay-help-report.html", group: "Results"),
        Entry(
            name: "explain", usage: "explain PIPELINE",
            summary: "Show which extractors a pipeline will run, and in what order, without running it.",
            example: "explain hashtags | count", group: "Results"),
        Entry(
            name: "help", usage: "help [COMMAND|EXTRACTOR|.SETTING]",
            summary: "Help on a command, an extractor or a setting.", example: "help where", group: "Session"),
        Entry(
            name: "quit", usage: "quit | exit | Ctrl-D", summary: "Leave the REPL (history is saved).", example: "",
            group: "Session"),
        Entry(
            name: ".mode", usage: ".mode table|csv|tsv|json|jsonl|markdown|kwic",
            summary: "Choose the output format (table by default).", example: ".mode csv", group: "Settings"),
        Entry(
            name: ".headers", usage: ".headers on|off",
            summary: "Print column headers in table, csv, tsv and markdown output.", example: ".headers off",
            group: "Settings"),
        Entry(
            name: ".output", usage: ".output [FILE|stdout]",
            summary: "Send output to FILE for the rest of the session (or back to stdout).", example: ".output stdout",
            group: "Settings"),
        Entry(
            name: ".once", usage: ".once FILE", summary: "Send the next result only to FILE (written atomically).",
            example: ".once /tmp/assay-help-once.txt", group: "Settings"),
        Entry(
            name: ".read", usage: ".read FILE",
            summary: "Run the commands in a script file (paths relative to the calling script).", example: "",
            group: "Settings"),
        Entry(
            name: ".echo", usage: ".echo on|off", summary: "Print each command before its output.",
            example: ".echo off", group: "Settings"),
        Entry(
            name: ".bail", usage: ".bail on|off",
            summary: "Stop a script at the first error (on by default in scripts).", example: ".bail on",
            group: "Settings"),
        Entry(
            name: ".timer", usage: ".timer on|off", summary: "Print how long each command took (to stderr).",
            example: ".timer off", group: "Settings"),
        Entry(
            name: ".width", usage: ".width N", summary: "Widest table cell before it is cut with … (0: no limit).",
            example: ".width 80", group: "Settings"),
        Entry(
            name: ".nullvalue", usage: ".nullvalue [TEXT]",
            summary:
                "Show missing and null values as TEXT in table, markdown, csv and tsv output (empty by default; json keeps null).",
            example: ".nullvalue (none)", group: "Settings"),
        Entry(
            name: ".context", usage: ".context N [chars|words]", summary: "Context shown on each side in kwic mode.",
            example: ".context 5 words", group: "Settings"),
        Entry(
            name: ".color", usage: ".color on|off|auto", summary: "Colour in output (auto: only on a terminal).",
            example: ".color auto", group: "Settings"),
        Entry(
            name: ".bars", usage: ".bars on|off",
            summary:
                "A bar column of Unicode blocks in 'count by' and 'stats' tables (on by default on a terminal, off in scripts).",
            example: ".bars on; docs | count by paragraphs", group: "Settings"),
        Entry(
            name: ".open", usage: ".open on|off",
            summary:
                "Open 'view' and 'chart' pages in the browser with xdg-open (on by default at the prompt; without a display the path is printed).",
            example: ".open off", group: "Settings"),
        Entry(
            name: ".link", usage: ".link corpus|document",
            summary:
                "Corpus-level names (on by default): entities rows get 'name' (\"Donald Trump\" for \"Donald J. Trump\", \"Mr. Trump\" and a lone \"Trump\" the document's company points to) and 'entity_id', quotes' 'speaker' is the speaker's corpus name (with 'speaker_id'), entity-sentiment rows get 'name' and 'entity_id'; recomputed from names alone when documents are loaded or dropped. 'document' keeps each document's own names.",
            example: ".link corpus; entities | where label == \"PERSON\" | count by name", group: "Settings"),
        Entry(name: ".show", usage: ".show", summary: "Show the current settings.", example: ".show", group: "Settings")
    ]

    public static func entry(_ name: String) -> Entry? {
        let n = name.lowercased()
        return entries.first { $0.name == n } ?? (n == "intersect" || n == "except" ? entry("union") : nil)
            ?? (n == "exit" ? entry("quit") : nil)
    }

    /// The overview printed by a bare `help`.
    public static func overview(extractors: [ExtractorDescriptor]) -> String {
        var out = "Assay: pull quotes, numbers, entities and sentiment out of news text.\n"
        var group = ""
        for e in entries {
            if e.group != group {
                group = e.group
                out += "\n\(group):\n"
            }
            let usage =
                e.usage.count > 44 ? e.usage + "\n" + String(repeating: " ", count: 46) : e.usage.padded(to: 44) + " "
            out += "  " + usage + firstSentence(e.summary) + "\n"
        }
        out += "\nRegistered extractors ('describe NAME' for fields and options):\n"
        for d in extractors { out += "  " + d.name.padded(to: 16) + " " + d.summary + "\n" }
        out += "\nExample: entities | where label == \"PERSON\" | count by name\n"
        out += "'help NAME' for a command, setting or extractor.\n"
        return out
    }

    public static func text(for e: Entry) -> String {
        var out = "\(e.usage)\n\n\(e.summary)\n"
        if !e.example.isEmpty { out += "\nExample:\n  \(e.example)\n" }
        return out
    }

    /// Help generated from an extractor's descriptor.
    public static func text(for d: ExtractorDescriptor) -> String {
        var out = "\(d.name) \(d.version): \(d.summary)\n"
        if !d.discussion.isEmpty { out += "\n\(d.discussion)\n" }
        out += "\nFields:\n"
        for f in ExtractorDescriptor.commonFields + d.fields {
            out += "  " + f.name.padded(to: 16) + " " + f.kind.rawValue.padded(to: 7) + " " + f.summary + "\n"
        }
        if !d.options.isEmpty {
            out += "\nOptions (NAME key=value):\n"
            for o in d.options {
                out +=
                    "  " + o.name.padded(to: 16) + " "
                    + "default \(o.defaultValue.isNull ? "none" : o.defaultValue.text)".padded(to: 16) + " " + o.summary
                    + "\n"
            }
        }
        out += "\nRequires: " + (d.requires.isEmpty ? "nothing" : d.requires.joined(separator: ", ")) + "\n"
        out += "\nExample:\n  \(d.name) | limit 5\n"
        return out
    }

    private static func firstSentence(_ s: String) -> String {
        if let r = s.range(of: ". ") { return String(s[..<r.lowerBound]) + "." }
        return s
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
