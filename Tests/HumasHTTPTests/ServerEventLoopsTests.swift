import CThreadScheduling
import Glibc
import HumasHTTP
import Logging
import NIOCore
import NIOPosix
import Testing

/// `humas serve`'s event loops ask the kernel for short time slices (ServerEventLoops). Checked by
/// reading each loop thread's slice back from the kernel, on kernels that report it (Linux 6.12+).
@Suite("Event-loop threads and their time slice", .enabled(if: ServerEventLoops.currentTimeSliceNanoseconds() != nil))
struct ServerEventLoopsTests {
    /// What a thread's scheduling looks like after a test changed it.
    struct Observed: Sendable {
        var failure: Int32
        var nice: Int32
        var slice: UInt64
    }

    static func using<T>(_ group: MultiThreadedEventLoopGroup, _ body: (MultiThreadedEventLoopGroup) async throws -> T) async throws -> T {
        do {
            let result = try await body(group)
            try await group.shutdownGracefully()
            return result
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    @Test("every loop's thread runs with the short slice, other threads keep the default")
    func loopsAskForShortSlice() async throws {
        let slices = try await Self.using(ServerEventLoops.make(count: 3, logger: Logger(label: "test"))) { group in
            var slices: [UInt64?] = []
            for loop in group.makeIterator() {
                slices.append(try await loop.submit { ServerEventLoops.currentTimeSliceNanoseconds() }.get())
            }
            return slices
        }
        #expect(slices == Array(repeating: ServerEventLoops.timeSliceNanoseconds, count: 3))
        let defaultSlice = try await Self.using(MultiThreadedEventLoopGroup(numberOfThreads: 1)) { group in
            try await group.next().submit { ServerEventLoops.currentTimeSliceNanoseconds() }.get()
        }
        #expect(defaultSlice != ServerEventLoops.timeSliceNanoseconds)
    }

    @Test("asking for the slice keeps the thread's nice value (sched_setattr sets both)")
    func niceValueKept() async throws {
        let observed = try await Self.using(MultiThreadedEventLoopGroup(numberOfThreads: 1)) { group in
            try await group.next().submit { () -> Observed in
                // On Linux, PRIO_PROCESS with 0 is the calling thread; raising nice needs no privilege.
                let which = __priority_which_t(PRIO_PROCESS.rawValue)
                guard setpriority(which, 0, 7) == 0 else { return Observed(failure: errno, nice: 0, slice: 0) }
                let failure = humas_request_time_slice(300_000)
                return Observed(failure: failure, nice: getpriority(which, 0), slice: humas_current_time_slice())
            }.get()
        }
        #expect(observed.failure == 0)
        #expect(observed.nice == 7)
        #expect(observed.slice == 300_000)
    }
}
