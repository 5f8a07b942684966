import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// The floor under `BatchClient`'s sequential gets: the same requests through AsyncHTTPClient with nothing around
/// them, in the same loop on the same event loop, so a run tells the client's own cost from the HTTP library's.
///
/// It has a client of its own, configured like `BatchClient`'s where it matters (NIO's shared event loops, no
/// tracer, no decompression, no redirects, no read timeout but a deadline per request), and checks each answer's
/// status and length, no more: no retry loop, no id check, no decoding.
struct HTTPClientBaseline {
  let http: HTTPClient
  let baseURL: String
  let authorization: String

  init(baseURL: String, apiKey: String) {
    var configuration = HTTPClient.Configuration()
    configuration.timeout = .init(connect: .seconds(5), read: nil)
    configuration.tracing.tracer = nil
    configuration.decompression = .disabled
    configuration.redirectConfiguration = .disallow
    self.http = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    self.baseURL = baseURL
    self.authorization = "Bearer \(apiKey)"
  }

  /// Seconds taken by `count` gets, each awaited before the next, in a loop run on `executor`: through the callback
  /// API, as `BatchClient` sends them from an event loop.
  func sequentialGets(ids: [String], count: Int, on executor: any TaskExecutor) async throws -> Double {
    try await withTaskExecutorPreference(executor) {
      let start = ContinuousClock.now
      for index in 0..<count {
        var request = try HTTPClient.Request(url: url(ids[index % ids.count]))
        request.headers.add(name: "Authorization", value: authorization)
        let accumulator = ResponseAccumulator(request: request, maxBodySize: 1 << 20)
        let task = http.execute(
          request: request, delegate: accumulator, eventLoop: .indifferent, deadline: .now() + .seconds(30))
        let response = try await task.futureResult.get()
        try Self.check(response.status, response.body ?? ByteBuffer())
      }
      return ClientBenchmark.seconds(since: start)
    }
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
    var description: String {
      status == .ok ? "the baseline get answered an empty body" : "the baseline get answered \(status.code)"
    }
  }
}
