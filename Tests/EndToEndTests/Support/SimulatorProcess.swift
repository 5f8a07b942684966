import Foundation

/// A `batchsh-sim` process on a free loopback port, with helpers for its `/_sim/` control routes.
final class SimulatorProcess: Sendable {
  let process: ChildProcess
  let port: Int
  /// The key the simulator accepts.
  let key: String

  private init(process: ChildProcess, port: Int, key: String) {
    self.process = process
    self.port = port
    self.key = key
  }

  /// `http://127.0.0.1:PORT`, as `batchsh --base-url` takes it.
  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// Starts the simulator with `--port 0` and waits for its `listening on …` line.
  static func start(speed: Double = 300, jobs: Int = 0, key: String = "sim-key", arguments: [String] = [])
    async throws -> SimulatorProcess
  {
    let process = try ChildProcess(
      Binaries.simulator,
      ["--port", "0", "--speed", String(speed), "--jobs", String(jobs), "--key", key] + arguments,
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    let prefix = "listening on http://127.0.0.1:"
    _ = await process.waitForOutput(timeout: 60) { out, _ in out.contains("\n") }
    let firstLine = process.stdoutText.split(separator: "\n").first.map(String.init) ?? ""
    guard firstLine.hasPrefix(prefix), let port = Int(firstLine.dropFirst(prefix.count)) else {
      process.send(SIGKILL)
      throw HarnessError("batchsh-sim did not print its listening line: \(firstLine)\(process.stderrText)")
    }
    return SimulatorProcess(process: process, port: port, key: key)
  }

  /// Stops the simulator (SIGTERM, then SIGKILL if it lingers).
  func stop() {
    process.send(SIGTERM)
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    process.send(SIGKILL)
  }

  // MARK: - Control routes

  /// Sends a control request (`/_sim/…`) and returns the response.
  @discardableResult
  func control(_ method: String, _ path: String, _ body: Any? = nil) async throws -> HTTP.Response {
    try await HTTP.send(method, baseURL + path, body: body.map(JSON.data))
  }

  /// Adds a job (`POST /_sim/jobs`) and returns it as the API shows it.
  func addJob(_ spec: [String: Any] = [:]) async throws -> [String: Any] {
    let response = try await control("POST", "/_sim/jobs", spec)
    guard response.status == 201, let job = JSON.object(response.text) else {
      throw HarnessError("POST /_sim/jobs answered \(response.status): \(response.text)")
    }
    return job
  }

  /// Adds a job and returns its id.
  func addJobID(_ spec: [String: Any] = [:]) async throws -> String {
    try await addJob(spec)["id"] as? String ?? ""
  }

  /// The job as the API shows it now, fetched with the simulator's key.
  func job(_ id: String) async throws -> [String: Any] {
    let response = try await api("GET", "/v1/batches/\(id)")
    return JSON.object(response.text) ?? [:]
  }

  /// An API request with the simulator's key (counted in the stats, unlike control requests).
  func api(_ method: String, _ path: String) async throws -> HTTP.Response {
    try await HTTP.send(method, baseURL + path, headers: ["Authorization": "Bearer \(key)"])
  }

  /// Request counts keyed `"METHOD /path"`.
  func requestCounts() async throws -> [String: Int] {
    let stats = JSON.object(try await control("GET", "/_sim/stats").text)
    return stats?["requests"] as? [String: Int] ?? [:]
  }
}
