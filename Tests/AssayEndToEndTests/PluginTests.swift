import Foundation
import Testing

// End-to-end tests of runtime plugins: the example packages in Examples/ are built with
// `swift build` (once per test run), then loaded into the real `assay` binary with `--plugin`,
// `plugin load` in a REPL script, and the plugin folder; every way loading can fail is checked
// to give one line with its code while the session goes on.

@Suite struct PluginTests {
    let fixture: PluginFixture

    /// Fails each test (rather than crashing the run) if the examples do not build.
    init() throws { fixture = try PluginFixture.shared.get() }

    @Test func extractLoadsAPluginGivenOnTheCommandLine() throws {
        let input =
            #"{"id": "sco", "text": "Leaders of the Shanghai Cooperation Organisation (SCO) met. SCO members agreed."}"#
            + "\n"
        let r = fixture.assay(["extract", "--with", "acronyms", "--plugin", fixture.acronyms, "-"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let found = try #require(doc["annotations"] as? [[String: Any]])
        #expect(found.map { $0["text"] as? String } == ["Shanghai Cooperation Organisation (SCO)", "SCO"])
        #expect(found.map { $0["defined"] as? Bool } == [true, false])
        #expect(
            found.allSatisfy {
                $0["extractor"] as? String == "acronyms"
                    && $0["expansion"] as? String == "Shanghai Cooperation Organisation"
            })
        #expect(found.first?["start"] as? Int == 15 && found.first?["end"] as? Int == 54)
    }

    @Test func replLoadsListsDescribesAndComposesAPlugin() throws {
        let doc = fixture.write(
            "nato.txt",
            """
            The North Atlantic Treaty Organization (NATO) met in Brussels. Officials said NATO would act.

            Later, NATO envoys left.
            """)
        let r = fixture.assay(
            [],
            stdin: """
                plugin load \(fixture.acronyms)
                plugins
                extractors
                describe acronyms
                load \(doc)
                .mode csv
                acronyms | select text, acronym, defined
                define officials = pattern /Officials said [^.]*\\./
                officials | acronyms | select text, expansion
                acronyms | where defined == false | count
                """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("loaded \(fixture.acronyms): acronyms"))
        #expect(r.stdout.contains("libAcronyms"))  // plugins
        #expect(r.stdout.contains("Acronyms spelled out in the text"))  // extractors
        #expect(r.stdout.contains("undefined") && r.stdout.contains("expansion"))  // describe
        #expect(r.stdout.contains("North Atlantic Treaty Organization (NATO),NATO,true"))
        #expect(r.stdout.contains("NATO,NATO,false"))
        // `officials | acronyms` runs the plugin inside the pattern's match, which holds only the
        // bare mention, yet the expansion comes from the definition before it.
        #expect(r.stdout.contains("NATO,North Atlantic Treaty Organization\n"))
        #expect(r.stdout.hasSuffix("count\n2\n"))
    }

    @Test func pluginFoldersAreLoadedAtStartUp() throws {
        let first = fixture.folder("folder-a"), second = fixture.folder("folder-b")
        try fixture.copy(fixture.acronyms, into: first)
        try fixture.copy(fixture.mentionedNumbers, into: second)
        // The core library that sits next to a built plugin is not itself a plugin: skipped.
        try fixture.copy((fixture.acronyms as NSString).deletingLastPathComponent + "/libAssayCore.so", into: first)
        // A broken library in the folder is reported in one line and does not stop the others.
        try fixture.copy(fixture.notALibrary, into: second, as: "libBroken.so")
        let r = fixture.assay(
            ["-e", "extractors"], environment: ["ASSAY_PLUGIN_PATH": "\(first):/nonexistent:\(second)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("acronyms") && r.stdout.contains("mentioned-numbers"))
        let warnings = r.stderr.split(separator: "\n")
        #expect(
            warnings.count == 1 && warnings[0].contains("libBroken.so") && warnings[0].contains("[E502]"), "\(r.stderr)"
        )

        let home = fixture.folder("home")
        try fixture.copy(fixture.acronyms, into: home + "/.assay/plugins")
        let fromHome = fixture.assay(["-e", "extractors"], environment: ["HOME": home], removing: ["ASSAY_PLUGIN_PATH"])
        #expect(fromHome.stdout.contains("acronyms"), "\(fromHome.stderr)")
    }

    @Test func mentionedNumbersDeclaresItsRequirements() throws {
        let r = fixture.assay(["--plugin", fixture.mentionedNumbers, "-e", "describe mentioned-numbers"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Requires: entities, numbers"))
        #expect(r.stdout.contains("labels"))
    }

    /// The plugin reads whatever extractors named `entities` and `numbers` are registered: the
    /// built-in ones, or (while a built-in is missing from this build) stand-ins defined in the
    /// REPL. Either way every pair must be made of their output, within one sentence.
    @Test func mentionedNumbersReadsTheOutputOfTheExtractorsItRequires() throws {
        let text = "Apple sold 1200 phones for 3 dollars, Tim Cook said. Prices rose in 2020."
        let firstSentence = 0..<(text.range(of: "said.")!.upperBound.utf16Offset(in: text))
        let doc = fixture.write("apple.txt", text)
        var standIns: [String] = []
        if !PluginFixture.builtInsInclude(["entities"]) {
            standIns.append(#"define entities = words case "Apple", "Tim Cook""#)
        }
        if !PluginFixture.builtInsInclude(["numbers"]) { standIns.append("define numbers = pattern /[0-9]+/") }
        let r = fixture.assay(
            ["--plugin", fixture.mentionedNumbers],
            stdin: (standIns + [
                "load \(doc)", ".mode jsonl", "entities", "numbers", "mentioned-numbers labels=*"
            ]).joined(separator: "\n"))
        #expect(r.status == 0, "\(r.stderr)")
        let all = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        func rows(of name: String) -> [[String: Any]] { all.filter { $0["extractor"] as? String == name } }
        let entities = rows(of: "entities"), numbers = rows(of: "numbers"), pairs = rows(of: "mentioned-numbers")
        func inFirstSentence(_ row: [String: Any]) -> Bool { firstSentence.contains(row["start"] as? Int ?? -1) }
        for pair in pairs {
            #expect(entities.contains { $0["text"] as? String == pair["entity"] as? String }, "\(pair)")
            #expect(numbers.contains { $0["text"] as? String == pair["number"] as? String }, "\(pair)")
            #expect(
                inFirstSentence(pair) == firstSentence.contains((pair["end"] as? Int ?? 0) - 1), "one sentence: \(pair)"
            )
        }
        let expected = entities.filter(inFirstSentence).count * numbers.filter(inFirstSentence).count
        #expect(expected > 0, "the required extractors found nothing to pair:\n\(r.stdout)")
        #expect(pairs.filter(inFirstSentence).count == expected)
    }

    /// Each way a load can fail.
    enum Failure: String, CaseIterable, Sendable {
        case missingFile, textFileNamedSO, noEntryPoint, incompatibleABI, registrationFails, loadedTwice
    }

    @Test(arguments: Failure.allCases)
    func failedLoadSaysWhyInOneLineAndTheSessionGoesOn(_ failure: Failure) throws {
        let (path, code): (String, String) =
            switch failure {
            case .missingFile: (fixture.root + "/no-such-plugin.so", "E501")
            case .textFileNamedSO: (fixture.notALibrary, "E502")
            case .noEntryPoint: (fixture.noEntryPoint, "E503")
            case .incompatibleABI: (fixture.futureABI, "E504")
            case .registrationFails: (try fixture.failingPlugin(), "E505")
            case .loadedTwice: (fixture.acronyms, "E101")
            }
        let preload = failure == .loadedTwice ? "plugin load \(fixture.acronyms)\n" : ""
        let r = fixture.assay(
            ["--keep-going"],
            stdin: preload + """
                plugin load \(path)
                plugins
                """)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.first?.contains("[\(code)]") == true, "\(r.stderr)")
        // The session went on to list the plugins, and only one that loaded is listed.
        if failure == .loadedTwice {
            #expect(
                r.stdout.components(separatedBy: "loaded ").count == 2 && r.stdout.hasSuffix("(1 row)\n"), "\(r.stdout)"
            )
        } else {
            #expect(r.stdout == "(no results)\n")
        }
    }

    @Test func aBadPluginOnTheCommandLineStopsExtractWithOneLine() throws {
        let r = fixture.assay(["extract", "--with", "acronyms", "--plugin", fixture.noEntryPoint, "-"], stdin: "")
        #expect(r.status != 0)
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("[E503]"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}

/// Builds the example plugins and the C test libraries once per test run, and runs `assay`.
struct PluginFixture: Sendable {
    /// Scratch files of this checkout's runs.
    let root: String
    let assayBinary: String
    let acronyms: String
    let mentionedNumbers: String
    let notALibrary: String
    let noEntryPoint: String
    let futureABI: String

    struct SetupError: Error, CustomStringConvertible { var description: String }

    /// Built on first use, by whichever test asks first; the others wait for it.
    static let shared: Result<PluginFixture, SetupError> = Result { try PluginFixture() }.mapError {
        $0 as? SetupError ?? SetupError(description: "\($0)")
    }

    /// The repository root, from this file's path (Tests/AssayEndToEndTests/PluginTests.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The folder of the running test bundle, where SwiftPM also puts the `assay` it built.
    static let productsFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().path

    /// Whether the built-in extractors include `names` (they are developed separately).
    static func builtInsInclude(_ names: [String]) -> Bool {
        guard let f = try? shared.get() else { return false }
        let listed = f.assay(["-e", ".mode csv; extractors"]).stdout.split(separator: "\n").map {
            String($0.prefix { $0 != "," })
        }
        return names.allSatisfy(listed.contains)
    }

    private init() throws {
        var binary = Self.productsFolder + "/assay"
        if !FileManager.default.isExecutableFile(atPath: binary) { binary = Self.repository + "/.build/debug/assay" }
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw SetupError(description: "no assay binary next to the tests")
        }
        assayBinary = binary
        // One scratch folder per checkout, kept between runs so that rebuilding the examples
        // is incremental (the first build takes about half a minute).
        var hash: UInt64 = 14_695_981_039_346_656_037  // FNV-1a: stable across runs, unlike Hasher
        for b in Self.repository.utf8 { hash = (hash ^ UInt64(b)) &* 1_099_511_628_211 }
        root = FileManager.default.temporaryDirectory.path + "/assay-plugin-tests-\(String(hash, radix: 36))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)

        acronyms = try Self.buildExample("Acronyms", scratch: "\(root)/build-Acronyms")
        mentionedNumbers = try Self.buildExample("MentionedNumbers", scratch: "\(root)/build-MentionedNumbers")
        notALibrary = Self.fixtures + "/not_a_library.so"
        noEntryPoint = try Self.compileC("no_entry_point.c", to: "\(root)/libNoEntry.so")
        futureABI = try Self.compileC("future_abi.c", to: "\(root)/libFutureABI.so")
    }

    /// Builds Examples/NAME with `swift build`, as a plugin's author does, in the configuration
    /// of the running tests, and returns the path of its shared library.
    static func buildExample(_ name: String, scratch: String) throws -> String {
        let configuration = productsFolder.hasSuffix("/release") ? "release" : "debug"
        let arguments = [
            "swift", "build", "-c", configuration, "--package-path", "\(repository)/Examples/\(name)",
            "--scratch-path", scratch
        ]
        var r = run("/usr/bin/env", arguments)
        // The scratch folder is kept between runs. When files were added to the core since the
        // last run, SwiftPM's incremental build of the path dependency can still compile the old
        // file list ("cannot find 'X' in scope"): build once more from a clean scratch folder.
        if r.status != 0 {
            try? FileManager.default.removeItem(atPath: scratch)
            r = run("/usr/bin/env", arguments)
        }
        let library = "\(scratch)/\(configuration)/lib\(name).so"
        guard r.status == 0, FileManager.default.fileExists(atPath: library) else {
            throw SetupError(description: "swift build of Examples/\(name) failed:\n\(r.stdout)\n\(r.stderr)")
        }
        return library
    }

    /// A C library with the host's ABI version (read from its refusal of version 999) whose
    /// registration fails.
    func failingPlugin() throws -> String {
        let refusal = assay(["--keep-going"], stdin: "plugin load \(futureABI)\n").stderr
        guard let range = refusal.range(of: #"this Assay uses [0-9]+"#, options: .regularExpression),
            let version = Int(refusal[range].split(separator: " ").last ?? "")
        else {
            throw SetupError(description: "no ABI version in: \(refusal)")
        }
        return try Self.compileC(
            "failing_registration.c", to: "\(root)/libFailing.so", defines: ["ASSAY_ABI=\(version)"])
    }

    /// The C sources of the test libraries.
    static let fixtures = repository + "/Tests/AssayEndToEndTests/Fixtures/Plugins"

    static func compileC(_ source: String, to library: String, defines: [String] = []) throws -> String {
        let r = run(
            "/usr/bin/env",
            ["cc", "-shared", "-fPIC"] + defines.map { "-D" + $0 } + ["-o", library, fixtures + "/" + source])
        guard r.status == 0 else { throw SetupError(description: "cc failed: \(r.stderr)") }
        return library
    }

    // MARK: - Files

    func write(_ name: String, _ text: String) -> String {
        let path = "\(root)/\(name)"
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A fresh, empty folder under the scratch folder.
    func folder(_ name: String) -> String {
        let path = "\(root)/folders-\(UUID().uuidString.prefix(8))/\(name)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func copy(_ file: String, into folder: String, as name: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: file, toPath: folder + "/" + (name ?? (file as NSString).lastPathComponent))
    }

    // MARK: - Processes

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `assay` with a scratch `HOME` and no plugin folder of the user's (an empty
    /// `ASSAY_PLUGIN_PATH`) unless `environment` says otherwise.
    func assay(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], removing: [String] = []
    ) -> Output {
        var env = ["ASSAY_PLUGIN_PATH": "", "HOME": root, "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        return Self.run(assayBinary, arguments, stdin: stdin, environment: env, removing: removing)
    }

    static func run(
        _ executable: String, _ arguments: [String], stdin: String? = nil,
        environment: [String: String] = [:], removing: [String] = []
    ) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        for key in removing { env[key] = nil }
        process.environment = env
        // Files, not pipes: a build log can fill a pipe and block the child.
        let temp = FileManager.default.temporaryDirectory
        let out = temp.appendingPathComponent("assay-test-\(UUID().uuidString).out")
        let err = temp.appendingPathComponent("assay-test-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        do {
            let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
            defer {
                try? outHandle.close()
                try? errHandle.close()
            }
            process.standardOutput = outHandle
            process.standardError = errHandle
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
        } catch {
            return Output(status: -1, stdout: "", stderr: "cannot run \(executable): \(error)")
        }
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
