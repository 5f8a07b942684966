import BatchCore
import Foundation

/// Renders watch progress: one line per job change, and the summary when the watch ends.
public struct WatchLineRenderer: Sendable {
  public var options: OutputOptions
  public var now: Date

  /// Status names are padded to the longest known one so successive lines align.
  static let statusWidth = 11

  public init(options: OutputOptions, now: Date) {
    self.options = options
    self.now = now
  }

  /// `batch-1  IN_PROGRESS  ██████░░░░  60%  ETA 12m  5m ago`; the ETA appears once the engine can estimate it.
  ///
  /// In a terminal too narrow for the line (a real id takes 42 columns of 80), the bar gets half its cells; every
  /// part stays (SPEC §5), so a line may still wrap.
  public func render(_ job: BatchJob, progress: JobProgressInfo? = nil) -> String {
    let id = TerminalSanitizer.sanitize(job.id)
    let status = TerminalSanitizer.sanitize(job.status?.rawValue ?? "-")
    let padding = String(repeating: " ", count: max(0, Self.statusWidth - status.count))
    var tail: [String] = []
    if let seconds = progress?.etaSeconds, progress?.isEstimate ?? false {
      tail.append("ETA \(TimeText.duration(seconds))")
    }
    if let created = job.createdAt?.date { tail.append(TimeText.age(of: created, now: now)) }
    func line(status: String, barCells: Int) -> String {
      ([id, status, ProgressBar(cells: barCells, unicode: options.unicode).render(job)] + tail)
        .joined(separator: "  ")
    }
    var barCells = ProgressBar.defaultCells
    if let width = options.width, TextWidth.of(line(status: status + padding, barCells: barCells)) > width {
      barCells /= 2
    }
    return line(status: Styler(enabled: options.color).paint(status, status: job.status) + padding, barCells: barCells)
  }

  /// The end of a watch: why it stopped when not all finished, each job's final state, the output file and download
  /// command of completed jobs, the error of failed ones.
  public func summary(_ result: WatchResult) -> [String] {
    let summary = result.summary
    var lines: [String] = []
    switch summary.outcome {
    case .failFast(let id):
      let status = summary.jobs.first { $0.id == id }?.status.map { TerminalSanitizer.sanitize($0.rawValue) } ?? "-"
      lines.append("Stopped: \(TerminalSanitizer.sanitize(id)) ended \(status) (--fail-fast).")
    case .timedOut:
      let after = result.timeout.map { " after \(TimeText.duration($0))" } ?? ""
      lines.append("Timed out\(after); jobs as last seen:")
    case .allTerminal:
      break
    }
    for id in summary.disappeared {
      lines.append("\(TerminalSanitizer.sanitize(id))  no longer exists on the server")
    }
    guard !summary.jobs.isEmpty else { return lines.isEmpty ? ["No jobs to watch."] : lines }
    let styler = Styler(enabled: options.color)
    let width = summary.jobs.map { TextWidth.of(TerminalSanitizer.sanitize($0.id)) }.max() ?? 0
    for job in summary.jobs {
      let id = TerminalSanitizer.sanitize(job.id)
      let status = TerminalSanitizer.sanitize(job.status?.rawValue ?? "-")
      lines.append(TextWidth.pad(id, to: width) + "  " + styler.paint(status, status: job.status))
      let indent = String(repeating: " ", count: width + 2)
      if let file = job.outputFileID, (try? DownloadCommand.fileID(of: job, errors: false)) != nil {
        lines += fileLines("output \(TerminalSanitizer.sanitize(file))", "download \(id)", indent: indent)
      }
      if let message = job.error, !message.isEmpty {
        lines.append(indent + styler.paint("error: " + TerminalSanitizer.sanitize(message), .red))
      }
      if let file = job.errorFileID, (try? DownloadCommand.fileID(of: job, errors: true)) != nil {
        lines += fileLines("errors \(TerminalSanitizer.sanitize(file))", "download \(id) --errors", indent: indent)
      }
    }
    return lines
  }

  /// `output FILE: download ID` under the status; in a terminal too narrow for it, the file and the command on lines
  /// of their own, under a two-space indent if the status's is too deep.
  private func fileLines(_ file: String, _ command: String, indent: String) -> [String] {
    let line = indent + file + ": " + command
    guard let width = options.width, TextWidth.of(line) > width else { return [line] }
    let save = "save with: " + command
    let deepest = indent.count + max(TextWidth.of(file), TextWidth.of(save))
    let shallow = deepest <= width ? indent : "  "
    return [shallow + file, shallow + save]
  }
}
