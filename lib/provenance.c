/* Provenance: which origin each claim traces back to, and which documents are rewrites
 * or copies of others. The store calls these inside its ingest transaction; the origin
 * listing is read through ct_origin_iter. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compare.h"
#include "db.h"
#include "error.h"
#include "store.h"

/* Join the origin of an older report of the same fact: `hint` when the caller found one
 * (the same speaker giving a compatible value for the same key), else one related by
 * the same speaker, or, for the outlet's own reporting, one in the document this one was
 * derived from. Else the claim starts a new origin, labelled with its speaker or outlet. */
int ct__provenance_assign(ct_db *db, int64_t claim_id, int64_t doc_id, const char *origin_key,
                          const char *label, int64_t hint, int64_t *origin_out)
{
    *origin_out = hint;
    if (hint)
        return ct__db_claim_set_origin(db, claim_id, hint);
    int64_t original = 0;
    int rc = ct__db_doc_original(db, doc_id, &original);
    if (rc != CT_OK && rc != CT_ENOTFOUND)
        return rc;
    ct_db_cursor *cur = NULL;
    if ((rc = ct__db_older_relations(&cur, db, claim_id)) != CT_OK)
        return rc;
    int64_t same_speaker = 0, from_original = 0;
    while ((rc = ct__db_cursor_next(cur)) == CT_OK) {
        if (ct__db_col_int(cur, 1) != CT_REL_CORROBORATES || ct__db_col_null(cur, 4))
            continue;
        const char *key = ct__db_col_text(cur, 2);
        if (!same_speaker && origin_key[0] && key && strcmp(key, origin_key) == 0)
            same_speaker = ct__db_col_int(cur, 4);
        if (!from_original && original && ct__db_col_int(cur, 3) == original)
            from_original = ct__db_col_int(cur, 4);
    }
    ct__db_cursor_free(cur);
    if (rc != CT_ITEROVER)
        return rc;
    int64_t origin = same_speaker ? same_speaker : from_original;
    if (!origin && (rc = ct__db_origin_insert(db, label, claim_id, &origin)) != CT_OK)
        return rc;
    *origin_out = origin;
    return ct__db_claim_set_origin(db, claim_id, origin);
}

typedef struct {
    int64_t id, doc_id;
    char key[CT_COMPARE_KEY_MAX];
    char *label;
} pending_origin;

/* One batch of claims without an origin (at most cap), read before any is written: a
 * statement must not read rows the loop is changing. Returns CT_OK with *n_out rows. */
static int read_pending(ct_db *db, pending_origin *rows, size_t cap, size_t *n_out)
{
    ct_db_cursor *cur = NULL;
    size_t n = 0;
    int rc = ct__db_claims_without_origin(&cur, db, (int)cap);
    while (rc == CT_OK && (rc = ct__db_cursor_next(cur)) == CT_OK) {
        ct_claim c;
        ct__db_col_claim(cur, 0, &c);
        pending_origin *p = &rows[n++];
        p->id = c.id;
        p->doc_id = c.doc_id;
        ct__claim_origin_key(&c, p->key, sizeof p->key);
        const char *outlet = ct__db_col_text(cur, CT_DB_CLAIM_NCOLS);
        const char *label = p->key[0] ? c.speaker : outlet ? outlet : c.file ? c.file : "";
        p->label = ct__strdup(label ? label : "");
        if (!p->label)
            rc = ct__enomem();
    }
    ct__db_cursor_free(cur);
    *n_out = n;
    return rc == CT_ITEROVER ? CT_OK : rc;
}

int ct__provenance_backfill(ct_db *db)
{
    enum { BATCH = 256 };
    ct_db_cursor *cur = NULL;
    int rc = ct__db_claims_without_origin(&cur, db, 1);
    if (rc)
        return rc;
    rc = ct__db_cursor_next(cur);
    ct__db_cursor_free(cur);
    if (rc != CT_OK)
        return rc == CT_ITEROVER ? CT_OK : rc;
    pending_origin *rows = ct__calloc(BATCH, sizeof *rows);
    if (!rows)
        return ct__enomem();
    /* there is work: do it all in one transaction, reading the rows again under the lock */
    if ((rc = ct__db_begin(db)) != CT_OK) {
        ct__free(rows);
        return rc;
    }
    size_t n;
    int64_t origin;
    do {
        rc = read_pending(db, rows, BATCH, &n);
        for (size_t i = 0; i < n; i++) {
            if (rc == CT_OK)
                rc = ct__db_claim_set_origin_key(db, rows[i].id, rows[i].key);
            if (rc == CT_OK)
                rc = ct__provenance_assign(db, rows[i].id, rows[i].doc_id, rows[i].key,
                                           rows[i].label, 0, &origin);
            ct__free(rows[i].label);
            rows[i].label = NULL;
        }
    } while (rc == CT_OK && n == BATCH);
    ct__free(rows);
    if (rc == CT_OK)
        return ct__db_commit(db);
    ct__db_rollback(db);
    return rc;
}

/* ---- derived documents ------------------------------------------------------------ */

