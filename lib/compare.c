/* How two claims relate, who a claim traces back to, and which documents copy others.
 * Pure functions: no globals, no I/O; only const tables are shared between threads. */
#include "compare.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "claimtrack/errors.h"
#include "error.h"
#include "text.h"

/* ---- small string helpers ------------------------------------------------------------ */

static int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static bool is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Punctuation that may wrap a name without being part of it. */
static bool is_edge_punct(unsigned char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '"' || c == '\'' ||
           c == '(' || c == ')' || c == '!' || c == '?' || c == '[' || c == ']';
}

static bool is_curly_quote(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9C ||
                                            u[2] == 0x9D);
}

/* Back n off so that s[0..n) does not end inside a UTF-8 sequence. */
static size_t utf8_floor(const char *s, size_t n)
{
    size_t k = n;
    while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return 0;
    unsigned char lead = (unsigned char)s[k - 1];
    size_t need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return n - (k - 1) >= need ? n : k - 1;
}

static bool ends_with_ci(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    if (n < m)
        return false;
    for (size_t i = 0; i < m; i++)
        if (lower_ascii((unsigned char)s[n - m + i]) != (unsigned char)suffix[i])
            return false;
    return true;
}

/* A name as a matching key: white space collapsed, a leading "the" and a possessive
 * dropped, NFKC-case-folded. Writes at most cap bytes (NUL included) into out. Under
 * allocation failure the fold falls back to ASCII lower-casing, which is exact for ASCII
 * names: a missed match at worst, never a wrong one for them. */
static void norm_name(const char *s, char *out, size_t cap)
{
    char buf[CT_COMPARE_KEY_MAX];
    size_t n = 0;
    out[0] = '\0';
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    bool pending_space = false;
    for (; *p && n + 2 < sizeof buf; p++) {
        if (is_space_byte(*p)) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space)
            buf[n++] = ' ';
        pending_space = false;
        buf[n++] = (char)*p;
    }
    n = utf8_floor(buf, n);
    /* trim wrapping punctuation, curly quotes (U+2018/2019/201C/201D) included */
    size_t b = 0;
    for (;;) {
        if (b < n && is_edge_punct((unsigned char)buf[b]))
            b++;
        else if (n - b >= 3 && is_curly_quote(buf + b))
            b += 3;
        else
            break;
    }
    for (;;) {
        if (n > b && (is_edge_punct((unsigned char)buf[n - 1]) || buf[n - 1] == ' '))
            n--;
        else if (n - b >= 3 && is_curly_quote(buf + n - 3))
            n -= 3;
        else
            break;
    }
    if (n - b >= 3 && ends_with_ci(buf + b, n - b, "'s"))
        n -= 2;
    else if (n - b >= 5 && ends_with_ci(buf + b, n - b, "\xe2\x80\x99s"))
        n -= 4;
    if (n - b > 4 && ends_with_ci(buf + b, 4, "the "))
        b += 4;
    while (n > b && (is_edge_punct((unsigned char)buf[n - 1]) || buf[n - 1] == ' '))
        n--;

    bool ascii = true;
    for (size_t i = b; i < n; i++)
        if ((unsigned char)buf[i] >= 0x80)
            ascii = false;
    char *folded = ascii ? NULL : ct__text_fold(buf + b, n - b);
    const char *src = folded ? folded : buf + b;
    size_t len = folded ? strlen(folded) : n - b;
    if (len >= cap)
        len = utf8_floor(src, cap - 1);
    for (size_t i = 0; i < len; i++)
        out[i] = (char)lower_ascii((unsigned char)src[i]);
    out[len] = '\0';
    ct__free(folded);
}

/* ---- units ----------------------------------------------------------------------------- */

/* The claim's unit as a string: the field may fill all its bytes without a NUL. */
typedef struct {
    char s[sizeof ((ct_claim *)0)->unit + 1];
} unit_str;

static unit_str claim_unit(const ct_claim *c)
{
    unit_str u;
    size_t n = 0;
    while (n < sizeof c->unit && c->unit[n])
        n++;
    memcpy(u.s, c->unit, n);
    u.s[n] = '\0';
    return u;
}

/* Durations and ages in days, so that "two months" meets "eight weeks". */
static double time_unit_days(const char *unit)
{
    static const struct {
        const char *name;
        double days;
    } units[] = {
        {"second", 1.0 / 86400}, {"minute", 1.0 / 1440}, {"hour", 1.0 / 24},
        {"day", 1.0},            {"week", 7.0},          {"month", 365.2425 / 12},
        {"year", 365.2425},      {"decade", 3652.425},   {"century", 36524.25},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i].name) == 0)
            return units[i].days;
    return 0.0;
}

static bool is_time_kind(ct_kind kind) { return kind == CT_KIND_DURATION || kind == CT_KIND_AGE; }

/* The factor from the claim's unit to its class's common unit. */
static double unit_factor(const ct_claim *c)
{
    if (is_time_kind(c->kind)) {
        double d = time_unit_days(claim_unit(c).s);
        return d > 0 ? d : 1.0;
    }
    return 1.0;
}

