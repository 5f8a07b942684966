import Synchronization

/// Help texts already rendered for a table, by front end and command.
///
/// A table never changes once built, so its help text is rendered once per front end and command: a program that
/// asks `help` over JSON-RPC thousands of times a second gets it for the cost of a lookup.
final class HelpTextCache: Sendable {
  private let texts = Mutex<[Key: String]>([:])

  private struct Key: Hashable {
    var frontEnd: FrontEnd
    /// The command's name, or nil for the overview.
    var command: String?
  }

  init() {}

  /// The cached text, or the text `render` makes, kept for next time.
  func text(for frontEnd: FrontEnd, command: String?, render: () -> String) -> String {
    let key = Key(frontEnd: frontEnd, command: command)
    if let text = texts.withLock({ $0[key] }) { return text }
    let text = render()
    texts.withLock { $0[key] = text }
    return text
  }
}
