/* The text stage: UTF-8 validation and decoding, code point classes, folding, cleaning. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"
#include "testutil.h"

static bool valid(const char *s, size_t n, size_t *bad)
{
    *bad = (size_t)-1;
    return ct__text_valid(s, n, bad);
}

START_TEST(valid_utf8_is_accepted)
{
    static const char text[] = "Plain ASCII, \xc2\xa3" "5bn (\xe2\x82\xac" "4bn), \xe2\x80\x9cquoted\xe2\x80\x9d, "
                               "\xf0\x9f\x98\x80 and a NUL \0 byte.";
    size_t bad;
    ck_assert(valid(text, sizeof text - 1, &bad));
    ck_assert_uint_eq(bad, (size_t)-1);
    ck_assert(valid("", 0, &bad));
    ck_assert(ct__text_valid("x", 1, NULL));
}
END_TEST

START_TEST(invalid_utf8_reports_the_first_bad_byte)
{
    /* each case: the bad sequence comes after 9 ASCII bytes ("abcdefghi") */
    static const struct {
        const char *s;
        size_t n;
    } cases[] = {
        {"abcdefghi\x80xyz", 13},             /* lone continuation byte */
        {"abcdefghi\xc0\xafxyz", 14},         /* overlong '/' */
        {"abcdefghi\xc1\xbf", 11},            /* overlong */
        {"abcdefghi\xe0\x80\xafxyz", 15},     /* overlong 3-byte */
        {"abcdefghi\xed\xa0\x80xyz", 15},     /* UTF-16 surrogate D800 */
        {"abcdefghi\xf0\x80\x80\xafxyz", 16}, /* overlong 4-byte */
        {"abcdefghi\xf4\x90\x80\x80xyz", 16}, /* past U+10FFFF */
        {"abcdefghi\xf5\x80\x80\x80", 13},    /* F5 never starts a sequence */
        {"abcdefghi\xff", 10},
        {"abcdefghi\xe2\x82", 11},            /* truncated at the end */
        {"abcdefghi\xe2\x82xyz", 14},         /* truncated in the middle */
        {"abcdefghi\xc3", 10},
        {"abcdefghi\xf0\x9f\x98", 12},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad;
        ck_assert_msg(!valid(cases[i].s, cases[i].n, &bad), "case %zu accepted", i);
        ck_assert_msg(bad == 9, "case %zu: bad offset %zu", i, bad);
    }
}
END_TEST

START_TEST(invalid_byte_after_a_long_ascii_run)
{
    /* the eight-bytes-at-a-time path must still stop at the right byte */
    char buf[100];
    memset(buf, 'a', sizeof buf);
    for (size_t pos = 0; pos < sizeof buf; pos++) {
        buf[pos] = (char)0xff;
        size_t bad;
        ck_assert(!valid(buf, sizeof buf, &bad));
        ck_assert_uint_eq(bad, pos);
        buf[pos] = 'a';
    }
}
END_TEST

START_TEST(decode_reads_code_points_and_never_stalls)
{
    size_t adv;
    ck_assert_int_eq(ct__text_decode((const unsigned char *)"A", 1, &adv), 'A');
    ck_assert_uint_eq(adv, 1);
    ck_assert_int_eq(ct__text_decode((const unsigned char *)"\xc2\xa3", 2, &adv), 0xA3);
    ck_assert_uint_eq(adv, 2);
    ck_assert_int_eq(ct__text_decode((const unsigned char *)"\xe2\x80\x99", 3, &adv), 0x2019);
    ck_assert_uint_eq(adv, 3);
    ck_assert_int_eq(ct__text_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &adv),
                     0x1F600);
    ck_assert_uint_eq(adv, 4);
    /* a truncated sequence: one replacement character of one byte */
    ck_assert_int_eq(ct__text_decode((const unsigned char *)"\xe2\x80\x99", 2, &adv),
                     CT_REPLACEMENT_CHAR);
    ck_assert_uint_eq(adv, 1);
    ck_assert_int_eq(ct__text_decode((const unsigned char *)"\xff", 1, &adv),
                     CT_REPLACEMENT_CHAR);
    ck_assert_uint_eq(adv, 1);
    /* every byte value decodes to something and advances */
    for (int b = 0; b < 256; b++) {
        unsigned char s[4] = {(unsigned char)b, 0x80, 0x80, 0x80};
        int32_t cp = ct__text_decode(s, 4, &adv);
        ck_assert(adv >= 1 && adv <= 4);
        ck_assert(cp >= 0 && cp <= 0x10FFFF);
    }
}
END_TEST

