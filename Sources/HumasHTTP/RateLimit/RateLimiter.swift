import NIOConcurrencyHelpers

/// Token buckets per API token, in memory: each process limits on its own, which is what a
/// per-instance guard against a runaway client needs.
final class RateLimiter: Sendable {
    /// Requests a minute per token.
    let perMinute: Int
    private let buckets = NIOLockedValueBox<[String: TokenBucket]>([:])
    /// Past this many buckets, full ones are dropped, so random tokens cannot grow memory for ever.
    private let pruneThreshold = 10_000

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Counts one request for `key`; `nil` when it may go ahead, else how long to wait.
    func acquire(_ key: String, now: ContinuousClock.Instant = .now) -> Duration? {
        buckets.withLockedValue { buckets in
            if buckets.count > pruneThreshold {
                buckets = buckets.filter { !$0.value.isFull(at: now) }
            }
            var bucket = buckets[key] ?? TokenBucket(perMinute: perMinute, now: now)
            let wait = bucket.take(now: now)
            buckets[key] = bucket
            return wait
        }
    }
}
