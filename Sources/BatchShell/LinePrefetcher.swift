import Foundation

/// Reads a `PlainLineReader` ahead on a thread of its own, so the task running a script never blocks on input.
///
/// Up to `capacity` lines wait, read ahead; the thread then waits until half of them are taken. A line that is
/// already waiting is returned without suspending, so a script read from a file costs no thread switch per line.
/// `stop()` lets the thread end once its current read returns (reading stops at the end of input anyway).
public final class LinePrefetcher: @unchecked Sendable {
  /// One event of the reader with the number of the line it concerns.
  public struct Item: Sendable, Equatable {
    /// A line, a skipped line or the end of input.
    public var event: LineEditorEvent
    /// The line's number, from 1 (at the end of input: the last line's).
    public var lineNumber: Int
  }

  private let reader: PlainLineReader
  private let capacity: Int
  /// Guards every property below; the reading thread waits on it for room.
  private let condition = NSCondition()
  private var waiting: [Result<Item, LineEditorError>] = []
  private var head = 0
  private var consumer: CheckedContinuation<Result<Item, LineEditorError>, Never>?
  /// The end of input or the read error, once read: every call after it returns it again.
  private var last: Result<Item, LineEditorError>?
  /// The number of the last line handed to the caller.
  private var lineNumber = 0
  private var stopped = false
  private var started = false
  /// The reading thread waits for room; woken when half the room is free, not for every line taken.
  private var readerWaits = false

  public init(reader: PlainLineReader, capacity: Int = 1024) {
    self.reader = reader
    self.capacity = max(1, capacity)
  }

  // MARK: - Consuming

  /// The next line, `.tooLong`, `.endOfFile` or the read error; the last two again on every later call.
  ///
  /// One caller at a time: a script reads its lines in order.
  public func next() async throws(LineEditorError) -> Item {
    if let ready = take() { return try ready.get() }
    let result = await withCheckedContinuation { continuation in
      condition.lock()
      defer { condition.unlock() }
      precondition(consumer == nil, "LinePrefetcher.next() called while another call waits")
      if let ready = takeLocked() {
        continuation.resume(returning: ready)
      } else {
        consumer = continuation
      }
    }
    return try result.get()
  }

  /// Lets the reading thread end; lines it has not handed over are dropped, and a caller waiting for one, like
  /// every later call, gets `.endOfFile`.
  public func stop() {
    condition.lock()
    stopped = true
    let waiter = consumer
    consumer = nil
    condition.broadcast()
    condition.unlock()
    waiter?.resume(returning: .success(Item(event: .endOfFile, lineNumber: lineNumber)))
  }

  /// Whether a call to `next()` is waiting for the reading thread.
  var hasWaitingCaller: Bool {
    condition.lock()
    defer { condition.unlock() }
    return consumer != nil
  }

  private func take() -> Result<Item, LineEditorError>? {
    condition.lock()
    defer { condition.unlock() }
    return takeLocked()
  }

  /// The oldest waiting item, starting the thread on the first call; the end of input once stopped.
  private func takeLocked() -> Result<Item, LineEditorError>? {
    if stopped { return .success(Item(event: .endOfFile, lineNumber: lineNumber)) }
    if !started {
      started = true
      let thread = Thread { [self] in readAhead() }
      thread.name = "batchsh.script-reader"
      thread.start()
    }
    guard head < waiting.count else { return last }
    let item = waiting[head]
    head += 1
    if head == waiting.count {
      (waiting, head) = ([], 0)
    } else if head >= capacity {
      waiting.removeFirst(head)
      head = 0
    }
    if readerWaits && waiting.count - head <= capacity / 2 { condition.signal() }
    if case .success(let read) = item { lineNumber = read.lineNumber }
    return item
  }

  // MARK: - Reading thread

  /// Reads until the end of input, a read error or `stop()`.
  private func readAhead() {
    while true {
      let item: Result<Item, LineEditorError>
      let isLast: Bool
      do throws(LineEditorError) {
        let event = try reader.next()
        item = .success(Item(event: event, lineNumber: reader.lineNumber))
        isLast = event == .endOfFile
      } catch {
        (item, isLast) = (.failure(error), true)
      }
      guard hand(item, isLast: isLast), !isLast else { return }
    }
  }

  /// Gives an item to the waiting consumer or queues it, waiting for room first; false once stopped.
  private func hand(_ item: Result<Item, LineEditorError>, isLast: Bool) -> Bool {
    condition.lock()
    while waiting.count - head >= capacity && !stopped {
      readerWaits = true
      condition.wait()
    }
    readerWaits = false
    if stopped {
      condition.unlock()
      return false
    }
    if isLast { last = item }
    if let consumer {
      self.consumer = nil
      if case .success(let read) = item { lineNumber = read.lineNumber }
      condition.unlock()
      consumer.resume(returning: item)
      return true
    }
    waiting.append(item)
    condition.unlock()
    return true
  }
}
