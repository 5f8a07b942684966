import BatchCommands
import Foundation
import Synchronization

/// Runs one line or argument vector through the dispatcher and prints the result: the core of every line front end.
///
/// The REPL, script mode and one-shot all call it, so they parse, run, render and report errors the same way. A
/// running command is cancelled by Ctrl-C (its task is cancelled; remote jobs are never touched). The runner keeps
/// the session's output options: when a command answers `.settings` (`set output json`), later lines, their
/// rendering and their live events use the new settings.
public final class LineRunner: Sendable {
  private let base: Dispatcher
  public let console: Console
  public let events: SessionEventSink
  /// Where commands run; nil for Swift's concurrency pool (see `ScriptRunner`).
  public let executor: (any TaskExecutor)?
  /// The output options of the next line: the context's to start with, then as `set` left them.
  private let sessionOutput: Mutex<OutputOptions>

  /// The result of one line.
  public struct Outcome: Sendable {
    /// The dispatcher's report; nil when the line was blank or a comment.
    public var report: CommandReport?
    public var exitStatus: ExitStatus { report?.exitStatus ?? .success }
    public var isQuit: Bool { report?.isQuit ?? false }
    public var failed: Bool { exitStatus != .success }
  }

  public init(
    dispatcher: Dispatcher, console: Console, events: SessionEventSink, executor: (any TaskExecutor)? = nil
  ) {
    self.base = dispatcher
    self.console = console
    self.events = events
    self.executor = executor
    self.sessionOutput = Mutex(dispatcher.context.output)
  }

  // MARK: - Session state

  /// The output options the next line runs with.
  public var output: OutputOptions { sessionOutput.withLock { $0 } }

  /// The dispatcher the next line runs through: the one given, with the session's current output options.
  public var dispatcher: Dispatcher {
    var dispatcher = base
    dispatcher.context.output = output
    return dispatcher
  }

  /// Keeps the settings a `set` answered with for the lines that follow.
  private func adopt(_ output: CommandOutput?) {
    guard case .settings(let settings, _)? = output else { return }
    sessionOutput.withLock { $0 = settings.applied(to: $0) }
  }

  // MARK: - Running

  /// Tokenizes and runs a typed or scripted line; `errorPrefix` goes before each `error:` line (`script:3: `).
  public func run(line: String, errorPrefix: String = "") async -> Outcome {
    let words: [String]
    do {
      words = try Tokenizer.words(in: line)
    } catch {
      let report = dispatcher.report(error: CommandError.usage(error.description, command: nil))
      print(report, errorPrefix: errorPrefix)
      return Outcome(report: report)
    }
    guard !words.isEmpty else { return Outcome(report: nil) }
    return await run(words: words, errorPrefix: errorPrefix)
  }

  /// Runs already split words (one-shot argv, or a tokenized line).
  public func run(words: [String], errorPrefix: String = "") async -> Outcome {
    let dispatcher = {
      // The terminal's width is read once a command, so a table follows a resize between commands.
      var dispatcher = self.dispatcher
      dispatcher.context.output = events.liveOptions(dispatcher.context.output)
      return dispatcher
    }()
    let report: CommandReport
    do {
      let invocation = try dispatcher.parse(words: words)
      var options = dispatcher.context.output
      if invocation.arguments.json { options.json = true }
      events.begin(options: options)
      let interruptible = InterruptMonitor.shared
      report =
        (try? await interruptible.cancellingOnInterrupt(on: executor) { await dispatcher.execute(invocation) })
        ?? dispatcher.report(error: CancellationError())
      events.end(failed: report.error != nil)
    } catch {
      report = await dispatcher.execute(words: words)  // renders the usage error consistently
    }
    adopt(report.output)
    print(report, errorPrefix: errorPrefix)
    return Outcome(report: report)
  }

  private func print(_ report: CommandReport, errorPrefix: String) {
    var rendered = report.rendered
    if report.error is CancellationError {
      // Ctrl-C: the REPL just returns to the prompt; elsewhere say why the command stopped (exit 130).
      rendered.stderr = dispatcher.context.frontEnd == .repl ? "\n" : "\ninterrupted\n"
    }
    if !errorPrefix.isEmpty, !rendered.stderr.isEmpty {
      rendered.stderr = rendered.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("error:") ? errorPrefix + $0 : String($0) }.joined(separator: "\n")
    }
    console.write(rendered)
  }
}
