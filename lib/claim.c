/* Getters of ct_doc, ct_claim and ct_quote, and the enums' names. */
#include "claim.h"

#include <string.h>

#include "alloc.h"
#include "text.h"

char *ct__doc_text(ct_doc *doc, const char *s, size_t n)
{
    char *dst = ct__arena_alloc(&doc->arena, n + 1);
    if (!dst)
        return NULL;
    /* most spans of news text are clean already: a copy skips the decoding */
    if (ct__text_copy_clean(dst, s, n))
        dst[n] = '\0';
    else
        ct__text_clean(dst, n + 1, s, n);
    return dst;
}

void ct_doc_free(ct_doc *doc)
{
    if (!doc)
        return;
    ct__free(doc->claims);
    ct__free(doc->quantities);
    ct__free(doc->quotes);
    ct__arena_free(&doc->arena);
    ct__free(doc);
}

size_t ct_doc_claim_count(const ct_doc *doc) { return doc ? doc->nclaims : 0; }

const ct_claim *ct_doc_claim(const ct_doc *doc, size_t i)
{
    return doc && i < doc->nclaims ? &doc->claims[i] : NULL;
}

size_t ct_doc_quantity_count(const ct_doc *doc) { return doc ? doc->nquantities : 0; }

const ct_claim *ct_doc_quantity(const ct_doc *doc, size_t i)
{
    return doc && i < doc->nquantities ? &doc->quantities[i] : NULL;
}

size_t ct_doc_quote_count(const ct_doc *doc) { return doc ? doc->nquotes : 0; }

const ct_quote *ct_doc_quote(const ct_doc *doc, size_t i)
{
    return doc && i < doc->nquotes ? &doc->quotes[i] : NULL;
}

const char *ct_doc_meta(const ct_doc *doc, ct_meta field)
{
    if (!doc || (unsigned)field >= CT_META_COUNT_)
        return NULL;
    return doc->meta[field];
}

size_t ct_claim_start(const ct_claim *c) { return c ? c->start : 0; }
size_t ct_claim_end(const ct_claim *c) { return c ? c->end : 0; }
const char *ct_claim_text(const ct_claim *c) { return c && c->text ? c->text : ""; }
ct_kind ct_claim_kind(const ct_claim *c) { return c ? c->kind : CT_KIND_NONE; }
int ct_claim_has_low(const ct_claim *c) { return c && c->has_low; }
double ct_claim_low(const ct_claim *c) { return c && c->has_low ? c->low : 0.0; }
int ct_claim_has_high(const ct_claim *c) { return c && c->has_high; }
double ct_claim_high(const ct_claim *c) { return c && c->has_high ? c->high : 0.0; }
const char *ct_claim_unit(const ct_claim *c) { return c ? c->unit : ""; }
ct_bound ct_claim_bound(const ct_claim *c) { return c ? c->bound : CT_BOUND_EXACT; }
ct_direction ct_claim_direction(const ct_claim *c) { return c ? c->direction : CT_DIR_NONE; }
size_t ct_claim_sentence_start(const ct_claim *c) { return c ? c->sent_start : 0; }
size_t ct_claim_sentence_end(const ct_claim *c) { return c ? c->sent_end : 0; }
const char *ct_claim_speaker(const ct_claim *c) { return c ? c->speaker : NULL; }
const char *ct_claim_speaker_kind(const ct_claim *c) { return c ? c->speaker_kind : NULL; }
const char *ct_claim_speaker_role(const ct_claim *c) { return c ? c->speaker_role : NULL; }
const char *ct_claim_speaker_org(const ct_claim *c) { return c ? c->speaker_org : NULL; }
int ct_claim_hedged(const ct_claim *c) { return c && c->hedged; }
const char *ct_claim_hedge_cue(const ct_claim *c) { return c ? c->hedge_cue : NULL; }
const char *ct_claim_subject(const ct_claim *c) { return c ? c->subject : NULL; }
const char *ct_claim_entity(const ct_claim *c) { return c ? c->entity : NULL; }
const char *ct_claim_terms(const ct_claim *c) { return c && c->terms ? c->terms : ""; }

size_t ct_quote_start(const ct_quote *q) { return q ? q->start : 0; }
size_t ct_quote_end(const ct_quote *q) { return q ? q->end : 0; }
const char *ct_quote_text(const ct_quote *q) { return q && q->text ? q->text : ""; }
const char *ct_quote_speaker(const ct_quote *q) { return q ? q->speaker : NULL; }
const char *ct_quote_speaker_kind(const ct_quote *q) { return q ? q->speaker_kind : NULL; }

const char *ct_kind_name(ct_kind kind)
{
    switch (kind) {
    case CT_KIND_MONEY: return "money";
    case CT_KIND_PERCENT: return "percent";
    case CT_KIND_RATIO: return "ratio";
    case CT_KIND_COUNT: return "count";
    case CT_KIND_DURATION: return "duration";
    case CT_KIND_AGE: return "age";
    case CT_KIND_RANK: return "rank";
    case CT_KIND_DATE: return "date";
    case CT_KIND_NUMBER: return "number";
    default: return "none";
    }
}

const char *ct_bound_name(ct_bound bound)
{
    switch (bound) {
    case CT_BOUND_APPROX: return "approx";
    case CT_BOUND_UPPER: return "upper";
    case CT_BOUND_LOWER: return "lower";
    case CT_BOUND_RANGE: return "range";
    default: return "exact";
    }
}

const char *ct_direction_name(ct_direction dir)
{
    switch (dir) {
    case CT_DIR_LESS: return "less";
    case CT_DIR_MORE: return "more";
    default: return NULL;
    }
}
