import BatchSimulator
import Foundation
import Synchronization
import Testing

/// Every fault kind misbehaves as documented, for exactly the requests its rule selects.
@Suite struct FaultTests {
  @Test func statusFaultAnswersTheNextNRequestsThenRecovers() async throws {
    try await SimulatorHarness.with(jobs: 3) { server in
      server.store.addFault(FaultRule(path: "/v1/batches", kind: .status(503), count: 2))
      for _ in 0..<2 {
        let reply = try await server.get("/v1/batches")
        #expect(reply.status == 503)
        #expect(reply.object["error"] is String)
      }
      #expect(try await server.get("/v1/batches").array.count == 3)
      #expect(server.store.requestCount(method: "GET", path: "/v1/batches") == 3)
      #expect(server.store.faults.isEmpty)
    }
  }

  @Test func statusFaultOnFilesUsesTheErrorObjectShape() async throws {
    try await SimulatorHarness.with { server in
      server.store.addFault(FaultRule(path: "/v1/files/*", kind: .status(500)))
      let reply = try await server.get("/v1/files/file-x")
      #expect(reply.status == 500)
      #expect((reply.object["error"] as? [String: Any])?["message"] is String)
    }
  }

  @Test func rateLimitSendsRetryAfterAndOptionallyMilliseconds() async throws {
    try await SimulatorHarness.with { server in
      server.store.addFault(FaultRule(kind: .rateLimit(retryAfter: 3, milliseconds: false)))
      server.store.addFault(FaultRule(kind: .rateLimit(retryAfter: 0.25, milliseconds: true)))
      let first = try await server.get("/v1/batches")
      #expect(first.status == 429 && first.header("Retry-After") == "3" && first.header("retry-after-ms") == nil)
      let second = try await server.get("/v1/batches")
      #expect(second.status == 429 && second.header("Retry-After") == "1" && second.header("retry-after-ms") == "250")
    }
  }

  @Test func delayAnswersNormallyButLate() async throws {
    try await SimulatorHarness.with(jobs: 2) { server in
      server.store.addFault(FaultRule(kind: .delay(0.4)))
      let start = ContinuousClock.now
      let reply = try await server.get("/v1/batches")
      #expect(ContinuousClock.now - start >= .milliseconds(380))
      #expect(reply.status == 200 && reply.array.count == 2)
    }
  }

  @Test func dropClosesTheConnectionWithoutAResponse() async throws {
    try await SimulatorHarness.with { server in
      server.store.addFault(FaultRule(method: "GET", kind: .drop))
      let reply = try await RawHTTP.send(port: server.port, "GET", "/v1/batches")
      #expect(reply == nil)
      #expect(try await server.get("/v1/batches").status == 200)
    }
  }

  @Test func malformedAndTruncatedBodiesAreNotValidJSON() async throws {
    try await SimulatorHarness.with(jobs: 5) { server in
      server.store.addFault(FaultRule(kind: .malformedJSON))
      server.store.addFault(FaultRule(kind: .truncatedJSON))
      let malformed = try await server.get("/v1/batches")
      #expect(malformed.status == 200 && malformed.json == nil)
      let truncated = try await server.get("/v1/batches")
      #expect(truncated.status == 200 && truncated.json == nil && truncated.text.hasPrefix("[{\"id\":\"batch-"))
      #expect(truncated.contentLength == truncated.body.count)
    }
  }

  @Test func htmlFaultSendsAnHTMLPage() async throws {
    try await SimulatorHarness.with { server in
      server.store.addFault(FaultRule(kind: .html(504)))
      let reply = try await server.get("/v1/batches")
      #expect(reply.status == 504)
      #expect(reply.header("Content-Type") == "text/html" && reply.text.contains("<html>"))
    }
  }

