#ifndef HUMAS_THREAD_SCHEDULING_H
#define HUMAS_THREAD_SCHEDULING_H
#include <stdint.h>

/// Asks the kernel to give the calling thread time slices of `nanoseconds` (Linux 6.12+: the
/// custom slice of SCHED_OTHER, sched_attr.sched_runtime), keeping its policy and nice value.
/// Returns 0, or an errno value: ENOSYS off Linux, EPERM for a thread that is not SCHED_OTHER or
/// SCHED_BATCH (real-time or idle threads are left alone). Kernels before 6.12 accept and ignore it.
int humas_request_time_slice(uint64_t nanoseconds);

/// The calling thread's time slice in nanoseconds as the kernel reports it, or 0 where it does
/// not (kernels before 6.12, other systems).
uint64_t humas_current_time_slice(void);

#endif
