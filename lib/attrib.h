/* Internal: quotes, speakers and hedges (attrib.c). */
#ifndef CT_ATTRIB_H
#define CT_ATTRIB_H

#include "claim.h"
#include "quantity.h"
#include "segment.h"

/* Word classes shared with the subject stage (the rest of the flags are attribution's). */
#define CT_WS_STOP 0x00100000u     /* never a subject word or key term */
#define CT_WS_AMOUNT 0x00200000u   /* "cost", "raised": the amount is its object */
#define CT_WS_COPULA 0x00400000u   /* "are", "was", "rose": between a subject and its amount */
#define CT_WS_POSSPRON 0x00800000u /* "its", "their" */
#define CT_WS_DET 0x01000000u      /* determiners skipped before a noun phrase */
#define CT_WS_CALENDAR 0x02000000u /* months and weekdays: never an entity */

/* The class bits of a WORD token (ASCII case-insensitive); 0 when it is not listed.
 * A read-only table: safe from any thread. */
unsigned ct__word_flags(const char *buf, const ct_token *t);

/* A claim of the current block, with the quantity it came from. */
typedef struct {
    const ct_quantity *q;
    ct_claim *claim; /* speaker*, hedged, hedge_cue to fill (strings in doc->arena) */
} ct_claim_ref;

/* What attribution carries from block to block: recent speakers for pronouns and later
 * mentions, a quote still open at the end of a paragraph. Opaque. */
typedef struct ct_attrib ct_attrib;

int ct__attrib_new(ct_attrib **out);
void ct__attrib_free(ct_attrib *st);

/* Find the block's quotes (appended to doc->quotes) and fill the speaker and hedge of
 * each claim in refs. Metadata and boilerplate sentences produce no speakers. Returns
 * CT_OK or CT_ENOMEM. */
int ct__attrib_block(ct_attrib *st, const ct_block *blk, ct_claim_ref *refs, size_t nrefs,
                     ct_doc *doc);

/* Called once after the last block: close what is still open. */
int ct__attrib_finish(ct_attrib *st, ct_doc *doc);

#endif
