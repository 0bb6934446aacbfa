import Foundation
import Testing

/// Runs the built `assay` binary, the way a user or a script would.
struct AssayProcess {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The `assay` binary built next to the test bundle (`.build/debug/assay`).
    static var binary: String {
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        while !dir.isEmpty, dir != "/" {
            let candidate = (dir as NSString).appendingPathComponent("assay")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = (dir as NSString).deletingLastPathComponent
        }
        return "assay"
    }

    /// The repository root (for `seeds/`).
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var seeds: String { repository + "/seeds" }

    static var fixtures: String { Bundle.module.resourcePath! + "/Fixtures" }

    /// Runs `assay ARGS` with `input` on stdin and an isolated HOME.
    /// With `timeout` (seconds) the process is killed when it runs longer (a hang then fails the
    /// test instead of blocking the suite).
    static func run(
        _ arguments: [String], input: String = "", directory: String? = nil,
        environment: [String: String] = [:], timeout: Double? = nil
    ) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = NSTemporaryDirectory() + "assay-home-\(UUID().uuidString)"
        env.merge(environment) { $1 }
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: directory ?? repository)
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        p.standardError = errPipe
        try p.run()
        if let timeout {
            let pid = p.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if p.isRunning { kill(pid, SIGKILL) } }
        }
        let writer = Thread {
            inPipe.fileHandleForWriting.write(Data(input.utf8))
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        // Read both pipes concurrently so a full stderr cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let errDone = DispatchSemaphore(value: 0)
        Thread {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }.start()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        p.waitUntilExit()
        return Output(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: p.terminationStatus)
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "assay-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
