/// Parses the arguments of an ``ExtractorTool``: `--name value` options and positionals.
public struct ToolArguments: Sendable {
    public private(set) var options: [String: String] = [:]
    public private(set) var positionals: [String] = []

    /// - Parameter known: the option names the tool accepts (without `--`).
    public init(_ arguments: [String], known: Set<String>) throws {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a.hasPrefix("--") {
                var name = String(a.dropFirst(2))
                var value: String?
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                guard known.contains(name) else {
                    throw AssayError(
                        .invalidArgument,
                        "unknown option '--\(name)' (expected one of: \(known.sorted().map { "--" + $0 }.joined(separator: ", ")))"
                    )
                }
                if value == nil {
                    guard i + 1 < arguments.count else {
                        throw AssayError(.invalidArgument, "option '--\(name)' needs a value")
                    }
                    i += 1
                    value = arguments[i]
                }
                options[name] = value
            } else {
                positionals.append(a)
            }
            i += 1
        }
    }

    /// A required option's value.
    public func required(_ name: String) throws -> String {
        guard let v = options[name] else { throw AssayError(.invalidArgument, "missing required option '--\(name)'") }
        return v
    }
}
