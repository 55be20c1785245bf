/* claimtrack — the claim store (SQLite): documents, claims, relations and origins.
 *
 * Open a store with ct_store_open(), add documents with ct_store_ingest(), read it back
 * through the iterators below, close it with ct_store_close().
 *
 *     ct_store *st = NULL;
 *     ct_claim_iter *it = NULL;
 *     const ct_claim *claim;
 *     int rc = ct_store_open(&st, "claims.db", 0);
 *     if (rc == CT_OK)
 *         rc = ct_claim_iter_new(&it, st, NULL);   // all claims
 *     if (rc == CT_OK)
 *         while ((rc = ct_claim_iter_next(&claim, it)) == CT_OK)
 *             printf("%" PRId64 "\t%s\n", ct_claim_id(claim), ct_claim_text(claim));
 *     if (rc != CT_ITEROVER)
 *         fprintf(stderr, "claimtrack: %s\n", ct_errmsg());
 *     ct_claim_iter_free(it);
 *     ct_store_close(st);
 *
 * Every iterator owns one SQLite statement. Rows are borrowed and valid until the next
 * call of _next or _free on their iterator; keep a claim with ct_claim_dup(). Free the
 * iterators before closing the store. A ct_store belongs to one thread at a time;
 * several processes may ingest into one file at once (each document is one transaction).
 *
 * Every function returning int returns CT_OK or a negative CT_E* code with a message in
 * ct_errmsg(); NULL arguments are CT_EINVAL; any call may fail with CT_ENOMEM, and any
 * call that reads the store with CT_ECORRUPT (a damaged file) or CT_ERROR (an I/O error).
 * The *_to_json functions take CT_JSON_PRETTY or 0 and write a NUL-terminated string
 * the caller frees with ct_free(); unknown flag bits are CT_EINVAL.
 */
#ifndef CLAIMTRACK_STORE_H
#define CLAIMTRACK_STORE_H

#include "common.h"
#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ct_store ct_store;             /* an open claim database; opaque */
typedef struct ct_claim_iter ct_claim_iter;   /* claims matching a filter */
typedef struct ct_relation ct_relation;       /* two claims and how they relate */
typedef struct ct_relation_iter ct_relation_iter;
typedef struct ct_origin ct_origin;           /* claims tracing back to one origin */
typedef struct ct_origin_iter ct_origin_iter;
typedef struct ct_document ct_document;       /* a stored document's metadata */
typedef struct ct_document_iter ct_document_iter;
typedef struct ct_source ct_source;           /* an outlet and its counts */
typedef struct ct_source_iter ct_source_iter;
typedef struct ct_check ct_check;             /* the claims of a pasted text, checked */

/* ---- lifecycle ------------------------------------------------------------------- */

/* Flags for ct_store_open(). */
#define CT_OPEN_READONLY 0x1u /* never write; fail if the file does not exist */
#define CT_OPEN_NOCREATE 0x2u /* fail with CT_ENOTFOUND if the file does not exist */

/** The schema version this library writes (PRAGMA user_version). Older stores are
 * upgraded in place when opened for writing. */
#define CT_STORE_SCHEMA_VERSION 2

/** Open the claim store at `path`, creating it if needed.
 * @param[out] out  the new store; close it with ct_store_close(). NULL on failure.
 * @param path      file name (UTF-8), or ":memory:" for a throwaway store
 * @param flags     CT_OPEN_* bits, or 0
 * @return CT_OK; CT_EINVAL for NULL arguments or unknown flags; CT_ENOTFOUND (no file,
 *         with CT_OPEN_NOCREATE or CT_OPEN_READONLY); CT_ECORRUPT for a file that is not a
 *         claimtrack store or is from a newer version; CT_EREADONLY when an older store
 *         must be upgraded but cannot be written; CT_EBUSY; CT_ENOMEM; CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_store_open(ct_store **out, const char *path, unsigned flags);

/** Close the store. NULL is a no-op. Statements still open are finalised when their
 * iterators are freed. */
