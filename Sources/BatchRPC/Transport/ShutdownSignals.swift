import Foundation
import Synchronization

/// Turns termination signals into a clean shutdown: the signal's default action is replaced by a call to `handler`.
///
/// A plain C handler writes the signal number to a pipe (the only async-signal-safe thing to do) and a thread reading
/// the pipe calls the handlers, so it works whichever thread the kernel interrupts. Keep the value alive for as long
/// as the signals should be handled; when it goes away the default action comes back. With an `RPCServer`,
/// `let signals = ShutdownSignals { server.beginShutdown() }` makes SIGTERM behave like end of input: requests in
/// flight are answered, watches answer `-32800`, and `run()` returns 0.
public final class ShutdownSignals: Sendable {
  private let key: Int

  /// Handles `signals` (default: SIGTERM) by calling `handler` on a background thread, each time one arrives.
  public init(_ signals: [Int32] = [SIGTERM], handler: @escaping @Sendable () -> Void) {
    key = SignalPipe.shared.add(signals: signals, handler: handler)
  }

  deinit {
    SignalPipe.shared.remove(key)
  }
}

// MARK: - Delivery

/// The write end of the signal pipe, read by the C handler; set once before any handler is installed.
nonisolated(unsafe) private var signalPipeWriteFD: Int32 = -1

/// The C signal handler: writes the signal number to the pipe and nothing else.
private func writeSignalNumber(_ number: Int32) {
  var byte = UInt8(truncatingIfNeeded: number)
  _ = write(signalPipeWriteFD, &byte, 1)
}

/// The process-wide pipe from the signal handler to the registered handlers.
private final class SignalPipe: Sendable {
  static let shared = SignalPipe()

  private struct Registration {
    var signals: [Int32]
    var handler: @Sendable () -> Void
  }

  private let registrations = Mutex<(next: Int, all: [Int: Registration])>((0, [:]))

  private init() {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    signalPipeWriteFD = fds[1]
    let readFD = fds[0]
    let thread = Thread { [self] in
      var byte: UInt8 = 0
      while true {
        let count = read(readFD, &byte, 1)
        if count < 0 && errno == EINTR { continue }
        guard count == 1 else { return }
        deliver(Int32(byte))
      }
    }
    thread.name = "batchsh.signals"
    thread.start()
  }

  func add(signals: [Int32], handler: @escaping @Sendable () -> Void) -> Int {
    let key = registrations.withLock { state in
      defer { state.next += 1 }
      state.all[state.next] = Registration(signals: signals, handler: handler)
      return state.next
    }
    for number in signals { signal(number, writeSignalNumber) }
    return key
  }

  func remove(_ key: Int) {
    let released = registrations.withLock { state -> [Int32] in
      guard let removed = state.all.removeValue(forKey: key) else { return [] }
      let stillWanted = Set(state.all.values.flatMap(\.signals))
      return removed.signals.filter { !stillWanted.contains($0) }
    }
    for number in released { signal(number, SIG_DFL) }
  }

  private func deliver(_ number: Int32) {
    let handlers = registrations.withLock { state in
      state.all.values.filter { $0.signals.contains(number) }.map(\.handler)
    }
    for handler in handlers { handler() }
  }
}
