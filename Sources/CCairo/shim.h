// The C APIs journeyc draws with: Cairo (surfaces for SVG, PNG, PDF) and Pango on Cairo,
// with fontconfig underneath (the measurer gives Pango a configuration of its own).
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
