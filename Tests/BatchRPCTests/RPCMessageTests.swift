@testable import BatchRPC
import BatchCommands
import Testing

/// Classifying parsed messages by `(id, method, hasResult, error)`.
struct RPCMessageTests {
  private func message(_ text: String) throws -> RPCMessage {
    guard case .message(let raw) = try JSONParser.parseLine(Array(text.utf8)) else {
      Issue.record("not a single message")
      return .response(id: .null)
    }
    return RPCMessage(raw)
  }

  @Test func requestsAndNotifications() throws {
    #expect(try message(#"{"jsonrpc":"2.0","id":1,"method":"get","params":{"id":"a"}}"#)
      == .request(id: .number("1"), method: "get", params: ["id": "a"]))
    #expect(try message(#"{"jsonrpc":"2.0","id":"x","method":"list"}"#)
      == .request(id: .string("x"), method: "list", params: nil))
    #expect(try message(#"{"jsonrpc":"2.0","id":null,"method":"list"}"#)
      == .request(id: .null, method: "list", params: nil))
    #expect(try message(#"{"jsonrpc":"2.0","method":"exit"}"#) == .notification(method: "exit", params: nil))
    #expect(try message(#"{"jsonrpc":"2.0","method":"get","params":["a"]}"#)
      == .notification(method: "get", params: ["a"]))
  }

  @Test func responsesFromTheClient() throws {
    #expect(try message(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == .response(id: .number("3")))
    #expect(try message(#"{"jsonrpc":"2.0","id":3,"error":{"code":1}}"#) == .response(id: .number("3")))
  }

  @Test func numericIDsKeepTheirText() throws {
    #expect(try message(#"{"jsonrpc":"2.0","id":-1.50e+3,"method":"list"}"#)
      == .request(id: .number("-1.50e+3"), method: "list", params: nil))
  }

  @Test(arguments: [
    (#"{"id":1,"method":"get"}"#, RequestID.number("1")),
    (#"{"jsonrpc":2.0,"id":"a","method":"get"}"#, .string("a")),
    (#"{"jsonrpc":"2.0","id":2,"method":7}"#, .number("2")),
    (#"{"jsonrpc":"2.0","id":true,"method":"get"}"#, .null),
    (#"{"jsonrpc":"2.0","id":[1],"method":"get"}"#, .null),
    (#"{"jsonrpc":"2.0","id":4}"#, .number("4")),
    (#"{"jsonrpc":"2.0","id":5,"method":"get","result":1}"#, .number("5")),
    (#"{"jsonrpc":"2.0","id":6,"method":"get","params":3}"#, .number("6")),
    (#"{"jsonrpc":"2.0","id":7,"method":"get","params":"a"}"#, .number("7")),
    (#"{"jsonrpc":"2.0","result":1}"#, .null),
    (#""just a string""#, .null),
  ])
  func invalidMessagesKeepAReadableID(text: String, id: RequestID) throws {
    guard case .invalid(let found, let error) = try message(text) else {
      Issue.record("\(text) was accepted")
      return
    }
    #expect(found == id)
    #expect(error.code == -32600)
  }

  @Test func idsMatchCancellationsByValue() {
    #expect(RequestID.number("1").matches(1))
    #expect(RequestID.number("1.0").matches(1))
    #expect(RequestID.number("1.5").matches(1.5))
    #expect(RequestID.string("1").matches("1"))
    #expect(!RequestID.string("1").matches(1))
    #expect(!RequestID.null.matches(nil))
    #expect(RequestID.string("a\"b").jsonText == #""a\"b""#)
  }
}
