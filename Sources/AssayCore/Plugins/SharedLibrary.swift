#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shared library opened with `dlopen`, and never closed: Swift code (type metadata,
/// conformances, the closures of registered extractors) cannot be unloaded safely.
struct SharedLibrary {
    /// Why `dlopen` failed, as the dynamic linker put it.
    struct OpenError: Error { var reason: String }

    private let handle: UnsafeMutableRawPointer

    /// Opens `path` (which must contain a `/`, or the linker searches its library path instead).
    ///
    /// `RTLD_NOW` resolves every symbol now, so a plugin built against another core fails here
    /// rather than later; `RTLD_LOCAL` keeps its symbols out of the global namespace, so two
    /// plugins may both export `assay_plugin_register`.
    init(path: String) throws(OpenError) {
        guard let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw OpenError(reason: SharedLibrary.lastError() ?? "unknown dlopen error")
        }
        handle = h
    }

    /// The address of an exported symbol, if the library has it.
    func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        _ = dlerror()  // clear any stale error
        return dlsym(handle, name)
    }

    private static func lastError() -> String? {
        guard let e = dlerror() else { return nil }
        return String(cString: e)
    }

    /// Whether the file starts with the magic number of a shared object of this platform
    /// (ELF on Linux, Mach-O on Apple platforms). Checked before `dlopen` so that a text file
    /// named `.so` gets a plain "not a shared library" rather than a linker message.
    static func hasLibraryMagic(atPath path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var magic = [UInt8](repeating: 0, count: 4)
        guard fread(&magic, 1, 4, file) == 4 else { return false }
        #if canImport(Darwin)
            let known: [[UInt8]] = [[0xCF, 0xFA, 0xED, 0xFE], [0xCE, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE]]
            return known.contains(magic)
        #else
            return magic == [0x7F, 0x45, 0x4C, 0x46]  // "\u{7F}ELF"
        #endif
    }

    /// The file name suffix of shared libraries on this platform.
    static var fileSuffix: String {
        #if canImport(Darwin)
            return ".dylib"
        #else
            return ".so"
        #endif
    }
}
