/* Tokens, sentences and paragraphs over the original bytes, one pass, bounded memory. */
#include "segment.h"

#include <string.h>

#include "alloc.h"
#include "claimtrack/errors.h"
#include "error.h"
#include "text.h"

#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* A paragraph longer than this is handed out in slices cut at a sentence end... */
#define BLOCK_SOFT_BYTES (64u * 1024u)
/* ...or, failing one, at a token boundary: a 100 MB single line never becomes one block. */
#define BLOCK_HARD_BYTES (256u * 1024u)
/* A "sentence" without an end is cut here, so later stages never see one huge window. */
#define SENTENCE_MAX_TOKENS 400u
/* Only lines this short can be metadata or furniture; longer lines are body text. */
#define META_LINE_MAX 400u

bool ct__tok_in(const char *buf, const ct_token *t, const char *const *words)
{
    for (; *words; words++)
        if (ct__tok_is(buf, t, *words))
            return true;
    return false;
}

bool ct__tok_is_quote(const ct_token *t)
{
    if (t->kind != CT_TOK_PUNCT)
        return false;
    switch (t->cp) {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: case 0x201F:
        return true;
    default:
        return false;
    }
}

void ct__segment_init(ct_segmenter *seg, const char *buf, size_t len)
{
    memset(seg, 0, sizeof *seg);
    seg->buf = buf;
    seg->len = len;
}

void ct__segment_free(ct_segmenter *seg)
{
    ct__free(seg->toks); /* the marks too */
    ct__free(seg->sents);
    seg->toks = NULL;
    seg->sents = NULL;
    seg->marks = NULL;
}

/* ---- code points ------------------------------------------------------------------ */

static int32_t cp_at(const ct_segmenter *seg, size_t i, size_t *adv)
{
    return ct__text_decode((const unsigned char *)seg->buf + i, seg->len - i, adv);
}

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static bool ascii_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Byte classes: news text is mostly ASCII, so one table lookup answers most bytes and
 * only bytes >= 0x80 go through the UTF-8 decoder and utf8proc. */
enum {
    BC_SPACE = 0x01u, /* controls, NUL, space, DEL */
    BC_NL = 0x02u,    /* \n \r */
    BC_DIGIT = 0x04u,
    BC_UPPER = 0x08u,
    BC_LOWER = 0x10u,
    BC_PUNCT = 0x20u, /* ! " ' ( ) , - . / : ; ? [ ] { } */
    BC_HIGH = 0x40u,  /* part of a multi-byte sequence (or an invalid byte) */
    BC_TAIL = 0x80u   /* may go on a word after its ASCII letters: digits ' . BC_HIGH */
};
#define SP BC_SPACE
#define NL BC_NL
#define DG BC_DIGIT
#define UP BC_UPPER
#define LO BC_LOWER
#define PU BC_PUNCT
#define HI (BC_HIGH | BC_TAIL)
#define PT (BC_PUNCT | BC_TAIL)
#define DT (BC_DIGIT | BC_TAIL)
static const unsigned char byte_class[256] = {
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, NL, SP, SP, NL, SP, SP, /* 00 */
    SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, /* 10 */
    SP, PU, PU, 0,  0,  0,  0,  PT, PU, PU, 0,  0,  PU, PU, PT, PU, /* 20 */
    DT, DT, DT, DT, DT, DT, DT, DT, DT, DT, PU, PU, 0,  0,  0,  PU, /* 30 */
    0,  UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, /* 40 */
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, PU, 0,  PU, 0,  0,  /* 50 */
    0,  LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, /* 60 */
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, PU, 0,  PU, 0,  SP, /* 70 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* 80 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* 90 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* A0 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* B0 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* C0 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* D0 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* E0 */
    HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, HI, /* F0 */
};
#undef SP
#undef NL
#undef DG
#undef UP
#undef LO
#undef PU
#undef HI
#undef PT
#undef DT

/* Letters and digits of ASCII words: the byte class (BC_*) << 8 | the lower-cased byte,
 * 0 for any other byte. One load gives word_tail() what it tests and the classes it saw. */
#define LO (BC_LOWER << 8)
#define UP (BC_UPPER << 8)
#define DG (BC_DIGIT << 8)
static const uint16_t word_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    DG | 0x30, DG | 0x31, DG | 0x32, DG | 0x33, DG | 0x34, DG | 0x35, DG | 0x36, DG | 0x37,
    DG | 0x38, DG | 0x39, 0, 0, 0, 0, 0, 0,
    0, UP | 0x61, UP | 0x62, UP | 0x63, UP | 0x64, UP | 0x65, UP | 0x66, UP | 0x67,
    UP | 0x68, UP | 0x69, UP | 0x6a, UP | 0x6b, UP | 0x6c, UP | 0x6d, UP | 0x6e, UP | 0x6f,
    UP | 0x70, UP | 0x71, UP | 0x72, UP | 0x73, UP | 0x74, UP | 0x75, UP | 0x76, UP | 0x77,
    UP | 0x78, UP | 0x79, UP | 0x7a, 0, 0, 0, 0, 0,
    0, LO | 0x61, LO | 0x62, LO | 0x63, LO | 0x64, LO | 0x65, LO | 0x66, LO | 0x67,
    LO | 0x68, LO | 0x69, LO | 0x6a, LO | 0x6b, LO | 0x6c, LO | 0x6d, LO | 0x6e, LO | 0x6f,
    LO | 0x70, LO | 0x71, LO | 0x72, LO | 0x73, LO | 0x74, LO | 0x75, LO | 0x76, LO | 0x77,
    LO | 0x78, LO | 0x79, LO | 0x7a, 0, 0, 0, 0, 0,
    /* 0x80-0xFF: 0 */
};
#undef LO
#undef UP
#undef DG

/* ASCII letters, lower-cased; 0 for any other byte: the byte loops' test. */
static const unsigned char letter_lower[256] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 00 */
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 10 */
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 20 */
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   /* 30 */
    0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', /* 40 */
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,   /* 50 */
    0,   'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', /* 60 */
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0,   0,   0,   0,   0,   /* 70 */
    /* 0x80-0xFF: 0 */
};

