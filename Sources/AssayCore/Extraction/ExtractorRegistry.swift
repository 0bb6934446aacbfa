import Synchronization

/// The extractors (and their evaluation and training tools) known to a session.
///
/// There is no global registry: the app creates one, hands it to the built-in plugins and to
/// every runtime plugin through the same ``register(_:)`` call, and tests make their own.
public final class ExtractorRegistry: Sendable {
    private struct State {
        var extractors: [String: any Extractor] = [:]
        var order: [String] = []
        var tools: [ToolKey: ExtractorTool] = [:]
    }
    private struct ToolKey: Hashable {
        var kind: ExtractorTool.Kind
        var name: String
    }
    private let state = Mutex(State())

    public init() {}

    /// Registers an extractor under its descriptor's name.
    /// - Throws: ``AssayError`` `E101` if the name is taken, `E102` if it is not a valid name.
    public func register(_ extractor: any Extractor) throws {
        let name = extractor.descriptor.name
        guard ExtractorRegistry.isValidName(name) else {
            throw AssayError(
                .invalidExtractorName,
                "invalid extractor name '\(name)': use lowercase letters, digits, '-' or '_', starting with a letter")
        }
        try state.withLock { s in
            if s.extractors[name] != nil {
                throw AssayError(.duplicateExtractor, "an extractor named '\(name)' is already registered")
            }
            s.extractors[name] = extractor
            s.order.append(name)
        }
    }

    /// Registers an extractor, replacing one of the same name (used by `define` in the REPL).
    public func replace(_ extractor: any Extractor) throws {
        unregister(extractor.descriptor.name)
        try register(extractor)
    }

    public func unregister(_ name: String) {
        state.withLock { s in
            s.extractors[name] = nil
            s.order.removeAll { $0 == name }
        }
    }

    public func extractor(named name: String) -> (any Extractor)? {
        state.withLock { $0.extractors[name] }
    }

    /// Registered names, in registration order.
    public var names: [String] { state.withLock { $0.order } }

    public var descriptors: [ExtractorDescriptor] {
        state.withLock { s in s.order.compactMap { s.extractors[$0]?.descriptor } }
    }

    /// Looks an extractor up, or throws `E201` with the closest names as suggestions.
    public func require(_ name: String) throws -> any Extractor {
        if let e = extractor(named: name) { return e }
        let hint = Suggestions.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw AssayError(.unknownExtractor, "unknown extractor '\(name)'\(hint)")
    }

    // MARK: - Tools

    /// Registers an evaluation or training command for an extractor (`assay eval NAME FILE`).
    public func register(tool: ExtractorTool) throws {
        try state.withLock { s in
            let key = ToolKey(kind: tool.kind, name: tool.name)
            if s.tools[key] != nil {
                throw AssayError(
                    .duplicateExtractor, "a \(tool.kind.rawValue) tool named '\(tool.name)' is already registered")
            }
            s.tools[key] = tool
        }
    }

    public func tool(_ kind: ExtractorTool.Kind, named name: String) -> ExtractorTool? {
        state.withLock { $0.tools[ToolKey(kind: kind, name: name)] }
    }

    public func tools(_ kind: ExtractorTool.Kind) -> [ExtractorTool] {
        state.withLock { s in s.tools.values.filter { $0.kind == kind }.sorted { $0.name < $1.name } }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}

/// A command-line tool an extractor plugin contributes: `assay eval NAME FILE` or
/// `assay train NAME --flag value ...`.
public struct ExtractorTool: Sendable {
    public enum Kind: String, Sendable { case evaluate = "eval", train }
    public var kind: Kind
    /// The extractor the tool is for.
    public var name: String
    public var summary: String
    /// Usage after `assay eval NAME` / `assay train NAME`, e.g. `FILE` or `--train FILE --out FILE`.
    public var usage: String
    /// Runs the tool with the remaining arguments, writing its report through `output`.
    public var run:
        @Sendable (_ arguments: [String], _ registry: ExtractorRegistry, _ output: @Sendable (String) -> Void) throws ->
            Void

    public init(
        kind: Kind, name: String, summary: String, usage: String,
        run: @escaping @Sendable ([String], ExtractorRegistry, @Sendable (String) -> Void) throws -> Void
    ) {
        self.kind = kind
        self.name = name
        self.summary = summary
        self.usage = usage
        self.run = run
    }
}

/// Something that registers extractors: each built-in plugin module has one, and so does every
/// runtime plugin (whose C entry point calls it).
public protocol AssayPlugin {
    static func register(into registry: ExtractorRegistry) throws
}
