/* Hostile input through the public API (ct_extract, ct_doc_to_json): whatever the bytes,
 * a clear error or a valid result, never a crash, bounded memory, no leak.
 *
 * CT_HOSTILE_BIG_MB (default 100, 8 under AddressSanitizer) sizes the single-line
 * document (a quarter of it for the number-dense one); CT_HOSTILE_TINY_DOCS (default
 * 1000000, 100000 under ASan) the count of tiny documents; CT_HOSTILE_PATHO_BYTES the
 * size of each pathological text. The full 100 MB always runs in bench/bench_extract. */
#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include "claimtrack/claimtrack.h"
#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* Bytes of each pathological text: CT_HOSTILE_PATHO_BYTES, or 100000 (35000 under ASan,
 * to stay near 20 s). */
static size_t patho_bytes(void)
{
    const char *v = getenv("CT_HOSTILE_PATHO_BYTES");
    size_t n = v && *v ? (size_t)strtoull(v, NULL, 10) : 0;
    return n ? n : UNDER_ASAN ? 35000u : 100000u;
}
#define PATHO_BYTES patho_bytes()

static size_t env_size(const char *name, size_t def)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return def;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    return *end ? def : (size_t)n;
}

/* ---- a counting allocator: live bytes, their peak, and a leak check --------------- */

#include "count_alloc.h"

static void setup(void)
{
    count_reset();
    ck_assert_int_eq(ct_set_allocator(count_malloc, count_realloc, count_free), CT_OK);
}

static void teardown(void)
{
    ck_assert_int_eq(ct_set_allocator(NULL, NULL, NULL), CT_OK);
    ck_assert_msg(live_blocks == 0, "%zu blocks (%zu bytes) leaked", live_blocks, live_bytes);
}

/* ---- what every result must satisfy ---------------------------------------------- */

/* No control characters (C0, DEL, C1) and valid UTF-8: safe in JSON and on a terminal. */
static bool clean_string(const char *s)
{
    if (!s)
        return true;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; p[i]; i++) {
        if (p[i] < 0x20 || p[i] == 0x7F)
            return false;
        if (p[i] == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F)
            return false;
    }
    return true;
}

static void check_claim(const ct_claim *c, size_t len, const char *what, size_t i)
{
    if (!c)
        ck_abort_msg("%s %zu is NULL", what, i);
    if (ct_claim_start(c) > ct_claim_end(c) || ct_claim_end(c) > len)
        ck_abort_msg("%s %zu: span [%zu, %zu) outside [0, %zu)", what, i, ct_claim_start(c),
                     ct_claim_end(c), len);
    if (ct_claim_sentence_start(c) > ct_claim_start(c) || ct_claim_sentence_end(c) > len)
        ck_abort_msg("%s %zu: sentence [%zu, %zu) does not hold it", what, i,
                     ct_claim_sentence_start(c), ct_claim_sentence_end(c));
    if ((ct_claim_has_low(c) && !isfinite(ct_claim_low(c))) ||
        (ct_claim_has_high(c) && !isfinite(ct_claim_high(c))))
        ck_abort_msg("%s %zu ('%s'): value not finite", what, i, ct_claim_text(c));
    if (!clean_string(ct_claim_text(c)) || !clean_string(ct_claim_speaker(c)) ||
        !clean_string(ct_claim_subject(c)) || !clean_string(ct_claim_entity(c)) ||
        !clean_string(ct_claim_speaker_role(c)) || !clean_string(ct_claim_speaker_org(c)))
        ck_abort_msg("%s %zu: a string holds control characters or invalid UTF-8", what, i);
}

static size_t array_size(json_t *root, const char *key)
{
    json_t *a = json_object_get(root, key);
    if (!json_is_array(a))
        ck_abort_msg("JSON lacks the \"%s\" array", key);
    return json_array_size(a);
}

/* Spans inside the text, finite values, clean strings, and JSON that parses and says
 * the same as the getters. */
