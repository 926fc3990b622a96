// sched_setattr and sched_getattr have no glibc wrapper before 2.41 (Debian 12 has 2.36), and
// Swift cannot call the variadic syscall(2), hence this file.
#define _GNU_SOURCE
#include "thread_scheduling.h"

#include <errno.h>

#ifdef __linux__
#include <sched.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

// struct sched_attr as in linux/sched/types.h (SCHED_ATTR_SIZE_VER0). Declared here because that
// header clashes with glibc's <sched.h> over struct sched_param.
struct humas_sched_attr {
    uint32_t size;
    uint32_t sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime;
    uint64_t sched_deadline;
    uint64_t sched_period;
};

static int read_attributes(struct humas_sched_attr *attributes) {
    memset(attributes, 0, sizeof *attributes);
    return syscall(SYS_sched_getattr, 0, attributes, sizeof *attributes, 0) == 0 ? 0 : errno;
}

int humas_request_time_slice(uint64_t nanoseconds) {
    struct humas_sched_attr attributes;
    int failure = read_attributes(&attributes);
    if (failure != 0) return failure;
    if (attributes.sched_policy != SCHED_OTHER && attributes.sched_policy != SCHED_BATCH) return EPERM;
    // sched_setattr sets policy, nice and slice together: pass the current policy and nice back.
    attributes.size = sizeof attributes;
    attributes.sched_flags = 0;
    attributes.sched_runtime = nanoseconds;
    return syscall(SYS_sched_setattr, 0, &attributes, 0) == 0 ? 0 : errno;
}

uint64_t humas_current_time_slice(void) {
    struct humas_sched_attr attributes;
    if (read_attributes(&attributes) != 0) return 0;
    return attributes.sched_runtime;
}

#else

int humas_request_time_slice(uint64_t nanoseconds) {
    (void)nanoseconds;
    return ENOSYS;
}

uint64_t humas_current_time_slice(void) { return 0; }

#endif
