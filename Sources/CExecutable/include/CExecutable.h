// Which program is running: the linker's build id of the executable, for `journeyc build`'s
// manifest key (a different journeyc, a different key); the process's malloc settings; and
// Pango's font matching kept on the thread that asks (pango_threads.c).
#ifndef CEXECUTABLE_H
#define CEXECUTABLE_H

#include <stddef.h>
#include <stdint.h>

/// Copies the GNU build id of the running executable (the note the linker writes, a hash of
/// the linked program) into `out`; returns its length, or 0 when there is none (not ELF, or
/// linked without one) or it is longer than `capacity`.
size_t journeyc_executable_build_id(uint8_t *out, size_t capacity);

/// The git commit journeyc was built from, as `make` wrote it into build_commit.h
/// (`JOURNEYC_COMMIT`, 40 hex digits, `-modified` after them when tracked files differed from
/// it); "" when it was built without make or from a source tree without git.
const char *journeyc_build_commit(void);

/// Has the heap grow `bytes` at a time (glibc's M_TOP_PAD; nothing elsewhere).
void journeyc_set_heap_growth(size_t bytes);

/// How many of Pango's font-matching jobs ran on the thread that asked for them instead of on
/// threads of their own (pango_threads.c); 0 where that is not done.
unsigned long journeyc_pango_jobs_run_inline(void);

#endif
