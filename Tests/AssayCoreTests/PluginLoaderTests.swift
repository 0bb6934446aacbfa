import AssayCore
import Foundation
import Testing

/// The loader's file handling; loading real plugins is covered by the end-to-end PluginTests.
@Suite struct PluginLoaderTests {
    @Test func searchPathComesFromTheEnvironmentOrHome() {
        #expect(PluginLoader.defaultSearchPath(environment: ["HOME": "/h"]) == ["/h/.assay/plugins"])
        #expect(
            PluginLoader.defaultSearchPath(environment: ["HOME": "/h", "ASSAY_PLUGIN_PATH": "/a::~/b:"]) == [
                "/a", "/h/b"
            ])
        #expect(PluginLoader.defaultSearchPath(environment: ["HOME": "/h", "ASSAY_PLUGIN_PATH": ""]).isEmpty)
    }

    @Test func librariesAreTheSharedObjectsOfEachFolderInOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plugin-loader-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for file in ["a/libZ.so", "a/libB.so", "a/notes.txt", "a/libAssayCore.so", "a/.libHidden.so", "b/libA.so"] {
            let path = root + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        }
        try FileManager.default.createDirectory(atPath: root + "/a/folder.so", withIntermediateDirectories: true)
        let found = PluginLoader.libraries(inFolders: [root + "/a", root + "/missing", root + "/b"])
        #expect(found.map { String($0.dropFirst(root.count + 1)) } == ["a/libB.so", "a/libZ.so", "b/libA.so"])
    }

    @Test func failuresBeforeLoadingHaveTheirOwnCodes() throws {
        let registry = ExtractorRegistry()
        #expect(throws: AssayError(.pluginNotFound, "plugin '/no/such/libX.so' not found")) {
            try PluginLoader.load(path: "/no/such/libX.so", into: registry)
        }
        let text = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-plugin-\(UUID().uuidString).so")
            .path
        defer { try? FileManager.default.removeItem(atPath: text) }
        try "plain text".write(toFile: text, atomically: true, encoding: .utf8)
        let error = #expect(throws: AssayError.self) { try PluginLoader.load(path: text, into: registry) }
        #expect(error?.code == .notASharedLibrary)
        #expect(registry.names.isEmpty)
    }
}
