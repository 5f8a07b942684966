import Testing

@testable import BatchCore

/// The three error-body shapes of the API, and bodies that are none of them.
@Suite struct APIErrorBodyTests {
  func message(_ json: String) -> String? {
    APIErrorBody.message(from: Array(json.utf8))
  }

  @Test("shape 1: {\"error\": \"text\"}")
  func stringShape() {
    #expect(message(#"{"error": "batch job batch-1 not found"}"#) == "batch job batch-1 not found")
  }

  @Test("shape 2: {\"error\": {message, type, param, code}}, falling back to the type")
  func objectShape() {
    let body = #"{"error":{"message":"file not found","type":"invalid_request_error","param":null,"code":"x"}}"#
    #expect(message(body) == "file not found")
    #expect(message(#"{"error":{"type":"server_error","code":null}}"#) == "server_error")
  }

  @Test("shape 3: {message, code, details: [{detail}]}")
  func detailsShape() {
    let body = #"{"message":"Not Found","code":404,"details":[{"detail":"no route"},{"detail":"try /v1"}]}"#
    #expect(message(body) == "Not Found: no route; try /v1")
    #expect(message(#"{"message":"Bad Request","code":400}"#) == "Bad Request")
    #expect(message(#"{"code":400,"details":[{"detail":"only detail"}]}"#) == "only detail")
  }

  @Test(
    "bodies that are no error shape give nil",
    arguments: [
      "", "null", "[]", "42", #"{"id":"batch-1","status":"COMPLETED"}"#, #"{"error":""}"#, #"{"error":"   "}"#,
      "<html><body><h1>502 Bad Gateway</h1></body></html>", "{\"error\": \"unterminated",
    ])
  func notErrors(body: String) {
    #expect(message(body) == nil)
  }

  @Test("a long message is cut to 500 characters")
  func longMessage() throws {
    let text = try #require(message(#"{"error":"\#(String(repeating: "x", count: 2000))"}"#))
    #expect(text.count == 501)
    #expect(text.hasSuffix("…"))
  }

  @Test("control characters and escape sequences in a message are neutralised")
  func controlCharacters() {
    #expect(message(#"{"error":"bad\u001b[31m red\r\nline\u0007"}"#) == "bad [31m red line")
  }

  @Test("an excerpt is printable, single-line and bounded")
  func excerpt() {
    let html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n\t<body>\u{1b}[2J</body>"
    #expect(
      APIErrorBody.excerpt(Array(html.utf8)) == "<html> <head><title>502 Bad Gateway</title></head> <body> [2J</body>")
    let long = APIErrorBody.excerpt(Array(String(repeating: "é", count: 500).utf8), limit: 10)
    #expect(long == String(repeating: "é", count: 10) + "…")
    #expect(APIErrorBody.excerpt([0xFF, 0xFE, 0x41]) == "\u{FFFD}\u{FFFD}A")
  }
}
