/* The store stage: ingesting documents (extract, store, relate, trace origins) and
 * reading them back through iterators. SQL lives in db.c; comparisons in compare.c. */
#include "store.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compare.h"
#include "db.h"
#include "error.h"
#include "json.h"

/* The comparison's types are stored and read back as the public ones. */
_Static_assert((int)CT_REL_CORROBORATES == (int)CT_RELATION_CORROBORATES &&
                   (int)CT_REL_CONTRADICTS == (int)CT_RELATION_CONTRADICTS,
               "relation types differ");

/* Candidate search: at most this many stored claims on either side of a claim's value,
 * under its match key, are compared with it; never all pairs. */
#define CANDIDATES_PER_SIDE 24
/* ... and at most this many of the latest claims sharing each of its first key terms. */
#define TERMS_PER_CLAIM 3
#define CANDIDATES_PER_TERM 12
/* ... and at most this many earlier statements of its speaker on either side. */
#define SAID_PER_SIDE 4

/* ---- SHA-256 (FIPS 180-4), for the content hash ------------------------------------ */

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) +
                      sha_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
}

static void sha256(const void *data, size_t len, unsigned char out[32])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const unsigned char *p = data;
    size_t left = len;
    for (; left >= 64; left -= 64, p += 64)
        sha_block(h, p);
    unsigned char tail[128] = {0};
    memcpy(tail, p, left);
    tail[left] = 0x80;
    size_t tl = left < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[tl - 1 - i] = (unsigned char)(bits >> (8 * i));
    sha_block(h, tail);
    if (tl == 128)
        sha_block(h, tail + 64);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(h[i] >> 8);
        out[4 * i + 3] = (unsigned char)h[i];
    }
}

void ct__sha256(const void *data, size_t len, unsigned char out[32]) { sha256(data, len, out); }

/* ---- lifecycle ------------------------------------------------------------------- */

int ct_store_open(ct_store **out, const char *path, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_store_open: out is NULL");
    *out = NULL;
    if (!path)
        return ct__error(CT_EINVAL, "ct_store_open: path is NULL");
    if (!path[0])
        return ct__error(CT_EINVAL, "ct_store_open: path is empty");
    if (flags & ~(CT_OPEN_READONLY | CT_OPEN_NOCREATE))
        return ct__error(CT_EINVAL, "ct_store_open: unknown flags 0x%x", flags);
    ct_store *st = ct__calloc(1, sizeof *st);
    if (!st)
        return ct__enomem();
    st->readonly = (flags & CT_OPEN_READONLY) != 0;
    int from = 0;
    int rc = ct__db_open(&st->db, path, flags, &from);
    /* claims stored before origins existed (schema 1), or by an interrupted upgrade */
    if (rc == CT_OK && !st->readonly)
        rc = ct__provenance_backfill(st->db);
    if (rc != CT_OK) {
        ct_store_close(st);
        return rc;
    }
    *out = st;
    return CT_OK;
}

void ct_store_close(ct_store *st)
{
    if (!st)
        return;
    ct__db_close(st->db);
    ct__free(st);
}

int ct_store_schema_version(ct_store *st, int *out)
{
    if (!st || !out)
        return ct__error(CT_EINVAL, "ct_store_schema_version: NULL argument");
    return ct__db_version(st->db, out);
}

/* ---- ingesting --------------------------------------------------------------------- */

typedef struct {
    int64_t a, b;
    ct_rel_type type;
    double score;
    char reason[256];
} found_rel;

typedef struct {
    ct_store *st;
    const ct_doc *doc;
    const char *text;
    size_t len;
    int64_t doc_id;
    const char *published;
    const char *outlet, *file;
    int64_t *claim_ids;
    int64_t *origin_hints; /* the earliest older report by the same speaker, per claim */
    int64_t *origins;      /* the origin each claim got */
    char (*origin_keys)[CT_COMPARE_KEY_MAX];
    found_rel *rels;
    size_t nrels, rels_cap;
    ct_doc_hit hits[4 * CT_SIG_CANDIDATES];
    size_t nhits;
} ingest_job;

static const char *nonempty(const char *s) { return s && s[0] ? s : NULL; }

/* The speaker's row: one per origin key, so "DeepSeek" and "DeepSeek's" are one; a
 * speaker without one (an anonymous group) is keyed by its name as written. */
static int speaker_id(ct_db *db, const ct_claim *c, const char *origin_key, int64_t *id_out)
{
    *id_out = 0;
    if (!nonempty(c->speaker))
        return CT_OK;
    char key[CT_COMPARE_KEY_MAX + 2];
    if (origin_key[0])
        snprintf(key, sizeof key, "%s", origin_key);
    else
        snprintf(key, sizeof key, "~%s", c->speaker);
    return ct__db_speaker_id(db, key, c->speaker, c->speaker_kind, c->speaker_role,
                             c->speaker_org, id_out);
}

/* The value the candidate index orders claims by: the centre of its interval, or its
 * one closed side. */
static double interval_mid(const ct_interval *iv)
{
    if (iv->has_lo && iv->has_hi)
        return iv->lo / 2 + iv->hi / 2;
    if (iv->has_lo)
        return iv->lo;
    if (iv->has_hi)
        return iv->hi;
    return 0.0;
}

static void note_doc(ingest_job *job, int64_t doc)
{
    for (size_t i = 0; i < job->nhits; i++) {
        if (job->hits[i].doc == doc) {
            job->hits[i].hits++;
            return;
        }
    }
    if (job->nhits < sizeof job->hits / sizeof job->hits[0])
        job->hits[job->nhits++] = (ct_doc_hit){doc, 1};
}

