import BatchSimulator
import Testing

/// `--fault PATH:KIND[:ARG]:COUNT` flags parse into the rules they describe, and bad ones are refused.
@Suite struct FaultRuleTests {
  @Test(arguments: [
    ("/v1/batches:status:503:2", FaultRule(path: "/v1/batches", kind: .status(503), count: 2)),
    ("*:drop:1", FaultRule(kind: .drop, count: 1)),
    ("GET /v1/batches/*:rate-limit:1500ms:3",
     FaultRule(path: "/v1/batches/*", method: "GET", kind: .rateLimit(retryAfter: 1.5, milliseconds: true), count: 3)),
    ("*:rate-limit:2:1", FaultRule(kind: .rateLimit(retryAfter: 2, milliseconds: false), count: 1)),
    ("/v1/files/*:cut:4096:always", FaultRule(path: "/v1/files/*", kind: .cut(afterBytes: 4096), count: nil)),
    ("*:delay:0.5:1", FaultRule(kind: .delay(0.5), count: 1)),
    ("/v1/files/*:stall:3:1", FaultRule(path: "/v1/files/*", kind: .stall(3), count: 1)),
    ("*:stall:always", FaultRule(kind: .stall(2), count: nil)),
    ("*:html:1", FaultRule(kind: .html(502), count: 1)),
    ("*:malformed:1", FaultRule(kind: .malformedJSON, count: 1)),
    ("*:truncated:2", FaultRule(kind: .truncatedJSON, count: 2)),
    ("*:status:*", FaultRule(kind: .status(500), count: nil)),
  ])
  func flagsParse(flag: String, expected: FaultRule) throws {
    #expect(try FaultRule(flag: flag) == expected)
  }

  @Test(arguments: ["", "/v1/batches", "*:status", "*:explode:1", "*:status:abc:1", "*:drop:0", "*:delay:-1:1",
    "*:stall:x:1", "a:b:c:d:e"])
  func badFlagsAreRefused(flag: String) {
    #expect(throws: FaultRule.ParseError.self) { try FaultRule(flag: flag) }
  }

  @Test func errorsNameTheProblem() {
    #expect(FaultRule.ParseError.unknownKind("explode").description.contains("rate-limit"))
    #expect(FaultRule.ParseError.syntax("x").description.contains("PATH:KIND"))
  }
}