CT_API void ct_store_close(ct_store *store);

/** The schema version of the open store (CT_STORE_SCHEMA_VERSION after an upgrade).
 * @return CT_OK, CT_EINVAL or CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_store_schema_version(ct_store *store, int *out);

/* ---- ingesting ------------------------------------------------------------------- */

#define CT_INGEST_META_VERSION 1

/** What the caller knows about a document. Strings are copied; NULL ones are taken from
 * the text itself (a "Source : CNBC" line, a URL line, the title) when it has them. */
typedef struct {
    unsigned version;      /* CT_INGEST_META_VERSION */
    const char *file;      /* the path as the user gave it; spans refer to its bytes */
    const char *source;    /* the outlet ("CNBC"); overrides the text */
    const char *url;       /* overrides the text */
    const char *published; /* a date as given ("2025-01-31"); stored as is */
    const char *title;     /* overrides the text */
} ct_ingest_meta;

#define CT_INGEST_META_INIT {CT_INGEST_META_VERSION, NULL, NULL, NULL, NULL, NULL}

/** Extract one document and store it with its claims, quotes and relations, in one
 * transaction: after a crash the store holds the document entirely or not at all.
 * The same bytes ingested again are a no-op: *was_new_out is 0 and *doc_id_out is the
 * stored document's id.
 * @param text      the document's bytes (UTF-8); copied
 * @param meta      metadata, or NULL
 * @param flags     CT_EXTRACT_* bits (CT_EXTRACT_REPLACE_INVALID), or 0
 * @param[out] doc_id_out  the document's id, or NULL
 * @param[out] was_new_out 1 when the document was added, 0 when it was there; or NULL
 * @return CT_OK; CT_EINVAL (bad arguments, unknown flags, invalid UTF-8); CT_EREADONLY; CT_EBUSY when
 *         another process holds the store for more than 10 s; CT_ENOMEM; CT_EFULL (disk
 *         or database full); CT_ECORRUPT; CT_ERROR (I/O). The store is unchanged on error. */
CT_API CT_WARN_UNUSED int ct_store_ingest(ct_store *store, const char *text, size_t len,
                                          const ct_ingest_meta *meta, unsigned flags,
                                          int64_t *doc_id_out, int *was_new_out);

/** Ingest one JSON Lines record: {"text": ..., "source": ..., "url": ..., "published": ...,
 * "title": ..., "file": ...}; only "text" is required. Members of `meta` that are not
 * NULL override the record's (the command line's --source wins over the file), except
 * meta->file, which names the document only when the record has no "file".
 * @param line     the record's bytes (one line, without its newline)
 * @param line_no  its line number, for messages ("line 3, column 7: ...")
 * @return as ct_store_ingest(); CT_EINVAL for a malformed record. */
CT_API CT_WARN_UNUSED int ct_store_ingest_record(ct_store *store, const char *line, size_t len,
                                                 size_t line_no, const ct_ingest_meta *meta,
                                                 unsigned flags, int64_t *doc_id_out,
                                                 int *was_new_out);

/* ---- claims ---------------------------------------------------------------------- */

#define CT_CLAIM_FILTER_VERSION 1

/** Which claims to list. NULL or 0 members match everything; strings compare without
 * regard to ASCII case. All given members must match. */
typedef struct {
    unsigned version; /* CT_CLAIM_FILTER_VERSION */
    const char *source;  /* the outlet's name */
    const char *speaker; /* part of the speaker's name ("hoffman" finds "Reid Hoffman") */
    ct_kind kind;        /* CT_KIND_NONE: any kind */
    const char *entity;  /* whom the claim concerns */
    const char *search;  /* words that must all occur in the claim's sentence */
    int64_t claim_id;    /* one claim */
    int64_t doc_id;      /* the claims of one document */
    int64_t origin_id;   /* the reports of one origin */
} ct_claim_filter;

