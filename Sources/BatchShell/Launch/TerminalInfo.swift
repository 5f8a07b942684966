import Foundation

/// Facts about the process's terminal: which descriptors are terminals and how wide the screen is.
public enum TerminalInfo {
  /// Whether a descriptor is a terminal.
  public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The width in columns of the terminal on `fd`, or `COLUMNS`, or nil.
  public static func width(of fd: Int32 = STDOUT_FILENO, environment: [String: String]) -> Int? {
    var size = winsize()
    if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
  }
}
