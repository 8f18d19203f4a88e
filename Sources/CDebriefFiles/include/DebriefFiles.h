#ifndef DEBRIEF_FILES_H
#define DEBRIEF_FILES_H

#include <stddef.h>
// Calls Swift's Glibc module does not expose (glibc declares them only under _GNU_SOURCE): in C
// so the store can publish a file in one atomic step, and search bytes as glibc does.
// (The allocator's, for the full-screen session, are in DebriefMemory.h.)

/// Renames `from` to `to` unless `to` exists, in one system call: `renameat2` with
/// `RENAME_NOREPLACE` on Linux, `renamex_np` with `RENAME_EXCL` on macOS. Returns 0, or -1 with
/// `errno` set: EEXIST when `to` exists; EINVAL, ENOSYS or ENOTSUP when the kernel or the file
/// system cannot do it (the caller then falls back to link and unlink).
///
/// Why not link then unlink: a process killed between the two leaves the hidden temporary file
/// as a second name of the entry, which then reads as a hard-linked entry that debrief refuses to
/// write (the kill storm found it in CI).
int debrief_rename_noreplace(const char *from, const char *to);

/// The first place `needle`'s `needle_count` bytes occur in `haystack`'s `haystack_count`, or
/// NULL (`haystack` for an empty needle). On x86-64, sixteen places at a time with SSE2: those
/// where both the needle's first and last bytes match are compared; a needle whose first byte is
/// not ASCII, which folded text seldom holds, is found by `memchr` to each copy of that byte (the
/// test for U+FFFD in every matching text). Where SSE2 is missing, `memmem`. Every substring test on folded text goes through here: a query against an entry,
/// `debrief_contains` over the index's 18 MB of search text at 10,000 entries, a file name's
/// conflict marker. Stopping at each copy of the first byte (`memchr` then `memcmp`) was 53 M
/// instructions of `list --search rike` there (an `r` is every sixteenth byte); glibc's
/// `memmem`, a byte at a time, 76 M.
const void *debrief_find_bytes(const void *haystack, size_t haystack_count, const void *needle, size_t needle_count);

#endif