static int store_claims(ingest_job *job)
{
    for (size_t i = 0; i < job->doc->nclaims; i++) {
        const ct_claim *c = &job->doc->claims[i];
        char key[CT_COMPARE_KEY_MAX];
        ct_interval iv;
        ct__claim_match_key(c, key, sizeof key);
        ct__claim_interval(c, &iv);
        ct__claim_origin_key(c, job->origin_keys[i], sizeof job->origin_keys[i]);
        ct_db_claim row = {.claim = c, .doc_id = job->doc_id, .match_key = key,
                           .has_lo = iv.has_lo, .has_hi = iv.has_hi, .lo = iv.lo, .hi = iv.hi,
                           .mid = interval_mid(&iv), .origin_key = job->origin_keys[i]};
        if (c->sent_start <= c->sent_end && c->sent_end <= job->len) {
            row.sentence = job->text + c->sent_start;
            row.sentence_len = c->sent_end - c->sent_start;
        }
        int rc = speaker_id(job->st->db, c, job->origin_keys[i], &row.speaker_id);
        if (rc == CT_OK)
            rc = ct__db_claim_insert(job->st->db, &row, &job->claim_ids[i]);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < job->doc->nquotes; i++) {
        const ct_quote *q = &job->doc->quotes[i];
        ct_claim who = {.speaker = q->speaker, .speaker_kind = q->speaker_kind};
        char okey[CT_COMPARE_KEY_MAX];
        ct__claim_origin_key(&who, okey, sizeof okey);
        int64_t sid = 0;
        int rc = speaker_id(job->st->db, &who, okey, &sid);
        if (rc == CT_OK)
            rc = ct__db_quote_insert(job->st->db, job->doc_id, q, sid);
        if (rc)
            return rc;
    }
    return CT_OK;
}

/* Do the values of the two claims share more than a point? The same speaker giving such
 * values for the same key is one claim repeated, whatever words the subjects use. */
static bool overlap(const ct_interval *a, const ct_claim *c)
{
    ct_interval b;
    ct__claim_interval(c, &b);
    double lo = a->has_lo ? a->lo : -HUGE_VAL, hi = a->has_hi ? a->hi : HUGE_VAL;
    if (b.has_lo && b.lo > lo)
        lo = b.lo;
    if (b.has_hi && b.hi < hi)
        hi = b.hi;
    return hi > lo;
}

/* A value unlikely to be shared by chance between two statements of one speaker about one
 * entity: an amount of money, or a count in the hundreds or more. Small numbers,
 * percentages and durations recur too often to tie claims by value alone. */
static bool distinctive(const ct_claim *c, const ct_interval *iv)
{
    if (c->kind == CT_KIND_MONEY)
        return true;
    return c->kind == CT_KIND_COUNT && iv->has_lo && iv->lo >= 100;
}

/* Relate a stored claim to a new one (the comparison's answer), and say whether they are
 * reports of one origin: the same speaker with values that fit. Such reports corroborate
 * even when the comparison cannot tell their subjects are one, if the value is distinctive
 * and the entity known. */
static ct_rel_type relate_pair(const ct_claim *stored, const char *stored_okey,
                               const ct_claim *fresh, const ct_interval *fresh_iv,
                               const char *fresh_okey, bool fresh_first, double *score,
                               char *reason, size_t reason_cap, bool *same_origin)
{
    *same_origin = fresh_okey[0] && stored_okey && strcmp(stored_okey, fresh_okey) == 0 &&
                   overlap(fresh_iv, stored);
    /* the reason says "A ..., B ...": A is whichever the caller reports as a */
    ct_rel_type t = fresh_first ? ct__compare_claims(fresh, stored, score, reason, reason_cap)
                                : ct__compare_claims(stored, fresh, score, reason, reason_cap);
    if (t == CT_REL_NONE && *same_origin && nonempty(fresh->entity) &&
        distinctive(fresh, fresh_iv)) {
        t = CT_REL_CORROBORATES;
        *score = 0.5;
        snprintf(reason, reason_cap, "both trace to %s, with values that fit, about %s",
                 stored->speaker ? stored->speaker : fresh->speaker, fresh->entity);
    }
    return t;
}

/* The candidates one new claim is compared with, and what came of it. */
typedef struct {
    ct_claim me;
    ct_interval iv;
    size_t index; /* in the document */
    int64_t seen[2 * CANDIDATES_PER_SIDE + TERMS_PER_CLAIM * CANDIDATES_PER_TERM];
    size_t nseen;
    int64_t first_report; /* of the same origin, so far */
} candidate_run;

/* Compare the new claim with every claim a candidate cursor yields (each once). */
static int compare_candidates(ingest_job *job, candidate_run *cr, ct_db_cursor *cur)
{
    int rc;
    while ((rc = ct__db_cursor_next(cur)) == CT_OK) {
        ct_claim other;
        ct__db_col_claim(cur, 0, &other);
        bool seen = false;
        for (size_t k = 0; k < cr->nseen && !seen; k++)
            seen = cr->seen[k] == other.id;
        if (seen || cr->nseen == sizeof cr->seen / sizeof cr->seen[0])
            continue;
        cr->seen[cr->nseen++] = other.id;
        note_doc(job, other.doc_id);
        const char *okey = ct__db_col_text(cur, CT_DB_CLAIM_NCOLS);
        found_rel r = {.a = other.id, .b = cr->me.id};
        bool same_origin = false;
        r.type = relate_pair(&other, okey, &cr->me, &cr->iv, job->origin_keys[cr->index], false,
                             &r.score, r.reason, sizeof r.reason, &same_origin);
        if (same_origin && other.origin_id &&
            (!job->origin_hints[cr->index] || other.id < cr->first_report)) {
            job->origin_hints[cr->index] = other.origin_id;
            cr->first_report = other.id;
        }
        if (r.type == CT_REL_NONE)
            continue;
        if (CT_GROW(job->rels, job->rels_cap, job->nrels + 1))
            return ct__enomem();
        job->rels[job->nrels++] = r;
    }
    return rc == CT_ITEROVER ? CT_OK : rc;
}

/* The entity part of a match key ("money|USD|deepseek" -> "deepseek"). */
static const char *key_entity(const char *key)
{
    const char *bar = strrchr(key, '|');
    return bar ? bar + 1 : "";
}

