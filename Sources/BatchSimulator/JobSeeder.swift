/// Makes the varied, deterministic set of jobs a simulator starts with.
///
/// About a third are active (`VALIDATING` or `IN_PROGRESS`, finishing within minutes at speed 1), the rest ended
/// within the last six hours: mostly `COMPLETED` (some with an error file), some `FAILED` with an error text and
/// error file, some `EXPIRED`, some `CANCELLED`. The same seed always yields the same jobs.
enum JobSeeder {
  static let models = [
    "meta-llama/Llama-3.3-70B-Instruct-Turbo", "deepseek-ai/DeepSeek-V3", "Qwen/Qwen2.5-7B-Instruct-Turbo",
    "mistralai/Mixtral-8x7B-Instruct-v0.1", "zai-org/GLM-4.5-Air-FP8",
  ]

  static let failures = [
    "Batch processing failed: input file validation error on line 17: missing \"custom_id\"",
    "Batch processing failed: model deepseek-ai/DeepSeek-V3 is not available for batch inference",
    "Internal error while processing batch;\nplease retry or contact support",
    "Too many failed requests (1024 of 2000): see the error file",
  ]

  /// Specs for `count` seeded jobs.
  static func specs(count: Int, seed: UInt64) -> [SimJobSpec] {
    var random = SimRandom(seed: seed)
    var specs: [SimJobSpec] = []
    specs.reserveCapacity(count)
    for _ in 0..<count {
      specs.append(random.chance(0.34) ? activeSpec(&random) : finishedSpec(&random))
    }
    // Oldest first, so creation order matches `created_at`.
    return specs.sorted { $0.createdAgo > $1.createdAgo }
  }

  // MARK: - Private

  private static func base(_ random: inout SimRandom) -> SimJobSpec {
    var spec = SimJobSpec()
    spec.modelID = models[random.int(0...(models.count - 1))]
    spec.inputBytes = random.int(2_000...4_000_000)
    spec.outputBytes = random.int(1_000...2_000_000)
    spec.fractionalTimestamps = random.chance(0.5)
    return spec
  }

  private static func activeSpec(_ random: inout SimRandom) -> SimJobSpec {
    var spec = base(&random)
    spec.validatingSeconds = random.double(5...60)
    spec.runSeconds = random.double(60...900)
    spec.createdAgo = random.double(0...(spec.validatingSeconds + spec.runSeconds * 0.9))
    if random.chance(0.15) {
      spec.outcome = .failed
      spec.finalProgress = random.double(10...90)
      spec.errorText = failures[random.int(0...(failures.count - 1))]
      spec.errorBytes = random.int(500...50_000)
    } else if random.chance(0.2) {
      spec.errorBytes = random.int(500...20_000)
    }
    return spec
  }

  private static func finishedSpec(_ random: inout SimRandom) -> SimJobSpec {
    var spec = base(&random)
    spec.validatingSeconds = random.double(10...180)
    spec.runSeconds = random.double(300...3_600)
    let duration = spec.validatingSeconds + spec.runSeconds
    spec.createdAgo = duration + random.double(60...(6 * 3600 - duration))
    let roll = random.double(0...1)
    if roll < 0.62 {
      if random.chance(0.25) { spec.errorBytes = random.int(500...20_000) }
    } else if roll < 0.77 {
      spec.outcome = .failed
      spec.finalProgress = random.double(5...95)
      spec.errorText = failures[random.int(0...(failures.count - 1))]
      spec.errorBytes = random.int(500...50_000)
    } else if roll < 0.87 {
      spec.outcome = .expired
      spec.finalProgress = random.double(20...99)
    } else {
      spec.cancelAfter = random.double(spec.validatingSeconds...duration * 0.8)
    }
    return spec
  }
}
