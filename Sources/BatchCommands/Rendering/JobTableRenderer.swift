import BatchCore
import Foundation

/// Renders jobs as an aligned table: `ID  STATUS  PROGRESS  MODEL  CREATED  ENDPOINT`.
///
/// Every server string is sanitized. When the terminal width is known and the table is wider, ENDPOINT and then
/// MODEL are cut; if that is not enough, ENDPOINT is left out, then MODEL, then the progress bar gets half its cells,
/// then CREATED is left out. The id is never cut: users copy it, and a real one takes 42 columns of an 80-column
/// terminal.
public struct JobTableRenderer: Sendable {
  public var options: OutputOptions
  public var now: Date

  static let headers = ["ID", "STATUS", "PROGRESS", "MODEL", "CREATED", "ENDPOINT"]
  private static let statusColumn = 1
  private static let progressColumn = 2
  /// Columns that may be cut to fit, in the order they give way, with the narrowest they get.
  private static let shrinkable: [(column: Int, minimum: Int)] = [(5, 10), (3, 12)]

  /// The columns shown and the cells of the progress bar: the layouts tried in turn until one fits the terminal.
  private struct Layout {
    var columns: [Int]
    var barCells: Int
  }

  private static let layouts: [Layout] = {
    let (full, half) = (ProgressBar.defaultCells, ProgressBar.defaultCells / 2)
    return [
      Layout(columns: [0, 1, 2, 3, 4, 5], barCells: full), Layout(columns: [0, 1, 2, 3, 4], barCells: full),
      Layout(columns: [0, 1, 2, 4], barCells: full), Layout(columns: [0, 1, 2, 4], barCells: half),
      Layout(columns: [0, 1, 2], barCells: half),
    ]
  }()

  public init(options: OutputOptions, now: Date) {
    self.options = options
    self.now = now
  }

  /// The table's lines, or `No jobs.` for an empty list.
  public func render(_ jobs: [BatchJob]) -> [String] {
    guard !jobs.isEmpty else { return ["No jobs."] }
    var rows = jobs.map(cells)
    let natural = Self.headers.indices.map { column in
      rows.reduce(TextWidth.of(Self.headers[column])) { max($0, TextWidth.of($1[column])) }
    }
    let (layout, widths) = fit(natural)
    if layout.barCells != ProgressBar.defaultCells {
      let bar = ProgressBar(cells: layout.barCells, unicode: options.unicode)
      for row in rows.indices { rows[row][Self.progressColumn] = bar.render(jobs[row]) }
    }
    let styler = Styler(enabled: options.color)
    var lines = [styler.paint(line(layout.columns.map { Self.headers[$0] }, layout, widths: widths), .bold)]
    for (job, row) in zip(jobs, rows) {
      lines.append(line(layout.columns.map { row[$0] }, layout, widths: widths,
        statusStyle: Styler.style(for: job.status), styler: styler))
    }
    return lines
  }

  // MARK: - Cells

  private func cells(_ job: BatchJob) -> [String] {
    [
      TerminalSanitizer.sanitize(job.id),
      job.status.map { TerminalSanitizer.sanitize($0.rawValue) } ?? "-",
      ProgressBar(cells: ProgressBar.defaultCells, unicode: options.unicode).render(job),
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

  /// The first layout that fits the terminal (the last when none does, the first when the width is unknown) and the
  /// width of each of its columns, from the natural width of every column with a full bar.
  private func fit(_ natural: [Int]) -> (Layout, [Int]) {
    for (index, layout) in Self.layouts.enumerated() {
      let widths = shrink(layout.columns.map { column in
        guard column == Self.progressColumn else { return natural[column] }
        let bar = ProgressBar(cells: layout.barCells).width
        return max(TextWidth.of(Self.headers[column]), bar)
      }, layout)
      let fits = options.width.map { total(widths) <= $0 } ?? true
      if fits || index == Self.layouts.count - 1 { return (layout, widths) }
    }
    preconditionFailure("the last layout is always taken")
  }

  /// Cuts the layout's shrinkable columns, in turn and down to their minimum, until the table fits the terminal.
  private func shrink(_ natural: [Int], _ layout: Layout) -> [Int] {
    guard let available = options.width else { return natural }
    var widths = natural
    var excess = total(widths) - available
    for (column, minimum) in Self.shrinkable where excess > 0 {
      guard let position = layout.columns.firstIndex(of: column) else { continue }
      let cut = min(excess, max(0, widths[position] - minimum))
      widths[position] -= cut
      excess -= cut
    }
    return widths
  }

  private func total(_ widths: [Int]) -> Int { widths.reduce(0, +) + 2 * (widths.count - 1) }

  private func line(
    _ cells: [String], _ layout: Layout, widths: [Int], statusStyle: Styler.Style? = nil, styler: Styler? = nil
  ) -> String {
    var parts: [String] = []
    for (position, cell) in cells.enumerated() {
      let text = TextWidth.truncate(cell, to: widths[position])
      let last = position == cells.count - 1
      let padding = last ? "" : String(repeating: " ", count: widths[position] - TextWidth.of(text))
      let shown = layout.columns[position] == Self.statusColumn ? (styler?.paint(text, statusStyle) ?? text) : text
      parts.append(shown + padding)
    }
    return parts.joined(separator: "  ")
  }
}