/* Earlier statements of the new claim's speaker with a value that fits, under another
 * match key: the same figure said again, where one outlet's subject stage missed the
 * entity (none, or the speaker itself: "SemiAnalysis estimated $500 million" about
 * DeepSeek's GPUs). Such reports are one origin and corroborate. Two different real
 * entities stay apart. */
static int said_before(ingest_job *job, candidate_run *cr, const char *key)
{
    const char *okey = job->origin_keys[cr->index], *mine = key_entity(key);
    if (!okey[0] || !distinctive(&cr->me, &cr->iv))
        return CT_OK;
    int rc = CT_OK;
    for (int side = 0; rc == CT_OK && side < 2; side++) {
        ct_db_cursor *cur = NULL;
        rc = ct__db_said_candidates(&cur, job->st->db, okey, (int)cr->me.kind,
                                    interval_mid(&cr->iv), side == 0, job->doc_id,
                                    SAID_PER_SIDE);
        while (rc == CT_OK && (rc = ct__db_cursor_next(cur)) == CT_OK) {
            ct_claim other;
            ct__db_col_claim(cur, 0, &other);
            char other_key[CT_COMPARE_KEY_MAX];
            ct__claim_match_key(&other, other_key, sizeof other_key);
            const char *theirs = key_entity(other_key);
            size_t kl = (size_t)(mine - key);
            bool same_measure = strncmp(key, other_key, kl) == 0; /* kind and unit class */
            bool entity_missed = !mine[0] || !theirs[0] || strcmp(mine, okey) == 0 ||
                                 strcmp(theirs, okey) == 0;
            if (strcmp(key, other_key) == 0 || !same_measure || !entity_missed ||
                !overlap(&cr->iv, &other))
                continue;
            if (!job->origin_hints[cr->index] || other.id < cr->first_report) {
                job->origin_hints[cr->index] = other.origin_id;
                cr->first_report = other.id;
            }
            found_rel r = {.a = other.id, .b = cr->me.id, .type = CT_REL_CORROBORATES,
                           .score = 0.4};
            snprintf(r.reason, sizeof r.reason, "both trace to %s, with values that fit",
                     other.speaker ? other.speaker : cr->me.speaker);
            if (CT_GROW(job->rels, job->rels_cap, job->nrels + 1)) {
                rc = ct__enomem();
                break;
            }
            job->rels[job->nrels++] = r;
        }
        ct__db_cursor_free(cur);
        if (rc == CT_ITEROVER)
            rc = CT_OK;
    }
    return rc;
}

/* Compare one new claim with stored claims found through the indexes, never with all of
 * them: those nearest to it in value under its match key, on both sides (agreeing values
 * and close disagreements), and the latest ones sharing a key term with it (the same
 * measure, whatever its value). Remember what relates. */
