import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program on a pseudo-terminal, the way a person at a terminal would, so that end-to-end
/// tests reach the interactive code paths (line editing, history, completion, Ctrl-C) without
/// depending on tmux or `script`.
///
/// The child is started with `posix_spawn` and `POSIX_SPAWN_SETSID`: glibc makes the child a
/// session leader *before* it runs the file actions, so opening the pty's slave as its standard
/// input (without `O_NOCTTY`) makes that pty its controlling terminal. Writing `^C` to the
/// master then reaches the child as SIGINT, exactly as from a keyboard.
///
/// Every wait is bounded; `terminate()` (also run on deinit) kills the child if it is still there.
final class PseudoTerminal {
    /// Keys as a terminal sends them.
    enum Key: String {
        case enter = "\r"
        case tab = "\t"
        case up = "\u{1B}[A"
        case down = "\u{1B}[B"
        case ctrlC = "\u{03}"
        case ctrlD = "\u{04}"
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    private let master: Int32
    private var stripper = ANSIStripper()
    /// Where the next `waitFor` starts looking, in `stripper.text`.
    private var cursor = 0
    private var exitStatus: Int32?
    private var masterClosed = false

    /// Everything the program wrote so far, without escape sequences and control characters.
    var screen: String { String(decoding: stripper.text, as: UTF8.self) }

    /// What the program wrote since the end of the last match of `waitFor`.
    var unmatched: String { String(decoding: stripper.text[cursor...], as: UTF8.self) }

