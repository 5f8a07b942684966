import Foundation
import Testing

/// `download` end to end: byte-exact content, names and folders, no clobbering, and nothing left behind on failure.
@Suite struct DownloadEndToEndTests {
  /// A finished job on a frozen clock, with output and error files.
  struct World {
    let box: Sandbox
    let id: String
    let outputFile: String
    let errorFile: String

    static func make(outputBytes: Int = 300_000) async throws -> World {
      let box = try await Sandbox.start(speed: 0)
      do {
        let job = try await box.sim.addJob(["created_ago": 5000, "output_bytes": outputBytes, "error_bytes": 5000])
        let id = job["id"] as? String ?? ""
        let full = try await box.sim.job(id)
        return World(box: box, id: id, outputFile: full["output_file_id"] as? String ?? "?",
          errorFile: full["error_file_id"] as? String ?? "?")
      } catch {
        box.close()
        throw error
      }
    }

    /// The file's content as the simulator serves it, fetched without `batchsh`.
    func content(of file: String) async throws -> Data {
      let response = try await box.sim.api("GET", "/v1/files/\(file)/content")
      #expect(response.status == 200)
      return response.body
    }

    func contents(of path: String) -> Data? { FileManager.default.contents(atPath: path) }
  }

  @Test func savesTheOutputByteForByteUnderTheDefaultName() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let result = try await world.box.run(["download", world.id, "--json"])
    #expect(result.status == 0, "\(result)")
    let path = world.box.home.file("\(world.id).jsonl")
    let expected = try await world.content(of: world.outputFile)
    #expect(expected.count == 300_000)
    #expect(world.contents(of: path) == expected, "byte-exact download")
    let json = try #require(JSON.object(result.out), "\(result)")
    #expect(json["path"] as? String == path)
    #expect(json["bytes"] as? Int == 300_000)
    #expect(json["file_id"] as? String == world.outputFile)
    #expect(world.box.home.contents() == ["\(world.id).jsonl"], "no temporary file left")
  }

  @Test func savesIntoAFolderAndSavesTheErrorFile() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let folder = world.box.home.file("out")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    let output = try await world.box.run(["download", world.id, "--output", "out/"])
    #expect(output.status == 0, "\(output)")
    #expect(world.contents(of: folder + "/\(world.id).jsonl") == (try await world.content(of: world.outputFile)))
    #expect(output.out.contains(world.outputFile), "\(output)")

    let errors = try await world.box.run(["download", world.id, "--errors", "-o", folder + "/"])
    #expect(errors.status == 0, "\(errors)")
    let errorPath = folder + "/\(world.id).errors.jsonl"
    #expect(world.contents(of: errorPath) == (try await world.content(of: world.errorFile)))
  }

  @Test func neverOverwritesWithoutForce() async throws {
    let world = try await World.make()
    defer { world.box.close() }
    let path = world.box.home.file("\(world.id).jsonl")
    try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: path))
    let refused = try await world.box.run(["download", world.id])
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.err.contains("--force"), "\(refused)")
    #expect(world.contents(of: path) == Data("keep me\n".utf8), "the file is unchanged")
    #expect(world.box.home.contents() == ["\(world.id).jsonl"], "no temporary file left")

    let forced = try await world.box.run(["download", world.id, "--force"])
    #expect(forced.status == 0, "\(forced)")
    #expect(world.contents(of: path) == (try await world.content(of: world.outputFile)))
  }

  @Test func anUnfinishedJobHasNothingToDownload() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let id = try await box.sim.addJobID(["run_seconds": 1e6])
    let result = try await box.run(["download", id])
    #expect(result.status == 1, "\(result)")
    #expect(result.err.contains("COMPLETED"), "\(result)")
    #expect(box.home.contents().isEmpty, "no file left: \(box.home.contents())")
  }

  @Test func anInterruptedDownloadLeavesNothing() async throws {
    let world = try await World.make(outputBytes: 200_000_000)
    defer { world.box.close() }
    let folder = try TemporaryDirectory("download")
    defer { folder.remove() }
    let download = try world.box.start(["download", world.id, "-o", folder.path + "/"])
    let started = await download.waitForOutput(timeout: 60) { _, _ in
      folder.contents().contains { $0.contains(".part") } || !download.isRunning
    }
    #expect(started && download.isRunning, "the download is under way: \(folder.contents())")
    download.send(SIGINT)
    let result = await download.finish(timeout: 60)
    #expect(result.status == 130, "\(result)")
    #expect(folder.contents().isEmpty, "no partial or temporary file: \(folder.contents())")
  }
}
