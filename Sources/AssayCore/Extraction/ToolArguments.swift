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

    /// A whole-number option's value, nil when it is not given; a value that is not a whole number
    /// in `range` is an `invalidArgument` error that names the option, the range and the value.
    public func integer(_ name: String, in range: PartialRangeFrom<Int>) throws -> Int? {
        try integer(name, in: range.lowerBound...Int.max)
    }

    /// A whole-number option's value within `range`, nil when it is not given.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = options[name] else { return nil }
        guard let n = Int(text), range.contains(n) else {
            let bounds =
                range.upperBound == Int.max
                ? "\(range.lowerBound) or more" : "in \(range.lowerBound)...\(range.upperBound)"
            throw AssayError(.invalidArgument, "--\(name) must be a whole number \(bounds), not '\(text)'")
        }
        return n
    }
}
