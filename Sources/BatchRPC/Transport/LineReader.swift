import Foundation

/// Reads newline-delimited lines from a file descriptor with large buffered `read(2)`s and `memchr`.
///
/// A line longer than `maxLength` is never held whole: once the buffer passes the limit without a newline, the rest
/// of the line is read and dropped, and `next()` reports `.tooLong` with its length. A last line without a newline is
/// returned at end of input. When `wakeFD` becomes readable (a byte written to the other end of a pipe), reading
/// stops as if at end of input, so another thread can end a blocking read.
final class LineReader {
  /// One line without its `\n`, or the length of a line that was too long to keep.
  enum Line: Equatable, Sendable {
    case line([UInt8])
    case tooLong(length: Int)
  }

  let maxLength: Int
  private let fd: Int32
  private let wakeFD: Int32?
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  /// The length so far of a too-long line being dropped, nil when not dropping.
  private var dropped: Int?
  private var atEnd = false

  init(fd: Int32, maxLength: Int = 1 << 20, wakeFD: Int32? = nil, chunkSize: Int = 64 << 10) {
    self.fd = fd
    self.maxLength = maxLength
    self.wakeFD = wakeFD
    buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
  }

  // MARK: - Reading

  /// The next line, or nil at end of input (or when woken).
  func next() -> Line? {
    while true {
      if let line = takeLine() { return line }
      if atEnd { return takeRest() }
      compact()
      fill()
    }
  }

  /// A complete line from the buffer, or nil when there is none yet.
  private func takeLine() -> Line? {
    let newline = buffer.withUnsafeBytes { raw -> Int? in
      guard end > start, let found = memchr(raw.baseAddress! + start, 0x0A, end - start) else { return nil }
      return UnsafeRawPointer(found) - raw.baseAddress!
    }
    guard let newline else {
      if let count = dropped {
        dropped = count + (end - start)
        start = end
      } else if end - start > maxLength {
        dropped = end - start
        start = end
      }
      return nil
    }
    defer { start = newline + 1 }
    if let count = dropped {
      dropped = nil
      return .tooLong(length: count + newline - start)
    }
    if newline - start > maxLength { return .tooLong(length: newline - start) }
    return .line(Array(buffer[start..<newline]))
  }

  /// What is left at end of input: a last line without a newline, or the end of a dropped one.
  private func takeRest() -> Line? {
    defer {
      start = end
      dropped = nil
    }
    if let count = dropped { return .tooLong(length: count + end - start) }
    return end > start ? .line(Array(buffer[start..<end])) : nil
  }

  /// Moves the unread bytes to the front, growing the buffer when a long line fills it (up to just past the limit).
  private func compact() {
    if start > 0 {
      if end > start { buffer.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + start, end - start) } }
      end -= start
      start = 0
    }
    if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: min(buffer.count, maxLength + 1))) }
  }

  /// Reads once into the free space; sets `atEnd` at end of input, on a read error or when woken.
  private func fill() {
    guard waitReadable() else {
      atEnd = true
      return
    }
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + end, $0.count - end) }
      if count > 0 {
        end += count
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        atEnd = true
      }
      return
    }
  }

  /// Waits until the input can be read; false when woken instead.
  private func waitReadable() -> Bool {
    guard let wakeFD else { return true }
    var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
    while true {
      let ready = poll(&fds, 2, -1)
      if ready < 0 && errno == EINTR { continue }
      if ready < 0 { return true }
      if fds[1].revents != 0 { return false }
      if fds[0].revents != 0 { return true }
    }
  }
}
