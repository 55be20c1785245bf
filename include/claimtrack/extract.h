/* claimtrack — extracting claims, quantities and quotes from one document.
 *
 * Create a document with ct_extract(), read it with the ct_doc_* and ct_claim_* getters,
 * destroy it with ct_doc_free(). Extraction is pure: no I/O, no global state, and many
 * threads may extract at once.
 *
 *     ct_doc *doc = NULL;
 *     if (ct_extract(&doc, text, len, 0) != CT_OK) {
 *         fprintf(stderr, "claimtrack: %s\n", ct_errmsg());
 *         return 1;
 *     }
 *     for (size_t i = 0; i < ct_doc_claim_count(doc); i++) {
 *         const ct_claim *c = ct_doc_claim(doc, i);
 *         printf("%s\t%s\t%s\n", ct_claim_text(c), ct_kind_name(ct_claim_kind(c)),
 *                ct_claim_speaker(c) ? ct_claim_speaker(c) : "-");
 *     }
 *     ct_doc_free(doc);
 *
 * Every span is a [start, end) pair of byte offsets into the bytes given to ct_extract().
 */
#ifndef CLAIMTRACK_EXTRACT_H
#define CLAIMTRACK_EXTRACT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ct_doc ct_doc;     /* one extracted document; opaque */
typedef struct ct_claim ct_claim; /* one claim or quantity; opaque */
typedef struct ct_quote ct_quote; /* one direct quotation; opaque */

/** What a quantity measures. */
typedef enum {
    CT_KIND_NONE = 0,
    CT_KIND_MONEY,    /* unit: an ISO 4217 code */
    CT_KIND_PERCENT,  /* unit: "%" or "pp" (percentage points) */
    CT_KIND_RATIO,    /* unit: "x"; the value is a factor >= 1, see ct_claim_direction() */
    CT_KIND_COUNT,    /* unit: "count" */
    CT_KIND_DURATION, /* unit: "second" ... "year" */
    CT_KIND_AGE,      /* unit: "year", "month", ... */
    CT_KIND_RANK,     /* unit: "rank" */
    CT_KIND_DATE,     /* recognised so that it is never taken for an amount; no value */
    CT_KIND_NUMBER    /* a bare number with nothing counted (quantities only, never a claim) */
} ct_kind;

/** How the text qualifies the value. */
typedef enum {
    CT_BOUND_EXACT = 0, /* a bare number */
    CT_BOUND_APPROX,    /* about, around, roughly, nearly, an estimated */
    CT_BOUND_UPPER,     /* less than, under, up to, at most: low is open */
    CT_BOUND_LOWER,     /* more than, over, at least, well higher than: high is open */
    CT_BOUND_RANGE      /* 20 to 40, between 3 and 5, 3-5 */
} ct_bound;

/** For ratios: which way the comparison goes. */
typedef enum {
    CT_DIR_NONE = 0,
    CT_DIR_LESS, /* "20 times cheaper", "a tenth of the price" */
    CT_DIR_MORE  /* "three times bigger", "doubled" */
} ct_direction;

/** Document metadata found in the text itself. */
typedef enum {
    CT_META_TITLE = 0,
    CT_META_OUTLET, /* "Source : CNBC news" -> "CNBC", or the URL's site */
    CT_META_URL,
    CT_META_BYLINE,
    CT_META_DATELINE,
    CT_META_COUNT_
} ct_meta;

/* Flags for ct_extract(). */
/* Read invalid UTF-8 as U+FFFD instead of failing. Spans still count the original bytes;
 * strings the library returns show each invalid byte as '?'. */
#define CT_EXTRACT_REPLACE_INVALID 0x1u

/** Extract the claims, quantities and quotes of one document.
 * @param[out] out  the document; free it with ct_doc_free(). NULL on failure.
 * @param text      the article's bytes (UTF-8); need not be NUL-terminated. May contain
 *                  NUL bytes, which count as spaces. Copied as needed: the library keeps
 *                  no pointer to it.
 * @param len       the number of bytes in text
 * @param flags     CT_EXTRACT_* bits, or 0
 * @return CT_OK; CT_EINVAL for NULL arguments, unknown flags or (without
 *         CT_EXTRACT_REPLACE_INVALID) invalid UTF-8, with the byte offset in ct_errmsg();
 *         CT_ENOMEM. */
CT_API CT_WARN_UNUSED int ct_extract(ct_doc **out, const char *text, size_t len,
                                     unsigned flags);

/** Free a document and everything borrowed from it. NULL is a no-op. */
CT_API void ct_doc_free(ct_doc *doc);

/** The claims: quantities that state a checkable fact, with speaker and subject. */
CT_API size_t ct_doc_claim_count(const ct_doc *doc);
/** Borrowed; valid until the document is freed. NULL when i is out of range. */
CT_API const ct_claim *ct_doc_claim(const ct_doc *doc, size_t i);

/** Every numeric expression recognised, claim or not, in text order: dates (CT_KIND_DATE)
 * and bare numbers (CT_KIND_NUMBER) included; numbers inside names (R1, A100, COP29) are
 * not quantities. Speaker and subject are empty on these. */
CT_API size_t ct_doc_quantity_count(const ct_doc *doc);
/** Borrowed; valid until the document is freed. NULL when i is out of range. */
CT_API const ct_claim *ct_doc_quantity(const ct_doc *doc, size_t i);

/** Direct quotations with their speakers, in text order. */
CT_API size_t ct_doc_quote_count(const ct_doc *doc);
/** Borrowed; valid until the document is freed. NULL when i is out of range. */
CT_API const ct_quote *ct_doc_quote(const ct_doc *doc, size_t i);

