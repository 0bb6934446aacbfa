import Foundation

/// Opens a written page in the desktop's browser with `xdg-open`, when there is a desktop.
enum BrowserOpener {
    /// Whether a graphical session is there to show the page, and the program to ask.
    static func opener(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty else {
            return nil
        }
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/xdg-open"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Starts the opener on `path` without waiting for the browser.
    /// - Returns: whether it could be started.
    static func open(_ path: String) -> Bool {
        guard let program = opener() else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = [path]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        return true
    }
}
