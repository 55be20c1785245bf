/* A counting allocator for ct_set_allocator(): live bytes, live blocks and the peak of
 * live bytes. Shared by the hostile-input tests and bench_extract; one copy per program
 * (static state), so include it from one file only. */
#ifndef CT_COUNT_ALLOC_H
#define CT_COUNT_ALLOC_H

#include <stddef.h>
#include <stdlib.h>

typedef union {
    size_t size;
    max_align_t align;
} count_header;

static size_t live_bytes, live_blocks, peak_bytes;

static void count_reset(void) { live_bytes = live_blocks = peak_bytes = 0; }

static void *count_malloc(size_t n)
{
    count_header *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->size = n;
    live_bytes += n;
    live_blocks++;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
    return h + 1;
}

static void count_free(void *p)
{
    if (!p)
        return;
    count_header *h = (count_header *)p - 1;
    live_bytes -= h->size;
    live_blocks--;
    free(h);
}

static void *count_realloc(void *p, size_t n)
{
    if (!p)
        return count_malloc(n);
    count_header *h = (count_header *)p - 1;
    size_t old = h->size;
    count_header *g = realloc(h, sizeof *g + n);
    if (!g)
        return NULL;
    g->size = n;
    live_bytes = live_bytes - old + n;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
    return g + 1;
}

#endif
