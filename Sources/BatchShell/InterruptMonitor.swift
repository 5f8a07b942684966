import CEditLine
import Foundation

/// Tells the REPL about Ctrl-C (SIGINT) while a command runs, so it can cancel the command's task.
///
/// The first use of `shared` installs the shim's SIGINT handler (no SA_RESTART): from then on Ctrl-C no
/// longer terminates the process. The handler counts the signal and writes a byte to a pipe; a dedicated
/// thread reads that pipe and runs the registered handlers. `EditLineEditor` shares the same handler, so a
/// Ctrl-C at the prompt gives `.interrupt` and one during a command reaches the handlers here.
public final class InterruptMonitor: Sendable {
  // MARK: - Types

  /// A registered handler, to remove it later.
  public struct Registration: Hashable, Sendable {
    fileprivate let id: UInt64
  }

  private struct Handlers {
    var nextID: UInt64 = 0
    var byID: [UInt64: @Sendable () -> Void] = [:]
  }

  // MARK: - State

  /// The process-wide monitor (signals are process-wide).
  public static let shared = InterruptMonitor()

  private let handlers = Locked(Handlers())

  private init() {
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
      for descriptor in fds { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
      _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
      _ = cel_signal_add_notify_fd(fds[1])
      let reader = fds[0]
      let thread = Thread { [handlers] in Self.watch(reader, handlers: handlers) }
      thread.name = "batchsh.interrupts"
      thread.start()
    }
    cel_sigint_install()
  }

  // MARK: - Observing

  /// The number of SIGINTs received so far; compare two readings to learn whether one arrived.
  public var count: Int { cel_sigint_count() }

  /// Runs `handler` on the monitor's thread at every SIGINT until removed.
  public func addHandler(_ handler: @escaping @Sendable () -> Void) -> Registration {
    handlers.withLock { state in
      state.nextID += 1
      state.byID[state.nextID] = handler
      return Registration(id: state.nextID)
    }
  }

  /// Stops calling a handler.
  public func removeHandler(_ registration: Registration) {
    _ = handlers.withLock { $0.byID.removeValue(forKey: registration.id) }
  }

  /// Runs `operation` in a new task that Ctrl-C cancels; returns its result (or rethrows its error).
  ///
  /// The task runs on `executor` when one is given (a new task does not take its creator's preference).
  public func cancellingOnInterrupt<Result: Sendable>(
    on executor: (any TaskExecutor)? = nil, _ operation: @escaping @Sendable () async throws -> Result
  ) async throws -> Result {
    let before = count
    let task = Task(executorPreference: executor) { try await operation() }
    let registration = addHandler { task.cancel() }
    defer { removeHandler(registration) }
    if count != before { task.cancel() }
    return try await withTaskCancellationHandler {
      try await task.value
    } onCancel: {
      task.cancel()
    }
  }

  // MARK: - Monitor thread

  private static func watch(_ descriptor: Int32, handlers: Locked<Handlers>) {
    var seen = cel_sigint_count()
    var sink = [UInt8](repeating: 0, count: 64)
    while true {
      let count = read(descriptor, &sink, sink.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return }
      let now = cel_sigint_count()
      guard now != seen else { continue }  // another handled signal (SIGWINCH…)
      seen = now
      for handler in handlers.withLock({ Array($0.byID.values) }) { handler() }
    }
  }
}
