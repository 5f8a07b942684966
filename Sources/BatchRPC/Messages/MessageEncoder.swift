import BatchCommands
import BatchCore

/// Builds the outgoing lines: responses, errors, `watch/update` notifications and batch arrays (without the `\n`).
enum MessageEncoder {
  private static let prefix = Array(#"{"jsonrpc":"2.0","#.utf8)

  /// `{"jsonrpc":"2.0","id":ID,"result":…}`.
  static func result(_ value: JSONValue, id: RequestID) -> [UInt8] {
    var output = start(id: id)
    output.append(contentsOf: #","result":"#.utf8)
    JSONWriter.write(value, into: &output)
    output.append(UInt8(ascii: "}"))
    return output
  }

  /// `{"jsonrpc":"2.0","id":ID,"result":…}` around JSON text already written.
  static func result(json: [UInt8], id: RequestID) -> [UInt8] {
    var output = start(id: id)
    output.append(contentsOf: #","result":"#.utf8)
    output.append(contentsOf: json)
    output.append(UInt8(ascii: "}"))
    return output
  }

  /// `{"jsonrpc":"2.0","id":ID,"error":{"code","message","data"?}}`.
  static func error(_ error: RPCError, id: RequestID) -> [UInt8] {
    var output = start(id: id)
    output.append(contentsOf: #","error":"#.utf8)
    JSONWriter.write(error.jsonValue, into: &output)
    output.append(UInt8(ascii: "}"))
    return output
  }

  /// `{"jsonrpc":"2.0","method":"watch/update","params":{"request_id":ID,"job":{…}}}`.
  static func watchUpdate(_ job: BatchJob, requestID: RequestID) -> [UInt8] {
    var output = prefix
    output.append(contentsOf: #""method":"watch/update","params":{"job":"#.utf8)
    JobJSON.write(job, into: &output)
    output.append(contentsOf: #","request_id":"#.utf8)
    requestID.write(into: &output)
    output.append(contentsOf: "}}".utf8)
    return output
  }

  /// A batch's responses as one array line.
  static func batch(_ responses: [[UInt8]]) -> [UInt8] {
    var output: [UInt8] = [UInt8(ascii: "[")]
    output.reserveCapacity(responses.reduce(2) { $0 + $1.count + 1 })
    for (offset, response) in responses.enumerated() {
      if offset > 0 { output.append(UInt8(ascii: ",")) }
      output.append(contentsOf: response)
    }
    output.append(UInt8(ascii: "]"))
    return output
  }

  // MARK: - Pieces

  private static func start(id: RequestID) -> [UInt8] {
    var output = prefix
    output.reserveCapacity(512)
    output.append(contentsOf: #""id":"#.utf8)
    id.write(into: &output)
    return output
  }
}
