/* Runs the stages over one document: segment -> quantity -> attribution -> subject. */
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "attrib.h"
#include "claim.h"
#include "error.h"
#include "quantity.h"
#include "segment.h"
#include "subject.h"
#include "text.h"

/* A value beyond double's range ("1e999") has no JSON form and cannot be compared: such
 * a quantity is dropped rather than handed out as infinity. */
static bool finite_value(const ct_quantity *q)
{
    return (!q->has_low || isfinite(q->low)) && (!q->has_high || isfinite(q->high));
}

/* Kinds that can state a claim (GUIDE.md "What is a claim"). */
static bool claim_kind(ct_kind k) { return k >= CT_KIND_MONEY && k <= CT_KIND_RANK; }

/* A cleaned, NUL-terminated copy of buf[start..end) in the document's arena. */
static const char *span_copy(ct_doc *doc, const char *buf, size_t start, size_t end)
{
    return ct__doc_text(doc, buf + start, end - start);
}

static int fill_value(ct_doc *doc, ct_claim *c, const ct_quantity *q, const ct_block *blk)
{
    memset(c, 0, sizeof *c);
    c->start = q->start;
    c->end = q->end;
    c->sent_start = blk->sents[q->sent].start;
    c->sent_end = blk->sents[q->sent].end;
    c->text = span_copy(doc, blk->buf, q->start, q->end);
    if (!c->text)
        return CT_ENOMEM;
    c->kind = q->kind;
    c->has_low = q->has_low;
    c->has_high = q->has_high;
    c->low = q->low;
    c->high = q->high;
    memcpy(c->unit, q->unit, sizeof c->unit);
    c->unit[sizeof c->unit - 1] = '\0';
    c->bound = q->bound;
    c->direction = q->direction;
    return CT_OK;
}

/* Room for need items, and at a document's first ones for about as many as the rest of
 * it will bring (len / per, 64 at most), so that most documents never regrow. */
static size_t first_room(size_t cap, size_t need, size_t len, size_t per)
{
    size_t guess = len / per < 64 ? len / per : 64;
    return cap || guess < need ? need : guess;
}

static int extract_block(ct_doc *doc, const ct_block *blk, ct_attrib *st, ct_quantity_vec *qv,
                         ct_claim_ref **refs, size_t *refs_cap)
{
    qv->n = 0;
    for (uint32_t s = 0; s < blk->nsents; s++) {
        int rc = ct__quantity_scan(blk, s, qv);
        if (rc)
            return rc;
    }
    /* reserve first: refs point into doc->claims for the whole block (most blocks have no
     * quantity and need nothing); the corpus has a quantity in some 290 bytes of text, a
     * claim in some 530 */
    if (qv->n &&
        (CT_GROW(doc->claims, doc->claims_cap,
                 first_room(doc->claims_cap, doc->nclaims + qv->n, blk->len, 512)) ||
         CT_GROW(doc->quantities, doc->quantities_cap,
                 first_room(doc->quantities_cap, doc->nquantities + qv->n, blk->len, 256)) ||
         CT_GROW(*refs, *refs_cap, qv->n)))
        return CT_ENOMEM;
    size_t nrefs = 0;
    for (size_t i = 0; i < qv->n; i++) {
        const ct_quantity *q = &qv->items[i];
        if (q->kind == CT_KIND_NONE || !finite_value(q))
            continue;
        ct_claim *qc = &doc->quantities[doc->nquantities];
        if (fill_value(doc, qc, q, blk))
            return CT_ENOMEM;
        doc->nquantities++;
        uint32_t sflags = blk->sents[q->sent].flags;
        if (!claim_kind(q->kind) || (q->flags & CT_QF_NOT_CLAIM) ||
            (sflags & (CT_SF_METADATA | CT_SF_BOILERPLATE)))
            continue;
        ct_claim *c = &doc->claims[doc->nclaims++];
        *c = *qc;
        (*refs)[nrefs].q = q;
        (*refs)[nrefs].claim = c;
        nrefs++;
    }
    int rc = ct__attrib_block(st, blk, *refs, nrefs, doc);
    if (rc == CT_OK)
        rc = ct__subject_block(ct__attrib_words(st), *refs, nrefs, doc);
    return rc;
}

int ct_extract(ct_doc **out, const char *text, size_t len, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_extract: out is NULL");
    *out = NULL;
    if (!text && len)
        return ct__error(CT_EINVAL, "ct_extract: text is NULL");
    if (flags & ~CT_EXTRACT_REPLACE_INVALID)
        return ct__error(CT_EINVAL, "ct_extract: unknown flags 0x%x",
                         flags & ~CT_EXTRACT_REPLACE_INVALID);
    if (!text)
        text = "";
    size_t bad = 0;
    if (!(flags & CT_EXTRACT_REPLACE_INVALID) && !ct__text_valid(text, len, &bad))
        return ct__error(CT_EINVAL, "invalid UTF-8 at byte %zu", bad);

    ct_doc *doc = ct__calloc(1, sizeof *doc);
    if (!doc)
        return ct__enomem();
    ct_segmenter seg;
    ct__segment_init(&seg, text, len);
    ct_quantity_vec qv = {0};
    ct_claim_ref *refs = NULL;
    size_t refs_cap = 0;
    ct_attrib *st = NULL;
    int rc = ct__attrib_new(&st);
    const ct_block *blk;
    while (rc == CT_OK && (rc = ct__segment_next(&seg, &blk)) == 1)
        rc = extract_block(doc, blk, st, &qv, &refs, &refs_cap);
    if (rc == CT_OK)
        rc = ct__attrib_finish(st, doc);
    for (int m = 0; rc == CT_OK && m < CT_META_COUNT_; m++) {
        if (seg.meta[m].start == seg.meta[m].end)
            continue;
        doc->meta[m] = span_copy(doc, text, seg.meta[m].start, seg.meta[m].end);
        if (!doc->meta[m])
            rc = CT_ENOMEM;
    }
    ct__attrib_free(st);
    ct__free(refs);
    ct__quantity_vec_free(&qv);
    ct__segment_free(&seg);
    if (rc != CT_OK) {
        ct_doc_free(doc);
        return rc == CT_ENOMEM ? ct__enomem() : rc;
    }
    *out = doc;
    return CT_OK;
}
