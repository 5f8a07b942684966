import Foundation
import NIOCore
import NIOPosix

/// A minimal HTTP/1.1 client over a raw socket, so tests see exactly what the simulator sends, or that it sent
/// nothing at all.
enum RawHTTP {
  /// What came back on the wire.
  struct Reply: Sendable {
    var status: Int
    var headers: [(String, String)]
    /// The body bytes, unless a body sink consumed them.
    var body: [UInt8]
    /// How many body bytes arrived (also when a sink consumed them).
    var bodyCount: Int

    /// The first header with this name, case-insensitively.
    func header(_ name: String) -> String? {
      headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The Content-Length header as a number.
    var contentLength: Int? { header("Content-Length").flatMap(Int.init) }

    /// The body parsed as JSON (nil when it is not JSON).
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }

    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] { json as? [String: Any] ?? [:] }

    /// The body as a JSON array (empty when it is not one).
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }

    var text: String { String(decoding: body, as: UTF8.self) }
  }

  /// Sends one request with `Connection: close` and reads until the server closes; nil when the connection closed
  /// without a single byte of response. `bodySink`, when given, receives body bytes instead of `Reply.body`.
  static func send(
    port: Int, _ method: String, _ path: String, key: String? = "sim-key", headers: [String: String] = [:],
    body: String? = nil, bodySink: (@Sendable (ByteBuffer) -> Void)? = nil
  ) async throws -> Reply? {
    var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    if let key { request += "Authorization: Bearer \(key)\r\n" }
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
    request += "\r\n" + (body ?? "")
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    let bytes = ByteBuffer(string: request)
    return try await channel.executeThenClose { inbound, outbound in
      try await outbound.write(bytes)
      var parser = ReplyParser(bodySink: bodySink)
      do {
        for try await chunk in inbound {
          parser.feed(chunk)
        }
      } catch {
        // A reset after (or instead of) a response: report what arrived.
      }
      return parser.reply
    }
  }

  /// Accumulates the head, then passes body bytes on.
  private struct ReplyParser {
    let bodySink: (@Sendable (ByteBuffer) -> Void)?
    var head: [UInt8] = []
    var reply: Reply?

    mutating func feed(_ chunk: ByteBuffer) {
      if reply != nil {
        deliver(chunk)
        return
      }
      head.append(contentsOf: chunk.readableBytesView)
      guard let end = Self.headEnd(head) else { return }
      let lines = String(decoding: head[..<end], as: UTF8.self).components(separatedBy: "\r\n")
      let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
      let headers = lines.dropFirst().compactMap { line -> (String, String)? in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      }
      reply = Reply(status: status, headers: headers, body: [], bodyCount: 0)
      deliver(ByteBuffer(bytes: head[(end + 4)...]))
      head = []
    }

    private mutating func deliver(_ chunk: ByteBuffer) {
      reply?.bodyCount += chunk.readableBytes
      if let bodySink {
        bodySink(chunk)
      } else {
        reply?.body.append(contentsOf: chunk.readableBytesView)
      }
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
      guard bytes.count >= 4 else { return nil }
      for index in 0...(bytes.count - 4)
      where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
        return index
      }
      return nil
    }
  }
}
