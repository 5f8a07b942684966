import BatchCommands
import BatchCore
import Foundation
import Testing

@Suite struct CommandTableInfoTests {
  @Test func describesEveryCommandAndParam() throws {
    let info = CommandTableInfo()
    #expect(info.serializationVersion == 0)
    #expect(info.tool == "batchsh")
    #expect(info.version == BatchshVersion.current)
    #expect(info.commands.map(\.name) == CommandTable.standard.commands.map(\.name))
    #expect(info.globalFlags.map(\.longFlag) == ["--json", "--help"])
    let quit = try #require(info.commands.last)
    #expect(quit.frontEnds == [.repl, .script])
    #expect(quit.result == .none)
    let watch = try #require(info.commands.first { $0.name == "watch" })
    let interval = try #require(watch.params.first { $0.name == "interval" })
    #expect(interval.longFlag == "--interval" && interval.shortFlag == "-i")
    #expect(interval.kind == "duration" && interval.role == .option && !interval.required)
    #expect(interval.defaultValue == .number(5))
    #expect(interval.valueName == "SECONDS")
    #expect(interval.schema == [
      "type": "number", "exclusiveMinimum": 0, "maximum": 3600.0, "default": 5.0,
      "description": "Seconds between polls to start with; grows ×1.5 while nothing changes, up to 60.",
    ])
  }

  @Test func schemasDescribeRPCValues() throws {
    let info = CommandTableInfo()
    let cancel = try #require(info.commands.first { $0.name == "cancel" }?.params.first)
    #expect(cancel.schema["type"] == "array")
    #expect(cancel.schema["minItems"] == 1)
    #expect(cancel.schema["items"]?["maxLength"] == 256)
    let limit = try #require(info.commands.first { $0.name == "list" }?.params.last)
    #expect(limit.schema["type"] == "integer")
    let help = try #require(info.commands.first { $0.name == "help" }?.params.first)
    #expect(help.schema["enum"] == ["get", "list", "cancel", "watch", "download", "help"])
    let bell = try #require(info.commands.first { $0.name == "watch" }?.params.last)
    #expect(bell.valueName == nil && bell.schema["type"] == "boolean")
  }

  @Test func roundTripsThroughJSONWithSnakeCaseKeys() throws {
    let info = CommandTableInfo()
    let data = try JSONEncoder().encode(info)
    let text = String(decoding: data, as: UTF8.self)
    let keys = ["\"serialization_version\":0", "\"global_flags\"", "\"front_ends\"", "\"long_flag\"", "\"value_name\""]
    for key in keys {
      #expect(text.contains(key), "missing \(key)")
    }
    #expect(try JSONDecoder().decode(CommandTableInfo.self, from: data) == info)
  }
}