/* ---- tokens ----------------------------------------------------------------------- */

/* Eight bytes at a time where the byte order allows it (the masks below read the first
 * byte as the lowest); elsewhere the byte loops. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORD_AT_A_TIME 1
#else
#define WORD_AT_A_TIME 0
#endif
#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

#if WORD_AT_A_TIME
/* The high bit of each of v's eight bytes that is an ASCII letter. No byte carries into
 * the next: every sum stays below 0x100. */
static inline uint64_t letter_bits(uint64_t v)
{
    uint64_t low = (v | 0x20 * ONES) & ~HIGHS;      /* letters lower-cased, 7 bits a byte */
    uint64_t from_a = low + (0x80 - 'a') * ONES;     /* high bit: low >= 'a' */
    uint64_t past_z = low + (0x80 - 'z' - 1) * ONES; /* high bit: low > 'z' */
    return from_a & ~past_z & ~v & HIGHS;
}
#endif

/* A word whose first run of ASCII letters is followed by something that may continue it
 * (a digit, another letter, an apostrophe, an initialism's period): what is known of it
 * so far, handed to word_tail(). */
typedef struct {
    unsigned seen;  /* BC_DIGIT, BC_LOWER (also other non-upper letters) if it has any */
    unsigned flags; /* CT_TF_* */
    size_t letters; /* letters and digits (the digits are taken back at the end) */
    bool plain;     /* only ASCII letters and digits so far */
} word_scan;

/* The rest of a word from i (i < end): ASCII letters and digits, letters of other
 * scripts, apostrophes ("isn't"), initialisms ("U.S."). Returns the word's end. Out of
 * line: most words are one run of ASCII letters and never come here. */
static size_t word_tail(const ct_segmenter *seg, size_t start, size_t i, size_t end,
                        word_scan *w)
{
    const unsigned char *s = (const unsigned char *)seg->buf;
    for (;;) {
        size_t r = i;
        unsigned acc = 0;
        while (i < end) {
            unsigned e = word_byte[s[i]];
            if (!e)
                break;
            acc |= e;
            i++;
        }
        w->seen |= acc >> 8;
        w->letters += i - r;
        if (i >= end)
            return i;
        size_t adv = 1;
        int32_t cp = s[i];
        if (byte_class[s[i]] & BC_HIGH) {
            cp = cp_at(seg, i, &adv);
            if (ct__text_is_letter(cp)) {
                w->letters++;
                if (!ct__text_is_upper(cp))
                    w->seen |= BC_LOWER;
                else if (i == start)
                    w->flags |= CT_TF_CAP;
                i += adv;
                w->plain = false;
                continue;
            }
        }
        if (is_apostrophe(cp) && i + adv < end && ascii_alpha(s[i + adv])) {
            /* "'s" followed by a non-letter is a possessive: split it off */
            size_t after = i + adv + 1;
            if ((s[i + adv] | 0x20) == 's' && (after >= end || !ascii_alpha(s[after])))
                return i;
            i += adv;
            w->plain = false;
        } else if (cp == '.' && i - start == 1 && i + 2 < end && ascii_alpha(s[i + 1]) &&
                   s[i + 2] == '.') {
            /* an initialism: "U.S.", "a.m.", "H.R." keeps its periods */
            i += 1;
            while (i + 1 < end && ascii_alpha(s[i]) && s[i + 1] == '.') {
                w->letters++;
                i += 2;
                if (!(i < end && ascii_alpha(s[i]) && i + 1 < end && s[i + 1] == '.'))
                    break;
            }
            w->flags |= CT_TF_INITIALISM;
            w->plain = false;
            /* never CT_TF_ALLCAPS: that flag marks acronym words ("CNBC"), and later
             * stages tell initialisms by CT_TF_INITIALISM */
            w->seen |= BC_LOWER;
            return i;
        } else {
            return i;
        }
    }
}

/* Store the WORD s[start..end) at t, with its case flags. A word of ASCII letters and
 * digits only (w.plain) of at most 15 bytes is CT_TF_HASHED with hash h, its
 * ct__word_hash() (lower-cased, as the word tables are probed). */
static inline void put_word(ct_token *t, const unsigned char *s, size_t start, size_t end,
                            word_scan w, uint32_t h)
{
    if ((w.seen & (BC_LOWER | BC_DIGIT)) != BC_LOWER) { /* the rare words: digits or caps */
        if (w.seen & BC_DIGIT) {
            w.flags |= CT_TF_HAS_DIGIT;
            for (size_t j = start; j < end; j++)
                w.letters -= (byte_class[s[j]] & BC_DIGIT) != 0;
        }
        if (w.letters >= 2 && !(w.seen & BC_LOWER))
            w.flags |= CT_TF_ALLCAPS;
    }
    bool hashed = w.plain && end - start <= 15;
    *t = (ct_token){.start = start,
                    .len = (uint32_t)(end - start),
                    .kind = CT_TOK_WORD,
                    .flags = (uint16_t)(w.flags | (hashed ? CT_TF_HASHED : 0)),
                    .cp = 0,
                    .hash = hashed ? h : 0};
}

/* ct__word_hash() of a plain word's bytes (ASCII letters and digits): "| 0x20"
 * lower-cases the letters and leaves the digits. */
static uint32_t plain_hash(const unsigned char *s, size_t start, size_t end)
{
    unsigned char low[16];
    size_t n = end - start <= 16 ? end - start : 16;
    for (size_t j = 0; j < n; j++)
        low[j] = s[start + j] | 0x20;
    return ct__word_hash(low, n);
}

static inline void put_token(ct_token *t, size_t start, size_t end, ct_tok_kind kind,
                             unsigned flags, int32_t cp)
{
    *t = (ct_token){.start = start,
                    .len = (uint32_t)(end - start),
                    .kind = (uint16_t)kind,
                    .flags = (uint16_t)flags,
                    .cp = cp,
                    .hash = 0};
}

