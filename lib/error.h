/* Internal: setting the thread's error message. */
#ifndef CT_ERROR_H
#define CT_ERROR_H

#include "claimtrack/errors.h"

#if defined(__GNUC__)
#define CT_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CT_PRINTF(a, b)
#endif

/* Set the thread's message (printf-style) and return code, so that a failure reads
 * `return ct__error(CT_EINVAL, "claim text is not valid UTF-8");` */
int ct__error(int code, const char *fmt, ...) CT_PRINTF(2, 3);

/* ct__error(CT_ENOMEM, "out of memory"). */
int ct__enomem(void);

#endif
