import BatchCore

/// `watch [ID…] [--active] …`: follows jobs until every one is terminal.
public enum WatchCommand {
  static let ids = ParamDescriptor.variadic("ids", .jobID, required: false, summary: "The jobs to watch.",
    valueName: "ID")
  static let active = ParamDescriptor.flag("active", short: "a", summary: "Also watch every job that has not finished.")
  static let interval = ParamDescriptor.option(
    "interval", .duration(maximum: 3600), short: "i", default: .seconds(5),
    summary: "Seconds between polls to start with; grows ×1.5 while nothing changes, up to 60.")
  static let timeout = ParamDescriptor.option(
    "timeout", .duration(maximum: 30 * 86400), summary: "Give up after this many seconds (exit status 124).")
  static let exitStatus = ParamDescriptor.flag(
    "exit_status", summary: "Exit with status 3 when a watched job ends FAILED, EXPIRED or CANCELLED.")
  static let failFast = ParamDescriptor.flag(
    "fail_fast", summary: "Stop as soon as a watched job ends FAILED or EXPIRED.")
  static let bell = ParamDescriptor.flag("bell", summary: "Ring the terminal bell when the watch ends.")

  public static let descriptor = CommandDescriptor(
    name: "watch",
    summary: "Follow jobs until they finish.",
    discussion: [
      "Polls at once, then every --interval seconds, more slowly while nothing changes and back to the interval "
        + "after any change. Several jobs cost one request per poll, and watches of the same job share one poller.",
      "On a terminal each job has a live line; otherwise one line is printed per change. At the end come the "
        + "output file id and the download command of each completed job, and the error of each failed one.",
      "With --json, one JSON object per line: {\"time\",\"change\",\"job\"} per change (change is initial, "
        + "status or progress), then {\"time\",\"change\":\"final\",\"outcome\",\"jobs\"} with every job "
        + "as last seen (outcome: finished, fail_fast or timeout).",
      "Interrupting a watch stops watching; it never cancels the jobs.",
    ],
    params: [ids, active, interval, timeout, exitStatus, failFast, bell],
    examples: [
      CommandExample("watch batch-8f2c1e", "Follow one job to the end."),
      CommandExample("watch --active --exit-status", "Wait for every running job; exit 3 if one did not complete."),
      CommandExample("watch batch-8f2c1e --timeout 3600 --bell", "Wait at most an hour, then ring."),
    ],
    result: .watch,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    var targets: [String] = []
    for id in arguments.strings(ids.name) where !targets.contains(id) { targets.append(id) }
    let activeToo = arguments.flag(active.name)
    if targets.isEmpty && !activeToo {
      throw CommandError.usage("watch needs job ids or --active", command: descriptor.name)
    }
    guard let watcher = context.watcher else {
      throw CommandError.unsupported("watch is not available: no watch engine is connected in this build")
    }
    if activeToo && !targets.isEmpty {
      // The engine watches either ids or the active set; for both, resolve the active set here.
      let all = try await context.api.list()
      context.jobIDs.replaceAll(with: all)
      for job in all where !job.isTerminal && !job.id.isEmpty && !targets.contains(job.id) { targets.append(job.id) }
    }
    let timeoutSeconds = arguments.seconds(timeout.name)
    let request = WatchRequest(
      target: targets.isEmpty ? .active : .jobs(targets),
      interval: arguments.seconds(interval.name) ?? PollSchedule.defaultInterval, timeout: timeoutSeconds,
      failFast: arguments.flag(failFast.name))
    let summary = try await WatchSession(request: request, context: context).run(using: watcher)
    return .watch(
      WatchResult(summary: summary, exitStatusRequested: arguments.flag(exitStatus.name),
        bell: arguments.flag(bell.name), timeout: timeoutSeconds))
  }
}
