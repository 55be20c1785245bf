/* libFuzzer harness: any bytes through ct_store_check() against a store that holds the
 * sample articles (data/samples, ingested once at start-up into :memory:; checking does
 * not write, so every run sees the same store). Checks: CT_OK or a clean CT_EINVAL, a
 * verdict for each claim, matches whose first claim is the checked one, JSON that parses. */
#include <dirent.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimtrack/claimtrack.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ct_store *store;

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_check: %s (%s)\n", what, ct_errmsg());
    abort();
}

static void ingest_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    ct_ingest_meta meta = CT_INGEST_META_INIT;
    meta.file = path;
    if (ct_store_ingest(store, buf, n, &meta, CT_EXTRACT_REPLACE_INVALID, NULL, NULL) != CT_OK)
        fail("ingesting a sample");
}

static void close_store(void) { ct_store_close(store); }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (ct_store_open(&store, ":memory:", 0) != CT_OK)
        fail("ct_store_open");
    atexit(close_store); /* so that leak checkers see the store freed */
    const char *dir = CT_SOURCE_DIR "/data/samples";
    DIR *d = opendir(dir);
    if (!d)
        fail("no data/samples");
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t k = strlen(e->d_name);
        if (k > 4 && strcmp(e->d_name + k - 4, ".txt") == 0) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            ingest_file(path);
        }
    }
    closedir(d);
    return 0;
}

static void check_one(const char *text, size_t size, unsigned flags)
{
    ct_check *chk = (ct_check *)&chk;
    int rc = ct_store_check(&chk, store, text, size, flags);
    if (rc == CT_EINVAL && chk == NULL && ct_errmsg()[0])
        return;
    if (rc != CT_OK)
        fail("ct_store_check: neither CT_OK nor a clean CT_EINVAL");
    for (size_t i = 0; i < ct_check_claim_count(chk); i++) {
        const ct_claim *c = ct_check_claim(chk, i);
        if (!c || ct_claim_end(c) > size || ct_claim_start(c) > ct_claim_end(c))
            fail("checked claim outside the text");
        ct_verdict v = ct_check_verdict(chk, i);
        if (v < CT_VERDICT_UNKNOWN || v > CT_VERDICT_DISPUTED || !ct_verdict_name(v))
            fail("no verdict");
        size_t m = ct_check_match_count(chk, i);
        if (v == CT_VERDICT_UNKNOWN && m != 0)
            fail("matches for an unknown verdict");
        for (size_t j = 0; j < m; j++) {
            const ct_relation *r = ct_check_match(chk, i, j);
            if (!r || !ct_relation_b(r))
                fail("a match without its stored claim");
        }
    }
    if (ct_check_claim(chk, ct_check_claim_count(chk)) != NULL)
        fail("a claim past the count");
    char *json = NULL;
    if (ct_check_to_json(&json, chk, 0) != CT_OK)
        fail("ct_check_to_json");
    json_t *root = json_loads(json, 0, NULL);
    if (!root)
        fail("check JSON does not parse");
    if (json_array_size(json_object_get(root, "claims")) != ct_check_claim_count(chk))
        fail("JSON claims differ from the count");
    json_decref(root);
    ct_free(json);
    ct_check_free(chk);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_one((const char *)data, size, 0);
    check_one((const char *)data, size, CT_EXTRACT_REPLACE_INVALID);
    return 0;
}
