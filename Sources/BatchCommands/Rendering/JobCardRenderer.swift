import BatchCore
import Foundation

/// Renders one job as a card of labelled lines, with the download commands that apply.
public struct JobCardRenderer: Sendable {
  public var options: OutputOptions
  public var now: Date

  static let labelWidth = 13

  public init(options: OutputOptions, now: Date) {
    self.options = options
    self.now = now
  }

  /// The card's lines.
  public func render(_ job: BatchJob) -> [String] {
    let styler = Styler(enabled: options.color)
    let id = clean(job.id)
    var lines = [
      row("ID", id),
      row("Status", job.status.map { styler.paint(clean($0.rawValue), status: $0) } ?? "-"),
      row("Progress", ProgressBar(unicode: options.unicode).render(job)),
    ]
    add(&lines, "Model", job.modelID.map(clean))
    add(&lines, "Endpoint", job.endpoint.map(clean))
    add(&lines, "Input file", job.inputFileID.map(clean))
    if let size = job.fileSizeBytes { add(&lines, "Input size", TimeText.bytes(size)) }
    add(&lines, "Created", job.createdAt.map { time($0, relative: { TimeText.age(of: $0, now: now) }) })
    add(&lines, "Deadline", job.jobDeadline.map { deadline in
      time(deadline, relative: job.isTerminal ? nil : { TimeText.remaining(until: $0, now: now) })
    })
    add(&lines, "Completed", job.completedAt.map { time($0, relative: { TimeText.age(of: $0, now: now) }) })
    add(&lines, "Output file", job.outputFileID.map(clean))
    add(&lines, "Error file", job.errorFileID.map(clean))
    if let error = job.error, !error.isEmpty {
      let text = TerminalSanitizer.sanitize(error, keepNewlines: true).split(separator: "\n").map(String.init)
      let indent = String(repeating: " ", count: Self.labelWidth)
      lines.append(row("Error", styler.paint(text.first ?? "", .red)))
      lines += text.dropFirst().map { indent + styler.paint($0, .red) }
    }
    let hints = downloadHints(job, id: id)
    if !hints.isEmpty { lines += [""] + hints }
    return lines
  }

  // MARK: - Parts

  private func downloadHints(_ job: BatchJob, id: String) -> [String] {
    var hints: [String] = []
    if (try? DownloadCommand.fileID(of: job, errors: false)) != nil {
      hints.append("Save the output with: download \(id)")
    }
    if (try? DownloadCommand.fileID(of: job, errors: true)) != nil {
      hints.append("Save the errors with: download \(id) --errors")
    }
    return hints
  }

  private func time(_ timestamp: BatchTimestamp, relative: ((Date) -> String)?) -> String {
    guard let date = timestamp.date else { return clean(timestamp.raw) }
    let absolute = TimeText.absolute(date, zone: options.zone)
    return relative.map { "\(absolute) (\($0(date)))" } ?? absolute
  }

  private func clean(_ text: String) -> String { TerminalSanitizer.sanitize(text) }

  private func row(_ label: String, _ value: String) -> String {
    TextWidth.pad(label, to: Self.labelWidth) + value
  }

  private func add(_ lines: inout [String], _ label: String, _ value: String?) {
    if let value, !value.isEmpty { lines.append(row(label, value)) }
  }
}
