import CEditLine
import Foundation

/// Line editing, history and tab completion on a terminal, through libedit's readline API.
///
/// libedit calls back through C function pointers, which cannot capture context; the one
/// editor of the process keeps its completer in `LineEditor.active` (readline runs on the
/// main thread only).
public final class LineEditor {
    public enum Input { case line(String), endOfInput, interrupted }

    nonisolated(unsafe) static var active: LineEditor?
    nonisolated(unsafe) static var matches: [String] = []

    let historyPath: String
    let completer: Completer

    public init(historyPath: String, completer: Completer) {
        self.historyPath = historyPath
        self.completer = completer
        setlocale(LC_ALL, "")  // otherwise libedit drops non-ASCII input
        // libedit keeps these pointers: they must outlive the call, so they are never freed.
        assay_set_readline_name(strdup("assay"))
        assay_set_basic_word_break_characters(strdup(" \t\n|,=()"))
        assay_set_completion(assayAttemptCompletion)
        stifle_history(2000)
        let dir = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = read_history(historyPath)
        LineEditor.active = self
    }

    /// Reads a line; `interrupted` when Ctrl-C abandoned it.
    public func read(prompt: String) -> Input {
        defer { SignalHandling.cancelFlag?.reset() }  // a Ctrl-C at the prompt must not stop the next command
        SignalHandling.interrupted.store(false, ordering: .relaxed)
        guard let p = readline(prompt) else {
            if SignalHandling.interrupted.load(ordering: .relaxed) {
                SignalHandling.interrupted.store(false, ordering: .relaxed)
                return .interrupted
            }
            return .endOfInput
        }
        defer { free(p) }
        if SignalHandling.interrupted.load(ordering: .relaxed) {
            SignalHandling.interrupted.store(false, ordering: .relaxed)
            return .interrupted
        }
        return .line(String(cString: p))
    }

    /// Adds a line to the history and saves the history file at once, so that nothing is lost
    /// if the terminal goes away.
    public func remember(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        add_history(trimmed)
        _ = write_history(historyPath)
    }
}

/// libedit's completion hook: candidates from the active editor's ``Completer``.
private func assayAttemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
{
    assay_set_completion_over(1)  // never fall back to libedit's file name completion
    guard let editor = LineEditor.active, let lineBuffer = assay_line_buffer() else { return nil }
    let line = String(cString: lineBuffer)
    // `start` counts bytes; the completer counts characters.
    let bytes = Array(line.utf8)
    let prefix = String(decoding: bytes[..<min(Int(start), bytes.count)], as: UTF8.self)
    let upToCursor = String(decoding: bytes[..<min(Int(end), bytes.count)], as: UTF8.self)
    LineEditor.matches = editor.completer.candidates(line: upToCursor, wordStart: prefix.count)
    if LineEditor.matches.isEmpty { return nil }
    return rl_completion_matches(text, assayCompletionGenerator)
}

private func assayCompletionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let i = Int(state)
    guard i < LineEditor.matches.count else { return nil }
    return strdup(LineEditor.matches[i])
}
