/* The claim store: arguments, schema and upgrades, idempotent ingest, crash safety,
 * concurrent writers, hostile metadata, iteration, relations, origins, JSON. */
#define _POSIX_C_SOURCE 200809L /* fork, mkdtemp, pipe, kill */

#include <check.h>
#include <stdbool.h>
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "claimtrack/claimtrack.h"
#include "store.h"
#include "testutil.h"

/* ---- building documents by hand -------------------------------------------------- */

typedef struct {
    const char *expr; /* found in the text; the claim's span */
    ct_kind kind;
    int has_low;
    double low;
    int has_high;
    double high;
    const char *unit;
    ct_bound bound;
    const char *speaker, *speaker_kind, *subject, *entity;
    ct_direction dir;
    const char *terms; /* NULL: none */
} tclaim;

static const char *dup_in(ct_doc *doc, const char *s)
{
    return s ? ct__arena_strndup(&doc->arena, s, strlen(s)) : NULL;
}

/* A document whose claims are given; every claim's sentence is the whole text. */
static ct_doc *make_doc(const char *text, const tclaim *tc, size_t n)
{
    ct_doc *doc = ct__calloc(1, sizeof *doc);
    ck_assert_ptr_nonnull(doc);
    doc->claims = ct__calloc(n + 1, sizeof *doc->claims);
    doc->nclaims = doc->claims_cap = n;
    size_t len = strlen(text);
    for (size_t i = 0; i < n; i++) {
        ct_claim *c = &doc->claims[i];
        size_t at = tu_find(text, len, tc[i].expr, 1);
        ck_assert_msg(at != (size_t)-1, "%s not in the text", tc[i].expr);
        c->start = at;
        c->end = at + strlen(tc[i].expr);
        c->sent_start = 0;
        c->sent_end = len;
        c->text = dup_in(doc, tc[i].expr);
        c->kind = tc[i].kind;
        c->has_low = tc[i].has_low;
        c->low = tc[i].low;
        c->has_high = tc[i].has_high;
        c->high = tc[i].high;
        snprintf(c->unit, sizeof c->unit, "%s", tc[i].unit);
        c->bound = tc[i].bound;
        c->direction = tc[i].dir;
        c->speaker = dup_in(doc, tc[i].speaker);
        c->speaker_kind = dup_in(doc, tc[i].speaker_kind);
        c->subject = dup_in(doc, tc[i].subject);
        c->entity = dup_in(doc, tc[i].entity);
        c->terms = dup_in(doc, tc[i].terms ? tc[i].terms : "");
    }
    return doc;
}

static int64_t ingest_doc(ct_store *st, const char *text, const tclaim *tc, size_t n,
                          const ct_ingest_meta *meta, int *was_new)
{
    ct_doc *doc = make_doc(text, tc, n);
    int64_t id = 0;
    int rc = ct__store_ingest_doc(st, text, strlen(text), doc, meta, &id, was_new);
    ck_assert_msg(rc == CT_OK, "ingest: %s", ct_errmsg());
    ct_doc_free(doc);
    return id;
}

static ct_store *open_ok(const char *path)
{
    ct_store *st = NULL;
    int rc = ct_store_open(&st, path, 0);
    ck_assert_msg(rc == CT_OK, "open %s: %s", path, ct_errmsg());
    return st;
}

static int64_t count_claims(ct_store *st, const ct_claim_filter *f)
{
    ct_claim_iter *it = NULL;
    const ct_claim *c;
    int64_t n = 0;
    ck_assert_int_eq(ct_claim_iter_new(&it, st, f), CT_OK);
    int rc;
    while ((rc = ct_claim_iter_next(&c, it)) == CT_OK)
        n++;
    ck_assert_int_eq(rc, CT_ITEROVER);
    ct_claim_iter_free(it);
    return n;
}

static int64_t count_docs(ct_store *st)
{
    ct_document_iter *it = NULL;
    const ct_document *d;
    int64_t n = 0;
    ck_assert_int_eq(ct_document_iter_new(&it, st), CT_OK);
    while (ct_document_iter_next(&d, it) == CT_OK)
        n++;
    ct_document_iter_free(it);
    return n;
}

static char tmpdir[64];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ct_store_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static void db_path(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", tmpdir, name);
}

/* Facts about DeepSeek, as several outlets report them. */
static const char text_a[] = "DeepSeek said its model cost less than $6 million to train.";
static const tclaim claims_a[] = {{"less than $6 million", CT_KIND_MONEY, 0, 0, 1, 6e6, "USD",
                                   CT_BOUND_UPPER, "DeepSeek", "organization",
                                   "training cost", "DeepSeek", CT_DIR_NONE, NULL}};
static const char text_b[] = "The model took $5.6 million to train, DeepSeek said on Monday.";
static const tclaim claims_b[] = {{"$5.6 million", CT_KIND_MONEY, 1, 5.6e6, 1, 5.6e6, "USD",
                                   CT_BOUND_EXACT, "DeepSeek", "organization",
                                   "training cost", "DeepSeek", CT_DIR_NONE, NULL}};
static const char text_c[] = "Critics say training the DeepSeek model cost $80 million.";
static const tclaim claims_c[] = {{"$80 million", CT_KIND_MONEY, 1, 8e7, 1, 8e7, "USD",
                                   CT_BOUND_EXACT, "critics", "group", "training cost",
                                   "DeepSeek", CT_DIR_NONE, NULL}};

/* ---- arguments --------------------------------------------------------------------- */

