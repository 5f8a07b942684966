import BatchCore
import Foundation

/// `list [--status S,…] [--active] [--limit N]`: lists jobs, newest first.
public enum ListCommand {
  static let status = ParamDescriptor.option(
    "status", .statusList, short: "s",
    summary: "Only jobs in these states, comma-separated, any case (CANCELING and CANCELLING are the same).")
  static let active = ParamDescriptor.flag("active", short: "a", summary: "Only jobs that have not finished.")
  static let limit = ParamDescriptor.option(
    "limit", .integer(bounds: 1...1_000_000), short: "n", summary: "Show at most N jobs, after filtering.")

  public static let descriptor = CommandDescriptor(
    name: "list",
    aliases: ["ls"],
    summary: "List jobs, newest first.",
    discussion: [
      "The server returns every job at once; batchsh sorts them by creation time, newest first (jobs without a "
        + "creation time last), then applies --status, --active and --limit in that order.",
      "Finished states are COMPLETED, FAILED, EXPIRED and CANCELLED; every other state, including one batchsh does "
        + "not know, counts as active.",
    ],
    params: [status, active, limit],
    examples: [
      CommandExample("list --active", "Jobs still running."),
      CommandExample("list --status failed,expired --limit 5", "The five newest jobs that failed or expired."),
      CommandExample("list --json", "Every job as a JSON array."),
    ],
    result: .jobs,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    let all = try await context.api.list()
    context.jobIDs.replaceAll(with: all)
    return .jobs(
      select(all, statuses: arguments.statuses(status.name), activeOnly: arguments.flag(active.name),
        limit: arguments.integer(limit.name)))
  }

  // MARK: - Selection

  /// Sorts newest first (undated jobs last, server order among equals), then filters and cuts to `limit`.
  public static func select(_ jobs: [BatchJob], statuses: [BatchStatus], activeOnly: Bool, limit: Int?) -> [BatchJob] {
    var selected = sortedNewestFirst(jobs).filter { job in
      if activeOnly && job.isTerminal { return false }
      if statuses.isEmpty { return true }
      guard let state = job.status else { return false }
      return statuses.contains { $0.matches(state) }
    }
    if let limit, selected.count > limit { selected.removeLast(selected.count - limit) }
    return selected
  }

  /// The jobs by `created_at`, newest first; jobs without a parsable date go last, in their original order.
  public static func sortedNewestFirst(_ jobs: [BatchJob]) -> [BatchJob] {
    jobs.enumerated().sorted { a, b in
      switch (a.element.createdAt?.date, b.element.createdAt?.date) {
      case (let x?, let y?) where x != y: return x > y
      case (.some, nil): return true
      case (nil, .some): return false
      default: return a.offset < b.offset
      }
    }.map(\.element)
  }
}
