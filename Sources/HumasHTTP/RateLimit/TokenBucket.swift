/// A token bucket: holds up to `capacity` requests, refilled continuously at `capacity` a minute,
/// so a client may burst a minute's worth and then keep the steady rate.
struct TokenBucket: Sendable {
    let capacity: Double
    private(set) var available: Double
    private(set) var updated: ContinuousClock.Instant

    init(perMinute capacity: Int, now: ContinuousClock.Instant) {
        self.capacity = Double(capacity)
        available = Double(capacity)
        updated = now
    }

    private var refillPerSecond: Double { capacity / 60 }

    /// Takes one request's worth; when the bucket is empty, says how long until it holds one.
    mutating func take(now: ContinuousClock.Instant) -> Duration? {
        let elapsed = updated.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        available = min(capacity, available + max(0, seconds) * refillPerSecond)
        updated = now
        guard available >= 1 else {
            return .seconds((1 - available) / refillPerSecond)
        }
        available -= 1
        return nil
    }

    /// Whether the bucket would be full by `now`: then forgetting it changes nothing.
    func isFull(at now: ContinuousClock.Instant) -> Bool {
        let elapsed = updated.duration(to: now)
        return available + Double(elapsed.components.seconds) * refillPerSecond >= capacity
    }
}