START_TEST(bad_arguments)
{
    ct_store *st = (ct_store *)1;
    ck_assert_int_eq(ct_store_open(NULL, ":memory:", 0), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_open: out is NULL");
    ck_assert_int_eq(ct_store_open(&st, NULL, 0), CT_EINVAL);
    ck_assert_ptr_null(st);
    ck_assert_str_eq(ct_errmsg(), "ct_store_open: path is NULL");
    ck_assert_int_eq(ct_store_open(&st, "", 0), CT_EINVAL);
    ck_assert_int_eq(ct_store_open(&st, ":memory:", 0x80), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_open: unknown flags 0x80");
    ct_store_close(NULL);

    int64_t id = 7;
    int was_new = 7;
    ck_assert_int_eq(ct_store_ingest(NULL, "x", 1, NULL, 0, &id, &was_new), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_ingest: store is NULL");
    ck_assert_int_eq(id, 0);
    ck_assert_int_eq(was_new, 0);

    st = open_ok(":memory:");
    ck_assert_int_eq(ct_store_ingest(st, NULL, 3, NULL, 0, NULL, NULL), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_ingest: text is NULL");
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.version = 99;
    ck_assert_int_eq(ct_store_ingest(st, "x", 1, &meta, 0, NULL, NULL), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_ingest: meta->version is 99, expected 1");
    /* unknown flags are refused, as ct_store_open refuses them, even for stored text */
    ck_assert_int_eq(ct_store_ingest(st, "x", 1, NULL, 0x8, NULL, NULL), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_ingest: unknown flags 0x8");
    ck_assert_int_eq(ct_store_ingest_record(st, "{\"text\":\"x\"}", 12, 1, NULL, 0x8, NULL, NULL),
                     CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_store_ingest_record: unknown flags 0x8");
    ct_check *chk = (ct_check *)1;
    ck_assert_int_eq(ct_store_check(&chk, st, "x", 1, 0x8), CT_EINVAL);
    ck_assert_ptr_null(chk);
    ck_assert_str_eq(ct_errmsg(), "ct_store_check: unknown flags 0x8");
    char *json = (char *)1;
    ck_assert_int_eq(ct_store_claim_to_json(&json, st, 1, CT_JSON_QUANTITIES), CT_EINVAL);
    ck_assert_ptr_null(json);
    ck_assert_str_eq(ct_errmsg(), "ct_store_claim_to_json: unknown flags 0x1");
    ct_origin_iter *oi = (ct_origin_iter *)1;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, 0x4), CT_EINVAL);
    ck_assert_ptr_null(oi);
    ck_assert_str_eq(ct_errmsg(), "ct_origin_iter_new: unknown flags 0x4");
    ct_source src = {0};
    ck_assert_int_eq(ct_source_to_json(&json, &src, 0x100), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_source_to_json: unknown flags 0x100");
    /* invalid UTF-8 is the extraction's error, and nothing is stored */
    ck_assert_int_eq(ct_store_ingest(st, "a\xff", 2, NULL, 0, NULL, NULL), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "invalid UTF-8 at byte 1");
    ck_assert_int_eq(count_docs(st), 0);

    ct_claim_iter *it = (ct_claim_iter *)1;
    ck_assert_int_eq(ct_claim_iter_new(&it, NULL, NULL), CT_EINVAL);
    ck_assert_ptr_null(it);
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.version = 0;
    ck_assert_int_eq(ct_claim_iter_new(&it, st, &f), CT_EINVAL);
    f = (ct_claim_filter)CT_CLAIM_FILTER_INIT;
    f.search = "  ";
    ck_assert_int_eq(ct_claim_iter_new(&it, st, &f), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_claim_iter_new: the search has no words");
    const ct_claim *c = (const ct_claim *)1;
    ck_assert_int_eq(ct_claim_iter_next(&c, NULL), CT_EINVAL);
    ck_assert_ptr_null(c);
    ct_claim_iter_free(NULL);

    ct_relation_iter *ri = NULL;
    ck_assert_int_eq(ct_relation_iter_new(&ri, st, 0, (ct_relation_type)9), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_relation_iter_new: unknown relation type 9");
    ck_assert_int_eq(ct_relation_iter_new(&ri, st, -1, CT_RELATION_ANY), CT_EINVAL);
    ct_relation_iter_free(NULL);
    ct_origin_iter_free(NULL);
    ct_document_iter_free(NULL);
    ct_source_iter_free(NULL);
    ct_check_free(NULL);
    ct_claim_free(NULL);
    ct_document_free(NULL);

    ct_document *d = NULL;
    ck_assert_int_eq(ct_store_document(&d, st, 42), CT_ENOTFOUND);
    ck_assert_str_eq(ct_errmsg(), "no document 42");
    json = NULL;
    ck_assert_int_eq(ct_store_claim_to_json(&json, st, 5, 0), CT_ENOTFOUND);
    ck_assert_str_eq(ct_errmsg(), "no claim 5");
    ck_assert_int_eq(ct_relation_to_json(&json, NULL, 0), CT_EINVAL);
    ck_assert_int_eq(ct_claim_id(NULL), 0);
    ck_assert_str_eq(ct_relation_reason(NULL), "");
    ck_assert_str_eq(ct_origin_label(NULL), "");
    ct_store_close(st);
}
END_TEST

/* ---- schema ------------------------------------------------------------------------- */

START_TEST(new_store_has_current_schema)
{
    ct_store *st = open_ok(":memory:");
    int v = 0;
    ck_assert_int_eq(ct_store_schema_version(st, &v), CT_OK);
    ck_assert_int_eq(v, CT_STORE_SCHEMA_VERSION);
    ck_assert_int_eq(count_claims(st, NULL), 0);
    ct_store_close(st);
}
END_TEST

/* The version 1 schema as it shipped, written out here so that the test does not depend
 * on the library's copy of it. */
static const char v1_schema[] =
    "CREATE TABLE sources(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 BLOB NOT NULL UNIQUE, file TEXT,"
    " source_id INTEGER REFERENCES sources(id), url TEXT, published TEXT, title TEXT,"
    " ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    " text BLOB NOT NULL);"
    "CREATE TABLE speakers(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL, kind TEXT, role TEXT, org TEXT);"
    "CREATE TABLE claims(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, sent_start INTEGER NOT NULL,"
    " sent_end INTEGER NOT NULL, text TEXT NOT NULL, kind INTEGER NOT NULL, low REAL, high REAL,"
    " unit TEXT NOT NULL, bound INTEGER NOT NULL, direction INTEGER NOT NULL,"
    " speaker_id INTEGER REFERENCES speakers(id), hedged INTEGER NOT NULL, hedge_cue TEXT,"
    " subject TEXT, entity TEXT, terms TEXT NOT NULL, match_key TEXT NOT NULL, lo REAL, hi REAL);"
    "CREATE INDEX claims_doc ON claims(doc_id);"
    "CREATE INDEX claims_key ON claims(match_key, lo);"
    "CREATE TABLE quotes(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,"
    " speaker_id INTEGER REFERENCES speakers(id));"
    "CREATE TABLE relations(a INTEGER NOT NULL REFERENCES claims(id),"
    " b INTEGER NOT NULL REFERENCES claims(id), type INTEGER NOT NULL, score REAL NOT NULL,"
    " reason TEXT NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    "CREATE INDEX relations_b ON relations(b);"
    "INSERT INTO sources VALUES (1, 'Wire');"
    "INSERT INTO documents(id, sha256, file, source_id, text) VALUES"
    " (1, x'01', 'a.txt', 1, CAST('DeepSeek said it cost under $6 million.' AS BLOB)),"
    " (2, x'02', 'b.txt', NULL, CAST('It cost $5.8 million, DeepSeek said.' AS BLOB));"
    "INSERT INTO speakers VALUES (1, 'deepseek', 'DeepSeek', 'organization', NULL, NULL);"
    "INSERT INTO claims VALUES"
    " (1, 1, 22, 38, 0, 39, 'under $6 million', 1, NULL, 6000000, 'USD', 2, 0, 1, 0, NULL,"
    "  'cost', 'DeepSeek', 'cost train', 'money|USD|deepseek', NULL, 6600000),"
    " (2, 2, 8, 20, 0, 36, '$5.8 million', 1, 5800000, 5800000, 'USD', 0, 0, 1, 0, NULL,"
    "  'cost', 'DeepSeek', 'cost', 'money|USD|deepseek', 5750000, 5850000);"
    "INSERT INTO relations VALUES (1, 2, 1, 0.9, 'both under $6 million');"
    "PRAGMA user_version = 1;";

START_TEST(upgrade_from_version_1)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "v1.db");
    sqlite3 *h = NULL;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(h, v1_schema, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);

    /* read-only cannot upgrade, and says so */
    ct_store *st = NULL;
    ck_assert_int_eq(ct_store_open(&st, path, CT_OPEN_READONLY), CT_EREADONLY);
    ck_assert_ptr_null(st);

    st = open_ok(path);
    int v = 0;
    ck_assert_int_eq(ct_store_schema_version(st, &v), CT_OK);
    ck_assert_int_eq(v, 2);
    ck_assert_int_eq(count_claims(st, NULL), 2);
    /* the sentences were indexed for search during the upgrade */
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.search = "cost DEEPSEEK";
    ck_assert_int_eq(count_claims(st, &f), 2);
    f.search = "under million";
    ck_assert_int_eq(count_claims(st, &f), 1);
    /* origins were traced: the same speaker, agreeing values -> one origin */
    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, CT_ORIGIN_REPEATED), CT_OK);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_OK);
    ck_assert_str_eq(ct_origin_label(o), "DeepSeek");
    ck_assert_int_eq(ct_origin_report_count(o), 2);
    ck_assert_int_eq(ct_origin_document_count(o), 2);
    ck_assert_int_eq(ct_claim_id(ct_origin_first(o)), 1);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_ITEROVER);
    ct_origin_iter_free(oi);
    /* the old relation is still there */
    ct_relation_iter *ri = NULL;
    const ct_relation *r;
    ck_assert_int_eq(ct_relation_iter_new(&ri, st, 2, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, ri), CT_OK);
    ck_assert_int_eq(ct_claim_id(ct_relation_a(r)), 2); /* the claim asked about is a */
    ck_assert_int_eq(ct_claim_id(ct_relation_b(r)), 1);
    ck_assert_str_eq(ct_relation_reason(r), "both under $6 million");
    ct_relation_iter_free(ri);
    /* the key terms were indexed during the upgrade */
    sqlite3_stmt *q = NULL;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT group_concat(term || '@' || claim_id) FROM "
                                           "(SELECT * FROM claim_terms ORDER BY claim_id, term)",
                                        -1, &q, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    ck_assert_str_eq((const char *)sqlite3_column_text(q, 0), "cost@1,train@1,cost@2");
    sqlite3_finalize(q);
    sqlite3_close(h);
    /* and new documents go in after the upgrade */
    int was_new = 0;
    ingest_doc(st, text_a, claims_a, 1, NULL, &was_new);
    ck_assert_int_eq(was_new, 1);
    ct_store_close(st);
    /* opening again does nothing more */
    st = open_ok(path);
    ck_assert_int_eq(count_claims(st, NULL), 3);
    ct_store_close(st);
    remove_tmpdir();
}
END_TEST

START_TEST(foreign_files_are_refused)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "other.db");
    sqlite3 *h = NULL;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    ct_store *st = NULL;
    ck_assert_int_eq(ct_store_open(&st, path, 0), CT_ECORRUPT);
    ck_assert_str_eq(ct_errmsg(), "not a claimtrack store (it has other tables)");

    db_path(path, sizeof path, "text.db");
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("this is not a database, just some text that is long enough to look like a header\n",
          f);
    fclose(f);
    ck_assert_int_eq(ct_store_open(&st, path, 0), CT_ECORRUPT);
    ck_assert_ptr_null(st);

    db_path(path, sizeof path, "newer.db");
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(h, "PRAGMA user_version = 9", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    ck_assert_int_eq(ct_store_open(&st, path, 0), CT_ECORRUPT);
    ck_assert_str_eq(ct_errmsg(), "the store has schema version 9; this library reads up to 2");

    db_path(path, sizeof path, "missing.db");
    ck_assert_int_eq(ct_store_open(&st, path, CT_OPEN_NOCREATE), CT_ENOTFOUND);
    remove_tmpdir();
}
END_TEST

/* ---- ingesting ---------------------------------------------------------------------- */

