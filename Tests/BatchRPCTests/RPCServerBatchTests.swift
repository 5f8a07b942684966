@testable import BatchRPC
import BatchCommands
import BatchSimulator
import Testing

/// Batch arrays and request ids, through a live server and simulator.
@Suite(.timeLimit(.minutes(2))) struct RPCServerBatchTests {
  // MARK: - Batches

  @Test func aMixedBatchAnswersOneArrayWithoutTheNotifications() async throws {
    let session = try await RPCSession.start()
    try session.addJob(TestJobs.completed())
    await session.send("""
      [{"jsonrpc":"2.0","id":1,"method":"get","params":{"id":"batch-done"}},\
      {"jsonrpc":"2.0","method":"list"},\
      {"jsonrpc":"2.0","id":"two","method":"nope"},\
      17,\
      {"jsonrpc":"2.0","id":3,"method":"list","params":{"limit":1}}]
      """)
    let batch = try #require(await session.next()?.arrayValue)
    #expect(batch.count == 4)
    let byID = Dictionary(batch.map { ($0["id"] ?? .null, $0) }, uniquingKeysWith: { first, _ in first })
    #expect(byID[1]?["result"]?["id"] == "batch-done")
    #expect(TestJobs.code(byID["two"]) == -32601)
    #expect(TestJobs.code(byID[.null]) == -32600)
    #expect(byID[3]?["result"]?["jobs"]?.arrayValue?.count == 1)
    await session.finish()
  }

  @Test func anEmptyBatchIsOneInvalidRequest() async throws {
    let session = try await RPCSession.start()
    let reply = await session.exchange("[]")
    #expect(reply?.arrayValue == nil)
    #expect(TestJobs.code(reply) == -32600)
    #expect(reply?["id"] == .null)
    await session.finish()
  }

  @Test func aBatchOfJunkIsAnArrayOfErrors() async throws {
    let session = try await RPCSession.start()
    let reply = try #require(await session.exchange(#"[1, "a", null, [], {"x":1}]"#)?.arrayValue)
    #expect(reply.count == 5)
    #expect(reply.allSatisfy { TestJobs.code($0) == -32600 && $0["id"] == .null })
    await session.finish()
  }

  @Test func anAllNotificationBatchWritesNothing() async throws {
    let session = try await RPCSession.start()
    await session.send(
      #"[{"jsonrpc":"2.0","method":"list"},{"jsonrpc":"2.0","method":"nope"},{"jsonrpc":"2.0","method":"help"}]"#)
    await session.call(1, "help", ["command": "get"])
    let next = await session.next()
    #expect(next?["id"] == 1)
    #expect(next?["result"]?["help"]?.stringValue?.contains("Usage: get") == true)
    await session.finish()
    #expect(session.inbox.all.count == 1)
  }

  @Test func batchMembersRunConcurrentlyAndAnswerTogether() async throws {
    let session = try await RPCSession.start(speed: 0)
    try session.addJob(TestJobs.running("batch-quick", seconds: 100))
    await session.send("""
      [{"jsonrpc":"2.0","id":1,"method":"watch","params":{"ids":["batch-quick"],"interval":0.05}},\
      {"jsonrpc":"2.0","id":2,"method":"get","params":{"id":"batch-quick"}}]
      """)
    var notifications = 0
    var batch: [JSONValue]?
    while batch == nil, let message = await session.next() {
      if message["method"] == "watch/update" {
        notifications += 1
        session.advance(1000)
      } else {
        batch = message.arrayValue
      }
    }
    #expect(notifications == 2)
    #expect(batch?.count == 2)
    let byID = Dictionary(uniqueKeysWithValues: (batch ?? []).map { ($0["id"] ?? .null, $0) })
    #expect(byID[1]?["result"]?["jobs"]?.arrayValue?.first?["status"] == "COMPLETED")
    #expect(byID[2]?["result"]?["id"] == "batch-quick")  // its status depends on when the clock moved
    await session.finish()
  }

  // MARK: - Ids

  @Test(arguments: [#""abc""#, #""""#, #""é ✓ \"q\" \\""#, "1", "0", "-7", "1.5", "1e3", "-0.25E-2", "12345678901234567890", "null"])
  func idsAreEchoedExactly(id: String) async throws {
    let session = try await RPCSession.start()
    await session.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"help"}"#)
    let line = try #require(await session.inbox.next(timeout: 20))
    #expect(line.hasPrefix(#"{"jsonrpc":"2.0","id":\#(id),"result":"#))
    await session.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"nope"}"#)
    let error = try #require(await session.inbox.next(timeout: 20))
    #expect(error.hasPrefix(#"{"jsonrpc":"2.0","id":\#(id),"error":"#))
    await session.finish()
  }

  @Test func responsesToClientResponsesAreNeverSent() async throws {
    let session = try await RPCSession.start()
    await session.send(#"{"jsonrpc":"2.0","id":5,"result":{"ok":true}}"#)
    await session.send(#"{"jsonrpc":"2.0","id":6,"error":{"code":1,"message":"x"}}"#)
    #expect(await session.request(7, "help")?["result"] != nil)
    await session.finish()
    #expect(session.inbox.all.count == 1)
  }
}
