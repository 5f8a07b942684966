import Foundation

/// The persistent command history: filtered, capped, saved after every line with mode 0600.
///
/// Entries are kept in memory (oldest first) and appended to the file as they come, so a killed process
/// loses nothing and concurrent sessions do not overwrite each other; when the file holds twice `limit`
/// entries it is compacted to the newest `limit` through a temporary file and a rename. The file uses
/// libedit's format (see `HistoryFileFormat`). Problems are reported once through `warn`; the shell goes on.
public final class History {
  // MARK: - Configuration

  /// Entries kept: 1,000.
  public static let defaultLimit = 1000

  /// The file, or nil when history is not saved (`BATCHSH_HISTORY=/dev/null`).
  public let path: String?
  /// The maximum number of entries kept.
  public let limit: Int
  /// Values never saved, such as the API key.
  public var secrets: [String]

  private let warn: (String) -> Void
  private var fileEntryCount = 0
  private var hasWarnedAboutWriting = false

  // MARK: - State

  /// The entries, oldest first.
  public private(set) var entries: [String] = []
  /// True when new entries are written to `path` (after a successful `load()`).
  public private(set) var isPersistent = false

  /// Creates an empty history; call `load()` to read the file and start saving to it.
  public init(
    path: String?, limit: Int = History.defaultLimit, secrets: [String] = [],
    warn: @escaping (String) -> Void = History.warnOnStandardError
  ) {
    self.path = path
    self.limit = max(1, limit)
    self.secrets = secrets
    self.warn = warn
  }

  /// The history at the default location for `environment`, loaded.
  public static func open(
    environment: [String: String] = ProcessInfo.processInfo.environment, secrets: [String] = []
  ) -> History {
    let history = History(path: defaultPath(environment: environment), secrets: secrets)
    history.load()
    return history
  }

  // MARK: - Location

  /// `BATCHSH_HISTORY` (nil for `/dev/null`), else `$XDG_STATE_HOME/batchsh/history`, else
  /// `~/.local/state/batchsh/history`; nil when there is no home directory either.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let explicit = environment["BATCHSH_HISTORY"], !explicit.isEmpty {
      return explicit == "/dev/null" ? nil : explicit
    }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/batchsh/history"
    }
    var home = environment["HOME"] ?? ""
    if home.isEmpty, let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
      home = String(cString: directory)
    }
    return home.isEmpty ? nil : home + "/.local/state/batchsh/history"
  }

  // MARK: - Loading and adding

  /// Reads the file (keeping the newest `limit` entries) and enables saving; warns if it cannot.
  public func load() {
    guard let path else { return }
    do {
      let loaded = try HistoryFile(path: path).read()
      entries = Array(loaded.suffix(limit))
      fileEntryCount = loaded.count
      isPersistent = true
    } catch {
      let advice = error.isCorrupt ? " (move it away to start a new one)" : ""
      warn("history file \(path): \(error.description); history will not be saved\(advice)")
    }
  }

  /// Adds `line` (trailing blanks trimmed) unless `HistoryFilter` refuses it or it repeats the last entry;
  /// returns whether it did.
  @discardableResult
  public func add(_ line: String) -> Bool {
    var trimmed = Substring(line)
    while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
    let entry = String(trimmed)
    guard HistoryFilter.accepts(line, secrets: secrets), entries.last != entry else { return false }
    entries.append(entry)
    if entries.count > limit { entries.removeFirst(entries.count - limit) }
    guard isPersistent, let path else { return true }
    let file = HistoryFile(path: path)
    do {
      try file.append(entry)
      fileEntryCount += 1
      if fileEntryCount > 2 * limit {
        try file.compact(keepingLast: limit)
        fileEntryCount = limit
      }
    } catch {
      if !hasWarnedAboutWriting { warn("cannot save history to \(path): \(error.description)") }
      hasWarnedAboutWriting = true
    }
    return true
  }

  // MARK: - Warnings

  /// Writes `batchsh: warning: MESSAGE` on standard error.
  public static func warnOnStandardError(_ message: String) {
    FileHandle.standardError.write(Data("batchsh: warning: \(message)\n".utf8))
  }
}
