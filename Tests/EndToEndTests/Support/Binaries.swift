import Foundation

/// Where the built `batchsh` and `batchsh-sim` executables are: `BATCHSH_BIN_DIR`, else the package's `.build/debug`.
enum Binaries {
  /// The folder holding the executables.
  static let directory: String = {
    if let dir = ProcessInfo.processInfo.environment["BATCHSH_BIN_DIR"], !dir.isEmpty { return dir }
    return packageRoot + "/.build/debug"
  }()

  /// The package root, three folders above this file (`Tests/EndToEndTests/Support/`).
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
  }()

  static var batchsh: String { directory + "/batchsh" }
  static var simulator: String { directory + "/batchsh-sim" }

  /// The path of a file or folder of the package, such as `man/batchsh.1`.
  static func packageFile(_ relative: String) -> String { packageRoot + "/" + relative }

  /// The first folder of `PATH` holding an executable `name`, or nil.
  static func onPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
