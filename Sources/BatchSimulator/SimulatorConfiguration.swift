/// Everything a simulator is started with: where it listens, what it seeds, how fast its clock runs.
public struct SimulatorConfiguration: Sendable {
  public var host: String
  /// 0 picks any free port; read the chosen one from ``SimulatorServer/port``.
  public var port: Int
  /// How many jobs are seeded at start.
  public var jobs: Int
  /// Simulated seconds per real second; 0 freezes the clock until advanced by hand.
  public var speed: Double
  /// The bearer key required on `/v1` routes; nil accepts any non-empty key.
  public var apiKey: String?
  /// The seed of every generated job, id and file content.
  public var seed: UInt64
  /// Fault rules in force from the start.
  public var faults: [FaultRule]
  /// A clock to use instead of one built from `speed` (tests pass ``SimClock/manual(start:)``).
  public var clock: SimClock?
  /// Serve on an event loop of its own instead of NIO's shared ones (`batchsh --sim`: a script's commands run on a
  /// shared loop, and must never hold up the server).
  public var ownEventLoop: Bool

  /// Creates a configuration; the defaults match `batchsh-sim` without flags.
  public init(
    host: String = "127.0.0.1", port: Int = 0, jobs: Int = 25, speed: Double = 1, apiKey: String? = "sim-key",
    seed: UInt64 = 1, faults: [FaultRule] = [], clock: SimClock? = nil, ownEventLoop: Bool = false
  ) {
    self.host = host
    self.port = port
    self.jobs = jobs
    self.speed = speed
    self.apiKey = apiKey
    self.seed = seed
    self.faults = faults
    self.clock = clock
    self.ownEventLoop = ownEventLoop
  }
}
