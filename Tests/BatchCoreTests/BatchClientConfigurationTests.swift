import Testing

@testable import BatchCore

/// Base-URL normalisation and the clear-text key guard of `BatchClientConfiguration`.
@Suite struct BatchClientConfigurationTests {
  @Test(
    "a trailing /v1 and slashes are stripped",
    arguments: [
      ("https://api.together.ai", "https://api.together.ai"), ("https://api.together.ai/", "https://api.together.ai"),
      ("https://api.together.ai/v1", "https://api.together.ai"),
      ("https://api.together.ai/v1/", "https://api.together.ai"),
      ("https://api.together.ai/V1//", "https://api.together.ai"),
      ("  http://127.0.0.1:8080/v1 \n", "http://127.0.0.1:8080"),
      ("https://proxy.example/together/v1", "https://proxy.example/together"),
    ])
  func normalises(input: String, expected: String) throws {
    let configuration = try BatchClientConfiguration(baseURL: input, apiKey: "k")
    #expect(configuration.baseURL == expected)
    #expect(configuration.url("/v1/batches") == expected + "/v1/batches")
  }

  @Test("the default is the production API over https")
  func defaults() throws {
    let configuration = try BatchClientConfiguration(apiKey: "k")
    #expect(configuration.baseURL == "https://api.together.ai")
    #expect(configuration.host == "api.together.ai")
    #expect(!configuration.isLoopback)
    #expect(configuration.retryPolicy == RetryPolicy())
    #expect(configuration.userAgent.hasPrefix("batchsh/"))
  }

  @Test(
    "plain http with a key is refused off this machine",
    arguments: [
      "http://api.together.ai", "http://10.0.0.1:8080/v1", "http://128.0.0.1", "http://localhost.evil.com",
      "http://[::2]", "http://127.0.0.1@evil.example", "http://localhost:9@evil.example:80",
    ])
  func insecure(url: String) throws {
    let error = try #require(throws: BatchError.self) { try BatchClientConfiguration(baseURL: url, apiKey: "k") }
    guard case .insecureTransport(let host) = error else {
      Issue.record("expected insecureTransport, got \(error)")
      return
    }
    #expect(url.contains(host))
    #expect(error.description.contains("https://"))
  }

  @Test func internationalHostsAreShownDecoded() throws {
    let error = try #require(throws: BatchError.self) {
      try BatchClientConfiguration(baseURL: "http://xn--bcher-kva.de:8080", apiKey: "k")
    }
    #expect(error == .insecureTransport(host: "bücher.de:8080"))
  }

  @Test(
    "plain http is fine for loopback hosts, or without a key",
    arguments: [
      ("http://127.0.0.1:9", "k", true), ("http://localhost:9", "k", true), ("http://127.8.9.10", "k", true),
      ("http://[::1]:9", "k", true), ("http://sim.localhost", "k", true), ("http://example.com", nil, false),
      ("HTTP://LocalHost:9/v1", "k", true), ("http://user@127.0.0.1:9", "k", true),
    ])
  func allowed(url: String, key: String?, loopback: Bool) throws {
    let configuration = try BatchClientConfiguration(baseURL: url, apiKey: key)
    #expect(configuration.isLoopback == loopback)
  }

  @Test(
    "a URL that is not http(s)://HOST is refused",
    arguments: [
      "", "api.together.ai", "ftp://api.together.ai", "http://", "https:///v1", "not a url",
    ])
  func badURL(url: String) throws {
    let error = try #require(throws: BatchError.self) { try BatchClientConfiguration(baseURL: url, apiKey: nil) }
    guard case .transport(let reason) = error else {
      Issue.record("expected a transport error, got \(error)")
      return
    }
    #expect(reason.contains("invalid base URL"))
  }

  @Test("the host keeps its port for messages")
  func hostWithPort() throws {
    #expect(try BatchClientConfiguration(baseURL: "http://127.0.0.1:8080", apiKey: nil).host == "127.0.0.1:8080")
  }

  @Test("setting a key after the fact still never sends it in clear text off this machine")
  func keySetLater() throws {
    var configuration = try BatchClientConfiguration(baseURL: "http://example.com", apiKey: nil)
    configuration.apiKey = "sk-late"
    #expect(throws: BatchError.insecureTransport(host: "example.com")) { try configuration.checkTransport() }
    configuration.apiKey = nil
    try configuration.checkTransport()
  }

  @Test("redaction removes the key from server text")
  func redaction() throws {
    let configuration = try BatchClientConfiguration(apiKey: "sk-secret-123")
    #expect(configuration.redacting("bad key sk-secret-123 (sk-secret-123)") == "bad key [redacted] ([redacted])")
    #expect(try BatchClientConfiguration(apiKey: nil).redacting("sk-secret-123") == "sk-secret-123")
  }
}
