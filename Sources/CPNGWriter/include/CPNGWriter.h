// CPNGWriter: Cairo image rows → PNG bytes in memory, through libpng. A thin C layer because
// libpng reports errors with longjmp, which only C can catch (setjmp in each call below).
#ifndef CPNGWRITER_H
#define CPNGWRITER_H

#include <stddef.h>
#include <stdint.h>

typedef struct journeyc_png journeyc_png;

/// Starts a PNG of `width` × `height` pixels, 8 bits per channel: RGB when `alpha` is 0, RGBA
/// otherwise. Filter Up on every row and zlib level `level`. NULL when libpng cannot start.
journeyc_png *journeyc_png_start(uint32_t width, uint32_t height, int alpha, int level);

/// Appends `rows` rows of Cairo ARGB32 pixels (native-endian words, premultiplied alpha),
/// `stride` bytes apart. Returns 0, or -1 after a libpng error.
int journeyc_png_write_rows(journeyc_png *png, const uint8_t *pixels, size_t stride, uint32_t rows);

/// Ends the image (every row must have been written). Returns 0, or -1 after an error.
int journeyc_png_finish(journeyc_png *png);

/// The PNG bytes written so far (the whole file after `journeyc_png_finish`).
const uint8_t *journeyc_png_bytes(const journeyc_png *png, size_t *count);

/// Frees everything; `png` may be NULL.
void journeyc_png_free(journeyc_png *png);

#endif
