import Testing

@testable import BatchCore

/// The user-facing messages and derived properties of `BatchError`.
@Suite struct BatchErrorTests {
  /// One error of every case, with the words its message must contain.
  static let cases: [(BatchError, [String])] = [
    (.notFound(resource: .job, id: "batch-1", apiMessage: "gone"), ["job", "batch-1", "not found"]),
    (.notFound(resource: .file, id: "file-1", apiMessage: nil), ["file", "file-1", "not found"]),
    (.unauthorized(status: 401, apiMessage: nil), ["unauthorized (401)", "rejected", "TOGETHER_API_KEY"]),
    (
      .unauthorized(status: 403, apiMessage: "no access to project"),
      ["403", "no access to project", "TOGETHER_API_KEY"]
    ),
    (.rateLimited(retryAfter: 1.5, apiMessage: "slow down"), ["rate limited", "429", "1.5s", "slow down"]),
    (.rateLimited(retryAfter: nil, apiMessage: nil), ["rate limited", "429"]),
    (.server(status: 503, apiMessage: "maintenance"), ["server error", "503", "maintenance"]),
    (.badRequest(status: 422, apiMessage: "bad field"), ["refused", "422", "bad field"]),
    (.invalidState(id: "b", status: .completed, message: "cannot cancel job 'b': it is COMPLETED"), ["COMPLETED"]),
    (.transport("connection refused"), ["network error", "connection refused"]),
    (.timeout(seconds: 30), ["timed out", "30s"]),
    (.timeout(seconds: 0.5), ["timed out", "0.5s"]),
    (.invalidResponse(reason: "expected a batch job", excerpt: "<html>"), ["invalid response", "batch job", "<html>"]),
    (.invalidResponse(reason: "unexpected redirect (302)", excerpt: ""), ["invalid response", "302"]),
    (.invalidID("a/b", reason: "an id cannot contain '/'"), ["invalid id", "'a/b'", "'/'"]),
    (.insecureTransport(host: "example.com"), ["refusing", "http://", "example.com", "https://"]),
    (.missingAPIKey, ["TOGETHER_API_KEY", "--sim"]),
    (
      .localFile(path: "/tmp/out.jsonl", reason: "file exists (use --force to overwrite)"),
      ["/tmp/out.jsonl", "--force"]
    ),
  ]

  @Test("every case has a clear, single-line message", arguments: 0..<cases.count)
  func messages(index: Int) {
    let (error, words) = Self.cases[index]
    let text = error.description
    for word in words { #expect(text.contains(word), "\(text)") }
    #expect(!text.contains("\n"))
    #expect(!text.contains("BatchError"), "no type noise: \(text)")
    #expect(error.errorDescription == text)
    #expect(!text.hasSuffix(": "))
  }

  @Test("ids with control characters are escaped and long ones cut when echoed")
  func printableIDs() {
    let text = BatchError.invalidID("a\u{1b}[2Jb", reason: "x").description
    #expect(text.contains(#"a\u{1b}[2Jb"#))
    let long = BatchError.invalidID(String(repeating: "z", count: 300), reason: "x").description
    #expect(long.contains(String(repeating: "z", count: 80) + "…"))
    #expect(!long.contains(String(repeating: "z", count: 81)))
  }

  @Test("HTTP status, server message and Retry-After are exposed where known")
  func properties() {
    #expect(BatchError.notFound(resource: .job, id: "b", apiMessage: "m").httpStatus == 404)
    #expect(BatchError.notFound(resource: .job, id: "b", apiMessage: "m").apiMessage == "m")
    #expect(BatchError.rateLimited(retryAfter: 2, apiMessage: nil).httpStatus == 429)
    #expect(BatchError.rateLimited(retryAfter: 2, apiMessage: nil).retryAfter == 2)
    #expect(BatchError.server(status: 502, apiMessage: nil).httpStatus == 502)
    #expect(BatchError.unauthorized(status: 403, apiMessage: nil).httpStatus == 403)
    #expect(BatchError.timeout(seconds: 1).httpStatus == nil)
    #expect(BatchError.server(status: 502, apiMessage: nil).retryAfter == nil)
  }

  @Test("only rate limits, server errors, network errors and timeouts are transient")
  func transient() {
    let transient = Self.cases.map(\.0).filter(\.isTransient).map(\.description)
    #expect(transient.count == 6, "\(transient)")
    #expect(
      transient.allSatisfy {
        $0.contains("rate") || $0.contains("server") || $0.contains("network") || $0.contains("timed")
      })
  }
}
