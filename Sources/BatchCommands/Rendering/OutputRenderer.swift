import BatchCore
import Foundation

/// Renders outputs, events and errors for the line front ends (REPL, script, one-shot): tables or JSON (SPEC §3).
public struct OutputRenderer: Sendable {
  public var options: OutputOptions
  public var now: Date

  public init(options: OutputOptions, now: Date) {
    self.options = options
    self.now = now
  }

  /// The text of a command's output; with `options.json`, the JSON of SPEC §3.
  public func render(_ output: CommandOutput) -> RenderedOutput {
    var rendered = options.json ? RenderedOutput(stdout: json(output)) : RenderedOutput(stdout: text(output))
    if case .cancel(_, let failures) = output {
      rendered.stderr = RenderedOutput.text(failures.map { error("\($0.id): \($0.error.description)") })
    }
    if case .watch(let result) = output, result.bell, options.isTerminal, !options.json {
      rendered.stdout += "\u{7}"
    }
    return rendered
  }

  /// The text of an event: a watch change on stdout (an NDJSON line with JSON), progress and notices on stderr.
  ///
  /// `change` says what kind of watch change a `jobUpdated` is, for the NDJSON line (see ``WatchChangeTracker``).
  public func render(event: CommandEvent, change: WatchJSONLine.Change? = nil) -> RenderedOutput {
    switch event {
    case .jobUpdated(let job, let progress):
      let line = options.json
        ? JSONText.compact(WatchJSONLine(time: now, change: change, job: job))
        : WatchLineRenderer(options: options, now: now).render(job, progress: progress)
      return RenderedOutput(stdout: line + "\n")
    case .downloadProgress(_, let progress):
      guard !options.json, options.isTerminal else { return RenderedOutput() }
      var text = "downloading… \(TimeText.bytes(progress.bytes))"
      if let total = progress.total, total > 0 {
        text += " of \(TimeText.bytes(total)) (\(min(100, progress.bytes * 100 / total))%)"
      }
      return RenderedOutput(stderr: text + "\n")
    case .notice(let message):
      return RenderedOutput(stderr: "note: \(TerminalSanitizer.sanitize(message))\n")
    }
  }

  /// The error lines for a failed command: `error: …`, and the usage line after a usage error.
  public func render(error: any Error, command: CommandDescriptor? = nil) -> String {
    var lines = [self.error(String(describing: error))]
    if case .usage(let message, _)? = error as? CommandError, let command, !message.contains("usage:") {
      lines.append("usage: \(command.usage)")
    }
    return RenderedOutput.text(lines)
  }

  // MARK: - Text

  private func text(_ output: CommandOutput) -> String {
    switch output {
    case .job(let job):
      return RenderedOutput.text(JobCardRenderer(options: options, now: now).render(job))
    case .jobs(let jobs):
      return RenderedOutput.text(JobTableRenderer(options: options, now: now).render(jobs))
    case .cancel(let jobs, _):
      let width = jobs.map { TextWidth.of(TerminalSanitizer.sanitize($0.id)) }.max() ?? 0
      let styler = Styler(enabled: options.color)
      return RenderedOutput.text(jobs.map { job in
        let status = job.status.map { styler.paint(TerminalSanitizer.sanitize($0.rawValue), status: $0) } ?? "-"
        return "cancel requested: " + TextWidth.pad(TerminalSanitizer.sanitize(job.id), to: width) + "  " + status
      })
    case .watch(let result):
      return RenderedOutput.text(WatchLineRenderer(options: options, now: now).summary(result))
    case .download(let result):
      return RenderedOutput.text([
        "Saved \(TimeText.bytes(result.bytes)) to \(TerminalSanitizer.sanitize(result.path)) "
          + "(file \(TerminalSanitizer.sanitize(result.fileID)))."
      ])
    case .help(let text):
      return text.isEmpty ? "" : text + "\n"
    case .settings(let settings, let shown):
      let width = shown.map { TextWidth.of($0.rawValue) }.max() ?? 0
      return RenderedOutput.text(shown.map { TextWidth.pad($0.rawValue, to: width) + "  " + settings.value(of: $0) })
    case .quit, .none:
      return ""
    }
  }

  // MARK: - JSON

  private func json(_ output: CommandOutput) -> String {
    func encode(_ value: some Encodable) -> String {
      (options.isTerminal ? JSONText.pretty(value) : JSONText.compact(value)) + "\n"
    }
    switch output {
    case .job(let job): return encode(job)
    case .jobs(let jobs), .cancel(let jobs, _): return encode(jobs)
    case .watch(let result): return JSONText.compact(WatchJSONLine(time: now, summary: result.summary)) + "\n"
    case .download(let result): return encode(result)
    case .help(let text): return encode(["help": text])
    case .settings(let settings, let shown): return shown.isEmpty ? "" : encode(settings.values(of: shown))
    case .quit, .none: return ""
    }
  }

  private func error(_ message: String) -> String {
    "error: " + TerminalSanitizer.sanitize(message)
  }
}