static void unit_class(const ct_claim *c, char *out, size_t cap)
{
    unit_str unit = claim_unit(c);
    switch (c->kind) {
    case CT_KIND_MONEY: {
        /* ISO codes are upper case; accept what a hand-built claim may carry */
        size_t i = 0;
        for (; unit.s[i] && i + 1 < cap; i++) {
            int ch = (unsigned char)unit.s[i];
            out[i] = (char)(ch >= 'a' && ch <= 'z' ? ch - ('a' - 'A') : ch);
        }
        out[i] = '\0';
        if (i == 0)
            snprintf(out, cap, "?");
        return;
    }
    case CT_KIND_PERCENT:
        snprintf(out, cap, "%s", strcmp(unit.s, "pp") == 0 ? "pp" : "%");
        return;
    case CT_KIND_RATIO:
        snprintf(out, cap, "%s",
                 c->direction == CT_DIR_LESS   ? "x-less"
                 : c->direction == CT_DIR_MORE ? "x-more"
                                               : "x");
        return;
    case CT_KIND_DURATION:
    case CT_KIND_AGE:
        if (time_unit_days(unit.s) > 0) {
            snprintf(out, cap, "time");
            return;
        }
        break;
    default:
        break;
    }
    snprintf(out, cap, "%s", unit.s);
}

/* ---- intervals ------------------------------------------------------------------------ */

/* A number written with digits in the claim's text. */
typedef struct {
    double value;
    double last_place;    /* place value of the last digit written (0.01 in "5,687.75") */
    double nonzero_place; /* place value of the last non-zero digit (1e4 in "10,000") */
    bool has_decimals;
    size_t end; /* offset just past it */
} numlit;

/* Read the numeric literals of s: digits with "," thousands separators and a "."
 * decimal part. Digits glued to a letter on the left (A100, R1, COP29) are names. */
