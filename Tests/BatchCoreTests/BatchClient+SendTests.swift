import BatchSimulator
import Foundation
import NIOCore
import Testing

@testable import BatchCore

/// The request loop of `BatchClient` against a misbehaving simulator: error mapping, retries and the key guard.
@Suite struct BatchClientSendTests {
  // MARK: - Errors

  @Test("404 is notFound with the server's message", arguments: [false, true])
  func notFound(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let client = try sim.client()
      let error = await expectBatchError { try await client.get("batch-nope") }
      #expect(error == .notFound(resource: .job, id: "batch-nope", apiMessage: "batch job batch-nope not found"))
      #expect(await expectBatchError { try await client.cancel("batch-nope") }?.httpStatus == 404)
      #expect(sim.gets("batch-nope") == 1, "404 is not retried")
    }
  }

  @Test("a wrong key is unauthorized(401) and is not retried; no key at all too", arguments: [false, true])
  func unauthorized(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let wrong = try sim.client(key: LiveSimulator.key + "-wrong")
      let error = await expectBatchError { try await wrong.list() }
      #expect(error == .unauthorized(status: 401, apiMessage: "invalid API key"))
      let none = await expectBatchError { try await sim.client(key: nil).list() }
      #expect(none?.httpStatus == 401)
      #expect(sim.store.requestCount(method: "GET", path: "/v1/batches") == 2)
    }
  }

  @Test("429 until retries run out is rateLimited with the server's Retry-After", arguments: [false, true])
  func rateLimitedExhausted(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(.rateLimit(retryAfter: 0.02, milliseconds: true), count: nil)
      let error = await expectBatchError { try await sim.client(retryPolicy: .init(maxRetries: 2)).get(id) }
      #expect(error == .rateLimited(retryAfter: 0.02, apiMessage: "rate limit exceeded (simulated)"))
      #expect(sim.gets(id) == 3)
    }
  }

  @Test("5xx until retries run out is server(status)", arguments: [500, 502, 503, 504], [false, true])
  func serverExhausted(status: Int, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(.status(status), count: nil)
      let error = await expectBatchError { try await sim.client().get(id) }
      #expect(error?.httpStatus == status)
      guard case .server(_, let message) = error else {
        Issue.record("not a server error: \(String(describing: error))")
        return
      }
      #expect(message?.contains("simulated \(status)") == true)
      #expect(sim.gets(id) == 4, "one attempt and three retries")
    }
  }

  @Test("a dropped connection is a transport error after retries", arguments: [false, true])
  func dropped(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(.drop, count: nil)
      let error = await expectBatchError {
        try await sim.client(retryPolicy: .init(maxRetries: 1, baseDelay: 0.01)).get(id)
      }
      guard case .transport = error else {
        Issue.record("not a transport error: \(String(describing: error))")
        return
      }
      #expect(sim.gets(id) == 2)
    }
  }

  @Test("a refused connection is a transport error saying so")
  func refused() async throws {
    let port = try await LiveSimulator.run { sim in sim.server.port }
    let configuration = try BatchClientConfiguration(
      baseURL: "http://127.0.0.1:\(port)", apiKey: LiveSimulator.key, retryPolicy: .init(maxRetries: 1, baseDelay: 0.01)
    )
    let start = ContinuousClock.now
    let error = await expectBatchError { try await BatchClient(configuration: configuration).list() }
    #expect(error == .transport("connection refused"))
    #expect(ContinuousClock.now - start < .seconds(2), "fails at once, not after the connect timeout")
  }

  @Test(
    "an answer late past the request timeout (its head, or its body gone silent) is a timeout",
    arguments: [FaultKind.delay(6), .stall(3)], [false, true])
  func slow(fault: FaultKind, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(fault, count: 2)
      let client = try sim.client(retryPolicy: .init(maxRetries: 1, baseDelay: 0.01), requestTimeout: 0.3)
      let start = ContinuousClock.now
      let error = await expectBatchError { try await client.get(id) }
      #expect(error == .timeout(seconds: 0.3))
      // Bounds are loose so a loaded machine passes; the two late answers alone would take 12 s or more.
      #expect(ContinuousClock.now - start < .seconds(5), "gave up at the timeout, not after the fault")
      #expect(await sim.gets(id, reaching: 2) == 2)
    }
  }

  @Test("an answer that keeps coming is read whole, though it takes longer than the request timeout",
    arguments: [false, true])
  func slowAnswerWithinTimeout(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(.stall(0.4), count: 1)
      let start = ContinuousClock.now
      #expect(try await sim.client(requestTimeout: 1).get(id).id == id)
      #expect(ContinuousClock.now - start >= .milliseconds(1200), "three silences of 0.4 s")
      #expect(sim.gets(id) == 1, "not retried")
    }
  }

  @Test(
    "a body that is not the promised JSON is invalidResponse with an excerpt",
    arguments: [
      (FaultKind.malformedJSON, "IN_PROGRESS, \"progress\": 12..5"), (.truncatedJSON, "{\"id\":\"batch-"),
      (.html(200), "<html> <head><title>200"),
    ], [false, true])
  func invalidBody(body: (kind: FaultKind, excerpt: String), onEventLoop: Bool) async throws {
    let (kind, excerpt) = body
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob(id: "batch-x")
      sim.fault(kind)
      let error = await expectBatchError { try await sim.client().get(id) }
      guard case .invalidResponse(let reason, let text) = error else {
        Issue.record("not invalidResponse: \(String(describing: error))")
        return
      }
      #expect(reason.contains("batch job"))
      #expect(reason.contains(" at byte "), "says where the body went wrong: \(reason)")
      #expect(text.contains(excerpt), "\(text)")
      #expect(sim.gets(id) == 1, "a 200 with a bad body is not retried")
    }
  }

  @Test("a body over the size limit is invalidResponse naming the limit, and is not retried", arguments: [false, true])
  func tooBig(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(jobs: 40, onEventLoop: onEventLoop) { sim in
      var configuration = try sim.client().configuration
      configuration.maxResponseBytes = 4096
      let client = BatchClient(configuration: configuration)
      let error = await expectBatchError { try await client.list() }
      #expect(error == .invalidResponse(reason: "response larger than 4096 bytes", excerpt: ""))
      #expect(sim.store.requestCount(method: "GET", path: "/v1/batches") == 1)
      configuration.maxResponseBytes = -1
      #expect(await expectBatchError { try await BatchClient(configuration: configuration).list() }
        == .invalidResponse(reason: "response larger than 0 bytes", excerpt: ""))
      for limit in [1 << 20, 4 << 30, Int.max] {
        configuration.maxResponseBytes = limit
        #expect(try await BatchClient(configuration: configuration).list().count == 40, "limit \(limit)")
      }
    }
  }

  @Test func theSizeLimitIsNamedInMiBWhenWhole() throws {
    var configuration = try BatchClientConfiguration(baseURL: "http://127.0.0.1:9", apiKey: nil)
    let client = BatchClient(configuration: configuration)
    #expect(try client.mapTransportError(NIOTooManyBytesError(maxBytes: 1))
      == .invalidResponse(reason: "response larger than 256 MiB", excerpt: ""))
    configuration.maxResponseBytes = 3 << 20 + 1
    #expect(try BatchClient(configuration: configuration).mapTransportError(NIOTooManyBytesError(maxBytes: 1))
      == .invalidResponse(reason: "response larger than 3145729 bytes", excerpt: ""))
  }

  @Test("an HTML error page from a proxy is a server error quoting the page", arguments: [false, true])
  func htmlError(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      sim.fault(.html(502), count: nil)
      let error = await expectBatchError { try await sim.client(retryPolicy: .none).list() }
      #expect(error?.httpStatus == 502)
      #expect(error?.apiMessage?.hasPrefix("<html> <head><title>502") == true, "\(String(describing: error))")
      #expect(error?.description.contains("\n") == false)
    }
  }

  @Test("an invalid id fails before any request is made", arguments: ["", "../x", "a b", "x\u{1b}[2J", "a/b"])
  func invalidID(id: String) async throws {
    try await LiveSimulator.run { sim in
      let client = try sim.client()
      for operation in [
        { _ = try await client.get(id) }, { _ = try await client.cancel(id) }, { _ = try await client.file(id) },
      ] {
        let error = await expectBatchError(operation)
        guard case .invalidID(let bad, _) = error else {
          Issue.record("not invalidID: \(String(describing: error))")
          return
        }
        #expect(bad == id)
      }
      let directory = FileManager.default.temporaryDirectory.path
      let error = await expectBatchError {
        try await client.download(
          DownloadRequest(fileID: id, destination: directory + "/never-\(UUID())"), progress: nil)
      }
      #expect(error?.description.hasPrefix("invalid id") == true)
      #expect(sim.store.totalRequests == 0)
    }
  }

  @Test("a key set after the fact is not sent over plain http to another host")
  func insecureTransport() async throws {
    var configuration = try BatchClientConfiguration(baseURL: "http://192.0.2.1:9", apiKey: nil)
    configuration.apiKey = LiveSimulator.key
    let client = BatchClient(configuration: configuration)
    let error = await expectBatchError { try await client.list() }
    #expect(error == .insecureTransport(host: "192.0.2.1:9"))
    let download = await expectBatchError {
      try await client.download(DownloadRequest(fileID: "file-1", destination: "/tmp/never-\(UUID())"), progress: nil)
    }
    #expect(download == .insecureTransport(host: "192.0.2.1:9"))
  }

  @Test("a server echoing the key in its error text never shows it to the user")
  func echoedKeyRedacted() throws {
    let client = BatchClient(configuration: try BatchClientConfiguration(apiKey: LiveSimulator.key))
    for (status, body) in [
      (401, #"{"error":"Invalid API key provided: \#(LiveSimulator.key)"}"#),
      (502, "<html><pre>Authorization: Bearer \(LiveSimulator.key)</pre></html>"),
      (429, #"{"message":"slow","details":[{"detail":"key \#(LiveSimulator.key)"}]}"#),
    ] {
      let response = BatchClient.Response(status: status, headers: [:], body: .init(string: body))
      let text = client.httpError(response, resource: .job, id: "b").description
      #expect(!text.contains(LiveSimulator.key) && text.contains("[redacted]"), "\(text)")
    }
    let error = #expect(throws: BatchError.self) {
      try client.decode(BatchJob.self, from: .init(string: "<p>\(LiveSimulator.key)</p>"), expecting: "a batch job")
    }
    #expect(error?.description.contains("[redacted]") == true)
    #expect(error?.description.contains(LiveSimulator.key) == false)
  }
}
