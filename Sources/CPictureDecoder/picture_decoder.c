// See CPictureDecoder.h. Each decoder reads the header first, refuses more than max_pixels
// before allocating, then decodes into straight RGBA rows that one loop premultiplies into
// Cairo's ARGB32. A truncated or corrupt file is an error with the library's own message.
#include "CPictureDecoder.h"

#include <stdio.h>
#include <jpeglib.h>
#include <jerror.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <webp/decode.h>

static void say(struct journeyc_picture *out, const char *message) {
    snprintf(out->error, sizeof out->error, "%s", message);
}

static int size_ok(struct journeyc_picture *out, long width, long height, size_t max_pixels) {
    if (width <= 0 || height <= 0) {
        say(out, "the picture has no pixels");
        return 0;
    }
    out->width = (int)width;
    out->height = (int)height;
    if ((size_t)width > max_pixels / (size_t)height) {
        out->too_many_pixels = 1;
        say(out, "too many pixels");
        return 0;
    }
    return 1;
}

/// Straight RGBA (4 bytes a pixel, `count` pixels) into premultiplied ARGB32, in place.
static void premultiply(uint32_t *pixels, size_t count) {
    uint8_t *p = (uint8_t *)pixels;
    for (size_t i = 0; i < count; i++, p += 4) {
        uint32_t r = p[0], g = p[1], b = p[2], a = p[3];
        if (a != 255) {
            r = (r * a + 127) / 255;
            g = (g * a + 127) / 255;
            b = (b * a + 127) / 255;
        }
        pixels[i] = (a << 24) | (r << 16) | (g << 8) | b;
    }
}

// MARK: PNG

struct png_source {
    const uint8_t *bytes;
    size_t size, at;
};

struct png_failure {
    jmp_buf jump;
    char message[160];
};

static void png_read_bytes(png_structp png, png_bytep data, size_t length) {
    struct png_source *source = png_get_io_ptr(png);
    if (source->size - source->at < length) png_error(png, "the file ends before the picture does");
    memcpy(data, source->bytes + source->at, length);
    source->at += length;
}

static void png_failed(png_structp png, png_const_charp message) {
    struct png_failure *failure = png_get_error_ptr(png);
    snprintf(failure->message, sizeof failure->message, "%s", message);
    longjmp(failure->jump, 1);
}

