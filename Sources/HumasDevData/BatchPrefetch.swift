import Dispatch

/// Makes a batch on another thread while the caller loads the previous one, so the Swift side
/// of a load (making rows) and PostgreSQL's (inserting them) overlap on a machine's two cores.
struct BatchPrefetch<Batch: Sendable>: Sendable {
    /// Written once on the making thread before `ready` is signalled, read only after waiting on it.
    private final class Slot: @unchecked Sendable {
        var batch: Batch?
    }

    private let slot = Slot()
    private let ready = DispatchSemaphore(value: 0)

    /// Starts making the batch at once.
    init(_ make: @escaping @Sendable () -> Batch) {
        let slot = slot, ready = ready
        DispatchQueue.global().async {
            slot.batch = make()
            ready.signal()
        }
    }

    /// The batch, waiting for it if it is still being made. Call once.
    func wait() -> Batch {
        ready.wait()
        return slot.batch!
    }
}
