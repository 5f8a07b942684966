import Foundation

/// Where and how `BatchClient` reaches the API: base URL, key, timeouts, retry policy and the largest answer taken.
public struct BatchClientConfiguration: Sendable {
  /// The default production endpoint.
  public static let defaultBaseURL = "https://api.together.ai"

  /// The normalised base URL: scheme and host (and port), no trailing `/` or `/v1`.
  public private(set) var baseURL: String
  /// The bearer key; nil sends no `Authorization` header.
  public var apiKey: String?
  /// Seconds allowed to open a connection.
  public var connectTimeout: Double
  /// Seconds allowed for a whole request (headers and a small body); downloads only use it between chunks.
  public var requestTimeout: Double
  public var retryPolicy: RetryPolicy
  public var userAgent: String
  /// The largest JSON body accepted, in bytes; a larger answer fails as an invalid response. The default holds a
  /// list of hundreds of thousands of jobs. A value below 0 counts as 0, one above 4 GiB − 1 (the HTTP client's
  /// limit) as 4 GiB − 1.
  public var maxResponseBytes = 256 << 20

  /// The host part of the base URL, for messages and the prompt.
  public private(set) var host: String
  /// Whether the base URL points at this machine (plain http is allowed there).
  public private(set) var isLoopback: Bool

  /// Builds a configuration, normalising `baseURL` and refusing to send a key in clear text off this machine.
  ///
  /// - Throws: `BatchError.insecureTransport` for `http://` to a non-loopback host with a key set, and
  ///   `BatchError.transport` for a URL that is not `http(s)://HOST[:PORT]`.
  public init(
    baseURL: String = defaultBaseURL,
    apiKey: String?,
    connectTimeout: Double = 5,
    requestTimeout: Double = 30,
    retryPolicy: RetryPolicy = RetryPolicy(),
    userAgent: String = BatchshVersion.userAgent
  ) throws(BatchError) {
    let normalized = Self.normalize(baseURL)
    // `host` decodes the name with ICU's IDNA tables, a megabyte of memory in every run; only an international
    // name (percent-encoded here) needs them, and the loopback names and addresses are plain ASCII.
    guard let components = URLComponents(string: normalized), let scheme = components.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let encodedHost = components.percentEncodedHost, !encodedHost.isEmpty,
      let host = encodedHost.contains("%") ? components.host : encodedHost
    else {
      throw .transport("invalid base URL '\(BatchError.printable(baseURL))': expected http(s)://HOST[:PORT]")
    }
    self.baseURL = normalized
    self.apiKey = apiKey
    self.connectTimeout = connectTimeout
    self.requestTimeout = requestTimeout
    self.retryPolicy = retryPolicy
    self.userAgent = userAgent
    self.host = components.port.map { "\(host):\($0)" } ?? host
    self.isLoopback = Self.isLoopbackHost(host)
    try checkTransport()
  }

  /// Throws `insecureTransport` when a key is set and would travel over plain http to a host that is not this machine.
  ///
  /// Checked at init and again before every request, since `apiKey` may be set after the configuration is made.
  public func checkTransport() throws(BatchError) {
    if apiKey != nil, !isLoopback, baseURL.lowercased().hasPrefix("http://") {
      throw .insecureTransport(host: host)
    }
  }

  /// Server text with every occurrence of the API key replaced, in case a server or proxy echoes it back.
  public func redacting(_ text: String) -> String {
    guard let apiKey, !apiKey.isEmpty, text.contains(apiKey) else { return text }
    return text.replacingOccurrences(of: apiKey, with: "[redacted]")
  }

  // MARK: - Normalisation

  /// Strips whitespace, trailing slashes and one trailing `/v1` from a base URL.
  public static func normalize(_ url: String) -> String {
    var text = url.trimmingCharacters(in: .whitespacesAndNewlines)
    while text.hasSuffix("/") { text.removeLast() }
    if text.lowercased().hasSuffix("/v1") { text.removeLast(3) }
    while text.hasSuffix("/") { text.removeLast() }
    return text
  }

  /// Whether a host name or address is this machine: `localhost`, 127.0.0.0/8 or `::1`.
  public static func isLoopbackHost(_ host: String) -> Bool {
    let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
    let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
  }

  /// `maxResponseBytes` within the HTTP client's range.
  var responseLimit: Int { min(max(0, maxResponseBytes), Int(UInt32.max)) }

  /// The full URL of an API path such as `/v1/batches`.
  func url(_ path: String) -> String { baseURL + path }
}
