#define _GNU_SOURCE
#include "DebriefFiles.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

const void *debrief_find_bytes(const void *haystack, size_t haystack_count, const void *needle, size_t needle_count) {
    const unsigned char *h = haystack, *n = needle;
    if (needle_count == 0) return h;
    if (haystack_count < needle_count) return NULL;
    if (needle_count == 1) return memchr(h, n[0], haystack_count);
#if defined(__SSE2__)
    if (n[0] >= 0x80) {
        // A byte folded text seldom holds (U+FFFD's first, a letter's beyond ASCII): memchr
        // skips to each copy faster than testing every place.
        const unsigned char *at = h, *end = h + haystack_count - needle_count + 1;
        while ((at = memchr(at, n[0], (size_t)(end - at))) != NULL) {
            if (memcmp(at + 1, n + 1, needle_count - 1) == 0) return at;
            at++;
        }
        return NULL;
    }
    // Sixteen places at a time: where the needle's first byte and its last byte (needle_count - 1
    // further on) both match, the bytes between are compared.
    const __m128i first = _mm_set1_epi8((char)n[0]), last = _mm_set1_epi8((char)n[needle_count - 1]);
    size_t i = 0;
    for (; i + needle_count - 1 + 16 <= haystack_count; i += 16) {
        __m128i starts = _mm_loadu_si128((const __m128i *)(h + i));
        __m128i ends = _mm_loadu_si128((const __m128i *)(h + i + needle_count - 1));
        unsigned both = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(starts, first), _mm_cmpeq_epi8(ends, last)));
        while (both) {
            unsigned at = (unsigned)__builtin_ctz(both);
            if (memcmp(h + i + at + 1, n + 1, needle_count - 2) == 0) return h + i + at;
            both &= both - 1;
        }
    }
    for (; i + needle_count <= haystack_count; i++) {
        if (h[i] == n[0] && h[i + needle_count - 1] == n[needle_count - 1] && memcmp(h + i + 1, n + 1, needle_count - 2) == 0) return h + i;
    }
    return NULL;
#else
    return memmem(h, haystack_count, n, needle_count);
#endif
}
