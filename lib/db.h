/* Internal: the SQLite edge (db.c, the only user of sqlite3). One function per query;
 * rows come back through cursors whose columns the callers read by number. */
#ifndef CT_DB_H
#define CT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "claim.h"
#include "claimtrack/store.h"

typedef struct ct_db ct_db;
typedef struct ct_db_cursor ct_db_cursor;

/* Open (creating or upgrading the schema unless read-only). flags: CT_OPEN_*.
 * *upgraded_from gets the version the file had before an upgrade, else 0. */
int ct__db_open(ct_db **out, const char *path, unsigned flags, int *upgraded_from);
void ct__db_close(ct_db *db);
int ct__db_version(ct_db *db, int *out);

/* One write transaction (BEGIN IMMEDIATE: waits up to the busy timeout for the lock). */
int ct__db_begin(ct_db *db);
int ct__db_commit(ct_db *db);
void ct__db_rollback(ct_db *db); /* after a failure; keeps the failure's message */

/* ---- writes ----------------------------------------------------------------------- */

typedef struct {
    const unsigned char *sha256; /* 32 bytes */
    const char *file, *url, *published, *title;
    int64_t source_id; /* 0: none */
    const char *text;
    size_t len;
} ct_db_doc;

typedef struct {
    const ct_claim *claim;
    int64_t doc_id, speaker_id; /* speaker 0: none */
    const char *match_key;
    bool has_lo, has_hi; /* the interval the value stands for */
    double lo, hi, mid;
    const char *origin_key; /* ct__claim_origin_key(); "" when none */
    const char *sentence; /* for the full-text index */
    size_t sentence_len;
} ct_db_claim;

/* CT_OK with the id, or CT_ENOTFOUND. */
int ct__db_doc_find(ct_db *db, const unsigned char sha256[32], int64_t *id_out);
int ct__db_doc_insert(ct_db *db, const ct_db_doc *doc, int64_t *id_out);
/* Get or create. */
int ct__db_source_id(ct_db *db, const char *name, int64_t *id_out);
int ct__db_speaker_id(ct_db *db, const char *key, const char *name, const char *kind,
                      const char *role, const char *org, int64_t *id_out);
int ct__db_claim_insert(ct_db *db, const ct_db_claim *c, int64_t *id_out);
int ct__db_quote_insert(ct_db *db, int64_t doc_id, const ct_quote *q, int64_t speaker_id);
int ct__db_relation_insert(ct_db *db, int64_t a, int64_t b, int type, double score,
                           const char *reason);
int ct__db_origin_insert(ct_db *db, const char *label, int64_t first_claim, int64_t *id_out);
int ct__db_claim_set_origin(ct_db *db, int64_t claim_id, int64_t origin_id);
int ct__db_claim_set_origin_key(ct_db *db, int64_t claim_id, const char *key);
int ct__db_derivation_insert(ct_db *db, int64_t doc_id, int64_t original_id, double similarity);
/* The document's signature (for finding rewrites of it later). */
int ct__db_doc_set_sig(ct_db *db, int64_t doc_id, const void *sig, size_t len);
/* The document another one was derived from (CT_ENOTFOUND if none). */
int ct__db_doc_original(ct_db *db, int64_t doc_id, int64_t *original_out);

/* ---- cursors ---------------------------------------------------------------------- */

/* The claim columns every claim query returns, in this order, from a given column on. */
enum { CT_DB_CLAIM_NCOLS = 24 };

/* Claims with the same match key nearest to mid in value, above (>=) or below it,
 * outside doc_id. Columns: a claim, then its origin key. */
int ct__db_candidates(ct_db_cursor **out, ct_db *db, const char *key, double mid, bool above,
                      int64_t doc_id, int limit);
/* The most recent claims with the same match key and the key term term[0..term_len),
 * outside doc_id. Columns: a claim, then its origin key. */
int ct__db_term_candidates(ct_db_cursor **out, ct_db *db, const char *key, const char *term,
                           size_t term_len, int64_t doc_id, int limit);
/* Claims of one origin key (speaker) and kind nearest to mid in value, above (>=) or
 * below it, outside doc_id. Columns: a claim, then its origin key. */
int ct__db_said_candidates(ct_db_cursor **out, ct_db *db, const char *origin_key, int kind,
                           double mid, bool above, int64_t doc_id, int limit);
/* Claims related to claim_id with a smaller id, best first. Columns: other id, type, its
 * origin key, its doc id, its origin id. */
int ct__db_older_relations(ct_db_cursor **out, ct_db *db, int64_t claim_id);
/* Up to limit claims without an origin, in id order. Columns: a claim, its outlet. */
int ct__db_claims_without_origin(ct_db_cursor **out, ct_db *db, int limit);
/* One document's signature and publication date. Columns: sig, published. */
int ct__db_doc_sig(ct_db_cursor **out, ct_db *db, int64_t doc_id);

/* Public listings. */
int ct__db_claims(ct_db_cursor **out, ct_db *db, const ct_claim_filter *f);
/* Columns: type, score, reason, independent, claim a, claim b. */
int ct__db_relations(ct_db_cursor **out, ct_db *db, int64_t claim_id, int type);
/* Columns: id, label, reports, documents, independent, first claim. */
int ct__db_origins(ct_db_cursor **out, ct_db *db, int64_t claim_id, bool repeated);
/* Columns: id, file, source, url, published, title, ingested, sha256 (hex), claims,
 * original id, similarity, text. */
int ct__db_documents(ct_db_cursor **out, ct_db *db, int64_t doc_id);
/* Columns: name, documents, claims. */
int ct__db_sources(ct_db_cursor **out, ct_db *db);

/* CT_OK: a row is ready; CT_ITEROVER: done; else an error. */
int ct__db_cursor_next(ct_db_cursor *cur);
void ct__db_cursor_free(ct_db_cursor *cur);
bool ct__db_col_null(ct_db_cursor *cur, int col);
int64_t ct__db_col_int(ct_db_cursor *cur, int col);
double ct__db_col_double(ct_db_cursor *cur, int col);
/* NULL for SQL NULL. Borrowed; valid until the cursor moves. */
const char *ct__db_col_text(ct_db_cursor *cur, int col);
const void *ct__db_col_blob(ct_db_cursor *cur, int col, size_t *len_out);
/* Fill a claim from the claim columns starting at col (strings borrowed from the row). */
void ct__db_col_claim(ct_db_cursor *cur, int col, ct_claim *out);

#endif
