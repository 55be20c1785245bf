/* Internal: tokens, sentences and paragraphs over the original bytes (segment.c).
 *
 * The segmenter walks a document once and hands out blocks: a block is one paragraph
 * (a line, or several hard-wrapped lines), or a slice of an overlong paragraph cut at a
 * sentence end, so memory stays bounded whatever the input. A block's tokens and
 * sentences are valid until the next call to ct__segment_next(). */
#ifndef CT_SEGMENT_H
#define CT_SEGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "claimtrack/extract.h"

typedef enum {
    /* Starts with a letter: letters, digits and internal apostrophes ("isn't", "A100",
     * "o1", "COP29"). Initialisms keep their periods ("U.S.", "a.m."). A possessive
     * "'s"/"’s" is split off as its own WORD with CT_TF_POSSESSIVE. */
    CT_TOK_WORD = 1,
    /* Starts with a digit: digits with ',' or '.' between digits ("10,000", "0.01").
     * A letter suffix is the next token, a WORD without CT_TF_SPACE_BEFORE
     * ("6.5" "m", "3" "bn", "36" "Kr", "2" "nd"). */
    CT_TOK_NUM,
    /* One punctuation code point: . , ; : ! ? ( ) [ ] - – — / ' " “ ” ‘ ’ … */
    CT_TOK_PUNCT,
    /* One other code point: $ € £ ¥ % & + · * # @, U+FFFD for invalid bytes. */
    CT_TOK_SYM
} ct_tok_kind;

#define CT_TF_SPACE_BEFORE 0x01u   /* white space, or the start of the paragraph, before it */
#define CT_TF_NEWLINE_BEFORE 0x02u /* a line break before it (inside a wrapped paragraph) */
#define CT_TF_CAP 0x04u            /* WORD starting with an uppercase letter */
#define CT_TF_ALLCAPS 0x08u        /* WORD of 2+ letters, all uppercase ("CNBC", "AI") */
#define CT_TF_HAS_DIGIT 0x10u      /* WORD containing a digit ("A100", "o1") */
#define CT_TF_POSSESSIVE 0x20u     /* the "'s"/"’s" of a possessive */
#define CT_TF_INITIALISM 0x40u     /* WORD like "U.S." that ends in its own period */
#define CT_TF_HASHED 0x80u         /* WORD of 1-15 ASCII letters/digits: hash is set */

typedef struct {
    size_t start;   /* byte offset into the document */
    uint32_t len;   /* bytes */
    uint16_t kind;  /* ct_tok_kind */
    uint16_t flags; /* CT_TF_* */
    int32_t cp;     /* PUNCT and SYM: the code point (curly quotes kept: ’ is 0x2019) */
    uint32_t hash;  /* CT_TF_HASHED: ct__word_hash() of the lower-cased bytes (in the padding) */
} ct_token;
/* hash sits in what was padding: a block's token array must not grow */
_Static_assert(sizeof(ct_token) <= 24, "ct_token grew past 24 bytes");

/* The word hash of the stages' word tables: a word's (lower-cased) bytes w[0..n), n <= 16,
 * read as two little-endian 64-bit numbers lo and hi (zero past n), mixed with n. A whole
 * word at a time, so the tokenizer gets it from two loads and no chain of per-byte
 * multiplies; tools/gen_attrib_words.py and tools/gen_quantity_lexicon.py compute the
 * same for the generated tables. */
static inline uint32_t ct__hash_mix(uint64_t lo, uint64_t hi, uint64_t n)
{
    uint64_t x = lo * 0x9E3779B97F4A7C15u ^ (hi + n) * 0xC2B2AE3D27D4EB4Fu;
    x ^= x >> 32;
    x *= 0xD6E8FEB86659FD93u;
    x ^= x >> 32;
    return (uint32_t)x;
}

static inline uint32_t ct__word_hash(const unsigned char *w, size_t n)
{
    uint64_t part[2] = {0, 0};
    for (size_t i = 0; i < n && i < 16; i++)
        part[i >> 3] |= (uint64_t)w[i] << (8 * (i & 7));
    return ct__hash_mix(part[0], part[1], n);
}

#define CT_SF_PARA_START 0x01u  /* first sentence of its paragraph */
#define CT_SF_BOILERPLATE 0x02u /* page furniture ("See also ...", "0 Commentaires ·0 Parts") */
#define CT_SF_METADATA 0x04u    /* title, URL, byline, dateline or "Source : X" line */
#define CT_SF_TITLE 0x08u       /* the headline (also CT_SF_METADATA) */

typedef struct {
    size_t start, end;  /* bytes, without surrounding white space */
    uint32_t tok_first; /* index of its first token in the block */
    uint32_t tok_count;
    uint32_t flags; /* CT_SF_* */
} ct_sentence;

typedef struct {
    const char *buf; /* the whole document */
    size_t len;
    const ct_token *toks; /* every token of the block */
    size_t ntoks;
    const ct_sentence *sents;
    size_t nsents;
    size_t para; /* index of the paragraph, counting from 0 */
} ct_block;

typedef struct {
    size_t start, end; /* start == end: not found */
} ct_span;