#define CT_CLAIM_FILTER_INIT {CT_CLAIM_FILTER_VERSION, NULL, NULL, CT_KIND_NONE, NULL, NULL, 0, 0, 0}

/** Iterate over stored claims, in the order they were stored.
 * @param[out] out  the iterator; free it with ct_claim_iter_free()
 * @param filter    what to list, or NULL for every claim
 * @return CT_OK, CT_EINVAL, CT_ENOMEM or CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_claim_iter_new(ct_claim_iter **out, ct_store *store,
                                            const ct_claim_filter *filter);
/** The next claim. Borrowed; valid until the next call on this iterator.
 * @return CT_OK, CT_ITEROVER at the end, or an error code. */
CT_API CT_WARN_UNUSED int ct_claim_iter_next(const ct_claim **out, ct_claim_iter *it);
/** NULL is a no-op. */
CT_API void ct_claim_iter_free(ct_claim_iter *it);

/** A stored claim's id, and its document's id; 0 for a claim that was not stored. */
CT_API int64_t ct_claim_id(const ct_claim *claim);
CT_API int64_t ct_claim_doc_id(const ct_claim *claim);
/** The origin the claim traces back to (see ct_origin_iter_new()); 0 if not stored. */
CT_API int64_t ct_claim_origin_id(const ct_claim *claim);
/** The file name its document was ingested under, or NULL. Borrowed. */
CT_API const char *ct_claim_file(const ct_claim *claim);

/** Copy a claim (from a document or an iterator) with all its strings.
 * @param[out] out  owned by the caller; free with ct_claim_free(). */
CT_API CT_WARN_UNUSED int ct_claim_dup(ct_claim **out, const ct_claim *claim);
/** Free a copy made by ct_claim_dup(). NULL is a no-op. Never pass a borrowed claim. */
CT_API void ct_claim_free(ct_claim *claim);

/** Everything the store knows about one claim, as one JSON object: {"claim": {...},
 * "sentence": "...", "document": {...}, "origin": {...}, "relations": [...]}.
 * @param[out] out  free with ct_free().
 * @return CT_OK, CT_ENOTFOUND for no such claim, or an error code. */
CT_API CT_WARN_UNUSED int ct_store_claim_to_json(char **out, ct_store *store, int64_t claim_id,
                                                 unsigned flags);

/* ---- relations ------------------------------------------------------------------- */

typedef enum {
    CT_RELATION_ANY = 0,      /* as a filter: both types */
    CT_RELATION_CORROBORATES, /* same subject and entity, the values fit together */
    CT_RELATION_CONTRADICTS   /* same subject and entity, the values cannot both be true */
} ct_relation_type;

/** Iterate over relations between claims of different documents.
 * @param claim_id  0 for all relations; else only this claim's, each with that claim
 *                  as ct_relation_a()
 * @param type      CT_RELATION_ANY or one type
 * @return CT_OK, CT_EINVAL, CT_ENOMEM or CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_relation_iter_new(ct_relation_iter **out, ct_store *store,
                                               int64_t claim_id, ct_relation_type type);
/** Borrowed; valid until the next call on this iterator. CT_ITEROVER at the end. */
CT_API CT_WARN_UNUSED int ct_relation_iter_next(const ct_relation **out,
                                                ct_relation_iter *it);
CT_API void ct_relation_iter_free(ct_relation_iter *it);

CT_API ct_relation_type ct_relation_kind(const ct_relation *rel);
/** "corroborates" or "contradicts". Static. */
CT_API const char *ct_relation_type_name(ct_relation_type type);
/** The two claims. Borrowed; valid as long as the relation. */
CT_API const ct_claim *ct_relation_a(const ct_relation *rel);
CT_API const ct_claim *ct_relation_b(const ct_relation *rel);
/** How sure the comparison is, in [0, 1]. */
CT_API double ct_relation_score(const ct_relation *rel);
/** Why, in words. Borrowed; never NULL. */
CT_API const char *ct_relation_reason(const ct_relation *rel);
/** 0 when one claim's document was derived from the other's (a rewrite or copy): then
 * the pair is not independent corroboration. */
