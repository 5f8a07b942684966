import BatchCommands
import BatchCore
import Foundation
import Testing

@Suite struct JSONValueTests {
  private func decode(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  @Test func decodesEveryKindOfValue() throws {
    let value = try decode(#"{"a":[1,2.5,"s",true,null,{"b":{}}],"big":12345678901234}"#)
    #expect(value == ["a": [1, 2.5, "s", true, nil, ["b": [:]]], "big": .integer(12_345_678_901_234)])
    #expect(value["a"]?.arrayValue?.count == 6)
    #expect(value["missing"] == nil)
  }

  @Test func numbersCompareByValue() {
    #expect(JSONValue.integer(5) == .number(5.0))
    #expect(JSONValue.integer(5) != .number(5.5))
    #expect(Set<JSONValue>([.integer(5), .number(5)]).count == 1)
    #expect(JSONValue.integer(1) != .bool(true))
  }

  @Test func roundTripsThroughJSON() throws {
    let value: JSONValue = ["jobs": [["id": "a", "progress": 12.5]], "ok": true, "none": nil]
    #expect(try decode(String(decoding: JSONEncoder().encode(value), as: UTF8.self)) == value)
  }

  @Test func encodesAnyEncodable() throws {
    let value = try JSONValue(encoding: DownloadResult(path: "/x", bytes: 3, fileID: "f"))
    #expect(value == ["path": "/x", "bytes": 3, "file_id": "f"])
  }

  @Test func namesTypesForMessages() {
    #expect([JSONValue.null, true, 1, 1.5, "s", [], [:]].map(\.typeName)
      == ["null", "boolean", "number", "number", "string", "array", "object"])
  }
}
