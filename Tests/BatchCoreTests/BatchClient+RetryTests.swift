import BatchSimulator
import Foundation
import Testing

@testable import BatchCore

/// Transient faults are retried until the request succeeds, counted at the simulator; `Retry-After` is honoured.
@Suite struct BatchClientRetryTests {
  static let transientFaults: [FaultKind] = [
    .status(500), .status(502), .status(503), .status(504), .status(408), .html(503), .drop, .cut(afterBytes: 20),
    .rateLimit(retryAfter: 0.01, milliseconds: true),
  ]

  @Test("get retries a transient fault and then succeeds", arguments: transientFaults, [false, true])
  func getRecovers(kind: FaultKind, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(kind, count: 2)
      #expect(try await sim.client().get(id).id == id)
      #expect(sim.gets(id) == 3)
    }
  }

  @Test("list, cancel and file metadata retry too", arguments: [FaultKind.status(503), .drop], [false, true])
  func otherOperationsRecover(kind: FaultKind, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(jobs: 5, onEventLoop: onEventLoop) { sim in
      let client = try sim.client()
      let (_, output) = try sim.addCompletedJob()
      let active = try sim.addActiveJob()
      sim.fault(kind, path: "/v1/*", count: 1)
      #expect(try await client.list().count == 7)
      sim.fault(kind, path: "/v1/*", count: 1)
      #expect(try await client.cancel(active).status == .canceling)
      sim.fault(kind, path: "/v1/*", count: 1)
      #expect(try await client.file(output).id == output)
      #expect(sim.store.requestCount(method: "GET", path: "/v1/batches") == 2)
      #expect(sim.store.requestCount(method: "POST", path: "/v1/batches/\(active)/cancel") == 2)
      #expect(sim.store.requestCount(method: "GET", path: "/v1/files/\(output)") == 2)
    }
  }

  @Test(
    "an answer late past the timeout (its head, or its body gone silent) is retried and then succeeds",
    arguments: [FaultKind.delay(6), .stall(3)], [false, true])
  func slowRecovers(fault: FaultKind, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(fault, count: 1)
      #expect(try await sim.client(requestTimeout: 1).get(id).id == id)
      #expect(sim.gets(id) == 2)
    }
  }

  @Test("other 4xx are not retried")
  func clientErrorsNotRetried() async throws {
    try await LiveSimulator.run { sim in
      let id = try sim.addActiveJob()
      sim.fault(.status(422), count: nil)
      let error = await expectBatchError { try await sim.client().get(id) }
      #expect(error?.httpStatus == 422)
      guard case .badRequest(_, let message) = error else {
        Issue.record("not badRequest: \(String(describing: error))")
        return
      }
      #expect(message?.hasPrefix("simulated 422") == true)
      #expect(sim.gets(id) == 1)
    }
  }

  @Test("Retry-After is waited out before the retry", arguments: [false, true])
  func retryAfterHonoured(milliseconds: Bool) async throws {
    try await LiveSimulator.run { sim in
      let id = try sim.addActiveJob()
      // Whole seconds use Retry-After alone; `milliseconds` adds retry-after-ms, which the client prefers.
      let wait = milliseconds ? 0.6 : 1
      sim.fault(.rateLimit(retryAfter: wait, milliseconds: milliseconds), count: 1)
      let start = ContinuousClock.now
      #expect(try await sim.client().get(id).id == id)
      let elapsed = ContinuousClock.now - start
      #expect(elapsed >= .seconds(wait), "\(elapsed)")
      #expect(elapsed < .seconds(wait + 5), "\(elapsed)")  // loose: a loaded machine adds latency, not waits
      #expect(sim.gets(id) == 2)
    }
  }

  @Test("a Retry-After beyond the policy's limit is not waited for; the error still carries it")
  func longRetryAfterIgnored() async throws {
    try await LiveSimulator.run { sim in
      let id = try sim.addActiveJob()
      sim.fault(.rateLimit(retryAfter: 120, milliseconds: false), count: nil)
      let start = ContinuousClock.now
      let error = await expectBatchError { try await sim.client().get(id) }
      #expect(ContinuousClock.now - start < .seconds(30), "the 120 s Retry-After was not waited out")
      #expect(error?.retryAfter == 120)
      #expect(sim.gets(id) == 4)
    }
  }

  @Test("a cancelled task stops retrying at once with CancellationError", arguments: [false, true])
  func cancellationStopsRetries(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(.status(503), count: nil)
      let client = try sim.client(retryPolicy: .init(maxRetries: 5, baseDelay: 5))
      let task = Task(executorPreference: LiveSimulator.executor(onEventLoop: onEventLoop)) { try await client.get(id) }
      while sim.gets(id) == 0 { try await Task.sleep(for: .milliseconds(5)) }
      let start = ContinuousClock.now
      task.cancel()
      await #expect(throws: CancellationError.self) { try await task.value }
      #expect(ContinuousClock.now - start < .seconds(1))
      #expect(sim.gets(id) == 1)
    }
  }

  @Test("a cancelled task stops a request in flight at once with CancellationError", arguments: [false, true])
  func cancellationStopsRequest(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.fault(.delay(6), count: nil)
      let client = try sim.client()
      let task = Task(executorPreference: LiveSimulator.executor(onEventLoop: onEventLoop)) { try await client.get(id) }
      while sim.gets(id) == 0 { try await Task.sleep(for: .milliseconds(5)) }
      let start = ContinuousClock.now
      task.cancel()
      await #expect(throws: CancellationError.self) { try await task.value }
      #expect(ContinuousClock.now - start < .seconds(3), "did not wait for the 6 s answer")
      #expect(sim.gets(id) == 1)
    }
  }
}