/* Scan a number starting at i (a digit): digits, with ',' or '.' between digits. */
static size_t scan_number(const unsigned char *s, size_t i, size_t end)
{
    while (i < end) {
        if (byte_class[s[i]] & BC_DIGIT)
            i++;
        else if ((s[i] == ',' || s[i] == '.') && i + 1 < end && (byte_class[s[i + 1]] & BC_DIGIT))
            i++;
        else
            break;
    }
    return i;
}

/* Room for n tokens and as many marks. The old ones are dead: no realloc, which would
 * copy them. Most documents need one allocation: no paragraph is longer than the first. */
static int reserve_tokens(ct_segmenter *seg, size_t n)
{
    size_t cap = seg->toks_cap ? seg->toks_cap : 2048;
    while (cap < n)
        cap *= 2; /* n <= BLOCK_HARD_BYTES: no overflow */
    /* one allocation for both: the marks behind the tokens (whose size is a multiple of
     * a uint32_t's alignment) */
    _Static_assert(sizeof(ct_token) % _Alignof(uint32_t) == 0, "marks after tokens");
    ct__free(seg->toks);
    seg->toks = ct__malloc(cap * (sizeof *seg->toks + sizeof *seg->marks));
    seg->marks = seg->toks ? (uint32_t *)(void *)(seg->toks + cap) : NULL;
    seg->toks_cap = seg->toks ? cap : 0;
    return seg->toks_cap ? CT_OK : CT_ENOMEM;
}

/* Tokenize buf[from..to) into seg->toks. Returns CT_OK or CT_ENOMEM. Not inlined: on its
 * own it keeps the word loop's state in registers. */
static NOINLINE int tokenize(ct_segmenter *seg, size_t from, size_t to)
{
    const unsigned char *s = (const unsigned char *)seg->buf;
    /* a token takes a byte at least: room for all of them (and their marks) now, no test
     * per token */
    if (to - from > seg->toks_cap && reserve_tokens(seg, to - from))
        return CT_ENOMEM;
    ct_token *t = seg->toks;
    uint32_t *mark = seg->marks;
    /* A run of ASCII letters (and digits) that starts before `safe` ends at a byte that is
     * none, at `to` at the latest, so the word loop needs no bound test. Only a word that
     * ends the block (and the document, or a slice cut inside a word) starts past it. */
    size_t safe = to;
    if (to >= seg->len || word_byte[s[to]])
        while (safe > from && word_byte[s[safe - 1]])
            safe--;
    seg->multiline = false;
    unsigned pending = CT_TF_SPACE_BEFORE;
    size_t others = 0, seps = 0; /* tokens other than words (possessives too), separators */
    size_t i = from;
    while (i < to) {
        unsigned c = s[i];
        unsigned k = byte_class[c];
        if (k & (BC_UPPER | BC_LOWER)) {
            /* the common case, a run of ASCII letters */
            size_t start = i;
            unsigned flags = pending | ((k & BC_UPPER) ? CT_TF_CAP : 0u);
            unsigned lower;
            uint32_t h = 0;
            bool have_hash = false;
#if WORD_AT_A_TIME
            if (start < safe && start + 16 <= seg->len) {
                /* sixteen bytes at once: the run's length from a mask, no branch a byte
                 * (a word's end is where a byte loop mispredicts) */
                uint64_t v0, v1, keep0 = ~(uint64_t)0, keep1 = 0;
                memcpy(&v0, s + start, 8);
                memcpy(&v1, s + start + 8, 8);
                uint64_t ends = ~letter_bits(v0) & HIGHS;
                size_t n;
                if (ends) {
                    n = (size_t)__builtin_ctzll(ends) >> 3;
                    keep0 = ((uint64_t)1 << (8 * n)) - 1;
                } else {
                    ends = ~letter_bits(v1) & HIGHS;
                    n = ends ? 8 + ((size_t)__builtin_ctzll(ends) >> 3) : 16;
                    keep1 = n < 16 ? ((uint64_t)1 << (8 * (n - 8))) - 1 : ~(uint64_t)0;
                }
                /* upper- and lower-case letters differ in 0x20 */
                lower = (((v0 & keep0) | (v1 & keep1)) & (0x20 * ONES)) ? BC_LOWER : 0;
                i = start + n;
                if (n < 16) {
                    h = ct__hash_mix((v0 | 0x20 * ONES) & keep0, (v1 | 0x20 * ONES) & keep1,
                                     n);
                    have_hash = true;
                } else {
                    while (letter_lower[s[i]])
                        i++;
                }
            } else
#endif
            {
                lower = k & BC_LOWER;
                i++;
                if (start < safe) {
                    while (letter_lower[s[i]])
                        i++;
                } else {
                    while (i < to && letter_lower[s[i]])
                        i++;
                }
                /* has it a lower-case letter, so that it is no acronym? */
                for (size_t j = start + 1; j < i && !lower; j++)
                    lower = s[j] >= 'a' ? BC_LOWER : 0;
            }
            word_scan w = {lower, flags, i - start, true};
            /* a full stop after anything but one letter ends the word, as most do; one
             * branch, rarely taken */
            unsigned next = i < to ? s[i] : ' ';
            if (((byte_class[next] & BC_TAIL) != 0) & ((next != '.') | (i - start == 1))) {
                word_scan tail = w; /* a copy: w itself stays in registers */
                size_t run_end = i;
                i = word_tail(seg, start, i, to, &tail);
                if (tail.flags & CT_TF_INITIALISM)
                    *mark++ = (uint32_t)(t - seg->toks);
                /* "Trump's": the possessive is cut off, the hash of the run stands */
                if (!(have_hash && i == run_end) && tail.plain && i - start <= 15)
                    h = plain_hash(s, start, i);
                put_word(t++, s, start, i, tail, h);
            } else {
                if (!have_hash && i - start <= 15)
                    h = plain_hash(s, start, i);
                put_word(t++, s, start, i, w, h);
            }
            /* most words are followed by one space: take it here */
            pending = 0;
            if (i < to && s[i] == ' ') {
                pending = CT_TF_SPACE_BEFORE;
                i++;
            }
            continue;
        }
        if (k & BC_SPACE) {
            pending |= CT_TF_SPACE_BEFORE;
            i++;
            continue;
        }
        if (k & BC_DIGIT) {
            size_t e = scan_number(s, i, to);
            put_token(t++, i, e, CT_TOK_NUM, pending, 0);
            others++;
            pending = 0;
            i = e;
            continue;
        }
        if (k & BC_NL) {
            pending |= CT_TF_SPACE_BEFORE | CT_TF_NEWLINE_BEFORE;
            seg->multiline |= c == '\n'; /* no token holds a '\n' */
            i++;
            continue;
        }
        size_t adv = 1;
        int32_t cp = (int32_t)c;
        if (k & BC_HIGH) {
            cp = cp_at(seg, i, &adv);
            if (ct__text_is_newline(cp)) {
                pending |= CT_TF_SPACE_BEFORE | CT_TF_NEWLINE_BEFORE;
                i += adv;
                continue;
            }
            if (ct__text_is_space(cp)) {
                pending |= CT_TF_SPACE_BEFORE;
                i += adv;
                continue;
            }
            if (ct__text_is_letter(cp)) {
                word_scan w = {0, pending, 0, true};
                size_t start = i;
                i = word_tail(seg, start, i, to, &w);
                if (w.flags & CT_TF_INITIALISM)
                    *mark++ = (uint32_t)(t - seg->toks);
                put_word(t++, s, start, i, w,
                         w.plain && i - start <= 15 ? plain_hash(s, start, i) : 0);
                pending = 0;
                continue;
            }
            k = (ct__text_is_punct(cp) || cp == 0x2026) ? BC_PUNCT : 0;
        }
        if (is_apostrophe(cp) && i + adv + 1 <= to && (s[i + adv] | 0x20) == 's' &&
            t > seg->toks && !(pending & CT_TF_SPACE_BEFORE) && t[-1].kind == CT_TOK_WORD &&
            (i + adv + 1 >= to || !ascii_alpha(s[i + adv + 1]))) {
            put_token(t++, i, i + adv + 1, CT_TOK_WORD, pending | CT_TF_POSSESSIVE, 0);
            i += adv + 1;
        } else {
            if (k & BC_PUNCT) {
                if (cp == '.' || cp == '"' || cp == '?' || cp == '!' || cp == 0x2026)
                    *mark++ = (uint32_t)(t - seg->toks);
                put_token(t++, i, i + adv, CT_TOK_PUNCT, pending, cp);
            } else {
                put_token(t++, i, i + adv, CT_TOK_SYM, pending, cp);
            }
            /* separators of furniture lines ("Home | News", "0 Comments ·0 Shares") */
            seps += cp == '|' || (cp >= 0x80 && (cp == 0x00B7 || cp == 0x2022 || cp == 0x2219));
            i += adv;
        }
        others++;
        pending = 0;
    }
    seg->ntoks = (size_t)(t - seg->toks);
    seg->nmarks = (size_t)(mark - seg->marks);
    seg->nwords = seg->ntoks - others;
    seg->nseps = seps;
    return CT_OK;
}

