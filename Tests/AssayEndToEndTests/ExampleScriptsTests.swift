import Foundation
import Testing

/// Every script in Examples/scripts runs in batch mode over seeds/ (or the corpus its
/// `# corpus: PATH` lines name, relative to the repository) without an error and prints what its
/// `# expect:` lines promise, so the examples cannot rot.
struct ExampleScriptsTests {
    static let scripts: [String] = {
        let folder = AssayProcess.repository + "/Examples/scripts"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".assay") }.sorted().map { folder + "/" + $0 }
    }()

    @Test func thereAreExampleScripts() {
        #expect(Self.scripts.count >= 5)
    }

    @Test(arguments: scripts)
    func scriptRunsAndPrintsWhatItPromises(_ path: String) throws {
        let script = try String(contentsOfFile: path, encoding: .utf8)
        let corpus = script.split(separator: "\n").filter { $0.hasPrefix("# corpus: ") }.map {
            String($0.dropFirst("# corpus: ".count))
        }
        let out = try AssayProcess.run(corpus.isEmpty ? ["seeds/"] : corpus, input: script)
        #expect(out.status == 0, "\(path): \(out.stderr)")
        #expect(out.stderr.isEmpty, "\(path): \(out.stderr)")
        let expectations = script.split(separator: "\n").filter { $0.hasPrefix("# expect: ") }.map {
            $0.dropFirst("# expect: ".count)
        }
        #expect(!expectations.isEmpty, "\(path) declares no '# expect:' lines")
        for e in expectations {
            #expect(out.stdout.contains(e), "\(path): output lacks '\(e)'")
        }
    }
}
