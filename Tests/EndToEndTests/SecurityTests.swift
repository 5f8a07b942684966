import Foundation
import Testing

/// The key never leaks, ids are validated before use, and server text cannot drive the terminal (SPEC §8).
@Suite struct SecurityTests {
  static let key = "tgp_e2e_Zq7SECRETKEY_0123456789abcdef"

  /// Whether `data` holds a raw ESC, BEL, NUL or C1 CSI (U+009B), which could drive a terminal.
  static func hasControlBytes(_ data: Data) -> Bool {
    let bytes = [UInt8](data)
    return bytes.contains { $0 == 0x1B || $0 == 0x07 || $0 == 0x00 }
      || zip(bytes, bytes.dropFirst()).contains { $0 == 0xC2 && $1 == 0x9B }
  }

  /// Records a failure when `result` shows the key anywhere.
  static func expectNoKey(_ result: ProcessResult, _ what: Any, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!result.out.contains(key) && !result.err.contains(key), "\(what) leaked the key: \(result)",
      sourceLocation: sourceLocation)
  }

  static let commands: [[String]] = [
    ["get", "batch-1"], ["list", "--json"], ["cancel", "batch-1"], ["watch", "batch-1", "--interval", "0.1"],
    ["download", "batch-1"],
  ]

  @Test func theKeyNeverAppearsWhenTheSimulatorRefusesIt() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    for command in Self.commands {
      let result = try await box.run(command, env: ["TOGETHER_API_KEY": Self.key])
      #expect(result.status == 4, "\(command): \(result)")
      Self.expectNoKey(result, command)
    }
    let script = try await box.run(["--keep-going"], stdin: Data("get batch-1\nlist\n".utf8),
      env: ["TOGETHER_API_KEY": Self.key])
    #expect(script.status == 1, "\(script)")
    Self.expectNoKey(script, "script mode")

    let remote = try await box.run(["--base-url", "http://example.com", "list"], env: ["TOGETHER_API_KEY": Self.key],
      baseURL: false)
    #expect(remote.status != 0, "a key over plain http to another host is refused: \(remote)")
    Self.expectNoKey(remote, "plain http")
  }

  @Test(arguments: [401, 403, 404, 400])
  func theKeyNeverAppearsWhenAServerEchoesIt(status: Int) async throws {
    let server = try EchoServer(status: status)
    defer { server.stop() }
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    for command in Self.commands {
      let result = try await box.run(["--base-url", server.baseURL] + command, env: ["TOGETHER_API_KEY": Self.key],
        baseURL: false)
      #expect(result.status == (status == 401 || status == 403 ? 4 : 1), "\(command): \(result)")
      Self.expectNoKey(result, command)
      if status != 404 || command[0] == "list" {
        #expect(result.err.contains("Invalid API key provided: Bearer [redacted]"), "the server's text, redacted")
      }
    }
  }

  @Test(arguments: ["batch-\u{1B}[2Jx", "batch-\u{07}bell", "a\u{9B}31mb", "batch-1\nlist"])
  func idsWithControlCharactersAreUsageErrors(id: String) async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(["get", id])
    #expect(result.status == 64, "\(result)")
    #expect(result.err.contains("error:"), "\(result)")
    #expect(!Self.hasControlBytes(result.stdout) && !Self.hasControlBytes(result.stderr), "raw bytes echoed: \(result)")
    #expect(try await box.sim.requestCounts().isEmpty, "no request for an invalid id")
  }

  @Test func serverTextIsSanitisedOnTheTerminalButExactInJSON() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let evil = "bad \u{1B}]0;pwned\u{07}\u{1B}[31mEVIL\u{1B}[0m\u{9B}2J end"
    let id = try await box.sim.addJobID([
      "created_ago": 5000, "outcome": "FAILED", "error": evil, "model_id": "model-\u{1B}[5mblink",
    ])
    for command in [["get", id], ["list"], ["watch", id, "--interval", "0.1"]] {
      let result = try await box.run(command)
      #expect(result.status == 0, "\(command): \(result)")
      #expect(!Self.hasControlBytes(result.stdout) && !Self.hasControlBytes(result.stderr), "\(command): \(result)")
    }
    let card = try await box.run(["get", id])
    #expect(card.out.contains("EVIL"), "the text is kept, only the escapes go: \(card)")

    let json = try await box.run(["get", id, "--json"])
    #expect(!json.stdout.contains(0x1B) && !json.stdout.contains(0x07), "JSON escapes ESC and BEL: \(json)")
    #expect(JSON.object(json.out)?["error"] as? String == evil, "the raw value is unchanged in JSON")
  }
}
