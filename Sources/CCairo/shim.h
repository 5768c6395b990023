// The C APIs journeyc draws with: Cairo (surfaces for SVG, PNG, PDF) and Pango on Cairo.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <cairo-ft.h>
