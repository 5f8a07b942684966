import BatchCore

/// The class of any error a command can end with; the one input to exit codes and JSON-RPC error codes.
public enum ErrorKind: String, Sendable, Codable, CaseIterable {
  /// Bad words or values on the command line (exit 64).
  case usage
  /// No such command or method (exit 64, JSON-RPC -32601).
  case unknownCommand = "unknown_command"
  /// JSON-RPC params that do not fit (exit 64, JSON-RPC -32602).
  case invalidParams = "invalid_params"
  /// The job or file does not exist (exit 1, JSON-RPC -32010).
  case notFound = "not_found"
  /// No key, a rejected key, or a key that cannot be sent safely (exit 4, JSON-RPC -32011).
  case unauthorized
  /// The server kept answering 429 (exit 1, JSON-RPC -32012).
  case rateLimited = "rate_limited"
  /// The server or the network failed, or answered nonsense (exit 1, JSON-RPC -32013).
  case unavailable
  /// The operation does not apply in the job's state (exit 1, JSON-RPC -32014).
  case invalidState = "invalid_state"
  /// A request to the server timed out (exit 1, JSON-RPC -32015).
  case timeout
  /// `watch --timeout` ran out (exit 124, JSON-RPC -32015).
  case watchTimeout = "watch_timeout"
  /// The work was interrupted or cancelled locally (exit 130, JSON-RPC -32800).
  case interrupted
  /// Any other failure (exit 1, JSON-RPC -32603).
  case failed

  /// Classifies an error thrown by a parser, handler or the API client.
  public init(_ error: any Error) {
    switch error {
    case let error as CommandError: self = error.kind
    case let error as BatchError: self = Self.classify(error)
    case is CancellationError: self = .interrupted
    default: self = .failed
    }
  }

  // MARK: - JSON-RPC

  /// The JSON-RPC 2.0 error code of SPEC §6; the one mapping BatchRPC and `cancel`'s `errors` array use.
  public var jsonRPCCode: Int {
    switch self {
    case .usage, .invalidParams: return -32602
    case .unknownCommand: return -32601
    case .notFound: return -32010
    case .unauthorized: return -32011
    case .rateLimited: return -32012
    case .unavailable: return -32013
    case .invalidState: return -32014
    case .timeout, .watchTimeout: return -32015
    case .interrupted: return -32800
    case .failed: return -32603
    }
  }

  // MARK: - Classification

  private static func classify(_ error: BatchError) -> ErrorKind {
    switch error {
    case .notFound: return .notFound
    case .unauthorized, .missingAPIKey, .insecureTransport: return .unauthorized
    case .rateLimited: return .rateLimited
    case .server, .transport, .invalidResponse: return .unavailable
    case .invalidState: return .invalidState
    case .timeout: return .timeout
    case .invalidID: return .usage
    case .badRequest, .localFile: return .failed
    }
  }
}
