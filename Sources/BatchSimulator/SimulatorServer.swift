import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// A running fake of the Together Batch API on a loopback port, with control routes for tests and demos.
///
/// API routes (bearer auth): `GET /v1/batches`, `POST /v1/batches`, `GET /v1/batches/{id}`,
/// `POST /v1/batches/{id}/cancel`, `GET /v1/files/{id}`, `GET /v1/files/{id}/content`.
/// Control routes (no auth, not counted, never faulted) are listed in ``controlHelp``.
public final class SimulatorServer: Sendable {
  public let port: Int
  public let host: String
  /// Jobs, files, the clock, request counters and fault rules.
  public let store: JobStore
  private let task: Task<Void, Never>
  /// The server's own event loop, when it has one; shut down with the server.
  private let ownGroup: MultiThreadedEventLoopGroup?

  private init(
    port: Int, host: String, store: JobStore, task: Task<Void, Never>, ownGroup: MultiThreadedEventLoopGroup?
  ) {
    self.port = port
    self.host = host
    self.store = store
    self.task = task
    self.ownGroup = ownGroup
  }

  /// `http://HOST:PORT`, without `/v1`, as the SDKs and `batchsh --base-url` take it.
  public var baseURL: String { "http://\(host):\(port)" }

  /// Seeds the jobs and starts listening; returns once the port is bound.
  public static func start(_ configuration: SimulatorConfiguration = SimulatorConfiguration()) async throws
    -> SimulatorServer
  {
    let clock = configuration.clock ?? SimClock(speed: configuration.speed)
    let store = JobStore(clock: clock, seed: configuration.seed)
    try store.addJobs(JobSeeder.specs(count: max(0, configuration.jobs), seed: configuration.seed))
    configuration.faults.forEach(store.addFault)
    let ownGroup = configuration.ownEventLoop ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
    do {
      let (port, task) = try await listen(configuration, store: store, on: ownGroup ?? .singleton)
      return SimulatorServer(port: port, host: configuration.host, store: store, task: task, ownGroup: ownGroup)
    } catch {
      try? await ownGroup?.shutdownGracefully()
      throw error
    }
  }

  /// Starts the HTTP server on `group`; returns the bound port and the task running the server.
  private static func listen(
    _ configuration: SimulatorConfiguration, store: JobStore, on group: MultiThreadedEventLoopGroup
  ) async throws -> (port: Int, task: Task<Void, Never>) {
    var logger = Logger(label: "batchsh-sim")
    logger.logLevel = .critical
    let responder = SimulatorResponder(store: store, apiKey: configuration.apiKey)
    let (ports, continuation) = AsyncThrowingStream.makeStream(of: Int.self)
    let server = try HTTPServerBuilder.http1().buildServer(
      configuration: ServerConfiguration(address: .hostname(configuration.host, port: configuration.port)),
      eventLoopGroup: group,
      logger: logger,
      responder: { request, writer, _ in
        let response: Response
        do {
          response = try await responder.respond(to: request)
        } catch is FaultInjector.ConnectionCut {
          throw FaultInjector.ConnectionCut()
        } catch {
          response = SimResponse.error(.internalServerError, "simulator error: \(error)", shape: .string).response()
        }
        // An error thrown here (a fault cutting the body) closes the connection.
        try await writer.write(response: response.head, body: response.body)
      },
      onServerRunning: { channel in
        continuation.yield(channel.localAddress?.port ?? 0)
        continuation.finish()
      })
    let task = Task {
      do {
        try await server.run()
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = try await iterator.next() else {
      task.cancel()
      await task.value
      throw CancellationError()
    }
    return (port, task)
  }

  /// Stops listening and closes every connection; returns when the server is down.
  public func stop() async {
    task.cancel()
    await task.value
    try? await ownGroup?.shutdownGracefully()
  }

  /// The control routes, as `GET /_sim/` and `batchsh-sim --help` describe them.
  public static let controlHelp = """
    Control routes (no auth; not counted; never faulted):
      GET    /_sim/stats     request counts: {"total","jobs","requests":
                             {"GET /v1/batches":N,...}}
      DELETE /_sim/stats     reset the counts
      GET    /_sim/faults    the fault rules in force, with requests left
      POST   /_sim/faults    add a rule (or an array of rules), e.g.
                             {"path":"/v1/batches","method":"GET",
                              "kind":"status","status":503,"count":2}
                             kinds and keys: status{status}
                             rate-limit{retry_after,retry_after_ms}
                             delay{seconds} drop malformed truncated
                             html{status} cut{bytes} stall{seconds};
                             path: "*", exact, or a prefix ending in
                             "*"; count: N or "always"
      DELETE /_sim/faults    remove every rule
      POST   /_sim/jobs      add a job, answers it; keys (all optional):
                             id created_ago validating_seconds run_seconds
                             outcome (COMPLETED|FAILED|EXPIRED)
                             final_progress output_bytes error_bytes error
                             input_bytes input_file_id cancel_after
                             model_id endpoint fractional_timestamps
      POST   /_sim/jobs/{id}/status
                             force a status {"status":"FAILED"} (any text;
                             null returns the job to its timeline)
      GET    /_sim/clock     {"now","unix","speed"}
      POST   /_sim/clock     {"advance": seconds} and/or {"speed": factor}

    """
}
