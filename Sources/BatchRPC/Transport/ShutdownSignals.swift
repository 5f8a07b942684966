import Dispatch
import Foundation

/// Turns termination signals into a clean shutdown: the default action is ignored and `handler` runs instead.
///
/// Keep the value alive for as long as the signals should be handled (the sources are cancelled when it goes away).
/// With an `RPCServer`: `let signals = ShutdownSignals { server.beginShutdown() }` makes SIGTERM behave like end of
/// input: requests in flight are answered, watches answer `-32800`, and `run()` returns 0.
public final class ShutdownSignals: @unchecked Sendable {
  // Dispatch sources are thread-safe, and the array is never mutated.
  private let sources: [any DispatchSourceSignal]

  /// Handles `signals` (default: SIGTERM) by calling `handler` on a background queue, each time one arrives.
  public init(_ signals: [Int32] = [SIGTERM], handler: @escaping @Sendable () -> Void) {
    let queue = DispatchQueue(label: "batchsh.signals")
    sources = signals.map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler(handler: handler)
      source.resume()
      return source
    }
  }

  deinit {
    for source in sources { source.cancel() }
  }
}
