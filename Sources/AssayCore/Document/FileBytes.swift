#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with one open, fstat and read loop: loading thousands of small articles
/// is dominated by per-file system calls, so Foundation's several calls per file are avoided.
enum FileBytes {
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        if let kind = specialFileKind(path) {
            throw AssayError(.unreadable, "\(path): \(kind), not a regular file: skipped")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw AssayError(
                errno == ENOENT ? .fileNotFound : .unreadable, "\(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw AssayError(.unreadable, "\(path): \(String(cString: strerror(errno)))") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw AssayError(.unreadable, "\(path): is a folder") }
        let size = Int(st.st_size)
        if size > limit {
            throw AssayError(
                .fileTooLarge,
                "\(path): document too large: \(LoadOptions.describe(bytes: size)) is over the \(LoadOptions.describe(bytes: limit)) limit for one document (--max-document-mb; or split it)"
            )
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, size - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AssayError(.unreadable, "\(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        // Files that grow while being read (or report size 0, like /proc files): read on.
        if filled == size {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, 65536) }
                if n <= 0 { break }
                bytes += chunk[0..<n]
                if bytes.count > limit {
                    throw AssayError(
                        .fileTooLarge,
                        "\(path): document too large: over the \(LoadOptions.describe(bytes: limit)) limit for one document (--max-document-mb)"
                    )
                }
            }
        }
        return Array(bytes[0..<max(filled, bytes.count == size ? filled : bytes.count)])
    }

    /// What `path` is when it is neither a regular file nor a folder (`"a FIFO"`, `"a socket"`,
    /// `"a device"`), else nil. Opening a FIFO blocks until something writes to it, so such
    /// paths are skipped rather than read.
    static func specialFileKind(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return nil
        }
    }

    /// Appends the regular files below `folder` (recursively, hidden entries skipped) using the
    /// directory entries' types, so that no file needs a stat of its own.
    /// - Returns: false if `folder` cannot be opened.
    static func walk(_ folder: String, into files: inout [String]) -> Bool {
        guard let dir = opendir(folder) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) || type == Int32(DT_LNK) {
                var st = stat()
                guard stat(path, &st) == 0 else { continue }
                type =
                    (st.st_mode & S_IFMT) == S_IFDIR
                    ? Int32(DT_DIR) : ((st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN))
            }
            if type == Int32(DT_DIR) {
                _ = walk(path, into: &files)
            } else if type == Int32(DT_REG) {
                files.append(path)
            }
        }
        return true
    }
}
