import ArgumentParser
import AssayCore

/// How the commands that read documents read them (the REPL's paths, `extract`, `docs`).
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("text-column"), help: ArgumentHelp(
        "The column holding the text in CSV/TSV files (default: the first of text, body, content).",
        valueName: "COLUMN"))
    var textColumn: String?

    var loadOptions: LoadOptions { LoadOptions(textColumn: textColumn) }
}
