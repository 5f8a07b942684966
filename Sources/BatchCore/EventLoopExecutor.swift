import NIOCore
import NIOPosix

/// A task executor that runs every job on one NIO event loop.
///
/// A task that prefers it (`withTaskExecutorPreference`) runs on the loop's thread, between the loop's own I/O, and
/// so do its child tasks; tasks it starts with `Task {}` do not. Whatever such a task does holds up every channel on
/// the loop while it runs: short work (a request, decoding an answer, a line written to a terminal) is fine, waiting
/// is not (reading input, writing a large file).
public final class EventLoopExecutor: TaskExecutor {
  /// The loop every job runs on.
  public let eventLoop: any EventLoop

  /// An executor for `eventLoop`.
  public init(_ eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  /// Runs `job` on the loop, after the loop's work already queued.
  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
  }
}

extension BatchClient {
  /// The executor of the event loop `BatchClient`'s connections are made on when requests come from it.
  ///
  /// A task awaiting a request from Swift's concurrency pool crosses threads twice per request: the HTTP client hands
  /// the request to its event loop, and the answer wakes a pool thread to resume the task. The HTTP client makes a
  /// connection on the event loop a request comes from, and prefers an idle connection there, so a loop of requests
  /// run with this preference (`withTaskExecutorPreference(BatchClient.connectionExecutor)`) keeps its connection on
  /// its own thread and sends and resumes without a switch: sequential gets went about a fifth faster here (see
  /// `scripts/bench/client`). A script's commands run on it.
  public static let connectionExecutor: any TaskExecutor = EventLoopExecutor(
    MultiThreadedEventLoopGroup.singleton.next())
}