static void check_doc(const ct_doc *doc, size_t len)
{
    for (size_t i = 0; i < ct_doc_claim_count(doc); i++)
        check_claim(ct_doc_claim(doc, i), len, "claim", i);
    for (size_t i = 0; i < ct_doc_quantity_count(doc); i++)
        check_claim(ct_doc_quantity(doc, i), len, "quantity", i);
    for (size_t i = 0; i < ct_doc_quote_count(doc); i++) {
        const ct_quote *q = ct_doc_quote(doc, i);
        if (ct_quote_start(q) > ct_quote_end(q) || ct_quote_end(q) > len)
            ck_abort_msg("quote %zu outside the text", i);
        if (!clean_string(ct_quote_text(q)) || !clean_string(ct_quote_speaker(q)))
            ck_abort_msg("quote %zu holds control characters", i);
    }
    for (int m = 0; m < CT_META_COUNT_; m++)
        if (!clean_string(ct_doc_meta(doc, (ct_meta)m)))
            ck_abort_msg("meta %d holds control characters: '%s'", m,
                         ct_doc_meta(doc, (ct_meta)m));

    char *json = NULL;
    ck_assert_int_eq(ct_doc_to_json(&json, doc, "hostile\x1b[0m.txt", 0), CT_OK);
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    if (!root)
        ck_abort_msg("not JSON (%s): %.200s", err.text, json);
    if (strchr(json, '\x1b') || strchr(json, '\n'))
        ck_abort_msg("raw control character in the JSON line");
    ck_assert_uint_eq(array_size(root, "claims"), ct_doc_claim_count(doc));
    ck_assert_uint_eq(array_size(root, "quotes"), ct_doc_quote_count(doc));
    json_t *claims = json_object_get(root, "claims");
    for (size_t i = 0; i < json_array_size(claims); i++) {
        json_t *v = json_object_get(json_array_get(claims, i), "value");
        if (!json_object_get(v, "low") || !json_object_get(v, "high"))
            ck_abort_msg("claim %zu lacks value.low/high in JSON", i);
    }
    json_decref(root);
    ct_free(json);

    ck_assert_int_eq(ct_doc_to_json(&json, doc, NULL, CT_JSON_QUANTITIES), CT_OK);
    root = json_loads(json, 0, &err);
    if (!root)
        ck_abort_msg("quantities: not JSON (%s)", err.text);
    ck_assert_uint_eq(array_size(root, "quantities"), ct_doc_quantity_count(doc));
    json_decref(root);
    ct_free(json);
}

/* Extract (leniently) and check; returns the number of claims. */
static size_t extract_check(const char *text, size_t len, unsigned flags)
{
    ct_doc *doc = NULL;
    int rc = ct_extract(&doc, text, len, flags);
    if (rc != CT_OK)
        ck_abort_msg("ct_extract: %d %s", rc, ct_errmsg());
    check_doc(doc, len);
    size_t n = ct_doc_claim_count(doc);
    ct_doc_free(doc);
    return n;
}

static const char sample[] =
    "DeepSeek said it spent less than $6 million, \xe2\x80\x9c" "about 20 to 40 times cheaper\xe2\x80\x9d "
    "than OpenAI\xe2\x80\x99s o1, on 2,048 Nvidia H800 chips over two months.";

/* ---- invalid UTF-8 --------------------------------------------------------------- */

START_TEST(invalid_utf8_in_every_position)
{
    size_t n = sizeof sample - 1;
    char buf[sizeof sample + 4];
    static const char *const bad[] = {"\xff", "\x80", "\xc3", "\xe2\x80", "\xed\xa0\x80",
                                      "\xf4\x90\x80\x80", "\xc0\xaf"};
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        size_t k = strlen(bad[b]);
        for (size_t pos = 0; pos <= n; pos++) {
            /* the bad bytes inserted before byte pos */
            memcpy(buf, sample, pos);
            memcpy(buf + pos, bad[b], k);
            memcpy(buf + pos + k, sample + pos, n - pos);
            size_t len = n + k;
            ct_doc *doc = (ct_doc *)buf;
            int rc = ct_extract(&doc, buf, len, 0);
            if (rc != CT_EINVAL || doc != NULL)
                ck_abort_msg("bad %zu at %zu: rc %d", b, pos, rc);
            /* the offset is that of the first invalid byte: near pos, as the insertion
             * may break a sequence of the sample before it or complete one so that the
             * sample's own continuation bytes after it are the first invalid ones */
            size_t at;
            if (sscanf(ct_errmsg(), "invalid UTF-8 at byte %zu", &at) != 1 ||
                at > pos + k + 3 || at + 3 < pos)
                ck_abort_msg("bad %zu at %zu: message '%s'", b, pos, ct_errmsg());
            extract_check(buf, len, CT_EXTRACT_REPLACE_INVALID);
        }
    }
}
END_TEST

