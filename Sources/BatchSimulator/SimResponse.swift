import Hummingbird
import NIOCore

/// A response before it becomes a Hummingbird `Response`, so fault injection can still bend it.
struct SimResponse: Sendable {
  /// What the body is: bytes at hand, or a file streamed in chunks.
  enum Body: Sendable {
    case buffer(ByteBuffer)
    case file(SimFile)
  }

  /// Which error-body shape a route family uses.
  enum ErrorShape: Sendable {
    /// Batch routes: `{"error": "text"}`.
    case string
    /// File routes: `{"error": {"message", "type", "param", "code"}}`.
    case object
    /// Unknown routes: `{"message", "code", "details": [{"detail"}]}`.
    case details
  }

  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: Body

  /// A JSON response.
  static func json(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> SimResponse {
    SimResponse(status: status, headers: [.contentType: "application/json"], body: .buffer(buffer))
  }

  /// A plain-text response.
  static func text(_ text: String) -> SimResponse {
    SimResponse(
      status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .buffer(ByteBuffer(string: text)))
  }

  /// An error response in the given shape.
  static func error(_ status: HTTPResponse.Status, _ message: String, shape: ErrorShape, code: String? = nil)
    -> SimResponse
  {
    var buffer = ByteBufferAllocator().buffer(capacity: 128 + message.utf8.count)
    switch shape {
    case .string:
      buffer.writeStaticString("{\"error\":")
      buffer.writeJSONString(message)
      buffer.writeStaticString("}")
    case .object:
      buffer.writeStaticString("{\"error\":{\"message\":")
      buffer.writeJSONString(message)
      buffer.writeStaticString(",\"type\":")
      buffer.writeJSONString(status.code >= 500 ? "server_error" : "invalid_request_error")
      buffer.writeStaticString(",\"param\":null,\"code\":")
      if let code { buffer.writeJSONString(code) } else { buffer.writeStaticString("null") }
      buffer.writeStaticString("}}")
    case .details:
      buffer.writeStaticString("{\"message\":")
      buffer.writeJSONString(status.reasonPhrase)
      buffer.writeStaticString(",\"code\":")
      buffer.writeDecimal(status.code)
      buffer.writeStaticString(",\"details\":[{\"detail\":")
      buffer.writeJSONString(message)
      buffer.writeStaticString("}]}")
    }
    return json(buffer, status: status)
  }

  /// The body's length in bytes.
  var contentLength: Int {
    switch body {
    case .buffer(let buffer): buffer.readableBytes
    case .file(let file): file.bytes
    }
  }

  /// The Hummingbird response; with `cutAfter`, the body stops after that many bytes and the connection closes.
  func response(cutAfter: Int? = nil) -> Response {
    switch (body, cutAfter) {
    case (.buffer(let buffer), nil):
      return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    case (.file(let file), nil):
      return Response(
        status: status, headers: headers,
        body: ResponseBody(contentLength: file.bytes) { writer in
          var generator = file.contentGenerator()
          while let chunk = generator.next() {
            try await writer.write(chunk)
          }
          try await writer.finish(nil)
        })
    case (_, let limit?):
      let body = self.body
      return Response(
        status: status, headers: headers,
        body: ResponseBody(contentLength: contentLength) { writer in
          var left = limit
          let chunks = SimResponse.chunks(of: body)
          while left > 0, var chunk = chunks.next() {
            if chunk.readableBytes > left { chunk = chunk.getSlice(at: chunk.readerIndex, length: left)! }
            left -= chunk.readableBytes
            try await writer.write(chunk)
          }
          throw FaultInjector.ConnectionCut()
        })
    }
  }

  /// The Hummingbird response with its body in quarters and `seconds` of silence before each of the last three (a
  /// body too short for quarters comes after one silence): a server that stops in the middle of an answer, or a
  /// slow link.
  func response(stallingFor seconds: Double) -> Response {
    let body = self.body
    let length = contentLength
    let pause = UInt64(seconds * 1e9)
    return Response(
      status: status, headers: headers,
      body: ResponseBody(contentLength: length) { writer in
        // Where each quarter ends; the silence comes when a quarter is done and more is to come.
        var ends = [1, 2, 3].map { length * $0 / 4 }.filter { $0 > 0 }[...]
        var sent = 0
        if ends.isEmpty { try await Task.sleep(nanoseconds: pause) }
        let chunks = SimResponse.chunks(of: body)
        while var chunk = chunks.next() {
          while let end = ends.first, sent + chunk.readableBytes >= end {
            if end > sent { try await writer.write(chunk.readSlice(length: end - sent)!) }
            sent = end
            ends.removeFirst()
            try await Task.sleep(nanoseconds: pause)
          }
          sent += chunk.readableBytes
          if chunk.readableBytes > 0 { try await writer.write(chunk) }
        }
        try await writer.finish(nil)
      })
  }

  /// The body as a sequence of chunks.
  static func chunks(of body: Body) -> AnyIterator<ByteBuffer> {
    switch body {
    case .buffer(let buffer):
      var pending: ByteBuffer? = buffer
      return AnyIterator {
        defer { pending = nil }
        return pending
      }
    case .file(let file):
      var generator = file.contentGenerator()
      return AnyIterator { generator.next() }
    }
  }
}
