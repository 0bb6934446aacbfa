import Foundation

/// A checked set of extractors to run, with their requirements resolved and ordered.
///
/// Building a plan is where composition errors surface, before any document is touched:
/// unknown names (`E201`), requirements no registered extractor satisfies (`E202`), cycles
/// (`E203`), an extractor asked for twice (`E204`) and unknown options (`E205`).
public struct ExtractionPlan: Sendable {
    /// One extractor asked for, with the options the user gave it.
    public struct Step: Sendable, Hashable {
        public var name: String
        public var options: [String: Value]
        public init(_ name: String, options: [String: Value] = [:]) {
            self.name = name
            self.options = options
        }
    }

    /// What the user asked for, in order.
    public let steps: [Step]
    /// Every extractor that will run, requirements first (a topological order).
    public let order: [String]
    let extractors: [String: any Extractor]

    public init(_ steps: [Step], registry: ExtractorRegistry, allowRepeats: Bool = false) throws {
        var seen = Set<String>()
        var resolved: [String: any Extractor] = [:]
        for step in steps {
            if !allowRepeats, !seen.insert(step.name).inserted {
                throw AssayError(.duplicateInPipeline, "extractor '\(step.name)' is listed twice")
            }
            let e = try registry.require(step.name)
            let known = Set(e.descriptor.options.map(\.name))
            for key in step.options.keys.sorted() where !known.contains(key) {
                let list =
                    known.isEmpty ? "it takes no options" : "its options: \(known.sorted().joined(separator: ", "))"
                throw AssayError(.unknownOption, "extractor '\(step.name)' has no option '\(key)' (\(list))")
            }
            resolved[step.name] = e
        }
        // Depth-first topological sort over requirements, reporting the path of any cycle.
        var order: [String] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ name: String, path: [String]) throws {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = (path.drop { $0 != name } + [name]).joined(separator: " -> ")
                throw AssayError(.dependencyCycle, "extractors require each other in a cycle: \(cycle)")
            }
            state[name] = 1
            let e: any Extractor
            if let known = resolved[name] {
                e = known
            } else if let found = registry.extractor(named: name) {
                e = found
            } else {
                let who = path.last ?? name
                throw AssayError(.missingRequirement, "extractor '\(who)' requires '\(name)', which is not registered")
            }
            resolved[name] = e
            for r in e.descriptor.requires { try visit(r, path: path + [name]) }
            state[name] = 2
            order.append(name)
        }
        for step in steps { try visit(step.name, path: []) }
        self.steps = steps
        self.order = order
        self.extractors = resolved
    }

    /// The extractor a name resolves to in this plan.
    public func extractor(_ name: String) -> any Extractor { extractors[name]! }

    /// Starts every extractor's ``Extractor/prepare()``, each on a thread of its own, and
    /// returns at once: a document that needs a model before it is loaded waits for it there.
    public func prepareInBackground() {
        for name in order {
            let extractor = extractors[name]!
            Thread.detachNewThread { extractor.prepare() }
        }
    }

    /// Runs the plan's steps over a whole document.
    /// - Returns: each step's annotations, keyed by extractor name.
    public func run(_ document: AnalyzedDocument) throws -> [String: [Annotation]] {
        let run = DocumentExtraction(document: document, plan: self)
        var out: [String: [Annotation]] = [:]
        for step in steps { out[step.name] = try run.annotations(of: step) }
        return out
    }
}
