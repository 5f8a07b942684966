@testable import BatchRPC
import BatchCommands
import BatchCore
import Foundation
import Testing

/// `rpc.discover`: generated from the command table, valid OpenRPC, complete schemas.
struct OpenRPCDocumentTests {
  private let document = OpenRPCDocument().jsonValue

  private var methods: [String: JSONValue] {
    Dictionary(uniqueKeysWithValues: (document["methods"]?.arrayValue ?? []).map { ($0["name"]!.stringValue!, $0) })
  }

  @Test func isAnOpenRPCDocument() {
    #expect(document["openrpc"] == "1.2.6")
    #expect(document["info"]?["title"] == "batchsh")
    #expect(document["info"]?["version"] == .string(BatchshVersion.current))
  }

  @Test func listsEveryRPCCommandOfTheTableWithItsParams() {
    let table = CommandTable.standard
    let offered = table.commands(for: .rpc)
    #expect(Set(methods.keys) == Set(offered.map(\.name) + ["rpc.discover", "shutdown"]))
    for command in offered {
      let method = methods[command.name]
      #expect(method?["paramStructure"] == "by-name")
      let params = method?["params"]?.arrayValue ?? []
      #expect(params.map { $0["name"] } == command.params.map { .string($0.name) })
      for (param, descriptor) in zip(params, command.params) {
        #expect(param["required"] == .bool(descriptor.isRequired))
        #expect(param["schema"]?["type"] != nil, "\(command.name).\(descriptor.name) has no type")
      }
      #expect(method?["result"]?["schema"] != nil)
    }
    #expect(methods["quit"] == nil && methods["set"] == nil)
  }

  @Test func paramSchemasUseJSONSchemaTypes() {
    let list = methods["list"]?["params"]?.arrayValue ?? []
    let status = list.first { $0["name"] == "status" }?["schema"]
    #expect(status?["type"] == "array")
    #expect(status?["items"]?["enum"]?.arrayValue?.contains("COMPLETED") == true)
    #expect(list.first { $0["name"] == "limit" }?["schema"]?["type"] == "integer")
    #expect(list.first { $0["name"] == "active" }?["schema"]?["type"] == "boolean")
    let watch = methods["watch"]?["params"]?.arrayValue ?? []
    #expect(watch.first { $0["name"] == "ids" }?["schema"]?["items"]?["type"] == "string")
    #expect(watch.first { $0["name"] == "interval" }?["schema"]?["type"] == "number")
  }

  @Test func resultSchemasDescribeEveryJobField() {
    let job = document["components"]?["schemas"]?["BatchJob"]
    let properties = job?["properties"]?.objectValue ?? [:]
    #expect(Set(properties.keys) == Set(BatchJob.CodingKeys.allCases.map(\.stringValue)))
    #expect(properties["progress"]?["type"] == "number")
    #expect(properties["file_size_bytes"]?["type"] == "integer")
    #expect(methods["get"]?["result"]?["schema"]?["$ref"] == "#/components/schemas/BatchJob")
    #expect(methods["list"]?["result"]?["schema"]?["properties"]?["jobs"]?["type"] == "array")
    #expect(methods["watch"]?["result"]?["schema"]?["required"] == ["jobs"])
    let download = methods["download"]?["result"]?["schema"]?["properties"]?.objectValue ?? [:]
    #expect(Set(download.keys) == ["path", "bytes", "file_id"])
  }

  @Test func isServedByTheServerAsOneLine() throws {
    let bytes = RPCServer(context: CommandContext(api: NoAPI(), frontEnd: .rpc), diagnostics: { _ in })
      .discoveryDocument()
    #expect(!bytes.contains(0x0A))
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) == document)
  }
}

/// An API that is never called.
struct NoAPI: BatchAPI {
  func get(_ id: String) async throws -> BatchJob { throw BatchError.missingAPIKey }
  func list() async throws -> [BatchJob] { throw BatchError.missingAPIKey }
  func cancel(_ id: String) async throws -> BatchJob { throw BatchError.missingAPIKey }
  func file(_ id: String) async throws -> BatchFile { throw BatchError.missingAPIKey }
  func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  { throw BatchError.missingAPIKey }
}
