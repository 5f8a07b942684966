import Foundation

/// Runs blocking work (a pipe read or write) on a thread of its own and returns its result.
///
/// Blocking calls must stay off the concurrency pool, which has as many threads as cores (two on a two-core
/// machine). A test that blocked one of them on a pipe while another test blocked the other could wait forever for
/// work that needs the pool to run, such as the task that starts an `RPCServer`'s reader.
func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
  await withCheckedContinuation { continuation in
    Thread { continuation.resume(returning: work()) }.start()
  }
}
