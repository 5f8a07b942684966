import BatchCommands
import BatchCore
import Foundation

/// How a session connects and shows output, resolved from flags and the environment (SPEC §2).
public struct SessionSettings: Sendable {
  /// The API connection; nil when no key is configured (only `help` can run then).
  public var client: BatchClientConfiguration?
  /// What the prompt and banner call the server: `sim` or the host name.
  public var serverName: String
  public var output: OutputOptions
  public var environment: [String: String]

  /// Resolves the connection: the simulator's URL and key when given, else `--base-url`/`TOGETHER_BASE_URL` and
  /// `TOGETHER_API_KEY`.
  ///
  /// - Throws: `BatchError.insecureTransport` for a key over plain http to another host, `BatchError.transport` for
  ///   an unusable URL, `CommandError.usage` for a bad `--color` value.
  public static func resolve(
    baseURL: String?, color: String?, simulator: (baseURL: String, key: String)?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> SessionSettings {
    guard let mode = ColorMode(rawValue: color ?? "auto") else {
      throw CommandError.usage("invalid --color '\(color ?? "")' (valid: auto, always, never)", command: nil)
    }
    let isTerminal = TerminalInfo.isTerminal(STDOUT_FILENO)
    let output = OutputOptions(
      json: false, color: mode.isEnabled(isTerminal: isTerminal, environment: environment),
      width: isTerminal ? TerminalInfo.width(environment: environment) : nil, isTerminal: isTerminal,
      unicode: OutputOptions.localeIsUTF8(environment: environment))
    if let simulator {
      let client = try BatchClientConfiguration(baseURL: simulator.baseURL, apiKey: simulator.key)
      return SessionSettings(client: client, serverName: "sim", output: output, environment: environment)
    }
    let url = baseURL ?? environment["TOGETHER_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
      ?? BatchClientConfiguration.defaultBaseURL
    let key = environment["TOGETHER_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    let client = try key.map { key throws(BatchError) in try BatchClientConfiguration(baseURL: url, apiKey: key) }
    let host = (try? BatchClientConfiguration(baseURL: url, apiKey: nil))?.host ?? url
    return SessionSettings(client: client, serverName: host, output: output, environment: environment)
  }

  /// The API the session talks to: the real client, or one that fails every call with `missingAPIKey`.
  public func makeAPI() -> any BatchAPI {
    client.map { BatchClient(configuration: $0) } ?? MissingKeyAPI()
  }

  /// The REPL prompt, naming the server.
  public var prompt: String { "batchsh[\(serverName)]> " }
}
