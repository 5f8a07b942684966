/// Watches jobs for any number of subscribers with ONE polling loop, so concurrent watches share every request.
///
/// Each `watch(_:)` returns its own event stream. Per tick the hub makes one request for all of them: `get` when the
/// union of watched ids is a single id, otherwise one `list()` (`GET /v1/batches`), plus a confirming `get` for a
/// watched id missing from the list. So 1,000 watches of 1,000 jobs cost one `list` per tick in total, and two
/// watches of one job share its `get`.
///
/// Sharing semantics:
/// - The tick follows one `PollSchedule` whose base interval is the smallest among the current subscriptions; it
///   grows while no watched job changes and goes back to the base after a change to ANY watched job.
/// - A new subscription gets its first snapshot at once: from the latest poll when that is at most `snapshotReuse`
///   seconds old and covers its jobs, otherwise from an immediate poll (newcomers arriving together share it).
/// - Jobs already terminal (or gone) for every subscriber are no longer polled.
/// - Transient failures (`BatchError.isTransient`) send `retrying` to every subscription and back off along the
///   schedule (a `Retry-After` is a floor); a subscription gives up with the error after its `outageLimit` without
///   a successful poll. Any other error ends every subscription with that error.
/// - The loop runs only while there are subscriptions: cancelling a consumer's task (or dropping its stream)
///   removes the subscription; the last one out stops the loop, and the next `watch` starts it again.
/// Remote jobs are only ever read, never cancelled.
public actor WatchHub {
  let api: any BatchAPI
  let clock: ElapsedClock
  let random: @Sendable () -> Double
  /// How old (in seconds) the latest poll may be and still serve a new subscription's snapshot.
  public let snapshotReuse: Double

  var subscriptions: [Int: WatchSubscription] = [:]
  var nextKey = 0
  var schedule = PollSchedule()
  /// The latest successful poll and when it ended.
  var latest: (result: PollResult, at: Double)?
  /// Watched jobs as last seen, to tell whether a poll changed anything.
  var known: [String: BatchJob] = [:]
  var estimators: [String: ETAEstimator] = [:]
  var pollsStarted = 0
  var nextPollAt = 0.0
  var lastPollEnd = 0.0
  var lastSuccessAt = -Double.infinity
  /// Polls failed in a row, and the latest such failure.
  var failures = 0
  var lastRetry: WatchRetry?
  var loopTask: Task<Void, Never>?
  var sleepTask: Task<Void, any Error>?
  var generation = 0

  /// Makes a hub; it polls nothing until the first `watch`.
  ///
  /// - Parameters:
  ///   - api: the Batch API (a `BatchClient`, or a fake in tests).
  ///   - clock: the only clock the hub reads or sleeps on.
  ///   - snapshotReuse: see the property.
  ///   - random: numbers in 0..<1 for the schedule's jitter.
  public init(
    api: any BatchAPI, clock: any Clock<Duration> = ContinuousClock(), snapshotReuse: Double = 1,
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) {
    self.api = api
    self.clock = ElapsedClock(clock)
    self.snapshotReuse = snapshotReuse
    self.random = random
  }

  // MARK: - Subscribing

  /// Starts a watch; its events arrive on the returned stream, which ends after `.finished` or with an error.
  ///
  /// Invalid ids end the stream at once with `BatchError.invalidID`; an id the server does not know at the first
  /// poll ends it with `BatchError.notFound`. A watch of no ids finishes at once.
  public func watch(_ request: WatchRequest) -> AsyncThrowingStream<WatchEvent, any Error> {
    let (stream, continuation) = AsyncThrowingStream<WatchEvent, any Error>.makeStream()
    do {
      for id in request.jobIDs ?? [] { try IDValidator.validate(id) }
    } catch {
      continuation.finish(throwing: error)
      return stream
    }
    let key = nextKey
    nextKey += 1
    let now = clock.elapsed()
    var subscription = WatchSubscription(
      key: key, request: request, continuation: continuation, joinedAt: now, joinedAtPoll: pollsStarted)
    if request.jobIDs?.isEmpty == true {
      _ = subscription.apply(PollResult(listing: []), progress: progressInfo)
      return stream
    }
    if failures == 0, let latest, now - latest.at <= snapshotReuse, subscription.isCovered(by: latest.result) {
      guard subscription.apply(latest.result, progress: progressInfo) else { return stream }
    } else if var retry = lastRetry {
      retry.nextTryIn = max(nextPollAt - now, 0)
      subscription.retry(retry)
    }
    continuation.onTermination = { [weak self] _ in
      Task { await self?.remove(key) }
    }
    subscriptions[key] = subscription
    updateBaseInterval()
    if loopTask == nil { startLoop() } else { wake() }
    return stream
  }

  /// How many watches are in progress.
  public var subscriptionCount: Int { subscriptions.count }

  /// Whether the polling loop is running.
  public var isPolling: Bool { loopTask != nil }

  /// The base interval the loop uses now (the smallest among the subscriptions).
  public var baseInterval: Double { schedule.baseInterval }

  func remove(_ key: Int) {
    guard subscriptions.removeValue(forKey: key) != nil else { return }
    if subscriptions.isEmpty { stopLoop() } else { updateBaseInterval() }
  }

  func updateBaseInterval() {
    guard let base = subscriptions.values.map(\.request.interval).min() else { return }
    let old = schedule.baseInterval
    schedule.setBaseInterval(base)
    if schedule.baseInterval < old { nextPollAt = min(nextPollAt, lastPollEnd + schedule.baseInterval) }
  }

  func progressInfo(_ job: BatchJob) -> JobProgressInfo {
    JobProgressInfo(job: job, estimator: estimators[job.id])
  }

  // MARK: - Loop

  func startLoop() {
    generation += 1
    let current = generation
    schedule.reset()
    nextPollAt = clock.elapsed()
    loopTask = Task { await self.run(generation: current) }
  }

  func stopLoop() {
    generation += 1
    loopTask?.cancel()
    loopTask = nil
    wake()
    latest = nil
    known = [:]
    estimators = [:]
    failures = 0
    lastRetry = nil
    lastSuccessAt = -.infinity
  }

  /// Interrupts the loop's sleep so it looks at its state again.
  func wake() {
    sleepTask?.cancel()
    sleepTask = nil
  }

  func run(generation current: Int) async {
    while current == generation {
      let now = clock.elapsed()
      expireTimeouts(now: now)
      if subscriptions.isEmpty { break }
      if Self.reached(nextPollAt, now) || owesPoll {
        await poll(generation: current)
        continue
      }
      let deadlines = subscriptions.values.compactMap(\.deadline)
      let wakeAt = min(nextPollAt, deadlines.min() ?? .infinity)
      let sleepUntil = clock.sleepUntil
      let sleeper = Task { try await sleepUntil(wakeAt) }
      sleepTask = sleeper
      _ = await sleeper.result
      if current == generation { sleepTask = nil }
    }
    if current == generation { stopLoop() }
  }

  /// Whether a subscription joined after the latest poll started and waits for its snapshot (not during an outage,
  /// so a `Retry-After` is honoured).
  var owesPoll: Bool {
    failures == 0 && subscriptions.values.contains { !$0.started && $0.joinedAtPoll == pollsStarted }
  }

  func expireTimeouts(now: Double) {
    for key in subscriptions.keys.sorted() {
      guard let subscription = subscriptions[key], let deadline = subscription.deadline, Self.reached(deadline, now)
      else { continue }
      subscription.timeOut()
      subscriptions[key] = nil
    }
  }

  /// Whether time `now` has reached `time`, allowing for rounding between `Double` seconds and `Duration`.
  static func reached(_ time: Double, _ now: Double) -> Bool { now + 1e-6 >= time }
}
