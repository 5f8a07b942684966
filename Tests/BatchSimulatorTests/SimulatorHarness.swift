import BatchSimulator
import Foundation
import Testing

/// Runs a test against a simulator started in-process on a free port, with a frozen clock unless told otherwise.
enum SimulatorHarness {
  /// The instant manual clocks start at: 2026-11-29T08:00:00Z.
  static let epoch = Date(timeIntervalSince1970: 1_795_939_200)

  /// Starts a simulator, runs `body`, and stops the simulator even when `body` throws.
  static func with<T>(
    jobs: Int = 0, apiKey: String? = "sim-key", faults: [FaultRule] = [], clock: SimClock? = nil,
    _ body: (SimulatorServer) async throws -> T
  ) async throws -> T {
    let configuration = SimulatorConfiguration(
      jobs: jobs, apiKey: apiKey, faults: faults, clock: clock ?? SimClock.manual(start: epoch))
    let server = try await SimulatorServer.start(configuration)
    do {
      let result = try await body(server)
      await server.stop()
      return result
    } catch {
      await server.stop()
      throw error
    }
  }
}

extension SimulatorServer {
  /// Sends a request and requires a response (a dropped connection fails the test).
  func send(
    _ method: String, _ path: String, key: String? = "sim-key", body: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> RawHTTP.Reply {
    let reply = try await RawHTTP.send(port: port, method, path, key: key, body: body)
    return try #require(reply, "connection closed without a response", sourceLocation: sourceLocation)
  }

  /// `GET path` with the default key.
  func get(_ path: String, key: String? = "sim-key", sourceLocation: SourceLocation = #_sourceLocation)
    async throws -> RawHTTP.Reply
  {
    try await send("GET", path, key: key, sourceLocation: sourceLocation)
  }

  /// `GET /v1/batches/{id}` as a JSON object.
  func job(_ id: String) async throws -> [String: Any] {
    try await get("/v1/batches/\(id)").object
  }
}
