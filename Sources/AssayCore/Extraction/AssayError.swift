/// Every error Assay reports, each with a stable code that scripts and documentation can rely on.
///
/// Codes are grouped by area: `E1xx` registry, `E2xx` pipelines, `E3xx` input, `E4xx` the
/// command language, `E5xx` runtime plugins, `E6xx` output, `E7xx` extraction and models.
/// A code once published keeps its meaning.
public struct AssayError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) [\(code.rawValue)]" }

    public enum Code: String, Sendable, CaseIterable {
        case duplicateExtractor = "E101"
        case invalidExtractorName = "E102"
        case unknownExtractor = "E201"
        case missingRequirement = "E202"
        case dependencyCycle = "E203"
        case duplicateInPipeline = "E204"
        case unknownOption = "E205"
        case invalidOptionValue = "E206"
        case fileNotFound = "E301"
        case binaryFile = "E302"
        case invalidUTF8 = "E303"
        case invalidJSONLine = "E304"
        case unreadable = "E305"
        case fileTooLarge = "E306"
        case unknownDocument = "E307"
        case invalidTableRow = "E308"
        case syntax = "E401"
        case unknownCommand = "E402"
        case unknownField = "E403"
        case invalidRegex = "E404"
        case unknownName = "E405"
        case invalidArgument = "E406"
        case regexBudgetSpent = "E407"
        case pluginNotFound = "E501"
        case notASharedLibrary = "E502"
        case noEntryPoint = "E503"
        case incompatiblePlugin = "E504"
        case pluginFailed = "E505"
        case writeFailed = "E601"
        case extractionFailed = "E701"
        case modelUnavailable = "E702"
        case interrupted = "E801"
    }
}
