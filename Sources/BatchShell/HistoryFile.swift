import Foundation

/// One history file on disk: read, append an entry, compact; always mode 0600 in a 0700 directory.
struct HistoryFile {
  // MARK: - Errors

  /// A failure with a message fit for a warning.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    /// True when the file exists but is not a libedit history file.
    var isCorrupt = false

    static func system(_ what: String, _ code: Int32 = errno) -> Failure {
      Failure(description: "\(what): \(String(cString: strerror(code)))")
    }
  }

  static let maxBytes = 64 << 20

  let path: String

  // MARK: - Reading

  /// The entries in the file, oldest first; none when it does not exist. Tightens wide permissions.
  func read() throws(Failure) -> [String] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      if errno == ENOENT { return [] }
      throw .system("cannot open")
    }
    defer { close(descriptor) }
    let size = try checkedSize(descriptor)
    guard size <= Self.maxBytes else { throw Failure(description: "larger than 64 MiB") }
    var bytes = [UInt8](repeating: 0, count: size)
    var total = 0
    while total < size {
      let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + total, size - total) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw .system("cannot read") }
      if count == 0 { break }
      total += count
    }
    do {
      return try HistoryFileFormat.parse(Array(bytes.prefix(total)))
    } catch {
      throw Failure(description: "not a libedit history file (no \(HistoryFileFormat.header) header)", isCorrupt: true)
    }
  }

  // MARK: - Writing

  /// Appends one entry, creating the file (and its directory) if needed.
  func append(_ entry: String) throws(Failure) {
    try makeDirectory()
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    if descriptor < 0 { throw .system("cannot open") }
    defer { close(descriptor) }
    let size = try checkedSize(descriptor)
    var bytes: [UInt8] = []
    if size == 0 {
      bytes = Array((HistoryFileFormat.header + "\n").utf8)
    } else {
      var last: UInt8 = 0
      if pread(descriptor, &last, 1, off_t(size - 1)) == 1 && last != 0x0A { bytes = [0x0A] }
    }
    bytes += HistoryFileFormat.encode(entry) + [0x0A]
    try writeAll(descriptor, bytes)
  }

  /// Rewrites the file with only its newest `limit` entries, atomically (temporary file + rename).
  func compact(keepingLast limit: Int) throws(Failure) {
    let entries = try read().suffix(limit)
    let target = realpath(path, nil).map { resolved in
      defer { free(resolved) }
      return String(cString: resolved)
    } ?? path  // rename onto the file a symbolic link points to, not onto the link
    let temporary = target + ".tmp-\(getpid())"
    unlink(temporary)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    if descriptor < 0 { throw .system("cannot create \(temporary)") }
    var failure: Failure?
    do throws(Failure) {
      try writeAll(descriptor, HistoryFileFormat.render(Array(entries)))
      if fsync(descriptor) != 0 { throw .system("cannot sync") }
    } catch {
      failure = error
    }
    close(descriptor)
    if failure == nil && rename(temporary, target) != 0 { failure = .system("cannot rename") }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }

  // MARK: - Helpers

  /// The size of a regular file, after tightening its mode to 0600 if group or others had access.
  private func checkedSize(_ descriptor: Int32) throws(Failure) -> Int {
    var status = stat()
    if fstat(descriptor, &status) != 0 { throw .system("cannot stat") }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(description: "not a regular file") }
    if status.st_mode & 0o077 != 0 && fchmod(descriptor, 0o600) != 0 { throw .system("cannot chmod 0600") }
    return Int(status.st_size)
  }

  private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(Failure) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { throw .system("cannot write") }
      written += count
    }
  }

  /// Creates the missing directories above the file with mode 0700.
  private func makeDirectory() throws(Failure) {
    let directory = (path as NSString).deletingLastPathComponent
    guard !directory.isEmpty, access(directory, F_OK) != 0 else { return }
    var partial = directory.hasPrefix("/") ? "" : "."
    for component in directory.split(separator: "/") {
      partial += "/" + component
      if mkdir(partial, 0o700) != 0 && errno != EEXIST { throw .system("cannot create \(partial)") }
    }
  }
}