START_TEST(same_bytes_twice_is_a_no_op)
{
    ct_store *st = open_ok(":memory:");
    int was_new = 0;
    int64_t id1 = ingest_doc(st, text_a, claims_a, 1, NULL, &was_new);
    ck_assert_int_eq(was_new, 1);
    int64_t id2 = ingest_doc(st, text_a, claims_a, 1, NULL, &was_new);
    ck_assert_int_eq(was_new, 0);
    ck_assert_int_eq(id1, id2);
    /* the public entry point agrees, without extracting again */
    int64_t id3 = 0;
    was_new = 5;
    ck_assert_int_eq(ct_store_ingest(st, text_a, strlen(text_a), NULL, 0, &id3, &was_new), CT_OK);
    ck_assert_int_eq(was_new, 0);
    ck_assert_int_eq(id3, id1);
    ck_assert_int_eq(count_docs(st), 1);
    ck_assert_int_eq(count_claims(st, NULL), 1);
    /* one byte more is another document */
    ck_assert_int_eq(ct_store_ingest(st, text_a, strlen(text_a) - 1, NULL, 0, &id3, &was_new),
                     CT_OK);
    ck_assert_int_eq(was_new, 1);
    ck_assert_int_ne(id3, id1);
    ct_store_close(st);
}
END_TEST

START_TEST(sha256_matches_the_standard)
{
    static const struct {
        const char *in, *hex;
    } vec[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    for (size_t i = 0; i < sizeof vec / sizeof vec[0]; i++) {
        unsigned char d[32];
        char hex[65];
        ct__sha256(vec[i].in, strlen(vec[i].in), d);
        for (int k = 0; k < 32; k++)
            snprintf(hex + 2 * k, 3, "%02x", d[k]);
        ck_assert_str_eq(hex, vec[i].hex);
    }
    /* a million 'a's crosses many blocks */
    char *big = malloc(1000000);
    memset(big, 'a', 1000000);
    unsigned char d[32];
    char hex[65];
    ct__sha256(big, 1000000, d);
    for (int k = 0; k < 32; k++)
        snprintf(hex + 2 * k, 3, "%02x", d[k]);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(big);
}
END_TEST

START_TEST(claims_come_back_as_stored)
{
    ct_store *st = open_ok(":memory:");
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.file = "a.txt";
    meta.source = "Wire";
    meta.published = "2025-01-28";
    int64_t doc = ingest_doc(st, text_a, claims_a, 1, &meta, NULL);
    meta.file = "c.txt";
    meta.source = "Other";
    ingest_doc(st, text_c, claims_c, 1, &meta, NULL);

    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.doc_id = doc;
    ct_claim_iter *it = NULL;
    const ct_claim *c;
    ck_assert_int_eq(ct_claim_iter_new(&it, st, &f), CT_OK);
    ck_assert_int_eq(ct_claim_iter_next(&c, it), CT_OK);
    ck_assert_int_gt(ct_claim_id(c), 0);
    ck_assert_int_eq(ct_claim_doc_id(c), doc);
    ck_assert_int_gt(ct_claim_origin_id(c), 0);
    ck_assert_str_eq(ct_claim_text(c), "less than $6 million");
    ck_assert_str_eq(ct_claim_file(c), "a.txt");
    ck_assert_uint_eq(ct_claim_start(c), 29);
    ck_assert_uint_eq(ct_claim_end(c), 49);
    ck_assert_int_eq(ct_claim_kind(c), CT_KIND_MONEY);
    ck_assert_int_eq(ct_claim_has_low(c), 0);
    ck_assert_int_eq(ct_claim_has_high(c), 1);
    ck_assert_double_eq(ct_claim_high(c), 6e6);
    ck_assert_str_eq(ct_claim_unit(c), "USD");
    ck_assert_int_eq(ct_claim_bound(c), CT_BOUND_UPPER);
    ck_assert_str_eq(ct_claim_speaker(c), "DeepSeek");
    ck_assert_str_eq(ct_claim_speaker_kind(c), "organization");
    ck_assert_str_eq(ct_claim_subject(c), "training cost");
    ck_assert_str_eq(ct_claim_entity(c), "DeepSeek");
    ck_assert_uint_eq(ct_claim_sentence_end(c), strlen(text_a));
    /* a copy outlives the iterator */
    ct_claim *copy = NULL;
    ck_assert_int_eq(ct_claim_dup(&copy, c), CT_OK);
    ck_assert_int_eq(ct_claim_iter_next(&c, it), CT_ITEROVER);
    ct_claim_iter_free(it);
    ck_assert_str_eq(ct_claim_text(copy), "less than $6 million");
    ck_assert_str_eq(ct_claim_speaker(copy), "DeepSeek");
    char *json = NULL;
    ck_assert_int_eq(ct_claim_to_json(&json, copy, 0), CT_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"file\":\"a.txt\""));
    ct_free(json);
    ct_claim_free(copy);

    /* filters */
    f = (ct_claim_filter)CT_CLAIM_FILTER_INIT;
    f.source = "wire";
    ck_assert_int_eq(count_claims(st, &f), 1);
    f.source = "nobody";
    ck_assert_int_eq(count_claims(st, &f), 0);
    f = (ct_claim_filter)CT_CLAIM_FILTER_INIT;
    f.speaker = "deep";
    ck_assert_int_eq(count_claims(st, &f), 1);
    f.speaker = "critics";
    ck_assert_int_eq(count_claims(st, &f), 1);
    f = (ct_claim_filter)CT_CLAIM_FILTER_INIT;
    f.kind = CT_KIND_MONEY;
    ck_assert_int_eq(count_claims(st, &f), 2);
    f.kind = CT_KIND_RATIO;
    ck_assert_int_eq(count_claims(st, &f), 0);
    f = (ct_claim_filter)CT_CLAIM_FILTER_INIT;
    f.entity = "deepseek";
    ck_assert_int_eq(count_claims(st, &f), 2);
    f.search = "critics";
    ck_assert_int_eq(count_claims(st, &f), 1);
    /* FTS syntax in the words is just words */
    f.search = "\"critics\" OR (NEAR* -x";
    ck_assert_int_eq(count_claims(st, &f), 0);

    ct_source_iter *si = NULL;
    const ct_source *s;
    ck_assert_int_eq(ct_source_iter_new(&si, st), CT_OK);
    ck_assert_int_eq(ct_source_iter_next(&s, si), CT_OK);
    ck_assert_str_eq(ct_source_name(s), "Other");
    ck_assert_int_eq(ct_source_document_count(s), 1);
    ck_assert_int_eq(ct_source_claim_count(s), 1);
    ck_assert_int_eq(ct_source_iter_next(&s, si), CT_OK);
    ck_assert_str_eq(ct_source_name(s), "Wire");
    ck_assert_int_eq(ct_source_iter_next(&s, si), CT_ITEROVER);
    ct_source_iter_free(si);

    ct_document *d = NULL;
    ck_assert_int_eq(ct_store_document(&d, st, doc), CT_OK);
    size_t len = 0;
    ck_assert_str_eq(ct_document_text(d, &len), text_a);
    ck_assert_uint_eq(len, strlen(text_a));
    ck_assert_str_eq(ct_document_published(d), "2025-01-28");
    ck_assert_str_eq(ct_document_source(d), "Wire");
    ck_assert_int_eq(strlen(ct_document_sha256(d)), 64);
    ck_assert_int_eq(ct_document_claim_count(d), 1);
    ct_document_free(d);
    ct_store_close(st);
}
END_TEST

START_TEST(hostile_metadata_is_data)
{
    ct_store *st = open_ok(":memory:");
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.file = "x\"; DROP TABLE claims; --.txt";
    meta.source = "Robert'); DROP TABLE documents;--";
    meta.title = "\x1b[31mred\x1b[0m \"quoted\" \\ back\ttab\x01";
    meta.url = "javascript:alert('x')";
    meta.published = "' OR 1=1 --";
    int64_t doc = ingest_doc(st, text_a, claims_a, 1, &meta, NULL);
    ct_document *d = NULL;
    ck_assert_int_eq(ct_store_document(&d, st, doc), CT_OK);
    ck_assert_str_eq(ct_document_file(d), meta.file);
    ck_assert_str_eq(ct_document_source(d), meta.source);
    ck_assert_str_eq(ct_document_title(d), meta.title);
    ck_assert_str_eq(ct_document_url(d), meta.url);
    ck_assert_str_eq(ct_document_published(d), meta.published);
    char *json = NULL;
    ck_assert_int_eq(ct_document_to_json(&json, d, 0), CT_OK);
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    ck_assert_msg(root != NULL, "not JSON: %s", err.text);
    ck_assert_str_eq(json_string_value(json_object_get(root, "source")), meta.source);
    ck_assert_ptr_null(strchr(json, '\x1b')); /* control characters never reach output raw */
    json_decref(root);
    ct_free(json);
    ct_document_free(d);
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.source = meta.source;
    ck_assert_int_eq(count_claims(st, &f), 1);
    f.source = "Robert' OR '1'='1";
    ck_assert_int_eq(count_claims(st, &f), 0);
    ck_assert_int_eq(count_docs(st), 1);
    ct_store_close(st);
}
END_TEST

