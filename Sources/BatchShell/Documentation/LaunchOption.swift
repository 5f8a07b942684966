/// The executable's own options (not commands): one list for `--help`, the man page and the README.
public enum LaunchOption: String, CaseIterable, Sendable {
  case sim, simJobs, simSpeed, baseURL, color, rpc, file, keepGoing

  /// The spelling on the command line.
  public var flag: String {
    switch self {
    case .sim: return "--sim"
    case .simJobs: return "--sim-jobs"
    case .simSpeed: return "--sim-speed"
    case .baseURL: return "--base-url"
    case .color: return "--color"
    case .rpc: return "--rpc"
    case .file: return "-f"
    case .keepGoing: return "--keep-going"
    }
  }

  /// The value placeholder, or nil for a switch.
  public var valueName: String? {
    switch self {
    case .simJobs: return "N"
    case .simSpeed: return "X"
    case .baseURL: return "URL"
    case .color: return "auto|always|never"
    case .file: return "FILE"
    case .sim, .rpc, .keepGoing: return nil
    }
  }

  /// The default value, for the man page (`--help` shows ArgumentParser's own).
  public var defaultValue: String? {
    switch self {
    case .simJobs: return "25"
    case .simSpeed: return "1"
    case .color: return "auto"
    default: return nil
    }
  }

  public var summary: String {
    switch self {
    case .sim: return "Start the built-in simulator of the Together API on a free loopback port and connect to it; no key is needed."
    case .simJobs: return "The number of jobs the simulator is seeded with."
    case .simSpeed: return "How many times faster than real time the simulator's jobs run."
    case .baseURL: return "The API base URL; default TOGETHER_BASE_URL, then https://api.together.ai. A trailing /v1 is stripped."
    case .color: return "Colour output: auto (only on a terminal, the default), always or never."
    case .rpc: return "Serve line-delimited JSON-RPC 2.0 on standard input and output."
    case .file: return "Run the commands in FILE, one per line (script mode)."
    case .keepGoing: return "In script mode, go on after a failing command; exit 1 if any failed."
    }
  }
}