  @Test func cutSendsFewerBodyBytesThanContentLength() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(createdAgo: 100, outputBytes: 500_000))
      let file = try #require(server.store.job(id)?.outputFileID)
      server.store.addFault(FaultRule(path: "/v1/files/*", kind: .cut(afterBytes: 1000)))
      let reply = try await server.get("/v1/files/\(file)/content")
      #expect(reply.status == 200 && reply.contentLength == 500_000)
      #expect(reply.body.count == 1000)
      #expect(reply.body == Array(try #require(server.store.expectedContent(fileID: file)).prefix(1000)))
    }
  }

  @Test("stall sends the body in quarters, with its seconds of silence between them, byte for byte")
  func stallPausesBetweenQuarters() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(createdAgo: 100, outputBytes: 200_000))
      let file = try #require(server.store.job(id)?.outputFileID)
      let path = "/v1/files/\(file)/content"
      server.store.addFault(FaultRule(path: "/v1/files/*", kind: .stall(0.4)))
      // When the body's byte count first passed each quarter, from the request's start.
      let arrivals = Mutex<[(elapsed: Duration, bytes: Int)]>([])
      let received = Mutex<[UInt8]>([])
      let start = ContinuousClock.now
      let reply = try #require(
        try await RawHTTP.send(port: server.port, "GET", path) { chunk in
          received.withLock { $0 += chunk.readableBytesView }
          arrivals.withLock { $0.append((ContinuousClock.now - start, ($0.last?.bytes ?? 0) + chunk.readableBytes)) }
        })
      #expect(reply.status == 200 && reply.contentLength == 200_000)
      #expect(received.withLock { $0 } == (try #require(server.store.expectedContent(fileID: file))))
      let times = arrivals.withLock { arrivals in
        [1, 50_001, 100_001, 150_001].map { bytes in arrivals.first { $0.bytes >= bytes }?.elapsed ?? .zero }
      }
      #expect(times[0] < .milliseconds(350), "the first quarter comes at once: \(times)")
      for quarter in 1...3 {
        let silence = times[quarter] - times[quarter - 1]
        #expect(silence >= .milliseconds(390), "silence before quarter \(quarter): \(times)")
      }
      let next = ContinuousClock.now
      #expect(try await server.get(path).bodyCount == 200_000)
      #expect(ContinuousClock.now - next < .milliseconds(390), "the rule was for one request")
    }
  }

  @Test("a fault's seconds over HTTP must be a number not below 0", arguments: [
    #"{"kind":"stall","seconds":-1}"#, #"{"kind":"delay","seconds":-0.5}"#, #"{"kind":"rate-limit","retry_after":-2}"#,
  ])
  func negativeSecondsAreRefused(body: String) async throws {
    try await SimulatorHarness.with { server in
      let refused = try await server.send("POST", "/_sim/faults", key: nil, body: body)
      #expect(refused.status == 400 && refused.text.contains("0 or more"), "\(refused.text)")
      #expect(server.store.faults.isEmpty)
      let list = try await server.get("/v1/batches")
      #expect(list.status == 200, "the simulator is still up")
    }
  }

  @Test func rulesMatchByMethodExactPathAndPrefix() {
    let exact = FaultRule(path: "/v1/batches", kind: .drop)
    #expect(exact.matches(method: "GET", path: "/v1/batches") && !exact.matches(method: "GET", path: "/v1/batches/x"))
    let prefix = FaultRule(path: "/v1/batches/*", method: "post", kind: .drop)
    #expect(prefix.matches(method: "POST", path: "/v1/batches/x/cancel"))
    #expect(!prefix.matches(method: "GET", path: "/v1/batches/x"))
    #expect(FaultRule(kind: .drop).matches(method: "GET", path: "/v1/files/y/content"))
  }

  @Test func controlPathsAreNeverFaultedOrCounted() async throws {
    try await SimulatorHarness.with { server in
      server.store.addFault(FaultRule(kind: .status(500), count: nil))
      let stats = try await server.get("/_sim/stats")
      #expect(stats.status == 200)
      #expect(try await server.get("/v1/batches").status == 500)
      #expect(server.store.totalRequests == 1)
      #expect(server.store.faults.first?.count == nil)
    }
  }

  @Test func faultsCanBeManagedOverHTTP() async throws {
    try await SimulatorHarness.with { server in
      let body = #"[{"path":"/v1/batches","kind":"status","status":502,"count":2},{"kind":"drop","count":"always"},"#
        + #"{"kind":"stall","seconds":1.5}]"#
      let added = try await server.send("POST", "/_sim/faults", key: nil, body: body)
      #expect(added.status == 201 && added.array.count == 3)
      #expect(server.store.faults == [
        FaultRule(path: "/v1/batches", kind: .status(502), count: 2), FaultRule(kind: .drop, count: nil),
        FaultRule(kind: .stall(1.5), count: 1),
      ])
      #expect(try await server.get("/_sim/faults").array.last?["seconds"] as? Double == 1.5)
      #expect(try await server.get("/_sim/faults").array.first?["status"] as? Int == 502)
      #expect(try await server.send("DELETE", "/_sim/faults").array.isEmpty)
      let bad = try await server.send("POST", "/_sim/faults", body: #"{"kind":"explode"}"#)
      #expect(bad.status == 400)
    }
  }
}
