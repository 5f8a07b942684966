import BatchSimulator
import Testing

/// Ten thousand jobs are listed whole and quickly, and counters see every request.
@Suite struct ScaleTests {
  @Test func tenThousandJobsAreListedQuickly() async throws {
    try await SimulatorHarness.with(jobs: 10_000) { server in
      let reply = try await server.get("/v1/batches")
      #expect(reply.status == 200)
      #expect(reply.array.count == 10_000)
      #expect(Set(reply.array.compactMap { $0["id"] as? String }).count == 10_000)

      let start = ContinuousClock.now
      let timed = try await RawHTTP.send(port: server.port, "GET", "/v1/batches") { _ in }
      let elapsed = ContinuousClock.now - start
      #expect(timed?.bodyCount == reply.body.count)
      // A release build answers in about 40 ms; an unoptimised debug build takes about 1.5 s (more under load).
      #if DEBUG
        let limit = Duration.seconds(15)
      #else
        let limit = Duration.milliseconds(500)
      #endif
      #expect(elapsed < limit, "took \(elapsed)")
      let last = try #require(server.store.jobs().last)
      #expect(try await server.job(last.id)["id"] as? String == last.id)
    }
  }

  @Test func requestsAreCountedPerMethodAndPath() async throws {
    try await SimulatorHarness.with(jobs: 2) { server in
      let id = try #require(server.store.jobs().first?.id)
      _ = try await server.get("/v1/batches")
      _ = try await server.get("/v1/batches/\(id)")
      _ = try await server.get("/v1/batches/\(id)")
      _ = try await server.send("POST", "/v1/batches/\(id)/cancel")
      #expect(server.store.requestCount(method: "GET", path: "/v1/batches") == 1)
      #expect(server.store.requestCount(method: "GET", path: "/v1/batches/\(id)") == 2)
      #expect(server.store.requestCount(method: "GET", path: "/v1/batches/*") == 2)
      #expect(server.store.requestCount(method: "*", path: "/v1/batches*") == 4)
      #expect(server.store.requestCount(method: "POST", path: "/v1/batches/\(id)/cancel") == 1)
      let stats = try await server.get("/_sim/stats").object
      #expect(stats["total"] as? Int == 4)
      #expect((stats["requests"] as? [String: Int])?["GET /v1/batches"] == 1)
      server.store.resetCounters()
      #expect(server.store.totalRequests == 0 && server.store.requestCounts.isEmpty)
    }
  }
}
