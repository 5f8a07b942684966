import BatchCore

/// Draws a job's progress as a bar of cells and a percentage: `██████░░░░  60%`.
public struct ProgressBar: Sendable {
  /// The cells of a bar at full width.
  public static let defaultCells = 10

  public var cells: Int
  /// `█`/`░` when true, `#`/`.` otherwise.
  public var unicode: Bool

  public init(cells: Int = defaultCells, unicode: Bool = true) {
    self.cells = cells
    self.unicode = unicode
  }

  /// The columns `render` takes.
  public var width: Int { cells + 5 }

  /// The bar and the percentage, always `width` (`cells + 5`) columns wide.
  public func render(_ job: BatchJob) -> String {
    "\(bar(job.progressFraction)) \(Self.percent(job.progressFraction))"
  }

  /// The bar alone; all empty cells when progress is unknown.
  public func bar(_ fraction: Double?) -> String {
    let filled = fraction.map { min(cells, max(0, Int(($0 * Double(cells) + 1e-9).rounded(.down)))) } ?? 0
    let (full, empty): (Character, Character) = unicode ? ("█", "░") : ("#", ".")
    return String(repeating: full, count: filled) + String(repeating: empty, count: cells - filled)
  }

  /// The whole percentage right-aligned in four columns (` 60%`, `100%`), or `   -` when unknown.
  ///
  /// Rounds down (after allowing for binary fractions such as 0.29 × 100), so 100% means done.
  public static func percent(_ fraction: Double?) -> String {
    guard let fraction else { return "   -" }
    let value = Int((fraction * 100 + 1e-9).rounded(.down))
    return TextWidth.pad("\(value)%", to: 4, alignRight: true)
  }
}
