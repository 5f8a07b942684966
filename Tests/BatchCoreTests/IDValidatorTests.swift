import Testing

@testable import BatchCore

/// Id checks made before any request (SPEC §8) and percent-encoding of ids in paths.
@Suite struct IDValidatorTests {
  @Test(
    "ordinary and unusual-but-safe ids are accepted unchanged",
    arguments: [
      "batch-0f8fad5b-d9cb-469f-a165-70867728950e", "file-abc", "a", "x..y", "..x", "a%2Fb", "id?with#query&chars",
      "ünïcødé-ジョブ-🚀", String(repeating: "a", count: 256), String(repeating: "é", count: 256),
    ])
  func accepted(id: String) throws {
    #expect(try IDValidator.validate(id) == id)
  }

  @Test(
    "bad ids are refused with a reason",
    arguments: [
      ("", "empty"), (String(repeating: "a", count: 257), "longer than 256"), ("a/b", "'/'"), ("../x", "'/'"),
      ("/", "'/'"), ("a b", "whitespace"), ("tab\there", "whitespace"), ("nl\n", "whitespace"),
      ("\u{00A0}nbsp", "whitespace"), ("bell\u{07}", "control"), ("esc\u{1b}[2J", "control"), ("nul\u{0}", "control"),
      ("del\u{7f}", "control"), ("rtl\u{202e}", "control"), (".", "not an id"), ("..", "not an id"),
    ])
  func refused(id: String, reason: String) throws {
    let error = try #require(throws: BatchError.self) { try IDValidator.validate(id) }
    guard case .invalidID(let bad, let why) = error else {
      Issue.record("expected invalidID, got \(error)")
      return
    }
    #expect(bad == id)
    #expect(why.contains(reason), "\(why)")
    #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control })
  }

  @Test(
    "path segments keep unreserved characters and percent-encode the rest",
    arguments: [
      ("batch-1_a.b~c", "batch-1_a.b~c"), ("a%2Fb", "a%252Fb"), ("q?x#y&z", "q%3Fx%23y%26z"), ("é", "%C3%A9"),
      ("🚀", "%F0%9F%9A%80"), ("a+b:c", "a%2Bb%3Ac"),
    ])
  func pathSegment(id: String, encoded: String) {
    #expect(IDValidator.pathSegment(id) == encoded)
    #expect(encoded.removingPercentEncoding == id)
  }
}
