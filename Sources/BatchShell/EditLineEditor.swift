import CEditLine
import Foundation

/// The terminal line editor: libedit in emacs mode with history, Ctrl-R search and Tab completion.
///
/// Ctrl-C discards the line and returns `.interrupt` on a fresh line; Ctrl-D on an empty line returns
/// `.endOfFile`. Text from other tasks goes through `printAbove`, which wakes the editing thread (a pipe
/// polled by the shim's read function) so the prompt is erased, the text printed and the line redrawn by
/// the thread that owns libedit. Use only when `isUsable()` says so.
public final class EditLineEditor: LineEditor, @unchecked Sendable {
  // MARK: - State

  /// Output from other threads, queued while a line is being read.
  private struct Output {
    var isReading = false
    var pending: [String] = []
  }

  /// The line and cursor, to tell a second Tab in a row.
  private struct Snapshot: Equatable {
    var bytes: [UInt8]
    var cursor: Int
    var before: String { String(decoding: bytes[..<cursor], as: UTF8.self) }
    var after: String { String(decoding: bytes[cursor...], as: UTF8.self) }
  }

  private let editor: OpaquePointer
  private let output = Locked(Output())
  private var prompt = ""
  private var lastCompletion: Snapshot?

  /// The persistent history behind up/down arrows and Ctrl-R.
  public let history: History
  /// Supplies Tab completion candidates; without one, Tab beeps.
  public var completionProvider: (any CompletionProvider)?

  // MARK: - Life cycle

  /// Creates an editor on the given descriptors, preloaded with `history`; nil if libedit fails.
  ///
  /// With `libeditSignals` (EL_SIGNAL), libedit also restores the terminal before SIGTERM, SIGHUP or
  /// SIGQUIT end the process; it re-raises signals with `kill(0, …)`, to the whole process group.
  public init?(
    history: History = History(path: nil), input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    error: Int32 = STDERR_FILENO, program: String = "batchsh", libeditSignals: Bool = true
  ) {
    _ = cel_setlocale()
    guard let created = cel_editor_create(program, input, output, error, Int32(history.limit)) else { return nil }
    editor = created
    self.history = history
    cel_editor_set_context(editor, Unmanaged.passUnretained(self).toOpaque())
    cel_editor_set_wake(editor, Self.wakeCallback)
    cel_editor_set_signal_handling(editor, libeditSignals ? 1 : 0)
    _ = cel_editor_set_completion(editor, Self.completeCallback, "^I")
    for entry in history.entries { _ = cel_history_enter(cel_editor_history(editor), entry) }
  }

  deinit {
    cel_editor_destroy(editor)
  }

  /// True when `input` and `output` are terminals and `TERM` is not `dumb`: the editor is usable.
  public static func isUsable(
    input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Bool {
    isatty(input) == 1 && isatty(output) == 1 && environment["TERM"] != "dumb"
  }

  // MARK: - LineEditor

  public func readLine(prompt: String) throws(LineEditorError) -> LineEditorEvent {
    self.prompt = prompt
    lastCompletion = nil
    _ = cel_editor_set_prompt(editor, prompt)
    output.withLock { $0.isReading = true }
    var count: Int32 = 0
    var code: Int32 = 0
    let line = cel_editor_gets(editor, &count, &code).map { String(cString: $0) }
    var farewell = ""
    if line == nil && count == 0 { farewell = "\n" }
    if line == nil && count < 0 && code == EINTR { farewell = moveToEndOfLine() + "^C\n" }
    output.withLock { state in
      state.isReading = false
      write(farewell + state.pending.map(Self.terminated).joined())
      state.pending = []
    }
    if let line { return .line(line.hasSuffix("\n") ? String(line.dropLast()) : line) }
    if count == 0 { return .endOfFile }
    if code == EINTR { return .interrupt }
    throw LineEditorError(code: code)
  }

  public func addHistory(_ line: String) {
    if history.add(line), let entry = history.entries.last {
      _ = cel_history_enter(cel_editor_history(editor), entry)
    }
  }

  public func printAbove(_ text: String) {
    let queued = output.withLock { state in
      if state.isReading {
        state.pending.append(text)
      } else {
        write(Self.terminated(text))
      }
      return state.isReading
    }
    if queued { cel_editor_wake(editor) }
  }

  // MARK: - Callbacks (editing thread, inside cel_editor_gets)

  private static let completeCallback: cel_complete_fn = { editor, _ in
    guard let editor, let context = cel_editor_context(editor) else { return UInt8(CC_ERROR) }
    return Unmanaged<EditLineEditor>.fromOpaque(context).takeUnretainedValue().complete()
  }

  private static let wakeCallback: cel_wake_fn = { editor in
    guard let editor, let context = cel_editor_context(editor) else { return }
    Unmanaged<EditLineEditor>.fromOpaque(context).takeUnretainedValue().printPending()
  }

  /// Tab: insert the common prefix; on a second Tab in a row with nothing to insert, list candidates.
  private func complete() -> UInt8 {
    guard let provider = completionProvider else { return UInt8(CC_ERROR) }
    let snapshot = currentLine()
    let context = CompletionContext(textBeforeCursor: snapshot.before, textAfterCursor: snapshot.after)
    let completion = Completion(context: context, candidates: provider.candidates(for: context))
    let repeated = lastCompletion == snapshot
    lastCompletion = snapshot
    if !completion.insertion.isEmpty {
      guard cel_editor_insert(editor, completion.insertion) == 0 else { return UInt8(CC_ERROR) }
      lastCompletion = currentLine()
      return UInt8(CC_REFRESH)
    }
    guard repeated, completion.candidates.count > 1 else { return UInt8(CC_ERROR) }
    let width = Int(cel_editor_columns(editor))
    write(moveToEndOfLine() + "\n" + CompletionListing.format(completion.candidates, width: width))
    cel_editor_refresh(editor)
    return UInt8(CC_NORM)
  }

  /// Erases the prompt and line, prints the queued text, then redraws them below it.
  private func printPending() {
    let pending = output.withLock { state in
      defer { state.pending = [] }
      return state.pending
    }
    guard !pending.isEmpty else { return }
    let rowsUp = row(ofColumn: TerminalText.width(prompt) + TerminalText.width(currentLine().before))
    let erase = "\r" + (rowsUp > 0 ? "\u{1B}[\(rowsUp)A" : "") + "\u{1B}[J"
    write(erase + pending.map(Self.terminated).joined())
    cel_editor_refresh(editor)
  }

  // MARK: - Terminal helpers

  private func currentLine() -> Snapshot {
    let line = cel_editor_line(editor)
    guard let text = line.text else { return Snapshot(bytes: [], cursor: 0) }
    let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self),
                                          count: line.length))
    return Snapshot(bytes: bytes, cursor: min(line.cursor, line.length))
  }

  /// The escape sequence that moves the cursor from its position down to the last row of the line.
  private func moveToEndOfLine() -> String {
    let line = currentLine()
    let promptWidth = TerminalText.width(prompt)
    let rowsDown = row(ofColumn: promptWidth + TerminalText.width(line.before + line.after))
      - row(ofColumn: promptWidth + TerminalText.width(line.before))
    return rowsDown > 0 ? "\u{1B}[\(rowsDown)B" : ""
  }

  private func row(ofColumn column: Int) -> Int {
    column / max(1, Int(cel_editor_columns(editor)))
  }

  private func write(_ text: String) {
    guard !text.isEmpty else { return }
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { cel_editor_write(editor, $0.baseAddress, $0.count) }
    }
  }

  private static func terminated(_ text: String) -> String {
    text.hasSuffix("\n") ? text : text + "\n"
  }
}