START_TEST(every_byte_replaced_by_every_invalid_lead)
{
    size_t n = sizeof sample - 1;
    char buf[sizeof sample];
    for (size_t pos = 0; pos < n; pos++) {
        memcpy(buf, sample, n);
        buf[pos] = (char)(pos % 2 ? 0xFE : 0xC1);
        extract_check(buf, n, CT_EXTRACT_REPLACE_INVALID);
    }
}
END_TEST

START_TEST(nul_bytes_anywhere)
{
    size_t n = sizeof sample - 1;
    char buf[sizeof sample + 1];
    for (size_t pos = 0; pos <= n; pos++) {
        if (pos < n && ((unsigned char)sample[pos] & 0xC0) == 0x80)
            continue; /* inside a code point a NUL is invalid UTF-8, tested above */
        memcpy(buf, sample, pos);
        buf[pos] = '\0';
        memcpy(buf + pos + 1, sample + pos, n - pos);
        extract_check(buf, n + 1, 0);
    }
    char zeros[4096] = {0};
    ck_assert_uint_eq(extract_check(zeros, sizeof zeros, 0), 0);
}
END_TEST

/* ---- size ------------------------------------------------------------------------ */

/* Append every *.txt of dir to *buf (grown with realloc). */
static void append_articles(const char *dir, char **buf, size_t *len, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t k = strlen(e->d_name);
        if (k < 5 || strcmp(e->d_name + k - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n;
        char *art = tu_read_file(path, &n);
        if (*len + n + 1 > *cap) {
            *cap = (*len + n + 1) * 2;
            *buf = realloc(*buf, *cap);
            ck_assert_ptr_nonnull(*buf);
        }
        memcpy(*buf + *len, art, n);
        (*buf)[*len + n] = ' ';
        *len += n + 1;
        free(art);
    }
    closedir(d);
}

/* size bytes of real news (BBC articles, or the samples without shared/) end to end on
 * one line: newlines become spaces, the worst case for paragraph splitting. */
static char *news_line(size_t size)
{
    char *src = NULL;
    size_t n = 0, cap = 0;
    append_articles(CT_SHARED_DIR "/corpus/bbc-news-2005/business", &src, &n, &cap);
    append_articles(CT_SHARED_DIR "/corpus/bbc-news-2005/tech", &src, &n, &cap);
    if (n == 0)
        append_articles(CT_SOURCE_DIR "/data/samples", &src, &n, &cap);
    ck_assert_msg(n > 0, "no articles to build the document from");
    char *buf = malloc(size ? size : 1);
    ck_assert_ptr_nonnull(buf);
    for (size_t o = 0; o < size; o += n) {
        size_t k = size - o < n ? size - o : n;
        memcpy(buf + o, src, k);
    }
    for (size_t i = 0; i < size; i++)
        if (buf[i] == '\n' || buf[i] == '\r')
            buf[i] = ' ';
    free(src);
    return buf;
}

/* After an extraction: the result (live now) grows with the text, the working memory
 * beyond it must not. Growing an array briefly holds the old and the new copy, so the
 * peak may pass the result by half of it, plus the segmenter's fixed block buffers.
 * (bench_extract prints peak / size for the same kind of document.) */
static void check_working_memory(size_t len)
{
    size_t held = live_bytes;
    ck_assert_msg(peak_bytes <= held + held / 2 + (16u << 20),
                  "peak heap %.1f MB for a result of %.1f MB (the document: %.1f MB)",
                  (double)peak_bytes / 1e6, (double)held / 1e6, (double)len / 1e6);
}

START_TEST(a_huge_single_line_in_bounded_memory)
{
    size_t len = env_size("CT_HOSTILE_BIG_MB", UNDER_ASAN ? 8 : 100) * 1000000;
    char *buf = news_line(len);
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, buf, len, 0), CT_OK);
    check_working_memory(len);
    for (size_t i = 0; i < ct_doc_quantity_count(doc); i++)
        if (ct_claim_end(ct_doc_quantity(doc, i)) > len)
            ck_abort_msg("quantity %zu outside the text", i);
    ct_doc_free(doc);
    free(buf);
}
END_TEST

/* A line dense with numbers and quotes: several claims a sentence. */
START_TEST(a_dense_single_line_needs_no_more_than_its_result)
{
    size_t len = env_size("CT_HOSTILE_BIG_MB", UNDER_ASAN ? 8 : 100) * 1000000 / 4;
    char *buf = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(buf);
    size_t n = sizeof sample - 1;
    for (size_t o = 0; o < len; o += n + 1) {
        size_t k = len - o < n ? len - o : n;
        memcpy(buf + o, sample, k);
        if (o + k < len)
            buf[o + k] = ' ';
    }
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, buf, len, 0), CT_OK);
    check_working_memory(len);
    ct_doc_free(doc);
    free(buf);
}
END_TEST