static size_t scan_numlits(const char *s, numlit *lits, size_t max)
{
    size_t n = 0;
    size_t i = 0;
    while (s[i] && n < max) {
        unsigned char ch = (unsigned char)s[i];
        bool starts = (ch >= '0' && ch <= '9') ||
                      (ch == '.' && s[i + 1] >= '0' && s[i + 1] <= '9');
        if (!starts) {
            i++;
            continue;
        }
        unsigned char prev = i > 0 ? (unsigned char)s[i - 1] : ' ';
        bool glued = (prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z') ||
                     prev >= 0x80 || (ch == '.' && prev >= '0' && prev <= '9');
        double ip = 0.0, fp = 0.0, scale = 1.0;
        double last_place = 1.0, nonzero_place = 0.0;
        int intdigits = 0, zeros_run = 0;
        bool decimals = false;
        while (s[i]) {
            unsigned char d = (unsigned char)s[i];
            if (d >= '0' && d <= '9') {
                ip = ip * 10 + (d - '0');
                intdigits++;
                zeros_run = d == '0' ? zeros_run + 1 : 0;
                i++;
            } else if (d == ',' && intdigits > 0 && s[i + 1] >= '0' && s[i + 1] <= '9' &&
                       s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' &&
                       s[i + 3] <= '9' && !(s[i + 4] >= '0' && s[i + 4] <= '9')) {
                i++; /* a thousands separator: exactly three digits follow */
            } else {
                break;
            }
        }
        if (ip > 0)
            nonzero_place = pow(10.0, zeros_run);
        if (s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
            decimals = true;
            i++;
            while (s[i] >= '0' && s[i] <= '9') {
                scale /= 10;
                fp += (s[i] - '0') * scale;
                if (s[i] != '0')
                    nonzero_place = scale;
                i++;
            }
            last_place = scale;
        }
        if (!glued) {
            lits[n].value = ip + fp;
            lits[n].last_place = last_place;
            lits[n].nonzero_place = nonzero_place;
            lits[n].has_decimals = decimals;
            lits[n].end = i;
            n++;
        }
    }
    return n;
}

/* A power of ten p with value == lit * p, as a scale word ("million") or a sub-unit
 * ("cents") would make it; 0 when the literal is not this value. */
static double power_scale(double value, double lit)
{
    if (lit == 0.0 || value == 0.0)
        return value == lit ? 1.0 : 0.0;
    double r = fabs(value / lit);
    double e = log10(r);
    double re = round(e);
    if (fabs(e - re) > 1e-9 || re < -6 || re > 15)
        return 0.0;
    return pow(10.0, re);
}

/* The place value of the last non-zero digit of an integer value (1e6 for 6e6). */
static double integer_nonzero_place(double v)
{
    double a = fabs(v);
    double place = 1.0;
    while (place < 1e15 && a >= place * 10 && fmod(a, place * 10) == 0.0)
        place *= 10;
    return place;
}

/* The half-width a reported value v stands for: its rounding, read from the digits of
 * the text when one of them is v (from index *from on; *from moves past it), else from
 * the value itself (number words: "seven", "two million", "a tenth"). */
static double rounding_width(double v, const numlit *lits, size_t nlits, size_t *from)
{
    double a = fabs(v);
    for (size_t i = *from; i < nlits; i++) {
        double p = power_scale(v, lits[i].value);
        if (p == 0.0)
            continue;
        *from = i + 1;
        if (lits[i].value == 0.0)
            return 0.5 * lits[i].last_place;
        /* a scale word or zeros before the decimal point make it round */
        bool round_num = p > 1.5 || (!lits[i].has_decimals && lits[i].nonzero_place >= 10);
        if (round_num)
            return fmin(lits[i].nonzero_place * p, 0.1 * a);
        return 0.5 * lits[i].last_place * p;
    }
    if (a == 0.0)
        return 0.5;
    if (a == floor(a) && a < 1e15) {
        double place = integer_nonzero_place(a);
        return place >= 10 ? fmin(place, 0.1 * a) : 0.5;
    }
    /* a fraction from words ("two-thirds" = 66.67): exact up to how it was written down */
    return 0.01 * a;
}

void ct__claim_interval(const ct_claim *c, ct_interval *out)
{
    if (!out)
        return;
    out->has_lo = out->has_hi = false;
    out->lo = out->hi = 0.0;
    if (!c || (!c->has_low && !c->has_high))
        return;
    /* a value that is not a number says nothing (a claim read from a damaged store) */
    if ((c->has_low && !isfinite(c->low)) || (c->has_high && !isfinite(c->high)))
        return;

    numlit lits[16] = {{0}};
    size_t nlits = c->text ? scan_numlits(c->text, lits, sizeof lits / sizeof lits[0]) : 0;
    size_t from = 0;
    bool one_value = !c->has_low || !c->has_high || c->low == c->high;

    double lo_w = 0.0, hi_w = 0.0;
    if (c->has_low)
        lo_w = rounding_width(c->low, lits, nlits, &from);
    if (c->has_high) {
        if (one_value && c->has_low) {
            hi_w = lo_w;
        } else {
            hi_w = rounding_width(c->high, lits, nlits, &from);
        }
    }
    if (c->bound == CT_BOUND_APPROX) {
        /* about, around, roughly: at least +-10% */
        if (c->has_low)
            lo_w = fmax(lo_w, 0.1 * fabs(c->low));
        if (c->has_high)
            hi_w = fmax(hi_w, 0.1 * fabs(c->high));
    }

    double f = unit_factor(c);
    bool open_lo = c->bound == CT_BOUND_UPPER || !c->has_low;
    bool open_hi = c->bound == CT_BOUND_LOWER || !c->has_high;
    if (c->bound == CT_BOUND_UPPER && !c->has_high) {
        /* "under N" stored on the low side by mistake: read N as the bound */
        out->has_hi = true;
        out->hi = (c->low + lo_w) * f;
        return;
    }
    if (c->bound == CT_BOUND_LOWER && !c->has_low) {
        out->has_lo = true;
        out->lo = (c->high - hi_w) * f;
        return;
    }
    if (!open_lo) {
        out->has_lo = true;
        out->lo = (c->low - lo_w) * f;
    }
    if (!open_hi) {
        out->has_hi = true;
        out->hi = (c->high + hi_w) * f;
    }
    if (out->has_lo && out->has_hi && out->lo > out->hi) { /* a range written high to low */
        double t = out->lo;
        out->lo = out->hi;
        out->hi = t;
    }
}

/* ---- keys ------------------------------------------------------------------------------ */

void ct__claim_match_key(const ct_claim *c, char *key, size_t cap)
{
    if (!key || cap == 0)
        return;
    key[0] = '\0';
    if (!c)
        return;
    /* the entity is cut first, so that a CT_COMPARE_KEY_MAX buffer holds any key */
    char cls[16], ent[CT_COMPARE_ENTITY_MAX + 1];
    unit_class(c, cls, sizeof cls);
    norm_name(c->entity, ent, sizeof ent);
    size_t n = (size_t)snprintf(key, cap, "%s|%s|%s", ct_kind_name(c->kind), cls, ent);
    if (n >= cap)
        key[utf8_floor(key, cap - 1)] = '\0';
}

void ct__claim_origin_key(const ct_claim *c, char *key, size_t cap)
{
    if (!key || cap == 0)
        return;
    key[0] = '\0';
    if (!c || !c->speaker || !c->speaker[0])
        return;
    const char *kind = c->speaker_kind ? c->speaker_kind : "";
    /* unnamed groups ("experts", "some analysts") are not one source across documents;
     * without a kind, a speaker written in lower case is such a group */
    if (strcmp(kind, "group") == 0 ||
        (!kind[0] && c->speaker[0] >= 'a' && c->speaker[0] <= 'z'))
        return;
    const char *who = c->speaker;
    if (strcmp(kind, "document") == 0 && c->speaker_org && c->speaker_org[0])
        who = c->speaker_org;
    char buf[CT_COMPARE_KEY_MAX];
    norm_name(who, buf, sizeof buf);
    size_t n = strlen(buf);
    if (n >= cap)
        n = utf8_floor(buf, cap - 1);
    memcpy(key, buf, n);
    key[n] = '\0';
}

const char *ct__rel_type_name(ct_rel_type type)
{
    switch (type) {
    case CT_REL_CORROBORATES: return "corroborates";
    case CT_REL_CONTRADICTS: return "contradicts";
    default: return "none";
    }
}

/* ---- which document came first --------------------------------------------------------- */

static bool iso_date(const char *s)
{
    if (!s || strlen(s) < 10)
        return false;
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
            return false;
    }
    return true;
}

int ct__doc_original_cmp(const char *a_published, int64_t a_ingest_order,
                         const char *b_published, int64_t b_ingest_order)
{
    if (iso_date(a_published) && iso_date(b_published)) {
        int d = strncmp(a_published, b_published, 10);
        if (d != 0)
            return d < 0 ? -1 : 1;
    }
    if (a_ingest_order != b_ingest_order)
        return a_ingest_order < b_ingest_order ? -1 : 1;
    return 0;
}

/* ---- subjects --------------------------------------------------------------------------- */

#define MAX_TERMS 24
#define TERM_LEN 24

typedef struct {
    char t[MAX_TERMS][TERM_LEN];
    size_t n;
} termset;