static int relate_claim(ingest_job *job, size_t i)
{
    candidate_run *cr = ct__calloc(1, sizeof *cr);
    if (!cr)
        return ct__enomem();
    cr->me = job->doc->claims[i];
    cr->me.id = job->claim_ids[i];
    cr->me.doc_id = job->doc_id;
    cr->index = i;
    ct__claim_interval(&cr->me, &cr->iv);
    int rc = CT_OK;
    if (!cr->iv.has_lo && !cr->iv.has_hi) {
        ct__free(cr);
        return CT_OK; /* no value to compare (a date) */
    }
    char key[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(&cr->me, key, sizeof key);
    const char *entity = strrchr(key, '|') + 1;
    for (int side = 0; rc == CT_OK && side < 2; side++) {
        ct_db_cursor *cur = NULL;
        rc = ct__db_candidates(&cur, job->st->db, key, interval_mid(&cr->iv), side == 0,
                               job->doc_id, CANDIDATES_PER_SIDE);
        if (rc == CT_OK)
            rc = compare_candidates(job, cr, cur);
        ct__db_cursor_free(cur);
    }
    int nterms = 0;
    for (const char *t = cr->me.terms; rc == CT_OK && t && *t && nterms < TERMS_PER_CLAIM;) {
        size_t n = strcspn(t, " ");
        /* the entity is in the key already: a term of its own finds nothing new */
        if (n && (strlen(entity) != n || strncmp(t, entity, n) != 0)) {
            ct_db_cursor *cur = NULL;
            rc = ct__db_term_candidates(&cur, job->st->db, key, t, n, job->doc_id,
                                        CANDIDATES_PER_TERM);
            if (rc == CT_OK)
                rc = compare_candidates(job, cr, cur);
            ct__db_cursor_free(cur);
            nterms++;
        }
        t += n + (t[n] == ' ');
    }
    if (rc == CT_OK)
        rc = said_before(job, cr, key);
    ct__free(cr);
    return rc;
}

/* The origin of an earlier claim of the same document that this one repeats (the same
 * speaker, key and a value that fits: an article giving a figure twice), or 0. */
static int64_t repeated_here(const ingest_job *job, size_t i)
{
    const ct_claim *c = &job->doc->claims[i];
    if (!job->origin_keys[i][0])
        return 0;
    char key[CT_COMPARE_KEY_MAX], other_key[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(c, key, sizeof key);
    ct_interval iv;
    ct__claim_interval(c, &iv);
    if (!iv.has_lo && !iv.has_hi)
        return 0;
    for (size_t j = 0; j < i; j++) {
        const ct_claim *o = &job->doc->claims[j];
        if (strcmp(job->origin_keys[j], job->origin_keys[i]) != 0)
            continue;
        ct__claim_match_key(o, other_key, sizeof other_key);
        if (strcmp(key, other_key) == 0 && overlap(&iv, o))
            return job->origins[j];
    }
    return 0;
}

static int ingest_in_transaction(ingest_job *job, const unsigned char sha[32],
                                 const ct_ingest_meta *meta, int *was_new)
{
    ct_db *db = job->st->db;
    int rc = ct__db_doc_find(db, sha, &job->doc_id);
    if (rc == CT_OK) {
        *was_new = 0; /* another process stored it since we looked */
        return CT_OK;
    }
    if (rc != CT_ENOTFOUND)
        return rc;
    *was_new = 1;
    const ct_doc *doc = job->doc;
    ct_db_doc row = {.sha256 = sha, .text = job->text, .len = job->len};
    row.file = meta ? nonempty(meta->file) : NULL;
    row.url = meta && nonempty(meta->url) ? meta->url : doc->meta[CT_META_URL];
    row.title = meta && nonempty(meta->title) ? meta->title : doc->meta[CT_META_TITLE];
    row.published = meta ? nonempty(meta->published) : NULL;
    job->outlet = meta && nonempty(meta->source) ? meta->source
                                                 : nonempty(doc->meta[CT_META_OUTLET]);
    job->file = row.file;
    job->published = row.published;
    if (job->outlet && (rc = ct__db_source_id(db, job->outlet, &row.source_id)) != CT_OK)
        return rc;
    if ((rc = ct__db_doc_insert(db, &row, &job->doc_id)) != CT_OK)
        return rc;
    if ((rc = store_claims(job)) != CT_OK)
        return rc;
    for (size_t i = 0; i < doc->nclaims; i++)
        if ((rc = relate_claim(job, i)) != CT_OK)
            return rc;
    for (size_t i = 0; i < job->nrels; i++) {
        const found_rel *r = &job->rels[i];
        if ((rc = ct__db_relation_insert(db, r->a, r->b, r->type, r->score, r->reason)) != CT_OK)
            return rc;
    }
    rc = ct__provenance_derivation(db, job->doc_id, job->published, job->text, job->len,
                                   job->hits, job->nhits);
    if (rc != CT_OK)
        return rc;
    for (size_t i = 0; i < doc->nclaims; i++) {
        const ct_claim *c = &doc->claims[i];
        char fallback[32];
        snprintf(fallback, sizeof fallback, "document %" PRId64, job->doc_id);
        const char *label = job->origin_keys[i][0] ? c->speaker
                            : job->outlet          ? job->outlet
                            : job->file            ? job->file
                                                   : fallback;
        if (!job->origin_hints[i])
            job->origin_hints[i] = repeated_here(job, i);
        rc = ct__provenance_assign(db, job->claim_ids[i], job->doc_id, job->origin_keys[i],
                                   label, job->origin_hints[i], &job->origins[i]);
        if (rc)
            return rc;
    }
    return CT_OK;
}

int ct__store_ingest_doc(ct_store *st, const char *text, size_t len, const ct_doc *doc,
                         const ct_ingest_meta *meta, int64_t *doc_id_out, int *was_new_out)
{
    unsigned char sha[32];
    sha256(text ? text : "", len, sha);
    ingest_job job = {.st = st, .doc = doc, .text = text ? text : "", .len = len};
    int was_new = 0;
    int rc = ct__db_doc_find(st->db, sha, &job.doc_id);
    if (rc == CT_ENOTFOUND) {
        job.claim_ids = ct__calloc(doc->nclaims + 1, sizeof *job.claim_ids);
        job.origin_hints = ct__calloc(doc->nclaims + 1, sizeof *job.origin_hints);
        job.origins = ct__calloc(doc->nclaims + 1, sizeof *job.origins);
        job.origin_keys = ct__calloc(doc->nclaims + 1, sizeof *job.origin_keys);
        rc = job.claim_ids && job.origin_hints && job.origins && job.origin_keys
                 ? ct__db_begin(st->db)
                 : ct__enomem();
        if (rc == CT_OK) {
            rc = ingest_in_transaction(&job, sha, meta, &was_new);
            if (rc == CT_OK)
                rc = ct__db_commit(st->db);
            if (rc != CT_OK)
                ct__db_rollback(st->db);
        }
        ct__free(job.claim_ids);
        ct__free(job.origin_hints);
        ct__free(job.origins);
        ct__free(job.origin_keys);
        ct__free(job.rels);
    }
    if (rc != CT_OK)
        return rc;
    if (doc_id_out)
        *doc_id_out = job.doc_id;
    if (was_new_out)
        *was_new_out = was_new;
    return CT_OK;
}

int ct_store_ingest(ct_store *st, const char *text, size_t len, const ct_ingest_meta *meta,
                    unsigned flags, int64_t *doc_id_out, int *was_new_out)
{
    if (doc_id_out)
        *doc_id_out = 0;
    if (was_new_out)
        *was_new_out = 0;
    if (!st)
        return ct__error(CT_EINVAL, "ct_store_ingest: store is NULL");
    if (!text && len)
        return ct__error(CT_EINVAL, "ct_store_ingest: text is NULL");
    if (flags & ~CT_EXTRACT_REPLACE_INVALID) /* checked here: a stored text skips ct_extract */
        return ct__error(CT_EINVAL, "ct_store_ingest: unknown flags 0x%x",
                         flags & ~CT_EXTRACT_REPLACE_INVALID);
    if (meta && meta->version != CT_INGEST_META_VERSION)
        return ct__error(CT_EINVAL, "ct_store_ingest: meta->version is %u, expected %u",
                         meta->version, CT_INGEST_META_VERSION);
    if (st->readonly)
        return ct__error(CT_EREADONLY, "the store was opened read-only");
    unsigned char sha[32];
    sha256(text ? text : "", len, sha);
    int64_t id = 0;
    int rc = ct__db_doc_find(st->db, sha, &id);
    if (rc == CT_OK) {
        if (doc_id_out)
            *doc_id_out = id; /* the same bytes: nothing to do, and no need to extract */
        return CT_OK;
    }
    if (rc != CT_ENOTFOUND)
        return rc;
    ct_doc *doc = NULL;
    if ((rc = ct_extract(&doc, text, len, flags)) != CT_OK)
        return rc;
    rc = ct__store_ingest_doc(st, text, len, doc, meta, doc_id_out, was_new_out);
    ct_doc_free(doc);
    return rc;
}

int ct_store_ingest_record(ct_store *st, const char *line, size_t len, size_t line_no,
                           const ct_ingest_meta *meta, unsigned flags, int64_t *doc_id_out,
                           int *was_new_out)
{
    if (doc_id_out)
        *doc_id_out = 0;
    if (was_new_out)
        *was_new_out = 0;
    if (!st || !line)
        return ct__error(CT_EINVAL, "ct_store_ingest_record: %s is NULL", st ? "line" : "store");
    if (flags & ~CT_EXTRACT_REPLACE_INVALID)
        return ct__error(CT_EINVAL, "ct_store_ingest_record: unknown flags 0x%x",
                         flags & ~CT_EXTRACT_REPLACE_INVALID);
    if (meta && meta->version != CT_INGEST_META_VERSION)
        return ct__error(CT_EINVAL, "ct_store_ingest_record: meta->version is %u, expected %u",
                         meta->version, CT_INGEST_META_VERSION);
    ct_json_record rec;
    int rc = ct__json_parse_record(&rec, line, len, line_no);
    if (rc)
        return rc;
    ct_ingest_meta m = CT_INGEST_META_INIT;
    m.file = rec.file ? rec.file : meta ? meta->file : NULL; /* a default, not an override */
    m.source = meta && meta->source ? meta->source : rec.source;
    m.url = meta && meta->url ? meta->url : rec.url;
    m.published = meta && meta->published ? meta->published : rec.published;
    m.title = meta && meta->title ? meta->title : rec.title;
    rc = ct_store_ingest(st, rec.text, rec.text_len, &m, flags, doc_id_out, was_new_out);
    ct__json_record_dispose(&rec);
    return rc;
}

/* ---- claims ------------------------------------------------------------------------ */

struct ct_claim_iter {
    ct_db_cursor *cur;
    ct_claim claim;
};

int ct_claim_iter_new(ct_claim_iter **out, ct_store *st, const ct_claim_filter *filter)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_claim_iter_new: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_claim_iter_new: store is NULL");
    if (filter && filter->version != CT_CLAIM_FILTER_VERSION)
        return ct__error(CT_EINVAL, "ct_claim_iter_new: filter->version is %u, expected %u",
                         filter->version, CT_CLAIM_FILTER_VERSION);
    if (filter && filter->search && !filter->search[strspn(filter->search, " \t\r\n")])
        return ct__error(CT_EINVAL, "ct_claim_iter_new: the search has no words");
    ct_claim_iter *it = ct__calloc(1, sizeof *it);
    if (!it)
        return ct__enomem();
    int rc = ct__db_claims(&it->cur, st->db, filter);
    if (rc) {
        ct__free(it);
        return rc;
    }
    *out = it;
    return CT_OK;
}

int ct_claim_iter_next(const ct_claim **out, ct_claim_iter *it)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_claim_iter_next: out is NULL");
    *out = NULL;
    if (!it)
        return ct__error(CT_EINVAL, "ct_claim_iter_next: iterator is NULL");
    int rc = ct__db_cursor_next(it->cur);
    if (rc)
        return rc;
    ct__db_col_claim(it->cur, 0, &it->claim);
    *out = &it->claim;
    return CT_OK;
}

