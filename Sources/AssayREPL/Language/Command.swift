import AssayCore

/// A parsed command of the REPL language.
///
/// Two layers, as in sqlite3 and psql: commands that start with `.` control the session
/// (`.mode csv`, `.output FILE`); everything else is data work: loading, defining, and
/// pipelines (`quotes | where speaker contains "Xi" | count by speaker`).
public enum Command: Sendable {
    case pipeline(Pipeline)
    case assign(name: String, Pipeline)
    case explain(Pipeline)
    /// `kwic PATTERN [| stages]` or `kwic PIPELINE`: keyword-in-context lines.
    case kwic(Pipeline)
    /// `load PATH ... [text=COLUMN]`.
    case load([String], LoadOptions)
    case listDocuments
    case showDocument(id: String, sentence: Int?, marks: [String])
    case dropDocuments([String])
    case listExtractors
    case describe(String)
    case define(name: String, PatternDefinition)
    case undefine(String)
    case save(result: String?, path: String)
    case listResults
    case dropResult(String)
    case pluginLoad(String)
    case listPlugins
    case help(String?)
    case quit
    case setting(name: String, arguments: [String])
    /// `view`, `chart`, `save view|chart|report`.
    case visual(VisualCommand)
}

/// What `define NAME = ...` builds: a regular expression or a word list.
public enum PatternDefinition: Sendable {
    case regex(String, flags: String)
    case words([String], caseSensitive: Bool)
    case wordFile(String, caseSensitive: Bool)
}

/// `SOURCE | STAGE | STAGE ...`
public struct Pipeline: Sendable {
    public enum Source: Sendable {
        /// `docs [ID-PATTERN ...]`: documents as rows.
        case documents([String])
        /// An extractor run over every document, or a named result (decided when it runs).
        case name(String, options: [String: Value], offset: Int)
        /// A word, phrase or /regex/ searched in every document (`kwic "new era"`).
        case search(pattern: String, ignoreCase: Bool)
    }
    public enum Stage: Sendable {
        case extract(name: String, options: [String: Value], offset: Int)
        case filter(Predicate)
        case sort([(field: String, descending: Bool)])
        case limit(Int)
        case count(by: [String], minimum: Int)
        case select([String])
        case group(by: String)
        case setOperation(SetOperation, name: String, offset: Int)
        case stats(field: String, by: [String])

        /// Whether the stage makes rows of another shape (new extractor rows, aggregates), so
        /// that an earlier `select` no longer describes them.
        var reshapesRows: Bool {
            switch self {
            case .extract, .count, .group, .stats, .setOperation: return true
            case .filter, .sort, .limit, .select: return false
            }
        }
    }
    public enum SetOperation: String, Sendable { case union, intersect, except }

    public var source: Source
    public var stages: [Stage]
    public var text: String
}

/// A `where` condition.
public indirect enum Predicate: Sendable {
    case and(Predicate, Predicate)
    case or(Predicate, Predicate)
    case not(Predicate)
    case compare(field: String, op: ComparisonOperator, value: Value)
    case matches(field: String, pattern: String, regex: RegexBox)
}

public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains
}

/// A compiled regular expression for `where FIELD matches /.../`, run with a budget (see
/// ``BoundedRegex``).
public struct RegexBox: Sendable {
    public let regex: BoundedRegex
    public let source: String
    public init(_ source: String, flags: String, position: Int) throws(CommandSyntaxError) {
        for f in flags where f != "i" {
            throw CommandSyntaxError(
                "unknown regular expression flag '\(f)' (only 'i' is supported)", at: position, code: .invalidRegex)
        }
        do {
            regex = try BoundedRegex(source, ignoreCase: flags.contains("i"))
        } catch {
            throw CommandSyntaxError(
                (error as? AssayError)?.message ?? "invalid regular expression /\(source)/", at: position,
                code: .invalidRegex)
        }
        self.source = source
    }
}
