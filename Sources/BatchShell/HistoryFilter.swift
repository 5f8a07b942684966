/// Decides which lines may enter the history: never blank, space-prefixed or secret-looking ones.
///
/// A line "looks secret" when it contains:
/// - one of the given secret values (such as the API key) of at least 6 characters;
/// - a marker, case-insensitively: `TOGETHER_API_KEY`, `API_KEY`, `APIKEY`, `API-KEY`, `Bearer `,
///   `Authorization:`, `password`, `passwd`, `secret=`, `token=`;
/// - a word starting with a key prefix (`sk-`, `tgp_`) and at least 20 characters long;
/// - a run of at least 32 characters of `[A-Za-z0-9+=]` with a letter and a digit (hex or base64 keys).
///   `-`, `_`, `/` and `.` end a run, so UUID-shaped ids such as `batch-0f1e…` and file paths are kept;
///   a 32-character id with no separator is treated as a secret (a false positive that only costs one
///   history entry), and a base64 key cut short by `/` may slip through unless given as a secret value.
public enum HistoryFilter {
  // MARK: - Rules

  /// Returns true when `line` may be saved.
  public static func accepts(_ line: String, secrets: [String] = []) -> Bool {
    guard let first = line.first, first != " ", first != "\t" else { return false }
    guard line.contains(where: { !$0.isWhitespace }) else { return false }
    return !looksSecret(line, secrets: secrets)
  }

  /// Returns true when `line` seems to hold a credential.
  public static func looksSecret(_ line: String, secrets: [String] = []) -> Bool {
    if secrets.contains(where: { $0.count >= 6 && line.contains($0) }) { return true }
    let lowered = line.lowercased()
    if markers.contains(where: lowered.contains) { return true }
    let words = line.split { $0.isWhitespace || "'\"=:,;".contains($0) }
    if words.contains(where: { word in prefixes.contains { word.hasPrefix($0) } && word.count >= 20 }) { return true }
    return hasLongToken(line)
  }

  private static let markers = [
    "together_api_key", "api_key", "apikey", "api-key", "bearer ", "authorization:", "password", "passwd",
    "secret=", "token=",
  ]
  private static let prefixes = ["sk-", "tgp_"]

  /// True when a run of hex/base64 characters (without `/`) of at least 32 holds a letter and a digit.
  private static func hasLongToken(_ line: String) -> Bool {
    var length = 0
    var letter = false
    var digit = false
    for byte in line.utf8 {
      let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      let isDigit = (0x30...0x39).contains(byte)
      if isLetter || isDigit || byte == 0x2B || byte == 0x3D {
        length += 1
        letter = letter || isLetter
        digit = digit || isDigit
        if length >= 32 && letter && digit { return true }
      } else {
        (length, letter, digit) = (0, false, false)
      }
    }
    return false
  }
}
