import CEditLine
import Foundation

/// A pseudo-terminal pair for driving a line editor in-process: the test types on `master`.
final class PseudoTerminal {
  let master: Int32
  let slave: Int32
  private(set) var transcript = ""
  /// Everything read since the terminal was opened (`clear` does not reset it).
  private(set) var fullTranscript = ""

  init?(columns: Int32 = 80, rows: Int32 = 24) {
    var pair: (Int32, Int32) = (-1, -1)
    guard cel_openpty(&pair.0, &pair.1, columns, rows) == 0 else { return nil }
    (master, slave) = pair
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    close(slave)
    close(master)
  }

  /// Types `keys` as if on a keyboard.
  func type(_ keys: String) {
    _ = keys.withCString { write(master, $0, strlen($0)) }
  }

  /// Reads output until `text` appears after `offset` (default: anywhere); false on timeout.
  @discardableResult
  func waitFor(_ text: String, timeout: TimeInterval = 5) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while !transcript.contains(text) {
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return false }
      var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, Int32(min(remaining, 0.1) * 1000)) >= 0 else { return false }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(master, &buffer, buffer.count)
      if count > 0 {
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        transcript += text
        fullTranscript += text
      }
    }
    return true
  }

  /// Forgets the output seen so far.
  func clear() {
    waitFor("\u{0}", timeout: 0.05)
    transcript = ""
  }
}
