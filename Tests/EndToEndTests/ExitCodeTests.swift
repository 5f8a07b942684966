import Foundation
import Testing

/// Every exit status of SPEC §4, produced by the real binary against `batchsh-sim`.
@Suite struct ExitCodeTests {
  @Test func successAndNotFound() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID()
    let found = try await box.run(["get", id])
    #expect(found.status == 0, "\(found)")
    let missing = try await box.run(["get", "batch-does-not-exist"])
    #expect(missing.status == 1, "\(missing)")
    #expect(missing.err.contains("batch-does-not-exist"), "\(missing)")
  }

  @Test(arguments: ["FAILED", "EXPIRED", "CANCELLED"])
  func unsuccessfulJobGivesThree(status: String) async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID(["created_ago": 100])
    try await box.sim.control("POST", "/_sim/jobs/\(id)/status", ["status": status])
    let result = try await box.run(["watch", id, "--exit-status", "--interval", "0.1"])
    #expect(result.status == 3, "\(result)")
    let plain = try await box.run(["watch", id, "--interval", "0.1"])
    #expect(plain.status == 0, "without --exit-status the watch itself succeeded: \(plain)")
  }

  @Test func missingKeyGivesFour() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(["list"], env: ["TOGETHER_API_KEY": ""])
    #expect(result.status == 4, "\(result)")
    #expect(result.err.contains("TOGETHER_API_KEY"), "says how to get a key: \(result)")
    #expect(result.err.contains("--sim"), "mentions the simulator: \(result)")
  }

  @Test(arguments: [["help"], ["help", "watch"], ["watch", "--help"], ["get", "-h"]])
  func helpNeedsNoKey(arguments: [String]) async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(arguments, env: ["TOGETHER_API_KEY": ""])
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("Usage:") || result.out.contains("Commands:"), "\(result)")
  }

  @Test func wrongKeyGivesFour() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(["list"], env: ["TOGETHER_API_KEY": "wrong-key-123456"])
    #expect(result.status == 4, "\(result)")
    #expect(!result.err.isEmpty)
  }

  @Test(arguments: [["frobnicate"], ["list", "--bogus"], ["get", "../x"], ["list", "--limit", "many"], ["get"]])
  func usageErrorsGiveSixtyFour(arguments: [String]) async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(arguments)
    #expect(result.status == 64, "\(result)")
    #expect(result.err.contains("error:"), "\(result)")
    #expect(try await box.sim.requestCounts().isEmpty, "a usage error sends no request")
  }

  @Test func watchTimeoutGivesOneTwentyFour() async throws {
    let box = try await Sandbox.start(speed: 1)
    defer { box.close() }
    let id = try await box.sim.addJobID(["run_seconds": 1e6])
    let started = Date()
    let result = try await box.run(["watch", id, "--timeout", "0.5", "--interval", "0.1"])
    #expect(result.status == 124, "\(result)")
    #expect(Date().timeIntervalSince(started) < 30)
  }

  @Test func interruptGivesOneThirty() async throws {
    let box = try await Sandbox.start(speed: 1)
    defer { box.close() }
    let id = try await box.sim.addJobID(["run_seconds": 1e6])
    let watch = try box.start(["watch", id, "--interval", "0.1"])
    let started = await watch.waitForOutput(timeout: 60) { out, _ in out.contains(id) }
    #expect(started, "the watch printed its first line")
    watch.send(SIGINT)
    let result = await watch.finish(timeout: 30)
    #expect(result.status == 130, "\(result)")
    #expect(result.err.contains("interrupted"), "\(result)")
    let status = try await box.sim.job(id)["status"] as? String
    #expect(status != "CANCELING" && status != "CANCELLED", "an interrupted watch never cancels the job")
  }
}
