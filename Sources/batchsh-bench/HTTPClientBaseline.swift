import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// The floor under `BatchClient`'s sequential gets: the same requests through AsyncHTTPClient with nothing around
/// them, so a run tells the client's own cost from the HTTP library's.
///
/// It has a client of its own, configured like `BatchClient`'s where it matters (NIO's shared event loops, no
/// tracer, no decompression, no redirects), and checks each answer's status and length, no more: no retry loop, no id
/// check, no decoding.
struct HTTPClientBaseline {
  let http: HTTPClient
  let baseURL: String
  let authorization: String

  init(baseURL: String, apiKey: String) {
    var configuration = HTTPClient.Configuration()
    configuration.timeout = .init(connect: .seconds(5), read: .seconds(30))
    configuration.tracing.tracer = nil
    configuration.decompression = .disabled
    configuration.redirectConfiguration = .disallow
    self.http = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    self.baseURL = baseURL
    self.authorization = "Bearer \(apiKey)"
  }

  /// Seconds taken by `count` gets through the async API, each awaited before the next, as `BatchClient` sends them.
  func sequentialGets(ids: [String], count: Int) async throws -> Double {
    let start = ContinuousClock.now
    for index in 0..<count {
      var request = HTTPClientRequest(url: url(ids[index % ids.count]))
      request.headers.add(name: "Authorization", value: authorization)
      let response = try await http.execute(request, timeout: .seconds(30))
      let body = try await response.body.collect(upTo: 1 << 20)
      try Self.check(response.status, body)
    }
    return ClientBenchmark.seconds(since: start)
  }

  /// Seconds taken by `count` gets chained with futures on the connection's event loop: each request is sent from
  /// the callback of the one before, so no thread is woken but by the network. This is the most AsyncHTTPClient
  /// does over one connection. A task on the global executor cannot get there: it runs on another thread than the
  /// connection, so each request wakes the loop to send and the task's thread to go on.
  func chainedGets(ids: [String], count: Int) async throws -> Double {
    let eventLoop = http.eventLoopGroup.next()
    let done = eventLoop.makePromise(of: Void.self)
    let start = ContinuousClock.now
    @Sendable func send(_ index: Int) {
      guard index < count else { return done.succeed() }
      var request: HTTPClient.Request
      do {
        request = try HTTPClient.Request(url: url(ids[index % ids.count]))
      } catch {
        return done.fail(error)
      }
      request.headers.add(name: "Authorization", value: authorization)
      http.execute(request: request, eventLoop: .delegateAndChannel(on: eventLoop)).whenComplete { result in
        do {
          let response = try result.get()
          try Self.check(response.status, response.body ?? ByteBuffer())
          send(index + 1)
        } catch {
          done.fail(error)
        }
      }
    }
    eventLoop.execute { send(0) }
    try await done.futureResult.get()
    return ClientBenchmark.seconds(since: start)
  }

  func shutdown() async throws {
    try await http.shutdown()
  }

  private func url(_ id: String) -> String { "\(baseURL)/v1/batches/\(id)" }

  private static func check(_ status: HTTPResponseStatus, _ body: ByteBuffer) throws {
    guard status == .ok, body.readableBytes > 0 else { throw BaselineError(status: status) }
  }

  struct BaselineError: Error, CustomStringConvertible {
    var status: HTTPResponseStatus
    var description: String { "the baseline get answered \(status.code)" }
  }
}
