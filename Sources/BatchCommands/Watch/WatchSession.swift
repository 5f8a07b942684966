import BatchCore

/// Runs one `watch` on a `WatchService`: forwards every change to the event sink and the job-id cache, and returns
/// the engine's summary.
struct WatchSession: Sendable {
  let request: WatchRequest
  let context: CommandContext

  /// Follows the jobs until the engine finishes (all terminal, fail-fast or timeout).
  ///
  /// - Throws: what the stream throws (a job that does not exist, a rejected key, an outage that lasted too long),
  ///   and `CancellationError` when the task is cancelled.
  func run(using watcher: any WatchService) async throws -> WatchSummary {
    for try await event in await watcher.watch(request) {
      if let summary = forward(event) { return summary }
    }
    try Task.checkCancellation()
    throw CommandError.unsupported("the watch ended without a result")
  }

  /// Sends one engine event to the sink and the job-id cache; returns the summary when the watch is over.
  ///
  /// Synchronous on purpose: the async loop's frame then holds one event, not every case's payload, which keeps
  /// each suspended watch small (a JSON-RPC server may hold a thousand of them).
  @inline(never)
  private func forward(_ event: WatchEvent) -> WatchSummary? {
    switch event {
    case .snapshot(let jobs):
      context.jobIDs.insert(jobs)
      for job in jobs {
        context.events.send(.jobUpdated(job, progress: JobProgressInfo(job: job, estimator: nil)))
      }
    case .statusChanged(let update), .progressChanged(let update):
      context.jobIDs.insert([update.job])
      context.events.send(.jobUpdated(update.job, progress: update.progress))
    case .disappeared(let job):
      context.jobIDs.remove(job.id)
      context.events.send(.notice("job '\(job.id)' no longer exists on the server"))
    case .retrying(let retry):
      context.events.send(.notice(
        "\(retry.error); retrying in \(TimeText.duration(max(1, retry.nextTryIn))) (attempt \(retry.attempt))"))
    case .recovered(let attempts):
      let polls = attempts == 1 ? "poll" : "polls"
      context.events.send(.notice("connection recovered after \(attempts) failed \(polls)"))
    case .finished(let summary):
      return summary
    }
    return nil
  }
}
