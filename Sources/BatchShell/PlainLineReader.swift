import Foundation

/// Reads lines from a pipe or a file (script mode) with buffered `read(2)`: no prompt, no editing.
///
/// Lines end with `\n` (a `\r` before it is dropped; the last line may lack it); invalid UTF-8 becomes
/// U+FFFD. A line longer than `lineLimit` bytes is skipped without being buffered whole and reported as
/// `.tooLong(lineNumber:)`; reading goes on with the next line.
public final class PlainLineReader: LineEditor, @unchecked Sendable {
  // MARK: - Configuration

  /// The default longest line: 1 MiB.
  public static let defaultLineLimit = 1 << 20
  private static let chunk = 64 * 1024

  private let fileDescriptor: Int32
  private let closesDescriptor: Bool
  public let lineLimit: Int
  private let printLock = NSLock()

  // MARK: - State (reading thread only)

  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private var start = 0
  private var end = 0
  private var reachedEnd = false
  /// The number of the line last returned (1-based; counts too-long lines).
  public private(set) var lineNumber = 0
  /// Ignored: there is nothing to complete on a pipe.
  public var completionProvider: (any CompletionProvider)?

  // MARK: - Life cycle

  /// Reads from `fileDescriptor` (standard input by default), which the reader does not close.
  public convenience init(fileDescriptor: Int32 = STDIN_FILENO, lineLimit: Int = PlainLineReader.defaultLineLimit) {
    self.init(fileDescriptor: fileDescriptor, lineLimit: lineLimit, closes: false)
  }

  /// Opens `path` for reading (`-f FILE`); the descriptor is closed with the reader.
  public convenience init(path: String, lineLimit: Int = PlainLineReader.defaultLineLimit) throws(LineEditorError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 { throw LineEditorError(code: errno) }
    self.init(fileDescriptor: descriptor, lineLimit: lineLimit, closes: true)
  }

  private init(fileDescriptor: Int32, lineLimit: Int, closes: Bool) {
    self.fileDescriptor = fileDescriptor
    self.closesDescriptor = closes
    self.lineLimit = max(1, lineLimit)
    self.capacity = Self.chunk
    self.buffer = .allocate(capacity: Self.chunk)
  }

  deinit {
    buffer.deallocate()
    if closesDescriptor { close(fileDescriptor) }
  }

  // MARK: - Reading

  /// Returns the next line, `.tooLong` for a skipped line, or `.endOfFile`.
  public func next() throws(LineEditorError) -> LineEditorEvent {
    while true {
      if start < end, let newline = memchr(buffer + start, 0x0A, end - start) {
        let newlineIndex = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        defer { start = newlineIndex + 1 }
        lineNumber += 1
        if newlineIndex - start > lineLimit { return .tooLong(lineNumber: lineNumber) }
        return .line(decode(upTo: newlineIndex))
      }
      if end - start > lineLimit {
        lineNumber += 1
        try skipRestOfLine()
        return .tooLong(lineNumber: lineNumber)
      }
      if reachedEnd {
        guard start < end else { return .endOfFile }
        defer { start = end }
        lineNumber += 1
        return .line(decode(upTo: end))
      }
      try fill()
    }
  }

  /// Decodes `start..<lineEnd`, without a final `\r`.
  private func decode(upTo lineEnd: Int) -> String {
    var last = lineEnd
    if last > start && buffer[last - 1] == 0x0D { last -= 1 }
    return String(decoding: UnsafeBufferPointer(start: buffer + start, count: last - start), as: UTF8.self)
  }

  /// Reads more bytes after `end`, first moving the partial line to the front or growing the buffer.
  private func fill() throws(LineEditorError) {
    if start > 0 {
      let pending = end - start
      if pending > 0 { (buffer).update(from: buffer + start, count: pending) }
      (start, end) = (0, pending)
    }
    if end == capacity {
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      grown.update(from: buffer, count: end)
      buffer.deallocate()
      (buffer, capacity) = (grown, capacity * 2)
    }
    let count = try readSome(into: buffer + end, count: capacity - end)
    if count == 0 { reachedEnd = true } else { end += count }
  }

  /// Discards bytes up to and including the next newline (or to the end of input).
  private func skipRestOfLine() throws(LineEditorError) {
    (start, end) = (0, 0)
    while true {
      let count = try readSome(into: buffer, count: capacity)
      if count == 0 {
        reachedEnd = true
        return
      }
      if let newline = memchr(buffer, 0x0A, count) {
        (start, end) = (buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1, count)
        return
      }
    }
  }

  /// One `read(2)`, retried on EINTR and waited for with poll(2) on a non-blocking descriptor.
  private func readSome(into target: UnsafeMutablePointer<UInt8>, count: Int) throws(LineEditorError) -> Int {
    while true {
      let result = read(fileDescriptor, target, count)
      if result >= 0 { return result }
      switch errno {
      case EINTR: continue
      case EAGAIN:
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, -1)
      default: throw LineEditorError(code: errno)
      }
    }
  }

  // MARK: - LineEditor

  /// Returns `next()`; there is no prompt on a pipe.
  public func readLine(prompt: String) throws(LineEditorError) -> LineEditorEvent {
    try next()
  }

  /// Does nothing: scripts keep their own history.
  public func addHistory(_ line: String) {}

  /// Prints `text` on standard output (a newline is added if missing).
  public func printAbove(_ text: String) {
    printLock.lock()
    defer { printLock.unlock() }
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    fflush(nil)
  }
}
