import BatchSimulator
import Foundation
import NIOPosix
import Synchronization
import Testing

@testable import BatchCore

/// `BatchClient.download`: byte-exact streaming to a temporary file renamed into place, and nothing left on failure.
@Suite struct ContentDownloaderTests {
  /// A fresh empty directory, removed after `body`.
  static func withDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("batchsh-dl-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
  }

  static func contents(_ directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  @Test(
    "the content is saved byte for byte, with progress up to the total; never written from an event loop",
    arguments: [1, 4096, 5_000_000], [false, true])
  func byteExact(size: Int, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob(outputBytes: size)
        let path = directory + "/out.jsonl"
        let seen = Mutex<[DownloadProgress]>([])
        let onLoop = Mutex(false)
        let result = try await sim.client().download(DownloadRequest(fileID: output, destination: path)) { progress in
          seen.withLock { $0.append(progress) }
          if MultiThreadedEventLoopGroup.currentEventLoop != nil { onLoop.withLock { $0 = true } }
        }
        #expect(!onLoop.withLock { $0 }, "progress, reported after each write, came from an event loop")
        #expect(result == DownloadResult(path: path, bytes: Int64(size), fileID: output))
        let expected = try #require(sim.store.expectedContent(fileID: output))
        #expect(expected.count == size)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
        let progress = seen.withLock { $0 }
        #expect(progress.last == DownloadProgress(bytes: Int64(size), total: Int64(size)))
        #expect(progress.map(\.bytes) == progress.map(\.bytes).sorted())
        #expect(Self.contents(directory) == ["out.jsonl"], "no temporary file left")
      }
    }
  }

  @Test("an existing file is never replaced without overwrite, and no request is made")
  func noClobber() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob()
        let path = directory + "/out.jsonl"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let error = await expectBatchError {
          try await sim.client().download(DownloadRequest(fileID: output, destination: path), progress: nil)
        }
        #expect(error == .localFile(path: path, reason: "file exists (use --force to overwrite)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(sim.store.totalRequests == 0)
        #expect(Self.contents(directory) == ["out.jsonl"])
      }
    }
  }

  @Test("with overwrite (--force) an existing file is replaced")
  func overwrite() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob(outputBytes: 10_000)
        let path = directory + "/out.jsonl"
        try Data("old content".utf8).write(to: URL(fileURLWithPath: path))
        let request = DownloadRequest(fileID: output, destination: path, overwrite: true)
        #expect(try await sim.client().download(request, progress: nil).bytes == 10_000)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(sim.store.expectedContent(fileID: output)!))
        #expect(Self.contents(directory) == ["out.jsonl"])
      }
    }
  }

  @Test("a download cancelled mid-stream leaves neither the file nor a temporary file")
  func cancelledMidStream() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob(outputBytes: 20_000_000)
        let client = try sim.client()
        let chunks = Mutex(0)
        let task = Task {
          try await client.download(DownloadRequest(fileID: output, destination: directory + "/out.jsonl")) { _ in
            // Cancel the downloading task itself once the first chunk is on disk.
            if chunks.withLock({
              $0 += 1
              return $0
            }) == 1 {
              withUnsafeCurrentTask { $0?.cancel() }
            }
          }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(chunks.withLock { $0 } < 100, "stopped long before the end")
        #expect(Self.contents(directory).isEmpty)
      }
    }
  }

  @Test(
    "a body cut mid-stream is a transport error, one silent past the timeout (an error's too) a timeout; no file left",
    arguments: [(FaultKind.cut(afterBytes: 300_000), false), (.stall(3), false), (.stall(3), true)])
  func brokenMidStream(fault: FaultKind, errorAnswer: Bool) async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob(outputBytes: 1_000_000)
        sim.fault(fault, path: "/v1/files/*")
        let start = ContinuousClock.now
        let error = await expectBatchError {
          try await sim.client(requestTimeout: 0.5).download(
            DownloadRequest(fileID: errorAnswer ? "file-missing" : output, destination: directory + "/o"),
            progress: nil)
        }
        if case .cut = fault {
          guard case .transport = error else {
            Issue.record("not a transport error: \(String(describing: error))")
            return
          }
        } else {
          #expect(error == .timeout(seconds: 0.5))
        }
        #expect(ContinuousClock.now - start < .milliseconds(2500), "gave up when the body broke off")
        #expect(Self.contents(directory).isEmpty)
      }
    }
  }

  @Test("a body that keeps coming is saved whole, though it takes longer than the request timeout")
  func slowBodyWithinTimeout() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob(outputBytes: 1_000_000)
        sim.fault(.stall(0.4), path: "/v1/files/*")
        let start = ContinuousClock.now
        let result = try await sim.client(requestTimeout: 1).download(
          DownloadRequest(fileID: output, destination: directory + "/o"), progress: nil)
        #expect(ContinuousClock.now - start >= .milliseconds(1200), "three silences of 0.4 s")
        #expect(result.bytes == 1_000_000)
        let expected = try #require(sim.store.expectedContent(fileID: output))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/o")) == Data(expected))
      }
    }
  }

  @Test("transient failures before the content starts are retried")
  func retriedBeforeContent() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob(outputBytes: 3000)
        sim.fault(.status(503), path: "/v1/files/*", count: 1)
        sim.fault(.rateLimit(retryAfter: 0.01, milliseconds: true), path: "/v1/files/*", count: 1)
        let result = try await sim.client().download(
          DownloadRequest(fileID: output, destination: directory + "/o"), progress: nil)
        #expect(result.bytes == 3000)
        #expect(sim.store.requestCount(method: "GET", path: "/v1/files/\(output)/content") == 3)
      }
    }
  }

  @Test("a missing directory fails before any request, naming the directory")
  func missingDirectory() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let (_, output) = try sim.addCompletedJob()
        let path = directory + "/absent/out.jsonl"
        let error = await expectBatchError {
          try await sim.client().download(DownloadRequest(fileID: output, destination: path), progress: nil)
        }
        #expect(error == .localFile(path: path, reason: "no such directory '\(directory)/absent'"))
        #expect(sim.store.totalRequests == 0)
      }
    }
  }

  @Test("an unknown file is notFound and leaves nothing behind")
  func unknownFile() async throws {
    try await LiveSimulator.run { sim in
      try await Self.withDirectory { directory in
        let error = await expectBatchError {
          try await sim.client().download(
            DownloadRequest(fileID: "file-nope", destination: directory + "/o"), progress: nil)
        }
        #expect(error?.httpStatus == 404)
        #expect(error == .notFound(resource: .file, id: "file-nope", apiMessage: "file file-nope not found"))
        #expect(Self.contents(directory).isEmpty)
      }
    }
  }
}
