/// The ways batchsh is driven; a command names the ones that offer it.
public enum FrontEnd: String, Sendable, Codable, CaseIterable {
  /// The interactive shell on a terminal.
  case repl
  /// Commands read from a file or a pipe, one per line.
  case script
  /// One command from the process's arguments.
  case oneShot = "one-shot"
  /// JSON-RPC 2.0 over stdin and stdout.
  case rpc
}

/// A set of front ends, for `CommandDescriptor.frontEnds`.
public struct FrontEnds: OptionSet, Sendable, Hashable {
  public let rawValue: Int

  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let repl = FrontEnds(rawValue: 1 << 0)
  public static let script = FrontEnds(rawValue: 1 << 1)
  public static let oneShot = FrontEnds(rawValue: 1 << 2)
  public static let rpc = FrontEnds(rawValue: 1 << 3)

  /// Every front end.
  public static let all: FrontEnds = [.repl, .script, .oneShot, .rpc]
  /// The line-oriented sessions that can be left (`quit`).
  public static let sessions: FrontEnds = [.repl, .script]

  /// The set holding one front end.
  public init(_ frontEnd: FrontEnd) {
    switch frontEnd {
    case .repl: self = .repl
    case .script: self = .script
    case .oneShot: self = .oneShot
    case .rpc: self = .rpc
    }
  }

  /// The members, in declaration order.
  public var members: [FrontEnd] { FrontEnd.allCases.filter { contains(FrontEnds($0)) } }
}