START_TEST(code_point_classes)
{
    ck_assert(ct__text_is_letter('a') && ct__text_is_letter('Z'));
    ck_assert(ct__text_is_letter(0xE9));   /* é */
    ck_assert(ct__text_is_letter(0x4E2D)); /* 中 */
    ck_assert(ct__text_is_letter(0x0301)); /* combining acute */
    ck_assert(!ct__text_is_letter('1') && !ct__text_is_letter('$') && !ct__text_is_letter(0xA3));
    ck_assert(ct__text_is_upper('Q') && !ct__text_is_upper('q'));
    ck_assert(ct__text_is_upper(0xC9) && !ct__text_is_upper(0xE9)); /* É é */
    ck_assert(ct__text_is_digit('0') && ct__text_is_digit('9'));
    ck_assert(!ct__text_is_digit(0x0663)); /* Arabic-Indic three: a word, not a number */
    ck_assert(ct__text_is_space(' ') && ct__text_is_space('\t') && ct__text_is_space(0));
    ck_assert(ct__text_is_space(0x1B) && ct__text_is_space(0x7F)); /* ESC, DEL */
    ck_assert(ct__text_is_space(0xA0) && ct__text_is_space(0x2009)); /* NBSP, thin space */
    ck_assert(ct__text_is_space(0x200B) && ct__text_is_space(0xFEFF)); /* ZWSP, BOM (Cf) */
    ck_assert(ct__text_is_space(0x9B));  /* C1 CSI: never reaches a terminal */
    ck_assert(!ct__text_is_space('a') && !ct__text_is_space(0x2019));
    ck_assert(ct__text_is_newline('\n') && ct__text_is_newline(0x2028));
    ck_assert(!ct__text_is_newline(' '));
    ck_assert(ct__text_is_punct('.') && ct__text_is_punct('"') && ct__text_is_punct('-'));
    ck_assert(ct__text_is_punct(0x201C) && ct__text_is_punct(0x2014)); /* “ — */
    ck_assert(!ct__text_is_punct('$') && !ct__text_is_punct('%') && !ct__text_is_punct(0));
    ck_assert(!ct__text_is_punct(0x20AC)); /* € is a symbol */
}
END_TEST

START_TEST(fold_case_folds_and_normalises)
{
    char *f = ct__text_fold("DeepSeek \xef\xbc\xa1I", 13); /* fullwidth A */
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, "deepseek ai");
    ct__free(f);
    f = ct__text_fold("Caf\xc3\xa9", 5);
    ck_assert_str_eq(f, "cafe"); /* marks stripped for matching */
    ct__free(f);
    f = ct__text_fold("", 0);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f, "");
    ct__free(f);
    /* invalid UTF-8 is refused, not read past */
    ck_assert_ptr_null(ct__text_fold("ab\xff", 3));
}
END_TEST

START_TEST(clean_makes_text_safe_for_json_and_terminals)
{
    char out[64];
    size_t n = ct__text_clean(out, sizeof out, "a\x1b[31mred\x1b[0m  \n\tz", 18);
    ck_assert_str_eq(out, "a [31mred [0m z");
    ck_assert_uint_eq(n, strlen(out));
    n = ct__text_clean(out, sizeof out, "bad\xff\xfe" "byte", 9);
    ck_assert_str_eq(out, "bad??byte");
    /* C1 controls (U+009B is a CSI on some terminals) become spaces too */
    n = ct__text_clean(out, sizeof out, "x\xc2\x9b" "2Jy", 6);
    ck_assert_str_eq(out, "x 2Jy");
    /* leading white space dropped, NUL bytes are spaces */
    n = ct__text_clean(out, sizeof out, "  \0 lead", 8);
    ck_assert_str_eq(out, "lead");
}
END_TEST

START_TEST(clean_truncates_at_a_code_point_boundary)
{
    char out[6];
    /* "abc" + a three-byte quote + "d" into 6 bytes: the quote would need 7 with the NUL,
     * so it is left out whole rather than cut in the middle */
    size_t n = ct__text_clean(out, sizeof out, "abc\xe2\x80\x9c" "d", 7);
    ck_assert_uint_eq(n, 3);
    ck_assert_str_eq(out, "abc");
    n = ct__text_clean(out, 1, "abc", 3);
    ck_assert_uint_eq(n, 0);
    ck_assert_str_eq(out, "");
    /* output never grows past the input */
    char big[32];
    n = ct__text_clean(big, sizeof big, "a   b", 5);
    ck_assert_str_eq(big, "a b");
}
END_TEST

/* What ct__text_copy_clean() must answer for s[0..n): true exactly when s is ASCII and
 * cleaning leaves it as it is (and it is not empty). */
static bool stays_as_is(const char *s, size_t n)
{
    char out[41];
    ck_assert(n < sizeof out);
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        ascii &= (unsigned char)s[i] < 0x80;
    size_t m = ct__text_clean(out, sizeof out, s, n);
    return ascii && n > 0 && m == n && memcmp(s, out, n) == 0;
}

/* ct__text_copy_clean() of in[0..n) into an exact-size buffer (for ASan) answers as
 * stays_as_is() and copies the span when it says yes. */
static void check_copy_clean(const char *in, size_t n)
{
    char *dst = malloc(n ? n : 1);
    ck_assert_ptr_nonnull(dst);
    bool copied = ct__text_copy_clean(dst, in, n);
    ck_assert_int_eq(copied, stays_as_is(in, n));
    if (copied)
        ck_assert(memcmp(dst, in, n) == 0);
    free(dst);
}

