import BatchCore

/// `cancel ID…`: asks the server to cancel each job; one failing id does not stop the others.
public enum CancelCommand {
  static let ids = ParamDescriptor.variadic("ids", .jobID, required: true, summary: "The jobs to cancel.",
    valueName: "ID")

  /// How many cancel requests run at once.
  static let concurrency = 8

  public static let descriptor = CommandDescriptor(
    name: "cancel",
    summary: "Ask the server to cancel jobs.",
    discussion: [
      "Every id is tried, several at a time; the results are shown in the order given. A job that has already "
        + "finished cannot be cancelled: that id fails and the others still go. A job already being cancelled "
        + "counts as success.",
      "Exit status 1 when any id failed; each failure is reported as 'error: ID: message'.",
    ],
    params: [ids],
    examples: [
      CommandExample("cancel batch-8f2c1e", "Cancel one job."),
      CommandExample("cancel batch-8f2c1e batch-77aa01", "Cancel two jobs."),
    ],
    result: .cancel,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    var unique: [String] = []
    for id in arguments.strings(ids.name) where !unique.contains(id) { unique.append(id) }
    let results = try await cancelAll(unique, api: context.api)
    var jobs: [BatchJob] = []
    var failures: [CancelFailure] = []
    for (id, result) in zip(unique, results) {
      switch result {
      case .success(let job): jobs.append(job)
      case .failure(let error):
        if case .notFound = error { context.jobIDs.remove(id) }
        failures.append(CancelFailure(id: id, error: error))
      }
    }
    return .cancel(jobs: jobs, failures: failures)
  }

  /// Cancels each id, at most `concurrency` at a time; results in the order of `ids`.
  static func cancelAll(_ ids: [String], api: any BatchAPI) async throws -> [Result<BatchJob, BatchError>] {
    var results = [Result<BatchJob, BatchError>?](repeating: nil, count: ids.count)
    try await withThrowingTaskGroup(of: (Int, Result<BatchJob, BatchError>).self) { group in
      func start(_ index: Int) {
        group.addTask {
          do {
            return (index, .success(try await api.cancel(ids[index])))
          } catch let error as BatchError {
            return (index, .failure(error))
          }
        }
      }
      var next = 0
      while next < min(concurrency, ids.count) {
        start(next)
        next += 1
      }
      while let (index, result) = try await group.next() {
        results[index] = result
        if next < ids.count {
          start(next)
          next += 1
        }
      }
    }
    return results.map { $0! }
  }
}