/* ---- sentences -------------------------------------------------------------------- */

/* The word lists are sorted (strcmp order) and searched by bisection: the abbreviation
 * checks run at every full stop. Before it, a word is turned away by its length or first
 * letter, as most are. ct__segment_lists_sorted() lets a test keep the lists sorted and
 * these filters right. */
typedef struct {
    const char *const *words;
    size_t n;
    uint32_t firsts;          /* F_(c) of every word's first letter c */
    uint32_t min_len, max_len; /* of its words */
    /* bit h >> 24 of every ASCII word's ct__word_hash() h (tools/word_hash.py): a
     * CT_TF_HASHED token whose bit is clear is none of them, told from the token alone */
    uint64_t hbits[4];
} word_list;

#define F_(c) (1u << ((c) - 'a'))
#define HBITS(a, b, c, d) {a, b, c, d}
#define WORD_LIST(name, firsts, min_len, max_len, hbits, ...)                               \
    static const char *const name##_words[] = {__VA_ARGS__};                               \
    static const word_list name = {name##_words, sizeof name##_words / sizeof(char *),    \
                                   firsts, min_len, max_len, hbits}

WORD_LIST(title_abbrevs, /* no k n o q t w x y z */
          ~(F_('k') | F_('n') | F_('o') | F_('q') | F_('t') | F_('w') | F_('x') | F_('y') |
            F_('z')), 1, 6,
          HBITS(0x8105300000044c80u, 0x0108420408080a00u, 0x1090204000001001u,
                0x0849d04080008082u),
          "adm", "al", "approx", "assn", "atty", "bros", "capt", "cf", "cmdr",
          "col", "cpl", "dept", "det", "dr", "e.g", "est", "etc", "ft", "gen", "gov", "hon",
          "i.e", "insp", "jr", "lt", "maj", "messrs", "mr", "mrs", "ms", "mt", "pres", "prof",
          "rep", "rev", "sen", "sgt", "sr", "st", "supt", "univ", "v", "vs");
WORD_LIST(before_number_abbrevs,
          F_('a') | F_('c') | F_('d') | F_('e') | F_('f') | F_('j') | F_('m') | F_('n') |
              F_('o') | F_('p') | F_('s') | F_('v'), 1, 4,
          HBITS(0x0000000000104800u, 0x0000002000000581u, 0x0044328400000010u,
                0x1c00002000100000u),
          "apr", "art", "aug", "ch", "dec", "ed", "feb", "fig", "jan",
          "jul", "jun", "mar", "no", "nos", "nov", "oct", "op", "p", "pp", "sec", "sep", "sept",
          "vol");
WORD_LIST(company_abbrevs, F_('c') | F_('i') | F_('l') | F_('p'), 2, 4,
          HBITS(0x0000000000000000u, 0x0000000000000000u, 0x0000000480000010u,
                0x0000000902000000u),
          "co", "corp", "inc", "llc", "ltd", "plc");
