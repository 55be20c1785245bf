/* libFuzzer harness: any bytes through ct_extract() (strict and lenient) and both JSON
 * forms. Beyond the sanitizers, it checks what every result promises: spans inside the
 * text, finite values, strings without control characters, JSON that parses. */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimtrack/claimtrack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_extract: %s\n", what);
    abort();
}

static void check_string(const char *s)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++)
        if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
            fail("a result string holds a control character");
}

static void check_claim(const ct_claim *c, size_t len)
{
    if (!c)
        fail("NULL claim inside the count");
    if (ct_claim_start(c) > ct_claim_end(c) || ct_claim_end(c) > len)
        fail("claim span outside the text");
    if (ct_claim_sentence_start(c) > ct_claim_start(c) || ct_claim_sentence_end(c) > len)
        fail("sentence span does not hold the claim");
    if ((ct_claim_has_low(c) && !isfinite(ct_claim_low(c))) ||
        (ct_claim_has_high(c) && !isfinite(ct_claim_high(c))))
        fail("value is not finite");
    check_string(ct_claim_text(c));
    check_string(ct_claim_speaker(c));
    check_string(ct_claim_subject(c));
    check_string(ct_claim_entity(c));
    char *json = NULL;
    if (ct_claim_to_json(&json, c, 0) != CT_OK)
        fail("ct_claim_to_json failed");
    json_t *v = json_loads(json, 0, NULL);
    if (!v)
        fail("claim JSON does not parse");
    json_decref(v);
    ct_free(json);
}

static void check_json(const ct_doc *doc, unsigned flags, const char *key, size_t count)
{
    char *json = NULL;
    if (ct_doc_to_json(&json, doc, "fuzz.txt", flags) != CT_OK)
        fail("ct_doc_to_json failed");
    json_t *root = json_loads(json, 0, NULL);
    if (!root)
        fail("document JSON does not parse");
    if (json_array_size(json_object_get(root, key)) != count)
        fail("JSON array length differs from the count");
    json_decref(root);
    ct_free(json);
}

static void check_doc(const ct_doc *doc, size_t len)
{
    for (size_t i = 0; i < ct_doc_claim_count(doc); i++)
        check_claim(ct_doc_claim(doc, i), len);
    for (size_t i = 0; i < ct_doc_quantity_count(doc); i++) {
        const ct_claim *q = ct_doc_quantity(doc, i);
        if (!q || ct_claim_end(q) > len || ct_claim_start(q) > ct_claim_end(q))
            fail("quantity span outside the text");
    }
    for (size_t i = 0; i < ct_doc_quote_count(doc); i++) {
        const ct_quote *q = ct_doc_quote(doc, i);
        if (!q || ct_quote_start(q) > ct_quote_end(q) || ct_quote_end(q) > len)
            fail("quote span outside the text");
        check_string(ct_quote_text(q));
        check_string(ct_quote_speaker(q));
    }
    for (int m = 0; m < CT_META_COUNT_; m++)
        check_string(ct_doc_meta(doc, (ct_meta)m));
    check_json(doc, 0, "claims", ct_doc_claim_count(doc));
    check_json(doc, CT_JSON_QUANTITIES, "quantities", ct_doc_quantity_count(doc));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    ct_doc *doc = NULL;
    int rc = ct_extract(&doc, text, size, 0);
    if (rc == CT_OK) {
        check_doc(doc, size);
    } else if (rc != CT_EINVAL || doc != NULL) {
        fail("strict extraction: neither CT_OK nor CT_EINVAL with a NULL document");
    }
    ct_doc_free(doc);

    doc = NULL;
    if (ct_extract(&doc, text, size, CT_EXTRACT_REPLACE_INVALID) != CT_OK)
        fail("lenient extraction failed");
    check_doc(doc, size);
    ct_doc_free(doc);
    return 0;
}