typedef struct {
    const char *buf;
    size_t len, pos;
    size_t para;       /* paragraphs handed out so far */
    size_t body_paras; /* of them, paragraphs of body text (not metadata/boilerplate) */
    size_t meta_paras; /* of them, metadata lines other than the title */
    ct_token *toks;
    size_t ntoks, toks_cap; /* toks_cap: of marks too */
    ct_sentence *sents;
    size_t nsents, sents_cap;
    /* the tokens sentence splitting looks at: . ! ? … " and initialisms, in order (in
     * the tokens' allocation, behind them) */
    uint32_t *marks;
    size_t nmarks;
    size_t nwords, nseps; /* the block's WORDs but possessives, and its separators · | • ∙ */
    bool multiline;       /* the block holds a '\n' */
    ct_block blk;
    ct_span meta[CT_META_COUNT_]; /* metadata lines found so far (trimmed) */
} ct_segmenter;

/* Start segmenting buf[0..len), which must be valid UTF-8 or read leniently (invalid
 * bytes become SYM U+FFFD tokens). Keeps a pointer to buf. */
void ct__segment_init(ct_segmenter *seg, const char *buf, size_t len);

/* The next block in *out. Returns 1 when there is one, 0 at the end of the document, or
 * CT_ENOMEM. */
int ct__segment_next(ct_segmenter *seg, const ct_block **out);

void ct__segment_free(ct_segmenter *seg);

/* Case-insensitive ASCII comparison of a token's bytes with a lower-case word. Inline:
 * the stages call it for many tokens, and with a literal word the length check that
 * rejects most of them costs nothing (strlen folds to a constant). */
static inline bool ct__tok_is(const char *buf, const ct_token *t, const char *lower_word)
{
    size_t n = strlen(lower_word);
    if (t->len != n)
        return false;
    const unsigned char *s = (const unsigned char *)buf + t->start;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lower_word[i])
            return false;
    }
    return true;
}

/* Same, for any of a NULL-terminated list of lower-case words. */
bool ct__tok_in(const char *buf, const ct_token *t, const char *const *lower_words);

/* Folded compares of a token's bytes with a lower-case word, a few loads at a time (the
 * stages' word checks). Always inlined: ct__tok_eq() (attrib.h), called with many literal
 * words, would otherwise be made one function that calls strlen() each time. */
#if defined(__GNUC__)
#define CT_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define CT_ALWAYS_INLINE inline
#endif

/* w bytes (1 to 8) at p, as the low bytes of a word */
static CT_ALWAYS_INLINE uint64_t ct__load_bytes(const void *p, size_t w)
{
    uint64_t v = 0;
    memcpy(&v, p, w);
    return v;
}

/* 0x20 in each byte of x that is an ASCII small letter, 0 in the others: the bit that
 * folds a capital to it. Bytes below 0x80 only (a listed word), so no sum carries. */
static CT_ALWAYS_INLINE uint64_t ct__small_bits(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u;
    uint64_t from_a = x + (0x80 - 'a') * ones, past_z = x + (0x7f - 'z') * ones;
    return (from_a & ~past_z & 0x80 * ones) >> 2;
}

/* The n bytes at s (n from 2w down to w) equal the word p (of n bytes, below 0x80)
 * folded: the first and the last w bytes, which overlap and so cover all n. A byte of the
 * token | 0x20 equals a small letter of p just when the byte is that letter or its
 * capital; any other byte of p must be the token's. With p a literal all of p's side
 * folds to constants. The offset of the last bytes is kept at 0 or more on paths where n
 * is below w, which never run but are compiled unoptimised. */
static CT_ALWAYS_INLINE bool ct__same_ends(const unsigned char *s, const char *p, size_t n,
                                           size_t w)
{
    size_t e = n > w ? n - w : 0;
    uint64_t a = ct__load_bytes(p, w), b = ct__load_bytes(p + e, w);
    return (((ct__load_bytes(s, w) | ct__small_bits(a)) ^ a) |
            ((ct__load_bytes(s + e, w) | ct__small_bits(b)) ^ b)) == 0;
}

/* The n bytes at s (n <= 16) equal the word p (of n bytes) folded, as ct__same_ends()
 * says, at one or two loads of the width n needs. */
static CT_ALWAYS_INLINE bool ct__same_folded(const unsigned char *s, const char *p, size_t n)
{
    if (n >= 8)
        return ct__same_ends(s, p, n, 8);
    if (n >= 4)
        return ct__same_ends(s, p, n, 4);
    if (n >= 2)
        return ct__same_ends(s, p, n, 2);
    return n == 0 || (s[0] | ct__small_bits((unsigned char)p[0])) == (unsigned char)p[0];
}


/* True when the segmenter's word lists are sorted, as their bisection needs, and their
 * length, first-letter and hash filters (and the furniture prefixes') admit every word
 * (tests). */
bool ct__segment_lists_sorted(void);

/* The token is one of the quote marks " “ ” ' ‘ ’ « » (PUNCT). */
bool ct__tok_is_quote(const ct_token *t);

#endif