WORD_LIST(sentence_starters,
          F_('a') | F_('b') | F_('f') | F_('h') | F_('i') | F_('m') | F_('o') | F_('s') |
              F_('t') | F_('w') | F_('y'), 1, 9,
          HBITS(0x06110081c1080209u, 0x00180000020000a0u, 0x0684020040601000u,
                0x004000013a800040u),
          "a", "according", "after", "an", "and", "as", "at", "but", "for",
          "he", "her", "his", "however", "i", "if", "in", "it", "its", "many", "meanwhile",
          "most", "officials", "on", "she", "so", "some", "still", "that", "the", "their",
          "there", "these", "they", "this", "those", "we", "when", "while", "yet");
WORD_LIST(weekdays, F_('f') | F_('m') | F_('s') | F_('t') | F_('w'), 6, 9,
          HBITS(0x0010000040040000u, 0x0000000010080000u, 0x0000000000000080u,
                0x0400000000000000u),
          "friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday");
WORD_LIST(months,
          F_('a') | F_('d') | F_('f') | F_('j') | F_('m') | F_('n') | F_('o') | F_('s'), 3, 9,
          HBITS(0x0002000000420082u, 0x0808040000000000u, 0x0020000000000030u,
                0x0040000000000000u),
          "april", "august", "december", "february", "january", "july", "june",
          "march", "may", "november", "october", "september");
WORD_LIST(byline_roles, F_('c') | F_('e') | F_('r') | F_('s') | F_('w'), 5, 13,
          HBITS(0x2001000000001000u, 0x4000000000000000u, 0x0080000000000000u,
                0x2000000001000000u),
          "columnist", "contributor", "correspondent", "editor", "reporter", "staff", "writer");

/* strcmp of the token's bytes, ASCII-lower-cased, with a list word: in place, for the
 * bisection's first probes mostly differ at the first byte. */
static int tok_cmp(const unsigned char *s, uint32_t n, const char *word)
{
    const unsigned char *w = (const unsigned char *)word;
    for (uint32_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c - 'A' < 26u)
            c += 32;
        if (c != w[i]) /* also at the word's end: a token byte is never NUL */
            return (int)c - (int)w[i];
    }
    return -(int)w[n];
}

