/// Request counters and fault rules, reachable from the store so tests have one handle on the simulator.
extension JobStore {
  /// Requests received for `method` (`*` = any) and `path` (exact, or a prefix ending in `*`), faulted ones
  /// included; e.g. `requestCount(method: "GET", path: "/v1/batches")` counts list calls only.
  public func requestCount(method: String, path: String) -> Int {
    ledger.count(method: method, path: path)
  }

  /// Every request count, keyed `"METHOD /path"` (control paths under `/_sim/` are not counted).
  public var requestCounts: [String: Int] { ledger.counts }

  /// All `/v1` requests received since the last reset.
  public var totalRequests: Int { ledger.total }

  /// Sets every request count back to zero.
  public func resetCounters() {
    ledger.resetCounts()
  }

  /// Adds a fault rule after those already in force.
  public func addFault(_ rule: FaultRule) {
    ledger.addFault(rule)
  }

  /// Removes every fault rule.
  public func clearFaults() {
    ledger.clearFaults()
  }

  /// The fault rules in force, with the requests each has left.
  public var faults: [FaultRule] { ledger.faults }
}
