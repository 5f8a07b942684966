import BatchCommands
import Foundation

/// Runs commands read line by line from a pipe or a file (SPEC §3–§4 script mode).
///
/// Blank lines and `#` comments are skipped. The first failing line stops the script with its exit status and
/// `script:LINE: error: …` on stderr, unless `keepGoing` is set, in which case the script exits 1 if any line failed.
public struct ScriptRunner {
  public let runner: LineRunner
  public let reader: PlainLineReader
  public let keepGoing: Bool
  /// The name errors are reported under (`script`).
  public let name: String

  public init(runner: LineRunner, reader: PlainLineReader, keepGoing: Bool, name: String = "script") {
    self.runner = runner
    self.reader = reader
    self.keepGoing = keepGoing
    self.name = name
  }

  /// Runs to the end of input, `quit`, or the first failure; returns the exit status.
  ///
  /// Lines are read ahead on a thread of their own; the loop runs where the runner runs commands (the HTTP client's
  /// event loop for a script, see `SessionBuilder`), so a line that is one request costs no thread switch.
  public func run() async -> ExitStatus {
    let lines = LinePrefetcher(reader: reader)
    defer { lines.stop() }
    return await withTaskExecutorPreference(runner.executor) { await run(lines) }
  }

  private func run(_ lines: LinePrefetcher) async -> ExitStatus {
    var anyFailed = false
    while true {
      let item: LinePrefetcher.Item
      do {
        item = try await lines.next()
      } catch {
        runner.console.printError("\(name): error: \(error)\n")
        return .failure
      }
      let lineNumber = item.lineNumber
      switch item.event {
      case .endOfFile:
        return anyFailed ? .failure : .success
      case .interrupt:
        return .interrupted
      case .tooLong(let number):
        runner.console.printError("\(name):\(number): error: line longer than \(reader.lineLimit) bytes, skipped\n")
        guard keepGoing else { return .usage }
        anyFailed = true
      case .line(let line):
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        let outcome = await runner.run(line: line, errorPrefix: "\(name):\(lineNumber): ")
        if outcome.isQuit { return anyFailed ? .failure : .success }
        if outcome.exitStatus == .interrupted { return .interrupted }
        if outcome.failed {
          guard keepGoing else { return outcome.exitStatus }
          anyFailed = true
        }
      }
    }
  }
}