START_TEST(json_lines_records)
{
    ct_store *st = open_ok(":memory:");
    static const char rec[] = "{\"text\": \"Sales rose.\", \"source\": \"Wire\", \"url\": "
                              "\"http://x\", \"title\": \"T\", \"file\": \"r.txt\"}";
    int64_t id = 0;
    int was_new = 0;
    ck_assert_int_eq(ct_store_ingest_record(st, rec, strlen(rec), 1, NULL, 0, &id, &was_new),
                     CT_OK);
    ck_assert_int_eq(was_new, 1);
    ct_document *d = NULL;
    ck_assert_int_eq(ct_store_document(&d, st, id), CT_OK);
    ck_assert_str_eq(ct_document_source(d), "Wire");
    ck_assert_str_eq(ct_document_file(d), "r.txt");
    ck_assert_str_eq(ct_document_text(d, NULL), "Sales rose.");
    ct_document_free(d);
    /* the caller's metadata wins */
    static const char rec2[] = "{\"text\": \"Sales fell.\", \"source\": \"Wire\"}";
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.source = "Override";
    meta.file = "records.jsonl:2";
    ck_assert_int_eq(ct_store_ingest_record(st, rec2, strlen(rec2), 2, &meta, 0, &id, NULL),
                     CT_OK);
    ck_assert_int_eq(ct_store_document(&d, st, id), CT_OK);
    ck_assert_str_eq(ct_document_source(d), "Override");
    ck_assert_str_eq(ct_document_file(d), "records.jsonl:2");
    ct_document_free(d);
    static const char bad[] = "{\"text\": \"x\",";
    ck_assert_int_eq(ct_store_ingest_record(st, bad, strlen(bad), 3, NULL, 0, NULL, NULL),
                     CT_EINVAL);
    ck_assert_ptr_nonnull(strstr(ct_errmsg(), "line 3, column"));
    static const char notext[] = "{\"title\": \"x\"}";
    ck_assert_int_eq(ct_store_ingest_record(st, notext, strlen(notext), 4, NULL, 0, NULL, NULL),
                     CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "line 4: the record has no \"text\" string");
    ck_assert_int_eq(count_docs(st), 2);
    ct_store_close(st);
}
END_TEST

START_TEST(read_only_store_refuses_writes)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "ro.db");
    ct_store *st = open_ok(path);
    ingest_doc(st, text_a, claims_a, 1, NULL, NULL);
    ct_store_close(st);
    ck_assert_int_eq(ct_store_open(&st, path, CT_OPEN_READONLY), CT_OK);
    ck_assert_int_eq(ct_store_ingest(st, text_b, strlen(text_b), NULL, 0, NULL, NULL),
                     CT_EREADONLY);
    ck_assert_int_eq(count_claims(st, NULL), 1);
    ct_store_close(st);
    remove_tmpdir();
}
END_TEST

/* ---- relations and origins ----------------------------------------------------------- */

START_TEST(relations_and_origins)
{
    ct_store *st = open_ok(":memory:");
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.file = "a.txt";
    ingest_doc(st, text_a, claims_a, 1, &meta, NULL);
    meta.file = "b.txt";
    ingest_doc(st, text_b, claims_b, 1, &meta, NULL);
    meta.file = "c.txt";
    ingest_doc(st, text_c, claims_c, 1, &meta, NULL);

    /* a~b agree; c disagrees with both */
    ct_relation_iter *it = NULL;
    const ct_relation *r;
    int corro = 0, contra = 0;
    ck_assert_int_eq(ct_relation_iter_new(&it, st, 0, CT_RELATION_ANY), CT_OK);
    int rc;
    while ((rc = ct_relation_iter_next(&r, it)) == CT_OK) {
        const char *fa = ct_claim_file(ct_relation_a(r)), *fb = ct_claim_file(ct_relation_b(r));
        ck_assert_int_lt(ct_claim_id(ct_relation_a(r)), ct_claim_id(ct_relation_b(r)));
        ck_assert_int_eq(ct_relation_independent(r), 1);
        ck_assert(ct_relation_score(r) > 0 && ct_relation_score(r) <= 1);
        ck_assert_str_ne(ct_relation_reason(r), "");
        if (ct_relation_kind(r) == CT_RELATION_CORROBORATES) {
            corro++;
            ck_assert_str_eq(fa, "a.txt");
            ck_assert_str_eq(fb, "b.txt");
        } else {
            contra++;
            ck_assert_str_eq(fb, "c.txt");
        }
        /* the JSON contract */
        char *json = NULL;
        ck_assert_int_eq(ct_relation_to_json(&json, r, 0), CT_OK);
        json_t *root = json_loads(json, 0, NULL);
        ck_assert_ptr_nonnull(root);
        ck_assert_str_eq(json_string_value(json_object_get(root, "type")),
                         ct_relation_type_name(ct_relation_kind(r)));
        json_t *a = json_object_get(root, "a");
        ck_assert_str_eq(json_string_value(json_object_get(a, "file")), fa);
        ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(a, "span"), 0)),
                         (json_int_t)ct_claim_start(ct_relation_a(r)));
        ck_assert_str_eq(json_string_value(json_object_get(a, "text")),
                         ct_claim_text(ct_relation_a(r)));
        ck_assert_ptr_nonnull(json_object_get(json_object_get(root, "b"), "span"));
        json_decref(root);
        ct_free(json);
    }
    ck_assert_int_eq(rc, CT_ITEROVER);
    ct_relation_iter_free(it);
    ck_assert_int_eq(corro, 1);
    ck_assert_int_eq(contra, 2);

    /* a type filter, and one claim's relations with that claim as a */
    ck_assert_int_eq(ct_relation_iter_new(&it, st, 0, CT_RELATION_CONTRADICTS), CT_OK);
    int n = 0;
    while (ct_relation_iter_next(&r, it) == CT_OK) {
        n++;
        ck_assert_int_eq(ct_relation_kind(r), CT_RELATION_CONTRADICTS);
    }
    ct_relation_iter_free(it);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(ct_relation_iter_new(&it, st, 3, CT_RELATION_ANY), CT_OK);
    n = 0;
    while (ct_relation_iter_next(&r, it) == CT_OK) {
        n++;
        ck_assert_int_eq(ct_claim_id(ct_relation_a(r)), 3);
    }
    ct_relation_iter_free(it);
    ck_assert_int_eq(n, 2);

    /* DeepSeek's two reports are one origin; the critics' claim is its own */
    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, CT_ORIGIN_REPEATED), CT_OK);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_OK);
    ck_assert_str_eq(ct_origin_label(o), "DeepSeek");
    ck_assert_int_eq(ct_origin_report_count(o), 2);
    ck_assert_int_eq(ct_origin_independent_count(o), 2);
    int64_t origin = ct_origin_id(o);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_ITEROVER);
    ct_origin_iter_free(oi);
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, 0), CT_OK);
    n = 0;
    while (ct_origin_iter_next(&o, oi) == CT_OK)
        n++;
    ct_origin_iter_free(oi);
    ck_assert_int_eq(n, 2);
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.origin_id = origin;
    ck_assert_int_eq(count_claims(st, &f), 2);

    /* everything about one claim */
    char *json = NULL;
    ck_assert_int_eq(ct_store_claim_to_json(&json, st, 1, 0), CT_OK);
    json_t *root = json_loads(json, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(json_object_get(root, "sentence")), text_a);
    ck_assert_int_eq(json_array_size(json_object_get(root, "relations")), 2);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "origin"), "origin")),
                     "DeepSeek");
    json_decref(root);
    ct_free(json);
    ct_store_close(st);
}
END_TEST


/* A rewrite of a stored article is derived from it: its claims join the original's
 * origins and do not count as independent corroboration. */
static const char text_orig[] =
    "Top technology executives told CNBC that the advances Chinese lab DeepSeek has shown "
    "prove the race is on between the United States and China in artificial intelligence. "
    "DeepSeek shocked global markets with a technical paper that said one of its new models "
    "was trained at a total cost of less than $6 million. Chris Lehane, chief global affairs "
    "officer of OpenAI, said only two countries can build AI at scale. Victor Riparbelli of "
    "Synthesia said customers moved workflows after the Artificial Intelligence Action "
    "Summit in Paris, where Anthropic and Google executives also spoke about export controls "
    "on Nvidia chips and the cost of data centres in Europe.";
static const char text_copy[] =
    "Top technology executives told CNBC that the advances Chinese lab DeepSeek has shown "
    "prove the race is on between the United States and China in artificial intelligence. "
    "DeepSeek shocked global markets with a technical paper saying one of its new models "
    "was trained at a total cost of under $6 million. Chris Lehane, chief global affairs "
    "officer of OpenAI, said only two countries can build AI at scale. Victor Riparbelli of "
    "Synthesia said customers moved workflows after the Artificial Intelligence Action "
    "Summit in Paris, where Anthropic and Google executives also spoke about export controls "
    "on Nvidia chips and the cost of data centres in Europe. Republished with permission.";

