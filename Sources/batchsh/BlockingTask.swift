import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs async work to its end from synchronous code, parking the calling thread until then.
///
/// `batchsh` keeps a synchronous `main` and runs its async body through this. An async `main` parks the main
/// thread in `dispatch_main`, which ends it with `pthread_exit`; the forced unwind that follows reads the binary's
/// unwind tables, about a megabyte of pages, in every run, one-shot `get` included.
enum BlockingTask {
  /// `body`'s result, after running it as a detached task on the global executor.
  ///
  /// The parked calling thread takes the process's signals: it unblocks them all first, as `dispatch_main` does,
  /// since the other threads (the executor's, NIO's) block them and a parent may have started the process with
  /// them blocked too. Otherwise SIGINT and SIGTERM would stay pending and never reach the handlers that stop a
  /// download or shut down `--rpc`.
  static func run<Result: Sendable>(_ body: @escaping @Sendable () async -> Result) -> Result {
    let done = DispatchSemaphore(value: 0)
    let slot = Slot<Result>()
    var none = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, nil)
    Task.detached {
      slot.value = await body()
      done.signal()
    }
    done.wait()
    return slot.value!
  }

  /// Carries the result across: written once by the task before `signal`, read once after `wait`, which orders
  /// the two accesses.
  private final class Slot<Value>: @unchecked Sendable {
    var value: Value?
  }
}
