import Foundation

/// A fuzz target's entry point: under libFuzzer (built with `-sanitize=fuzzer -DFUZZING`, as
/// `scripts/fuzz` does) it hands `test` to the fuzzer's driver with the command line; otherwise
/// it replays files (see ``FuzzReplay``).
public enum FuzzDriver {
    nonisolated(unsafe) private static var test: ((UnsafeBufferPointer<UInt8>) -> Void)?

    public static func run(_ test: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        #if FUZZING
            FuzzDriver.test = test
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                runLibFuzzer(&argc, &argv) { data, size in
                    FuzzDriver.test?(FuzzReplay.buffer(data, size))
                    return 0
                })
        #else
            FuzzReplay.run(test)
        #endif
    }
}

#if FUZZING
    /// libFuzzer's driver (compiler-rt), for programs that keep their own `main`: SwiftPM renames
    /// an executable's `main`, so libFuzzer's own cannot be used.
    @_silgen_name("LLVMFuzzerRunDriver")
    private func runLibFuzzer(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

/// Runs a fuzz target's test function over files, for a build without libFuzzer: each argument
/// (a file, or a folder of files such as a corpus or a crash libFuzzer saved) is read and passed
/// to `test` once. A finding reproduces as the same trap it caused under the fuzzer.
public enum FuzzReplay {
    public static func run(_ test: (UnsafeBufferPointer<UInt8>) -> Void) {
        var paths: [String] = []
        for argument in CommandLine.arguments.dropFirst() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDir) else {
                FileHandle.standardError.write(Data("no such file: \(argument)\n".utf8))
                exit(2)
            }
            if isDir.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                paths += names.sorted().map { argument + "/" + $0 }
            } else {
                paths.append(argument)
            }
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            [UInt8](data).withUnsafeBufferPointer { test($0) }
        }
        print("replayed \(paths.count) input\(paths.count == 1 ? "" : "s") without a failure")
    }

    /// The bytes libFuzzer hands over, as a buffer (empty for a null pointer).
    public static func buffer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size > 0 ? data : nil, count: size > 0 ? size : 0)
    }
}
