import Foundation

/// A temporary directory for one test, removed when the test ends.
final class TemporaryDirectory {
  let path: String

  init() {
    let template = NSTemporaryDirectory() + "/batchsh-shell-tests.XXXXXX"
    var bytes = Array(template.utf8CString)
    path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `bytes` to a file in the directory and returns its path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8], mode: mode_t = 0o600) -> String {
    let file = path + "/" + name
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    chmod(file, mode)
    return file
  }

  func read(_ name: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: path + "/" + name) ?? Data())
  }

  func mode(_ name: String) -> mode_t {
    var status = stat()
    stat(path + "/" + name, &status)
    return status.st_mode & 0o7777
  }
}
