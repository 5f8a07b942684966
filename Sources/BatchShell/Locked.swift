import Foundation

/// A value guarded by a lock, safe to share between threads and tasks.
///
/// `Synchronization.Mutex` would do, but it needs macOS 15 and the package still builds for macOS 14.
final class Locked<Value>: @unchecked Sendable {
  // MARK: - State

  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) {
    self.value = value
  }

  // MARK: - Access

  /// Runs `body` with exclusive access to the value.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
