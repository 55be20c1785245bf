/* Internal: quotes, speakers and hedges (attrib.c). */
#ifndef CT_ATTRIB_H
#define CT_ATTRIB_H

#include "claim.h"
#include "quantity.h"
#include "segment.h"

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
