import Foundation

/// A fresh folder under the system temporary folder, removed with everything in it by `remove()`.
final class TemporaryDirectory: Sendable {
  let path: String

  init(_ label: String = "e2e") throws {
    let base = FileManager.default.temporaryDirectory.path
    var template = Array("\(base)/batchsh-\(label)-XXXXXX".utf8CString)
    guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String { path + "/" + name }

  /// The names in the folder, hidden ones included, sorted.
  func contents() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