START_TEST(a_million_tiny_documents)
{
    static const char *const tiny[] = {"", " ", "5", "$", "%", "5%", "$1m", "\"", "\xe2\x80\x9c",
                                       "a", ".", "1.", "U.S.", "Mr.", "\n\n", "said", "3-5",
                                       "two", "1e999", "\t$6 million.\n"};
    size_t count = env_size("CT_HOSTILE_TINY_DOCS", UNDER_ASAN ? 100000 : 1000000);
    size_t nt = sizeof tiny / sizeof tiny[0];
    for (size_t i = 0; i < count; i++) {
        const char *t = tiny[i % nt];
        ct_doc *doc = NULL;
        int rc = ct_extract(&doc, t, strlen(t), 0);
        if (rc != CT_OK)
            ck_abort_msg("'%s': %s", t, ct_errmsg());
        ct_doc_free(doc);
    }
    /* and each through the full checks once */
    for (size_t i = 0; i < nt; i++)
        extract_check(tiny[i], strlen(tiny[i]), 0);
}
END_TEST

/* ---- pathological text ----------------------------------------------------------- */

static char *repeat(const char *unit, size_t total, size_t *len_out)
{
    size_t k = strlen(unit);
    char *buf = malloc(total + 1);
    ck_assert_ptr_nonnull(buf);
    for (size_t o = 0; o < total; o++)
        buf[o] = unit[o % k];
    buf[total] = '\0';
    *len_out = total;
    return buf;
}

START_TEST(deeply_repeated_punctuation)
{
    static const char *const units[] = {
        "!", ".", "?", "(", ")", "\"", "'", "$", "%", "-", ",", "\xe2\x80\x9c", "\xe2\x80\x99",
        "\xe2\x80\xa6", "\xe2\x80\x94", ". ", "$5", "5.", "5,", "-5", "(5%) ", "\" said \"",
        "U.S.", "No. ", "Mr. ", "1.1.", "$.$", "...5", "'s", "\xc2\xb7"};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        size_t len;
        char *buf = repeat(units[u], PATHO_BYTES, &len);
        /* a repeated multi-byte unit may be cut at the end */
        extract_check(buf, len, CT_EXTRACT_REPLACE_INVALID);
        free(buf);
    }
}
END_TEST

START_TEST(unbalanced_quotes_across_a_file)
{
    size_t len;
    char *body =
        repeat("The firm said revenue rose 5% to $6 million last year. ", 2 * PATHO_BYTES, &len);
    static const char *const openers[] = {"\"", "\xe2\x80\x9c", "\xe2\x80\x98", "\xc2\xab", "'"};
    for (size_t o = 0; o < sizeof openers / sizeof openers[0]; o++) {
        size_t k = strlen(openers[o]);
        char *buf = malloc(len + k);
        ck_assert_ptr_nonnull(buf);
        memcpy(buf, openers[o], k);
        memcpy(buf + k, body, len);
        extract_check(buf, len + k, CT_EXTRACT_REPLACE_INVALID);
        free(buf);
    }
    free(body);
    /* only closers, and quotes every other word */
    char *buf = repeat("\xe2\x80\x9d closing 5% ", PATHO_BYTES, &len);
    extract_check(buf, len, CT_EXTRACT_REPLACE_INVALID);
    free(buf);
    buf = repeat("\"a\" \"$1m \"said\" 3\" ", PATHO_BYTES, &len);
    extract_check(buf, len, 0);
    free(buf);
}
END_TEST

START_TEST(numbers_with_thousands_of_digits)
{
    static const char *const units[] = {"9", "1,000", "0", ".5", "12.", "99,999,999,", "1e9"};
    static const char *const before[] = {"It cost $", "Sales rose ", "about ", "", "up to "};
    static const char *const after[] = {" million.", "% in 2024.", " times cheaper.", "",
                                        " trillion dollars, analysts said."};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
        for (size_t b = 0; b < sizeof before / sizeof before[0]; b++) {
            size_t nlen;
            char *num = repeat(units[u], 5000, &nlen);
            size_t lb = strlen(before[b]), la = strlen(after[b]);
            char *buf = malloc(lb + nlen + la);
            ck_assert_ptr_nonnull(buf);
            memcpy(buf, before[b], lb);
            memcpy(buf + lb, num, nlen);
            memcpy(buf + lb + nlen, after[b], la);
            extract_check(buf, lb + nlen + la, 0);
            free(buf);
            free(num);
        }
    }
}
END_TEST