void ct_claim_iter_free(ct_claim_iter *it)
{
    if (!it)
        return;
    ct__db_cursor_free(it->cur);
    ct__free(it);
}

int64_t ct_claim_id(const ct_claim *c) { return c ? c->id : 0; }
int64_t ct_claim_doc_id(const ct_claim *c) { return c ? c->doc_id : 0; }
int64_t ct_claim_origin_id(const ct_claim *c) { return c ? c->origin_id : 0; }
const char *ct_claim_file(const ct_claim *c) { return c ? c->file : NULL; }

/* Copy every string of src into the arena; dst shares nothing with src afterwards. */
static int claim_copy(ct_arena *arena, ct_claim *dst, const ct_claim *src)
{
    *dst = *src;
    const char **fields[] = {&dst->text,     &dst->speaker,      &dst->speaker_kind,
                             &dst->speaker_role, &dst->speaker_org, &dst->hedge_cue,
                             &dst->subject,  &dst->entity,       &dst->terms,
                             &dst->file};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (!*fields[i])
            continue;
        *fields[i] = ct__arena_strndup(arena, *fields[i], strlen(*fields[i]));
        if (!*fields[i])
            return CT_ENOMEM;
    }
    return CT_OK;
}

/* A standalone claim: the struct, then its arena, in one allocation. */
typedef struct {
    ct_claim claim;
    ct_arena arena;
} owned_claim;

int ct_claim_dup(ct_claim **out, const ct_claim *claim)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_claim_dup: out is NULL");
    *out = NULL;
    if (!claim)
        return ct__error(CT_EINVAL, "ct_claim_dup: claim is NULL");
    owned_claim *oc = ct__calloc(1, sizeof *oc);
    if (!oc)
        return ct__enomem();
    if (claim_copy(&oc->arena, &oc->claim, claim) != CT_OK) {
        ct__arena_free(&oc->arena);
        ct__free(oc);
        return ct__enomem();
    }
    *out = &oc->claim;
    return CT_OK;
}

void ct_claim_free(ct_claim *claim)
{
    if (!claim)
        return;
    owned_claim *oc = (owned_claim *)(void *)claim; /* claim is its first member */
    ct__arena_free(&oc->arena);
    ct__free(oc);
}

/* ---- relations --------------------------------------------------------------------- */

struct ct_relation_iter {
    ct_db_cursor *cur;
    ct_relation rel;
};

int ct_relation_iter_new(ct_relation_iter **out, ct_store *st, int64_t claim_id,
                         ct_relation_type type)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_relation_iter_new: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_relation_iter_new: store is NULL");
    if (type != CT_RELATION_ANY && type != CT_RELATION_CORROBORATES &&
        type != CT_RELATION_CONTRADICTS)
        return ct__error(CT_EINVAL, "ct_relation_iter_new: unknown relation type %d", (int)type);
    if (claim_id < 0)
        return ct__error(CT_EINVAL, "ct_relation_iter_new: claim id %" PRId64 " is negative",
                         claim_id);
    ct_relation_iter *it = ct__calloc(1, sizeof *it);
    if (!it)
        return ct__enomem();
    int rc = ct__db_relations(&it->cur, st->db, claim_id, (int)type);
    if (rc) {
        ct__free(it);
        return rc;
    }
    *out = it;
    return CT_OK;
}

