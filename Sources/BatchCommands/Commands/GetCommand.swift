import BatchCore

/// `get ID`: shows one job.
public enum GetCommand {
  static let id = ParamDescriptor.positional("id", .jobID, summary: "The job to show.")

  public static let descriptor = CommandDescriptor(
    name: "get",
    aliases: ["show"],
    summary: "Show one job.",
    discussion: [
      "Shows the job's status, a progress bar, its model and endpoint, when it was created, its deadline and the "
        + "ids of its input, output and error files. When a file can be downloaded, the matching download command "
        + "is shown."
    ],
    params: [id],
    examples: [
      CommandExample("get batch-8f2c1e", "Show one job."),
      CommandExample("get batch-8f2c1e --json", "The job as the API returned it."),
    ],
    result: .job,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    let id = arguments.string(id.name) ?? ""
    do {
      return .job(try await context.api.get(id))
    } catch let error as BatchError {
      if case .notFound = error { context.jobIDs.remove(id) }
      throw error
    }
  }
}
