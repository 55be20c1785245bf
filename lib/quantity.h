/* Internal: numeric expressions -> normalised values (quantity.c). See DESIGN.md's value
 * table and shared/eval/GUIDE.md. */
#ifndef CT_QUANTITY_H
#define CT_QUANTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "segment.h"

/* Why a recognised quantity is not a claim (GUIDE.md "optional" and "not claims"). */
#define CT_QF_VAGUE 0x01u        /* "billions", "a billion dollars" in a hypothetical */
#define CT_QF_HYPOTHETICAL 0x02u /* "if there were only two countries" */
#define CT_QF_SOURCING 0x04u     /* "two people familiar with the matter" */
#define CT_QF_TITLE 0x08u        /* "No. 2 official", "the 45th president" */
#define CT_QF_TALLY 0x10u        /* vote tallies "97-1", scores */
#define CT_QF_IDIOM 0x20u /* "one of ...", "if there is one thing", "a year or two" */
#define CT_QF_NOT_CLAIM 0x3Fu

typedef struct {
    size_t start, end;           /* bytes: the whole expression, qualifier included */
    uint32_t tok_first, tok_end; /* its tokens [tok_first, tok_end) in the block */
    uint32_t sent;               /* index of its sentence in the block */
    ct_kind kind;
    bool has_low, has_high;
    double low, high;
    char unit[8]; /* "USD", "%", "pp", "x", "count", "rank", "year", ... or "" */
    ct_bound bound;
    ct_direction direction;
    uint32_t flags; /* CT_QF_* */
} ct_quantity;

typedef struct {
    ct_quantity *items;
    size_t n, cap;
} ct_quantity_vec;

/* Append the quantities of sentence blk->sents[sent] to *out, in text order. Numbers
 * inside names (R1, A100, 01.AI, Qihoo 360, COP29, 36Kr, 9/11, Route 66, H.R. 1) are
 * skipped; dates come back as CT_KIND_DATE. Returns CT_OK or CT_ENOMEM. */
int ct__quantity_scan(const ct_block *blk, uint32_t sent, ct_quantity_vec *out);

void ct__quantity_vec_free(ct_quantity_vec *v);

/* For the tests: NULL when the built-in word table is sorted and consistent, else the
 * first word out of place. */
const char *ct__quantity_lexicon_check(void);

#endif
