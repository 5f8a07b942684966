import Foundation

/// "The next `count` requests to `path` answer with `kind`": one fault-injection rule.
///
/// `path` is `*` (any `/v1` path), an exact path (`/v1/batches`), or a prefix ending in `*` (`/v1/files/*`);
/// the query string is ignored. `method` nil matches any method. `count` nil keeps the rule until faults are
/// cleared. Rules never apply to `/_sim/` control paths. The first matching rule with requests left wins.
public struct FaultRule: Sendable, Equatable, CustomStringConvertible {
  /// Why a `--fault` flag or a `/_sim/faults` body was refused.
  public enum ParseError: Error, Equatable, CustomStringConvertible {
    case syntax(String)
    case unknownKind(String)
    case badArgument(String, String)

    public var description: String {
      switch self {
      case .syntax(let text): "fault '\(text)' is not PATH:KIND[:ARG]:COUNT"
      case .unknownKind(let kind):
        "unknown fault kind '\(kind)' (status, rate-limit, delay, drop, malformed, truncated, html, cut, stall)"
      case .badArgument(let kind, let argument): "bad argument '\(argument)' for fault kind \(kind)"
      }
    }
  }

  public var path: String
  public var method: String?
  public var kind: FaultKind
  /// Requests left to fault (nil = unlimited).
  public var count: Int?

  /// Creates a rule for the next `count` requests (nil = all) to `path`.
  public init(path: String = "*", method: String? = nil, kind: FaultKind, count: Int? = 1) {
    self.path = path
    self.method = method?.uppercased()
    self.kind = kind
    self.count = count
  }

  /// Parses `[METHOD ]PATH:KIND[:ARG]:COUNT`, e.g. `/v1/batches:status:503:2`, `*:drop:1`,
  /// `GET /v1/batches/*:rate-limit:1500ms:3`, `/v1/files/*:cut:4096:always`.
  public init(flag: String) throws(ParseError) {
    let parts = flag.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 || parts.count == 4, !parts[0].isEmpty else { throw .syntax(flag) }
    var path = parts[0].trimmingCharacters(in: .whitespaces)
    var method: String?
    if let space = path.firstIndex(of: " ") {
      method = String(path[..<space])
      path = path[space...].trimmingCharacters(in: .whitespaces)
    }
    let countText = parts[parts.count - 1].lowercased()
    let count: Int?
    if countText == "always" || countText == "*" || countText == "inf" {
      count = nil
    } else if let value = Int(countText), value > 0 {
      count = value
    } else {
      throw .syntax(flag)
    }
    let kind = try FaultKind(name: parts[1], argument: parts.count == 4 ? parts[2] : nil)
    self.init(path: path, method: method, kind: kind, count: count)
  }

  /// Whether this rule applies to a request (whatever its remaining count).
  public func matches(method: String, path requestPath: String) -> Bool {
    if let ruleMethod = self.method, ruleMethod != method { return false }
    if path == "*" { return true }
    if path.hasSuffix("*") { return requestPath.hasPrefix(path.dropLast()) }
    return path == requestPath
  }

  public var description: String {
    "\(method.map { $0 + " " } ?? "")\(path): \(kind) × \(count.map(String.init) ?? "always")"
  }
}
