// libwebp (Debian's libwebp-dev), for WebP pictures on a map (through CPictureDecoder).
#include <webp/decode.h>
