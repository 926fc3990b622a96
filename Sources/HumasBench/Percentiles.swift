/// Latency samples in milliseconds and their percentiles (nearest rank).
struct Latencies: Sendable {
    private(set) var samples: [Double] = []

    mutating func add(_ milliseconds: Double) { samples.append(milliseconds) }

    /// The smallest sample at or above `fraction` of all samples, e.g. 0.95 for p95.
    func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var p50: Double { percentile(0.50) }
    var p95: Double { percentile(0.95) }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