START_TEST(overflowing_and_odd_numbers)
{
    static const char *const texts[] = {
        "The debt is 1e999 dollars, or $1e999, up 1e999%.",
        "It fell to 1e-999 and then 1.7976931348623157e309 times, said Smith.",
        "Costs: $999999999999999999999999999999 trillion, 10^999 yuan, 1.5e308 bn euros.",
        "Between 1e400 and 2e400 times cheaper, analysts said; a 1e309-fold rise.",
        "It rose 99999999999999999999999999999999999999999%, he said.",
        "Revenue was $-0 million, -0%, 0x1F, 1_000, 0.0000000000000000000001 cents.",
        "It cost $18,446,744,073,709,551,616 billion and 9,223,372,036,854,775,808 people.",
        "About 1.2.3.4 million, 1,2,3 percent, 5..6 times, $.5bn, 3-4-5-6 years old.",
        "nan inf NaN INF infinity -inf $nan million, inf% and 1/0 times.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        extract_check(texts[i], strlen(texts[i]), 0);
}
END_TEST

START_TEST(metadata_lines_with_quotes_sql_and_escapes)
{
    const char text[] =
        "Robert'); DROP TABLE claims;-- \"headline\" with \\backslashes\\ and \x1b[2Jescapes\n"
        "https://evil.example.com/\x1b]0;pwned\x07/x?a='1' OR '1'='1'\n"
        "By Jane \x1b[31mDoe\x1b[0m\x07, reporter\n"
        "Friday, January 31\x1b[H\n"
        "Source : CNBC\xc2\x9b" "2J'; DELETE FROM documents; --\n"
        "The firm\x1b[1m said\x1b[0m it spent \x1b[5m$6 million\x1b[0m, \"\x1b[31mabout 20 "
        "times\x1b[0m cheaper\".\n"
        "\x7f\x08\x08\x08 $5 million was \x1b[Hhidden\r by a carriage return.\n";
    extract_check(text, sizeof text - 1, 0);
    /* and each line on its own, where it is the first line (the title) */
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t k = nl ? (size_t)(nl - p) + 1 : strlen(p);
        extract_check(p, k, 0);
        p += k;
    }
}
END_TEST

/* ---- saved crashers -------------------------------------------------------------- */

/* Every file under test/regress/ (inputs that once crashed or hung a fuzzer) goes
 * through extraction both ways and both JSON forms. */
START_TEST(regressions_replay)
{
    const char *dir = CT_SOURCE_DIR "/test/regress";
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    struct dirent *e;
    size_t n = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        size_t len;
        char *buf = tu_read_file(path, &len);
        ct_doc *doc = NULL;
        int rc = ct_extract(&doc, buf, len, 0);
        ck_assert_msg(rc == CT_OK || rc == CT_EINVAL, "%s: rc %d", e->d_name, rc);
        if (rc == CT_OK)
            check_doc(doc, len);
        ct_doc_free(doc);
        extract_check(buf, len, CT_EXTRACT_REPLACE_INVALID);
        free(buf);
        n++;
    }
    closedir(d);
    ck_assert_msg(n > 0, "no inputs in %s", dir);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("hostile");
    TCase *tc = tcase_create("encoding");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, invalid_utf8_in_every_position);
    tcase_add_test(tc, every_byte_replaced_by_every_invalid_lead);
    tcase_add_test(tc, nul_bytes_anywhere);
    suite_add_tcase(s, tc);
    tc = tcase_create("size");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, a_huge_single_line_in_bounded_memory);
    tcase_add_test(tc, a_dense_single_line_needs_no_more_than_its_result);
    tcase_add_test(tc, a_million_tiny_documents);
    suite_add_tcase(s, tc);
    tc = tcase_create("pathological");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, deeply_repeated_punctuation);
    tcase_add_test(tc, unbalanced_quotes_across_a_file);
    tcase_add_test(tc, numbers_with_thousands_of_digits);
    tcase_add_test(tc, overflowing_and_odd_numbers);
    tcase_add_test(tc, metadata_lines_with_quotes_sql_and_escapes);
    tcase_add_test(tc, regressions_replay);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
