// Process start-up for journeyc, in C so that it can run before the Swift runtime: most of a
// small map's drawing time is fixed costs, and fontconfig's start-up (reading its configuration,
// a few milliseconds) is the longest of them. See FontStartup in FamilyFonts.swift.
#pragma once

/// Starts fontconfig (FcInit) on a second thread; later calls do nothing.
void journeyc_font_startup_begin(void);

/// Waits until a start-up begun by journeyc_font_startup_begin has finished (at once if none).
void journeyc_font_startup_wait(void);

/// Whether the journeyc command line `argv` (without the program name) lays text out, to draw
/// or to dump a scene. A wrong guess costs nothing but the second thread's time.
int journeyc_measures_text(int argc, const char *const *argv);
