#ifndef DEBRIEF_CNCURSESW_SHIM_H
#define DEBRIEF_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's _XOPEN_SOURCE define, without which the wide-character API
// (get_wch, mvaddnwstr, wint_t) is hidden.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <pthread.h>
#include <signal.h>
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

// MARK: - Signals
//
// The handlers only do async-signal-safe work. State is kept in static variables, so every
// function below must be called from ONE Swift file (each Swift file that uses a static inline
// function gets its own copy of the statics in debug builds).

static volatile sig_atomic_t debrief_pending_signal = 0;
static volatile sig_atomic_t debrief_screen_active = 0;

static void debrief_record_signal(int sig) { debrief_pending_signal = sig; }

/// Restores the terminal on a crash (trap, segfault, abort) and dies of the same signal, so a
/// Swift runtime trap does not leave the user in the alternate screen with echo off.
static void debrief_crash_handler(int sig) {
    if (debrief_screen_active) {
        static const char paste_off[] = "\033[?2004l";
        (void)!write(STDOUT_FILENO, paste_off, sizeof paste_off - 1);
        endwin();
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/// Returns and clears the last termination signal received (0 if none).
static inline int debrief_take_pending_signal(void) {
    int sig = debrief_pending_signal;
    debrief_pending_signal = 0;
    return sig;
}

static inline void debrief_set_screen_active(int active) { debrief_screen_active = active; }

/// SIGTERM/SIGHUP/SIGINT set a flag the event loop reports; crash signals restore and re-raise.
/// No SA_RESTART, so a blocking read returns early and the flag is seen at once.
static inline void debrief_install_signal_handlers(void) {
    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = debrief_record_signal;
    sigemptyset(&quit.sa_mask);
    sigaction(SIGTERM, &quit, NULL);
    sigaction(SIGHUP, &quit, NULL);
    sigaction(SIGINT, &quit, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = debrief_crash_handler;
    crash.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&crash.sa_mask);
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &crash, NULL);

    // A parent may hand down a blocked signal mask (threads of a test runner do, and tmux passes
    // it on). Blocked, SIGTERM and SIGHUP would never reach the handlers above, and a program whose
    // terminal is gone could never be told to stop.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGINT);
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaddset(&wanted, crashes[i]);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

/// While a child (the user's $EDITOR) owns the terminal, Ctrl-C and Ctrl-\ are for the child:
/// ignore them here, as system(3) does.
static inline void debrief_ignore_interactive_signals(int ignore) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = ignore ? SIG_IGN : debrief_record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    if (ignore) signal(SIGQUIT, SIG_IGN); else signal(SIGQUIT, SIG_DFL);
}

/// Resets a signal to its default action, unblocks it and raises it, so the process exits
/// with the conventional status (128 + n).
static inline void debrief_reraise(int sig) {
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}
#endif
