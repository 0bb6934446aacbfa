import ArgumentParser
import AssayCore

/// How the commands that read documents read them (the REPL's paths, `extract`, `docs`).
struct InputOptions: ParsableArguments {
    @Option(
        name: .customLong("text-column"),
        help: ArgumentHelp(
            "The column holding the text in CSV/TSV files (default: the first of text, body, content).",
            valueName: "COLUMN"))
    var textColumn: String?

    @Option(
        name: .customLong("max-document-mb"),
        help: ArgumentHelp(
            "Refuse documents (a file, a JSON line, a page) larger than this many MiB with E306 and go on (default 64).",
            valueName: "MB"))
    var maximumDocumentMB = LoadOptions.defaultMaximumDocumentBytes >> 20

    func validate() throws {
        guard maximumDocumentMB > 0, maximumDocumentMB <= 1 << 20 else {
            throw ValidationError("--max-document-mb must be between 1 and 1048576")
        }
    }

    var loadOptions: LoadOptions { LoadOptions(textColumn: textColumn, maximumDocumentBytes: maximumDocumentMB << 20) }
}
