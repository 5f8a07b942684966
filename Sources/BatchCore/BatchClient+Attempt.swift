import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// One attempt of a request, through the HTTP client API that costs the caller the fewest thread switches.
extension BatchClient {
  /// Sends one request and returns the response with its whole body; cancelling the calling task cancels it.
  ///
  /// From an event loop (a loop run on `connectionExecutor`), the callback API sends and answers on that loop, so the
  /// task never leaves its thread; the async API would start a task per request on the concurrency pool, to watch
  /// for cancellation. From anywhere else, the async API: the callback API would deliver the answer on a loop picked
  /// in turn, often not the connection's, which costs a hop more per request.
  func attempt(_ method: HTTPMethod, url: String, headers: HTTPHeaders) async throws -> Response {
    let timeout = TimeAmount.milliseconds(Int64(configuration.requestTimeout * 1000))
    guard MultiThreadedEventLoopGroup.currentEventLoop != nil else {
      var request = HTTPClientRequest(url: url)
      request.method = method
      request.headers = headers
      let response = try await http.execute(request, timeout: timeout)
      let body = try await response.body.collect(upTo: Self.maxBodyBytes)
      return Response(status: Int(response.status.code), headers: response.headers, body: body)
    }
    let request = try HTTPClient.Request(url: url, method: method, headers: headers)
    let task = http.execute(
      request: request, delegate: ResponseAccumulator(request: request, maxBodySize: Self.maxBodyBytes),
      eventLoop: .indifferent, deadline: .now() + timeout)
    let response = try await withTaskCancellationHandler {
      try await task.futureResult.get()
    } onCancel: {
      task.cancel()
    }
    return Response(status: Int(response.status.code), headers: response.headers, body: response.body ?? ByteBuffer())
  }
}