static void png_warned(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static int decode_png(const uint8_t *bytes, size_t size, size_t max_pixels, struct journeyc_picture *out) {
    struct png_failure failure = {.message = ""};
    struct png_source source = {bytes, size, 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &failure, png_failed, png_warned);
    if (!png) {
        say(out, "out of memory");
        return 1;
    }
    png_infop info = png_create_info_struct(png);
    uint8_t **volatile rows = NULL;
    uint32_t *volatile pixels = NULL;
    if (!info || setjmp(failure.jump)) {
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        free(rows);
        free(pixels);
        say(out, failure.message[0] ? failure.message : "out of memory");
        return 1;
    }
    png_set_read_fn(png, &source, png_read_bytes);
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    if (!size_ok(out, (long)width, (long)height, max_pixels)) {
        png_destroy_read_struct(&png, &info, NULL);
        return 1;
    }
    int type = png_get_color_type(png, info);
    png_set_expand(png);  // palette and low-bit grey to 8 bits, tRNS to alpha
    png_set_strip_16(png);
    if (type == PNG_COLOR_TYPE_GRAY || type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    pixels = malloc((size_t)width * height * 4);
    rows = malloc(sizeof(uint8_t *) * height);
    if (!pixels || !rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = (uint8_t *)pixels + (size_t)y * width * 4;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    premultiply(pixels, (size_t)width * height);
    out->pixels = pixels;
    return 0;
}

// MARK: JPEG

struct jpeg_failure {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    /// libjpeg only warns of a file that ends early (and fills the rest with grey): here it is
    /// a corrupt picture, as a truncated PNG or WebP is.
    int truncated;
};

static void jpeg_failed(j_common_ptr info) {
    struct jpeg_failure *failure = (struct jpeg_failure *)info->err;
    longjmp(failure->jump, 1);
}

static void jpeg_warned(j_common_ptr info, int level) {
    struct jpeg_failure *failure = (struct jpeg_failure *)info->err;
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) failure->truncated = 1;
}

static int decode_jpeg(const uint8_t *bytes, size_t size, size_t max_pixels, struct journeyc_picture *out) {
    struct jpeg_decompress_struct info;
    struct jpeg_failure failure;
    uint32_t *volatile pixels = NULL;
    uint8_t *volatile row = NULL;
    info.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_failed;
    failure.manager.emit_message = jpeg_warned;
    failure.truncated = 0;
    if (setjmp(failure.jump)) {
        char message[JMSG_LENGTH_MAX];
        (*info.err->format_message)((j_common_ptr)&info, message);
        jpeg_destroy_decompress(&info);
        free(pixels);
        free(row);
        say(out, message);
        return 1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    if (!size_ok(out, (long)info.image_width, (long)info.image_height, max_pixels)) {
        jpeg_destroy_decompress(&info);
        return 1;
    }
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    jpeg_start_decompress(&info);
    size_t width = info.output_width, height = info.output_height;
    pixels = malloc(width * height * 4);
    row = cmyk ? malloc(width * 4) : NULL;
    if (!pixels || (cmyk && !row)) {
        jpeg_destroy_decompress(&info);
        free(pixels);
        free(row);
        say(out, "out of memory");
        return 1;
    }
    while (info.output_scanline < height) {
        uint8_t *target = (uint8_t *)pixels + (size_t)info.output_scanline * width * 4;
        JSAMPROW rows[1] = {cmyk ? row : target};
        if (jpeg_read_scanlines(&info, rows, 1) != 1) break;
        if (cmyk) {
            // Adobe's CMYK JPEGs store inverted inks: each channel times K is the colour.
            for (size_t x = 0; x < width; x++) {
                unsigned k = row[x * 4 + 3];
                target[x * 4 + 0] = (uint8_t)(row[x * 4 + 0] * k / 255);
                target[x * 4 + 1] = (uint8_t)(row[x * 4 + 1] * k / 255);
                target[x * 4 + 2] = (uint8_t)(row[x * 4 + 2] * k / 255);
                target[x * 4 + 3] = 255;
            }
        }
    }
    if (!failure.truncated) jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    free(row);
    if (failure.truncated) {
        free(pixels);
        say(out, "the file ends before the picture does");
        return 1;
    }
    premultiply(pixels, width * height);
    out->width = (int)width;
    out->height = (int)height;
    out->pixels = pixels;
    return 0;
}

// MARK: WebP

static int decode_webp(const uint8_t *bytes, size_t size, size_t max_pixels, struct journeyc_picture *out) {
    int width = 0, height = 0;
    if (!WebPGetInfo(bytes, size, &width, &height)) {
        say(out, "not a WebP picture libwebp can read");
        return 1;
    }
    if (!size_ok(out, width, height, max_pixels)) return 1;
    size_t stride = (size_t)width * 4;
    uint32_t *pixels = malloc(stride * height);
    if (!pixels) {
        say(out, "out of memory");
        return 1;
    }
    if (!WebPDecodeRGBAInto(bytes, size, (uint8_t *)pixels, stride * height, (int)stride)) {
        free(pixels);
        say(out, "the WebP data is truncated or corrupt");
        return 1;
    }
    premultiply(pixels, (size_t)width * height);
    out->pixels = pixels;
    return 0;
}

int journeyc_picture_decode(const uint8_t *bytes, size_t size, int format, size_t max_pixels,
                            struct journeyc_picture *out) {
    memset(out, 0, sizeof *out);
    if (max_pixels == 0) max_pixels = 1;
    switch (format) {
    case JOURNEYC_PICTURE_PNG: return decode_png(bytes, size, max_pixels, out);
    case JOURNEYC_PICTURE_JPEG: return decode_jpeg(bytes, size, max_pixels, out);
    case JOURNEYC_PICTURE_WEBP: return decode_webp(bytes, size, max_pixels, out);
    default:
        say(out, "not a picture format journeyc reads");
        return 1;
    }
}

void journeyc_picture_free(struct journeyc_picture *picture) {
    free(picture->pixels);
    picture->pixels = NULL;
}