/* tok_in_list() past the hash filter: the length and letter filters, the bisection */
static NOINLINE bool tok_in_words(const char *buf, const ct_token *t, const word_list *list)
{
    const unsigned char *s = (const unsigned char *)buf + t->start;
    unsigned first = (s[0] | 0x20u) - 'a'; /* a letter's place in the alphabet, else >= 26 */
    if (t->len < list->min_len || t->len > list->max_len || first >= 26 ||
        !(list->firsts & (1u << first)))
        return false;
    size_t lo = 0, hi = list->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int d = tok_cmp(s, t->len, list->words[mid]);
        if (d == 0)
            return true;
        if (d < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* Is the token (ASCII case-insensitively) one of the list's words? Inline: most tokens
 * are hashed words, and most of them are turned away by their hash's bit, a test each
 * caller predicts on its own. */
static inline bool tok_in_list(const char *buf, const ct_token *t, const word_list *list)
{
    uint32_t b = t->hash >> 24;
    if ((t->flags & CT_TF_HASHED) && !((list->hbits[b >> 6] >> (b & 63)) & 1))
        return false;
    return tok_in_words(buf, t, list);
}

static bool is_closer(const ct_token *t)
{
    if (t->kind != CT_TOK_PUNCT || (t->flags & CT_TF_SPACE_BEFORE))
        return false;
    return t->cp == ')' || t->cp == ']' || t->cp == 0x201D || t->cp == 0x2019 ||
           t->cp == '\'' || t->cp == '"' || t->cp == 0x00BB;
}

static bool is_terminal(const ct_token *t)
{
    return t->kind == CT_TOK_PUNCT &&
           (t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == 0x2026);
}

/* Does the sentence end after the terminal token t (index k), the next token being
 * toks[j] (after closing quotes and brackets)? */
static bool ends_sentence(const ct_segmenter *seg, size_t k, size_t j, bool quote_open)
{
    const ct_token *toks = seg->toks;
    const ct_token *t = &toks[k];
    const ct_token *next = &toks[j];
    const ct_token *prev = k > 0 ? &toks[k - 1] : NULL;
    bool spaced = (next->flags & CT_TF_SPACE_BEFORE) != 0;
    /* a straight quote right after the mark closes an open quote or opens the next one */
    if (!spaced && next->kind == CT_TOK_PUNCT && next->cp == '"' && !quote_open &&
        j + 1 < seg->ntoks)
        return toks[j + 1].kind == CT_TOK_WORD && (toks[j + 1].flags & CT_TF_CAP);

    if (t->kind == CT_TOK_WORD) { /* an initialism such as "U.S." */
        if (!spaced)
            return false;
        return next->kind == CT_TOK_WORD && (next->flags & CT_TF_CAP) &&
               !(next->flags & CT_TF_ALLCAPS) && tok_in_list(seg->buf, next, &sentence_starters);
    }
    if (t->cp == '.' && prev && prev->kind == CT_TOK_WORD &&
        !(prev->flags & CT_TF_POSSESSIVE) && k - 1 < k) {
        if (tok_in_list(seg->buf, prev, &title_abbrevs))
            return false;
        if (next->kind == CT_TOK_NUM && tok_in_list(seg->buf, prev, &before_number_abbrevs))
            return false;
        if (tok_in_list(seg->buf, prev, &company_abbrevs) &&
            !(next->kind == CT_TOK_WORD && !(next->flags & CT_TF_ALLCAPS) &&
              tok_in_list(seg->buf, next, &sentence_starters)))
            return false;
        /* a middle initial: "John F. Kennedy" */
        if (prev->len == 1 && (prev->flags & CT_TF_CAP) && k >= 2 &&
            toks[k - 2].kind == CT_TOK_WORD && (toks[k - 2].flags & CT_TF_CAP))
            return false;
    }
    if (spaced) {
        if (next->kind == CT_TOK_WORD)
            return (next->flags & CT_TF_CAP) != 0;
        if (next->kind == CT_TOK_NUM || next->kind == CT_TOK_SYM)
            return true;
        return ct__tok_is_quote(next) || next->cp == '(' || next->cp == '[' ||
               next->cp == '-' || next->cp == 0x2014 || next->cp == 0x2013;
    }
    /* "success.But", "AGI.China": glued sentences, but not "01.AI", "Amazon.com", "X.AI" */
    if (t->cp == '.' && next->kind == CT_TOK_WORD && (next->flags & CT_TF_CAP) &&
        !(next->flags & CT_TF_ALLCAPS) && next->len >= 2 && prev && prev->kind == CT_TOK_WORD &&
        prev->len >= 2)
        return true;
    if ((t->cp == '?' || t->cp == '!') && next->kind == CT_TOK_WORD && (next->flags & CT_TF_CAP))
        return true;
    if (t->cp == '.' && ct__tok_is_quote(next) && prev && prev->kind == CT_TOK_WORD)
        return true;
    return false;
}

/* The room is reserved: split_sentences() pushes no more than it counted. */
static void push_sentence(ct_segmenter *seg, size_t first, size_t end_tok, unsigned flags)
{
    if (end_tok <= first)
        return;
    ct_sentence *s = &seg->sents[seg->nsents++];
    const ct_token *a = &seg->toks[first], *b = &seg->toks[end_tok - 1];
    s->start = a->start;
    s->end = b->start + b->len;
    s->tok_first = (uint32_t)first;
    s->tok_count = (uint32_t)(end_tok - first);
    s->flags = flags;
}

/* Cut the block's tokens into sentences. Only the marks (. ! ? … " and initialisms) can
 * end one or change the quote state, so the loop visits them and steps over the tokens
 * between, where only the SENTENCE_MAX_TOKENS cut applies. */
static int split_sentences(ct_segmenter *seg, unsigned flags)
{
    const ct_token *toks = seg->toks;
    size_t ntoks = seg->ntoks;
    /* A sentence ends at a mark (one at most per mark), after 400 tokens without one, or
     * at the end: room for that many at once (64 at least: most blocks need no more
     * room, ever). */
    size_t most = seg->nmarks + ntoks / SENTENCE_MAX_TOKENS + 1;
    if (CT_GROW(seg->sents, seg->sents_cap, most < 64 ? 64 : most))
        return CT_ENOMEM;
    size_t first = 0, m = 0, k = 0;
    bool quote_open = false;
    for (;;) {
        while (m < seg->nmarks && seg->marks[m] < k)
            m++;
        size_t next = m < seg->nmarks ? seg->marks[m] : ntoks;
        /* tokens k..next-1 are no marks: a sentence is cut after its 400th token */
        while (first + SENTENCE_MAX_TOKENS <= next) {
            push_sentence(seg, first, first + SENTENCE_MAX_TOKENS, flags);
            flags &= ~CT_SF_PARA_START;
            first += SENTENCE_MAX_TOKENS;
        }
        if (next >= ntoks)
            break;
        k = next;
        m++; /* the marks after this one and the closers taken with it are skipped above */
        const ct_token *t = &toks[k];
        quote_open ^= (t->kind == CT_TOK_PUNCT) & (t->cp == '"');
        bool cand = is_terminal(t) || (t->kind == CT_TOK_WORD && (t->flags & CT_TF_INITIALISM));
        size_t cut = 0;
        if (cand) {
            size_t j = k + 1;
            while (j < ntoks && is_closer(&toks[j])) {
                if (toks[j].cp == '"' && quote_open) {
                    quote_open = false;
                    j++;
                    break;
                }
                if (toks[j].cp == '"')
                    break;
                j++;
            }
            if (j < ntoks && ends_sentence(seg, k, j, quote_open)) {
                cut = j;
                k = j - 1;
            }
        }
        if (!cut && k + 1 - first >= SENTENCE_MAX_TOKENS)
            cut = k + 1;
        if (cut) {
            push_sentence(seg, first, cut, flags);
            flags &= ~CT_SF_PARA_START;
            first = cut;
        }
        k++;
    }
    push_sentence(seg, first, ntoks, flags);
    return CT_OK;
}

/* ---- metadata and furniture lines ------------------------------------------------- */

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
    /* no strlen: most prefixes differ at the first byte */
    size_t i = 0;
    for (; prefix[i]; i++) {
        if (i >= n)
            return false;
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != prefix[i])
            return false;
    }
    return true;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

static const char *const furniture_prefixes[] = {
    "see also", "read more", "read the rest", "related:", "related articles",
    "leave a reply", "leave a comment", "your email address", "required fields",
    "share this", "click here", "sign up", "subscribe", "advertisement", "follow us",
    "copyright", "all rights reserved", "\xc2\xa9", "photo:", "image:", "watch:",
    "recommended", "more from", "comments", "you may also like", "sponsored", NULL};
/* The second letters of the prefixes (but "\xc2\xa9") by their first: most lines start
 * with a pair that none does ("Th", "In", "A "), and one lookup turns them away. */
static const uint32_t furniture_seconds[26] = {
    ['a' - 'a'] = F_('d') | F_('l'),
    ['c' - 'a'] = F_('l') | F_('o'),
    ['f' - 'a'] = F_('o'),
    ['i' - 'a'] = F_('m'),
    ['l' - 'a'] = F_('e'),
    ['m' - 'a'] = F_('o'),
    ['p' - 'a'] = F_('h'),
    ['r' - 'a'] = F_('e'),
    ['s' - 'a'] = F_('e') | F_('h') | F_('i') | F_('p') | F_('u'),
    ['w' - 'a'] = F_('a'),
    ['y' - 'a'] = F_('o'),
};

bool ct__segment_lists_sorted(void)
{
    static const word_list *const all[] = {&title_abbrevs, &before_number_abbrevs,
                                           &company_abbrevs, &sentence_starters, &weekdays,
                                           &months, &byline_roles};
    for (size_t l = 0; l < sizeof all / sizeof all[0]; l++)
        for (size_t i = 0; i < all[l]->n; i++) {
            const char *w = all[l]->words[i];
            size_t n = strlen(w);
            if (n < all[l]->min_len || n > all[l]->max_len || w[0] < 'a' || w[0] > 'z' ||
                !(all[l]->firsts & F_(w[0])) ||
                (i > 0 && strcmp(all[l]->words[i - 1], w) >= 0))
                return false;
            /* the hash filter admits every word a hashed token can be */
            bool plain = true;
            for (size_t j = 0; j < n; j++)
                plain &= (w[j] >= 'a' && w[j] <= 'z') || (w[j] >= '0' && w[j] <= '9');
            uint32_t b = ct__word_hash((const unsigned char *)w, n) >> 24;
            if (plain && !((all[l]->hbits[b >> 6] >> (b & 63)) & 1))
                return false;
        }
    for (const char *const *p = furniture_prefixes; *p; p++)
        if ((*p)[0] >= 'a' && (*p)[0] <= 'z'
                ? (*p)[1] < 'a' || (*p)[1] > 'z' ||
                      !(furniture_seconds[(*p)[0] - 'a'] & F_((*p)[1]))
                : strcmp(*p, "\xc2\xa9") != 0)
            return false;
    return true;
}

/* Is the line only a date ("Friday, January 31", "January 31, 2025", "2025-01-31")? */
static bool is_date_line(const ct_segmenter *seg)
{
    size_t words = 0, months_seen = 0;
    for (size_t i = 0; i < seg->ntoks; i++) {
        const ct_token *t = &seg->toks[i];
        if (t->kind == CT_TOK_WORD) {
            if (tok_in_list(seg->buf, t, &months))
                months_seen++;
            else if (!tok_in_list(seg->buf, t, &weekdays) && !ct__tok_is(seg->buf, t, "updated") &&
                     !ct__tok_is(seg->buf, t, "published"))
                return false;
            words++;
        } else if (t->kind == CT_TOK_NUM) {
            if (t->len > 4)
                return false;
        } else if (t->kind == CT_TOK_PUNCT) {
            if (t->cp != ',' && t->cp != '-' && t->cp != '/' && t->cp != '.' && t->cp != ':')
                return false;
        } else {
            return false;
        }
    }
    return seg->ntoks > 0 && (months_seen > 0 || (words == 0 && seg->ntoks >= 5));
}

static void set_meta(ct_segmenter *seg, ct_meta field, size_t start, size_t end)
{
    if (seg->meta[field].start == seg->meta[field].end) {
        seg->meta[field].start = start;
        seg->meta[field].end = end;
    }
}

/* Is there only white space after buf[end]? (The headline is no document's last line.) */
static bool last_line(const ct_segmenter *seg, size_t end)
{
    while (end < seg->len && (unsigned char)seg->buf[end] <= ' ')
        end++;
    return end >= seg->len;
}

/* Classify a whole short paragraph (its tokens are in seg->toks): returns CT_SF_* flags. */
static unsigned classify_line(ct_segmenter *seg, size_t start, size_t end)
{
    const char *s = seg->buf + start;
    size_t n = end - start;
    if (seg->ntoks == 0)
        return CT_SF_BOILERPLATE;
    char first = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0]);
    unsigned letter = (unsigned char)first - 'a';
    /* an ASCII letter's place in the alphabet, else >= 26 */
    unsigned second = n >= 2 ? ((unsigned char)s[1] | 0x20u) - 'a' : 26u;
    if (letter >= 26 ? (unsigned char)first == 0xC2
                     : second < 26 && ((furniture_seconds[letter] >> second) & 1))
        for (const char *const *p = furniture_prefixes; *p; p++)
            if ((*p)[0] == first && starts_with_ci(s, n, *p))
                return CT_SF_BOILERPLATE;
    /* "0 Commentaires ·0 Parts ·73 Vue", "Home | News | Tech" */
    size_t words = seg->nwords;
    if (seg->nseps >= 2 && n < 200)
        return CT_SF_BOILERPLATE;
    /* a bare URL or domain */
    if (!memchr(s, ' ', n) && (starts_with_ci(s, n, "http") || starts_with_ci(s, n, "www.") ||
                               contains(s, n, ".com") || contains(s, n, ".org") ||
                               contains(s, n, ".net") || contains(s, n, ".co."))) {
        set_meta(seg, CT_META_URL, start, end);
        return CT_SF_METADATA;
    }
    /* "Source : CNBC news" */
    if (starts_with_ci(s, n, "source") && words <= 6) {
        size_t i = 1;
        while (i < seg->ntoks && seg->toks[i].kind == CT_TOK_PUNCT)
            i++;
        if (i < seg->ntoks && i > 1) {
            size_t e = seg->toks[seg->ntoks - 1].start + seg->toks[seg->ntoks - 1].len;
            set_meta(seg, CT_META_OUTLET, seg->toks[i].start, e);
            return CT_SF_METADATA;
        }
    }
    if (is_date_line(seg)) {
        set_meta(seg, CT_META_DATELINE, start, end);
        return CT_SF_METADATA;
    }
    const ct_token *lt = &seg->toks[seg->ntoks - 1];
    bool terminal = is_terminal(lt);
    /* "By Jane Doe", "Nandini Roy Choudhury, writer" */
    if (words <= 8 && !terminal) {
        if (starts_with_ci(s, n, "by ") && (seg->toks[1].flags & CT_TF_CAP)) {
            set_meta(seg, CT_META_BYLINE, seg->toks[1].start, end);
            return CT_SF_METADATA;
        }
        if (lt->kind == CT_TOK_WORD && tok_in_list(seg->buf, lt, &byline_roles) &&
            seg->ntoks >= 3 && seg->toks[seg->ntoks - 2].cp == ',') {
            set_meta(seg, CT_META_BYLINE, start, seg->toks[seg->ntoks - 2].start);
            return CT_SF_METADATA;
        }
    }
    /* the headline: a short line with only metadata lines before it */
    if (seg->para == seg->meta_paras && words >= 3 && n < 250 && !last_line(seg, end) &&
        seg->toks[0].kind == CT_TOK_WORD && !(terminal && words > 20)) {
        size_t ends = 0;
        for (size_t i = 0; i + 1 < seg->ntoks; i++)
            ends += is_terminal(&seg->toks[i]) && (seg->toks[i + 1].flags & CT_TF_SPACE_BEFORE) &&
                    (seg->toks[i + 1].flags & CT_TF_CAP);
        if (ends == 0) {
            set_meta(seg, CT_META_TITLE, start, end);
            return CT_SF_METADATA | CT_SF_TITLE;
        }
    }
    /* a section heading of a word or two: "Synopsis", "Detailed" (but "Soerens argued
     * that:" introduces the next paragraph) */
    if (words <= 3 && !terminal && seg->ntoks <= 4 && !(words >= 2 && lt->cp == ':'))
        return CT_SF_BOILERPLATE;
    return 0;
}