START_TEST(derived_documents)
{
    ct_store *st = open_ok(":memory:");
    tclaim orig = {"less than $6 million", CT_KIND_MONEY, 0, 0, 1, 6e6, "USD", CT_BOUND_UPPER,
                   "DeepSeek", "organization", "total training cost", "DeepSeek", CT_DIR_NONE, NULL};
    tclaim copy = {"under $6 million", CT_KIND_MONEY, 0, 0, 1, 6e6, "USD", CT_BOUND_UPPER,
                   NULL, NULL, "total training cost", "DeepSeek", CT_DIR_NONE, NULL};
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.file = "orig.txt";
    int64_t d1 = ingest_doc(st, text_orig, &orig, 1, &meta, NULL);
    meta.file = "copy.txt";
    int64_t d2 = ingest_doc(st, text_copy, &copy, 1, &meta, NULL);
    ct_document *d = NULL;
    ck_assert_int_eq(ct_store_document(&d, st, d2), CT_OK);
    ck_assert_int_eq(ct_document_derived_from(d), d1);
    ck_assert(ct_document_similarity(d) >= 0.5);
    ct_document_free(d);
    ck_assert_int_eq(ct_store_document(&d, st, d1), CT_OK);
    ck_assert_int_eq(ct_document_derived_from(d), 0);
    ct_document_free(d);

    ct_relation_iter *it = NULL;
    const ct_relation *r;
    ck_assert_int_eq(ct_relation_iter_new(&it, st, 0, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, it), CT_OK);
    ck_assert_int_eq(ct_relation_kind(r), CT_RELATION_CORROBORATES);
    ck_assert_int_eq(ct_relation_independent(r), 0);
    ck_assert_int_eq(ct_claim_origin_id(ct_relation_a(r)), ct_claim_origin_id(ct_relation_b(r)));
    ck_assert_int_eq(ct_relation_iter_next(&r, it), CT_ITEROVER);
    ct_relation_iter_free(it);

    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, CT_ORIGIN_REPEATED), CT_OK);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_OK);
    ck_assert_str_eq(ct_origin_label(o), "DeepSeek");
    ck_assert_int_eq(ct_origin_report_count(o), 2);
    ck_assert_int_eq(ct_origin_document_count(o), 2);
    ck_assert_int_eq(ct_origin_independent_count(o), 1);
    ct_origin_iter_free(oi);

    /* an unrelated article on the same story is not derived */
    meta.file = "other.txt";
    int64_t d3 = ingest_doc(st, text_c, claims_c, 1, &meta, NULL);
    ck_assert_int_eq(ct_store_document(&d, st, d3), CT_OK);
    ck_assert_int_eq(ct_document_derived_from(d), 0);
    ct_document_free(d);
    ct_store_close(st);
}
END_TEST

/* The same speaker, the same value, the same entity: one origin even when the outlets
 * describe the subject so differently that the comparison does not relate them. */
START_TEST(one_speaker_one_value_is_one_origin)
{
    ct_store *st = open_ok(":memory:");
    tclaim x = {"less than $6 million", CT_KIND_MONEY, 0, 0, 1, 6e6, "USD", CT_BOUND_UPPER,
                "DeepSeek", "organization", "official training", "DeepSeek", CT_DIR_NONE, NULL};
    tclaim y = {"$5.6 million", CT_KIND_MONEY, 1, 5.6e6, 1, 5.6e6, "USD", CT_BOUND_EXACT,
                "DeepSeek's", "organization", "electricity bill", "DeepSeek", CT_DIR_NONE, NULL};
    tclaim z = {"$80 million", CT_KIND_MONEY, 1, 8e7, 1, 8e7, "USD", CT_BOUND_EXACT,
                "DeepSeek", "organization", "rent", "DeepSeek", CT_DIR_NONE, NULL};
    ingest_doc(st, text_a, &x, 1, NULL, NULL);
    ingest_doc(st, text_b, &y, 1, NULL, NULL);
    ingest_doc(st, text_c, &z, 1, NULL, NULL);
    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 2, 0), CT_OK);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_OK);
    ck_assert_int_eq(ct_claim_id(ct_origin_first(o)), 1);
    ck_assert_int_eq(ct_origin_report_count(o), 2);
    ct_origin_iter_free(oi);
    /* and the reports corroborate each other on that ground */
    ct_relation_iter *ri = NULL;
    const ct_relation *r;
    ck_assert_int_eq(ct_relation_iter_new(&ri, st, 2, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, ri), CT_OK);
    ck_assert_int_eq(ct_relation_kind(r), CT_RELATION_CORROBORATES);
    ck_assert_str_eq(ct_relation_reason(r),
                     "both trace to DeepSeek, with values that fit, about DeepSeek");
    ck_assert_int_eq(ct_relation_iter_next(&r, ri), CT_ITEROVER);
    ct_relation_iter_free(ri);
    /* a value that does not fit is another claim of the same speaker */
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 3, 0), CT_OK);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_OK);
    ck_assert_int_eq(ct_claim_id(ct_origin_first(o)), 3);
    ck_assert_int_eq(ct_origin_report_count(o), 1);
    ct_origin_iter_free(oi);
    ck_assert_int_eq(ct_relation_iter_new(&ri, st, 3, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, ri), CT_ITEROVER);
    ct_relation_iter_free(ri);
    ct_store_close(st);
}
END_TEST

/* The same speaker's figure where one outlet's subject stage missed the entity (took the
 * speaker for it): still one origin, and the reports corroborate. Two real entities
 * stay apart. */
START_TEST(speaker_figure_with_a_missed_entity)
{
    ct_store *st = open_ok(":memory:");
    tclaim x = {"$500 million", CT_KIND_MONEY, 1, 5e8, 1, 5e8, "USD", CT_BOUND_EXACT,
                "SemiAnalysis", "organization", "gpus", "SemiAnalysis", CT_DIR_NONE, "gpus"};
    tclaim y = {"more than $500 million", CT_KIND_MONEY, 1, 5e8, 0, 0, "USD", CT_BOUND_LOWER,
                "SemiAnalysis", "organization", "hardware expenditures", "DeepSeek",
                CT_DIR_NONE, "hardware expenditure"};
    tclaim z = {"$500 million", CT_KIND_MONEY, 1, 5e8, 1, 5e8, "USD", CT_BOUND_EXACT,
                "SemiAnalysis", "organization", "data centres", "Meta", CT_DIR_NONE,
                "data centre"};
    ingest_doc(st, "SemiAnalysis estimated the company has $500 million of GPUs.", &x, 1,
               NULL, NULL);
    ingest_doc(st, "DeepSeek spent more than $500 million on hardware, SemiAnalysis said.", &y,
               1, NULL, NULL);
    ingest_doc(st, "SemiAnalysis said Meta spends $500 million on data centres.", &z, 1, NULL,
               NULL);
    ct_relation_iter *it = NULL;
    const ct_relation *r;
    ck_assert_int_eq(ct_relation_iter_new(&it, st, 2, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, it), CT_OK);
    ck_assert_int_eq(ct_relation_kind(r), CT_RELATION_CORROBORATES);
    ck_assert_int_eq(ct_claim_id(ct_relation_b(r)), 1);
    ck_assert_str_eq(ct_relation_reason(r), "both trace to SemiAnalysis, with values that fit");
    ck_assert_int_eq(ct_claim_origin_id(ct_relation_a(r)), ct_claim_origin_id(ct_relation_b(r)));
    /* DeepSeek's and Meta's figures are two facts, though one speaker gave both */
    while (ct_relation_iter_next(&r, it) == CT_OK)
        ck_assert_int_ne(ct_claim_id(ct_relation_b(r)), 3);
    ct_relation_iter_free(it);
    ct_store_close(st);
}
END_TEST

/* An article that gives a speaker's figure twice reports one origin, not two. */
START_TEST(a_figure_repeated_in_one_article)
{
    ct_store *st = open_ok(":memory:");
    static const char text[] = "DeepSeek said it spent less than $6 million. Again: DeepSeek "
                               "said the model cost under $6 million.";
    tclaim two[] = {{"less than $6 million", CT_KIND_MONEY, 0, 0, 1, 6e6, "USD", CT_BOUND_UPPER,
                     "DeepSeek", "organization", "spend", "DeepSeek", CT_DIR_NONE, NULL},
                    {"under $6 million", CT_KIND_MONEY, 0, 0, 1, 6e6, "USD", CT_BOUND_UPPER,
                     "DeepSeek", "organization", "model cost", "DeepSeek", CT_DIR_NONE, NULL}};
    ingest_doc(st, text, two, 2, NULL, NULL);
    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, 0), CT_OK);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_OK);
    ck_assert_int_eq(ct_origin_report_count(o), 2);
    ck_assert_int_eq(ct_origin_document_count(o), 1);
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_ITEROVER);
    ct_origin_iter_free(oi);
    ct_store_close(st);
}
END_TEST

/* Many claims under one key: each new claim is compared with a bounded number of
 * candidates, never with all of them. */
