@testable import BatchRPC
import BatchCommands
import Foundation
import Testing

/// Writing protocol JSON: escapes, numbers, key order, and one line per message.
struct JSONWriterTests {
  private func text(_ value: JSONValue) -> String { String(decoding: JSONWriter.bytes(value), as: UTF8.self) }

  @Test func escapesWhatJSONRequiresAndNothingElse() {
    #expect(text("a\"b\\c\nd\re\tf\u{1}g/é😀\u{7F}") == #""a\"b\\c\nd\re\tf\u0001g/é😀\u007f""#)
  }

  @Test func writesNumbersAsJSON() {
    #expect(text(.integer(-42)) == "-42")
    #expect(text(.number(100)) == "100")
    #expect(text(.number(0.1)) == "0.1")
    #expect(text(.number(1e300)) == "1e+300")
    #expect(text(.number(.infinity)) == "null")
    #expect(text(.number(.nan)) == "null")
  }

  @Test func sortsKeysForAStableOrder() {
    #expect(text(["b": 1, "a": [true, nil], "c": [:]]) == #"{"a":[true,null],"b":1,"c":{}}"#)
  }

  @Test func neverWritesANewline() {
    let value: JSONValue = ["text": "line 1\nline 2\r\n", "more": ["\n"]]
    #expect(!JSONWriter.bytes(value).contains(0x0A))
  }

  @Test func messagesAreWholeJSONRPCObjects() throws {
    let result = MessageEncoder.result(["ok": true], id: .number("1.5"))
    #expect(String(decoding: result, as: UTF8.self) == #"{"jsonrpc":"2.0","id":1.5,"result":{"ok":true}}"#)
    let error = MessageEncoder.error(.methodNotFound("x"), id: .string("a"))
    #expect(String(decoding: error, as: UTF8.self)
      == #"{"jsonrpc":"2.0","id":"a","error":{"code":-32601,"message":"method not found: 'x'"}}"#)
    let batch = MessageEncoder.batch([result, error])
    let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(batch))
    #expect(decoded.arrayValue?.count == 2)
  }
}
