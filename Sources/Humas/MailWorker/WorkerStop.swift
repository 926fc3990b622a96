import Dispatch
import NIOConcurrencyHelpers

/// Asks a running worker to stop (SIGTERM, Ctrl-C): it finishes the message in flight and gives
/// back the rest of its claim at once instead of letting the lease run out.
public final class WorkerStop: Sendable {
    private let requested = NIOLockedValueBox(false)

    public init() {}

    public func request() {
        requested.withLockedValue { $0 = true }
    }

    public var isRequested: Bool { requested.withLockedValue { $0 } }

    /// Sleeps up to `seconds`, waking early when a stop is requested. Returns false if stopped.
    func sleep(_ seconds: Double) -> Bool {
        var left = seconds
        while left > 0 {
            if isRequested { return false }
            let step = min(left, 0.2)
            usleep(UInt32(step * 1_000_000))
            left -= step
        }
        return !isRequested
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