START_TEST(candidates_are_capped)
{
    ct_store *st = open_ok(":memory:");
    char text[128];
    for (int i = 0; i < 200; i++) {
        snprintf(text, sizeof text, "DeepSeek said the cost was $%d million in report %d.",
                 100 + i, i);
        char expr[32];
        snprintf(expr, sizeof expr, "$%d million", 100 + i);
        tclaim tc = {expr, CT_KIND_MONEY, 1, (100 + i) * 1e6, 1, (100 + i) * 1e6, "USD",
                     CT_BOUND_EXACT, "DeepSeek", "organization", "training cost", "DeepSeek",
                     CT_DIR_NONE, "train cost deepseek"};
        ingest_doc(st, text, &tc, 1, NULL, NULL);
    }
    ct_relation_iter *it = NULL;
    const ct_relation *r;
    ck_assert_int_eq(ct_relation_iter_new(&it, st, 200, CT_RELATION_ANY), CT_OK);
    int n = 0;
    while (ct_relation_iter_next(&r, it) == CT_OK)
        n++;
    ct_relation_iter_free(it);
    ck_assert_int_gt(n, 0);
    ck_assert_int_le(n, 2 * 24 + 3 * 12);
    ct_store_close(st);
}
END_TEST

/* A claim about the same measure but far away in value is found through a shared key
 * term, beyond the claims nearest in value. */
START_TEST(far_values_found_by_terms)
{
    ct_store *st = open_ok(":memory:");
    char text[160], expr[32];
    tclaim t = {"$100 million", CT_KIND_MONEY, 1, 1e8, 1, 1e8, "USD", CT_BOUND_EXACT,
                "critics", "group", "training cost", "DeepSeek", CT_DIR_NONE, "train cost"};
    snprintf(text, sizeof text, "Critics said training DeepSeek's model cost $100 million.");
    int64_t target_doc = ingest_doc(st, text, &t, 1, NULL, NULL);
    for (int i = 1; i <= 60; i++) {
        snprintf(expr, sizeof expr, "$%d million", 100 + i);
        snprintf(text, sizeof text, "DeepSeek's ad revenue was %s in region %d.", expr, i);
        tclaim f = {expr, CT_KIND_MONEY, 1, (100 + i) * 1e6, 1, (100 + i) * 1e6, "USD",
                    CT_BOUND_EXACT, NULL, NULL, "ad revenue", "DeepSeek", CT_DIR_NONE,
                    "ad revenue"};
        ingest_doc(st, text, &f, 1, NULL, NULL);
    }
    tclaim n = {"$2 billion", CT_KIND_MONEY, 1, 2e9, 1, 2e9, "USD", CT_BOUND_EXACT, "analysts",
                "group", "training cost", "DeepSeek", CT_DIR_NONE, "train cost"};
    snprintf(text, sizeof text, "Analysts put the cost of training DeepSeek's model at $2 billion.");
    int64_t new_doc = ingest_doc(st, text, &n, 1, NULL, NULL);
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.doc_id = new_doc;
    ct_claim_iter *ci = NULL;
    const ct_claim *c;
    ck_assert_int_eq(ct_claim_iter_new(&ci, st, &f), CT_OK);
    ck_assert_int_eq(ct_claim_iter_next(&c, ci), CT_OK);
    int64_t id = ct_claim_id(c);
    ct_claim_iter_free(ci);
    ct_relation_iter *it = NULL;
    const ct_relation *r;
    int found = 0;
    ck_assert_int_eq(ct_relation_iter_new(&it, st, id, CT_RELATION_ANY), CT_OK);
    while (ct_relation_iter_next(&r, it) == CT_OK) {
        if (ct_claim_doc_id(ct_relation_b(r)) == target_doc) {
            found++;
            ck_assert_int_eq(ct_relation_kind(r), CT_RELATION_CONTRADICTS);
        }
    }
    ct_relation_iter_free(it);
    ck_assert_int_eq(found, 1);
    ct_store_close(st);
}
END_TEST

/* ---- processes ------------------------------------------------------------------------ */

#define CRASH_CLAIMS 30

static void crash_doc(char *text, size_t cap, tclaim *tc, char exprs[][32], int d)
{
    size_t k = (size_t)snprintf(text, cap, "Report %d.", d);
    for (int i = 0; i < CRASH_CLAIMS; i++) {
        snprintf(exprs[i], 32, "$%d.%d million", d, i);
        k += (size_t)snprintf(text + k, cap - k, " It cost %s.", exprs[i]);
        tc[i] = (tclaim){exprs[i], CT_KIND_MONEY, 1, d * 1e6, 1, d * 1e6, "USD",
                         CT_BOUND_EXACT, "DeepSeek", "organization", "cost", "DeepSeek",
                         CT_DIR_NONE, NULL};
    }
}

static void writer_child(const char *path, int first, int count, int notify_fd)
{
    ct_store *st = NULL;
    if (ct_store_open(&st, path, 0) != CT_OK) {
        fprintf(stderr, "child: %s\n", ct_errmsg());
        _exit(10);
    }
    static char text[4096];
    static char exprs[CRASH_CLAIMS][32];
    tclaim tc[CRASH_CLAIMS];
    for (int d = first; d < first + count; d++) {
        crash_doc(text, sizeof text, tc, exprs, d);
        ct_doc *doc = make_doc(text, tc, CRASH_CLAIMS);
        int rc = ct__store_ingest_doc(st, text, strlen(text), doc, NULL, NULL, NULL);
        ct_doc_free(doc);
        if (rc != CT_OK) {
            fprintf(stderr, "child: %s\n", ct_errmsg());
            _exit(11);
        }
        if (notify_fd >= 0 && write(notify_fd, "x", 1) != 1)
            _exit(12);
    }
    ct_store_close(st);
    _exit(0);
}

static int64_t sql_count(const char *path, const char *sql)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

START_TEST(killed_mid_ingest_leaves_whole_documents)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "crash.db");
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        writer_child(path, 1, 100000, fds[1]);
    }
    close(fds[1]);
    char buf[8];
    for (int i = 0; i < 8; i++) /* wait for 8 committed documents, then kill mid-way */
        ck_assert_int_eq(read(fds[0], buf, 1), 1);
    ck_assert_int_eq(kill(pid, SIGKILL), 0);
    int status = 0;
    waitpid(pid, &status, 0);
    close(fds[0]);
    ck_assert(WIFSIGNALED(status));

    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM pragma_integrity_check "
                                     "WHERE integrity_check <> 'ok'"),
                     0);
    int64_t docs = sql_count(path, "SELECT count(*) FROM documents");
    ck_assert_int_ge(docs, 8);
    /* every stored document has all its claims, indexed, with an origin */
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM claims"), docs * CRASH_CLAIMS);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM claims WHERE origin_id IS NULL"), 0);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM documents d WHERE (SELECT count(*) "
                                     "FROM claims WHERE doc_id = d.id) <> 30"),
                     0);
    ct_store *st = open_ok(path);
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.search = "cost";
    ck_assert_int_eq(count_claims(st, &f), docs * CRASH_CLAIMS);
    ingest_doc(st, text_a, claims_a, 1, NULL, NULL); /* and it takes more */
    ct_store_close(st);
    remove_tmpdir();
}
END_TEST

START_TEST(two_writers_at_once)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "two.db");
    /* both start on a file that does not exist yet: creating the schema races too */
    pid_t a = fork();
    ck_assert_int_ge(a, 0);
    if (a == 0)
        writer_child(path, 1, 25, -1);
    pid_t b = fork();
    ck_assert_int_ge(b, 0);
    if (b == 0)
        writer_child(path, 16, 25, -1); /* documents 16..25 are ingested by both */
    int sa = 0, sb = 0;
    waitpid(a, &sa, 0);
    waitpid(b, &sb, 0);
    ck_assert_msg(WIFEXITED(sa) && WEXITSTATUS(sa) == 0, "writer a: %d", sa);
    ck_assert_msg(WIFEXITED(sb) && WEXITSTATUS(sb) == 0, "writer b: %d", sb);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM documents"), 40);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM claims"), 40 * CRASH_CLAIMS);
    remove_tmpdir();
}
END_TEST

/* A long real-looking document of n sentences whose figures depend on seed. */
static char *big_text(int seed, int n, size_t *len)
{
    size_t cap = (size_t)n * 96 + 1, used = 0;
    char *t = malloc(cap);
    ck_assert_ptr_nonnull(t);
    for (int i = 0; i < n; i++)
        used += (size_t)snprintf(t + used, cap - used,
                                 "Analysts said the firm spent about $%d.%d million on chips "
                                 "in quarter %d. ",
                                 seed * 7 + i % 97, i % 10, i);
    *len = used;
    return t;
}

/* The disk fills up mid-ingest (RLIMIT_FSIZE in a child, as a small disk would): the
 * ingest fails with an error, and every document committed before it is still whole. */
