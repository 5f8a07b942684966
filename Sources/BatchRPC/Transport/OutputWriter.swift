import Foundation

/// The one writer of protocol lines: a dedicated thread that writes whole lines to a file descriptor in order.
///
/// `enqueue` never blocks on I/O: it appends the line and its `\n` to a pending buffer under a lock, so a line is
/// never interleaved with another. The thread writes everything pending in as few `write(2)` calls as it can, off the
/// cooperative pool, so a slow reader on the other end stalls only this thread. After a write error (the reader
/// went away: `EPIPE`) further lines are dropped and `onBroken` is called once.
final class OutputWriter: @unchecked Sendable {
  private let fd: Int32
  private let condition = NSCondition()
  // Guarded by `condition`:
  private var pending: [UInt8] = []
  private var closed = false
  private var broken = false
  private var finished = false
  private var writerWaiting = false
  private var finishWaiters: [CheckedContinuation<Void, Never>] = []
  private let onBroken: @Sendable (Int32) -> Void
  /// How long the writer waits after waking before it writes, so lines queued together go out together.
  static let gatherMicroseconds: UInt32 = 100

  /// Makes a writer; call `start()` before `enqueue`.
  init(fd: Int32, onBroken: @escaping @Sendable (Int32) -> Void = { _ in }) {
    self.fd = fd
    self.onBroken = onBroken
  }

  /// Starts the writing thread.
  func start() {
    let thread = Thread { [self] in loop() }
    thread.name = "batchsh.rpc.writer"
    thread.start()
  }

  // MARK: - Writing

  /// Queues one line (without its `\n`); lines come out in the order they were queued.
  func enqueue(_ line: [UInt8]) {
    condition.lock()
    defer { condition.unlock() }
    guard !closed, !broken else { return }
    pending.append(contentsOf: line)
    pending.append(0x0A)
    if writerWaiting { condition.signal() }
  }

  /// Writes out everything queued, stops the thread and returns once it is done.
  func finish() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      condition.lock()
      closed = true
      if finished {
        condition.unlock()
        continuation.resume()
        return
      }
      finishWaiters.append(continuation)
      condition.signal()
      condition.unlock()
    }
  }

  // MARK: - Thread

  private func loop() {
    var batch: [UInt8] = []
    while true {
      condition.lock()
      if pending.isEmpty && !closed {
        while pending.isEmpty && !closed {
          writerWaiting = true
          condition.wait()
          writerWaiting = false
        }
        // Woken by a first line: let a burst gather for a moment so one write(2) (and one wake-up) serves many.
        condition.unlock()
        usleep(Self.gatherMicroseconds)
        condition.lock()
      }
      if pending.isEmpty {
        finished = true
        let waiters = finishWaiters
        finishWaiters = []
        condition.unlock()
        waiters.forEach { $0.resume() }
        return
      }
      swap(&batch, &pending)
      condition.unlock()
      if let failure = writeAll(batch) { fail(failure) }
      batch.removeAll(keepingCapacity: batch.capacity <= 1 << 20)
    }
  }

  /// Writes all bytes; returns the errno of a failure.
  private func writeAll(_ bytes: [UInt8]) -> Int32? {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let count = write(fd, raw.baseAddress! + offset, raw.count - offset)
        if count > 0 {
          offset += count
        } else if count < 0 && (errno == EINTR || errno == EAGAIN) {
          if errno == EAGAIN {
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&descriptor, 1, 100)
          }
        } else {
          return count < 0 ? errno : EIO
        }
      }
      return nil
    }
  }

  private func fail(_ error: Int32) {
    condition.lock()
    let first = !broken
    broken = true
    pending = []
    condition.unlock()
    if first { onBroken(error) }
  }
}