    /// Starts `executable ARGUMENTS` on a new pseudo-terminal of `columns` x `rows`, with the
    /// test's environment overridden by `environment` (and a plain `TERM` and UTF-8 locale),
    /// without the variables named in `unsetting`.
    init(
        _ executable: String, arguments: [String], environment: [String: String] = [:],
        unsetting: [String] = [], directory: String? = nil, columns: UInt16 = 120, rows: UInt16 = 40
    ) throws {
        let glibc = try GlibcExtensions.shared()
        let fd = glibc.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "posix_openpt failed: errno \(errno)") }
        guard glibc.grantpt(fd) == 0, glibc.unlockpt(fd) == 0 else {
            close(fd)
            throw Failure(description: "grantpt/unlockpt failed: errno \(errno)")
        }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard glibc.ptsname_r(fd, &nameBuffer, nameBuffer.count) == 0 else {
            close(fd)
            throw Failure(description: "ptsname_r failed: errno \(errno)")
        }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // A fixed, roomy size: libedit wraps and redraws by the terminal width.
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Signals the test runner may ignore or block must reach the child as a terminal sends them.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(
            &attributes, Int16(GlibcExtensions.POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // Other tests' pipes must not leak into the child, or their readers would wait for it.
        _ = glibc.posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        if let directory { _ = glibc.posix_spawn_file_actions_addchdir_np(&actions, directory) }

        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["COLUMNS"] = nil
        env["LINES"] = nil
        env.merge(environment) { $1 }
        for name in unsetting { env[name] = nil }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        // glibc's posix_spawn returns once the child has run its file actions and exec'd, so the
        // slave is open by then: the master never reports a hang-up for a slave not yet opened.
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(fd)
            throw Failure(description: "posix_spawn \(executable) failed: error \(result)")
        }
        pid = child
        master = fd
        // Non-blocking, so that neither a read nor a write to a program that stopped reading can hang a test.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit { terminate() }

    /// Types `text` as it is (control characters included). Gives up after `timeout` if the
    /// program does not take the input (the terminal's input buffer is full).
    func send(_ text: String, timeout: TimeInterval = 5) {
        var bytes = Array(text.utf8)[...]
        let deadline = Date().addingTimeInterval(timeout)
        while !bytes.isEmpty, !masterClosed, deadline.timeIntervalSinceNow > 0 {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written >= 0 {
                bytes = bytes.dropFirst(written)
            } else if errno == EAGAIN {
                // Drain the output meanwhile: the program may be blocked writing to us.
                readAvailable(waitingAtMost: 0.01)
            } else if errno != EINTR {
                return
            }
        }
    }

    func send(_ key: Key) { send(key.rawValue) }

    /// Types `text` one key at a time with a pause between keys, as a person would: libedit reads
    /// and redraws per key, and a burst can arrive before the terminal is in its raw mode.
    func type(_ text: String, delay: TimeInterval = 0.005) {
        for character in text {
            send(String(character))
            pump(for: delay)
        }
    }

    /// Sends keys with a pause after each, reading the output meanwhile.
    func sendKeys(_ keys: [Key], delay: TimeInterval = 0.15) {
        for key in keys {
            send(key)
            pump(for: delay)
        }
    }

    /// Waits until `text` appears in the output after the previous match, and moves past it.
    /// - Throws: ``Failure`` with the unmatched output when `timeout` passes or the program ends first.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(needle) {
                let skipped = String(decoding: stripper.text[cursor..<range.lowerBound], as: UTF8.self)
                cursor = range.upperBound
                return skipped
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || masterClosed {
                throw Failure(
                    description:
                        "\(left <= 0 ? "timed out" : "the program ended") waiting for \(String(reflecting: text)); output since the last match:\n\(unmatched)"
                )
            }
            readAvailable(waitingAtMost: min(left, 0.1))
        }
    }

    /// Waits until the program reads the terminal key by key (canonical mode off), as libedit
    /// does while it edits a line. Keys sent before that are echoed by the terminal driver as
    /// well as by libedit, and a Ctrl-D is taken by the driver rather than by the editor.
    /// - Throws: ``Failure`` when `timeout` passes first.
    func waitUntilEditing(timeout: TimeInterval = 5) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            // On Linux the master reports the terminal settings the slave side set.
            var settings = termios()
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            if deadline.timeIntervalSinceNow <= 0 || masterClosed {
                throw Failure(
                    description: "the program never started editing a line; output since the last match:\n\(unmatched)")
            }
            readAvailable(waitingAtMost: 0.01)
        }
    }

    /// Waits for the program to end and returns its exit status (128 + N for a signal N), or nil
    /// if it is still running after `timeout`.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            reap()
            if exitStatus != nil || deadline.timeIntervalSinceNow <= 0 { break }
            // Keep draining the output: a full pty buffer would block the program's last writes.
            if masterClosed { usleep(20_000) } else { readAvailable(waitingAtMost: 0.05) }
        }
        return exitStatus
    }

    /// Kills the program if it still runs, reaps it and closes the terminal. Safe to call twice.
    func terminate() {
        reap()
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            exitStatus = 128 + SIGKILL
        }
        if !masterClosed {
            masterClosed = true
            close(master)
        }
    }

    // MARK: - Reading

    private func find(_ needle: [UInt8]) -> Range<Int>? {
        let haystack = stripper.text
        guard !needle.isEmpty, haystack.count - cursor >= needle.count else { return nil }
        var start = cursor
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) {
                return start..<start + needle.count
            }
            start += 1
        }
        return nil
    }

    /// Reads whatever arrives within `duration`.
    private func pump(for duration: TimeInterval) {
        let deadline = Date().addingTimeInterval(duration)
        repeat {
            readAvailable(waitingAtMost: max(0, deadline.timeIntervalSinceNow))
        } while deadline.timeIntervalSinceNow > 0 && !masterClosed
    }

    private func readAvailable(waitingAtMost seconds: TimeInterval) {
        guard !masterClosed else { return }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, seconds * 1000)))
        guard ready > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            stripper.feed(buffer[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            // EIO: every copy of the slave is closed, the program has ended.
            masterClosed = true
            close(master)
        }
    }

    private func reap() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return }
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// Removes terminal escape sequences (CSI, OSC and two-byte ESC sequences) and control
/// characters other than newline and tab from a byte stream fed in pieces, so that tests match
/// the text a person reads. The state survives between pieces: a sequence may be split by a read.
struct ANSIStripper {
    private enum State { case text, escape, escapeIntermediate, csi, string, stringEscape }
    private var state = State.text
    private(set) var text: [UInt8] = []

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            switch state {
            case .text:
                if byte == 0x1B {
                    state = .escape
                } else if byte >= 0x20 && byte != 0x7F || byte == 0x0A || byte == 0x09 {
                    text.append(byte)
                }
            case .escape:
                switch byte {
                case UInt8(ascii: "["): state = .csi
                case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                    state = .string
                case 0x20...0x2F: state = .escapeIntermediate  // e.g. ESC ( B
                default: state = .text
                }
            case .escapeIntermediate:
                if !(0x20...0x2F).contains(byte) { state = .text }
            case .csi:
                if (0x40...0x7E).contains(byte) { state = .text }
            case .string:
                if byte == 0x07 { state = .text } else if byte == 0x1B { state = .stringEscape }
            case .stringEscape:
                state = byte == UInt8(ascii: "\\") ? .text : .string
            }
        }
    }
}

/// The glibc functions this needs that Swift's Glibc module does not declare (it is built
/// without `_GNU_SOURCE`/`_XOPEN_SOURCE`), looked up in the already loaded C library.
struct GlibcExtensions {
    /// `<spawn.h>`: make the child a session leader (glibc does it before the file actions).
    static let POSIX_SPAWN_SETSID: Int32 = 0x80

    let posix_openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname_r: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    let posix_spawn_file_actions_addclosefrom_np:
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    let posix_spawn_file_actions_addchdir_np:
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    static func shared() throws -> GlibcExtensions {
        func symbol<F>(_ name: String, as type: F.Type) throws -> F {
            // A null handle is RTLD_DEFAULT: the global scope of the process.
            guard let address = dlsym(nil, name) else {
                throw PseudoTerminal.Failure(description: "\(name) is not in this C library")
            }
            return unsafeBitCast(address, to: type)
        }
        return GlibcExtensions(
            posix_openpt: try symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
            grantpt: try symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
            unlockpt: try symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
            ptsname_r: try symbol(
                "ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self),
            posix_spawn_file_actions_addclosefrom_np: try symbol(
                "posix_spawn_file_actions_addclosefrom_np",
                as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self),
            posix_spawn_file_actions_addchdir_np: try symbol(
                "posix_spawn_file_actions_addchdir_np",
                as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32)
                    .self))
    }
}
