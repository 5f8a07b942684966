import BatchCore
import Foundation

/// Renders jobs as an aligned table: `ID  STATUS  PROGRESS  MODEL  CREATED  ENDPOINT`.
///
/// Every server string is sanitized. When the terminal width is known and the table is wider, ENDPOINT and then
/// MODEL are cut; if that is not enough, ENDPOINT is left out. The id is never cut: users copy it.
public struct JobTableRenderer: Sendable {
  public var options: OutputOptions
  public var now: Date

  static let headers = ["ID", "STATUS", "PROGRESS", "MODEL", "CREATED", "ENDPOINT"]
  private static let statusColumn = 1
  /// Columns that may be cut to fit, in the order they give way, with the narrowest they get.
  private static let shrinkable: [(column: Int, minimum: Int)] = [(5, 10), (3, 12)]

  public init(options: OutputOptions, now: Date) {
    self.options = options
    self.now = now
  }

  /// The table's lines, or `No jobs.` for an empty list.
  public func render(_ jobs: [BatchJob]) -> [String] {
    guard !jobs.isEmpty else { return ["No jobs."] }
    let rows = jobs.map(cells)
    let natural = Self.headers.indices.map { column in
      rows.reduce(TextWidth.of(Self.headers[column])) { max($0, TextWidth.of($1[column])) }
    }
    let widths = layout(natural)
    let styler = Styler(enabled: options.color)
    var lines = [styler.paint(line(Array(Self.headers.prefix(widths.count)), widths: widths), .bold)]
    for (job, row) in zip(jobs, rows) {
      lines.append(line(Array(row.prefix(widths.count)), widths: widths, statusStyle: Styler.style(for: job.status),
        styler: styler))
    }
    return lines
  }

  // MARK: - Cells

  private func cells(_ job: BatchJob) -> [String] {
    let bar = ProgressBar(unicode: options.unicode)
    return [
      TerminalSanitizer.sanitize(job.id),
      job.status.map { TerminalSanitizer.sanitize($0.rawValue) } ?? "-",
      bar.render(job),
      job.modelID.map { TerminalSanitizer.sanitize($0) } ?? "-",
      created(job.createdAt),
      job.endpoint.map { TerminalSanitizer.sanitize($0) } ?? "-",
    ]
  }

  private func created(_ timestamp: BatchTimestamp?) -> String {
    guard let timestamp else { return "-" }
    guard let date = timestamp.date else { return TerminalSanitizer.sanitize(timestamp.raw) }
    return TimeText.age(of: date, now: now)
  }

  // MARK: - Layout

  /// The width of each shown column: the natural widths, cut to fit the terminal, without ENDPOINT if need be.
  private func layout(_ natural: [Int]) -> [Int] {
    guard let available = options.width else { return natural }
    let all = shrink(natural, to: available)
    if total(all) <= available { return all }
    return shrink(Array(natural.dropLast()), to: available)
  }

  private func shrink(_ natural: [Int], to available: Int) -> [Int] {
    var widths = natural
    var excess = total(widths) - available
    for (column, minimum) in Self.shrinkable where excess > 0 && column < widths.count {
      let cut = min(excess, max(0, widths[column] - minimum))
      widths[column] -= cut
      excess -= cut
    }
    return widths
  }

  private func total(_ widths: [Int]) -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }

  private func line(_ cells: [String], widths: [Int], statusStyle: Styler.Style? = nil, styler: Styler? = nil)
    -> String
  {
    var parts: [String] = []
    for (column, cell) in cells.enumerated() {
      let text = TextWidth.truncate(cell, to: widths[column])
      let padding = column == cells.count - 1 ? "" : String(repeating: " ", count: widths[column] - TextWidth.of(text))
      let shown = column == Self.statusColumn ? (styler?.paint(text, statusStyle) ?? text) : text
      parts.append(shown + padding)
    }
    return parts.joined(separator: "  ")
  }
}
