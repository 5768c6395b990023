// The PNG writer over libpng: Cairo's premultiplied ARGB32 rows become straight RGB or RGBA
// rows; libpng filters each row with "Up" and zlib compresses at the level asked for. A journey
// map is mostly flat colour, so that one filter gives nearly the size of libpng's adaptive
// filtering in a fraction of the time. No time or text chunks: the bytes depend only on the pixels.
#include "CPNGWriter.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

struct journeyc_png {
    png_structp png;
    png_infop info;
    uint32_t width;
    int alpha;
    uint8_t *row;     // one converted row
    uint8_t *bytes;   // the file so far
    size_t count, capacity;
    int failed;       // out of memory while collecting bytes
};

static void collect(png_structp png, png_bytep data, size_t length) {
    struct journeyc_png *p = png_get_io_ptr(png);
    if (p->failed) return;
    if (p->count + length > p->capacity) {
        size_t capacity = p->capacity ? p->capacity : 1 << 16;
        while (capacity < p->count + length) capacity *= 2;
        uint8_t *grown = realloc(p->bytes, capacity);
        if (!grown) {
            p->failed = 1;
            png_error(png, "out of memory");
        }
        p->bytes = grown;
        p->capacity = capacity;
    }
    memcpy(p->bytes + p->count, data, length);
    p->count += length;
}

static void flush(png_structp png) { (void)png; }

// Warnings are not errors: libpng goes on, and so do we.
static void warn(png_structp png, png_const_charp message) { (void)png; (void)message; }

journeyc_png *journeyc_png_start(uint32_t width, uint32_t height, int alpha, int level) {
    struct journeyc_png *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->width = width;
    p->alpha = alpha;
    p->row = malloc((size_t)width * (alpha ? 4 : 3));
    p->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, warn);
    if (!p->row || !p->png || !(p->info = png_create_info_struct(p->png))) {
        journeyc_png_free(p);
        return NULL;
    }
    if (setjmp(png_jmpbuf(p->png))) {
        journeyc_png_free(p);
        return NULL;
    }
    // The widest map is 32,767 pixels (Exporter's limit), above libpng's default 1,000,000 rows.
    png_set_user_limits(p->png, 0x7fffffff, 0x7fffffff);
    png_set_write_fn(p->png, p, collect, flush);
    png_set_filter(p->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(p->png, level);
    png_set_compression_buffer_size(p->png, 1 << 16);
    png_set_IHDR(p->png, p->info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(p->png, p->info);
    return p;
}

int journeyc_png_write_rows(journeyc_png *p, const uint8_t *pixels, size_t stride, uint32_t rows) {
    if (setjmp(png_jmpbuf(p->png))) return -1;
    for (uint32_t y = 0; y < rows; y++) {
        const uint32_t *in = (const uint32_t *)(pixels + y * stride);
        uint8_t *out = p->row;
        for (uint32_t x = 0; x < p->width; x++) {
            // A native-endian word: alpha in the top byte, then red, green, blue.
            uint32_t v = in[x];
            uint8_t a = v >> 24, r = v >> 16, g = v >> 8, b = v;
            if (p->alpha) {
                if (a == 0) {
                    r = g = b = 0;
                } else if (a != 255) {
                    // Undo the premultiplication, rounding to nearest (as Cairo's own writer does).
                    r = (uint8_t)((r * 255 + a / 2) / a);
                    g = (uint8_t)((g * 255 + a / 2) / a);
                    b = (uint8_t)((b * 255 + a / 2) / a);
                }
                out[0] = r; out[1] = g; out[2] = b; out[3] = a;
                out += 4;
            } else {
                out[0] = r; out[1] = g; out[2] = b;
                out += 3;
            }
        }
        png_write_row(p->png, p->row);
    }
    return 0;
}

int journeyc_png_finish(journeyc_png *p) {
    if (setjmp(png_jmpbuf(p->png))) return -1;
    png_write_end(p->png, NULL);
    return p->failed ? -1 : 0;
}

const uint8_t *journeyc_png_bytes(const journeyc_png *p, size_t *count) {
    *count = p->count;
    return p->bytes;
}

void journeyc_png_free(journeyc_png *p) {
    if (!p) return;
    if (p->png) png_destroy_write_struct(&p->png, p->info ? &p->info : NULL);
    free(p->row);
    free(p->bytes);
    free(p);
}
