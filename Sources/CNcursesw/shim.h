#ifndef DEBRIEF_CNCURSESW_SHIM_H
#define DEBRIEF_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's _XOPEN_SOURCE define, without which the wide-character API
// (get_wch, mvaddnwstr, wint_t) is hidden.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

// Attribute macros do not import into Swift ("structure not supported"); expose them as values.
static const int debrief_A_NORMAL = A_NORMAL;
static const int debrief_A_BOLD = A_BOLD;
static const int debrief_A_REVERSE = A_REVERSE;
static const int debrief_A_UNDERLINE = A_UNDERLINE;
static const int debrief_A_DIM = A_DIM;

// Swift 6 rejects the C globals (stdscr, COLORS) as not concurrency-safe; read them through functions.
static inline int debrief_colors(void) { return COLORS; }
static inline int debrief_color_pair(int n) { return (int)COLOR_PAIR(n); }
#endif