/* Words that say nothing about what is measured. */
static const char *const filler_words[] = {
    "a",        "an",      "the",     "of",       "to",        "for",     "in",
    "on",       "at",      "by",      "with",     "from",      "and",     "or",
    "its",      "their",   "his",     "her",      "it",        "this",    "that",
    "these",    "those",   "than",    "about",    "around",    "nearly",  "some",
    "less",     "more",    "under",   "over",     "up",        "least",   "most",
    "only",     "just",    "per",     "each",     "total",     "overall", "official",
    "estimat",  "report",  "new",     "said",     "say",       "according",
    "worth",    "amount",  "figure",  "number",   "sum",       "company", "firm",
    "its",      "own",     "as",      "is",       "was",       "be",      "been",
    "has",      "have",    "had",     "were",     "are",
    /* when and which way, not what: "a year earlier", "higher", "last month" */
    "year",     "month",   "week",    "day",      "quarter",   "annual",  "time",
    "last",     "previous", "earlier", "later",   "higher",    "lower",   "high",
    "low",      "record",  "level",   "current",  "latest",    "recent",
    "since",    "across",  "within",  "into",     "during",    "between", "among",
    "after",    "before",  "largest", "biggest",  "smallest",  "top",
};

/* Words of one meaning in news figures; a subject is matched on its concepts. */
static const struct {
    const char *word, *concept;
} concept_words[] = {
    {"spend", "cost"},       {"spent", "cost"},        {"expenditure", "cost"},
    {"expense", "cost"},     {"outlay", "cost"},       {"pric", "price"},
    {"fee", "price"},        {"gpu", "hardware"},      {"chip", "hardware"},
    {"processor", "hardware"}, {"sale", "revenue"},    {"turnover", "revenue"},
    {"earning", "profit"},   {"job", "worker"},        {"employee", "worker"},
    {"staff", "worker"},     {"workforce", "worker"},  {"employ", "worker"},
    {"subscriber", "user"},  {"customer", "user"},     {"valuation", "value"},
};

/* Light stemming, enough to meet "prices"/"price", "training"/"train",
 * "expenditures"/"expenditure", "GPUs"/"GPU". */
static size_t stem(char *w, size_t n)
{
    if (n > 4 && ends_with_ci(w, n, "ies")) {
        w[n - 3] = 'y';
        return n - 2;
    }
    if (n > 4 && ends_with_ci(w, n, "sses"))
        return n - 2;
    /* plural s, but not in "status", "analysis" (short "-us" words are acronyms: GPUs) */
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'i' &&
        (w[n - 2] != 'u' || n <= 4))
        n--;
    if (n > 5 && ends_with_ci(w, n, "ing"))
        return n - 3;
    if (n > 4 && ends_with_ci(w, n, "ed"))
        return n - 2;
    return n;
}

static bool termset_has(const termset *ts, const char *w)
{
    for (size_t i = 0; i < ts->n; i++)
        if (strcmp(ts->t[i], w) == 0)
            return true;
    return false;
}

static bool is_word_cp(int32_t cp) { return ct__text_is_letter(cp) || ct__text_is_digit(cp); }

/* The set of concepts of a terms string (or a subject phrase), without the entity's
 * own words: the entity is already matched by the key. Words are runs of letters and
 * digits, with "." or "-" inside ("01.AI", "cost-cutting"); a possessive is dropped. */
static void termset_build(termset *ts, const char *s, const char *entity_norm)
{
    ts->n = 0;
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s), i = 0;
    while (i < len && ts->n < MAX_TERMS) {
        size_t adv;
        int32_t cp = ct__text_decode(p + i, len - i, &adv);
        if (!is_word_cp(cp)) {
            i += adv;
            continue;
        }
        char w[TERM_LEN];
        size_t n = 0;
        bool too_long = false;
        while (i < len) {
            cp = ct__text_decode(p + i, len - i, &adv);
            bool inner = (cp == '.' || cp == '-') && i + adv < len && is_word_cp(p[i + adv]);
            if (!is_word_cp(cp) && !inner)
                break;
            if (n + adv < sizeof w) {
                for (size_t k = 0; k < adv; k++)
                    w[n++] = (char)lower_ascii(p[i + k]);
            } else {
                too_long = true;
            }
            i += adv;
        }
        /* a possessive: "DeepSeek's", "DeepSeek\u2019s" */
        if (i < len) {
            cp = ct__text_decode(p + i, len - i, &adv);
            if ((cp == '\'' || cp == 0x2019) && i + adv < len &&
                lower_ascii(p[i + adv]) == 's' &&
                (i + adv + 1 >= len || !is_word_cp(p[i + adv + 1])))
                i += adv + 1;
        }
        if (n == 0 || too_long)
            continue;
        w[n] = '\0';
        /* the entity's words are not the subject */
        if (entity_norm && entity_norm[0]) {
            const char *hit = strstr(entity_norm, w);
            size_t el = strlen(entity_norm);
            if (hit && (hit == entity_norm || hit[-1] == ' ') &&
                (hit + n == entity_norm + el || hit[n] == ' '))
                continue;
        }
        n = stem(w, n);
        w[n] = '\0';
        bool filler = false;
        for (size_t k = 0; k < sizeof filler_words / sizeof filler_words[0]; k++)
            if (strcmp(w, filler_words[k]) == 0)
                filler = true;
        if (filler)
            continue;
        const char *term = w;
        for (size_t k = 0; k < sizeof concept_words / sizeof concept_words[0]; k++)
            if (strcmp(w, concept_words[k].word) == 0)
                term = concept_words[k].concept;
        if (!termset_has(ts, term)) {
            snprintf(ts->t[ts->n], TERM_LEN, "%s", term);
            ts->n++;
        }
    }
}

/* How far two claims are about the same thing, from their terms (or subjects): the
 * share of the smaller set found in the other. -1 when either says nothing. */
