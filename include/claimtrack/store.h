/* claimtrack — the claim store (SQLite). Filled in by the store issue. */
#ifndef CLAIMTRACK_STORE_H
#define CLAIMTRACK_STORE_H

#include "common.h"
#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ct_store ct_store; /* an open claim database; opaque */

#ifdef __cplusplus
}
#endif

#endif
