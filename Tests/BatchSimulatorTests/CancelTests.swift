import BatchSimulator
import Testing

/// Cancel moves an active job to CANCELING then CANCELLED, repeats harmlessly, and refuses finished jobs.
@Suite struct CancelTests {
  @Test func cancelGoesThroughCancelingToCancelled() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 5, runSeconds: 100))
      server.store.clock.advance(by: 30)
      let reply = try await server.send("POST", "/v1/batches/\(id)/cancel")
      #expect(reply.status == 200)
      #expect(reply.object["status"] as? String == "CANCELING")
      #expect(reply.object["progress"] as? Double == 25)
      #expect(reply.object["completed_at"] == nil)

      let again = try await server.send("POST", "/v1/batches/\(id)/cancel")
      #expect(again.status == 200 && again.object["status"] as? String == "CANCELING")

      server.store.clock.advance(by: 1.9)
      #expect(try await server.job(id)["status"] as? String == "CANCELING")
      server.store.clock.advance(by: 0.2)
      let job = try await server.job(id)
      #expect(job["status"] as? String == "CANCELLED")
      #expect(job["progress"] as? Double == 25)
      #expect(job["completed_at"] != nil && job["output_file_id"] == nil)

      let afterwards = try await server.send("POST", "/v1/batches/\(id)/cancel")
      #expect(afterwards.status == 200 && afterwards.object["status"] as? String == "CANCELLED")
      server.store.clock.advance(by: 1000)
      #expect(try await server.job(id)["status"] as? String == "CANCELLED")
    }
  }

  @Test(arguments: [SimOutcome.completed, .failed, .expired])
  func cancelOfAFinishedJobIs400NamingTheStatus(outcome: SimOutcome) async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(createdAgo: 500, outcome: outcome, errorBytes: 100))
      let reply = try await server.send("POST", "/v1/batches/\(id)/cancel")
      #expect(reply.status == 400)
      let message = try #require(reply.object["error"] as? String)
      #expect(message.contains(outcome.rawValue))
      #expect(try await server.job(id)["status"] as? String == outcome.rawValue)
    }
  }

  @Test func cancelOfAnUnknownJobIs404() async throws {
    try await SimulatorHarness.with { server in
      let reply = try await server.send("POST", "/v1/batches/batch-missing/cancel")
      #expect(reply.status == 404)
      #expect(reply.object["error"] is String)
    }
  }

  @Test func cancelOfAValidatingJobKeepsProgressZero() async throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(SimJobSpec(validatingSeconds: 50))
    #expect(store.cancel(id) == .accepted)
    #expect(store.state(of: id) == SimJobState(status: "CANCELING", progress: 0))
    #expect(store.cancel("batch-nope") == .notFound)
  }

  @Test func seededCancelAfterEndsCancelled() async throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(SimJobSpec(createdAgo: 60, validatingSeconds: 10, runSeconds: 100, cancelAfter: 30))
    let state = try #require(store.state(of: id))
    #expect(state.status == "CANCELLED")
    #expect(state.completedAt == SimulatorHarness.epoch.timeIntervalSince1970 - 28)
    #expect(store.cancel(id) == .accepted)
  }
}
