/* claimtrack — error codes and messages. See docs/errors.md. */
#ifndef CLAIMTRACK_ERRORS_H
#define CLAIMTRACK_ERRORS_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Every fallible function returns CT_OK (0) or one of these negative codes. */
typedef enum {
    CT_OK = 0,
    CT_ERROR = -1,     /* anything not listed below (I/O, internal SQLite errors) */
    CT_ENOMEM = -2,    /* an allocation failed */
    CT_EINVAL = -3,    /* bad argument or malformed input (JSON, UTF-8) */
    CT_ENOTFOUND = -4, /* no such claim, document or file */
    CT_EEXISTS = -5,   /* already there (e.g. the same document ingested again) */
    CT_EBUSY = -6,     /* the store is locked by another process for too long */
    CT_EREADONLY = -7, /* the store cannot be written (read-only file or flag) */
    CT_ECORRUPT = -8,  /* the store file is damaged or not a claimtrack database */
    CT_EFULL = -9,     /* the disk or the database is full */
    CT_ITEROVER = -31  /* not an error: an iteration is finished */
} ct_error_code;

/** The message of the last failing ct_ call on this thread. Never NULL ("" when there
 * was none). Borrowed; valid until the next failing ct_ call on this thread. */
CT_API const char *ct_errmsg(void);

/** A static description of an error code ("out of memory"). Never NULL. */
CT_API const char *ct_errstr(int code);

#ifdef __cplusplus
}
#endif

#endif
