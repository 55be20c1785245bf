/* UTF-8 validation, decoding and code point classes; the only user of utf8proc. */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

#include "alloc.h"

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 when it is invalid
 * (overlong forms, surrogates and code points past U+10FFFF are invalid). */
static size_t seq_len(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return 0;
}

bool ct__text_valid(const char *buf, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0;
    while (i < len) {
        /* news text is mostly ASCII: skip it eight bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = seq_len(s + i, len - i, &cp);
        if (k == 0) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += k;
    }
    return true;
}

int32_t ct__text_decode(const unsigned char *s, size_t n, size_t *adv)
{
    if (s[0] < 0x80) {
        *adv = 1;
        return s[0];
    }
    int32_t cp;
    size_t k = seq_len(s, n, &cp);
    if (k == 0) {
        *adv = 1;
        return CT_REPLACEMENT_CHAR;
    }
    *adv = k;
    return cp;
}

static utf8proc_category_t category(int32_t cp)
{
    return utf8proc_category((utf8proc_int32_t)cp);
}

bool ct__text_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    switch (category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return true;
    default:
        return false;
    }
}

bool ct__text_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool ct__text_is_digit(int32_t cp) { return cp >= '0' && cp <= '9'; }

bool ct__text_is_newline(int32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
}

bool ct__text_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp <= ' ' || cp == 0x7F;
    switch (category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return true;
    default:
        return cp == 0x85;
    }
}

bool ct__text_is_punct(int32_t cp)
{
    if (cp < 0x80)
        return strchr("!\"'(),-./:;?[]{}", (int)cp) != NULL && cp != 0;
    switch (category(cp)) {
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return true;
    default:
        return false;
    }
}

char *ct__text_fold(const char *s, size_t n)
{
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &folded,
                                      UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                          UTF8PROC_IGNORE | UTF8PROC_STRIPMARK);
    if (r < 0)
        return NULL;
    /* utf8proc allocated with its own malloc: hand back a copy from ours */
    char *out = ct__strndup((const char *)folded, (size_t)r);
    free(folded);
    return out;
}

/* How many of 8 bytes (the first in the lowest) come before the first whose high bit is
 * set in bad: 8 when none is. A bad byte's carry or borrow only reaches the bytes after
 * it, so the first one flagged is a bad one. Elsewhere than on little-endian machines, 0
 * for any bad byte (the byte loop takes all of them). */
static size_t good_bytes(uint64_t bad)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return bad ? (size_t)__builtin_ctzll(bad) >> 3 : 8;
#else
    return bad ? 0 : 8;
#endif
}

size_t ct__text_clean(char *dst, size_t cap, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0;
    bool space = false;
    while (i < n && o + 1 < cap) {
        /* Eight bytes at a time while they are printable ASCII with single spaces, and
         * there is room for them, a space before and the NUL: copied as they are. */
        while (i + 8 <= n && o + 10 <= cap) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            uint64_t sp = ct__text_space_bits(w);
            /* k: the bytes before the first that is not printable ASCII or is a second
             * space; they go as a chunk, and the byte loop below takes that one */
            size_t k = good_bytes(ct__text_unplain_bits(w) | (sp & (sp << 8)));
            if (k == 0)
                break;
            if (p[i] == ' ') {
                if (o == 0) /* leading white space is dropped */
                    break;
                space = false; /* the chunk's first byte is the one space */
            }
            if (space)
                dst[o++] = ' ';
            memcpy(dst + o, &w, 8);
            space = p[i + k - 1] == ' '; /* a last space is written but not counted */
            o += k - space;
            i += k;
            if (k < 8)
                break;
        }
        if (i >= n || o + 1 >= cap)
            break;
        /* printable ASCII, the bulk of any span, is copied as it is */
        if (p[i] > ' ' && p[i] < 0x7F) {
            if (space) {
                dst[o++] = ' ';
                space = false;
                if (o + 1 >= cap)
                    break;
            }
            dst[o++] = (char)p[i++];
            continue;
        }
        if (p[i] <= ' ' || p[i] == 0x7F) { /* ASCII white space and controls: no decoder */
            space = o > 0;
            i++;
            continue;
        }
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