/** A metadata field the text carries, or NULL. Borrowed; valid until the document is freed. */
CT_API const char *ct_doc_meta(const ct_doc *doc, ct_meta field);

/* Flags for the JSON functions. */
#define CT_JSON_QUANTITIES 0x1u /* ct_doc_to_json: list "quantities" instead of claims/quotes */
#define CT_JSON_PRETTY 0x2u     /* indent the output */

/** The document as the JSON contract of DESIGN.md: {"file": ..., "claims": [...],
 * "quotes": [...], "meta": {...}} (or {"file": ..., "quantities": [...]} with
 * CT_JSON_QUANTITIES), on one line unless CT_JSON_PRETTY.
 * @param[out] out  a NUL-terminated string; free with ct_free().
 * @param file      the "file" member (a path as the user gave it), or NULL to leave it out;
 *                  bytes that are not UTF-8 are written as '?'.
 * @return CT_OK; CT_EINVAL for NULL arguments or unknown flags; CT_ENOMEM. */
CT_API CT_WARN_UNUSED int ct_doc_to_json(char **out, const ct_doc *doc, const char *file,
                                         unsigned flags);

/* ---- claims ---------------------------------------------------------------------- */

/** Byte offsets of the claim's expression, qualifier included ("less than $6 million"). */
CT_API size_t ct_claim_start(const ct_claim *claim);
CT_API size_t ct_claim_end(const ct_claim *claim);
/** The expression's text. Borrowed; valid as long as the claim. Never NULL. */
CT_API const char *ct_claim_text(const ct_claim *claim);
CT_API ct_kind ct_claim_kind(const ct_claim *claim);
/** The interval of values the claim allows, in base units (6e6, not 6 "million").
 * ct_claim_has_low()/ct_claim_has_high() are 0 for an open side, whose value reads 0. */
CT_API int ct_claim_has_low(const ct_claim *claim);
CT_API double ct_claim_low(const ct_claim *claim);
CT_API int ct_claim_has_high(const ct_claim *claim);
CT_API double ct_claim_high(const ct_claim *claim);
/** "USD", "%", "pp", "x", "count", "rank", "month", ...; "" when it has none. Never NULL. */
CT_API const char *ct_claim_unit(const ct_claim *claim);
CT_API ct_bound ct_claim_bound(const ct_claim *claim);
CT_API ct_direction ct_claim_direction(const ct_claim *claim);
/** Byte offsets of the sentence holding the claim. */
CT_API size_t ct_claim_sentence_start(const ct_claim *claim);
CT_API size_t ct_claim_sentence_end(const ct_claim *claim);

/* The strings below are borrowed and valid as long as the claim: for a claim of an
 * extracted document, until ct_doc_free(); for a claim from a store iterator, until the
 * iterator's next call (keep one with ct_claim_dup()). */

/** Who asserts it, or NULL for the outlet's own reporting. */
CT_API const char *ct_claim_speaker(const ct_claim *claim);
/** "person", "organization", "group" (anonymous: "analysts") or "document"; NULL if no speaker. */
CT_API const char *ct_claim_speaker_kind(const ct_claim *claim);
/** The speaker's role ("chief global affairs officer") or NULL. */
CT_API const char *ct_claim_speaker_role(const ct_claim *claim);
/** The speaker's organisation ("OpenAI") or NULL. */
CT_API const char *ct_claim_speaker_org(const ct_claim *claim);
/** 1 when the claim is marked uncertain (may, reportedly, estimated, I think). */
CT_API int ct_claim_hedged(const ct_claim *claim);
/** The word that hedges it ("may"), or NULL. */
CT_API const char *ct_claim_hedge_cue(const ct_claim *claim);
/** What the number measures ("total training cost") or NULL. */
CT_API const char *ct_claim_subject(const ct_claim *claim);
/** Whom it concerns ("DeepSeek") or NULL. */
CT_API const char *ct_claim_entity(const ct_claim *claim);
/** Normalised key terms used for matching, space-separated ("cost train deepseek"), or "". */
CT_API const char *ct_claim_terms(const ct_claim *claim);

/** The claim as one JSON object of the contract, on one line unless CT_JSON_PRETTY.
 * @param[out] out  free with ct_free().
 * @param flags    CT_JSON_PRETTY or 0 (CT_JSON_QUANTITIES is for ct_doc_to_json() only)
 * @return CT_OK; CT_EINVAL for NULL arguments or unknown flags; CT_ENOMEM. */
CT_API CT_WARN_UNUSED int ct_claim_to_json(char **out, const ct_claim *claim, unsigned flags);

/** Static names of the enums as the JSON contract writes them: "money", "upper", "less"
 * (NULL for CT_DIR_NONE). */
CT_API const char *ct_kind_name(ct_kind kind);
CT_API const char *ct_bound_name(ct_bound bound);
CT_API const char *ct_direction_name(ct_direction dir);

/* ---- quotes ---------------------------------------------------------------------- */

/** Byte offsets of the quoted words, without the quote marks. */
CT_API size_t ct_quote_start(const ct_quote *quote);
CT_API size_t ct_quote_end(const ct_quote *quote);
/** The quoted words. Borrowed; valid as long as the quote. Never NULL. */
CT_API const char *ct_quote_text(const ct_quote *quote);
/** Who said it, or NULL when the text does not say. Borrowed. */
CT_API const char *ct_quote_speaker(const ct_quote *quote);
CT_API const char *ct_quote_speaker_kind(const ct_quote *quote);

#ifdef __cplusplus
}
#endif

#endif
