import ArgumentParser
import AssayCore
import Foundation

/// `assay docs PATH ... [--format jsonl|csv]`: the documents exactly as Assay loaded them, for
/// exporting a cleaned corpus and for checking what a loader produced.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each document as Assay loads it: {\"id\", \"text\", \"fields\"}.",
        discussion: """
            Reads the inputs as 'load' and 'assay extract' do (files, folders, globs, .jsonl, \
            .csv/.tsv, web pages, or '-' for JSON Lines on standard input) and prints every \
            document in input order: the text analysed (a web page's article text, a CSV row's \
            text column) and its fields. jsonl writes {"id", "text", "fields"} per line as it \
            goes; csv writes id, text and one column per field name (in first-seen order), so it \
            holds the documents until the end. Errors go to stderr one line each and the exit \
            status is 1 if any input failed; the other documents are still printed.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

    @Option(help: "Output format: jsonl (one object per line) or csv (a header row, then one row per document).")
    var format: Format = .jsonl

    @Argument(
        help: ArgumentHelp(
            "Files, folders, globs, .jsonl, .csv/.tsv files, web pages, or - for JSON Lines on stdin.",
            valueName: "PATH"))
    var paths: [String]

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        var failed = false
        var out: [UInt8] = []
        var held: [Document] = []
        let format = format
        func report(_ e: AssayError) {
            failed = true
            StandardStreams.err("assay: \(e)\n")
        }
        for source in paths {
            let ok = BatchInput.read(
                source, options: inputOptions.loadOptions,
                { item in
                    let doc: Document
                    do {
                        guard let parsed = try item.document() else { return }
                        doc = parsed
                    } catch {
                        report(AssayError.wrapping(error, item.source))
                        return
                    }
                    switch format {
                    case .jsonl:
                        out += Docs.jsonLine(doc)
                        if out.count > 1 << 16 {
                            StandardStreams.outOrExitOnClosedPipe(out)
                            out.removeAll(keepingCapacity: true)
                        }
                    case .csv:
                        held.append(doc)
                    }
                }, onError: report)
            if !ok { failed = true }
        }
        if format == .csv { out = Array(Docs.csv(held).utf8) }
        StandardStreams.outOrExitOnClosedPipe(out)
        if failed { throw ExitCode(1) }
    }

    /// `{"id": ..., "text": ..., "fields": {...}}` and a line break.
    static func jsonLine(_ doc: Document) -> [UInt8] {
        var json = JSONWriter()
        json.raw("{\"id\": ")
        json.string(doc.id)
        json.raw(", \"text\": ")
        json.string(doc.text)
        json.raw(", \"fields\": ")
        json.object(doc.fields.pairs)
        json.raw("}\n")
        return json.bytes
    }

    /// A header of `id`, `text` and every field name in first-seen order, then a row per
    /// document; a field a document lacks is an empty cell, a list its items joined by ", ".
    static func csv(_ docs: [Document]) -> String {
        var names: [String] = []
        var seen = Set<String>()
        for doc in docs {
            for field in doc.fields where seen.insert(field.name).inserted { names.append(field.name) }
        }
        var out = DelimitedTextWriter.record(["id", "text"] + names)
        for doc in docs {
            out += DelimitedTextWriter.record([doc.id, doc.text] + names.map { doc.fields[$0]?.text ?? "" })
        }
        return out
    }
}
