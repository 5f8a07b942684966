import BatchCore
import Synchronization

/// Decides which download progress reports are worth an event: every `step` bytes, and the last one.
final class ProgressThrottle: Sendable {
  private let step: Int64
  private let reported = Mutex<Int64>(-1)

  init(step: Int64) {
    self.step = step
  }

  /// Whether to report this progress; true for the first report, every `step` bytes after it, and completion.
  func shouldReport(_ progress: DownloadProgress) -> Bool {
    reported.withLock { last in
      let done = progress.total.map { progress.bytes >= $0 } ?? false
      guard last < 0 || progress.bytes - last >= step || (done && last != progress.bytes) else { return false }
      last = progress.bytes
      return true
    }
  }
}
