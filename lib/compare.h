/* Internal: how two claims relate (compare.c). Pure functions over ct_claim values; the
 * store (store.c) finds candidate pairs through its indexes and asks these. */
#ifndef CT_COMPARE_H
#define CT_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "claim.h"

typedef enum {
    CT_REL_NONE = 0,     /* the claims are about different things, or not comparable */
    CT_REL_CORROBORATES, /* same subject and entity, intervals share more than a point */
    CT_REL_CONTRADICTS   /* same subject and entity, the values cannot both be true */
} ct_rel_type;

/* The interval of values a reported number stands for (GUIDE.md "Relations"): its
 * rounding (a round number +- one unit of its last non-zero digit, at most 10%; a number
 * exact to the unit or finer +- half its last unit), widened to at least +-10% by
 * approx, open on the side of an upper/lower bound. Reads the claim's value, bound and
 * text. */
typedef struct {
    bool has_lo, has_hi; /* false: open on that side */
    double lo, hi;
} ct_interval;

void ct__claim_interval(const ct_claim *c, ct_interval *out);

/* The key under which the store indexes a claim for candidate search: claims can only
 * relate when their keys are equal. Written into key (NUL-terminated, truncated to cap):
 * "<kind>|<unit class>|<entity, case-folded>", e.g. "money|USD|deepseek",
 * "ratio|x|deepseek". Money in different currencies gets different keys. */
void ct__claim_match_key(const ct_claim *c, char *key, size_t cap);

/* Relate two claims of different documents. Returns the type; *score in [0, 1] says how
 * sure (shared terms, closeness of values); reason gets one line in words, e.g.
 * "both say under $6 million for DeepSeek's cost" (NUL-terminated, truncated to cap). */
ct_rel_type ct__compare_claims(const ct_claim *a, const ct_claim *b, double *score,
                               char *reason, size_t reason_cap);

const char *ct__rel_type_name(ct_rel_type type); /* "corroborates", "contradicts", "none" */

#endif
