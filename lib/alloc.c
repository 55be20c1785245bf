/* The allocation hook, the arena and vector growth. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>

#include "claimtrack/common.h"
#include "claimtrack/errors.h"
#include "error.h"

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;

int ct_set_allocator(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                     void (*free_fn)(void *))
{
    if (!malloc_fn && !realloc_fn && !free_fn) {
        hook_malloc = malloc;
        hook_realloc = realloc;
        hook_free = free;
        return CT_OK;
    }
    if (!malloc_fn || !realloc_fn || !free_fn)
        return ct__error(CT_EINVAL, "ct_set_allocator: give all three functions, or none");
    hook_malloc = malloc_fn;
    hook_realloc = realloc_fn;
    hook_free = free_fn;
    return CT_OK;
}

void *ct__malloc(size_t size) { return hook_malloc(size ? size : 1); }

void *ct__calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = ct__malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *ct__realloc(void *ptr, size_t size) { return hook_realloc(ptr, size ? size : 1); }

void ct__free(void *ptr)
{
    if (ptr)
        hook_free(ptr);
}

void ct_free(void *ptr) { ct__free(ptr); }

char *ct__strndup(const char *s, size_t n)
{
    char *p = ct__malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *ct__strdup(const char *s) { return ct__strndup(s, strlen(s)); }

struct ct_arena_chunk {
    ct_arena_chunk *next;
    max_align_t data[];
};

#define CHUNK_SIZE 8192

void *ct__arena_alloc_slow(ct_arena *arena, size_t size)
{
    if (size == 0 && arena->head) /* the head has room for nothing */
        return arena->cur;
    size_t want = size > CHUNK_SIZE ? size : CHUNK_SIZE;
    ct_arena_chunk *c = ct__malloc(sizeof *c + want);
    if (!c)
        return NULL;
    /* a big one-off block goes behind the head so the head keeps its free space */
    if (arena->head && want > CHUNK_SIZE) {
        c->next = arena->head->next;
        arena->head->next = c;
        return c->data;
    }
    c->next = arena->head;
    arena->head = c;
    arena->cur = (char *)c->data + size;
    arena->avail = want - size;
    return c->data;
}

char *ct__arena_strndup(ct_arena *arena, const char *s, size_t n)
{
    char *p = ct__arena_alloc(arena, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void ct__arena_free(ct_arena *arena)
{
    ct_arena_chunk *c = arena->head;
    while (c) {
        ct_arena_chunk *next = c->next;
        ct__free(c);
        c = next;
    }
    arena->head = NULL;
    arena->cur = NULL;
    arena->avail = 0;
}

int ct__grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem_size)
            return -1;
        n *= 2;
    }
    void *p = ct__realloc(*items, n * elem_size);
    if (!p)
        return -1;
    *items = p;
    *cap = n;
    return 0;
}
