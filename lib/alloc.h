/* Internal: the library's one allocation hook, a bump arena and a growable vector. */
#ifndef CT_ALLOC_H
#define CT_ALLOC_H

#include <stddef.h>
#include <string.h>

/* Every allocation of the library goes through these, so ct_set_allocator() and the
 * allocation-failure tests see all of them. */
void *ct__malloc(size_t size);
void *ct__calloc(size_t n, size_t size);
void *ct__realloc(void *ptr, size_t size);
void ct__free(void *ptr);
char *ct__strndup(const char *s, size_t n);
char *ct__strdup(const char *s);

/* Arena: many small strings with one lifetime (a document's). Freed at once. A zeroed
 * ct_arena is an empty one. */
typedef struct ct_arena_chunk ct_arena_chunk;
typedef struct {
    ct_arena_chunk *head;
    char *cur;    /* the head chunk's free bytes: cur[0..avail) */
    size_t avail;
} ct_arena;

/* ct__arena_alloc() when the head chunk has no room (size rounded up already). */
void *ct__arena_alloc_slow(ct_arena *arena, size_t size);

/* size bytes, aligned for any type. Inline: the arena's common case is a bump of cur. */
static inline void *ct__arena_alloc(ct_arena *arena, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (size - 1 < arena->avail) { /* 0 < size <= avail */
        void *p = arena->cur;
        arena->cur += size;
        arena->avail -= size;
        return p;
    }
    return ct__arena_alloc_slow(arena, size);
}
/* A NUL-terminated copy of s[0..n) in the arena; NULL on allocation failure. */
char *ct__arena_strndup(ct_arena *arena, const char *s, size_t n);
void ct__arena_free(ct_arena *arena);

/* Grow *items (of *cap elements of elem_size bytes) to hold at least need elements.
 * Returns 0, or -1 when out of memory (the old array is kept). */
int ct__grow(void **items, size_t *cap, size_t need, size_t elem_size);

/* ct__grow() when the room is short: the test inline, as most calls find room. */
static inline int ct__grow_if(void **items, size_t *cap, size_t need, size_t elem_size)
{
    return need <= *cap ? 0 : ct__grow(items, cap, need, elem_size);
}

#define CT_GROW(arr, cap, need) ct__grow_if((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
