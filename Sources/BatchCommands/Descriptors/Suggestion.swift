/// Finds the closest spelling among candidates, for "did you mean" hints after a typo.
public enum Suggestion {
  /// The candidate nearest to `word`, or nil when none is close enough to be a likely typo.
  ///
  /// Closeness is the optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
  /// transpositions, case-insensitive); a candidate that starts with `word` also counts as close.
  public static func nearest(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    guard !lowered.isEmpty else { return nil }
    let limit = max(2, lowered.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let target = candidate.lowercased()
      var score = distance(lowered, target)
      if score > limit, lowered.count >= 2, target.hasPrefix(lowered) { score = limit }
      guard score <= limit else { continue }
      if best == nil || score < best!.distance { best = (candidate, score) }
    }
    return best?.candidate
  }

  /// The optimal-string-alignment distance between two strings, compared by Unicode scalar.
  public static func distance(_ a: String, _ b: String) -> Int {
    let s = Array(a.unicodeScalars)
    let t = Array(b.unicodeScalars)
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    var previous2 = [Int](repeating: 0, count: t.count + 1)
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
      current[0] = i
      for j in 1...t.count {
        let cost = s[i - 1] == t[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[t.count]
  }
}
