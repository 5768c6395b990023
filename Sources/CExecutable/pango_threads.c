// Pango 1.50 starts two threads for every font pattern it has not met (pangofc-fontmap.c,
// pango_fc_patterns_new: "[pango] FcFontSetMatch" and "[pango] FcFontSetSort"), so that a
// program with a user interface can go on while fontconfig matches; the thread that asked then
// waits for both results before it shapes a single glyph. journeyc asks for a font only to
// measure or draw text with it at once, about twenty patterns a map (sizes, weights, styles, on
// each of the two measuring threads): forty threads started, switched to and torn down, about
// 4 ms of CPU time in a 40 ms run. This file defines g_thread_new in the executable, which the
// dynamic linker finds before GLib's (the executable exports its symbols), and runs those two
// matching jobs on the calling thread, as a synchronous fontconfig match would; every other
// thread is started by GLib's own g_thread_new. The jobs do the same fontconfig calls with the
// same data either way, so what is drawn does not change (the goldens and the byte-identical
// comparisons of docs/performance.md say so). A Pango that names its threads otherwise, or a
// platform without ELF symbol interposition, keeps GLib's behaviour.
#if defined(__linux__)
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>
#include "CExecutable.h"

typedef struct JourneycGThread JourneycGThread;
typedef void *(*JourneycThreadFunc)(void *);
typedef JourneycGThread *(*JourneycThreadNew)(const char *, JourneycThreadFunc, void *);
typedef JourneycGThread *(*JourneycThreadSelf)(void);
typedef JourneycGThread *(*JourneycThreadRef)(JourneycGThread *);

static unsigned long inlined;

static void *next_symbol(void **slot, const char *name) {
    void *f = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (!f) {
        f = dlsym(RTLD_NEXT, name);
        __atomic_store_n(slot, f, __ATOMIC_RELEASE);
    }
    return f;
}

JourneycGThread *g_thread_new(const char *name, JourneycThreadFunc func, void *data) {
    static void *real_new, *thread_self, *thread_ref;
    JourneycThreadSelf self = (JourneycThreadSelf)next_symbol(&thread_self, "g_thread_self");
    JourneycThreadRef ref = (JourneycThreadRef)next_symbol(&thread_ref, "g_thread_ref");
    if (name && self && ref && strncmp(name, "[pango] FcFontSet", 17) == 0) {
        func(data);
        __atomic_add_fetch(&inlined, 1, __ATOMIC_RELAXED);
        // The caller unrefs what it is given: a reference to this thread keeps the count even.
        return ref(self());
    }
    JourneycThreadNew real = (JourneycThreadNew)next_symbol(&real_new, "g_thread_new");
    return real ? real(name, func, data) : 0;
}

unsigned long journeyc_pango_jobs_run_inline(void) { return __atomic_load_n(&inlined, __ATOMIC_RELAXED); }
#else
#include "CExecutable.h"
unsigned long journeyc_pango_jobs_run_inline(void) { return 0; }
#endif