START_TEST(full_disk_keeps_committed_documents)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "full.db");
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails with EFBIG instead */
        struct rlimit lim = {.rlim_cur = 1 << 20, .rlim_max = 1 << 20};
        ct_store *st = NULL;
        if (setrlimit(RLIMIT_FSIZE, &lim) != 0 || ct_store_open(&st, path, 0) != CT_OK)
            _exit(10);
        for (int d = 1; d <= 200; d++) {
            size_t len;
            char *text = big_text(d, 800, &len);
            int64_t id;
            int was_new;
            int rc = ct_store_ingest(st, text, len, NULL, 0, &id, &was_new);
            free(text);
            if (rc != CT_OK) {
                /* say how many went in, and whether the error said why */
                unsigned char msg[2] = {(unsigned char)(d - 1),
                                        (unsigned char)(ct_errmsg()[0] != '\0')};
                ct_store_close(st); /* nothing leaks in the child either (valgrind) */
                _exit(write(fds[1], msg, 2) == 2 && (rc == CT_EFULL || rc == CT_ERROR) ? 0 : 12);
            }
        }
        ct_store_close(st);
        _exit(11); /* the limit was never reached */
    }
    close(fds[1]);
    int status = 0;
    waitpid(pid, &status, 0);
    unsigned char msg[2] = {0, 0};
    ck_assert_int_eq(read(fds[0], msg, 2), 2);
    close(fds[0]);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child: %d", status);
    ck_assert_int_ge(msg[0], 1); /* some documents fit before the disk was full */
    ck_assert_int_eq(msg[1], 1);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM pragma_integrity_check "
                                     "WHERE integrity_check <> 'ok'"),
                     0);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM documents"), msg[0]);
    ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                     "(SELECT 1 FROM claims WHERE doc_id = d.id)"),
                     0);
    ct_store *st = open_ok(path); /* with room again, it takes more */
    size_t len;
    char *text = big_text(999, 10, &len);
    int64_t id;
    int was_new;
    ck_assert_int_eq(ct_store_ingest(st, text, len, NULL, 0, &id, &was_new), CT_OK);
    free(text);
    ct_store_close(st);
    remove_tmpdir();
}
END_TEST

/* A store whose pages were overwritten: a clear error from whichever call first reads the
 * damage, never a crash, and the damage is never reported as an empty result. */
START_TEST(corrupted_file_is_an_error)
{
    make_tmpdir();
    char path[128];
    db_path(path, sizeof path, "bad.db");
    ct_store *st = open_ok(path);
    for (int d = 1; d <= 5; d++) {
        size_t len;
        char *text = big_text(d, 200, &len);
        int64_t id;
        int was_new;
        ck_assert_int_eq(ct_store_ingest(st, text, len, NULL, 0, &id, &was_new), CT_OK);
        free(text);
    }
    ct_store_close(st); /* checkpoints the WAL into the file */

    FILE *f = fopen(path, "r+b");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    ck_assert_int_gt(size, 64 * 1024);
    static unsigned char junk[4096];
    memset(junk, 0xA5, sizeof junk);
    for (long off = 4096; off + 4096 <= size; off += 2 * 4096) { /* every other page after the first */
        ck_assert_int_eq(fseek(f, off, SEEK_SET), 0);
        ck_assert_int_eq(fwrite(junk, 1, sizeof junk, f), sizeof junk);
    }
    fclose(f);

    st = NULL;
    int rc = ct_store_open(&st, path, 0);
    if (rc == CT_OK) {
        ct_claim_iter *it = NULL;
        ct_claim_filter flt = CT_CLAIM_FILTER_INIT;
        rc = ct_claim_iter_new(&it, st, &flt);
        const ct_claim *c;
        while (rc == CT_OK)
            rc = ct_claim_iter_next(&c, it);
        ct_claim_iter_free(it);
        ct_store_close(st);
    }
    ck_assert_msg(rc == CT_ECORRUPT, "rc %d: %s", rc, ct_errmsg());
    ck_assert_str_ne(ct_errmsg(), "");
    remove_tmpdir();
}
END_TEST

/* Iterators freed after their store is closed: a slip, never a crash. */
START_TEST(iterators_outliving_the_store)
{
    ct_store *st = open_ok(":memory:");
    ingest_doc(st, text_a, claims_a, 1, NULL, NULL);
    ingest_doc(st, text_b, claims_b, 1, NULL, NULL);
    ct_relation_iter *r1 = NULL, *r2 = NULL;
    ct_claim_iter *ci = NULL;
    const ct_relation *r;
    ck_assert_int_eq(ct_relation_iter_new(&r1, st, 1, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_relation_iter_new(&r2, st, 1, CT_RELATION_ANY), CT_OK);
    ck_assert_int_eq(ct_claim_iter_new(&ci, st, NULL), CT_OK);
    /* two iterators over the same query read independently */
    ck_assert_int_eq(ct_relation_iter_next(&r, r1), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, r2), CT_OK);
    ck_assert_int_eq(ct_relation_iter_next(&r, r1), CT_ITEROVER);
    ck_assert_int_eq(ct_relation_iter_next(&r, r2), CT_ITEROVER);
    /* one of each kind, not yet read from, each with its own statement or a cached one */
    ct_claim_iter *ci2 = NULL;
    ct_origin_iter *oi = NULL;
    ct_document_iter *di = NULL;
    ct_source_iter *si = NULL;
    ct_relation_iter *r3 = NULL;
    ck_assert_int_eq(ct_claim_iter_new(&ci2, st, NULL), CT_OK);
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, 0), CT_OK);
    ck_assert_int_eq(ct_document_iter_new(&di, st), CT_OK);
    ck_assert_int_eq(ct_source_iter_new(&si, st), CT_OK);
    ck_assert_int_eq(ct_relation_iter_new(&r3, st, 1, CT_RELATION_ANY), CT_OK);
    ct_store_close(st);
    const char *closed = "the store was closed before this iterator";
    ck_assert_int_eq(ct_relation_iter_next(&r, r1), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), closed);
    ck_assert_int_eq(ct_relation_iter_next(&r, r2), CT_EINVAL);
    ck_assert_int_eq(ct_relation_iter_next(&r, r3), CT_EINVAL);
    ck_assert_ptr_null(r);
    const ct_claim *c = NULL;
    ck_assert_int_eq(ct_claim_iter_next(&c, ci), CT_EINVAL);
    ck_assert_int_eq(ct_claim_iter_next(&c, ci2), CT_EINVAL);
    ck_assert_ptr_null(c);
    const ct_origin *o = NULL;
    ck_assert_int_eq(ct_origin_iter_next(&o, oi), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), closed);
    ck_assert_ptr_null(o);
    const ct_document *d = NULL;
    ck_assert_int_eq(ct_document_iter_next(&d, di), CT_EINVAL);
    ck_assert_ptr_null(d);
    const ct_source *src = NULL;
    ck_assert_int_eq(ct_source_iter_next(&src, si), CT_EINVAL);
    ck_assert_ptr_null(src);
    ct_relation_iter_free(r1);
    ct_relation_iter_free(r2);
    ct_relation_iter_free(r3);
    ct_claim_iter_free(ci);
    ct_claim_iter_free(ci2);
    ct_origin_iter_free(oi);
    ct_document_iter_free(di);
    ct_source_iter_free(si);
}
END_TEST

/* The seed articles end to end: four outlets report DeepSeek's "$6 million", one of them
 * (003) a rewrite of another (002): four reports, one origin, three independent. */
