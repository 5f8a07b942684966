/// Metadata of a file on the Together Files API (an output or error file of a batch job).
///
/// Decoded leniently: only `id` matters to this tool, the other fields are shown when present.
public struct BatchFile: Codable, Hashable, Sendable {
  public var id: String
  public var filename: String?
  public var bytes: Int64?
  public var purpose: String?
  public var createdAt: Int64?
  public var fileType: String?

  public init(
    id: String, filename: String? = nil, bytes: Int64? = nil, purpose: String? = nil, createdAt: Int64? = nil,
    fileType: String? = nil
  ) {
    self.id = id
    self.filename = filename
    self.bytes = bytes
    self.purpose = purpose
    self.createdAt = createdAt
    self.fileType = fileType
  }

  enum CodingKeys: String, CodingKey {
    case id, filename, bytes, purpose
    case createdAt = "created_at"
    case fileType = "FileType"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = (try? c.decodeIfPresent(String.self, forKey: .id)) ?? ""
    filename = try? c.decodeIfPresent(String.self, forKey: .filename)
    bytes = try? c.decodeIfPresent(Int64.self, forKey: .bytes)
    purpose = try? c.decodeIfPresent(String.self, forKey: .purpose)
    createdAt = try? c.decodeIfPresent(Int64.self, forKey: .createdAt)
    fileType = try? c.decodeIfPresent(String.self, forKey: .fileType)
  }
}
