/// Commands that draw: annotated HTML views, charts and the session report.
public enum VisualCommand: Sendable {
    /// `view ID|RESULT [with X,Y]` or `save view ID|RESULT [with X,Y] FILE.html`.
    case view(target: String, marks: [String], file: String?)
    /// `chart RESULT [FIELD]`, `... | chart [FIELD]`, `save chart RESULT [FIELD] FILE.svg|.html`.
    case chart(ChartSource, field: String?, file: String?)
    /// `save report FILE.html`: every named result with its table, chart and document views.
    case report(file: String)

    public enum ChartSource: Sendable {
        case result(String)
        case pipeline(Pipeline)
    }
}
