import BatchSimulator
import Testing

/// The `/_sim/` routes add jobs, force statuses, move the clock and report counts, without auth.
@Suite struct ControlRouteTests {
  @Test func jobsAreAddedWithALifecycle() async throws {
    try await SimulatorHarness.with { server in
      let body = #"{"id":"batch-made","validating_seconds":2,"run_seconds":8,"outcome":"FAILED","error":"nope"}"#
      let reply = try await server.send("POST", "/_sim/jobs", key: nil, body: body)
      #expect(reply.status == 201)
      #expect(reply.object["id"] as? String == "batch-made" && reply.object["status"] as? String == "VALIDATING")
      let job = try #require(server.store.job("batch-made"))
      #expect(job.validatingSeconds == 2 && job.runSeconds == 8 && job.outcome == .failed && job.errorText == "nope")
      #expect(try await server.send("POST", "/_sim/jobs", body: body).status == 409)
      #expect(try await server.send("POST", "/_sim/jobs", body: "{").status == 400)
      let plain = try await server.send("POST", "/_sim/jobs")
      #expect(plain.status == 201 && (plain.object["id"] as? String)?.hasPrefix("batch-") == true)
    }
  }

  @Test func statusIsForcedAndReleased() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 60))
      let forced = try await server.send("POST", "/_sim/jobs/\(id)/status", body: #"{"status":"CANCELLING"}"#)
      #expect(forced.object["status"] as? String == "CANCELLING")
      let released = try await server.send("POST", "/_sim/jobs/\(id)/status", body: #"{"status":null}"#)
      #expect(released.object["status"] as? String == "VALIDATING")
      #expect(try await server.send("POST", "/_sim/jobs/batch-x/status", body: #"{"status":"X"}"#).status == 404)
    }
  }

  @Test func clockAdvancesAndChangesSpeed() async throws {
    try await SimulatorHarness.with { server in
      let before = try await server.get("/_sim/clock").object
      #expect(before["now"] as? String == "2026-11-29T08:00:00.000000Z" && before["speed"] as? Double == 0)
      let after = try await server.send("POST", "/_sim/clock", body: #"{"advance":90,"speed":5}"#).object
      #expect((after["unix"] as? Double ?? 0) >= 1_795_939_290)
      #expect(after["speed"] as? Double == 5)
      #expect(try await server.send("POST", "/_sim/clock", body: "[]").status == 400)
    }
  }

  @Test func statsResetAndHelpAndUnknownRoutes() async throws {
    try await SimulatorHarness.with { server in
      _ = try await server.get("/v1/batches")
      let reset = try await server.send("DELETE", "/_sim/stats").object
      #expect(reset["total"] as? Int == 0)
      #expect(try await server.get("/_sim/").text.contains("/_sim/faults"))
      #expect(try await server.get("/_sim/nothing").status == 404)
    }
  }
}