static double subject_similarity(const ct_claim *a, const ct_claim *b, const char *entity,
                                 size_t *shared_out)
{
    termset ta, tb;
    termset_build(&ta, a->terms, entity);
    if (ta.n == 0) /* no terms (or only the entity's): the subject phrase */
        termset_build(&ta, a->subject, entity);
    termset_build(&tb, b->terms, entity);
    if (tb.n == 0)
        termset_build(&tb, b->subject, entity);
    *shared_out = 0;
    if (ta.n == 0 || tb.n == 0)
        return -1.0;
    size_t shared = 0;
    for (size_t i = 0; i < ta.n; i++)
        if (termset_has(&tb, ta.t[i]))
            shared++;
    *shared_out = shared;
    return (double)shared / (double)(ta.n < tb.n ? ta.n : tb.n);
}

/* ---- relating two claims ---------------------------------------------------------------- */

static bool comparable_kind(ct_kind k)
{
    return k == CT_KIND_MONEY || k == CT_KIND_PERCENT || k == CT_KIND_RATIO ||
           k == CT_KIND_COUNT || k == CT_KIND_DURATION || k == CT_KIND_AGE ||
           k == CT_KIND_RANK;
}

/* One number for a reason, with a scale word: "6 million", "43.88531 million". */
static void fmt_number(char *buf, size_t cap, double v)
{
    double a = fabs(v);
    if (a >= 1e12)
        snprintf(buf, cap, "%.10g trillion", v / 1e12);
    else if (a >= 1e9)
        snprintf(buf, cap, "%.10g billion", v / 1e9);
    else if (a >= 1e6)
        snprintf(buf, cap, "%.10g million", v / 1e6);
    else
        snprintf(buf, cap, "%.10g", v);
}

static const char *currency_symbol(const char *code)
{
    if (strcmp(code, "USD") == 0)
        return "$";
    if (strcmp(code, "EUR") == 0)
        return "\xe2\x82\xac";
    if (strcmp(code, "GBP") == 0)
        return "\xc2\xa3";
    return NULL;
}

/* A claim's value in words: "under $6 million", "20 to 40 times less", "about 40 years". */
static void describe(const ct_claim *c, char *buf, size_t cap)
{
    char lo[48], hi[48], num[100];
    bool range = c->has_low && c->has_high && c->low != c->high;
    fmt_number(lo, sizeof lo, c->has_low ? c->low : c->high);
    fmt_number(hi, sizeof hi, c->has_high ? c->high : c->low);
    if (range)
        snprintf(num, sizeof num, "%s to %s", lo, hi);
    else
        snprintf(num, sizeof num, "%s", c->has_low ? lo : hi);

    const char *pre = c->bound == CT_BOUND_UPPER   ? "under "
                      : c->bound == CT_BOUND_LOWER ? "over "
                      : c->bound == CT_BOUND_APPROX ? "about "
                                                    : "";
    unit_str us = claim_unit(c);
    const char *unit = us.s;
    switch (c->kind) {
    case CT_KIND_MONEY: {
        const char *sym = currency_symbol(unit);
        if (sym)
            snprintf(buf, cap, "%s%s%s", pre, sym, num);
        else
            snprintf(buf, cap, "%s%s %s", pre, num, unit);
        return;
    }
    case CT_KIND_PERCENT:
        snprintf(buf, cap, "%s%s%s", pre, num,
                 strcmp(unit, "pp") == 0 ? " percentage points" : "%");
        return;
    case CT_KIND_RATIO:
        snprintf(buf, cap, "%s%s times%s", pre, num,
                 c->direction == CT_DIR_LESS   ? " less"
                 : c->direction == CT_DIR_MORE ? " more"
                                               : "");
        return;
    case CT_KIND_RANK:
        snprintf(buf, cap, "%srank %s", pre, num);
        return;
    case CT_KIND_DURATION:
    case CT_KIND_AGE: {
        bool one = !range && (c->has_low ? c->low : c->high) == 1.0;
        snprintf(buf, cap, "%s%s %s%s", pre, num, unit, one || !unit[0] ? "" : "s");
        return;
    }
    default:
        snprintf(buf, cap, "%s%s%s%s", pre, num, unit[0] ? " " : "", unit);
        return;
    }
}

/* "DeepSeek's training cost", "DeepSeek", "training cost" or "the same thing". */
static void describe_topic(const ct_claim *a, const ct_claim *b, char *buf, size_t cap)
{
    const char *ent = a->entity && a->entity[0] ? a->entity : b->entity;
    const char *subj = a->subject && a->subject[0] ? a->subject : b->subject;
    bool has_ent = ent && ent[0], has_subj = subj && subj[0];
    if (has_ent && has_subj) {
        size_t el = strlen(ent);
        bool possessive = (el > 2 && ends_with_ci(ent, el, "'s")) ||
                          (el > 4 && ends_with_ci(ent, el, "\xe2\x80\x99s"));
        snprintf(buf, cap, "%s%s %s", ent, possessive ? "" : "'s", subj);
    } else if (has_ent || has_subj) {
        snprintf(buf, cap, "%s", has_ent ? ent : subj);
    } else {
        snprintf(buf, cap, "the same thing");
    }
}

