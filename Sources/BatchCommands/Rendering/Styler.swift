import BatchCore

/// Wraps text in ANSI styles when colour is on, and leaves it alone when it is off.
public struct Styler: Sendable {
  /// An SGR style.
  public enum Style: String, Sendable {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case magenta = "35"
    case cyan = "36"
    case grey = "90"
  }

  public let enabled: Bool

  public init(enabled: Bool) {
    self.enabled = enabled
  }

  /// The text in a style, or unchanged when colour is off or there is no style.
  public func paint(_ text: String, _ style: Style?) -> String {
    guard enabled, let style, !text.isEmpty else { return text }
    return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
  }

  /// The text in the colour of a status.
  public func paint(_ text: String, status: BatchStatus?) -> String {
    paint(text, Self.style(for: status))
  }

  /// Green for COMPLETED, red for FAILED, yellow while running, magenta for cancellation, grey for EXPIRED.
  public static func style(for status: BatchStatus?) -> Style? {
    guard let status else { return nil }
    switch status {
    case .completed: return .green
    case .failed: return .red
    case .validating, .inProgress: return .yellow
    case .canceling, .cancelling, .cancelled: return .magenta
    case .expired: return .grey
    default: return nil
    }
  }
}
