/// When to retry a failed request and how long to wait first; a value type that does no I/O.
///
/// Follows the official SDKs: up to `maxRetries` retries with exponential backoff (`baseDelay` × 2ⁿ, capped at
/// `maxDelay`) less up to 25 % jitter; a server's `Retry-After` between 0 and `maxRetryAfter` seconds is used as is.
public struct RetryPolicy: Sendable, Equatable {
  public var maxRetries: Int
  public var baseDelay: Double
  public var maxDelay: Double
  public var maxRetryAfter: Double

  public init(maxRetries: Int = 3, baseDelay: Double = 0.5, maxDelay: Double = 8, maxRetryAfter: Double = 60) {
    self.maxRetries = maxRetries
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.maxRetryAfter = maxRetryAfter
  }

  /// No retries at all.
  public static let none = RetryPolicy(maxRetries: 0)

  /// Whether an HTTP status is worth retrying: 408, 429 and every 5xx.
  public static func isRetryable(status: Int) -> Bool {
    status == 408 || status == 429 || (500...599).contains(status)
  }

  /// The delay in seconds before retry number `retry` (0-based), or nil when retries are used up.
  ///
  /// - Parameters:
  ///   - retry: how many retries were already made.
  ///   - retryAfter: the server's requested wait in seconds, when it sent one.
  ///   - random: a number in 0..<1 that picks the jitter (injected so tests are exact).
  public func delay(beforeRetry retry: Int, retryAfter: Double?, random: Double) -> Double? {
    guard retry < maxRetries else { return nil }
    if let retryAfter, retryAfter >= 0, retryAfter <= maxRetryAfter { return retryAfter }
    let exponential = min(baseDelay * Double(1 << min(retry, 30)), maxDelay)
    return exponential * (1 - 0.25 * min(max(random, 0), 1))
  }
}