static int cmp_hits(const void *x, const void *y)
{
    const ct_doc_hit *a = x, *b = y;
    if (a->hits != b->hits)
        return a->hits > b->hits ? -1 : 1;
    return a->doc < b->doc ? -1 : a->doc > b->doc;
}

int ct__provenance_derivation(ct_db *db, int64_t doc_id, const char *published,
                              const char *text, size_t len, ct_doc_hit *hits, size_t nhits)
{
    ct_doc_sig *mine = NULL;
    unsigned char *blob = NULL;
    size_t blob_len = 0;
    int rc = ct__doc_sig_new(&mine, text ? text : "", len);
    if (rc == CT_OK)
        rc = ct__doc_sig_to_blob(mine, &blob, &blob_len);
    if (rc == CT_OK)
        rc = ct__db_doc_set_sig(db, doc_id, blob, blob_len);
    ct__free(blob);
    qsort(hits, nhits, sizeof hits[0], cmp_hits);
    double best = 0.0;
    int64_t best_doc = 0;
    char best_pub[64] = "";
    for (size_t i = 0; rc == CT_OK && i < nhits && i < CT_SIG_CANDIDATES; i++) {
        ct_db_cursor *cur = NULL;
        rc = ct__db_doc_sig(&cur, db, hits[i].doc);
        if (rc == CT_OK && (rc = ct__db_cursor_next(cur)) == CT_OK) {
            size_t n = 0;
            const void *p = ct__db_col_blob(cur, 0, &n);
            ct_doc_sig *theirs = NULL;
            /* a signature of another version reads as none: that document is skipped */
            int src = n ? ct__doc_sig_from_blob(&theirs, p, n) : CT_EINVAL;
            if (src == CT_ENOMEM)
                rc = ct__enomem();
            if (src == CT_OK) {
                double sim = ct__doc_sig_similarity(mine, theirs);
                if (sim > best) {
                    const char *pub = ct__db_col_text(cur, 1);
                    best = sim;
                    best_doc = hits[i].doc;
                    snprintf(best_pub, sizeof best_pub, "%s", pub ? pub : "");
                }
            }
            ct__doc_sig_free(theirs);
        }
        ct__db_cursor_free(cur);
        if (rc == CT_ITEROVER)
            rc = CT_OK;
    }
    ct__doc_sig_free(mine);
    if (rc != CT_OK || best < CT_DOC_DERIVED_THRESHOLD)
        return rc;
    if (ct__doc_original_cmp(best_pub, best_doc, published, doc_id) <= 0)
        return ct__db_derivation_insert(db, doc_id, best_doc, best);
    return ct__db_derivation_insert(db, best_doc, doc_id, best);
}

/* ---- origins ----------------------------------------------------------------------- */

struct ct_origin_iter {
    ct_db_cursor *cur;
    ct_origin origin;
};

int ct_origin_iter_new(ct_origin_iter **out, ct_store *st, int64_t claim_id, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_origin_iter_new: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_origin_iter_new: store is NULL");
    if (flags & ~CT_ORIGIN_REPEATED)
        return ct__error(CT_EINVAL, "ct_origin_iter_new: unknown flags 0x%x",
                         flags & ~CT_ORIGIN_REPEATED);
    if (claim_id < 0)
        return ct__error(CT_EINVAL, "ct_origin_iter_new: claim id %" PRId64 " is negative",
                         claim_id);
    ct_origin_iter *it = ct__calloc(1, sizeof *it);
    if (!it)
        return ct__enomem();
    int rc = ct__db_origins(&it->cur, st->db, claim_id, (flags & CT_ORIGIN_REPEATED) != 0);
    if (rc) {
        ct__free(it);
        return rc;
    }
    *out = it;
    return CT_OK;
}

int ct_origin_iter_next(const ct_origin **out, ct_origin_iter *it)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_origin_iter_next: out is NULL");
    *out = NULL;
    if (!it)
        return ct__error(CT_EINVAL, "ct_origin_iter_next: iterator is NULL");
    int rc = ct__db_cursor_next(it->cur);
    if (rc)
        return rc;
    ct_origin *o = &it->origin;
    o->id = ct__db_col_int(it->cur, 0);
    o->label = ct__db_col_text(it->cur, 1);
    o->reports = ct__db_col_int(it->cur, 2);
    o->documents = ct__db_col_int(it->cur, 3);
    o->independent = ct__db_col_int(it->cur, 4);
    ct__db_col_claim(it->cur, 5, &o->first);
    *out = o;
    return CT_OK;
}

void ct_origin_iter_free(ct_origin_iter *it)
{
    if (!it)
        return;
    ct__db_cursor_free(it->cur);
    ct__free(it);
}

int64_t ct_origin_id(const ct_origin *o) { return o ? o->id : 0; }
const char *ct_origin_label(const ct_origin *o) { return o && o->label ? o->label : ""; }
const ct_claim *ct_origin_first(const ct_origin *o) { return o ? &o->first : NULL; }
int64_t ct_origin_report_count(const ct_origin *o) { return o ? o->reports : 0; }
int64_t ct_origin_document_count(const ct_origin *o) { return o ? o->documents : 0; }
int64_t ct_origin_independent_count(const ct_origin *o) { return o ? o->independent : 0; }

