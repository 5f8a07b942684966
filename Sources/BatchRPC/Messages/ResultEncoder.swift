import BatchCommands
import BatchCore
import Foundation

/// Writes a command's JSON-RPC result: jobs straight to JSON text, everything else through `rpcResult()`.
///
/// `CommandOutput.rpcResult()` is the definition of every result's shape. It builds a `JSONValue` tree through a
/// `JSONEncoder`/`JSONDecoder` round trip per job, which costs about a fifth of the CPU of a `get` at thousands of
/// requests per second; for the outputs that are only jobs (`get`, `list`, a finished `watch`) this writes the same
/// JSON directly (`ResultEncoderTests` checks the two agree). Every other output, and every error it may throw
/// (a `cancel` whose ids all failed, a timed-out `watch`), goes through `rpcResult()` unchanged.
enum ResultEncoder {
  /// The result as JSON text.
  static func encode(_ output: CommandOutput) throws -> [UInt8] {
    switch output {
    case .job(let job):
      return try jobJSON(job)
    case .jobs(let jobs):
      return try jobsObject(jobs)
    case .watch(let result) where !result.summary.timedOut:
      return try jobsObject(result.jobs)
    default:
      return JSONWriter.bytes(try output.rpcResult())
    }
  }

  /// `{"jobs":[…]}`.
  private static func jobsObject(_ jobs: [BatchJob]) throws -> [UInt8] {
    var output = Array(#"{"jobs":["#.utf8)
    for (offset, job) in jobs.enumerated() {
      if offset > 0 { output.append(UInt8(ascii: ",")) }
      output.append(contentsOf: try jobJSON(job))
    }
    output.append(contentsOf: "]}".utf8)
    return output
  }

  /// One job in its wire shape, keys sorted like every other object the server writes.
  static func jobJSON(_ job: BatchJob) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
    return Array(try encoder.encode(job))
  }
}
