import BatchCommands
import BatchCore
import Testing

@Suite struct JSONParamsParserTests {
  let parser = JSONParamsParser()

  private func message(_ method: String, _ params: JSONValue?) -> CommandError? {
    do {
      _ = try parser.parse(method: method, params: params)
      return nil
    } catch {
      return error
    }
  }

  // MARK: - Good params

  @Test func getTakesTheIDByName() throws {
    let invocation = try parser.parse(method: "get", params: ["id": "batch-1"])
    #expect(invocation.name == "get")
    #expect(invocation.arguments.string("id") == "batch-1")
    #expect(invocation.arguments.json)
  }

  @Test func listTakesAStatusArrayAFlagAndAnInteger() throws {
    let arguments = try parser.parse(method: "list", params: ["status": ["failed", "CANCELING"], "active": true,
      "limit": 3]).arguments
    #expect(arguments.statuses("status") == [.failed, .canceling])
    #expect(arguments.flag("active"))
    #expect(arguments.integer("limit") == 3)
  }

  @Test func absentOrNullParamsMeanNone() throws {
    #expect(try parser.parse(method: "list", params: nil).arguments.integer("limit") == nil)
    #expect(try parser.parse(method: "list", params: .null).arguments.statuses("status").isEmpty)
    #expect(try parser.parse(method: "list", params: ["limit": nil]).arguments.integer("limit") == nil)
  }

  @Test func watchTakesIDsAndFlagsWithUnderscores() throws {
    let arguments = try parser.parse(method: "watch", params: ["ids": ["a", "b"], "interval": 0.5, "timeout": 60,
      "fail_fast": true, "exit_status": false]).arguments
    #expect(arguments.strings("ids") == ["a", "b"])
    #expect(arguments.seconds("interval") == 0.5)
    #expect(arguments.seconds("timeout") == 60)
    #expect(arguments.flag("fail_fast"))
    #expect(!arguments.flag("exit_status"))
  }

  @Test func defaultsAreFilledIn() throws {
    #expect(try parser.parse(method: "watch", params: ["ids": ["a"]]).arguments.seconds("interval") == 5)
  }

  @Test func downloadAndHelpTakeStrings() throws {
    let download = try parser.parse(method: "download", params: ["id": "b", "output": "/tmp/x", "force": true])
    #expect(download.arguments.string("output") == "/tmp/x")
    #expect(try parser.parse(method: "help", params: ["command": "watch"]).arguments.string("command") == "watch")
  }

  // MARK: - Bad params

  @Test func missingRequiredParamsAreNamed() {
    #expect(message("get", nil) == .invalidParams("missing param 'id' for get"))
    #expect(message("cancel", [:]) == .invalidParams("missing param 'ids' for cancel"))
    #expect(message("cancel", ["ids": []]) == .invalidParams("'ids' needs at least one ID"))
  }

  @Test func mistypedParamsSayWhatWasExpected() {
    #expect(message("get", ["id": 5]) == .invalidParams("param 'id' of get must be a string, not number"))
    #expect(message("cancel", ["ids": "a"])
      == .invalidParams("param 'ids' of cancel must be an array of strings, not string"))
    #expect(message("cancel", ["ids": ["a", 1]])
      == .invalidParams("param 'ids' of cancel must be an array of strings; element 2 is a number"))
    #expect(message("list", ["active": "yes"])
      == .invalidParams("param 'active' of list must be a boolean, not string"))
    #expect(message("list", ["limit": 2.5])
      == .invalidParams("param 'limit' of list must be a whole number from 1 to 1000000, not number"))
    #expect(message("list", ["status": "failed"])
      == .invalidParams("param 'status' of list must be an array of strings, not string"))
    #expect(message("watch", ["ids": ["a"], "interval": -1])
      == .invalidParams("invalid value '-1' for 'interval': expected seconds greater than 0 and at most 3600"))
    #expect(message("get", [1, 2]) == .invalidParams("params of 'get' must be an object of named params, not array"))
  }

  @Test func invalidValuesAreRefused() {
    #expect(message("get", ["id": "../etc"]) == .invalidParams("invalid id '../etc': an id cannot contain '/'"))
    #expect(message("list", ["status": ["done"]])?.message.hasPrefix("unknown status 'done' for 'status'") == true)
  }

  @Test func unknownParamsAreNamedWithTheValidOnes() {
    #expect(message("list", ["stauts": ["failed"]])
      == .invalidParams("unknown param 'stauts' for list; did you mean 'status'? (valid: status, active, limit)"))
    #expect(message("get", ["id": "a", "json": true])
      == .invalidParams("unknown param 'json' for get (valid: id)"))
  }

  @Test func unknownAndSessionOnlyMethodsAreNotFound() {
    #expect(message("frobnicate", nil)?.kind == .unknownCommand)
    #expect(message("quit", nil)?.kind == .unknownCommand)
    #expect(message("LIST", nil)?.kind == .unknownCommand)
    #expect(message("ls", nil) == nil)
  }
}
