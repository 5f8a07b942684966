import HTTPTypes
import HummingbirdCore
import NIOCore

/// Turns a request that drew a fault into the misbehaviour the fault describes.
enum FaultInjector {
  /// Thrown to make the server close the connection without writing anything more.
  struct ConnectionCut: Error {}

  /// Answers a faulted request; `normal` computes the response the request would have had.
  static func apply(
    _ fault: FaultKind, shape: SimResponse.ErrorShape, normal: () async throws -> SimResponse
  ) async throws -> Response {
    switch fault {
    case .status(let code):
      let status = HTTPResponse.Status(code: code)
      return SimResponse.error(status, "simulated \(code) \(status.reasonPhrase)", shape: shape).response()
    case .rateLimit(let seconds, let milliseconds):
      var response = SimResponse.error(.tooManyRequests, "rate limit exceeded (simulated)", shape: shape)
      response.headers[.retryAfter] = String(Int(seconds.rounded(.up)))
      if milliseconds || seconds.rounded() != seconds {
        response.headers[HTTPField.Name("retry-after-ms")!] = String(Int((seconds * 1000).rounded()))
      }
      return response.response()
    case .delay(let seconds):
      try await Task.sleep(nanoseconds: UInt64(min(seconds, 3600) * 1e9))
      return try await normal().response()
    case .drop:
      throw ConnectionCut()
    case .malformedJSON:
      var buffer = ByteBufferAllocator().buffer(capacity: 64)
      buffer.writeStaticString("{\"id\": \"batch-0\", \"status\": IN_PROGRESS, \"progress\": 12..5,}\n")
      return SimResponse.json(buffer).response()
    case .truncatedJSON:
      var response = try await normal()
      var head = SimResponse.chunks(of: response.body).next() ?? ByteBuffer()
      let length = max(0, min(head.readableBytes - 1, response.contentLength / 2))
      head = head.getSlice(at: head.readerIndex, length: length) ?? ByteBuffer()
      response.body = .buffer(head)
      return response.response()
    case .html(let code):
      let status = HTTPResponse.Status(code: code)
      var buffer = ByteBufferAllocator().buffer(capacity: 256)
      buffer.writeString(
        "<html>\r\n<head><title>\(code) \(status.reasonPhrase)</title></head>\r\n<body>\r\n"
          + "<center><h1>\(code) \(status.reasonPhrase)</h1></center>\r\n<hr><center>nginx</center>\r\n"
          + "</body>\r\n</html>\r\n")
      return Response(
        status: status, headers: [.contentType: "text/html"], body: ResponseBody(byteBuffer: buffer))
    case .cut(let bytes):
      return try await normal().response(cutAfter: bytes)
    case .stall(let seconds):
      return try await normal().response(stallingFor: min(seconds, 3600))
    }
  }
}
