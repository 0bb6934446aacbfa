extension DocumentLoader {
    /// A CSV or TSV file: a document per row (see ``TableDocuments``).
    func loadTable(_ path: String, into result: inout Result) {
        guard
            let text = readText(
                path, limit: max(TextDecoding.maximumTableFileBytes, options.maximumDocumentBytes), into: &result)
        else { return }
        let delimiter: Character = DocumentFormat(path: path) == .tsv ? "\t" : ","
        TableDocuments.load(text, delimiter: delimiter, path: path, textColumn: options.textColumn, into: &result)
    }
}
