/* Internal: the structs behind the store's row types (store.c, json.c). */
#ifndef CT_STORE_H
#define CT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "claim.h"
#include "claimtrack/store.h"
#include "db.h"

struct ct_store {
    ct_db *db;
    bool readonly;
};

struct ct_relation {
    ct_claim a, b;
    ct_relation_type type;
    double score;
    const char *reason;
    bool independent;
};

struct ct_origin {
    int64_t id;
    const char *label;
    ct_claim first;
    int64_t reports, documents, independent;
};

struct ct_document {
    int64_t id;
    const char *file, *source, *url, *published, *title, *ingested;
    char sha256[65];
    int64_t claims;
    int64_t derived_from;
    double similarity;
    /* only in a document from ct_store_document(): everything lives in the arena */
    const char *text;
    size_t text_len;
    ct_arena arena;
};

struct ct_source {
    const char *name;
    int64_t documents, claims;
};

struct ct_check_item {
    ct_verdict verdict;
    ct_relation *matches;
    size_t nmatches;
};

struct ct_check {
    ct_doc *doc;     /* the checked text's claims */
    ct_arena arena;  /* copies of the stored claims' strings */
    struct ct_check_item *items; /* one per claim of doc */
};

/* Ingest a document that is already extracted (the tests build documents by hand). */
int ct__store_ingest_doc(ct_store *st, const char *text, size_t len, const ct_doc *doc,
                         const ct_ingest_meta *meta, int64_t *doc_id_out, int *was_new_out);

void ct__sha256(const void *data, size_t len, unsigned char out[32]);

/* ---- provenance.c ------------------------------------------------------------------ */

/* How many stored documents' signatures are compared with a new document's. */
#define CT_SIG_CANDIDATES 16

/* A stored document and how many of the new document's candidate claims it holds. */
typedef struct {
    int64_t doc;
    int hits;
} ct_doc_hit;

/* Give a new claim its origin (*origin_out): `hint` if not 0 (an older report by the
 * same speaker with a compatible value), else one reached through its stored relations,
 * else a new origin called `label`. */
int ct__provenance_assign(ct_db *db, int64_t claim_id, int64_t doc_id, const char *origin_key,
                          const char *label, int64_t hint, int64_t *origin_out);
/* Give every claim without an origin (stored by schema 1) one, in one transaction. */
int ct__provenance_backfill(ct_db *db);
/* Store the new document's signature and, when it is a rewrite or copy of one of the
 * candidate documents (the most hit first; hits is sorted), the derivation. */
int ct__provenance_derivation(ct_db *db, int64_t doc_id, const char *published,
                              const char *text, size_t len, ct_doc_hit *hits, size_t nhits);

#endif
