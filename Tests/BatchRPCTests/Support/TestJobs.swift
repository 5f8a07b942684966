import BatchCommands
import BatchSimulator

/// Jobs with fixed ids for the server tests; times are simulated seconds (the tests' simulators run 600× faster).
enum TestJobs {
  /// A job that finished long ago, with an output file.
  static func completed(_ id: String = "batch-done") -> SimJobSpec {
    SimJobSpec(id: id, createdAgo: 100_000, validatingSeconds: 1, runSeconds: 10, outputBytes: 256)
  }

  /// A job created now that runs for `seconds` (at 600×: `seconds / 600` real seconds) and then completes.
  static func running(_ id: String, seconds: Double) -> SimJobSpec {
    SimJobSpec(id: id, validatingSeconds: 1, runSeconds: seconds, outputBytes: 64)
  }

  /// A job that will not finish during a test (about a week of simulated time).
  static func endless(_ id: String = "batch-long") -> SimJobSpec {
    running(id, seconds: 600_000)
  }

  /// The `error` member of a response.
  static func error(_ response: JSONValue?) -> (code: Int64?, message: String, data: JSONValue?) {
    guard case .integer(let code)? = response?["error"]?["code"] else {
      return (nil, response.map { "\($0)" } ?? "no response", nil)
    }
    return (code, response?["error"]?["message"]?.stringValue ?? "", response?["error"]?["data"])
  }

  /// The error code of a response, nil when it is not an error.
  static func code(_ response: JSONValue?) -> Int64? { error(response).code }
}
