import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Plain HTTP requests to the simulator (control routes and raw file content), bypassing `batchsh`.
enum HTTP {
  /// An HTTP status and body.
  struct Response: Sendable {
    var status: Int
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
  }

  private static let session: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 60
    configuration.timeoutIntervalForResource = 300
    return URLSession(configuration: configuration)
  }()

  /// Sends one request and returns the response, whatever its status.
  static func send(_ method: String, _ url: String, body: Data? = nil, headers: [String: String] = [:]) async throws
    -> Response
  {
    guard let target = URL(string: url) else { throw URLError(.badURL) }
    var request = URLRequest(url: target)
    request.httpMethod = method
    request.httpBody = body
    if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await session.data(for: request)
    return Response(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
  }
}
