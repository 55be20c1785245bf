/* Internal: quotes, speakers and hedges (attrib.c). */
#ifndef CT_ATTRIB_H
#define CT_ATTRIB_H

#include <stdint.h>
#include <string.h>

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
#define CT_WS_ORGNOUN 0x04000000u  /* "company", "firm": "the company" refers back */
#define CT_WS_DEMONYM 0x08000000u  /* "American", "Chinese": never an entity */

/* The class bits of a WORD token (ASCII case-insensitive); 0 when it is not listed.
 * A read-only table: safe from any thread. */
unsigned ct__word_flags(const char *buf, const ct_token *t);

/* ct__tok_is() of a word w of ASCII small letters and other bytes below 0x80, without
 * a loop or a branch on each byte: the length first (with w a literal, strlen() is folded
 * and so are the choice of loads and w's side of the compare), then at most two
 * overlapping loads within the token. */
static CT_ALWAYS_INLINE bool ct__tok_eq(const char *buf, const ct_token *t, const char *w)
{
    size_t n = strlen(w);
    if (t->len != n)
        return false;
    const unsigned char *s = (const unsigned char *)buf + t->start;
    if (n > 16)
        return ct__tok_is(buf, t, w);
    /* the word's bytes and no more are read (its loads may reach past it) */
    char p[16] = {0};
    memcpy(p, w, n);
    return ct__same_folded(s, p, n);
}

/* A block with the word class bits of each of its tokens, looked up once per block
 * rather than at each of the many tests of a token. The block comes first, so stage
 * functions keep taking a const ct_block * (a pointer to &wb->b is one to wb). */
typedef struct {
    ct_block b;
    const unsigned *wf; /* ct__word_flags() of b.toks[i] */
} ct_wblock;

/* ct__word_flags() of token i of a block that is the b of a ct_wblock. */
static inline unsigned ct__wflags_at(const ct_block *blk, size_t i)
{
    return ((const ct_wblock *)(const void *)blk)->wf[i];
}

/* The same for a token given by its address (a pointer difference: a division). */
static inline unsigned ct__wflags(const ct_block *blk, const ct_token *t)
{
    return ct__wflags_at(blk, (size_t)(t - blk->toks));
}

/* A claim of the current block, with the quantity it came from. */
typedef struct {
    const ct_quantity *q;
    ct_claim *claim; /* speaker*, hedged, hedge_cue to fill (strings in doc->arena) */
    const char *topic; /* set by attribution: the organisation named last before the claim
                        * that is not its speaker ("the company"), or NULL */
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

/* The block last given to ct__attrib_block() with its word classes, for the subject
 * stage; valid until the next call. */
const ct_wblock *ct__attrib_words(const ct_attrib *st);

/* Called once after the last block. A quotation still open there never closed: like any
 * unbalanced mark it is not a quote (it must not swallow the article's end), so this only
 * resets the state for reuse. */
int ct__attrib_finish(ct_attrib *st, ct_doc *doc);

#endif
