/// How a faulty response misbehaves.
public enum FaultKind: Sendable, Equatable, CustomStringConvertible {
  /// An error status (e.g. 500, 502, 503) with the route's JSON error body.
  case status(Int)
  /// 429 with `Retry-After` (whole seconds, rounded up) and, when `milliseconds`, `retry-after-ms` as well.
  case rateLimit(retryAfter: Double, milliseconds: Bool)
  /// The normal response, after waiting this many real seconds.
  case delay(Double)
  /// The connection is closed without any response.
  case drop
  /// 200 with a body that is not JSON at all.
  case malformedJSON
  /// 200 with the first half of the real JSON body (a complete HTTP message, an incomplete JSON text).
  case truncatedJSON
  /// This status with a `text/html` error page, as a proxy in front of the API would send.
  case html(Int)
  /// The real head with the full `Content-Length`, then only this many body bytes, then the connection closes.
  case cut(afterBytes: Int)
  /// The real head, then the body in quarters with this many real seconds of silence before each of the last three:
  /// a server that stops in the middle of an answer, or a slow link.
  case stall(Double)

  /// The kind's name in flags and in `/_sim/faults` JSON.
  public var name: String {
    switch self {
    case .status: "status"
    case .rateLimit: "rate-limit"
    case .delay: "delay"
    case .drop: "drop"
    case .malformedJSON: "malformed"
    case .truncatedJSON: "truncated"
    case .html: "html"
    case .cut: "cut"
    case .stall: "stall"
    }
  }

  public var description: String {
    switch self {
    case .status(let code): "status \(code)"
    case .rateLimit(let seconds, let ms): "rate-limit retry-after \(seconds)s\(ms ? " (+ms)" : "")"
    case .delay(let seconds): "delay \(seconds)s"
    case .html(let code): "html \(code)"
    case .cut(let bytes): "cut after \(bytes) bytes"
    case .stall(let seconds): "stall \(seconds)s between quarters of the body"
    default: name
    }
  }

  /// Builds a kind from its name and optional argument, as in `--fault PATH:KIND[:ARG]:COUNT`.
  ///
  /// Arguments: `status` → HTTP status (default 500); `rate-limit` → seconds (default 1; `NNNms` adds
  /// `retry-after-ms`); `delay` → seconds (default 2); `html` → status (default 502); `cut` → bytes
  /// (default 100); `stall` → seconds (default 2).
  public init(name: String, argument: String?) throws(FaultRule.ParseError) {
    func number(_ fallback: Double) throws(FaultRule.ParseError) -> Double {
      guard let argument, !argument.isEmpty else { return fallback }
      guard let value = Double(argument), value >= 0, value.isFinite else {
        throw .badArgument(name, argument)
      }
      return value
    }
    func integer(_ fallback: Int) throws(FaultRule.ParseError) -> Int {
      guard let argument, !argument.isEmpty else { return fallback }
      guard let value = Int(argument), value >= 0 else { throw .badArgument(name, argument) }
      return value
    }
    switch name.lowercased() {
    case "status", "error", "5xx": self = .status(try integer(500))
    case "rate-limit", "ratelimit", "429":
      if let argument, argument.hasSuffix("ms"), let ms = Double(argument.dropLast(2)), ms >= 0 {
        self = .rateLimit(retryAfter: ms / 1000, milliseconds: true)
      } else {
        self = .rateLimit(retryAfter: try number(1), milliseconds: false)
      }
    case "delay", "slow": self = .delay(try number(2))
    case "drop", "close": self = .drop
    case "malformed", "malformed-json": self = .malformedJSON
    case "truncated", "truncated-json": self = .truncatedJSON
    case "html": self = .html(try integer(502))
    case "cut", "cut-body": self = .cut(afterBytes: try integer(100))
    case "stall": self = .stall(try number(2))
    default: throw .unknownKind(name)
    }
  }
}
