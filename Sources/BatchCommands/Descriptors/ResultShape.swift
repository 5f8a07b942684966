/// What a command answers, for documentation and the OpenRPC result schema.
public enum ResultShape: String, Sendable, Codable, CaseIterable {
  /// One job (`get`).
  case job
  /// A list of jobs (`list`): `{"jobs":[…]}` in RPC.
  case jobs
  /// The cancelled jobs and per-id failures: `{"jobs":[…],"errors":[…]}` in RPC.
  case cancel
  /// The final state of the watched jobs: `{"jobs":[…]}` in RPC.
  case watch
  /// Where a file was saved: `{"path","bytes","file_id"}`.
  case download
  /// Help text: `{"help":"…"}` in RPC.
  case help
  /// Session settings by name (`set`): `{"output":"json"}`.
  case settings
  /// Nothing (`quit`).
  case none
}
