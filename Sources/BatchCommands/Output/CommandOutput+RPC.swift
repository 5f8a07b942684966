import BatchCore

/// The JSON-RPC result of each output (SPEC §6), ready for BatchRPC to encode.
extension CommandOutput {
  /// The `result` member of the response.
  ///
  /// - Throws: the first failure's `BatchError` for a `cancel` where every id failed (SPEC §6 answers it as the
  ///   request's error); `CommandError.watchTimedOut` for a watch whose timeout ran out (JSON-RPC -32015);
  ///   encoding errors, which cannot happen for these types.
  public func rpcResult() throws -> JSONValue {
    switch self {
    case .job(let job):
      return try JSONValue(encoding: job)
    case .jobs(let jobs):
      return ["jobs": try JSONValue(encoding: jobs)]
    case .cancel(let jobs, let failures):
      if jobs.isEmpty, let first = failures.first { throw first.error }
      var object: [String: JSONValue] = ["jobs": try JSONValue(encoding: jobs)]
      if !failures.isEmpty { object["errors"] = .array(failures.map(\.rpcValue)) }
      return .object(object)
    case .watch(let result):
      if result.summary.timedOut { throw CommandError.watchTimedOut(seconds: result.timeout ?? 0) }
      return ["jobs": try JSONValue(encoding: result.jobs)]
    case .download(let result):
      return try JSONValue(encoding: result)
    case .help(let text):
      return ["help": .string(text)]
    case .settings(let settings, let shown):
      return .object(settings.values(of: shown).mapValues(JSONValue.string))
    case .quit, .none:
      return .null
    }
  }
}

extension CancelFailure {
  /// `{"id","code","message"}`: `code` is the JSON-RPC error code of the failure (`-32014` for a finished job).
  public var rpcValue: JSONValue {
    ["id": .string(id), "code": .integer(Int64(ErrorKind(error).jsonRPCCode)), "message": .string(error.description)]
  }
}
