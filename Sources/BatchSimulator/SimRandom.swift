/// A small deterministic random number generator (SplitMix64), so a seed always yields the same simulation.
public struct SimRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) {
    state = seed
  }

  /// Creates a generator seeded from the bytes of a string (FNV-1a), stable across processes.
  public init(hashing text: String, salt: UInt64 = 0) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01b3
    }
    state = hash
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A uniformly distributed integer in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// A uniformly distributed double in `range`.
  public mutating func double(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &self)
  }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < probability
  }

  /// A UUID-shaped lowercase hex string (8-4-4-4-12), for ids such as `batch-…` and `file-…`.
  public mutating func uuidString() -> String {
    let high = next()
    let low = next()
    var hex = String(high, radix: 16)
    hex = String(repeating: "0", count: 16 - hex.count) + hex
    var lowHex = String(low, radix: 16)
    lowHex = String(repeating: "0", count: 16 - lowHex.count) + lowHex
    let all = Array(hex + lowHex)
    return String(all[0..<8]) + "-" + String(all[8..<12]) + "-" + String(all[12..<16]) + "-"
      + String(all[16..<20]) + "-" + String(all[20..<32])
  }
}
