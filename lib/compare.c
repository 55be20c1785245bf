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
    /* trim wrapping punctuation */
    size_t b = 0;
    while (b < n && is_edge_punct((unsigned char)buf[b]))
        b++;
    while (n > b && (is_edge_punct((unsigned char)buf[n - 1]) || buf[n - 1] == ' '))
        n--;
    if (n - b > 4 && ends_with_ci(buf + b, n - b, "'s"))
        n -= 2;
    else if (n - b > 6 && ends_with_ci(buf + b, n - b, "\xe2\x80\x99s"))
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
        double d = time_unit_days(c->unit);
        return d > 0 ? d : 1.0;
    }
    return 1.0;
}

static void unit_class(const ct_claim *c, char *out, size_t cap)
{
    switch (c->kind) {
    case CT_KIND_MONEY: {
        /* ISO codes are upper case; accept what a hand-built claim may carry */
        size_t i = 0;
        for (; c->unit[i] && i + 1 < cap && i < sizeof c->unit; i++) {
            int ch = (unsigned char)c->unit[i];
            out[i] = (char)(ch >= 'a' && ch <= 'z' ? ch - ('a' - 'A') : ch);
        }
        out[i] = '\0';
        if (i == 0)
            snprintf(out, cap, "?");
        return;
    }
    case CT_KIND_PERCENT:
        snprintf(out, cap, "%s", strcmp(c->unit, "pp") == 0 ? "pp" : "%");
        return;
    case CT_KIND_RATIO:
        snprintf(out, cap, "%s",
                 c->direction == CT_DIR_LESS   ? "x-less"
                 : c->direction == CT_DIR_MORE ? "x-more"
                                               : "x");
        return;
    case CT_KIND_DURATION:
    case CT_KIND_AGE:
        if (time_unit_days(c->unit) > 0) {
            snprintf(out, cap, "time");
            return;
        }
        break;
    default:
        break;
    }
    snprintf(out, cap, "%.*s", (int)sizeof c->unit, c->unit);
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
    char cls[16], ent[CT_COMPARE_KEY_MAX];
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
    /* unnamed groups ("experts") are not one source across documents */
    if (strcmp(kind, "group") == 0)
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

/* The set of concepts of a terms string (or a subject phrase), without the entity's
 * own words: the entity is already matched by the key. */
static void termset_build(termset *ts, const char *s, const char *entity_norm)
{
    ts->n = 0;
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && ts->n < MAX_TERMS) {
        while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                       (*p >= '0' && *p <= '9') || *p >= 0x80))
            p++;
        char w[TERM_LEN];
        size_t n = 0;
        bool too_long = false;
        while (*p && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                      (*p >= '0' && *p <= '9') || *p >= 0x80 || *p == '.' || *p == '-')) {
            /* a curly apostrophe ends a word ("DeepSeek’s") */
            if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
                break;
            if (n + 1 < sizeof w)
                w[n++] = (char)lower_ascii(*p);
            else
                too_long = true;
            p++;
        }
        if (*p == '\'' || *p == 0xE2) { /* skip a possessive */
            p += *p == '\'' ? 1 : (p[1] == 0x80 && p[2] == 0x99 ? 3 : 1);
            if (*p == 's' && !((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z')))
                p++;
        }
        while (n > 0 && (w[n - 1] == '.' || w[n - 1] == '-'))
            n--;
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
        for (size_t i = 0; i < sizeof filler_words / sizeof filler_words[0]; i++)
            if (strcmp(w, filler_words[i]) == 0)
                filler = true;
        if (filler)
            continue;
        const char *term = w;
        for (size_t i = 0; i < sizeof concept_words / sizeof concept_words[0]; i++)
            if (strcmp(w, concept_words[i].word) == 0)
                term = concept_words[i].concept;
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
    termset_build(&ta, a->terms && a->terms[0] ? a->terms : a->subject, entity);
    termset_build(&tb, b->terms && b->terms[0] ? b->terms : b->subject, entity);
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
    char unit[sizeof c->unit + 1];
    snprintf(unit, sizeof unit, "%.*s", (int)sizeof c->unit, c->unit);
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
    if (a->doc_id != 0 && a->doc_id == b->doc_id) /* relations are across documents */
        return CT_REL_NONE;
    if ((!a->has_low && !a->has_high) || (!b->has_low && !b->has_high))
        return CT_REL_NONE;

    char ka[CT_COMPARE_KEY_MAX], kb[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(a, ka, sizeof ka);
    ct__claim_match_key(b, kb, sizeof kb);
    if (strcmp(ka, kb) != 0)
        return CT_REL_NONE;
    const char *entity = strrchr(ka, '|') + 1;

    size_t shared = 0;
    double subj = subject_similarity(a, b, entity, &shared);
    bool subject_known = subj >= 0.0;
    if (subject_known && subj < 0.5)
        return CT_REL_NONE; /* about different things, however alike the numbers */
    if (!entity[0] && (!subject_known || subj < 0.67 || shared < 2))
        return CT_REL_NONE; /* no entity: only a subject spelt out alike ties them */

    ct_interval ia, ib;
    ct__claim_interval(a, &ia);
    ct__claim_interval(b, &ib);
    double lo = -INFINITY, hi = INFINITY;
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

    /* Without a subject to go on, agreeing numbers about one entity are likely one fact,
     * but disagreeing ones are more likely two facts: never call that a contradiction. */
    if (!subject_known && !overlap)
        return CT_REL_NONE;

    double fit;
    if (overlap) {
        /* agreement is agreement; the closer the intervals, the surer */
        bool same = ia.has_lo == ib.has_lo && ia.has_hi == ib.has_hi &&
                    (!ia.has_lo || ia.lo == ib.lo) && (!ia.has_hi || ia.hi == ib.hi);
        double ulo = ia.has_lo && ib.has_lo ? fmin(ia.lo, ib.lo) : -INFINITY;
        double uhi = ia.has_hi && ib.has_hi ? fmax(ia.hi, ib.hi) : INFINITY;
        double iou = isfinite(ulo) && isfinite(uhi) && uhi > ulo ? (hi - lo) / (uhi - ulo) : 0.5;
        fit = same ? 1.0 : 0.5 + 0.5 * iou;
    } else {
        double gap = lo - hi;
        fit = gap / (gap + 0.1 * fmax(mag, 1e-12));
    }
    if (score)
        *score = subject_known ? 0.6 * subj + 0.4 * fit : 0.3 * fit;

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
