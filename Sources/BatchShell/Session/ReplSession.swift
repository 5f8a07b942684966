import BatchCommands
import Foundation

/// The interactive shell: reads lines with a `LineEditor`, runs them, keeps the job-id cache fresh for completion.
///
/// Ctrl-C clears the line being typed or stops the running command; Ctrl-D on an empty line (or `quit`) leaves.
/// A failing command prints its error and the shell goes on.
public final class ReplSession: Sendable {
  public let runner: LineRunner
  public let editor: any LineEditor
  public let prompt: String
  /// How often the job-id cache is refreshed in the background, in seconds.
  public let refreshInterval: Double

  public init(runner: LineRunner, editor: any LineEditor, prompt: String, refreshInterval: Double = 30) {
    self.runner = runner
    self.editor = editor
    self.prompt = prompt
    self.refreshInterval = refreshInterval
  }

  /// Runs until end of input or `quit`; returns 0 (the shell itself does not fail).
  public func run(banner: String?) async -> ExitStatus {
    if let banner { runner.console.print(banner + "\n") }
    let refresher = startRefreshing()
    defer { refresher.cancel() }
    while true {
      let event: LineEditorEvent
      do {
        event = try await editor.readLineAsync(prompt: prompt)
      } catch {
        runner.console.printError("error: \(error)\n")
        return .failure
      }
      switch event {
      case .endOfFile:
        runner.console.print("\n")
        return .success
      case .interrupt:
        continue
      case .tooLong:
        runner.console.printError("error: line too long\n")
      case .line(let line):
        guard !line.allSatisfy(\.isWhitespace) else { continue }
        editor.addHistory(line)
        let outcome = await runner.run(line: line)
        if outcome.isQuit { return .success }
      }
    }
  }

  /// Fills the job-id cache now and every `refreshInterval` seconds, never blocking the prompt.
  private func startRefreshing() -> Task<Void, Never> {
    let context = runner.dispatcher.context
    let interval = refreshInterval
    return Task.detached(priority: .utility) {
      while !Task.isCancelled {
        try? await context.refreshJobIDs()
        try? await Task.sleep(for: .seconds(interval))
      }
    }
  }
}
