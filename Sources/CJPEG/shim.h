// libjpeg (Debian's libjpeg-dev, libjpeg-turbo), for JPEG pictures on a map; CPictureDecoder
// calls it from C, where its longjmp errors can be caught. jpeglib.h needs stdio.h first.
#include <stdio.h>
#include <jpeglib.h>
