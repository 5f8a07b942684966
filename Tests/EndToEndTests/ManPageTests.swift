import Foundation
import Testing

/// The committed man page is what the binary generates, names every command, and passes `mandoc -Tlint`.
@Suite struct ManPageTests {
  static let manPath = Binaries.packageFile("man/batchsh.1")

  /// Runs `batchsh` without a simulator (help and the man page need no server).
  static func batchsh(_ arguments: [String]) async throws -> ProcessResult {
    let home = try TemporaryDirectory("man")
    defer { home.remove() }
    let environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "NO_COLOR": "1",
      "BATCHSH_HISTORY": home.file("history"), "LANG": "C.UTF-8",
    ]
    return try await ChildProcess(Binaries.batchsh, arguments, environment: environment, directory: home.path)
      .finish()
  }

  @Test func committedPageIsUpToDate() async throws {
    let generated = try await Self.batchsh(["--generate-man-page"])
    #expect(generated.status == 0, "\(generated)")
    let committed = try String(contentsOfFile: Self.manPath, encoding: .utf8)
    #expect(generated.out.hasPrefix(".Dd") || generated.out.hasPrefix(".\\\""), "mdoc text")
    #expect(committed == generated.out, "man page is stale: run scripts/generate-man")
  }

  @Test func pageDescribesEveryCommandOfHelp() async throws {
    let help = try await Self.batchsh(["help"])
    #expect(help.status == 0, "\(help)")
    let commandLines = help.outLines.drop { $0 != "Commands:" }.dropFirst().prefix { $0.hasPrefix("  ") }
    let names = commandLines.compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(names.count >= 6 && names.contains("watch") && names.contains("download"), "\(help)")
    let page = try String(contentsOfFile: Self.manPath, encoding: .utf8)
    for name in names {
      #expect(page.contains("\n.It Cm \(name)"), "man page lacks the command '\(name)'")
    }
  }

  @Test(.enabled(if: Binaries.onPath("mandoc") != nil, "mandoc is not installed (scripts/test installs it)"))
  func mandocFindsNothingToFix() async throws {
    let mandoc = try #require(Binaries.onPath("mandoc"))
    let lint = try await ChildProcess(
      mandoc, ["-Tlint", Self.manPath], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    ).finish()
    #expect(lint.status == 0, "\(lint)")
  }
}
