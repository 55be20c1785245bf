/* Internal: UTF-8 and code points (text.c, the only user of utf8proc). */
#ifndef CT_TEXT_H
#define CT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* Is s[0..n) printable ASCII with single spaces between words, none at either end? Such
 * text is what ct__text_clean() would make of it. */
bool ct__text_is_clean(const char *s, size_t n);

/* Copy s[0..n) into dst (room for n bytes) and return true when it is clean
 * (ct__text_is_clean()); false when it is not, dst then holding any bytes: the check and
 * the copy in one pass for text that is almost always clean. */
bool ct__text_copy_clean(char *dst, const char *s, size_t n);

/* Copy s[0..n) into dst (of cap bytes, cap >= 1), replacing invalid UTF-8 and control
 * characters by '?' / ' ' so the result is safe JSON and safe on a terminal; collapses
 * runs of white space. Returns the length written (NUL-terminated, truncated to fit). */
size_t ct__text_clean(char *dst, size_t cap, const char *s, size_t n);

#endif
