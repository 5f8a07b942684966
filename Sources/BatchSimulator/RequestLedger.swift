import NIOConcurrencyHelpers

/// Counts requests per method and path and hands out injected faults, under one short lock.
final class RequestLedger: Sendable {
  private struct Key: Hashable {
    let method: String
    let path: String
  }

  private struct State {
    var counts: [Key: Int] = [:]
    var total = 0
    var faults: [FaultRule] = []
  }

  private let state = NIOLockedValueBox(State())

  /// Counts a request and returns the fault it must suffer, if a rule with requests left matches it.
  func record(method: String, path: String) -> FaultKind? {
    let key = Key(method: method, path: path)
    return state.withLockedValue { state in
      state.counts[key, default: 0] += 1
      state.total += 1
      guard !state.faults.isEmpty else { return nil }
      guard let index = state.faults.firstIndex(where: { $0.matches(method: method, path: path) }) else {
        return nil
      }
      let kind = state.faults[index].kind
      if let left = state.faults[index].count {
        if left <= 1 {
          state.faults.remove(at: index)
        } else {
          state.faults[index].count = left - 1
        }
      }
      return kind
    }
  }

  /// Requests seen for `method` (or `*`) and `path` (exact, or a prefix ending in `*`).
  func count(method: String, path: String) -> Int {
    let counts = state.withLockedValue { $0.counts }
    let prefix = path.hasSuffix("*") ? String(path.dropLast()) : nil
    var sum = 0
    for (key, value) in counts where method == "*" || key.method == method {
      if let prefix {
        if key.path.hasPrefix(prefix) { sum += value }
      } else if key.path == path {
        sum += value
      }
    }
    return sum
  }

  /// Every count, keyed `"METHOD /path"`.
  var counts: [String: Int] {
    let counts = state.withLockedValue { $0.counts }
    return Dictionary(uniqueKeysWithValues: counts.map { ($0.key.method + " " + $0.key.path, $0.value) })
  }

  /// All requests counted since the last reset.
  var total: Int { state.withLockedValue { $0.total } }

  /// Forgets every count.
  func resetCounts() {
    state.withLockedValue {
      $0.counts = [:]
      $0.total = 0
    }
  }

  /// The rules still in force, with their remaining counts.
  var faults: [FaultRule] { state.withLockedValue { $0.faults } }

  /// Adds a rule after the existing ones.
  func addFault(_ rule: FaultRule) {
    state.withLockedValue { $0.faults.append(rule) }
  }

  /// Removes every rule.
  func clearFaults() {
    state.withLockedValue { $0.faults = [] }
  }
}
