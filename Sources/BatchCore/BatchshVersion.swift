/// The version of batchsh, sent in `User-Agent` and shown by `--version`.
public enum BatchshVersion {
  public static let current = "0.1.0"
  public static var userAgent: String { "batchsh/\(current)" }
}