/* ct__text_copy_clean() says yes exactly when cleaning would leave ASCII text as it is,
 * wherever the bad byte or the double space falls among its eight-byte steps and for
 * every length (its short spans take other paths than its long ones). */
START_TEST(copy_clean_agrees_with_clean)
{
    static const unsigned char alphabet[] = {'a', 'a', 'Z', ' ', ' ', '~', '!', 0x7F, 0x1F, 0x20,
                                             0x7E, '\t', '\n', 0x00, 0x80, 0xFF};
    uint32_t r = 12345;
    for (int k = 0; k < 50000; k++) {
        char in[40];
        r = r * 1103515245u + 12345u;
        size_t n = (r >> 16) % sizeof in;
        for (size_t i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            /* mostly letters, so that long clean runs occur */
            in[i] = (char)((r >> 24) < 200 ? 'a' : alphabet[(r >> 16) % sizeof alphabet]);
        }
        check_copy_clean(in, n);
    }
    static const unsigned char alphabet2[] = {' ', ' ', ' ', '~', '!', 0x7F, 0x1F, 0x20, 0x21,
                                              0x7E, '\t', 0x00, 0x80, 0xC3, 0xFF, 'Q'};
    r = 777;
    for (int k = 0; k < 100000; k++) {
        char in[40];
        r = r * 1103515245u + 12345u;
        size_t n = (r >> 16) % 24 + ((r >> 8) & 1) * ((r >> 12) % 17);
        for (size_t i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            in[i] = (char)((r >> 24) < 160 ? 'a' + (r >> 16) % 26
                                           : alphabet2[(r >> 16) % sizeof alphabet2]);
        }
        check_copy_clean(in, n);
    }
    /* double spaces at every place of spans of every length up to 20 */
    for (size_t n = 1; n <= 20; n++)
        for (size_t at = 0; at + 1 < n; at++) {
            char in[20], dst[20];
            memset(in, 'x', n);
            in[at] = in[at + 1] = ' ';
            ck_assert(!ct__text_copy_clean(dst, in, n));
            in[at] = 'y';
            ck_assert_int_eq(ct__text_copy_clean(dst, in, n), at + 2 < n);
        }
}
END_TEST

/* ct__text_clean() byte by byte, as it was before it took eight bytes at a time. */
static size_t clean_bytewise(char *dst, size_t cap, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0;
    bool space = false;
    while (i < n && o + 1 < cap) {
        size_t adv;
        int32_t cp = ct__text_decode(p + i, n - i, &adv);
        if (ct__text_is_space(cp)) {
            space = o > 0;
            i += adv;
            continue;
        }
        if (space) {
            dst[o++] = ' ';
            space = false;
            if (o + 1 >= cap)
                break;
        }
        if (cp == CT_REPLACEMENT_CHAR && adv == 1) {
            dst[o++] = '?';
        } else {
            if (o + adv >= cap)
                break;
            memcpy(dst + o, p + i, adv);
            o += adv;
        }
        i += adv;
    }
    dst[o] = '\0';
    return o;
}

START_TEST(clean_agrees_with_bytewise_cleaning)
{
    static const char *const pieces[] = {"a", "word", " ", "  ", "\t", "\n", "\x7f", "\x01",
                                         "\xe2\x80\x9c", "\xc3\xa9", "\xff", "\xe2\x80",
                                         "\xc2\xa0", "~", "plain text here"};
    uint32_t r = 777;
    for (int k = 0; k < 20000; k++) {
        char in[64];
        size_t n = 0;
        for (;;) {
            r = r * 1103515245u + 12345u;
            const char *piece = pieces[(r >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t len = strlen(piece);
            if (n + len > sizeof in)
                break;
            memcpy(in + n, piece, len);
            n += len;
        }
        r = r * 1103515245u + 12345u;
        size_t cap = 1 + (r >> 16) % 70;
        char want[72], got[72];
        size_t wn = clean_bytewise(want, cap, in, n);
        size_t gn = ct__text_clean(got, cap, in, n);
        ck_assert_uint_eq(gn, wn);
        ck_assert_str_eq(got, want);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, valid_utf8_is_accepted);
    tcase_add_test(tc, invalid_utf8_reports_the_first_bad_byte);
    tcase_add_test(tc, invalid_byte_after_a_long_ascii_run);
    tcase_add_test(tc, decode_reads_code_points_and_never_stalls);
    suite_add_tcase(s, tc);
    tc = tcase_create("classes");
    tcase_add_test(tc, code_point_classes);
    suite_add_tcase(s, tc);
    tc = tcase_create("fold_clean");
    tcase_add_test(tc, fold_case_folds_and_normalises);
    tcase_add_test(tc, clean_makes_text_safe_for_json_and_terminals);
    tcase_add_test(tc, clean_truncates_at_a_code_point_boundary);
    tcase_add_test(tc, copy_clean_agrees_with_clean);
    tcase_add_test(tc, clean_agrees_with_bytewise_cleaning);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
