import Foundation

/// Small helpers for the process's standard streams.
enum StandardStreams {
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `bytes` to stdout in full. When the reader has gone (a closed pipe: `assay extract
    /// | head`, a killed Spark task) it stops the process at once, quietly and with the shell's
    /// status for SIGPIPE (141), instead of dying inside a write with part of a line sent.
    static func outOrExitOnClosedPipe(_ bytes: [UInt8]) {
        signal(SIGPIPE, SIG_IGN)
        var sent = 0
        while sent < bytes.count {
            // Read in place: a mutable view of an array the caller also holds would copy it.
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + sent, $0.count - sent) }
            if n > 0 {
                sent += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EPIPE { exit(141) }
            StandardStreams.err("assay: cannot write to standard output (errno \(errno)) [E601]\n")
            exit(1)
        }
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
