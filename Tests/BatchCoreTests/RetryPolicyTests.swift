import Testing

@testable import BatchCore

/// The retry decisions of `RetryPolicy`, made exact by injecting the jitter.
@Suite struct RetryPolicyTests {
  let policy = RetryPolicy()

  @Test("defaults follow the SDKs: 3 retries from 0.5 s, capped at 8 s, Retry-After up to 60 s")
  func defaults() {
    #expect(policy == RetryPolicy(maxRetries: 3, baseDelay: 0.5, maxDelay: 8, maxRetryAfter: 60))
  }

  @Test("without jitter the delay doubles from the base delay")
  func exponential() {
    let delays = (0..<3).map { policy.delay(beforeRetry: $0, retryAfter: nil, random: 0) }
    #expect(delays == [0.5, 1, 2])
  }

  @Test("the delay is capped at the maximum, even for huge retry numbers")
  func cap() {
    let long = RetryPolicy(maxRetries: 100)
    #expect(long.delay(beforeRetry: 4, retryAfter: nil, random: 0) == 8)
    #expect(long.delay(beforeRetry: 5, retryAfter: nil, random: 0) == 8)
    #expect(long.delay(beforeRetry: 63, retryAfter: nil, random: 0) == 8)
    #expect(long.delay(beforeRetry: 99, retryAfter: nil, random: 0.999) ?? 0 > 6)
  }

  @Test(
    "jitter takes off at most 25 %, and out-of-range randoms are clamped",
    arguments: [
      (0.0, 2.0), (0.5, 1.75), (0.999_999, 1.500_000_5), (-4, 2), (7, 1.5),
    ])
  func jitter(random: Double, expected: Double) throws {
    let delay = try #require(policy.delay(beforeRetry: 2, retryAfter: nil, random: random))
    #expect(abs(delay - expected) < 1e-6)
    #expect(delay >= 1.5 && delay <= 2)
  }

  @Test("a Retry-After of up to 60 s is used as is, with no jitter", arguments: [0.0, 0.05, 1, 59.5, 60])
  func retryAfterHonoured(seconds: Double) {
    #expect(policy.delay(beforeRetry: 0, retryAfter: seconds, random: 0.9) == seconds)
    #expect(policy.delay(beforeRetry: 2, retryAfter: seconds, random: 0.9) == seconds)
  }

  @Test("a Retry-After above 60 s or negative is ignored for the backoff", arguments: [60.5, 3600, -1])
  func retryAfterIgnored(seconds: Double) {
    #expect(policy.delay(beforeRetry: 1, retryAfter: seconds, random: 0) == 1)
  }

  @Test("nil once maxRetries retries were made, Retry-After or not")
  func exhausted() {
    #expect(policy.delay(beforeRetry: 2, retryAfter: nil, random: 0) != nil)
    #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: 0) == nil)
    #expect(policy.delay(beforeRetry: 3, retryAfter: 1, random: 0) == nil)
    #expect(RetryPolicy.none.delay(beforeRetry: 0, retryAfter: 1, random: 0) == nil)
  }

  @Test("408, 429 and every 5xx are retryable; other statuses are not")
  func retryableStatuses() {
    let retryable = (100...599).filter(RetryPolicy.isRetryable)
    #expect(retryable == [408, 429] + Array(500...599))
  }
}