int ct_relation_iter_next(const ct_relation **out, ct_relation_iter *it)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_relation_iter_next: out is NULL");
    *out = NULL;
    if (!it)
        return ct__error(CT_EINVAL, "ct_relation_iter_next: iterator is NULL");
    int rc = ct__db_cursor_next(it->cur);
    if (rc)
        return rc;
    ct_relation *r = &it->rel;
    r->type = (ct_relation_type)ct__db_col_int(it->cur, 0);
    r->score = ct__db_col_double(it->cur, 1);
    r->reason = ct__db_col_text(it->cur, 2);
    r->independent = ct__db_col_int(it->cur, 3) != 0;
    ct__db_col_claim(it->cur, 4, &r->a);
    ct__db_col_claim(it->cur, 4 + CT_DB_CLAIM_NCOLS, &r->b);
    *out = r;
    return CT_OK;
}

void ct_relation_iter_free(ct_relation_iter *it)
{
    if (!it)
        return;
    ct__db_cursor_free(it->cur);
    ct__free(it);
}

ct_relation_type ct_relation_kind(const ct_relation *r) { return r ? r->type : CT_RELATION_ANY; }

const char *ct_relation_type_name(ct_relation_type type)
{
    switch (type) {
    case CT_RELATION_CORROBORATES: return "corroborates";
    case CT_RELATION_CONTRADICTS: return "contradicts";
    default: return "any";
    }
}

const ct_claim *ct_relation_a(const ct_relation *r) { return r ? &r->a : NULL; }
const ct_claim *ct_relation_b(const ct_relation *r) { return r ? &r->b : NULL; }
double ct_relation_score(const ct_relation *r) { return r ? r->score : 0.0; }
const char *ct_relation_reason(const ct_relation *r) { return r && r->reason ? r->reason : ""; }
int ct_relation_independent(const ct_relation *r) { return r && r->independent; }

/* ---- documents and sources --------------------------------------------------------- */

struct ct_document_iter {
    ct_db_cursor *cur;
    ct_document doc;
};

static void read_document(ct_db_cursor *cur, ct_document *d)
{
    d->id = ct__db_col_int(cur, 0);
    d->file = ct__db_col_text(cur, 1);
    d->source = ct__db_col_text(cur, 2);
    d->url = ct__db_col_text(cur, 3);
    d->published = ct__db_col_text(cur, 4);
    d->title = ct__db_col_text(cur, 5);
    d->ingested = ct__db_col_text(cur, 6);
    const char *hex = ct__db_col_text(cur, 7);
    snprintf(d->sha256, sizeof d->sha256, "%s", hex ? hex : "");
    d->claims = ct__db_col_int(cur, 8);
    d->derived_from = ct__db_col_int(cur, 9);
    d->similarity = ct__db_col_double(cur, 10);
}

int ct_document_iter_new(ct_document_iter **out, ct_store *st)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_document_iter_new: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_document_iter_new: store is NULL");
    ct_document_iter *it = ct__calloc(1, sizeof *it);
    if (!it)
        return ct__enomem();
    int rc = ct__db_documents(&it->cur, st->db, 0);
    if (rc) {
        ct__free(it);
        return rc;
    }
    *out = it;
    return CT_OK;
}

int ct_document_iter_next(const ct_document **out, ct_document_iter *it)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_document_iter_next: out is NULL");
    *out = NULL;
    if (!it)
        return ct__error(CT_EINVAL, "ct_document_iter_next: iterator is NULL");
    int rc = ct__db_cursor_next(it->cur);
    if (rc)
        return rc;
    read_document(it->cur, &it->doc);
    *out = &it->doc;
    return CT_OK;
}

void ct_document_iter_free(ct_document_iter *it)
{
    if (!it)
        return;
    ct__db_cursor_free(it->cur);
    ct__free(it);
}

static const char *arena_copy(ct_arena *arena, const char *s, int *rc)
{
    if (!s)
        return NULL;
    const char *p = ct__arena_strndup(arena, s, strlen(s));
    if (!p)
        *rc = CT_ENOMEM;
    return p;
}

int ct_store_document(ct_document **out, ct_store *st, int64_t doc_id)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_store_document: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_store_document: store is NULL");
    if (doc_id <= 0)
        return ct__error(CT_ENOTFOUND, "no document %" PRId64, doc_id);
    ct_db_cursor *cur = NULL;
    int rc = ct__db_documents(&cur, st->db, doc_id);
    if (rc)
        return rc;
    rc = ct__db_cursor_next(cur);
    if (rc != CT_OK) {
        ct__db_cursor_free(cur);
        return rc == CT_ITEROVER ? ct__error(CT_ENOTFOUND, "no document %" PRId64, doc_id) : rc;
    }
    ct_document *d = ct__calloc(1, sizeof *d);
    if (!d) {
        ct__db_cursor_free(cur);
        return ct__enomem();
    }
    read_document(cur, d);
    d->file = arena_copy(&d->arena, d->file, &rc);
    d->source = arena_copy(&d->arena, d->source, &rc);
    d->url = arena_copy(&d->arena, d->url, &rc);
    d->published = arena_copy(&d->arena, d->published, &rc);
    d->title = arena_copy(&d->arena, d->title, &rc);
    d->ingested = arena_copy(&d->arena, d->ingested, &rc);
    size_t n = 0;
    const void *text = ct__db_col_blob(cur, 11, &n);
    char *copy = ct__arena_alloc(&d->arena, n + 1);
    if (copy) {
        if (n)
            memcpy(copy, text, n);
        copy[n] = '\0';
    } else {
        rc = CT_ENOMEM;
    }
    d->text = copy;
    d->text_len = n;
    ct__db_cursor_free(cur);
    if (rc != CT_OK) {
        ct_document_free(d);
        return ct__enomem();
    }
    *out = d;
    return CT_OK;
}

