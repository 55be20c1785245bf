/* Internal: the structs behind ct_doc, ct_claim and ct_quote. */
#ifndef CT_CLAIM_H
#define CT_CLAIM_H

#include <stdbool.h>

#include "alloc.h"
#include "claimtrack/extract.h"

/* Strings are NUL-terminated and valid UTF-8. Optional ones are NULL when absent. In an
 * extracted document they live in the document's arena; in a stored claim read through
 * an iterator they are borrowed from SQLite; ct_claim_dup() makes a standalone copy. */
struct ct_claim {
    size_t start, end;           /* the expression, qualifier included */
    size_t sent_start, sent_end; /* its sentence */
    const char *text;
    ct_kind kind;
    bool has_low, has_high;
    double low, high;
    char unit[8];
    ct_bound bound;
    ct_direction direction;
    /* attribution (attrib.c) */
    const char *speaker, *speaker_kind, *speaker_role, *speaker_org;
    bool hedged;
    const char *hedge_cue;
    /* subject (subject.c) */
    const char *subject, *entity, *terms;
    /* store only; 0 / NULL in an extracted document */
    int64_t id, doc_id, origin_id;
    const char *file;
};

struct ct_quote {
    size_t start, end; /* the words inside the marks */
    const char *text;
    const char *speaker, *speaker_kind;
};

struct ct_doc {
    ct_arena arena; /* every string below */
    ct_claim *claims;
    size_t nclaims, claims_cap;
    ct_claim *quantities;
    size_t nquantities, quantities_cap;
    ct_quote *quotes;
    size_t nquotes, quotes_cap;
    const char *meta[CT_META_COUNT_];
};

#endif
