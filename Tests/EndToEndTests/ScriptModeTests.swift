import Foundation
import Testing

/// Script mode: commands on stdin or from `-f FILE`, stopping at the first failure unless `--keep-going`.
@Suite struct ScriptModeTests {
  @Test func runsEveryLineSkippingCommentsAndBlanks() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let first = try await box.sim.addJobID()
    let second = try await box.sim.addJobID()
    let result = try await box.script("# a comment\n\n   \nget \(first)\n  # indented comment\nget \(second) --json\n")
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("ID           \(first)"), "\(result)")
    #expect(result.out.contains("\"id\":\"\(second)\""), "\(result)")
    #expect(result.err.isEmpty, "\(result)")
  }

  @Test func aFailingLineStopsTheScript() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID()
    let result = try await box.script("# first\nget \(id)\nget batch-missing\nlist --json\n")
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains("script:3: error:"), "\(result)")
    #expect(!result.out.contains("["), "the line after the failure did not run: \(result)")

    let usage = try await box.script("get \(id)\nfrobnicate\nget \(id)\n")
    #expect(usage.status == 64, "the failing line's exit status: \(usage)")
    #expect(usage.err.contains("script:2: error:"), "\(usage)")
  }

  @Test func keepGoingRunsTheRestAndExitsOne() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID()
    let result = try await box.script("get batch-missing\nfrobnicate\nget \(id) --json\n", flags: ["--keep-going"])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains("script:1: error:") && result.err.contains("script:2: error:"), "\(result)")
    #expect(JSON.object(result.out)?["id"] as? String == id, "\(result)")
  }

  @Test func watchesDownloadsAndGetsInTurn() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID(["created_ago": 5000, "output_bytes": 3_000_000])
    let output = try #require(try await box.sim.job(id)["output_file_id"] as? String)
    let result = try await box.script("watch \(id)\ndownload \(id)\nget \(id) --json\n")
    #expect(result.status == 0, "\(result)")
    let expected = try await box.sim.api("GET", "/v1/files/\(output)/content").body
    #expect(expected.count == 3_000_000)
    #expect(FileManager.default.contents(atPath: box.home.file("\(id).jsonl")) == expected, "byte-exact download")
    #expect(result.out.contains("COMPLETED"), "\(result)")
    #expect(JSON.object(result.out.split(separator: "\n").last ?? "")?["id"] as? String == id, "\(result)")
  }

  @Test func readsAFile() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID()
    let path = box.home.file("jobs.batchsh")
    try Data("# saved script\nget \(id) --json\n".utf8).write(to: URL(fileURLWithPath: path))
    let result = try await box.run(["-f", path])
    #expect(result.status == 0, "\(result)")
    #expect(JSON.object(result.out)?["id"] as? String == id, "\(result)")

    let missing = try await box.run(["-f", box.home.file("nope.batchsh")])
    #expect(missing.status == 1, "\(missing)")
    #expect(missing.err.contains("nope.batchsh"), "\(missing)")
  }

  @Test func hostileLinesGetClearErrorsAndTheScriptGoesOn() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID()
    var script = Data("get ".utf8) + Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 4096) + Data("\n".utf8)
    script += Data("get \(id) --json\n".utf8)
    script += Data([0x00, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A, 0x07, 0xC3, 0x0A])
    script += Data("get \"unterminated\n".utf8)
    script += Data("list --json\n".utf8)
    let result = try await box.run(["--keep-going"], stdin: script)
    #expect(result.status == 1, "no crash, and the failures count: \(result)")
    for line in 1...4 where line != 2 {
      #expect(result.err.contains("script:\(line): error:"), "line \(line) is reported: \(result)")
    }
    #expect(result.err.contains("longer than"), "\(result)")
    let lines = result.outLines
    #expect(lines.count == 2, "both good lines ran: \(result)")
    #expect(JSON.object(lines.first ?? "")?["id"] as? String == id)
    #expect(JSON.array(lines.last ?? "")?.count == 1)

    let stop = try await box.run([], stdin: script)
    #expect(stop.status == 64, "without --keep-going the long line stops the script: \(stop)")
    #expect(stop.out.isEmpty, "\(stop)")
  }
}
