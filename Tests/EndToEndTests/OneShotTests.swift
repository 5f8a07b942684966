import Foundation
import Testing

/// One-shot `get`, `list` and `cancel` against `batchsh-sim` on a frozen clock, so every status is stable.
@Suite struct OneShotTests {
  /// Three jobs on a frozen clock: the newest running, an older completed one, the oldest failed.
  struct World {
    let box: Sandbox
    let running: String
    let completed: String
    let failed: String

    static func make() async throws -> World {
      let box = try await Sandbox.start(speed: 0)
      do {
        let failed = try await box.sim.addJobID(["created_ago": 30000, "outcome": "FAILED", "error_bytes": 64])
        let completed = try await box.sim.addJobID(["created_ago": 20000, "output_bytes": 1000])
        let running = try await box.sim.addJobID(["created_ago": 100, "validating_seconds": 5, "run_seconds": 1e6])
        return World(box: box, running: running, completed: completed, failed: failed)
      } catch {
        box.close()
        throw error
      }
    }
  }

  @Test func versionPrintsTheVersionWithoutAKey() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let result = try await box.run(["--version"], env: ["TOGETHER_API_KEY": ""], baseURL: false)
    #expect(result.status == 0, "\(result)")
    #expect(result.out.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result)")
  }

  @Test func getShowsACard() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let result = try await world.box.run(["get", world.completed])
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains(world.completed))
    #expect(result.out.contains("COMPLETED"))
    #expect(result.out.contains("download \(world.completed)"), "the card hints at the download command")
  }

  @Test func getJSONUsesWireFieldNames() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let result = try await world.box.run(["get", world.failed, "--json"])
    #expect(result.status == 0, "\(result)")
    let job = try #require(JSON.object(result.out), "\(result)")
    #expect(job["id"] as? String == world.failed)
    #expect(job["status"] as? String == "FAILED")
    for key in ["created_at", "input_file_id", "model_id", "error_file_id", "error", "progress"] {
      #expect(job[key] != nil, "missing \(key) in \(result.out)")
    }
    #expect(job["modelId"] == nil && job["createdAt"] == nil, "no camelCase keys")
  }

  @Test func listJSONIsNewestFirst() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let result = try await world.box.run(["list", "--json"])
    #expect(result.status == 0, "\(result)")
    let jobs = try #require(JSON.array(result.out), "\(result)")
    #expect(jobs.compactMap { $0["id"] as? String } == [world.running, world.completed, world.failed])
    let created = jobs.compactMap { $0["created_at"] as? String }
    #expect(created == created.sorted(by: >))
  }

  @Test func listFilters() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let completed = try await world.box.run(["list", "--status", "COMPLETED"])
    #expect(completed.status == 0, "\(completed)")
    #expect(completed.out.contains(world.completed))
    #expect(!completed.out.contains(world.running) && !completed.out.contains(world.failed), "\(completed)")

    let active = try await world.box.run(["list", "--active", "--json"])
    #expect(JSON.array(active.out)?.compactMap { $0["id"] as? String } == [world.running], "\(active)")

    let limited = try await world.box.run(["list", "--limit", "2", "--json"])
    #expect(JSON.array(limited.out)?.compactMap { $0["id"] as? String } == [world.running, world.completed])
  }

  @Test func cancelAnActiveJob() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let cancel = try await world.box.run(["cancel", world.running])
    #expect(cancel.status == 0, "\(cancel)")
    #expect(cancel.out.contains(world.running))
    let get = try await world.box.run(["get", world.running])
    #expect(get.out.contains("CANCELING") || get.out.contains("CANCELLED"), "\(get)")
  }

  @Test func cancelACompletedJobFails() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let result = try await world.box.run(["cancel", world.completed])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains("COMPLETED"), "the message names the status: \(result)")
  }

  @Test func cancelOfTwoWhereOneIsTerminal() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let result = try await world.box.run(["cancel", world.failed, world.running])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains(world.failed), "\(result)")
    #expect(result.out.contains(world.running), "\(result)")
    let status = try await world.box.sim.job(world.running)["status"] as? String
    #expect(status == "CANCELING" || status == "CANCELLED")
  }
}
