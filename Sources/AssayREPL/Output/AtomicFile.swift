import AssayCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file so that it is either wholly replaced or left as it was, and so that a process
/// killed mid-write leaves nothing behind.
///
/// On Linux the text goes into an unnamed file in the target's folder (`O_TMPFILE`), which the
/// kernel deletes if the process dies; only when it is complete and synced does it get a name,
/// which is renamed over the target at once. Where unnamed files are not supported the text
/// goes to a hidden `.NAME.assay-save-PID` file, and such files left by saves that were killed
/// are removed the next time the same target is saved.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let expanded = (path as NSString).expandingTildeInPath
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDir), isDir.boolValue {
            throw AssayError(.writeFailed, "cannot save to '\(path)': it is a folder")
        }
        do { try checkFolder(of: expanded, shownAs: path) } catch let e as AssayError {
            throw AssayError(
                e.code,
                e.message.replacingOccurrences(of: "cannot write to", with: "cannot save to") + " (nothing was written)"
            )
        }
        let folder = folderPath(of: expanded)
        let name = (expanded as NSString).lastPathComponent
        removeStaleTemporaryFiles(in: folder, for: name)
        let bytes = Array(text.utf8)
        do {
            #if os(Linux)
                if try writeUnnamed(bytes, folder: folder, target: expanded, name: name) { return }
            #endif
            try writeNamed(bytes, folder: folder, target: expanded, name: name)
        } catch {
            throw AssayError(.writeFailed, "cannot save to '\(path)': \(error.text) (nothing was written)")
        }
    }

    /// Throws a message naming the folder when the folder `path` would go in does not exist or
    /// is not a folder (rather than the system's "The file doesn't exist").
    static func checkFolder(of path: String, shownAs shown: String) throws {
        let folder = folderPath(of: path)
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) {
            throw AssayError(.writeFailed, "cannot write to '\(shown)': no such folder '\(folder)'")
        }
        if !isDir.boolValue {
            throw AssayError(.writeFailed, "cannot write to '\(shown)': '\(folder)' is not a folder")
        }
    }

    private struct Reason: Error {
        var text: String
        static var fromErrno: Reason { Reason(text: String(cString: strerror(errno))) }
    }

    private static func folderPath(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static let temporaryMarker = ".assay-save-"

    #if os(Linux)
        /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Glibc's module does not export.
        private static let openUnnamed: Int32 = 0o20_000_000 | O_DIRECTORY

        /// - Returns: false when the file system has no unnamed files (then nothing was done).
        private static func writeUnnamed(_ bytes: [UInt8], folder: String, target: String, name: String) throws(Reason)
            -> Bool
        {
            let fd = open(folder, openUnnamed | O_WRONLY | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL { return false }
                throw .fromErrno
            }
            defer { close(fd) }
            try writeAll(bytes, to: fd)
            // Give it a name only now, complete; then rename that name over the target.
            let temporary = folder + "/." + name + temporaryMarker + String(getpid())
            unlink(temporary)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                throw .fromErrno
            }
            guard rename(temporary, target) == 0 else {
                let reason = Reason.fromErrno
                unlink(temporary)
                throw reason
            }
            return true
        }
    #endif

    private static func writeNamed(_ bytes: [UInt8], folder: String, target: String, name: String) throws(Reason) {
        let temporary = folder + "/." + name + temporaryMarker + String(getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .fromErrno }
        do {
            try writeAll(bytes, to: fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, target) == 0 else {
            let reason = Reason.fromErrno
            unlink(temporary)
            throw reason
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(Reason) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .fromErrno
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw .fromErrno }
    }

    /// Removes `.NAME.assay-save-PID` files whose process is gone (a save that was killed).
    private static func removeStaleTemporaryFiles(in folder: String, for name: String) {
        let prefix = "." + name + temporaryMarker
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + entry) }
        }
    }
}
