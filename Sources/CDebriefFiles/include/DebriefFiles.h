#ifndef DEBRIEF_FILES_H
#define DEBRIEF_FILES_H
// File-system calls Swift's Glibc module does not expose (glibc declares them only under
// _GNU_SOURCE), in C so the store can publish a file in one atomic step.

/// Renames `from` to `to` unless `to` exists, in one system call: `renameat2` with
/// `RENAME_NOREPLACE` on Linux, `renamex_np` with `RENAME_EXCL` on macOS. Returns 0, or -1 with
/// `errno` set: EEXIST when `to` exists; EINVAL, ENOSYS or ENOTSUP when the kernel or the file
/// system cannot do it (the caller then falls back to link and unlink).
///
/// Why not link then unlink: a process killed between the two leaves the hidden temporary file
/// as a second name of the entry, which then reads as a hard-linked entry that debrief refuses to
/// write (the kill storm found it in CI).
int debrief_rename_noreplace(const char *from, const char *to);

#endif