START_TEST(seed_articles_provenance)
{
    static const char *const files[] = {"000_94a212f3ee19131d.txt", "001_bd6d019c7dd83926.txt",
                                        "002_280b931fd4fb2bfb.txt", "003_c40be52adcb961de.txt"};
    ct_store *st = open_ok(":memory:");
    int64_t ids[4];
    for (int i = 0; i < 4; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/data/samples/%s", CT_SOURCE_DIR, files[i]);
        size_t len = 0;
        char *text = tu_read_file(path, &len);
        ct_ingest_meta meta = CT_INGEST_META_INIT;
        meta.file = files[i];
        int was_new = 0;
        ck_assert_msg(ct_store_ingest(st, text, len, &meta, 0, &ids[i], &was_new) == CT_OK, "%s",
                      ct_errmsg());
        ck_assert_int_eq(was_new, 1);
        free(text);
    }
    ct_document *d = NULL;
    ck_assert_int_eq(ct_store_document(&d, st, ids[3]), CT_OK);
    ck_assert_int_eq(ct_document_derived_from(d), ids[2]);
    ct_document_free(d);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(ct_store_document(&d, st, ids[i]), CT_OK);
        ck_assert_int_eq(ct_document_derived_from(d), 0);
        ct_document_free(d);
    }
    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    int found = 0;
    ck_assert_int_eq(ct_origin_iter_new(&oi, st, 0, CT_ORIGIN_REPEATED), CT_OK);
    while (ct_origin_iter_next(&o, oi) == CT_OK) {
        if (!strstr(ct_claim_text(ct_origin_first(o)), "$6 million"))
            continue;
        found++;
        ck_assert_str_eq(ct_origin_label(o), "DeepSeek");
        ck_assert_int_eq(ct_origin_report_count(o), 4);
        ck_assert_int_eq(ct_origin_document_count(o), 4);
        ck_assert_int_eq(ct_origin_independent_count(o), 3);
        ck_assert_str_eq(ct_claim_file(ct_origin_first(o)), files[0]);
    }
    ct_origin_iter_free(oi);
    ck_assert_int_eq(found, 1);

    /* a pasted text is checked against all four reports */
    static const char pasted[] = "DeepSeek said it spent under $6 million to train its model.";
    ct_check *chk = NULL;
    ck_assert_int_eq(ct_store_check(&chk, st, pasted, strlen(pasted), 0), CT_OK);
    ck_assert_uint_eq(ct_check_claim_count(chk), 1);
    ck_assert_str_eq(ct_claim_text(ct_check_claim(chk, 0)), "under $6 million");
    ck_assert_int_ne(ct_check_verdict(chk, 0), CT_VERDICT_UNKNOWN);
    ck_assert_int_ne(ct_check_verdict(chk, 0), CT_VERDICT_CONTRADICTED);
    int64_t docs_agreeing = 0;
    for (size_t j = 0; j < ct_check_match_count(chk, 0); j++) {
        const ct_relation *r = ct_check_match(chk, 0, j);
        ck_assert_str_eq(ct_claim_text(ct_relation_a(r)), "under $6 million");
        if (ct_relation_kind(r) == CT_RELATION_CORROBORATES) {
            ck_assert_ptr_nonnull(strstr(ct_claim_text(ct_relation_b(r)), "$6 million"));
            docs_agreeing |= (int64_t)1 << ct_claim_doc_id(ct_relation_b(r));
        }
    }
    ck_assert_int_eq(docs_agreeing, (1 << ids[0]) | (1 << ids[1]) | (1 << ids[2]) | (1 << ids[3]));
    char *json = NULL;
    ck_assert_int_eq(ct_check_to_json(&json, chk, 0), CT_OK);
    json_t *root = json_loads(json, 0, NULL);
    ck_assert_ptr_nonnull(root);
    json_t *first = json_array_get(json_object_get(root, "claims"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(first, "verdict")),
                     ct_verdict_name(ct_check_verdict(chk, 0)));
    ck_assert_uint_eq(json_array_size(json_object_get(first, "matches")),
                      ct_check_match_count(chk, 0));
    json_decref(root);
    ct_free(json);
    ct_check_free(chk);
    ct_store_close(st);
}
END_TEST

/* ---- allocation failures ------------------------------------------------------------- */

static long allocs_left;

static bool fail_once;   /* only the one allocation fails, the ones after it work */
static bool failed_any;

static bool fails(void)
{
    bool f = fail_once ? allocs_left-- == 0 : allocs_left-- <= 0;
    failed_any |= f;
    return f;
}

static void *failing_malloc(size_t n) { return fails() ? NULL : malloc(n); }
static void *failing_realloc(void *p, size_t n) { return fails() ? NULL : realloc(p, n); }

/* The JSON object holds each of the space-separated member names. */
static void has_members(const char *json, const char *names)
{
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    ck_assert_msg(root, "%s: %s", err.text, json);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", names);
    for (char *save = NULL, *k = strtok_r(buf, " ", &save); k; k = strtok_r(NULL, " ", &save))
        ck_assert_msg(json_object_get(root, k), "%s lacks \"%s\"", json, k);
    json_decref(root);
}

/* Every store call either works or says CT_ENOMEM, whichever allocation fails, and
 * leaks nothing (ASan and valgrind watch the same run). */
START_TEST(allocation_failures)
{
    ct_doc *da = make_doc(text_a, claims_a, 1);
    ct_doc *db = make_doc(text_b, claims_b, 1);
    for (int once = 0; once < 2; once++) {
        fail_once = once;
        bool finished = false;
        for (long n = 0; n < 4000 && !finished; n++) {
            ct_store *st = NULL;
            allocs_left = n;
            failed_any = false;
            ck_assert_int_eq(ct_set_allocator(failing_malloc, failing_realloc, free), CT_OK);
            /* jansson's own allocations fail too, but only from n on: jansson's dump writes
             * broken JSON when a single allocation inside it fails (a key goes missing) */
            if (!fail_once)
                json_set_alloc_funcs(failing_malloc, free);
            int rc = ct_store_open(&st, ":memory:", 0);
            if (rc == CT_OK)
                rc = ct__store_ingest_doc(st, text_a, strlen(text_a), da, NULL, NULL, NULL);
            if (rc == CT_OK)
                rc = ct__store_ingest_doc(st, text_b, strlen(text_b), db, NULL, NULL, NULL);
            ct_claim_iter *it = NULL;
            const ct_claim *c = NULL;
            ct_claim *copy = NULL;
            if (rc == CT_OK)
                rc = ct_claim_iter_new(&it, st, NULL);
            if (rc == CT_OK)
                rc = ct_claim_iter_next(&c, it);
            if (rc == CT_OK)
                rc = ct_claim_dup(&copy, c);
            ct_claim_iter_free(it);
            char *json = NULL;
            if (rc == CT_OK)
                rc = ct_store_claim_to_json(&json, st, 1, 0);
            ct_relation_iter *ri = NULL;
            const ct_relation *r = NULL;
            if (rc == CT_OK)
                rc = ct_relation_iter_new(&ri, st, 0, CT_RELATION_ANY);
            if (rc == CT_OK)
                rc = ct_relation_iter_next(&r, ri);
            char *rjson = NULL;
            if (rc == CT_OK)
                rc = ct_relation_to_json(&rjson, r, 0);
            ct_relation_iter_free(ri);
            ct_origin_iter *oi = NULL;
            const ct_origin *o = NULL;
            char *ojson = NULL, *djson = NULL;
            if (rc == CT_OK)
                rc = ct_origin_iter_new(&oi, st, 0, 0);
            if (rc == CT_OK)
                rc = ct_origin_iter_next(&o, oi);
            if (rc == CT_OK)
                rc = ct_origin_to_json(&ojson, o, 0);
            ct_origin_iter_free(oi);
            ct_document *doc = NULL;
            if (rc == CT_OK)
                rc = ct_store_document(&doc, st, 1);
            if (rc == CT_OK)
                rc = ct_document_to_json(&djson, doc, 0);
            ct_document_free(doc);
            ck_assert_int_eq(ct_set_allocator(NULL, NULL, NULL), CT_OK);
            json_set_alloc_funcs(malloc, free);
            ck_assert_msg(rc == CT_OK || rc == CT_ENOMEM, "after %ld allocations: %d %s", n, rc,
                          ct_errmsg());
            if (rc == CT_ENOMEM)
                ck_assert_str_eq(ct_errmsg(), "out of memory");
            finished = rc == CT_OK && !failed_any;
            /* whatever JSON came back is whole: no member was dropped by a failed allocation
             * (the allocations after the failing one fail too, so check each, not just the
             * last) */
            if (json)
                has_members(json, "claim sentence document origin relations");
            if (rjson)
                has_members(rjson, "type a b score reason independent");
            if (ojson)
                has_members(ojson, "id origin reports documents independent_documents first");
            if (djson)
                has_members(djson, "id file source url published title ingested sha256 claims");
            ct_free(json);
            ct_free(rjson);
            ct_free(ojson);
            ct_free(djson);
            ct_claim_free(copy);
            ct_store_close(st);
        }
        ck_assert(finished);
    }
    ct_doc_free(da);
    ct_doc_free(db);
}
END_TEST

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("arguments");
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    tc = tcase_create("schema");
    tcase_add_test(tc, new_store_has_current_schema);
    tcase_add_test(tc, upgrade_from_version_1);
    tcase_add_test(tc, foreign_files_are_refused);
    suite_add_tcase(s, tc);
    tc = tcase_create("ingest");
    tcase_add_test(tc, same_bytes_twice_is_a_no_op);
    tcase_add_test(tc, sha256_matches_the_standard);
    tcase_add_test(tc, claims_come_back_as_stored);
    tcase_add_test(tc, hostile_metadata_is_data);
    tcase_add_test(tc, json_lines_records);
    tcase_add_test(tc, read_only_store_refuses_writes);
    tcase_add_test(tc, full_disk_keeps_committed_documents);
    tcase_add_test(tc, corrupted_file_is_an_error);
    suite_add_tcase(s, tc);
    tc = tcase_create("relations");
    tcase_add_test(tc, relations_and_origins);
    tcase_add_test(tc, candidates_are_capped);
    tcase_add_test(tc, far_values_found_by_terms);
    tcase_add_test(tc, a_figure_repeated_in_one_article);
    tcase_add_test(tc, speaker_figure_with_a_missed_entity);
    tcase_add_test(tc, derived_documents);
    tcase_add_test(tc, one_speaker_one_value_is_one_origin);
    tcase_add_test(tc, iterators_outliving_the_store);
    tcase_add_test(tc, seed_articles_provenance);
    suite_add_tcase(s, tc);
    tc = tcase_create("alloc");
    tcase_add_test(tc, allocation_failures);
    suite_add_tcase(s, tc);
    tc = tcase_create("processes");
    tcase_add_test(tc, killed_mid_ingest_leaves_whole_documents);
    tcase_add_test(tc, two_writers_at_once);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(store_suite()); }
