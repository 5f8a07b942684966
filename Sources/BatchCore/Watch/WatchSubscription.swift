/// One subscriber's watch inside a `WatchHub`: what it follows, what it has seen so far, and its event stream.
///
/// The hub feeds it poll results; it turns them into events and decides when the watch is over.
struct WatchSubscription {
  typealias Continuation = AsyncThrowingStream<WatchEvent, any Error>.Continuation

  let key: Int
  let request: WatchRequest
  let continuation: Continuation
  /// When it joined, in seconds on the hub's time line.
  let joinedAt: Double
  /// How many polls the hub had started when it joined (a newcomer is owed a poll of its own).
  let joinedAtPoll: Int
  /// The ids followed; nil for `--active` until its first poll fixes them.
  private(set) var ids: [String]?
  private(set) var jobs: [String: BatchJob] = [:]
  /// Ids that disappeared, in the order they did.
  private(set) var gone: [String] = []
  /// Whether the snapshot was sent.
  private(set) var started = false
  /// Whether a `retrying` event was sent since the last successful poll.
  private var retrying = false

  init(key: Int, request: WatchRequest, continuation: Continuation, joinedAt: Double, joinedAtPoll: Int) {
    self.key = key
    self.request = request
    self.continuation = continuation
    self.joinedAt = joinedAt
    self.joinedAtPoll = joinedAtPoll
    self.ids = request.jobIDs
  }

  // MARK: - What to poll

  /// Whether the next poll must be a `list` (an `--active` watch before its first poll).
  var needsListing: Bool { ids == nil }

  /// The ids that still need polling: every id before the snapshot, then those neither terminal nor gone.
  var pendingIDs: [String] {
    guard let ids else { return [] }
    guard started else { return ids }
    return ids.filter { !gone.contains($0) && !(jobs[$0]?.isTerminal ?? false) }
  }

  /// The time by which the watch times out, on the hub's time line.
  var deadline: Double? { request.timeout.map { joinedAt + max($0, 0) } }

  /// Whether `result` can be applied: after the snapshot always; before it, only when it tells about every id.
  func isCovered(by result: PollResult) -> Bool {
    guard let ids else { return result.listing != nil }
    return started || result.covers(ids)
  }

  // MARK: - Events

  /// Applies a successful poll that covers this watch; returns false when the watch is over.
  mutating func apply(_ result: PollResult, progress: (BatchJob) -> JobProgressInfo) -> Bool {
    guard started else { return start(with: result) }
    for id in pendingIDs {
      guard let old = jobs[id] else { continue }
      if result.gone.contains(id) {
        gone.append(id)
        continuation.yield(.disappeared(old))
      } else if let new = result.jobs[id] {
        jobs[id] = new
        if Self.statusDiffers(old.status, new.status) {
          continuation.yield(.statusChanged(JobUpdate(job: new, previous: old, progress: progress(new))))
        } else if old.progress != new.progress {
          continuation.yield(.progressChanged(JobUpdate(job: new, previous: old, progress: progress(new))))
        }
      }
    }
    return checkEnd()
  }

  /// Sends `recovered` when this watch was told about failures.
  mutating func recover(afterAttempts attempts: Int) {
    guard retrying else { return }
    retrying = false
    continuation.yield(.recovered(afterAttempts: attempts))
  }

  mutating func retry(_ retry: WatchRetry) {
    retrying = true
    continuation.yield(.retrying(retry))
  }

  /// Ends the watch because its timeout ran out.
  func timeOut() { finish(.timedOut) }

  /// Ends the watch with an error.
  func fail(_ error: any Error) { continuation.finish(throwing: error) }

  // MARK: - Private

  private mutating func start(with result: PollResult) -> Bool {
    let ids = self.ids ?? result.activeIDs ?? []
    self.ids = ids
    if let missing = ids.first(where: { result.gone.contains($0) }) {
      fail(BatchError.notFound(resource: .job, id: missing, apiMessage: nil))
      return false
    }
    for id in ids { jobs[id] = result.jobs[id] }
    started = true
    continuation.yield(.snapshot(ids.compactMap { jobs[$0] }))
    return checkEnd()
  }

  private func checkEnd() -> Bool {
    let ids = self.ids ?? []
    if request.failFast,
      let failed = ids.first(where: { !gone.contains($0) && WatchRequest.stopsFailFast(jobs[$0]?.status) })
    {
      finish(.failFast(jobID: failed))
      return false
    }
    guard ids.allSatisfy({ gone.contains($0) || (jobs[$0]?.isTerminal ?? false) }) else { return true }
    finish(.allTerminal)
    return false
  }

  private func finish(_ outcome: WatchSummary.Outcome) {
    let summary = WatchSummary(jobs: (ids ?? []).compactMap { jobs[$0] }, disappeared: gone, outcome: outcome)
    continuation.yield(.finished(summary))
    continuation.finish()
  }

  private static func statusDiffers(_ old: BatchStatus?, _ new: BatchStatus?) -> Bool {
    guard let old, let new else { return (old == nil) != (new == nil) }
    return !old.matches(new)
  }
}
