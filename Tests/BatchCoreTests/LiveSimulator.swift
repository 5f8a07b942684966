import BatchSimulator
import Foundation
import NIOPosix
import Testing

@testable import BatchCore

/// A simulator on a loopback port with a frozen clock and a client pointed at it, for live tests of `BatchClient`.
struct LiveSimulator {
  /// A key distinctive enough that finding it in any error text is certainly a leak.
  static let key = "sk-live-7f3a9c1e-DISTINCTIVE-KEY-b2d4"

  let server: SimulatorServer
  var store: JobStore { server.store }

  /// Starts a simulator with `jobs` seeded jobs, runs `body` and stops the simulator whatever happens.
  ///
  /// With `onEventLoop`, `body` runs on `BatchClient.connectionExecutor`, as a script does, so its requests take the
  /// client's event-loop path.
  static func run<T>(
    jobs: Int = 0, onEventLoop: Bool = false, _ body: (LiveSimulator) async throws -> T
  ) async throws -> T {
    let configuration = SimulatorConfiguration(jobs: jobs, apiKey: key, clock: .manual())
    let simulator = LiveSimulator(server: try await SimulatorServer.start(configuration))
    do {
      let result = try await withTaskExecutorPreference(executor(onEventLoop: onEventLoop)) {
        #expect((MultiThreadedEventLoopGroup.currentEventLoop != nil) == onEventLoop)
        return try await body(simulator)
      }
      await simulator.server.stop()
      return result
    } catch {
      await simulator.server.stop()
      throw error
    }
  }

  /// The executor of a test's requests: the client's event loop, or none (the concurrency pool).
  static func executor(onEventLoop: Bool) -> (any TaskExecutor)? {
    onEventLoop ? BatchClient.connectionExecutor : nil
  }

  /// A client for this simulator; by default retries fast so fault tests do not wait.
  func client(
    retryPolicy: RetryPolicy = .fast, requestTimeout: Double = 10, key: String? = LiveSimulator.key
  ) throws -> BatchClient {
    let configuration = try BatchClientConfiguration(
      baseURL: server.baseURL + "/v1", apiKey: key, connectTimeout: 2, requestTimeout: requestTimeout,
      retryPolicy: retryPolicy)
    return BatchClient(configuration: configuration)
  }

  // MARK: - Jobs

  /// Adds a job that is still `VALIDATING` (the clock is frozen).
  @discardableResult
  func addActiveJob(id: String? = nil) throws -> String {
    try store.addJob(SimJobSpec(id: id, validatingSeconds: 60))
  }

  /// Adds a `COMPLETED` job and returns its id with its output file id.
  func addCompletedJob(outputBytes: Int = 4096, errorBytes: Int = 0) throws -> (job: String, output: String) {
    let id = try store.addJob(
      SimJobSpec(
        createdAgo: 600, validatingSeconds: 10, runSeconds: 100, outputBytes: outputBytes, errorBytes: errorBytes))
    let output = try #require(store.state(of: id)?.outputFileID)
    return (id, output)
  }

  /// Injects a fault for the next `count` requests (nil: every request) to `path`.
  func fault(_ kind: FaultKind, path: String = "*", method: String? = nil, count: Int? = 1) {
    store.addFault(FaultRule(path: path, method: method, kind: kind, count: count))
  }

  /// Requests received for one job's `GET /v1/batches/{id}`.
  func gets(_ id: String) -> Int {
    store.requestCount(method: "GET", path: "/v1/batches/\(id)")
  }

  /// Requests received for one job's `GET`, once they reach `count` or `seconds` have passed.
  ///
  /// The server counts a request when it handles it, which on a loaded machine can be after a client with a short
  /// timeout has given up on it.
  func gets(_ id: String, reaching count: Int, within seconds: Double = 5) async -> Int {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while gets(id) < count, ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(10))
    }
    return gets(id)
  }
}

extension RetryPolicy {
  /// Three quick retries (10–40 ms), for tests that do not measure time.
  static let fast = RetryPolicy(maxRetries: 3, baseDelay: 0.01, maxDelay: 0.05)
}

/// Runs `body`, which must fail with a `BatchError`, and checks that no text of the error shows the API key.
func expectBatchError<T>(
  _ body: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation
) async -> BatchError? {
  do {
    let value = try await body()
    Issue.record("expected a BatchError, got \(value)", sourceLocation: sourceLocation)
    return nil
  } catch let error as BatchError {
    for text in [error.description, String(reflecting: error), error.localizedDescription] {
      #expect(!text.contains(LiveSimulator.key), "the API key leaked: \(text)", sourceLocation: sourceLocation)
    }
    return error
  } catch {
    Issue.record("expected a BatchError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
