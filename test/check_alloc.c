/* Allocation failure: make the N-th allocation fail, for every N a seed needs, through
 * ct_extract() and ct_doc_to_json(), and through ct_store_ingest() (which must then leave
 * nothing in the store). Every call must return CT_OK or CT_ENOMEM (with
 * "out of memory" and a NULL result), a success must equal the undisturbed result, and
 * nothing may leak: the allocator counts live blocks (and ASan checks the rest in CI). */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "claimtrack/claimtrack.h"
#include "testutil.h"

typedef union {
    size_t size;
    max_align_t align;
} header;

static size_t calls;      /* allocations (malloc and realloc) so far */
static size_t fail_at;    /* the call that fails (1-based); 0: none */
static bool fail_after;   /* and every one after it too */
static size_t live;       /* blocks not yet freed */

static bool should_fail(void)
{
    calls++;
    return fail_at && (calls == fail_at || (fail_after && calls > fail_at));
}

static void *failing_malloc(size_t n)
{
    if (should_fail())
        return NULL;
    header *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->size = n;
    live++;
    return h + 1;
}

static void *failing_realloc(void *p, size_t n)
{
    if (!p)
        return failing_malloc(n);
    if (should_fail())
        return NULL; /* the old block stays valid, as realloc promises */
    header *h = realloc((header *)p - 1, sizeof *h + n);
    if (!h)
        return NULL;
    h->size = n;
    return h + 1;
}

static void failing_free(void *p)
{
    if (!p)
        return;
    live--;
    free((header *)p - 1);
}

static void setup(void)
{
    calls = fail_at = live = 0;
    fail_after = false;
    ck_assert_int_eq(ct_set_allocator(failing_malloc, failing_realloc, failing_free), CT_OK);
}

static void teardown(void) { ck_assert_int_eq(ct_set_allocator(NULL, NULL, NULL), CT_OK); }

/* The name is not UTF-8, so that the JSON writer's cleaning copy is exercised too. */
#define FILE_NAME "seed\xff.txt"

/* Extract text and write both JSON forms. Returns CT_OK with *out the two JSON strings
 * joined by a newline (free()), or the first error code. */
static int run(const char *text, size_t len, char **out)
{
    *out = NULL;
    ct_doc *doc = (ct_doc *)&doc; /* not NULL: a failure must set it to NULL */
    int rc = ct_extract(&doc, text, len, 0);
    if (rc != CT_OK) {
        if (doc != NULL)
            ck_abort_msg("ct_extract failed (%d) but left *out set", rc);
        return rc;
    }
    char *a = (char *)&a, *b = NULL;
    rc = ct_doc_to_json(&a, doc, FILE_NAME, 0);
    if (rc == CT_OK)
        rc = ct_doc_to_json(&b, doc, NULL, CT_JSON_QUANTITIES);
    else if (a != NULL)
        ck_abort_msg("ct_doc_to_json failed (%d) but left *out set", rc);
    if (rc == CT_OK) {
        size_t la = strlen(a), lb = strlen(b);
        *out = malloc(la + lb + 2);
        ck_assert_ptr_nonnull(*out);
        memcpy(*out, a, la);
        (*out)[la] = '\n';
        memcpy(*out + la + 1, b, lb + 1);
    }
    if (rc == CT_OK || a != (char *)&a)
        ct_free(a);
    ct_free(b);
    ct_doc_free(doc);
    return rc;
}

