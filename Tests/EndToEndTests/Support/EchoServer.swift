import Foundation

/// A loopback HTTP server that answers every request with one status and an error body quoting the request's
/// `Authorization` header, as a careless proxy might: a trap for clients that print server text verbatim.
final class EchoServer: @unchecked Sendable {
  let port: Int
  private let listener: Int32
  private let status: Int

  init(status: Int) throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        bind(fd, socketAddress, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, socketAddress, &length) == 0
      }
    }
    guard bound else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    listener = fd
    port = Int(UInt16(bigEndian: address.sin_port))
    self.status = status
    Thread { [self] in serve() }.start()
  }

  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// Stops accepting connections.
  func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func serve() {
    while true {
      let client = accept(listener, nil, nil)
      guard client >= 0 else { return }
      respond(on: client)
      close(client)
    }
  }

  private func respond(on client: Int32) {
    var request = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !String(decoding: request, as: UTF8.self).contains("\r\n\r\n"), request.count < 65536 {
      let n = read(client, &chunk, chunk.count)
      guard n > 0 else { return }
      request += chunk[0..<n]
    }
    let header = String(decoding: request, as: UTF8.self).split(separator: "\r\n")
      .first { $0.lowercased().hasPrefix("authorization:") }.map { String($0.dropFirst(14)) } ?? ""
    let message = "Invalid API key provided:\(header)".replacingOccurrences(of: "\"", with: "'")
    let body = #"{"error":{"message":"\#(message)","type":"invalid_request_error","code":"invalid_api_key"}}"#
    let response = "HTTP/1.1 \(status) Echo\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
      + "Connection: close\r\n\r\n" + body
    _ = Array(response.utf8).withUnsafeBytes { write(client, $0.baseAddress!, $0.count) }
  }
}
