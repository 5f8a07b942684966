@testable import BatchRPC
import BatchCommands
import BatchCore
import BatchSimulator
import Foundation
import Synchronization
import Testing

/// A live `RPCServer` on a pipe pair in this process, with an in-process simulator behind it and a small client.
///
/// The server reads one pipe and writes another; the client writes lines and reads response lines with a timeout.
final class RPCSession: Sendable {
  let simulator: SimulatorServer
  let server: RPCServer
  let inbox = LineInbox()
  let directory: String
  private let toServer: Int32
  private let inputOpen = Mutex(true)
  private let serverTask: Task<Int32, Never>
  private let pipes: [Int32]

  private init(simulator: SimulatorServer, server: RPCServer, directory: String, pipes: [Int32]) {
    self.simulator = simulator
    self.server = server
    self.directory = directory
    self.pipes = pipes
    toServer = pipes[1]
    serverTask = Task { await server.run() }
    let inbox = inbox
    let fromServer = pipes[2]
    let thread = Thread {
      let reader = LineReader(fd: fromServer, maxLength: 64 << 20)
      while let line = reader.next() {
        if case .line(let bytes) = line { inbox.push(String(decoding: bytes, as: UTF8.self)) }
      }
      inbox.close()
    }
    thread.start()
  }

  /// Starts a simulator and a server on it; `speed: 0` freezes the simulated clock until `advance(_:)` moves it,
  /// which keeps watch tests exact however loaded the machine is. Requests run on `executor`, by default where
  /// `batchsh --rpc` runs them; `api` may wrap the client the server uses.
  static func start(
    jobs: Int = 6, speed: Double = 600, key: String = "sim-key", maxLineLength: Int = RPCServer.defaultMaxLineLength,
    executor: (any TaskExecutor)? = BatchClient.connectionExecutor,
    api wrap: (BatchClient) -> any BatchAPI = { $0 }
  ) async throws -> RPCSession {
    let simulator = try await SimulatorServer.start(SimulatorConfiguration(jobs: jobs, speed: speed))
    let configuration = try BatchClientConfiguration(baseURL: simulator.baseURL, apiKey: key, retryPolicy: .none)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchsh-rpc-\(UUID())").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let context = CommandContext(
      api: wrap(BatchClient(configuration: configuration)), frontEnd: .rpc, currentDirectory: directory)
    var input: [Int32] = [-1, -1]
    var output: [Int32] = [-1, -1]
    #expect(pipe(&input) == 0 && pipe(&output) == 0)
    let server = RPCServer(context: context, input: input[0], output: output[1], maxLineLength: maxLineLength,
      secrets: [key], executor: executor, diagnostics: { _ in })
    return RPCSession(simulator: simulator, server: server, directory: directory,
      pipes: [input[0], input[1], output[0], output[1]])
  }

  // MARK: - Sending

  /// Writes raw bytes (a `\n` is not added).
  ///
  /// Returns once every byte is in the pipe: a write bigger than the pipe waits for the server to read, so it runs on a
  /// thread of its own (see `onOwnThread`).
  func send(bytes: [UInt8]) async {
    let fd = toServer
    await onOwnThread {
      bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let count = write(fd, raw.baseAddress! + offset, raw.count - offset)
          if count <= 0 { return }
          offset += count
        }
      }
    }
  }

  /// Writes one line.
  func send(_ line: String) async { await send(bytes: Array((line + "\n").utf8)) }

  /// Writes a request with a numeric id and named params.
  func call(_ id: Int, _ method: String, _ params: JSONValue? = nil) async {
    var message: JSONValue = ["jsonrpc": "2.0", "id": .integer(Int64(id)), "method": .string(method)]
    if let params, case .object(var members) = message {
      members["params"] = params
      message = .object(members)
    }
    await send(String(decoding: JSONWriter.bytes(message), as: UTF8.self))
  }

  /// Ends the input (EOF) without waiting.
  func closeInput() {
    let wasOpen = inputOpen.withLock { open in
      defer { open = false }
      return open
    }
    if wasOpen { close(toServer) }
  }

  /// Moves the simulator's clock forward (for sessions started with `speed: 0`, whose clock stands still).
  func advance(_ seconds: Double) { simulator.store.clock.advance(by: seconds) }

  /// Adds a job to the simulator; returns its id.
  @discardableResult
  func addJob(_ spec: SimJobSpec) throws -> String { try simulator.store.addJob(spec) }

  /// Sends a line and returns the next line written, parsed (for exchanges with nothing else in flight).
  func exchange(_ line: String, timeout: Double = 20) async -> JSONValue? {
    await send(line)
    return await next(timeout: timeout)
  }

  /// Sends a request and returns its response, skipping anything written before it.
  func request(_ id: Int, _ method: String, _ params: JSONValue? = nil, timeout: Double = 30) async -> JSONValue? {
    await call(id, method, params)
    return await response(id, timeout: timeout)
  }

  // MARK: - Receiving

  /// The next line written, parsed; nil after `timeout` seconds.
  func next(timeout: Double = 20) async -> JSONValue? {
    guard let line = await inbox.next(timeout: timeout) else { return nil }
    return Self.parse(line)
  }

  /// Messages up to and including the response with this id (numeric ids).
  func messages(untilResponse id: Int, timeout: Double = 30) async -> [JSONValue] {
    var seen: [JSONValue] = []
    while let message = await next(timeout: timeout) {
      seen.append(message)
      if message["id"] == .integer(Int64(id)) { break }
    }
    return seen
  }

  /// The response with this id, skipping notifications and other responses.
  func response(_ id: Int, timeout: Double = 30) async -> JSONValue? {
    await messages(untilResponse: id, timeout: timeout).last.flatMap { $0["id"] == .integer(Int64(id)) ? $0 : nil }
  }

  /// Parses a line with Foundation (an implementation independent of the server's writer).
  static func parse(_ line: String) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
  }

  // MARK: - Ending

  /// Closes the input, waits for the server to return, checks every line written, stops the simulator.
  @discardableResult
  func finish() async -> Int32 {
    closeInput()
    return await stop()
  }

  /// Waits for `run()` to return (the input must end or the server be told to stop), then cleans up.
  @discardableResult
  func stop() async -> Int32 {
    let status = await serverTask.value
    closeInput()
    close(pipes[3])
    close(pipes[0])
    while !inbox.isClosed { try? await Task.sleep(for: .milliseconds(5)) }
    close(pipes[2])
    for line in inbox.all { #expect(Self.isProtocolMessage(line), "not a JSON-RPC message: \(line.prefix(300))") }
    await simulator.stop()
    try? FileManager.default.removeItem(atPath: directory)
    return status
  }

  /// Whether a line is a JSON-RPC 2.0 response, notification, or batch of responses.
  static func isProtocolMessage(_ line: String) -> Bool {
    guard let value = parse(line) else { return false }
    func valid(_ message: JSONValue) -> Bool {
      guard message["jsonrpc"] == "2.0" else { return false }
      if message["method"]?.stringValue != nil { return message["id"] == nil }
      let id = message["id"]
      guard id == .null || id?.stringValue != nil || id?.doubleValue != nil else { return false }
      return (message["result"] != nil) != (message["error"] != nil)
    }
    if case .array(let elements) = value { return !elements.isEmpty && elements.allSatisfy(valid) }
    return valid(value)
  }
}
