@testable import BatchRPC
import BatchCommands
import BatchSimulator
import Testing

/// Watches, concurrency and cancellation, through a live server and a simulator whose clock the tests move.
@Suite(.timeLimit(.minutes(2))) struct RPCServerWatchTests {
  @Test func watchStreamsUpdatesBeforeItsFinalResponse() async throws {
    let session = try await RPCSession.start(speed: 0)
    try session.addJob(TestJobs.running("batch-w", seconds: 100))
    await session.call(1, "watch", ["ids": ["batch-w"], "interval": 0.05])
    var messages: [JSONValue] = []
    while let message = await session.next() {
      messages.append(message)
      if message["id"] != nil { break }
      session.advance(25)
    }
    let updates = messages.dropLast()
    #expect(updates.count >= 4)
    for update in updates {
      #expect(update["method"] == "watch/update")
      #expect(update["id"] == nil)
      #expect(update["params"]?["request_id"] == 1)
      #expect(update["params"]?["job"]?["id"] == "batch-w")
    }
    #expect(updates.first?["params"]?["job"]?["status"] == "VALIDATING")
    #expect(updates.last?["params"]?["job"]?["status"] == "COMPLETED")
    let final = try #require(messages.last?["result"]?["jobs"]?.arrayValue)
    #expect(final.count == 1 && final[0]["status"] == "COMPLETED")
    await session.finish()
  }

  @Test func aQuickGetIsAnsweredBeforeASlowWatch() async throws {
    let session = try await RPCSession.start(speed: 0)
    try session.addJob(TestJobs.running("batch-slow", seconds: 600))
    await session.call(1, "watch", ["ids": ["batch-slow"], "interval": 0.05])
    await session.call(2, "get", ["id": "batch-slow"])
    var order: [JSONValue] = []
    while order.count < 2, let message = await session.next() {
      if let id = message["id"] { order.append(id) }
      // The clock stands still until the get is answered, so the watch cannot finish first.
      if order == [2] { session.advance(10_000) }
    }
    #expect(order == [2, 1])
    await session.finish()
  }

  @Test(arguments: [
    #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"w-1"}}"#,
    #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"w-1","reason":"user"}}"#,
  ])
  func cancellingAWatchAnswersRequestCancelled(cancel: String) async throws {
    let session = try await RPCSession.start()
    try session.addJob(TestJobs.endless())
    await session.send(
      #"{"jsonrpc":"2.0","id":"w-1","method":"watch","params":{"ids":["batch-long"],"interval":0.05}}"#)
    let first = await session.next()
    #expect(first?["method"] == "watch/update")
    await session.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"unknown"}}"#)
    await session.send(cancel)
    var response: JSONValue?
    while response == nil, let message = await session.next() {
      if message["id"] != nil { response = message }
    }
    #expect(response?["id"] == "w-1")
    #expect(TestJobs.code(response) == -32800)
    #expect(TestJobs.error(response).message == "request cancelled")
    let job = await session.request(2, "get", ["id": "batch-long"])
    #expect(job?["result"]?["status"] == "IN_PROGRESS")
    await session.finish()
  }

  @Test func watchesOfOneJobShareOnePoller() async throws {
    let session = try await RPCSession.start(jobs: 0, speed: 0)
    try session.addJob(TestJobs.running("batch-shared", seconds: 100))
    for id in 1...5 { await session.call(id, "watch", ["ids": ["batch-shared"], "interval": 0.05]) }
    var answered = Set<JSONValue>()
    var updates = 0
    while answered.count < 5, let message = await session.next() {
      if let id = message["id"] {
        answered.insert(id)
        continue
      }
      updates += 1
      if updates % 5 == 0 { session.advance(10) }
    }
    #expect(answered.count == 5)
    let gets = session.simulator.store.requestCount(method: "GET", path: "/v1/batches/batch-shared")
    #expect(updates >= 5 * 5)
    #expect(gets * 2 <= updates, "one poller: \(gets) polls for \(updates) notifications")
    await session.finish()
  }
}