/* Fail the N-th allocation for every N the seed needs (once, or from N on). */
static void fail_each(const char *name, bool after)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/samples/%s", CT_SOURCE_DIR, name);
    size_t len;
    char *text = tu_read_file(path, &len);

    char *want = NULL;
    fail_at = 0;
    calls = 0;
    ck_assert_int_eq(run(text, len, &want), CT_OK);
    size_t total = calls;
    ck_assert_msg(live == 0, "%zu blocks leaked by a normal run", live);
    ck_assert(total > 0);

    /* every N up to 3000, then a stride: each run re-extracts the whole seed */
    size_t step = total <= 3000 ? 1 : total / 3000;
    size_t failures = 0;
    for (size_t n = 1; n <= total; n += step) {
        calls = 0;
        fail_at = n;
        fail_after = after;
        char *got = NULL;
        int rc = run(text, len, &got);
        fail_at = 0;
        if (rc == CT_ENOMEM) {
            failures++;
            if (strcmp(ct_errmsg(), "out of memory") != 0)
                ck_abort_msg("%s: allocation %zu: message '%s'", name, n, ct_errmsg());
        } else if (rc == CT_OK) {
            /* a failure that was absorbed must not change the result */
            if (strcmp(got, want) != 0)
                ck_abort_msg("%s: allocation %zu failed, the call succeeded, but the "
                             "output differs:\n%.300s\n---\n%.300s",
                             name, n, got, want);
        } else {
            ck_abort_msg("%s: allocation %zu: rc %d (%s), want CT_OK or CT_ENOMEM", name, n,
                         rc, ct_errmsg());
        }
        free(got);
        if (live != 0)
            ck_abort_msg("%s: allocation %zu failed: %zu blocks leaked", name, n, live);
    }
    ck_assert_msg(failures > 0, "no injected failure surfaced");
    free(want);
    free(text);
}

START_TEST(each_allocation_fails_once)
{
    fail_each("000_94a212f3ee19131d.txt", false);
    fail_each("002_280b931fd4fb2bfb.txt", false);
}
END_TEST

START_TEST(allocations_fail_from_n_on)
{
    fail_each("001_bd6d019c7dd83926.txt", true);
    fail_each("003_c40be52adcb961de.txt", true);
}
END_TEST

START_TEST(claim_to_json_fails_cleanly)
{
    static const char text[] = "The company said it spent less than $6 million on it.";
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, text, sizeof text - 1, 0), CT_OK);
    for (size_t i = 0; i < ct_doc_quantity_count(doc); i++) {
        char *json = NULL;
        calls = 0;
        fail_at = 1;
        fail_after = true;
        int rc = ct_claim_to_json(&json, ct_doc_quantity(doc, i), 0);
        fail_at = 0;
        ck_assert_int_eq(rc, CT_ENOMEM);
        ck_assert_ptr_null(json);
    }
    ct_doc_free(doc);
    ck_assert_uint_eq(live, 0);
}
END_TEST

/* Rows the store holds: documents and claims. */
static void store_counts(ct_store *st, size_t *docs, size_t *claims)
{
    *docs = *claims = 0;
    ct_document_iter *di = NULL;
    const ct_document *d;
    ck_assert_int_eq(ct_document_iter_new(&di, st), CT_OK);
    int rc;
    while ((rc = ct_document_iter_next(&d, di)) == CT_OK)
        (*docs)++;
    ck_assert_int_eq(rc, CT_ITEROVER);
    ct_document_iter_free(di);
    ct_claim_iter *ci = NULL;
    const ct_claim *c;
    ck_assert_int_eq(ct_claim_iter_new(&ci, st, NULL), CT_OK);
    while ((rc = ct_claim_iter_next(&c, ci)) == CT_OK)
        (*claims)++;
    ck_assert_int_eq(rc, CT_ITEROVER);
    ct_claim_iter_free(ci);
}

/* An ingest that runs out of memory leaves no trace (it is one transaction), and the
 * same document goes in whole afterwards. */
