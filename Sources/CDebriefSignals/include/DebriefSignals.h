#ifndef DEBRIEF_SIGNALS_H
#define DEBRIEF_SIGNALS_H
// Signal handling for the full-screen terminal, in C because handlers may only do
// async-signal-safe work, and in a .c file of its own so that its state exists once in the
// process. (A `static` variable in an imported header gets one copy per Swift object file that
// inlines its wrappers: in a release build the handler then set a copy the event loop never read.)
#include <stddef.h>

/// Saves the terminal's modes on `fd` (`tcgetattr`) before the screen changes them; the crash
/// path puts them back with `tcsetattr`. Returns 0 on success, -1 when `fd` is not a terminal.
int debrief_signals_save_terminal(int fd);

/// Copies the bytes that give the terminal back (attributes off, cursor visible, keypad off,
/// alternate screen off, bracketed paste off), precomputed from terminfo while it is safe to ask,
/// because a crash handler may not call into curses. At most 255 bytes are kept.
void debrief_signals_set_reset_bytes(const char *bytes, size_t length);

/// Installs the handlers, remembering the actions they replace: SIGTERM, SIGHUP and SIGINT set
/// the pending signal the event loop reports (no SA_RESTART, so a blocked read returns early);
/// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE restore the terminal (reset bytes and
/// saved modes, never endwin) and die of the same signal. Unblocks all of them, since a parent may
/// hand down a blocked mask. Marks the screen active.
void debrief_signals_install(void);

/// Puts back the actions `debrief_signals_install` replaced and marks the screen inactive.
/// Called when the screen closes. Does nothing if nothing is installed.
void debrief_signals_restore(void);

/// The termination signal received since the last call (0 if none), cleared.
int debrief_signals_take_pending(void);

/// The termination signal received and not yet taken (0 if none), left pending for the event
/// loop: a wait for a child (the editor) looks at it to pass the signal on.
int debrief_signals_peek_pending(void);

/// Whether a crash must restore the terminal (0 while a child such as $EDITOR owns it).
void debrief_signals_set_screen_active(int active);

/// While a child owns the terminal, SIGINT and SIGQUIT are for it: ignore them here as
/// system(3) does (1), or take SIGINT back and give SIGQUIT its previous action (0).
void debrief_signals_child_owns_terminal(int owns);

/// Adds to `actions` that the spawned child makes its process group the foreground group of the
/// terminal `fd` before it starts (glibc's posix_spawn_file_actions_addtcsetpgrp_np, 2.35 and
/// later, declared only for _GNU_SOURCE, which Swift's Glibc module does not set). Returns 0 on
/// success, an errno value otherwise (ENOSYS where the C library lacks it).
int debrief_spawn_add_foreground(void *actions, int fd);

/// Resets `sig` to its default action, unblocks it and raises it, so the process ends with the
/// conventional status (128 + sig); returns only if the signal did not end the process.
void debrief_signals_reraise(int sig);

#endif