/* ---- paragraphs and blocks -------------------------------------------------------- */

/* End of the line starting at i (index of its newline), or min(len, limit) when there is
 * none before: looking further would rescan a 100 MB single line for every block. */
static size_t line_end(const ct_segmenter *seg, size_t i, size_t limit)
{
    size_t stop = limit < seg->len ? limit : seg->len;
    if (i >= stop)
        return stop;
    const char *nl = memchr(seg->buf + i, '\n', stop - i);
    return nl ? (size_t)(nl - seg->buf) : stop;
}

static bool line_ends_sentence(const ct_segmenter *seg, size_t start, size_t end)
{
    while (end > start && (unsigned char)seg->buf[end - 1] <= ' ')
        end--;
    if (end == start)
        return true;
    unsigned char c = (unsigned char)seg->buf[end - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"')
        return true;
    if (c >= 0x80) /* a closing curly quote or an ellipsis */
        return end - start >= 3 && (unsigned char)seg->buf[end - 3] == 0xE2;
    return false;
}

/* Where the paragraph starting at `start` ends: a blank line, or a newline not followed
 * by a lower-case continuation of a hard-wrapped line. */
static size_t paragraph_end(const ct_segmenter *seg, size_t start, size_t limit)
{
    size_t i = start;
    for (;;) {
        size_t e = line_end(seg, i, limit);
        if (e >= seg->len || e >= limit)
            return e < limit ? e : limit;
        size_t next = e + 1;
        while (next < seg->len && (seg->buf[next] == ' ' || seg->buf[next] == '\t' ||
                                   seg->buf[next] == '\r'))
            next++;
        if (next >= seg->len || seg->buf[next] == '\n')
            return e;
        unsigned char c = (unsigned char)seg->buf[next];
        if (!(c >= 'a' && c <= 'z') || line_ends_sentence(seg, i, e))
            return e;
        /* a lower-case word, not "www.example.com" */
        size_t w = next;
        while (w < seg->len && ascii_alpha((unsigned char)seg->buf[w]))
            w++;
        if (w < seg->len && seg->buf[w] != ' ' && seg->buf[w] != ',' && seg->buf[w] != ';' &&
            seg->buf[w] != '\n' && seg->buf[w] != '\r')
            return e;
        i = next;
    }
}

/* Cut point for an overlong paragraph: after the first ". " past the soft limit,
 * else at white space before the hard limit. */
static size_t slice_end(const ct_segmenter *seg, size_t start, size_t para_end)
{
    size_t soft = start + BLOCK_SOFT_BYTES, hard = start + BLOCK_HARD_BYTES;
    if (hard > para_end)
        hard = para_end;
    for (size_t i = soft; i + 1 < hard; i++) {
        char c = seg->buf[i];
        if ((c == '.' || c == '!' || c == '?') && (seg->buf[i + 1] == ' ' || seg->buf[i + 1] == '\n'))
            return i + 1;
    }
    for (size_t i = hard; i > soft; i--)
        if ((unsigned char)seg->buf[i - 1] <= ' ')
            return i;
    /* no white space at all: cut at a code point boundary */
    size_t i = hard;
    while (i > start && ((unsigned char)seg->buf[i] & 0xC0) == 0x80)
        i--;
    return i > start ? i : hard;
}

int ct__segment_next(ct_segmenter *seg, const ct_block **out)
{
    *out = NULL;
    /* skip white space and blank lines between paragraphs */
    bool mid_para = seg->pos > 0 && seg->pos < seg->len && seg->buf[seg->pos - 1] != '\n' &&
                    (unsigned char)seg->buf[seg->pos - 1] > ' ';
    while (seg->pos < seg->len) {
        size_t adv = 1;
        int32_t cp = (unsigned char)seg->buf[seg->pos];
        if (cp < 0x80 ? !(byte_class[cp] & (BC_SPACE | BC_NL)) /* ASCII without the decoder */
                      : !ct__text_is_space(cp = cp_at(seg, seg->pos, &adv)))
            break;
        if (cp == '\n')
            mid_para = false;
        seg->pos += adv;
    }
    if (seg->pos >= seg->len)
        return 0;

    size_t start = seg->pos;
    size_t para_end = paragraph_end(seg, start, start + BLOCK_HARD_BYTES + 1);
    size_t end = para_end - start > BLOCK_HARD_BYTES ? slice_end(seg, start, para_end) : para_end;
    while (end > start && (unsigned char)seg->buf[end - 1] <= ' ')
        end--;
    if (end == start) /* only control bytes before the limit: step past them */
        end = para_end;

    seg->ntoks = 0;
    seg->nsents = 0;
    int rc = tokenize(seg, start, end);
    if (rc)
        return rc;

    unsigned flags = mid_para ? 0 : CT_SF_PARA_START;
    bool whole_line = !mid_para && end == para_end && end - start <= META_LINE_MAX &&
                      !seg->multiline;
    if (whole_line)
        flags |= classify_line(seg, start, end);
    if (!(flags & (CT_SF_METADATA | CT_SF_BOILERPLATE)))
        seg->body_paras++;
    if ((flags & CT_SF_METADATA) && !(flags & CT_SF_TITLE))
        seg->meta_paras++;

    rc = split_sentences(seg, flags);
    if (rc)
        return rc;
    seg->pos = end;
    seg->blk.buf = seg->buf;
    seg->blk.len = seg->len;
    seg->blk.toks = seg->toks;
    seg->blk.ntoks = seg->ntoks;
    seg->blk.sents = seg->sents;
    seg->blk.nsents = seg->nsents;
    seg->blk.para = mid_para ? seg->para - 1 : seg->para++;
    *out = &seg->blk;
    return 1;
}