CT_API int ct_relation_independent(const ct_relation *rel);
/** The relation as the JSON contract: {"type", "a": {"file", "span", "text", ...},
 * "b": {...}, "score", "reason", "independent"} on one line.
 * @param[out] out  free with ct_free(). */
CT_API CT_WARN_UNUSED int ct_relation_to_json(char **out, const ct_relation *rel,
                                              unsigned flags);

/* ---- origins --------------------------------------------------------------------- */

/* Flags for ct_origin_iter_new(). */
#define CT_ORIGIN_REPEATED 0x1u /* only origins reported by more than one document */

/** Iterate over origins: groups of claims, in different documents, that trace back to
 * one original speaker or document ("4 reports, 1 origin: DeepSeek").
 * @param claim_id  0 for all; else the origin of this claim only
 * @param flags     CT_ORIGIN_REPEATED or 0
 * @return CT_OK, CT_EINVAL, CT_ENOMEM or CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_origin_iter_new(ct_origin_iter **out, ct_store *store,
                                             int64_t claim_id, unsigned flags);
/** Borrowed; valid until the next call on this iterator. CT_ITEROVER at the end. */
CT_API CT_WARN_UNUSED int ct_origin_iter_next(const ct_origin **out, ct_origin_iter *it);
CT_API void ct_origin_iter_free(ct_origin_iter *it);

CT_API int64_t ct_origin_id(const ct_origin *origin);
/** Who the claims trace to (a speaker, or the outlet for its own reporting). Borrowed;
 * valid as long as the origin. */
CT_API const char *ct_origin_label(const ct_origin *origin);
/** The first report: the claim every other report repeats. Borrowed; valid as long as
 * the origin. */
CT_API const ct_claim *ct_origin_first(const ct_origin *origin);
/** How many claims report it, in how many documents, and in how many documents that are
 * not derived from another one of them. */
CT_API int64_t ct_origin_report_count(const ct_origin *origin);
CT_API int64_t ct_origin_document_count(const ct_origin *origin);
CT_API int64_t ct_origin_independent_count(const ct_origin *origin);
/** {"id", "origin", "reports", "documents", "independent_documents", "first": {...}}.
 * @param[out] out  free with ct_free(). */
CT_API CT_WARN_UNUSED int ct_origin_to_json(char **out, const ct_origin *origin,
                                            unsigned flags);

/* ---- documents and sources ------------------------------------------------------- */

/** Iterate over stored documents in the order they were stored.
 * @return CT_OK, CT_EINVAL, CT_ENOMEM or CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_document_iter_new(ct_document_iter **out, ct_store *store);
/** Borrowed; valid until the next call on this iterator. CT_ITEROVER at the end. */
CT_API CT_WARN_UNUSED int ct_document_iter_next(const ct_document **out,
                                                ct_document_iter *it);
CT_API void ct_document_iter_free(ct_document_iter *it);

CT_API int64_t ct_document_id(const ct_document *doc);
/** Borrowed strings, valid as long as the document (an iterator's row or one from
 * ct_store_document()); NULL when unknown. ingested is ISO 8601 UTC; sha256 is hex. */
CT_API const char *ct_document_file(const ct_document *doc);
CT_API const char *ct_document_source(const ct_document *doc);
CT_API const char *ct_document_url(const ct_document *doc);
CT_API const char *ct_document_published(const ct_document *doc);
CT_API const char *ct_document_title(const ct_document *doc);
CT_API const char *ct_document_ingested(const ct_document *doc);
CT_API const char *ct_document_sha256(const ct_document *doc);
CT_API int64_t ct_document_claim_count(const ct_document *doc);
/** The document this one rewrites or copies (0 if none) and how alike they are. */
CT_API int64_t ct_document_derived_from(const ct_document *doc);
CT_API double ct_document_similarity(const ct_document *doc);
/** @param[out] out  free with ct_free(). */
CT_API CT_WARN_UNUSED int ct_document_to_json(char **out, const ct_document *doc,
                                              unsigned flags);

