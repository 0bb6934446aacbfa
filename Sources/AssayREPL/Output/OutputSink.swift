import AssayCore
import Foundation

/// Where results go: standard output, a file for the rest of the session (`.output FILE`), or a
/// file for the next result only (`.once FILE`).
final class OutputSink {
    private var file: FileHandle?
    private var filePath: String?
    private var once: (path: String, text: String)?
    private var onceArmed = false
    private let standardOutput: (String) -> Void

    init(standardOutput: @escaping (String) -> Void) {
        self.standardOutput = standardOutput
    }

    var isRedirected: Bool { file != nil || onceArmed }
    var destination: String { onceArmed ? "once: \(once?.path ?? "")" : (filePath ?? "stdout") }

    /// `.output FILE` (truncates, like sqlite3) or `.output` / `.output stdout` to go back.
    func redirect(to path: String?) throws {
        try? file?.close()
        file = nil
        filePath = nil
        guard let path, path != "stdout", path != "-" else { return }
        let expanded = (path as NSString).expandingTildeInPath
        try AtomicFile.checkFolder(of: expanded, shownAs: path)
        guard FileManager.default.createFile(atPath: expanded, contents: nil),
            let h = FileHandle(forWritingAtPath: expanded)
        else {
            throw AssayError(.writeFailed, "cannot write to '\(path)'")
        }
        file = h
        filePath = path
    }

    /// `.once FILE`: the next result goes to FILE, written atomically.
    func armOnce(_ path: String) {
        once = (path, "")
        onceArmed = true
    }

    /// Writes a result. With `.once` armed, the result is saved to its file and the sink reverts.
    func writeResult(_ text: String) throws {
        if onceArmed, let o = once {
            onceArmed = false
            once = nil
            try AtomicFile.write(text, to: o.path)
            return
        }
        write(text)
    }

    /// Writes a message that is not a result (listings, notes).
    func write(_ text: String) {
        if let file { file.write(Data(text.utf8)) } else { standardOutput(text) }
    }
}