ct_rel_type ct__compare_claims(const ct_claim *a, const ct_claim *b, double *score,
                               char *reason, size_t reason_cap)
{
    if (score)
        *score = 0.0;
    if (reason && reason_cap)
        reason[0] = '\0';
    if (!a || !b || a == b || !comparable_kind(a->kind) || !comparable_kind(b->kind))
        return CT_REL_NONE;
    if (a->id != 0 && a->id == b->id) /* one stored claim read twice */
        return CT_REL_NONE;
    if (a->doc_id != 0 && a->doc_id == b->doc_id) /* relations are across documents */
        return CT_REL_NONE;

    char ka[CT_COMPARE_KEY_MAX], kb[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(a, ka, sizeof ka);
    ct__claim_match_key(b, kb, sizeof kb);
    if (strcmp(ka, kb) != 0)
        return CT_REL_NONE;
    const char *entity = strrchr(ka, '|') + 1;

    /* Without a subject on both sides nothing says the numbers measure the same thing:
     * two figures about one entity agree by chance too often ("6%" of what?). */
    size_t shared = 0;
    double subj = subject_similarity(a, b, entity, &shared);
    if (subj < 0.5)
        return CT_REL_NONE; /* about different things, or unknown ones */
    if (!entity[0] && (subj < 0.67 || shared < 2))
        return CT_REL_NONE; /* no entity: only a subject spelt out alike ties them */

    ct_interval ia, ib;
    ct__claim_interval(a, &ia);
    ct__claim_interval(b, &ib);
    if ((!ia.has_lo && !ia.has_hi) || (!ib.has_lo && !ib.has_hi))
        return CT_REL_NONE; /* no value to compare */
    double lo = -HUGE_VAL, hi = HUGE_VAL;
    if (ia.has_lo)
        lo = ia.lo;
    if (ib.has_lo && ib.lo > lo)
        lo = ib.lo;
    if (ia.has_hi)
        hi = ia.hi;
    if (ib.has_hi && ib.hi < hi)
        hi = ib.hi;
    /* "more than a single point": touching intervals do not agree (7 vs 8 years) */
    double mag = fmax(fabs(isfinite(lo) ? lo : 0.0), fabs(isfinite(hi) ? hi : 0.0));
    bool overlap = hi - lo > 1e-9 * fmax(mag, 1.0);

    double fit;
    if (overlap) {
        /* agreement is agreement; the closer the intervals, the surer */
        bool same = ia.has_lo == ib.has_lo && ia.has_hi == ib.has_hi &&
                    (!ia.has_lo || ia.lo == ib.lo) && (!ia.has_hi || ia.hi == ib.hi);
        double ulo = ia.has_lo && ib.has_lo ? fmin(ia.lo, ib.lo) : -HUGE_VAL;
        double uhi = ia.has_hi && ib.has_hi ? fmax(ia.hi, ib.hi) : HUGE_VAL;
        double iou = isfinite(ulo) && isfinite(uhi) && uhi > ulo ? (hi - lo) / (uhi - ulo) : 0.5;
        fit = same ? 1.0 : 0.5 + 0.5 * iou;
    } else {
        double gap = fmax(lo - hi, 0.0); /* 0 when they touch */
        fit = gap / (gap + 0.1 * fmax(mag, 1e-12));
    }
    if (score)
        *score = 0.6 * subj + 0.4 * fit;

    if (reason && reason_cap) {
        char da[160], db[160], topic[200];
        describe(a, da, sizeof da);
        describe(b, db, sizeof db);
        describe_topic(a, b, topic, sizeof topic);
        if (strcmp(da, db) == 0)
            snprintf(reason, reason_cap, "both say %s for %s", da, topic);
        else if (overlap)
            snprintf(reason, reason_cap, "A says %s, B says %s for %s: the values fit", da,
                     db, topic);
        else
            snprintf(reason, reason_cap,
                     "A says %s, B says %s for %s: both cannot be true", da, db, topic);
        size_t n = strlen(reason);
        reason[utf8_floor(reason, n)] = '\0';
    }
    return overlap ? CT_REL_CORROBORATES : CT_REL_CONTRADICTS;
}

/* ---- document signatures ---------------------------------------------------------------- */

/* A copy shares long runs of words: the bottom-k sketch of word 3-shingles estimates how
 * much of one text the other contains. A rewrite keeps almost no run of three words but
 * keeps its cast -- the names and numbers -- and mostly their order: the first anchors
 * of each text, in order, give how many are shared and how many in the same order. */
#define SIG_SHINGLES 128 /* k of the bottom-k sketch */
#define SIG_ANCHORS 128  /* distinct anchors kept, in order of first use */
#define SIG_MIN_SHINGLES 30
#define SIG_MIN_ANCHORS 8
#define SIG_ANCHOR_SHRINK 4
#define SIG_MAGIC "CTS1"
#define SIG_HEADER 8 /* magic, two 16-bit counts */

struct ct_doc_sig {
    uint16_t nshingles, nanchors;
    uint64_t shingles[SIG_SHINGLES]; /* ascending, distinct */
    uint32_t anchors[SIG_ANCHORS];   /* in order of first use, distinct */
    uint32_t sorted[SIG_ANCHORS];    /* the same, ascending: for membership tests */
};

/* Fill sig->sorted from sig->anchors (insertion sort: at most SIG_ANCHORS values). */
static void sig_sort_anchors(ct_doc_sig *sig)
{
    for (size_t i = 0; i < sig->nanchors; i++) {
        uint32_t v = sig->anchors[i];
        size_t j = i;
        for (; j > 0 && sig->sorted[j - 1] > v; j--)
            sig->sorted[j] = sig->sorted[j - 1];
        sig->sorted[j] = v;
    }
}

static bool sig_has_anchor(const ct_doc_sig *sig, uint32_t v)
{
    size_t lo = 0, hi = sig->nanchors;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sig->sorted[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sig->nanchors && sig->sorted[lo] == v;
}

static uint64_t mix64(uint64_t z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* Capitalised words that name no one: a rewrite and an unrelated article share them. */
static const char *const common_caps[] = {
    "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "that", "this", "it", "which", "who",
    "has", "have", "had", "not", "but", "also", "he", "she", "they", "we", "i", "you",
    "his", "her", "their", "our", "there", "here", "what", "when", "where", "while", "if",
    "then", "than", "so", "such", "these", "those", "some", "any", "all", "more", "most",
    "other", "into", "over", "under", "after", "before", "about", "however", "although",
    "because", "since", "both", "each", "many", "much", "no", "only", "can", "will", "just",
    "now", "said", "says", "mr", "mrs", "ms", "dr", "according", "additionally", "despite",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
};

static bool is_common_cap(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof common_caps / sizeof common_caps[0]; i++)
        if (common_caps[i][0] == w[0] && strlen(common_caps[i]) == n &&
            memcmp(common_caps[i], w, n) == 0)
            return true;
    return false;
}

/* The code point at s[i], ASCII without a call: most of a news text is ASCII. */
static int32_t next_cp(const unsigned char *s, size_t len, size_t i, size_t *adv)
{
    if (s[i] < 0x80) {
        *adv = 1;
        return s[i];
    }
    return ct__text_decode(s + i, len - i, adv);
}

static bool sig_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return ct__text_is_letter(cp);
}

static void sketch_add(ct_doc_sig *sig, uint64_t h)
{
    size_t n = sig->nshingles;
    if (n == SIG_SHINGLES && h >= sig->shingles[n - 1])
        return; /* the common case once the sketch is full */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (sig->shingles[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && sig->shingles[lo] == h)
        return;
    if (n == SIG_SHINGLES)
        n--; /* drop the largest */
    memmove(&sig->shingles[lo + 1], &sig->shingles[lo], (n - lo) * sizeof sig->shingles[0]);
    sig->shingles[lo] = h;
    sig->nshingles = (uint16_t)(n + 1);
}

static void anchor_add(ct_doc_sig *sig, uint32_t h)
{
    for (size_t i = 0; i < sig->nanchors; i++)
        if (sig->anchors[i] == h)
            return;
    if (sig->nanchors < SIG_ANCHORS)
        sig->anchors[sig->nanchors++] = h;
}

/* Marks after which a capital starts a sentence rather than a name. */
static bool ends_sentence(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '"' || cp == 0x201C ||
           cp == 0x201D || cp == 0x2022 || ct__text_is_newline(cp);
}

static void sig_build(ct_doc_sig *sig, const unsigned char *s, size_t len)
{
    uint64_t w1 = 0, w2 = 0; /* the two words before */
    size_t nwords = 0;
    bool sentence_start = true;
    size_t i = 0;
    char word[64];
    while (i < len) {
        size_t adv;
        int32_t cp = next_cp(s, len, i, &adv);
        if (!sig_word_cp(cp)) {
            if (ends_sentence(cp))
                sentence_start = true;
            i += adv;
            continue;
        }
        /* one word: letters and digits, with "." or "," inside a number */
        bool upper = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : ct__text_is_upper(cp);
        bool number = cp >= '0' && cp <= '9';
        uint64_t h = 0xCBF29CE484222325ull;
        size_t wn = 0;
        while (i < len) {
            cp = next_cp(s, len, i, &adv);
            bool inner_sep = (cp == '.' || cp == ',') && number && i + 1 < len &&
                             s[i + 1] >= '0' && s[i + 1] <= '9';
            if (!sig_word_cp(cp) && !inner_sep)
                break;
            for (size_t k = 0; k < adv; k++) {
                unsigned char b = (unsigned char)lower_ascii(s[i + k]);
                h = (h ^ b) * 0x100000001B3ull;
                if (wn < sizeof word)
                    word[wn] = (char)b;
                wn++;
            }
            i += adv;
        }
        h = mix64(h);
        nwords++;
        if (nwords >= 3)
            sketch_add(sig, mix64(w2 ^ rotl64(w1, 21) ^ rotl64(h, 42)));
        w2 = w1;
        w1 = h;
        bool anchor = (number || (upper && !sentence_start)) && wn >= 2 &&
                      !(wn <= sizeof word && is_common_cap(word, wn));
        if (anchor)
            anchor_add(sig, (uint32_t)(h >> 32));
        sentence_start = false;
    }
}

int ct__doc_sig_new(ct_doc_sig **out, const char *text, size_t len)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct__doc_sig_new: out is NULL");
    *out = NULL;
    if (!text && len > 0)
        return ct__error(CT_EINVAL, "ct__doc_sig_new: text is NULL");
    ct_doc_sig *sig = ct__calloc(1, sizeof *sig);
    if (!sig)
        return ct__enomem();
    if (len > 0)
        sig_build(sig, (const unsigned char *)text, len);
    sig_sort_anchors(sig);
    *out = sig;
    return CT_OK;
}

void ct__doc_sig_free(ct_doc_sig *sig) { ct__free(sig); }

static void put_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

int ct__doc_sig_to_blob(const ct_doc_sig *sig, unsigned char **out, size_t *len_out)
{
    if (!out || !len_out)
        return ct__error(CT_EINVAL, "ct__doc_sig_to_blob: out is NULL");
    *out = NULL;
    *len_out = 0;
    if (!sig)
        return ct__error(CT_EINVAL, "ct__doc_sig_to_blob: sig is NULL");
    size_t len = SIG_HEADER + 8 * (size_t)sig->nshingles + 4 * (size_t)sig->nanchors;
    unsigned char *b = ct__malloc(len);
    if (!b)
        return ct__enomem();
    memcpy(b, SIG_MAGIC, 4);
    put_le(b + 4, sig->nshingles, 2);
    put_le(b + 6, sig->nanchors, 2);
    unsigned char *p = b + SIG_HEADER;
    for (size_t i = 0; i < sig->nshingles; i++, p += 8)
        put_le(p, sig->shingles[i], 8);
    for (size_t i = 0; i < sig->nanchors; i++, p += 4)
        put_le(p, sig->anchors[i], 4);
    *out = b;
    *len_out = len;
    return CT_OK;
}

int ct__doc_sig_from_blob(ct_doc_sig **out, const unsigned char *blob, size_t len)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct__doc_sig_from_blob: out is NULL");
    *out = NULL;
    if (!blob)
        return ct__error(CT_EINVAL, "ct__doc_sig_from_blob: blob is NULL");
    if (len < SIG_HEADER || memcmp(blob, SIG_MAGIC, 4) != 0)
        return ct__error(CT_EINVAL, "document signature: not a version 1 signature");
    size_t ns = (size_t)get_le(blob + 4, 2), na = (size_t)get_le(blob + 6, 2);
    if (ns > SIG_SHINGLES || na > SIG_ANCHORS || len != SIG_HEADER + 8 * ns + 4 * na)
        return ct__error(CT_EINVAL, "document signature: bad length");
    ct_doc_sig *sig = ct__calloc(1, sizeof *sig);
    if (!sig)
        return ct__enomem();
    const unsigned char *p = blob + SIG_HEADER;
    for (size_t i = 0; i < ns; i++, p += 8) {
        sig->shingles[i] = get_le(p, 8);
        /* the comparison relies on the order */
        if (i > 0 && sig->shingles[i] <= sig->shingles[i - 1]) {
            ct__free(sig);
            return ct__error(CT_EINVAL, "document signature: shingles out of order");
        }
    }
    for (size_t i = 0; i < na; i++, p += 4) {
        sig->anchors[i] = (uint32_t)get_le(p, 4);
        for (size_t j = 0; j < i; j++)
            if (sig->anchors[j] == sig->anchors[i]) {
                ct__free(sig);
                return ct__error(CT_EINVAL, "document signature: repeated anchor");
            }
    }
    sig->nshingles = (uint16_t)ns;
    sig->nanchors = (uint16_t)na;
    sig_sort_anchors(sig);
    *out = sig;
    return CT_OK;
}