const char *ct_document_text(const ct_document *d, size_t *len_out)
{
    if (len_out)
        *len_out = d && d->text ? d->text_len : 0;
    return d ? d->text : NULL;
}

void ct_document_free(ct_document *d)
{
    if (!d)
        return;
    ct__arena_free(&d->arena);
    ct__free(d);
}

int64_t ct_document_id(const ct_document *d) { return d ? d->id : 0; }
const char *ct_document_file(const ct_document *d) { return d ? d->file : NULL; }
const char *ct_document_source(const ct_document *d) { return d ? d->source : NULL; }
const char *ct_document_url(const ct_document *d) { return d ? d->url : NULL; }
const char *ct_document_published(const ct_document *d) { return d ? d->published : NULL; }
const char *ct_document_title(const ct_document *d) { return d ? d->title : NULL; }
const char *ct_document_ingested(const ct_document *d) { return d ? d->ingested : NULL; }
const char *ct_document_sha256(const ct_document *d) { return d ? d->sha256 : NULL; }
int64_t ct_document_claim_count(const ct_document *d) { return d ? d->claims : 0; }
int64_t ct_document_derived_from(const ct_document *d) { return d ? d->derived_from : 0; }
double ct_document_similarity(const ct_document *d) { return d ? d->similarity : 0.0; }

struct ct_source_iter {
    ct_db_cursor *cur;
    ct_source src;
};

int ct_source_iter_new(ct_source_iter **out, ct_store *st)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_source_iter_new: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_source_iter_new: store is NULL");
    ct_source_iter *it = ct__calloc(1, sizeof *it);
    if (!it)
        return ct__enomem();
    int rc = ct__db_sources(&it->cur, st->db);
    if (rc) {
        ct__free(it);
        return rc;
    }
    *out = it;
    return CT_OK;
}

int ct_source_iter_next(const ct_source **out, ct_source_iter *it)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_source_iter_next: out is NULL");
    *out = NULL;
    if (!it)
        return ct__error(CT_EINVAL, "ct_source_iter_next: iterator is NULL");
    int rc = ct__db_cursor_next(it->cur);
    if (rc)
        return rc;
    it->src.name = ct__db_col_text(it->cur, 0);
    it->src.documents = ct__db_col_int(it->cur, 1);
    it->src.claims = ct__db_col_int(it->cur, 2);
    *out = &it->src;
    return CT_OK;
}

void ct_source_iter_free(ct_source_iter *it)
{
    if (!it)
        return;
    ct__db_cursor_free(it->cur);
    ct__free(it);
}

const char *ct_source_name(const ct_source *s) { return s && s->name ? s->name : ""; }
int64_t ct_source_document_count(const ct_source *s) { return s ? s->documents : 0; }
int64_t ct_source_claim_count(const ct_source *s) { return s ? s->claims : 0; }

/* ---- checking a text --------------------------------------------------------------- */

