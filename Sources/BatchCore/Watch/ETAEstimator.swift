/// Estimates how long a job still needs from recent (time, progress) samples; a value type that does no I/O.
///
/// The rate is taken over the recent samples only (the last `window` seconds, at most `maxSamples` of them, but always
/// the two newest), so an estimate follows a job that speeds up or slows down. There is no estimate until two
/// samples with different progress exist, nor while progress is not rising over the window. Progress that goes
/// backwards (a server reset) starts the history again.
public struct ETAEstimator: Sendable, Equatable {
  /// One observation: seconds on any monotonic time line, progress as a fraction 0...1.
  public struct Sample: Sendable, Equatable {
    public var time: Double
    public var progress: Double

    public init(time: Double, progress: Double) {
      self.time = time
      self.progress = progress
    }
  }

  /// How far back samples count, in seconds.
  public var window: Double
  /// How many samples are kept at most.
  public var maxSamples: Int
  /// The samples in use, oldest first.
  public private(set) var samples: [Sample] = []

  public init(window: Double = 300, maxSamples: Int = 10) {
    self.window = window
    self.maxSamples = max(maxSamples, 2)
  }

  // MARK: - Recording

  /// Adds an observation; `progress` is a fraction 0...1 (non-finite values are ignored).
  public mutating func record(progress: Double, at time: Double) {
    guard progress.isFinite, time.isFinite else { return }
    let sample = Sample(time: time, progress: min(max(progress, 0), 1))
    if let last = samples.last {
      if sample.progress < last.progress || time < last.time {
        samples.removeAll()
      } else if time == last.time {
        samples.removeLast()
      }
    }
    samples.append(sample)
    if samples.count > maxSamples { samples.removeFirst(samples.count - maxSamples) }
    while samples.count > 2, let first = samples.first, time - first.time > window { samples.removeFirst() }
  }

  // MARK: - Estimates

  /// Progress per second over the window, or nil when it is not rising (or there are too few samples).
  public var rate: Double? {
    guard let first = samples.first, let last = samples.last else { return nil }
    let dt = last.time - first.time
    let dp = last.progress - first.progress
    guard dt > 0, dp > 0 else { return nil }
    return dp / dt
  }

  /// The seconds still needed, counted from the newest sample; 0 when the job is at 100 %, nil when unknown.
  public var etaSeconds: Double? {
    guard let last = samples.last, let rate else { return nil }
    return (1 - last.progress) / rate
  }

  /// The seconds still needed as of `time` (the estimate at the newest sample, less the time since), never negative.
  public func eta(at time: Double) -> Double? {
    guard let eta = etaSeconds, let last = samples.last else { return nil }
    return max(eta - max(time - last.time, 0), 0)
  }
}