/* How much of a's shingle set b contains, from the two sketches: below the smaller of
 * the two sketches' largest values both sketches are complete, so membership is exact
 * there. -1 when a has too few shingles to tell. */
static double sketch_containment(const ct_doc_sig *a, const ct_doc_sig *b)
{
    if (a->nshingles < SIG_MIN_SHINGLES || b->nshingles == 0)
        return -1.0;
    uint64_t tau = a->shingles[a->nshingles - 1];
    if (b->nshingles == SIG_SHINGLES && b->shingles[b->nshingles - 1] < tau)
        tau = b->shingles[b->nshingles - 1];
    size_t i = 0, j = 0, seen = 0, shared = 0;
    while (i < a->nshingles && a->shingles[i] <= tau) {
        while (j < b->nshingles && b->shingles[j] < a->shingles[i])
            j++;
        if (j < b->nshingles && b->shingles[j] == a->shingles[i])
            shared++;
        seen++;
        i++;
    }
    return seen ? (double)shared / (double)seen : -1.0;
}

/* Shared anchors and how many of them come in the same order, over the smaller list. */
static double anchor_score(const ct_doc_sig *a, const ct_doc_sig *b)
{
    size_t na = a->nanchors, nb = b->nanchors;
    size_t n = na < nb ? na : nb;
    if (n < SIG_MIN_ANCHORS)
        return 0.0;
    /* the shared anchors, each list in its own order */
    uint32_t sa[SIG_ANCHORS], sb[SIG_ANCHORS];
    size_t ca = 0, cb = 0;
    for (size_t i = 0; i < na; i++)
        if (sig_has_anchor(b, a->anchors[i]))
            sa[ca++] = a->anchors[i];
    for (size_t j = 0; j < nb; j++)
        if (sig_has_anchor(a, b->anchors[j]))
            sb[cb++] = b->anchors[j];
    /* longest common subsequence of the shared anchors, one row at a time */
    uint16_t row[SIG_ANCHORS + 1] = {0};
    for (size_t i = 0; i < ca; i++) {
        uint16_t diag = 0;
        for (size_t j = 0; j < cb; j++) {
            uint16_t up = row[j + 1];
            uint16_t v = sa[i] == sb[j] ? (uint16_t)(diag + 1) : (up > row[j] ? up : row[j]);
            diag = up;
            row[j + 1] = v;
        }
    }
    double shared = (double)ca / (double)n;
    double ordered = (double)row[cb] / (double)n;
    /* short texts share a few names by chance (two stories on one company): trust the
     * fraction less the fewer anchors it is counted over */
    return sqrt(shared * ordered) * (double)n / (double)(n + SIG_ANCHOR_SHRINK);
}

double ct__doc_sig_similarity(const ct_doc_sig *a, const ct_doc_sig *b)
{
    if (!a || !b)
        return 0.0;
    double copy = fmax(sketch_containment(a, b), sketch_containment(b, a));
    double rewrite = anchor_score(a, b);
    double s = fmax(copy, rewrite);
    return s < 0.0 ? 0.0 : s > 1.0 ? 1.0 : s;
}
