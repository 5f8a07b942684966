/// A moment as a wall clock shows it in some zone (see `DisplayZone`).
public struct WallClock: Sendable, Hashable {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int
  /// The zone's offset from UTC at that moment, in seconds (east positive).
  public var secondsFromGMT: Int

  public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, secondsFromGMT: Int) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
    self.secondsFromGMT = secondsFromGMT
  }
}
