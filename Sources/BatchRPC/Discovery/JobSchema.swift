import BatchCommands
import BatchCore

/// The JSON Schema of a batch job as results and `watch/update` carry it: every field of `BatchJob`'s wire shape.
///
/// The switch over `BatchJob.CodingKeys` is exhaustive, so a field added to the model fails to compile here until
/// it is described.
enum JobSchema {
  /// A reference to the schema in the document's components.
  static let reference: JSONValue = ["$ref": "#/components/schemas/BatchJob"]

  /// The schema of one job.
  static var job: JSONValue {
    var properties: [String: JSONValue] = [:]
    for key in BatchJob.CodingKeys.allCases { properties[key.stringValue] = schema(of: key) }
    return [
      "title": "BatchJob",
      "type": "object",
      "description": "A batch job as the Together API returns it; fields the server did not send are absent.",
      "properties": .object(properties),
      "required": ["id"],
    ]
  }

  /// The schema of one field.
  static func schema(of key: BatchJob.CodingKeys) -> JSONValue {
    switch key {
    case .id: return text("The job id.")
    case .userID: return text("The owner's user id.")
    case .inputFileID: return text("The id of the uploaded input file.")
    case .fileSizeBytes: return ["type": "integer", "minimum": 0, "description": "Size of the input file in bytes."]
    case .status:
      let known = BatchStatus.known.map(\.rawValue).joined(separator: ", ")
      return text("The lifecycle state: \(known), or a newer state kept verbatim.")
    case .jobDeadline: return timestamp("When the job expires if not finished.")
    case .createdAt: return timestamp("When the job was created.")
    case .endpoint: return text("The inference endpoint, e.g. /v1/chat/completions.")
    case .progress:
      return ["type": "number", "description": "Progress as the server sent it: a percentage 0-100 in the current API."]
    case .modelID: return text("The model the job runs.")
    case .outputFileID: return text("The output file id; present once the job is COMPLETED.")
    case .errorFileID: return text("The error file id, when some requests failed.")
    case .error: return text("Why the job failed.")
    case .completedAt: return timestamp("When the job finished.")
    }
  }

  private static func text(_ description: String) -> JSONValue {
    ["type": "string", "description": .string(description)]
  }

  private static func timestamp(_ description: String) -> JSONValue {
    ["type": "string", "format": "date-time", "description": .string(description + " ISO-8601.")]
  }
}
