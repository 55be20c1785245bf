/* The thread's last error message and the static texts of the codes. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

#include "claimtrack/common.h"

/* Thread-local so that ctypes' errcheck, which runs on the calling thread, reads the
 * message of its own call (docs/errors.md). */
static _Thread_local char last_message[512];

int ct__error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    return code;
}

int ct__enomem(void) { return ct__error(CT_ENOMEM, "out of memory"); }

const char *ct_errmsg(void) { return last_message; }

const char *ct_errstr(int code)
{
    switch (code) {
    case CT_OK: return "no error";
    case CT_ERROR: return "error";
    case CT_ENOMEM: return "out of memory";
    case CT_EINVAL: return "invalid argument or input";
    case CT_ENOTFOUND: return "not found";
    case CT_EEXISTS: return "already exists";
    case CT_EBUSY: return "the store is busy";
    case CT_EREADONLY: return "the store is read-only";
    case CT_ECORRUPT: return "the store is damaged or not a claimtrack database";
    case CT_EFULL: return "the disk or database is full";
    case CT_ITEROVER: return "iteration is over";
    default: return "unknown error code";
    }
}

const char *ct_version(void) { return CT_VERSION_STRING; }
