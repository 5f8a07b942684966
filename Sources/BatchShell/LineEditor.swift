import Foundation

/// What reading one line produced.
public enum LineEditorEvent: Equatable, Sendable {
  /// A line, without its line terminator.
  case line(String)
  /// Ctrl-C at the prompt: the line was discarded and the cursor is on a fresh line.
  case interrupt
  /// End of input (Ctrl-D on an empty line, or the end of a file or pipe).
  case endOfFile
  /// A line longer than the reader's limit, skipped as a whole (only from `PlainLineReader`).
  case tooLong(lineNumber: Int)
}

/// Why reading a line failed (the terminal went away, a read error).
public struct LineEditorError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The `errno` of the failed call.
  public var code: Int32

  public init(code: Int32) {
    self.code = code
  }

  public var description: String { "cannot read input: \(String(cString: strerror(code)))" }
}

/// A source of command lines that knows nothing of commands: a terminal editor or a plain reader.
///
/// Thread rules: `readLine`, `addHistory` and `completionProvider` belong to the one thread that reads
/// (never call `readLine` on the Swift concurrency pool: use `readLineAsync`); `printAbove` may be called
/// from any thread or task at any time.
public protocol LineEditor: AnyObject, Sendable {
  /// Shows `prompt` (when interactive) and blocks until a line, Ctrl-C or end of input.
  func readLine(prompt: String) throws(LineEditorError) -> LineEditorEvent

  /// Offers a line to the history (filtered: blank, leading-space, duplicate and secret lines are dropped).
  func addHistory(_ line: String)

  /// Prints `text` (a newline is added if missing) above the prompt without corrupting the line being
  /// edited: the line is cleared, the text printed, then the prompt and line are redrawn.
  func printAbove(_ text: String)

  /// Supplies Tab completion candidates (ignored by non-interactive readers).
  var completionProvider: (any CompletionProvider)? { get set }
}

// MARK: - Async bridge

extension LineEditor {
  /// Runs `readLine` on a dedicated thread, so a waiting prompt never holds a concurrency-pool thread.
  public func readLineAsync(prompt: String) async throws(LineEditorError) -> LineEditorEvent {
    let result: Result<LineEditorEvent, LineEditorError> = await withCheckedContinuation { continuation in
      let thread = Thread { [self] in
        do throws(LineEditorError) {
          continuation.resume(returning: .success(try readLine(prompt: prompt)))
        } catch {
          continuation.resume(returning: .failure(error))
        }
      }
      thread.name = "batchsh.readLine"
      thread.start()
    }
    return try result.get()
  }
}
