import NIOCore

/// Writes `BatchJob` objects in the Together wire format, the fixed fields pre-encoded once per job.
///
/// Field names are spelled out here and nowhere else: `id`, `user_id`, `input_file_id`, `file_size_bytes`,
/// `status`, `job_deadline`, `created_at`, `endpoint`, `progress`, `model_id`, `output_file_id`, `error_file_id`,
/// `error`, `completed_at`. Absent optional fields are omitted.
enum JobJSON {
  /// The completion window: `job_deadline` is this long after `created_at`.
  static let completionWindow: Double = 24 * 3600

  /// Encodes the fields that never change, from `{` up to and including the comma before `status`.
  static func staticFields(of job: SimJob) -> [UInt8] {
    var buffer = ByteBufferAllocator().buffer(capacity: 384)
    buffer.writeStaticString("{")
    buffer.writeJSONKey("id")
    buffer.writeJSONString(job.id)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("user_id")
    buffer.writeJSONString(job.userID)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("input_file_id")
    buffer.writeJSONString(job.inputFileID)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("file_size_bytes")
    buffer.writeDecimal(job.inputBytes)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("created_at")
    buffer.writeJSONTimestamp(job.createdAt, fractional: job.fractionalTimestamps)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("job_deadline")
    buffer.writeJSONTimestamp((job.createdAt + completionWindow).rounded(.down), fractional: false)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("endpoint")
    buffer.writeJSONString(job.endpoint)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("model_id")
    buffer.writeJSONString(job.modelID)
    buffer.writeStaticString(",")
    return Array(buffer.readableBytesView)
  }

  /// Writes one job as it looks in `state`.
  static func write(_ job: SimJob, _ state: SimJobState, into buffer: inout ByteBuffer) {
    buffer.writeBytes(job.staticJSON)
    buffer.writeStaticString("\"status\":")
    buffer.writeJSONString(state.status)
    buffer.writeStaticString(",\"progress\":")
    buffer.writeJSONNumber(state.progress)
    if let outputFileID = state.outputFileID {
      buffer.writeStaticString(",\"output_file_id\":")
      buffer.writeJSONString(outputFileID)
    }
    if let errorFileID = state.errorFileID {
      buffer.writeStaticString(",\"error_file_id\":")
      buffer.writeJSONString(errorFileID)
    }
    if let error = state.error {
      buffer.writeStaticString(",\"error\":")
      buffer.writeJSONString(error)
    }
    if let completedAt = state.completedAt {
      buffer.writeStaticString(",\"completed_at\":")
      buffer.writeJSONTimestamp(completedAt, fractional: job.fractionalTimestamps)
    }
    buffer.writeStaticString("}")
  }

  /// Encodes one job in `state` as a standalone buffer.
  static func encode(_ job: SimJob, _ state: SimJobState) -> ByteBuffer {
    var buffer = ByteBufferAllocator().buffer(capacity: job.staticJSON.count + 200)
    write(job, state, into: &buffer)
    return buffer
  }
}
