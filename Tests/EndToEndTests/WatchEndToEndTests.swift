import Foundation
import Testing

/// `watch` against a fast `batchsh-sim`: how each ending is reported, NDJSON, plain lines and request sharing.
@Suite struct WatchEndToEndTests {
  /// A job that validates, then runs for about two real seconds at speed 300.
  static var shortJob: [String: Any] { ["validating_seconds": 30, "run_seconds": 450] }

  /// Adds a job on a frozen clock, starts `watch ID FLAGS…`, and lets the clock run (×300) only once the watch has
  /// shown the job, so the watch sees it from the start however slow the machine is.
  static func follow(_ box: Sandbox, _ spec: [String: Any], _ flags: [String]) async throws
    -> (id: String, result: ProcessResult)
  {
    let id = try await box.sim.addJobID(spec)
    let watch = try box.start(["watch", id, "--interval", "0.1"] + flags)
    let started = await watch.waitForOutput(timeout: 60) { out, _ in out.contains(id) }
    #expect(started, "the watch showed the job")
    try await box.sim.control("POST", "/_sim/clock", ["speed": 300])
    return (id, await watch.finish(timeout: 90))
  }

  @Test func completedJobNamesItsOutputAndTheDownloadHint() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let (id, result) = try await Self.follow(box, Self.shortJob, ["--exit-status"])
    #expect(result.status == 0, "\(result)")
    let output = try #require(try await box.sim.job(id)["output_file_id"] as? String)
    #expect(result.out.contains(output), "\(result)")
    #expect(result.out.contains("download \(id)"), "\(result)")
  }

  @Test func failedJobShowsItsErrorAndErrorFile() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    var spec = Self.shortJob
    spec.merge(["outcome": "FAILED", "error": "quota exceeded on shard 7", "error_bytes": 100]) { $1 }
    let (id, result) = try await Self.follow(box, spec, ["--exit-status"])
    #expect(result.status == 3, "\(result)")
    let errorFile = try #require(try await box.sim.job(id)["error_file_id"] as? String)
    #expect(result.out.contains("quota exceeded on shard 7"), "\(result)")
    #expect(result.out.contains(errorFile), "\(result)")
  }

  @Test func expiredJobGivesThree() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    var spec = Self.shortJob
    spec["outcome"] = "EXPIRED"
    let (_, result) = try await Self.follow(box, spec, ["--exit-status"])
    #expect(result.status == 3, "\(result)")
    #expect(result.outLines.last?.contains("EXPIRED") == true, "\(result)")
  }

  @Test func jobCancelledMidWatchGivesThree() async throws {
    let box = try await Sandbox.start(speed: 300)
    defer { box.close() }
    let id = try await box.sim.addJobID(["run_seconds": 1e7])
    let watch = try box.start(["watch", id, "--exit-status", "--interval", "0.1"])
    #expect(await watch.waitForOutput(timeout: 60) { out, _ in out.contains(id) }, "the watch started")
    let cancel = try await box.run(["cancel", id])
    #expect(cancel.status == 0, "\(cancel)")
    let result = await watch.finish(timeout: 60)
    #expect(result.status == 3, "\(result)")
    #expect(result.out.contains("CANCELLED"), "\(result)")
  }

  @Test func jsonIsOneObjectPerChangeThenAFinalLine() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let (id, result) = try await Self.follow(box, Self.shortJob, ["--json"])
    #expect(result.status == 0, "\(result)")
    let lines = result.outLines.map { JSON.object($0) }
    #expect(lines.count >= 3 && !lines.contains { $0 == nil }, "every line is a JSON object: \(result)")
    let objects = lines.compactMap { $0 }
    for object in objects {
      let time = object["time"] as? String ?? ""
      #expect((try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time)) != nil, "time: \(object)")
    }
    let changes = objects.map { $0["change"] as? String ?? "?" }
    #expect(changes.first == "initial" && changes.last == "final", "\(changes)")
    #expect((objects.first?["job"] as? [String: Any])?["status"] as? String == "VALIDATING")
    #expect(changes.dropFirst().dropLast().allSatisfy { $0 == "status" || $0 == "progress" }, "\(changes)")
    #expect(changes.contains("status"), "\(changes)")
    for object in objects.dropLast() {
      #expect((object["job"] as? [String: Any])?["id"] as? String == id, "\(object)")
    }
    let final = try #require(objects.last?["jobs"] as? [[String: Any]])
    #expect(final.map { $0["status"] as? String } == ["COMPLETED"])
    #expect(objects.last?["outcome"] as? String == "finished")
    let lastChange = objects.dropLast().last?["job"] as? [String: Any]
    #expect(lastChange?["status"] as? String == "COMPLETED")
  }

  @Test func withoutATerminalEachChangeIsOnePlainLine() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let (id, result) = try await Self.follow(box, Self.shortJob, [])
    #expect(result.status == 0, "\(result)")
    #expect(!result.out.contains("\u{1B}") && !result.out.contains("\r"), "no redrawing off a terminal")
    let jobLines = result.outLines.filter { $0.hasPrefix(id) }
    #expect(jobLines.count >= 3, "\(result)")
    #expect(Set(jobLines).count == jobLines.count, "a line only when something changed: \(result)")
    #expect(jobLines.first { $0.contains("IN_PROGRESS") } != nil, "\(result)")
    #expect(result.outLines.last?.contains("download \(id)") == true, "the summary comes last: \(result)")
  }

  /// While two or more jobs are pending, each tick is one `GET /v1/batches` (with one left, the engine `get`s it).
  @Test func twoJobsCostOneListPerTick() async throws {
    let box = try await Sandbox.start(speed: 300)
    defer { box.close() }
    let first = try await box.sim.addJobID(["validating_seconds": 0, "run_seconds": 1e5])
    let second = try await box.sim.addJobID(["validating_seconds": 0, "run_seconds": 2e5])
    _ = try await box.sim.addJobID(["run_seconds": 1e7])  // listed, but not watched
    try await box.sim.control("DELETE", "/_sim/stats")
    let result = try await box.run(["watch", first, second, "--json", "--interval", "0.1", "--timeout", "1.5"])
    #expect(result.status == 124, "\(result)")
    let counts = try await box.sim.requestCounts()
    #expect((counts["GET /v1/batches"] ?? 0) >= 3, "\(counts)")
    #expect(counts.count == 1, "nothing but lists, however many jobs: \(counts)")
    let final = JSON.object(result.outLines.last ?? "")
    #expect(final?["outcome"] as? String == "timeout", "\(result)")
    #expect((final?["jobs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [first, second])
  }
}
