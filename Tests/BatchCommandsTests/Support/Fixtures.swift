import BatchCommands
import BatchCore
import Foundation

/// Fixed times, jobs and contexts shared by the tests.
enum Fixtures {
  /// The usage error's message when `words` do not parse for `frontEnd`, else nil.
  static func usageMessage(_ words: [String], frontEnd: FrontEnd = .repl) -> String? {
    do {
      _ = try InvocationParser(frontEnd: frontEnd).parse(words)
      return nil
    } catch {
      return error.message
    }
  }

  /// 2026-03-01 12:00:00 UTC.
  static let now = Date(timeIntervalSince1970: 1_772_366_400)

  static func timestamp(_ secondsBeforeNow: Double) -> BatchTimestamp {
    BatchTimestamp(now.addingTimeInterval(-secondsBeforeNow))
  }

  static let model = "meta-llama/Llama-3.3-70B-Instruct-Turbo"
  static let endpoint = "/v1/chat/completions"

  /// One job in each known state, created at different times (running newest).
  static let running = BatchJob(
    id: "batch-run", inputFileID: "file-in-1", status: .inProgress, jobDeadline: timestamp(-(3 * 3600 + 12 * 60)),
    createdAt: timestamp(5 * 60), endpoint: endpoint, progress: 60, modelID: model)
  static let validating = BatchJob(
    id: "batch-val", inputFileID: "file-in-2", status: .validating, createdAt: timestamp(30),
    endpoint: endpoint, progress: 0, modelID: model)
  static let completed = BatchJob(
    id: "batch-done", inputFileID: "file-in-3", status: .completed, jobDeadline: timestamp(-3600),
    createdAt: timestamp(3 * 3600), endpoint: endpoint, progress: 100, modelID: model, outputFileID: "file-out-3",
    completedAt: timestamp(3600))
  static let failed = BatchJob(
    id: "batch-fail", inputFileID: "file-in-4", status: .failed, createdAt: timestamp(2 * 86400),
    endpoint: endpoint, progress: 12.5, modelID: model, errorFileID: "file-err-4",
    error: "input file is not valid JSONL")
  static let cancelled = BatchJob(
    id: "batch-cxl", status: .cancelled, createdAt: timestamp(40 * 86400), endpoint: endpoint, progress: 30,
    modelID: model)
  static let expired = BatchJob(
    id: "batch-exp", status: .expired, createdAt: timestamp(400 * 86400), progress: 80, modelID: model)
  static let canceling = BatchJob(
    id: "batch-cing", status: BatchStatus(rawValue: "CANCELLING"), createdAt: timestamp(20 * 60), progress: 45,
    modelID: model)
  static let undated = BatchJob(id: "batch-nodate", status: BatchStatus(rawValue: "PAUSED"))

  /// All of them, in a server order that is not the display order.
  static let all = [completed, undated, running, failed, validating, cancelled, canceling, expired]

  /// A context on a fake API with fixed time, plain UTC output and a recording sink.
  static func context(
    api: FakeBatchAPI, frontEnd: FrontEnd = .oneShot, events: RecordingEventSink = RecordingEventSink(),
    directory: String = "/tmp", watcher: (any WatchService)? = nil, cache: JobIDCache = JobIDCache()
  ) -> CommandContext {
    CommandContext(
      api: api, jobIDs: cache, events: events, output: .plain, now: { now }, frontEnd: frontEnd,
      currentDirectory: directory, watcher: watcher)
  }
}
