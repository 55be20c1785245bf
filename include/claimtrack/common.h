/* claimtrack — claim provenance for news text. Common definitions. */
#ifndef CLAIMTRACK_COMMON_H
#define CLAIMTRACK_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* CT_API marks the exported symbols. Define CT_STATIC when linking the static library. */
#if defined(CT_STATIC)
#define CT_API
#elif defined(_WIN32)
#if defined(CT_BUILDING)
#define CT_API __declspec(dllexport)
#else
#define CT_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define CT_API __attribute__((visibility("default")))
#else
#define CT_API
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define CT_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define CT_WARN_UNUSED
#endif

#define CT_VERSION_MAJOR 0
#define CT_VERSION_MINOR 1
#define CT_VERSION_PATCH 0
#define CT_VERSION_STRING "0.1.0"

/** The library's version as "MAJOR.MINOR.PATCH". Static; never NULL. */
CT_API const char *ct_version(void);

/** Free a string or buffer that the library allocated (JSON output, copies).
 * NULL is a no-op. */
CT_API void ct_free(void *ptr);

/** Route every allocation the library makes through these functions.
 * Call it before any other ct_ function, from one thread; pass NULLs to restore the C
 * library's malloc/realloc/free. SQLite, jansson and utf8proc keep their own allocators.
 * @return CT_OK, or CT_EINVAL when only some of the three are given. */
CT_API CT_WARN_UNUSED int ct_set_allocator(void *(*malloc_fn)(size_t),
                                           void *(*realloc_fn)(void *, size_t),
                                           void (*free_fn)(void *));

#ifdef __cplusplus
}
#endif

#endif
