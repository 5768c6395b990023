// Threads that start at once: see threads.c.
#ifndef CTHREADS_H
#define CTHREADS_H

#include <pthread.h>

/// pthread_create with default attributes, except that the new thread begins on another
/// processor than the calling thread's when the process may use more than one; once running,
/// it may use every processor the caller may. Returns pthread_create's status.
int journeyc_thread_start(pthread_t *thread, void *(*start)(void *), void *argument);

/// How many threads journeyc_thread_start began elsewhere than on the caller's processor.
unsigned long journeyc_threads_started_elsewhere(void);

/// How many processors the calling thread may run on (0 when that cannot be read).
int journeyc_allowed_processors(void);

/// With `one` non-zero, keeps the calling thread — and the processes it starts from then on,
/// which inherit it — to the first processor it may use; with `one` zero, gives back the
/// processors it had before. Returns 0, or -1 when the affinity cannot be changed
/// (`make bench` measures "one core" with it).
int journeyc_use_one_processor(int one);

#endif
