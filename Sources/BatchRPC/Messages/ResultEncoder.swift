import BatchCommands
import BatchCore

/// Writes a command's JSON-RPC result: jobs straight to JSON text, everything else through `rpcResult()`.
///
/// `CommandOutput.rpcResult()` is the definition of every result's shape. It builds a `JSONValue` tree through a
/// `JSONEncoder`/`JSONDecoder` round trip per job, which costs about a fifth of the CPU of a `get` at thousands of
/// requests per second; for the outputs that are only jobs (`get`, `list`, a finished `watch`) this writes the same
/// JSON directly with `JobJSON` (`ResultEncoderTests` checks the two agree). Every other output, and every error it
/// may throw (a `cancel` whose ids all failed, a timed-out `watch`), goes through `rpcResult()` unchanged.
enum ResultEncoder {
  /// The result as JSON text.
  static func encode(_ output: CommandOutput) throws -> [UInt8] {
    switch output {
    case .job(let job):
      return JobJSON.bytes(job)
    case .jobs(let jobs):
      return jobsObject(jobs)
    case .watch(let result) where !result.summary.timedOut:
      return jobsObject(result.jobs)
    default:
      return JSONWriter.bytes(try output.rpcResult())
    }
  }

  /// `{"jobs":[…]}`.
  private static func jobsObject(_ jobs: [BatchJob]) -> [UInt8] {
    var output = Array(#"{"jobs":["#.utf8)
    output.reserveCapacity(jobs.count * 512 + 16)
    for (offset, job) in jobs.enumerated() {
      if offset > 0 { output.append(UInt8(ascii: ",")) }
      JobJSON.write(job, into: &output)
    }
    output.append(contentsOf: "]}".utf8)
    return output
  }
}
