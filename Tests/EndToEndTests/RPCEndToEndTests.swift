import Foundation
import Testing

/// `batchsh --rpc` as a program drives it: line-delimited JSON-RPC on stdin/stdout against `batchsh-sim`.
@Suite struct RPCEndToEndTests {
  /// Parses stdout into messages, checking that every line is one JSON object or array (protocol lines only).
  static func messages(_ result: ProcessResult) -> [Any] {
    result.outLines.map { line in
      let value = try? JSONSerialization.jsonObject(with: Data(line.utf8))
      #expect(value is [String: Any] || value is [Any], "stdout carries protocol lines only: \(line.prefix(200))")
      return value ?? NSNull()
    }
  }

  /// The response with this id among the messages.
  static func response(_ id: Int, in messages: [Any]) -> [String: Any]? {
    messages.compactMap { $0 as? [String: Any] }.first { ($0["id"] as? Int) == id && $0["method"] == nil }
  }

  static func code(_ response: [String: Any]?) -> Int? { (response?["error"] as? [String: Any])?["code"] as? Int }

  static func lines(_ lines: [String]) -> Data { Data((lines.joined(separator: "\n") + "\n").utf8) }

  @Test func answersEveryKindOfRequestAndExitsZeroAtEndOfInput() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID(["created_ago": 5000])
    let result = try await box.run(["--rpc"], stdin: Self.lines([
      #"{"jsonrpc":"2.0","id":1,"method":"list","params":{"limit":5}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"get","params":{"id":"\#(id)"}}"#,
      #"{"jsonrpc":"2.0","id":3,"method":"rpc.discover"}"#,
      #"{"jsonrpc":"2.0","id":4,"method":"frobnicate"}"#,
      #"{"jsonrpc":"2.0","id":5,"method":"get","params":{}}"#,
      "this is not json",
      #"[{"jsonrpc":"2.0","id":6,"method":"help"},{"jsonrpc":"2.0","method":"list"}]"#,
    ]))
    #expect(result.status == 0, "\(result)")
    let messages = Self.messages(result)
    #expect(messages.count == 7, "\(result)")
    let jobs = (Self.response(1, in: messages)?["result"] as? [String: Any])?["jobs"] as? [[String: Any]]
    #expect(jobs?.first?["id"] as? String == id)
    #expect((Self.response(2, in: messages)?["result"] as? [String: Any])?["status"] as? String == "COMPLETED")
    let discover = Self.response(3, in: messages)?["result"] as? [String: Any]
    #expect(discover?["openrpc"] as? String == "1.2.6")
    #expect(Self.code(Self.response(4, in: messages)) == -32601)
    #expect(Self.code(Self.response(5, in: messages)) == -32602)
    #expect(messages.contains { ($0 as? [String: Any]).map { Self.code($0) == -32700 && $0["id"] is NSNull } ?? false })
    #expect(messages.contains { ($0 as? [Any])?.count == 1 }, "the batch answers one array without the notification")
    #expect(!result.out.contains(box.sim.key) && !result.err.contains(box.sim.key))
  }

  @Test func endOfInputCancelsWatchesAndFinishesOtherRequests() async throws {
    let box = try await Sandbox.start(speed: 1)
    defer { box.close() }
    let running = try await box.sim.addJobID(["run_seconds": 1e6])
    let done = try await box.sim.addJobID(["created_ago": 5000])
    try await box.sim.control("POST", "/_sim/faults", ["path": "/v1/batches/\(done)", "kind": "delay", "seconds": 0.5])
    let result = try await box.run(["--rpc"], stdin: Self.lines([
      #"{"jsonrpc":"2.0","id":1,"method":"watch","params":{"ids":["\#(running)"],"interval":0.1}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"get","params":{"id":"\#(done)"}}"#,
    ]))
    #expect(result.status == 0, "\(result)")
    let messages = Self.messages(result)
    #expect(Self.code(Self.response(1, in: messages)) == -32800, "\(result)")
    #expect((Self.response(2, in: messages)?["result"] as? [String: Any])?["id"] as? String == done, "\(result)")
  }

  @Test func shutdownRefusesLaterRequestsAndExitStopsReading() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(["--rpc"], stdin: Self.lines([
      #"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"list"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
      #"{"jsonrpc":"2.0","id":3,"method":"list"}"#,
    ]))
    #expect(result.status == 0, "\(result)")
    let messages = Self.messages(result)
    #expect(messages.count == 2, "\(result)")
    #expect(Self.response(1, in: messages)?.keys.contains("result") == true)
    #expect(Self.code(Self.response(2, in: messages)) == -32600)
  }

  @Test func streamsWatchUpdatesAndStopsCleanlyOnSIGTERM() async throws {
    let box = try await Sandbox.start(speed: 1)
    defer { box.close() }
    let running = try await box.sim.addJobID(["run_seconds": 1e6])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Binaries.batchsh)
    process.arguments = ["--base-url", box.sim.baseURL, "--rpc"]
    process.environment = box.environment()
    let (input, output) = (Pipe(), Pipe())
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try CleanSpawn.lock.withLock { try process.run() }
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    let request = #"{"jsonrpc":"2.0","id":"w","method":"watch","params":{"ids":["\#(running)"],"interval":0.1}}"#
    input.fileHandleForWriting.write(Data((request + "\n").utf8))
    let reader = LineCollector(output.fileHandleForReading)
    #expect(await reader.waitFor { $0.contains("watch/update") }, "a watch/update notification arrives")
    kill(process.processIdentifier, SIGTERM)
    #expect(await reader.waitFor { $0.contains(#""id":"w""#) }, "the watch answers before the process exits")
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let last = reader.lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
    #expect(Self.code(last) == -32800)
    try? input.fileHandleForWriting.close()
  }
}

/// Reads a child's stdout lines on a background thread.
final class LineCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [String] = []

  init(_ handle: FileHandle) {
    Thread { [self] in
      var pending = Data()
      while case let chunk = handle.availableData, !chunk.isEmpty {
        pending.append(chunk)
        while let newline = pending.firstIndex(of: 0x0A) {
          let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
          pending.removeSubrange(pending.startIndex...newline)
          lock.withLock { collected.append(line) }
        }
      }
    }.start()
  }

  var lines: [String] { lock.withLock { collected } }

  /// Waits up to 30 seconds for a line matching `predicate`.
  func waitFor(_ predicate: (String) -> Bool) async -> Bool {
    for _ in 0..<3000 {
      if lines.contains(where: predicate) { return true }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return false
  }
}
