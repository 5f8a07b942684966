import BatchCommands
import Foundation

/// Writes a session's text to standard output and standard error, whole writes under one lock.
///
/// The REPL routes text through the line editor when one is reading, so output from another task never
/// corrupts the prompt line.
public final class Console: Sendable {
  private let out: Int32
  private let err: Int32
  private let lock = Locked(())

  public init(output: Int32 = STDOUT_FILENO, error: Int32 = STDERR_FILENO) {
    self.out = output
    self.err = error
  }

  /// Writes rendered output: its stdout part, then its stderr part.
  public func write(_ rendered: RenderedOutput) {
    lock.withLock { _ in
      Self.writeAll(out, rendered.stdout)
      Self.writeAll(err, rendered.stderr)
    }
  }

  /// Writes text to standard output.
  public func print(_ text: String) {
    lock.withLock { _ in Self.writeAll(out, text) }
  }

  /// Writes text to standard error.
  public func printError(_ text: String) {
    lock.withLock { _ in Self.writeAll(err, text) }
  }

  /// Writes every byte, retrying short writes and EINTR; a closed pipe drops the rest silently.
  static func writeAll(_ fd: Int32, _ text: String) {
    guard !text.isEmpty else { return }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}
