#define _GNU_SOURCE
#include "DebriefFiles.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int debrief_rename_noreplace(const char *from, const char *to) {
#if defined(__linux__)
#  ifdef RENAME_NOREPLACE
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#  else
    errno = ENOSYS;
    return -1;
#  endif
#elif defined(__APPLE__)
    return renamex_np(from, to, RENAME_EXCL);
#else
    errno = ENOSYS;
    return -1;
#endif
}
