// libpng (Debian's libpng-dev), for the PNG writer (CPNGWriter wraps it: libpng reports errors
// by longjmp, which Swift code cannot receive).
#include <png.h>
