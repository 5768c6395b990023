// Pictures on a map decoded by Debian's libraries: PNG (libpng), JPEG (libjpeg-turbo) and WebP
// (libwebp), into Cairo's pixel format (premultiplied ARGB32 in native byte order, rows of
// width * 4 bytes). The libraries' errors (longjmp for libpng and libjpeg) end here as a
// message; nothing is decoded by hand.
#ifndef JOURNEYC_PICTURE_DECODER_H
#define JOURNEYC_PICTURE_DECODER_H

#include <stddef.h>
#include <stdint.h>

enum journeyc_picture_format {
    JOURNEYC_PICTURE_PNG = 1,
    JOURNEYC_PICTURE_JPEG = 2,
    JOURNEYC_PICTURE_WEBP = 3,
};

struct journeyc_picture {
    int width;
    int height;
    /// width * height pixels; free with journeyc_picture_free.
    uint32_t *pixels;
    /// Why decoding failed (empty when it did not).
    char error[200];
    /// 1: the picture has more pixels than the limit (width and height are set, pixels is NULL).
    int too_many_pixels;
};

/// Decodes `size` bytes of `format`. Returns 0 on success; else fills `error` (and sets
/// `too_many_pixels` when the header gives more than `max_pixels` pixels: nothing is decoded).
int journeyc_picture_decode(const uint8_t *bytes, size_t size, int format, size_t max_pixels,
                            struct journeyc_picture *out);

void journeyc_picture_free(struct journeyc_picture *picture);

#endif
