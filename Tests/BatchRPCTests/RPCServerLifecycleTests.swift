@testable import BatchRPC
import BatchCommands
import BatchCore
import BatchSimulator
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// End of input, `shutdown` and `exit`, and stopping on a signal, through a live server and simulator.
@Suite(.timeLimit(.minutes(2))) struct RPCServerLifecycleTests {
  @Test func endOfInputAnswersAGetInFlightAndCancelsAWatch() async throws {
    let session = try await RPCSession.start()
    try session.addJob(TestJobs.completed())
    try session.addJob(TestJobs.endless())
    session.simulator.store.addFault(FaultRule(path: "/v1/batches/batch-done", method: "GET", kind: .delay(0.5)))
    await session.call(1, "watch", ["ids": ["batch-long"], "interval": 0.05])
    #expect(await session.next()?["method"] == "watch/update")
    await session.call(2, "get", ["id": "batch-done"])
    try await Task.sleep(for: .milliseconds(100))
    let status = await session.finish()
    #expect(status == 0)
    let responses = session.inbox.all.compactMap(RPCSession.parse).filter { $0["id"] != nil }
    #expect(responses.count == 2)
    let watch = responses.first { $0["id"] == 1 }
    let get = responses.first { $0["id"] == 2 }
    #expect(TestJobs.code(watch) == -32800)
    #expect(get?["result"]?["id"] == "batch-done")
  }

  @Test("requests run on the server's executor, on the pool without one", arguments: [true, false])
  func requestsRunOnTheExecutor(onLoop: Bool) async throws {
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let recorder = LoopRecordingAPI.Calls()
    let session = try await RPCSession.start(executor: onLoop ? EventLoopExecutor(loop) : nil) { client in
      LoopRecordingAPI(client: client, loop: loop, recorder: recorder)
    }
    try session.addJob(TestJobs.completed())
    #expect(await session.request(1, "get", ["id": "batch-done"])?["result"]?["id"] == "batch-done")
    #expect(await session.request(2, "list")?["result"] != nil)
    #expect(await session.finish() == 0)
    #expect(recorder.onLoop.withLock { $0 } == [onLoop, onLoop])
  }

  @Test func shutdownRefusesLaterRequestsAndExitEnds() async throws {
    let session = try await RPCSession.start()
    let shutdown = await session.request(1, "shutdown")
    #expect(shutdown?["result"] == .null)
    #expect(shutdown?.objectValue?.keys.contains("result") == true)
    let refused = TestJobs.error(await session.request(2, "list"))
    #expect(refused.code == -32600)
    #expect(refused.message == "server is shutting down")
    await session.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
    #expect(await session.stop() == 0)
  }

  @Test func shutdownThenEndOfInputExitsZero() async throws {
    let session = try await RPCSession.start()
    #expect(await session.request(1, "shutdown")?["result"] == .null)
    #expect(await session.finish() == 0)
  }

  @Test func exitWithoutShutdownExitsOne() async throws {
    let session = try await RPCSession.start()
    await session.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
    #expect(await session.stop() == 1)
  }

  @Test func linesAfterExitAreNotRead() async throws {
    let session = try await RPCSession.start()
    await session.send(#"{"jsonrpc":"2.0","method":"exit"}"# + "\n" + #"{"jsonrpc":"2.0","id":1,"method":"help"}"#)
    #expect(await session.stop() == 1)
    #expect(session.inbox.all.isEmpty)
  }

  @Test func beginShutdownStopsLikeEndOfInput() async throws {
    let session = try await RPCSession.start()
    try session.addJob(TestJobs.endless())
    await session.call(1, "watch", ["ids": ["batch-long"], "interval": 0.05])
    #expect(await session.next()?["method"] == "watch/update")
    session.server.beginShutdown()
    #expect(await session.stop() == 0)
    let response = session.inbox.all.compactMap(RPCSession.parse).first { $0["id"] == 1 }
    #expect(TestJobs.code(response) == -32800)
  }

  @Test func aSignalSourceCallsItsHandler() async throws {
    let received = AsyncStream<Void>.makeStream()
    let signals = ShutdownSignals([SIGUSR2]) { received.continuation.yield() }
    kill(getpid(), SIGUSR2)
    var iterator = received.stream.makeAsyncIterator()
    #expect(await iterator.next() != nil)
    withExtendedLifetime(signals) {}
  }
}

/// The live client, recording for each get and list whether it ran on `loop`.
private struct LoopRecordingAPI: BatchAPI {
  final class Calls: Sendable {
    let onLoop = Mutex<[Bool]>([])
  }

  let client: BatchClient
  let loop: any EventLoop
  let recorder: Calls

  func get(_ id: String) async throws -> BatchJob {
    recorder.onLoop.withLock { $0.append(loop.inEventLoop) }
    return try await client.get(id)
  }

  func list() async throws -> [BatchJob] {
    recorder.onLoop.withLock { $0.append(loop.inEventLoop) }
    return try await client.list()
  }

  func cancel(_ id: String) async throws -> BatchJob { try await client.cancel(id) }
  func file(_ id: String) async throws -> BatchFile { try await client.file(id) }
  func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  { try await client.download(request, progress: progress) }
}
