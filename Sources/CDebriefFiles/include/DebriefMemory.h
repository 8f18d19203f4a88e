#ifndef DEBRIEF_MEMORY_H
#define DEBRIEF_MEMORY_H
// The allocator's settings Swift's Glibc module does not expose (glibc declares `mallopt` in
// <malloc.h>, which the module leaves out).

/// Makes every thread allocate from one malloc arena from now on (glibc's `M_ARENA_MAX`; nothing
/// elsewhere). For the full-screen session, whose screens each read the journal on threads of
/// their own: memory freed by one read stays with the arenas of the threads that used it, so the
/// next screen's read, landing on other arenas, grew the process beside it. The people screen
/// opened from home at 100,000 entries peaked at 242-252 MB (home's read left 128 MB resident);
/// with one arena it reuses what home's read freed. Returns 1 when set, 0 when not (not glibc).
int debrief_malloc_one_arena(void);

#endif