static int check_claim(ct_store *st, ct_check *chk, size_t i)
{
    const ct_claim *me = &chk->doc->claims[i];
    struct ct_check_item *item = &chk->items[i];
    ct_interval iv;
    ct__claim_interval(me, &iv);
    if (!iv.has_lo && !iv.has_hi)
        return CT_OK;
    char key[CT_COMPARE_KEY_MAX], okey[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(me, key, sizeof key);
    ct__claim_origin_key(me, okey, sizeof okey);
    size_t cap = 0;
    bool agree = false, disagree = false;
    for (int side = 0; side < 2; side++) {
        ct_db_cursor *cur = NULL;
        int rc = ct__db_candidates(&cur, st->db, key, interval_mid(&iv), side == 0, 0,
                                   CANDIDATES_PER_SIDE);
        while (rc == CT_OK && (rc = ct__db_cursor_next(cur)) == CT_OK) {
            ct_claim other;
            ct__db_col_claim(cur, 0, &other);
            double score = 0;
            char reason[256];
            bool same_origin = false;
            ct_rel_type t = relate_pair(&other, ct__db_col_text(cur, CT_DB_CLAIM_NCOLS), me, &iv,
                                        okey, true, &score, reason, sizeof reason,
                                        &same_origin);
            if (t == CT_REL_NONE)
                continue;
            if (CT_GROW(item->matches, cap, item->nmatches + 1)) {
                rc = CT_ENOMEM;
                break;
            }
            ct_relation *r = &item->matches[item->nmatches];
            memset(r, 0, sizeof *r);
            r->type = t == CT_REL_CORROBORATES ? CT_RELATION_CORROBORATES : CT_RELATION_CONTRADICTS;
            r->score = score;
            r->independent = true;
            r->a = *me;
            rc = claim_copy(&chk->arena, &r->b, &other);
            if (rc == CT_OK && !(r->reason = arena_copy(&chk->arena, reason, &rc)))
                rc = CT_ENOMEM;
            if (rc)
                break;
            item->nmatches++;
            agree |= t == CT_REL_CORROBORATES;
            disagree |= t == CT_REL_CONTRADICTS;
        }
        ct__db_cursor_free(cur);
        if (rc != CT_ITEROVER)
            return rc == CT_ENOMEM ? ct__enomem() : rc;
    }
    item->verdict = agree && disagree ? CT_VERDICT_DISPUTED
                    : agree           ? CT_VERDICT_CORROBORATED
                    : disagree        ? CT_VERDICT_CONTRADICTED
                                      : CT_VERDICT_UNKNOWN;
    return CT_OK;
}

int ct_store_check(ct_check **out, ct_store *st, const char *text, size_t len, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_store_check: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_store_check: store is NULL");
    if (!text && len)
        return ct__error(CT_EINVAL, "ct_store_check: text is NULL");
    if (flags & ~CT_EXTRACT_REPLACE_INVALID)
        return ct__error(CT_EINVAL, "ct_store_check: unknown flags 0x%x",
                         flags & ~CT_EXTRACT_REPLACE_INVALID);
    ct_check *chk = ct__calloc(1, sizeof *chk);
    if (!chk)
        return ct__enomem();
    int rc = ct_extract(&chk->doc, text, len, flags);
    if (rc == CT_OK) {
        chk->items = ct__calloc(chk->doc->nclaims + 1, sizeof *chk->items);
        if (!chk->items)
            rc = ct__enomem();
    }
    for (size_t i = 0; rc == CT_OK && i < chk->doc->nclaims; i++)
        rc = check_claim(st, chk, i);
    if (rc != CT_OK) {
        ct_check_free(chk);
        return rc;
    }
    *out = chk;
    return CT_OK;
}

void ct_check_free(ct_check *chk)
{
    if (!chk)
        return;
    if (chk->items && chk->doc)
        for (size_t i = 0; i < chk->doc->nclaims; i++)
            ct__free(chk->items[i].matches);
    ct__free(chk->items);
    ct_doc_free(chk->doc);
    ct__arena_free(&chk->arena);
    ct__free(chk);
}

size_t ct_check_claim_count(const ct_check *chk) { return chk && chk->doc ? chk->doc->nclaims : 0; }

const ct_claim *ct_check_claim(const ct_check *chk, size_t i)
{
    return i < ct_check_claim_count(chk) ? &chk->doc->claims[i] : NULL;
}

ct_verdict ct_check_verdict(const ct_check *chk, size_t i)
{
    return i < ct_check_claim_count(chk) ? chk->items[i].verdict : CT_VERDICT_UNKNOWN;
}

const char *ct_verdict_name(ct_verdict v)
{
    switch (v) {
    case CT_VERDICT_CORROBORATED: return "corroborated";
    case CT_VERDICT_CONTRADICTED: return "contradicted";
    case CT_VERDICT_DISPUTED: return "disputed";
    default: return "unknown";
    }
}

size_t ct_check_match_count(const ct_check *chk, size_t i)
{
    return i < ct_check_claim_count(chk) ? chk->items[i].nmatches : 0;
}

const ct_relation *ct_check_match(const ct_check *chk, size_t i, size_t j)
{
    return j < ct_check_match_count(chk, i) ? &chk->items[i].matches[j] : NULL;
}

/* ---- one claim, everything known ---------------------------------------------------- */

typedef struct {
    ct_arena arena;
    ct_claim claim;
    ct_document *doc;
    ct_origin origin;
    bool has_origin;
    ct_relation *rels;
    size_t nrels, cap;
} claim_report;

static int report_gather(claim_report *r, ct_store *st, int64_t claim_id)
{
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.claim_id = claim_id;
    ct_claim_iter *ci = NULL;
    const ct_claim *c = NULL;
    int rc = ct_claim_iter_new(&ci, st, &f);
    if (rc == CT_OK)
        rc = ct_claim_iter_next(&c, ci);
    if (rc == CT_ITEROVER)
        rc = ct__error(CT_ENOTFOUND, "no claim %" PRId64, claim_id);
    if (rc == CT_OK && claim_copy(&r->arena, &r->claim, c) != CT_OK)
        rc = ct__enomem();
    ct_claim_iter_free(ci);
    if (rc == CT_OK)
        rc = ct_store_document(&r->doc, st, r->claim.doc_id);
    ct_origin_iter *oi = NULL;
    const ct_origin *o = NULL;
    if (rc == CT_OK)
        rc = ct_origin_iter_new(&oi, st, claim_id, 0);
    if (rc == CT_OK && (rc = ct_origin_iter_next(&o, oi)) == CT_OK) {
        r->origin = *o;
        r->has_origin = true;
        r->origin.label = arena_copy(&r->arena, o->label, &rc);
        if (rc == CT_OK)
            rc = claim_copy(&r->arena, &r->origin.first, &o->first);
    }
    ct_origin_iter_free(oi);
    if (rc == CT_ITEROVER)
        rc = CT_OK;
    ct_relation_iter *ri = NULL;
    const ct_relation *rel = NULL;
    if (rc == CT_OK)
        rc = ct_relation_iter_new(&ri, st, claim_id, CT_RELATION_ANY);
    while (rc == CT_OK && (rc = ct_relation_iter_next(&rel, ri)) == CT_OK) {
        if (CT_GROW(r->rels, r->cap, r->nrels + 1)) {
            rc = CT_ENOMEM;
            break;
        }
        ct_relation *dst = &r->rels[r->nrels++];
        *dst = *rel;
        rc = claim_copy(&r->arena, &dst->a, &rel->a);
        if (rc == CT_OK)
            rc = claim_copy(&r->arena, &dst->b, &rel->b);
        if (rc == CT_OK)
            dst->reason = arena_copy(&r->arena, rel->reason, &rc);
    }
    ct_relation_iter_free(ri);
    if (rc == CT_ITEROVER)
        rc = CT_OK;
    return rc == CT_ENOMEM ? ct__enomem() : rc;
}

int ct_store_claim_to_json(char **out, ct_store *st, int64_t claim_id, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_store_claim_to_json: out is NULL");
    *out = NULL;
    if (!st)
        return ct__error(CT_EINVAL, "ct_store_claim_to_json: store is NULL");
    if (flags & ~CT_JSON_PRETTY)
        return ct__error(CT_EINVAL, "ct_store_claim_to_json: unknown flags 0x%x",
                         flags & ~CT_JSON_PRETTY);
    if (claim_id <= 0)
        return ct__error(CT_ENOTFOUND, "no claim %" PRId64, claim_id);
    claim_report r = {0};
    int rc = report_gather(&r, st, claim_id);
    if (rc == CT_OK) {
        const char *sent = NULL;
        size_t n = 0;
        if (r.doc && r.claim.sent_start <= r.claim.sent_end && r.claim.sent_end <= r.doc->text_len) {
            sent = r.doc->text + r.claim.sent_start;
            n = r.claim.sent_end - r.claim.sent_start;
        }
        rc = ct__json_claim_report(out, &r.claim, sent, n, r.doc, r.has_origin ? &r.origin : NULL,
                                   r.rels, r.nrels, flags);
    }
    ct_document_free(r.doc);
    ct__free(r.rels);
    ct__arena_free(&r.arena);
    return rc;
}