/** Get one document's metadata and text.
 * @param[out] out       owned by the caller; free with ct_document_free()
 * @return CT_OK or CT_ENOTFOUND. */
CT_API CT_WARN_UNUSED int ct_store_document(ct_document **out, ct_store *store, int64_t doc_id);
/** The document's text (only for one from ct_store_document(); else NULL). Borrowed. */
CT_API const char *ct_document_text(const ct_document *doc, size_t *len_out);
/** Free a document from ct_store_document(). NULL is a no-op. Never pass a row from
 * ct_document_iter_next(). */
CT_API void ct_document_free(ct_document *doc);

/** Iterate over sources (outlets), by name.
 * @return CT_OK, CT_EINVAL, CT_ENOMEM or CT_ERROR. */
CT_API CT_WARN_UNUSED int ct_source_iter_new(ct_source_iter **out, ct_store *store);
/** Borrowed; valid until the next call on this iterator. CT_ITEROVER at the end. */
CT_API CT_WARN_UNUSED int ct_source_iter_next(const ct_source **out, ct_source_iter *it);
CT_API void ct_source_iter_free(ct_source_iter *it);
/** Borrowed; valid as long as the source. */
CT_API const char *ct_source_name(const ct_source *src);
CT_API int64_t ct_source_document_count(const ct_source *src);
CT_API int64_t ct_source_claim_count(const ct_source *src);
/** @param[out] out  free with ct_free(). */
CT_API CT_WARN_UNUSED int ct_source_to_json(char **out, const ct_source *src, unsigned flags);

/* ---- checking a text ------------------------------------------------------------- */

/** What the store says about a checked claim. */
typedef enum {
    CT_VERDICT_UNKNOWN = 0,  /* no stored claim is about the same thing */
    CT_VERDICT_CORROBORATED, /* stored claims agree, none disagrees */
    CT_VERDICT_CONTRADICTED, /* stored claims disagree, none agrees */
    CT_VERDICT_DISPUTED      /* some agree, some disagree */
} ct_verdict;

/** Extract the claims of a pasted text (not stored) and relate each to the stored ones.
 * @param[out] out  owned by the caller; free with ct_check_free()
 * @param flags     CT_EXTRACT_* bits, or 0
 * @return CT_OK; CT_EINVAL (NULL arguments, unknown flags, invalid UTF-8); CT_ENOMEM;
 *         CT_ECORRUPT or CT_ERROR reading the store. A text with no claims is CT_OK with
 *         ct_check_claim_count() 0. */
CT_API CT_WARN_UNUSED int ct_store_check(ct_check **out, ct_store *store, const char *text,
                                         size_t len, unsigned flags);
CT_API void ct_check_free(ct_check *check);
CT_API size_t ct_check_claim_count(const ct_check *check);
/** Borrowed; valid until the check is freed. NULL when i is out of range. */
CT_API const ct_claim *ct_check_claim(const ct_check *check, size_t i);
CT_API ct_verdict ct_check_verdict(const ct_check *check, size_t i);
/** "unknown", "corroborated", "contradicted", "disputed". Static. */
CT_API const char *ct_verdict_name(ct_verdict verdict);
/** The stored claims related to claim i; each relation's a is the checked claim.
 * Borrowed; valid until the check is freed. */
CT_API size_t ct_check_match_count(const ct_check *check, size_t i);
CT_API const ct_relation *ct_check_match(const ct_check *check, size_t i, size_t j);
/** {"claims": [{"claim": {...}, "verdict": ..., "matches": [relation, ...]}, ...]}.
 * @param[out] out  free with ct_free(). */
CT_API CT_WARN_UNUSED int ct_check_to_json(char **out, const ct_check *check, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif
