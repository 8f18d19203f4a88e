#define _GNU_SOURCE
#include "DebriefSignals.h"

#include <errno.h>
#include <pthread.h>
#include <spawn.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Defined once, here: every caller in the process reads and writes these same variables.
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t screen_active = 0;
static volatile sig_atomic_t installed = 0;

static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes = 0;
static int saved_modes_fd = -1;

static char reset_bytes[256];
static volatile sig_atomic_t reset_length = 0;

static const int quit_signals[] = { SIGTERM, SIGHUP, SIGINT };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
#define QUIT_COUNT (sizeof quit_signals / sizeof quit_signals[0])
#define CRASH_COUNT (sizeof crash_signals / sizeof crash_signals[0])

static struct sigaction previous_quit[QUIT_COUNT];
static struct sigaction previous_crash[CRASH_COUNT];
static struct sigaction previous_sigquit;

int debrief_signals_save_terminal(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_modes_fd = fd;
    have_saved_modes = 1;
    return 0;
}

void debrief_signals_set_reset_bytes(const char *bytes, size_t length) {
    if (length >= sizeof reset_bytes) length = sizeof reset_bytes - 1;
    reset_length = 0;
    memcpy(reset_bytes, bytes, length);
    reset_length = (sig_atomic_t)length;
}

static void record_signal(int sig) { pending_signal = sig; }

/// Async-signal-safe: write(2), tcsetattr(3), signal(2) and raise(3) only.
static void crash_handler(int sig) {
    if (screen_active) {
        if (reset_length > 0) (void)!write(STDOUT_FILENO, reset_bytes, (size_t)reset_length);
        if (have_saved_modes) (void)tcsetattr(saved_modes_fd, TCSANOW, &saved_modes);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void debrief_signals_install(void) {
    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = record_signal;
    sigemptyset(&quit.sa_mask);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = crash_handler;
    crash.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&crash.sa_mask);

    sigset_t wanted;
    sigemptyset(&wanted);
    for (size_t i = 0; i < QUIT_COUNT; i++) {
        sigaction(quit_signals[i], &quit, installed ? NULL : &previous_quit[i]);
        sigaddset(&wanted, quit_signals[i]);
    }
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        sigaction(crash_signals[i], &crash, installed ? NULL : &previous_crash[i]);
        sigaddset(&wanted, crash_signals[i]);
    }
    if (!installed) sigaction(SIGQUIT, NULL, &previous_sigquit);
    installed = 1;
    screen_active = 1;
    // A parent may hand down a blocked signal mask (threads of a test runner do, and tmux passes
    // it on). Blocked, SIGTERM and SIGHUP would never reach the handlers, and a program whose
    // terminal is gone could never be told to stop.
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

void debrief_signals_restore(void) {
    screen_active = 0;
    if (!installed) return;
    for (size_t i = 0; i < QUIT_COUNT; i++) sigaction(quit_signals[i], &previous_quit[i], NULL);
    for (size_t i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &previous_crash[i], NULL);
    sigaction(SIGQUIT, &previous_sigquit, NULL);
    installed = 0;
}

int debrief_signals_take_pending(void) {
    int sig = pending_signal;
    pending_signal = 0;
    return sig;
}

int debrief_signals_peek_pending(void) { return pending_signal; }

void debrief_signals_set_screen_active(int active) { screen_active = active ? 1 : 0; }

void debrief_signals_child_owns_terminal(int owns) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = owns ? SIG_IGN : record_signal;
    sigaction(SIGINT, &action, NULL);
    if (owns) {
        struct sigaction ignore;
        memset(&ignore, 0, sizeof ignore);
        sigemptyset(&ignore.sa_mask);
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGQUIT, &ignore, NULL);
    } else {
        sigaction(SIGQUIT, &previous_sigquit, NULL);
    }
    screen_active = owns ? 0 : 1;
}

void debrief_signals_reraise(int sig) {
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

int debrief_spawn_add_foreground(void *actions, int fd) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
    return posix_spawn_file_actions_addtcsetpgrp_np((posix_spawn_file_actions_t *)actions, fd);
#else
    (void)actions;
    (void)fd;
    return ENOSYS;
#endif
}
