import BatchCommands
import BatchCore
import Foundation

/// Builds the parts of a line session (REPL, script, one-shot) from resolved settings.
public struct SessionBuilder {
  public let settings: SessionSettings
  public let console: Console

  public init(settings: SessionSettings, console: Console = Console()) {
    self.settings = settings
    self.console = console
  }

  /// The command context for a front end: the API, one shared watch hub, a fresh job-id cache.
  public func context(for frontEnd: FrontEnd, events: any CommandEventSink = DiscardingEventSink()) -> CommandContext {
    let api = settings.makeAPI()
    return CommandContext(
      api: api, events: events, output: settings.output, frontEnd: frontEnd, watcher: WatchHub(api: api))
  }

  /// Where a front end's commands run: a script's commands and JSON-RPC requests on the HTTP client's event loop
  /// (`BatchClient.connectionExecutor`), where each mostly waits for requests and saves two thread switches per
  /// request; the REPL's and a one-shot command on Swift's concurrency pool.
  public func executor(for frontEnd: FrontEnd) -> (any TaskExecutor)? {
    frontEnd == .script || frontEnd == .rpc ? BatchClient.connectionExecutor : nil
  }

  /// A line runner for a front end, printing to the console, its commands run on `executor(for:)`.
  public func runner(for frontEnd: FrontEnd) -> LineRunner {
    var terminalWidth: (@Sendable () -> Int?)?
    if settings.output.isTerminal {
      let environment = settings.environment
      terminalWidth = { TerminalInfo.width(environment: environment) }
    }
    let events = SessionEventSink(console: console, options: settings.output, terminalWidth: terminalWidth)
    return LineRunner(dispatcher: Dispatcher(context: context(for: frontEnd, events: events)), console: console,
      events: events, executor: executor(for: frontEnd))
  }

  /// The interactive shell on the terminal: libedit when usable, plain reads otherwise.
  public func repl() -> ReplSession {
    let runner = runner(for: .repl)
    let history = History.open(environment: settings.environment, secrets: settings.client?.apiKey.map { [$0] } ?? [])
    let editor: any LineEditor = EditLineEditor(history: history) ?? PlainLineReader()
    editor.completionProvider = ShellCompletionProvider(
      table: runner.dispatcher.context.table, jobIDs: runner.dispatcher.context.jobIDs)
    return ReplSession(runner: runner, editor: editor, prompt: settings.prompt)
  }

  /// The banner the REPL prints at start.
  public var banner: String {
    let server = settings.serverName == "sim" ? "the built-in simulator" : settings.serverName
    return "batchsh \(BatchshVersion.current) on \(server)"
      + " — 'help' lists commands, Tab completes, Ctrl-D quits"
  }
}