START_TEST(ingest_fails_without_a_trace)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data/samples/%s", CT_SOURCE_DIR,
             "002_280b931fd4fb2bfb.txt");
    size_t len;
    char *text = tu_read_file(path, &len);

    /* the undisturbed ingest, for its allocation count and its rows */
    ct_store *st = NULL;
    ck_assert_int_eq(ct_store_open(&st, ":memory:", 0), CT_OK);
    calls = 0;
    ck_assert_int_eq(ct_store_ingest(st, text, len, NULL, 0, NULL, NULL), CT_OK);
    size_t total = calls, want_docs, want_claims;
    store_counts(st, &want_docs, &want_claims);
    ct_store_close(st);
    ck_assert_uint_eq(want_docs, 1);
    ck_assert(want_claims > 0);

    size_t step = total <= 2000 ? 1 : total / 2000;
    for (size_t n = 1; n <= total; n += step) {
        st = NULL;
        ck_assert_int_eq(ct_store_open(&st, ":memory:", 0), CT_OK);
        calls = 0;
        fail_at = n;
        int was_new = -1;
        int rc = ct_store_ingest(st, text, len, NULL, 0, NULL, &was_new);
        fail_at = 0;
        size_t docs, claims;
        store_counts(st, &docs, &claims);
        if (rc == CT_ENOMEM) {
            if (docs != 0 || claims != 0)
                ck_abort_msg("allocation %zu failed: %zu documents, %zu claims left behind",
                             n, docs, claims);
            ck_assert_int_eq(ct_store_ingest(st, text, len, NULL, 0, NULL, &was_new), CT_OK);
            ck_assert_int_eq(was_new, 1);
            store_counts(st, &docs, &claims);
        } else if (rc != CT_OK) {
            ck_abort_msg("allocation %zu: rc %d (%s)", n, rc, ct_errmsg());
        }
        if (docs != want_docs || claims != want_claims)
            ck_abort_msg("allocation %zu: %zu documents and %zu claims, want %zu and %zu", n,
                         docs, claims, want_docs, want_claims);
        ct_store_close(st);
        if (live != 0)
            ck_abort_msg("allocation %zu failed: %zu blocks leaked", n, live);
    }
    free(text);
}
END_TEST

/* The arena: a zeroed one is empty; blocks are aligned, apart, and writable; a big
 * one-off block leaves the head chunk's room to the small ones after it; freeing
 * empties it for reuse. */
START_TEST(arena_blocks_are_aligned_and_apart)
{
    ct_arena arena = {0};
    for (int round = 0; round < 2; round++) {
        char *prev = NULL;
        size_t prev_n = 0;
        for (size_t i = 0; i < 3000; i++) {
            size_t n = i % 7 == 0 ? 1 : i % 97 == 0 ? 20000 : (i * 37) % 300 + 1;
            char *p = ct__arena_alloc(&arena, n);
            ck_assert_ptr_nonnull(p);
            ck_assert_uint_eq((uintptr_t)p % _Alignof(max_align_t), 0);
            memset(p, (int)(i & 0xFF), n);
            if (prev)
                ck_assert(p >= prev + prev_n || p + n <= prev);
            if (prev && n < 300 && prev_n < 300 && i % 97 != 1)
                ck_assert(prev[prev_n - 1] == (char)((i - 1) & 0xFF));
            prev = p;
            prev_n = n;
        }
        char *s = ct__arena_strndup(&arena, "hello world", 5);
        ck_assert_str_eq(s, "hello");
        ct__arena_free(&arena);
        ck_assert_ptr_null(arena.head);
        /* on an empty arena the first block starts the head chunk */
        char *a = ct__arena_alloc(&arena, 10);
        char *big = ct__arena_alloc(&arena, 100000);
        char *b = ct__arena_alloc(&arena, 10);
        ck_assert_ptr_nonnull(big);
        ck_assert(b == a + sizeof(max_align_t)); /* the head kept its room */
        ct__arena_free(&arena);
    }
}
END_TEST

START_TEST(set_allocator_arguments)
{
    ck_assert_int_eq(ct_set_allocator(failing_malloc, NULL, failing_free), CT_EINVAL);
    ck_assert_int_eq(ct_set_allocator(NULL, failing_realloc, NULL), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_set_allocator: give all three functions, or none");
    /* the hook set by setup() is still in place */
    calls = 0;
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, "x", 1, 0), CT_OK);
    ck_assert(calls > 0);
    ct_doc_free(doc);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("failures");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, each_allocation_fails_once);
    tcase_add_test(tc, allocations_fail_from_n_on);
    tcase_add_test(tc, claim_to_json_fails_cleanly);
    tcase_add_test(tc, ingest_fails_without_a_trace);
    tcase_add_test(tc, set_allocator_arguments);
    tcase_add_test(tc, arena_blocks_are_aligned_and_apart);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
