#ifndef DEBRIEF_CNCURSESW_SHIM_H
#define DEBRIEF_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's _XOPEN_SOURCE define, without which the wide-character API
// (get_wch, mvaddnwstr, wint_t) is hidden.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Attribute macros do not import into Swift ("structure not supported"); expose them as values.
static const int debrief_A_NORMAL = A_NORMAL;
static const int debrief_A_BOLD = A_BOLD;
static const int debrief_A_REVERSE = A_REVERSE;
static const int debrief_A_UNDERLINE = A_UNDERLINE;
static const int debrief_A_DIM = A_DIM;

// Swift 6 rejects the C globals (stdscr, COLORS, stdout) as not concurrency-safe; reach them
// through functions.
static inline int debrief_colors(void) { return COLORS; }
static inline int debrief_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline WINDOW *debrief_stdscr(void) { return stdscr; }

/// newterm on the process's stdout/stdin; returns NULL (instead of exiting like initscr) for an
/// unknown terminal type.
static inline SCREEN *debrief_newterm(const char *term) { return newterm(term, stdout, stdin); }

/// Sets attributes and colour pair in one call (wattr_set is a macro in some builds).
static inline int debrief_set_attributes(WINDOW *win, int attributes, int pair) {
    return wattr_set(win, (attr_t)attributes, (short)pair, NULL);
}

/// A terminfo string capability, or NULL when the terminal lacks it (tigetstr's (char *)-1 for
/// "not a string capability" included). Used to precompute the bytes a crash writes to restore
/// the terminal, because a signal handler may not call into curses.
static inline const char *debrief_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}
#endif
