import NIOCore
import NIOPosix

/// A task executor that runs every job on one NIO event loop, the loop `BatchClient`'s connections are made on.
///
/// A task awaiting a request from a thread of Swift's concurrency pool crosses threads twice per request: the HTTP
/// client hands the request to its event loop, and the answer wakes a pool thread to resume the task. A loop of
/// requests run with this executor as its preference (`withTaskExecutorPreference(BatchClient.connectionExecutor)`)
/// sends and resumes on the loop itself, so a sequential loop of gets goes about a third faster. Work that blocks
/// (file writes, waiting for input) must not run here: it would stall every connection on the loop.
public final class EventLoopExecutor: TaskExecutor {
  /// The loop every job runs on.
  public let eventLoop: any EventLoop

  public init(_ eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
  }
}

extension BatchClient {
  /// The executor of the event loop new connections are made on when requests come from it.
  ///
  /// The HTTP client makes a connection on the event loop a request comes from, and prefers an idle connection on
  /// that loop, so a sequential loop of requests run with this preference keeps one connection on its own thread.
  public static let connectionExecutor: any TaskExecutor = EventLoopExecutor(
    MultiThreadedEventLoopGroup.singleton.next())
}
