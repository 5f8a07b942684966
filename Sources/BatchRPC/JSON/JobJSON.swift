import BatchCore

/// Writes a `BatchJob` in its wire shape straight to JSON bytes: the same members `BatchJob.encode(to:)` writes.
///
/// `JSONEncoder` costs tens of microseconds per job, a large share of a `get` when thousands are answered per second
/// and of every `watch/update`. The switch over `BatchJob.CodingKeys` is exhaustive, so a field added to the model
/// does not compile here until it is written; `JobJSONTests` checks the output against `JSONEncoder`'s.
enum JobJSON {
  /// The job as JSON text, keys in sorted order like every object the server writes.
  static func bytes(_ job: BatchJob) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(512)
    write(job, into: &output)
    return output
  }

  /// Appends the job's JSON text; absent fields are omitted, never written as `null`.
  static func write(_ job: BatchJob, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "{"))
    var first = true
    for key in sortedKeys {
      guard let value = value(of: key, in: job) else { continue }
      if !first { output.append(UInt8(ascii: ",")) }
      first = false
      JSONWriter.writeString(key.stringValue, into: &output)
      output.append(UInt8(ascii: ":"))
      switch value {
      case .text(let text): JSONWriter.writeString(text, into: &output)
      case .integer(let integer): output.append(contentsOf: String(integer).utf8)
      case .number(let number): JSONWriter.writeNumber(number, into: &output)
      }
    }
    output.append(UInt8(ascii: "}"))
  }

  // MARK: - Fields

  private enum Value {
    case text(String)
    case integer(Int64)
    case number(Double)
  }

  private static let sortedKeys = BatchJob.CodingKeys.allCases.sorted { $0.stringValue < $1.stringValue }

  private static func value(of key: BatchJob.CodingKeys, in job: BatchJob) -> Value? {
    switch key {
    case .id: return .text(job.id)
    case .userID: return job.userID.map(Value.text)
    case .inputFileID: return job.inputFileID.map(Value.text)
    case .fileSizeBytes: return job.fileSizeBytes.map(Value.integer)
    case .status: return job.status.map { .text($0.rawValue) }
    case .jobDeadline: return job.jobDeadline.map { .text($0.raw) }
    case .createdAt: return job.createdAt.map { .text($0.raw) }
    case .endpoint: return job.endpoint.map(Value.text)
    case .progress: return job.progress.map(Value.number)
    case .modelID: return job.modelID.map(Value.text)
    case .outputFileID: return job.outputFileID.map(Value.text)
    case .errorFileID: return job.errorFileID.map(Value.text)
    case .error: return job.error.map(Value.text)
    case .completedAt: return job.completedAt.map { .text($0.raw) }
    }
  }
}
