#include "CStartup.h"

#include <ctype.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t thread;
static enum { NOT_STARTED, RUNNING, FINISHED } state = NOT_STARTED;

static void *initialize(void *unused) {
    (void)unused;
    FcInit();
    return NULL;
}

void journeyc_font_startup_begin(void) {
    pthread_mutex_lock(&lock);
    if (state == NOT_STARTED && pthread_create(&thread, NULL, initialize, NULL) == 0) state = RUNNING;
    pthread_mutex_unlock(&lock);
}

void journeyc_font_startup_wait(void) {
    pthread_mutex_lock(&lock);
    if (state == RUNNING) {
        pthread_join(thread, NULL);
        state = FINISHED;  // never joined again, never started again
    }
    pthread_mutex_unlock(&lock);
}

static int equal(const char *a, const char *b) { return strcmp(a, b) == 0; }
static int has_prefix(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

static int has_html_suffix(const char *s) {
    size_t n = strlen(s);
    if (n < 5) return 0;
    const char *end = s + n - 5;
    for (int i = 0; i < 5; i++)
        if (tolower((unsigned char)end[i]) != ".html"[i]) return 0;
    return 1;
}

int journeyc_measures_text(int argc, const char *const *argv) {
    if (argc < 1) return 0;
    const char *first = argv[0];
    if (equal(first, "diff")) {
        for (int i = 1; i < argc; i++)
            if (equal(argv[i], "-o") || has_prefix(argv[i], "--output")) return 1;
        return 0;
    }
    if (equal(first, "report")) {
        for (int i = 1; i < argc; i++)
            if (has_prefix(argv[i], "--chart") || equal(argv[i], "html") || has_html_suffix(argv[i])) return 1;
        return 0;
    }
    static const char *const silent[] = {"check", "dump-ast", "fmt", "export", "import", "help", "--help", "-h", "--version"};
    for (size_t i = 0; i < sizeof silent / sizeof *silent; i++)
        if (equal(first, silent[i])) return 0;
    return 1;
}

// Runs before the Swift runtime starts (glibc passes main's arguments to constructors), about
// half a millisecond before main, in the journeyc program only: the libraries' other users
// (tests, the benchmark) start fontconfig when they need it.
__attribute__((constructor(101)))
static void start_fonts_early(int argc, char **argv) {
    if (argc < 1 || argv == NULL || argv[0] == NULL) return;
    const char *slash = strrchr(argv[0], '/');
    if (!equal(slash ? slash + 1 : argv[0], "journeyc")) return;
    if (journeyc_measures_text(argc - 1, (const char *const *)argv + 1)) journeyc_font_startup_begin();
}
