// A thread that starts at once. Linux places a new thread on its creator's processor and, when
// the creator keeps running, the new thread waits there for its turn (about 3 ms on this 2-core
// VM, measured with `perf sched timehist`) while the other processor sleeps: the scheduler
// moves it only at the next balancing tick or when the creator blocks. journeyc starts threads
// exactly so that two things run at once (fontconfig's start-up beside argument parsing, a
// second measurer, glyph outlines beside the layout), so a new thread here begins on a processor
// other than the caller's, and then widens its own affinity back to everything the caller may
// use, so it is never pinned. Where there is one processor, or the affinity cannot be read or
// set, it is plain pthread_create.
#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include "CThreads.h"
#include <stdlib.h>
#include <errno.h>
#if defined(__linux__)
#include <sched.h>
#endif

static unsigned long elsewhere;

unsigned long journeyc_threads_started_elsewhere(void) { return __atomic_load_n(&elsewhere, __ATOMIC_RELAXED); }

#if defined(__linux__)
int journeyc_allowed_processors(void) {
    cpu_set_t allowed;
    return sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : 0;
}

int journeyc_use_one_processor(int one) {
    static cpu_set_t before;
    static int saved;
    if (!one) return saved && sched_setaffinity(0, sizeof before, &before) == 0 ? 0 : -1;
    if (sched_getaffinity(0, sizeof before, &before) != 0) return -1;
    saved = 1;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, &before)) continue;
        cpu_set_t first;
        CPU_ZERO(&first);
        CPU_SET(cpu, &first);
        return sched_setaffinity(0, sizeof first, &first);
    }
    return -1;
}

struct journeyc_start {
    void *(*start)(void *);
    void *argument;
    int widen;
    cpu_set_t allowed;
};

static void *journeyc_begin(void *p) {
    struct journeyc_start s = *(struct journeyc_start *)p;
    free(p);
    if (s.widen) sched_setaffinity(0, sizeof s.allowed, &s.allowed);
    return s.start(s.argument);
}

int journeyc_thread_start(pthread_t *thread, void *(*start)(void *), void *argument) {
    struct journeyc_start *s = malloc(sizeof *s);
    if (!s) return ENOMEM;
    s->start = start;
    s->argument = argument;
    s->widen = 0;
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) {
        free(s);
        return pthread_create(thread, NULL, start, argument);
    }
    int here = sched_getcpu();
    if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof s->allowed, &s->allowed) == 0
        && CPU_ISSET(here, &s->allowed) && CPU_COUNT(&s->allowed) > 1) {
        cpu_set_t others = s->allowed;
        CPU_CLR(here, &others);
        s->widen = pthread_attr_setaffinity_np(&attributes, sizeof others, &others) == 0;
    }
    int widen = s->widen;  // the new thread frees s
    int status = pthread_create(thread, &attributes, journeyc_begin, s);
    pthread_attr_destroy(&attributes);
    if (status != 0) {
        free(s);
    } else if (widen) {
        __atomic_add_fetch(&elsewhere, 1, __ATOMIC_RELAXED);
    }
    return status;
}
#else
int journeyc_allowed_processors(void) { return 0; }

int journeyc_use_one_processor(int one) { (void)one; return -1; }

int journeyc_thread_start(pthread_t *thread, void *(*start)(void *), void *argument) {
    return pthread_create(thread, NULL, start, argument);
}
#endif
