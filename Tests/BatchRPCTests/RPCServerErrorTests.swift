@testable import BatchRPC
import BatchCommands
import BatchCore
import BatchSimulator
import Testing

/// Every error code of SPEC §6, through a live server and simulator.
@Suite(.timeLimit(.minutes(2))) struct RPCServerErrorTests {
  // MARK: - Protocol errors

  @Test func protocolErrorsCarryTheirCodesAndReadableIDs() async throws {
    let session = try await RPCSession.start()
    let parse = await session.exchange("{not json")
    #expect(TestJobs.code(parse) == -32700)
    #expect(parse?["id"] == .null)

    let noMethod = await session.exchange(#"{"jsonrpc":"2.0","id":7}"#)
    #expect(TestJobs.code(noMethod) == -32600)
    #expect(noMethod?["id"] == 7)

    let wrongVersion = await session.exchange(#"{"jsonrpc":"1.0","id":"v","method":"list"}"#)
    #expect(TestJobs.code(wrongVersion) == -32600)
    #expect(wrongVersion?["id"] == "v")

    let badID = await session.exchange(#"{"jsonrpc":"2.0","id":{"a":1},"method":"list"}"#)
    #expect(TestJobs.code(badID) == -32600)
    #expect(badID?["id"] == .null)

    let methodType = await session.exchange(#"{"jsonrpc":"2.0","id":8,"method":42}"#)
    #expect(TestJobs.code(methodType) == -32600)

    let primitiveParams = await session.exchange(#"{"jsonrpc":"2.0","id":9,"method":"get","params":"x"}"#)
    #expect(TestJobs.code(primitiveParams) == -32600)

    let unknown = await session.request(10, "frobnicate")
    #expect(TestJobs.code(unknown) == -32601)
    #expect(TestJobs.error(unknown).message.contains("frobnicate"))
    #expect(TestJobs.code(await session.request(11, "quit")) == -32601)
    #expect(TestJobs.code(await session.request(12, "set")) == -32601, "callers choose JSON per request")
    #expect(await session.finish() == 0)
  }

  @Test func invalidParamsNameTheParam() async throws {
    let session = try await RPCSession.start()
    let missing = TestJobs.error(await session.request(1, "get", [:]))
    #expect(missing.code == -32602)
    #expect(missing.message.contains("'id'"))
    let mistyped = TestJobs.error(await session.request(2, "get", ["id": 5]))
    #expect(mistyped.code == -32602)
    #expect(mistyped.message.contains("'id'") && mistyped.message.contains("string"))
    let limit = TestJobs.error(await session.request(3, "list", ["limit": "ten"]))
    #expect(limit.code == -32602 && limit.message.contains("'limit'"))
    let unknown = TestJobs.error(await session.request(4, "list", ["bogus": true]))
    #expect(unknown.code == -32602 && unknown.message.contains("'bogus'"))
    let status = TestJobs.error(await session.request(5, "list", ["status": "COMPLETED"]))
    #expect(status.code == -32602 && status.message.contains("'status'"))
    let positional = TestJobs.error(
      await session.exchange(#"{"jsonrpc":"2.0","id":6,"method":"get","params":["batch-1"]}"#))
    #expect(positional.code == -32602)
    #expect(positional.message.contains("named"))
    let ids = TestJobs.error(await session.request(7, "cancel", ["ids": ["ok", 3]]))
    #expect(ids.code == -32602 && ids.message.contains("'ids'"))
    await session.finish()
  }

  // MARK: - Application errors

  @Test func apiFailuresMapToApplicationCodes() async throws {
    let session = try await RPCSession.start()
    try session.addJob(TestJobs.completed())
    try session.addJob(TestJobs.endless())

    let notFound = TestJobs.error(await session.request(1, "get", ["id": "batch-nope"]))
    #expect(notFound.code == -32010)
    #expect(notFound.data?["http_status"] == 404)
    #expect(notFound.data?["kind"] == "not_found")

    #expect(TestJobs.code(await session.request(2, "cancel", ["ids": ["batch-done"]])) == -32014)
    #expect(TestJobs.code(await session.request(3, "download", ["id": "batch-long"])) == -32014)

    let timeout = await session.request(4, "watch", ["ids": ["batch-long"], "interval": 0.05, "timeout": 0.3])
    #expect(TestJobs.code(timeout) == -32015)

    let unwritable = "/proc/batchsh-cannot-write-here/out.jsonl"
    #expect(TestJobs.code(await session.request(5, "download", ["id": "batch-done", "output": .string(unwritable)]))
      == -32603)

    session.simulator.store.addFault(FaultRule(path: "/v1/batches/batch-done", kind: .rateLimit(
      retryAfter: 7, milliseconds: false)))
    let limited = TestJobs.error(await session.request(6, "get", ["id": "batch-done"]))
    #expect(limited.code == -32012)
    #expect(limited.data?["http_status"] == 429)
    #expect(limited.data?["retry_after"]?.doubleValue == 7)

    session.simulator.store.addFault(FaultRule(path: "/v1/batches/batch-done", kind: .status(503)))
    let unavailable = TestJobs.error(await session.request(7, "get", ["id": "batch-done"]))
    #expect(unavailable.code == -32013)
    #expect(unavailable.data?["http_status"] == 503)
    await session.finish()
  }

  @Test func aRejectedKeyIsUnauthorizedAndNeverEchoed() async throws {
    let key = "sk-test-0123456789abcdef-secret"
    let session = try await RPCSession.start(key: key)
    let denied = TestJobs.error(await session.request(1, "list"))
    #expect(denied.code == -32011)
    #expect(denied.data?["http_status"] == 401)
    await session.finish()
    #expect(!session.inbox.all.contains { $0.contains(key) })
  }

  @Test func errorsWithTheKeyInTheirTextAreRedacted() {
    let error = RPCError(BatchCore.BatchError.transport("proxy said: Bearer sk-live-XYZ"), redacting: ["sk-live-XYZ"])
    #expect(error.code == -32013)
    #expect(!error.message.contains("sk-live-XYZ"))
    #expect(error.message.contains("[redacted]"))
  }
}
