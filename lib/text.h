/* Internal: UTF-8 and code points (text.c, the only user of utf8proc). */
#ifndef CT_TEXT_H
#define CT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CT_REPLACEMENT_CHAR 0xFFFD

/* Check that buf[0..len) is valid UTF-8. Returns true, or false with *bad_offset set to
 * the first byte of the first invalid sequence. NUL bytes are valid. */
bool ct__text_valid(const char *buf, size_t len, size_t *bad_offset);

/* Decode one code point at s (with at least 1 byte left, n >= 1). Sets *adv to the
 * number of bytes consumed (>= 1). An invalid sequence decodes as one U+FFFD of length 1,
 * so the original bytes are never rewritten, only read past. */
int32_t ct__text_decode(const unsigned char *s, size_t n, size_t *adv);

/* Code point classes. ASCII is answered without utf8proc. */
bool ct__text_is_letter(int32_t cp);  /* letters and combining marks */
bool ct__text_is_upper(int32_t cp);   /* uppercase or titlecase letters */
bool ct__text_is_digit(int32_t cp);   /* ASCII 0-9 only: other scripts' digits are words */
bool ct__text_is_space(int32_t cp);   /* Unicode white space, NUL and other controls */
bool ct__text_is_newline(int32_t cp); /* \n, \r, U+2028, U+2029, U+0085 */
bool ct__text_is_punct(int32_t cp);   /* punctuation, incl. quotes and dashes */

/* Write the NFKC-case-folded form of s[0..n) into a new ct__malloc'ed string (free with
 * ct__free), for matching keys; NULL on failure. */
char *ct__text_fold(const char *s, size_t n);

/* Eight bytes at a time, for ct__text_copy_clean() (inline, for its callers' short
 * spans) and ct__text_clean(). */

/* The high bit of each byte of w that is 0x20. Its xor with 0x20 is 0 there, at most
 * 0x7F elsewhere (for printable ASCII), so adding 0x7F per byte carries into the high bit
 * everywhere but there; other bytes may carry into a neighbour, but those are no clean
 * text anyway. */
static inline uint64_t ct__text_space_bits(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull;
    return ~((w ^ (0x20 * ones)) + 0x7F * ones) & (0x80 * ones);
}

/* The high bit of each byte of w that is no printable ASCII or space (0x20-0x7E): a byte
 * >= 0x7F has it set, alone or plus 1; one < 0x20 has it set minus 0x20 (a borrow from
 * it may set a neighbour's too, but only when there is a bad byte already). */
static inline uint64_t ct__text_unplain_bits(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull;
    return (w | (w + ones) | (w - 0x20 * ones)) & (0x80 * ones);
}

/* Copy s[0..n) into dst (room for n bytes) and return true when it is clean: printable
 * ASCII with single spaces between words, none at either end, which is what
 * ct__text_clean() would make of it. False when it is not, dst then holding any bytes:
 * the check and the copy in one pass for text that is almost always clean. */
static inline bool ct__text_copy_clean(char *dst, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t bad;
    if (n >= 8) {
        /* Eight bytes at a time, the last eight overlapping the chunk before (every pair
         * of neighbours lies in one chunk then); one test at the end, none a chunk: spans
         * are short and almost all clean, and a branch a chunk mispredicts on its exit. */
        uint64_t w, sp;
        bad = (p[0] == ' ') | (p[n - 1] == ' ');
        for (size_t i = 0; i + 8 <= n; i += 8) {
            memcpy(&w, p + i, 8);
            memcpy(dst + i, &w, 8);
            sp = ct__text_space_bits(w);
            /* two spaces, inside the chunk (neighbours are neighbours in w on any byte
             * order) or across from the chunk before (the bytes themselves: which end of
             * w is the last byte depends on the byte order) */
            size_t before = i ? i - 1 : 0;
            bad |= ct__text_unplain_bits(w) | (sp & (sp << 8)) |
                   ((p[before] == ' ') & (p[i] == ' '));
        }
        /* the last eight bytes, also when they are the last chunk again: no branch */
        memcpy(&w, p + n - 8, 8);
        memcpy(dst + n - 8, &w, 8);
        sp = ct__text_space_bits(w);
        bad |= ct__text_unplain_bits(w) | (sp & (sp << 8));
    } else if (n >= 4) {
        /* two four-byte halves that overlap: every pair of neighbours lies in one */
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
        /* the masks keep the four bytes read: nothing carries or borrows down into them */
        const uint64_t low4 = 0x80808080u;
        uint64_t sa = ct__text_space_bits(a) & low4, sb = ct__text_space_bits(b) & low4;
        uint64_t ua = ct__text_unplain_bits(a), ub = ct__text_unplain_bits(b);
        bad = (p[0] == ' ') | (p[n - 1] == ' ') | ((ua | ub) & low4) | (sa & (sa << 8)) |
              (sb & (sb << 8));
    } else if (n > 0) {
        /* first, middle and last byte; only the middle one may be a space */
        unsigned char a = p[0], m = p[n / 2], z = p[n - 1];
        dst[0] = (char)a;
        dst[n / 2] = (char)m;
        dst[n - 1] = (char)z;
        bad = (a - 0x21u > 0x7Eu - 0x21u) | (z - 0x21u > 0x7Eu - 0x21u) |
              (m - 0x20u > 0x7Eu - 0x20u);
    } else {
        return false;
    }
    return bad == 0;
}

/* Copy s[0..n) into dst (of cap bytes, cap >= 1), replacing invalid UTF-8 and control
 * characters by '?' / ' ' so the result is safe JSON and safe on a terminal; collapses
 * runs of white space. Returns the length written (NUL-terminated, truncated to fit). */
size_t ct__text_clean(char *dst, size_t cap, const char *s, size_t n);

#endif
