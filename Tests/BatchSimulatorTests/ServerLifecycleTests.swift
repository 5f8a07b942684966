import BatchSimulator
import NIOCore
import NIOPosix
import Testing

/// The server starts on a free port, reports its base URL, refuses a busy port, and stops promptly.
@Suite struct ServerLifecycleTests {
  @Test func startsOnAFreePortAndReportsItsBaseURL() async throws {
    try await SimulatorHarness.with(jobs: 3) { server in
      #expect(server.port > 0)
      #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
      #expect(server.store.count == 3)
      let reply = try await server.get("/v1/batches")
      #expect(reply.array.count == 3)
    }
  }

  @Test("a busy port is an error", arguments: [false, true])
  func aBusyPortIsAnError(ownEventLoop: Bool) async throws {
    _ = try await SimulatorHarness.with { server in
      await #expect(throws: (any Error).self) {
        let second = try await SimulatorServer.start(
          SimulatorConfiguration(port: server.port, jobs: 0, ownEventLoop: ownEventLoop))
        await second.stop()
      }
    }
  }

  @Test func servesAndStopsOnALoopOfItsOwn() async throws {
    let server = try await SimulatorServer.start(SimulatorConfiguration(jobs: 2, ownEventLoop: true))
    let count = try? await server.get("/v1/batches").array.count
    await server.stop()
    #expect(count == 2)
  }

  @Test func stopDoesNotWaitForIdleKeepAliveConnections() async throws {
    let server = try await SimulatorServer.start(SimulatorConfiguration(jobs: 1))
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: server.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    try await channel.executeThenClose { inbound, outbound in
      try await outbound.write(ByteBuffer(string: "GET /_sim/clock HTTP/1.1\r\nHost: x\r\n\r\n"))
      var iterator = inbound.makeAsyncIterator()
      let first = try await iterator.next()
      #expect(first.map { String(buffer: $0).hasPrefix("HTTP/1.1 200") } == true)

      let start = ContinuousClock.now
      await server.stop()
      #expect(ContinuousClock.now - start < .seconds(5))
      // The idle connection is closed by the server (end of stream or an error, not a hang).
      _ = try? await iterator.next()
    }
  }

  @Test func seedingTenThousandJobsIsCheapUntilAsked() async throws {
    let start = ContinuousClock.now
    try await SimulatorHarness.with(jobs: 10_000) { server in
      #expect(server.store.count == 10_000)
      let id = try #require(server.store.jobs().randomElement()?.id)
      #expect(try await server.get("/v1/batches/\(id)").status == 200)
    }
    #if DEBUG
      #expect(ContinuousClock.now - start < .seconds(30))
    #else
      #expect(ContinuousClock.now - start < .seconds(1))
    #endif
  }
}
