/* Internal: how two claims relate (compare.c). Pure functions over ct_claim values; the
 * store (store.c) finds candidate pairs through its indexes and asks these. */
#ifndef CT_COMPARE_H
#define CT_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
 * text. Values are in the common unit of the claim's unit class (see
 * ct__claim_match_key): durations and ages in days, everything else as stored. A claim
 * with no value on either side (a date) comes back open on both sides. */
typedef struct {
    bool has_lo, has_hi; /* false: open on that side */
    double lo, hi;
} ct_interval;

void ct__claim_interval(const ct_claim *c, ct_interval *out);

/* The key under which the store indexes a claim for candidate search: claims can only
 * relate when their keys are equal. Written into key (NUL-terminated, truncated to cap):
 * "<kind>|<unit class>|<entity, case-folded>", e.g. "money|USD|deepseek",
 * "ratio|x-less|deepseek", "duration|time|deepseek", "percent|pp|". Money in different
 * currencies gets different keys (there is no conversion: a rate the text gives is not
 * used yet). Ratios carry their direction. Durations and ages share the unit class "time"
 * (values in days). The entity is NFKC-case-folded (marks stripped, as ct__text_fold
 * does), with white space collapsed, a possessive "'s" and a leading "the" dropped, and
 * cut to CT_COMPARE_ENTITY_MAX bytes; claims without an entity end in "|". A buffer of
 * CT_COMPARE_KEY_MAX bytes holds any key; a smaller one gets it truncated (at a UTF-8
 * boundary), and truncated keys may wrongly compare equal. */
#define CT_COMPARE_KEY_MAX 256
#define CT_COMPARE_ENTITY_MAX 200
void ct__claim_match_key(const ct_claim *c, char *key, size_t cap);

/* Relate two claims of different documents. Returns the type; *score in [0, 1] says how
 * sure (shared terms, closeness of values); reason gets one line in words, e.g.
 * "both say under $6 million for DeepSeek's cost" (NUL-terminated, truncated to cap).
 * score and reason may be NULL. Claims relate only when their match keys are equal and
 * their subjects match: the terms (else the subject phrase), without the entity's own
 * words and words of time or direction ("year earlier", "higher"), lightly stemmed, with
 * synonyms merged (spend/expenditure/cost, GPU/chip/hardware), must share half of the
 * smaller set -- and, with no entity, two words and two thirds. A claim without a subject
 * relates to nothing. Claims of one document (equal non-zero doc_id) or one stored claim
 * (equal non-zero id) never relate. Relations ignore time: two yearly figures for one
 * subject and entity contradict. */
ct_rel_type ct__compare_claims(const ct_claim *a, const ct_claim *b, double *score,
                               char *reason, size_t reason_cap);

const char *ct__rel_type_name(ct_rel_type type); /* "corroborates", "contradicts", "none" */

/* ---- provenance ---------------------------------------------------------------------- */

/* The origin of a claim: who it traces back to, so that "4 reports, 1 origin (DeepSeek)"
 * can be told apart from 4 independent sources. Written into key (NUL-terminated,
 * truncated to cap): the speaker case-folded with white space collapsed, a possessive
 * "'s" and a leading "the" dropped ("DeepSeek" -> "deepseek"); for a speaker of kind
 * "document" its organisation when known. Empty ("") when the claim has no traceable
 * origin: the outlet's own reporting (no speaker) and anonymous groups ("experts",
 * "analysts"; without a speaker kind, a speaker written in lower case), which are
 * never the same origin across documents. Claims with equal non-empty keys share an
 * origin. A buffer of CT_COMPARE_KEY_MAX bytes holds any origin key. */
void ct__claim_origin_key(const ct_claim *c, char *key, size_t cap);

/* A document's signature, to find documents derived from others (copies, and rewrites
 * such as seed 003 of seed 002): a bottom-k sketch (k = 128) of the text's word
 * 3-shingles, for copies, and its first 128 distinct anchors in order -- capitalised
 * words inside a sentence, and numbers -- which a rewrite keeps, mostly in order, while
 * changing the wording. Built from the text alone (about 1.5 KB as a BLOB), so it can be
 * stored with the document and compared later without the text.
 * Create with ct__doc_sig_new() or ct__doc_sig_from_blob(), compare with
 * ct__doc_sig_similarity(), store with ct__doc_sig_to_blob(), free with
 * ct__doc_sig_free(). Immutable once built; safe to share between threads. */
typedef struct ct_doc_sig ct_doc_sig;

/* Build the signature of text[0..len) (UTF-8; invalid bytes are read as separators).
 * Returns CT_OK, CT_EINVAL (NULL arguments) or CT_ENOMEM; on failure *out is NULL.
 * Owned by the caller; free with ct__doc_sig_free(). */
int ct__doc_sig_new(ct_doc_sig **out, const char *text, size_t len);
void ct__doc_sig_free(ct_doc_sig *sig); /* NULL is a no-op */

/* Serialise for a BLOB column: a versioned, byte-order independent encoding.
 * @param[out] out      the bytes; owned by the caller, free with ct__free()
 * @param[out] len_out  their number
 * Returns CT_OK, CT_EINVAL or CT_ENOMEM. */
int ct__doc_sig_to_blob(const ct_doc_sig *sig, unsigned char **out, size_t *len_out);

/* Read a signature back. Returns CT_OK, CT_EINVAL (NULL arguments, or bytes that are not
 * a signature of this version: the caller should rebuild it from the text) or
 * CT_ENOMEM. Owned by the caller; free with ct__doc_sig_free(). */
int ct__doc_sig_from_blob(ct_doc_sig **out, const unsigned char *blob, size_t len);

/* How much one document is a copy or rewrite of the other, in [0, 1]; symmetric: the
 * larger of the share of one text's 3-shingles the other holds (copies) and a score of
 * shared anchors in the same order (rewrites). 1 for identical texts. Measured: seeds
 * 002~003 (a rewrite) 0.61, the other seed pairs (four outlets on one story) 0.18-0.35;
 * BBC business vs tech articles at most 0.31. Follow-up stories of one outlet on one
 * event, which reuse its paragraphs and cast, can pass the threshold. 0 when either is
 * NULL or has too little text to tell (under 30 words and 8 anchors). */
double ct__doc_sig_similarity(const ct_doc_sig *a, const ct_doc_sig *b);

/* Two documents are derived one from the other when their similarity is at least this. */
#define CT_DOC_DERIVED_THRESHOLD 0.5

/* Which of two derived documents is the original: the one published earlier, when both
 * dates are known and differ; otherwise the one ingested earlier (the smaller ingest
 * order, e.g. the store's document id). Dates are ISO 8601 strings ("2025-01-27",
 * "2025-01-27T10:00:00Z"; compared on their first 10 characters) or NULL/"" when
 * unknown. Returns -1 when a is the original, 1 when b is, 0 when nothing tells them
 * apart (same date and the same ingest order). */
int ct__doc_original_cmp(const char *a_published, int64_t a_ingest_order,
                         const char *b_published, int64_t b_ingest_order);

#endif
