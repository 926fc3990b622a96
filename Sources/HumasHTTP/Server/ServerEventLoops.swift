import CThreadScheduling
import Logging
import NIOCore
import NIOPosix

/// The event loops `humas serve` runs its connections on, shaped for a host where PostgreSQL and
/// the server's own Swift tasks keep the cores busy: a loop only does I/O, so what delays a
/// connection is its loop's thread waiting for a core.
public enum ServerEventLoops {
    /// Far more loops than cores: as many as the connections a Humas server has open at once (a web
    /// front end, a few integrators, probes). NIO hands new connections to the loops in turn, so a
    /// connection mostly has a loop to itself, and a loop waiting for a core holds up only it. An
    /// idle loop is a thread asleep in epoll_wait: 8 → 128 loops measured +2 MB RSS.
    public static var defaultCount: Int { min(256, max(64, System.coreCount)) }

    /// The time slice each loop's thread asks for: shorter than the kernel's default (0.7 ms ×
    /// (1 + log2 cores)), so that when a loop wakes for a request (a `/health` probe, say) the
    /// kernel lets it preempt a thread in the middle of a longer slice, such as one of ours encoding
    /// JSON, instead of waiting for that slice to end (EEVDF, Linux 6.12+; older kernels ignore it).
    /// Loop work between two waits is short, so a short slice rarely cuts it off.
    public static let timeSliceNanoseconds: UInt64 = 200_000

    /// `count` loops whose threads have asked for `timeSliceNanoseconds`. If the kernel refuses
    /// (another system, a real-time policy), the loops run with its default slice and a debug line says so.
    public static func make(count: Int, logger: Logger) -> MultiThreadedEventLoopGroup {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: count)
        let requests = group.makeIterator().map { loop in
            loop.submit { humas_request_time_slice(timeSliceNanoseconds) }
        }
        EventLoopFuture.whenAllSucceed(requests, on: group.any()).whenSuccess { failures in
            if let failure = failures.first(where: { $0 != 0 }) {
                logger.debug("event loops keep the kernel's default time slice", metadata: ["errno": "\(failure)"])
            }
        }
        return group
    }

    /// The calling thread's time slice in nanoseconds, or nil where the kernel does not report it.
    public static func currentTimeSliceNanoseconds() -> UInt64? {
        let slice = humas_current_time_slice()
        return slice == 0 ? nil : slice
    }
}
