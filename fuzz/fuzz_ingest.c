/* libFuzzer harness: JSON Lines through ct_store_ingest_record() into a fresh :memory:
 * store, then everything read back (claims, relations, origins, documents) and written
 * as JSON. Checks: each record is CT_OK or a clean CT_EINVAL, ingesting it again is a
 * no-op with the same id, and every JSON written parses. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimtrack/claimtrack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Records per input and rows read back: enough to relate documents, bounded per run. */
#define MAX_RECORDS 8
#define MAX_ROWS 24

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_ingest: %s (%s)\n", what, ct_errmsg());
    abort();
}

static void check_json(int rc, char *json, const char *what)
{
    if (rc != CT_OK)
        fail(what);
    json_t *v = json_loads(json, 0, NULL);
    if (!v)
        fail("JSON does not parse");
    json_decref(v);
    ct_free(json);
}

static void read_back(ct_store *st)
{
    ct_claim_iter *ci = NULL;
    const ct_claim *c;
    if (ct_claim_iter_new(&ci, st, NULL) != CT_OK)
        fail("ct_claim_iter_new");
    int rc, n = 0;
    while (n++ < MAX_ROWS && (rc = ct_claim_iter_next(&c, ci)) == CT_OK) {
        char *json = NULL;
        rc = ct_claim_to_json(&json, c, 0);
        check_json(rc, json, "ct_claim_to_json");
        rc = ct_store_claim_to_json(&json, st, ct_claim_id(c), 0);
        check_json(rc, json, "ct_store_claim_to_json");
        ct_claim *copy = NULL;
        if (ct_claim_dup(&copy, c) != CT_OK || strcmp(ct_claim_text(copy), ct_claim_text(c)))
            fail("ct_claim_dup");
        ct_claim_free(copy);
    }
    ct_claim_iter_free(ci);

    ct_relation_iter *ri = NULL;
    const ct_relation *r;
    if (ct_relation_iter_new(&ri, st, 0, CT_RELATION_ANY) != CT_OK)
        fail("ct_relation_iter_new");
    n = 0;
    while (n++ < MAX_ROWS && (rc = ct_relation_iter_next(&r, ri)) == CT_OK) {
        char *json = NULL;
        rc = ct_relation_to_json(&json, r, 0);
        check_json(rc, json, "ct_relation_to_json");
    }
    ct_relation_iter_free(ri);

    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    if (ct_origin_iter_new(&oi, st, 0, 0) != CT_OK)
        fail("ct_origin_iter_new");
    n = 0;
    while (n++ < MAX_ROWS && (rc = ct_origin_iter_next(&o, oi)) == CT_OK) {
        char *json = NULL;
        rc = ct_origin_to_json(&json, o, 0);
        check_json(rc, json, "ct_origin_to_json");
    }
    ct_origin_iter_free(oi);

    ct_document_iter *di = NULL;
    const ct_document *d;
    if (ct_document_iter_new(&di, st) != CT_OK)
        fail("ct_document_iter_new");
    n = 0;
    while (n++ < MAX_ROWS && (rc = ct_document_iter_next(&d, di)) == CT_OK) {
        char *json = NULL;
        rc = ct_document_to_json(&json, d, 0);
        check_json(rc, json, "ct_document_to_json");
    }
    ct_document_iter_free(di);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ct_store *st = NULL;
    if (ct_store_open(&st, ":memory:", 0) != CT_OK)
        fail("ct_store_open");
    const char *p = (const char *)data, *end = p + size;
    size_t line_no = 0;
    while (p < end && line_no < MAX_RECORDS) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        line_no++;
        unsigned flags = line_no % 2 ? CT_EXTRACT_REPLACE_INVALID : 0;
        int64_t id = 0, again_id = 0;
        int was_new = -1, again_new = -1;
        int rc = ct_store_ingest_record(st, p, len, line_no, NULL, flags, &id, &was_new);
        if (rc == CT_OK) {
            if (id <= 0 || (was_new != 0 && was_new != 1))
                fail("ingest: no id");
            /* the same bytes again: a no-op that names the same document */
            rc = ct_store_ingest_record(st, p, len, line_no, NULL, flags, &again_id,
                                        &again_new);
            if (rc != CT_OK || again_new != 0 || again_id != id)
                fail("ingesting a record twice is not a no-op");
        } else if (rc != CT_EINVAL) {
            fail("ingest: neither CT_OK nor CT_EINVAL");
        } else if (ct_errmsg()[0] == '\0') {
            fail("CT_EINVAL without a message");
        }
        p += len + (nl != NULL);
    }
    read_back(st);
    ct_store_close(st);
    return 0;
}
