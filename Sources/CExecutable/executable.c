// The running executable's GNU build id, read from its program headers in memory
// (dl_iterate_phdr: no file is opened). In C because Swift's Glibc module leaves out <link.h>.
#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include "CExecutable.h"

// Written by `make` (the version-header target) from `git rev-parse HEAD`, and rewritten only
// when the commit changes; not in git. Without it (a plain `swift build`, a tarball without
// .git) the commit is unknown and `journeyc --version` says so. The commit is text in the
// binary, so the same source still builds the same bytes (reproducible builds), and a new
// commit changes the executable's build id, hence `journeyc build`'s manifest key.
#if __has_include("build_commit.h")
#include "build_commit.h"
#endif
#ifndef JOURNEYC_COMMIT
#define JOURNEYC_COMMIT ""
#endif

const char *journeyc_build_commit(void) { return JOURNEYC_COMMIT; }

#if defined(__linux__)
#include <elf.h>
#include <link.h>
#include <string.h>

struct search {
    uint8_t *out;
    size_t capacity;
    size_t length;
};

static size_t align4(size_t n) { return (n + 3) & ~(size_t)3; }

static int visit(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct search *s = data;
    // The first object listed is the executable itself; stop after it either way.
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE) continue;
        const uint8_t *p = (const uint8_t *)(info->dlpi_addr + ph->p_vaddr);
        size_t left = ph->p_memsz;
        while (left >= sizeof(ElfW(Nhdr))) {
            const ElfW(Nhdr) *note = (const ElfW(Nhdr) *)p;
            size_t total = sizeof(ElfW(Nhdr)) + align4(note->n_namesz) + align4(note->n_descsz);
            if (total > left) break;
            const char *name = (const char *)(p + sizeof(ElfW(Nhdr)));
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && memcmp(name, "GNU", 4) == 0) {
                if (note->n_descsz > 0 && note->n_descsz <= s->capacity) {
                    memcpy(s->out, p + sizeof(ElfW(Nhdr)) + align4(note->n_namesz), note->n_descsz);
                    s->length = note->n_descsz;
                }
                return 1;
            }
            p += total;
            left -= total;
        }
    }
    return 1;
}

size_t journeyc_executable_build_id(uint8_t *out, size_t capacity) {
    struct search s = {out, capacity, 0};
    dl_iterate_phdr(visit, &s);
    return s.length;
}
#else
size_t journeyc_executable_build_id(uint8_t *out, size_t capacity) {
    (void)out;
    (void)capacity;
    return 0;
}
#endif

#if defined(__GLIBC__)
#include <malloc.h>
void journeyc_set_heap_growth(size_t bytes) { mallopt(M_TOP_PAD, (int)bytes); }
#else
void journeyc_set_heap_growth(size_t bytes) { (void)bytes; }
#endif
