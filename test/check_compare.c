/* The comparison stage: intervals, keys, relations (GUIDE.md "Relations"), origins and
 * derived documents. Claims are built by hand, as the store hands them over. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "alloc.h"
#include "claim.h"
#include "claimtrack/claimtrack.h"
#include "compare.h"
#include "testutil.h"

#define OPEN NAN /* an open side in the tables below */

typedef struct {
    const char *text;
    ct_kind kind;
    double low, high; /* NAN: open */
    const char *unit;
    ct_bound bound;
    ct_direction dir;
    const char *entity, *subject, *terms;
} spec;

/* Specs with the trailing fields left out (direction, entity, subject, terms). */
#define SPEC6(t, k, lo, hi, u, b) {t, k, lo, hi, u, b, CT_DIR_NONE, NULL, NULL, NULL}
#define SPEC7(t, k, lo, hi, u, b, d) {t, k, lo, hi, u, b, d, NULL, NULL, NULL}
#define SPEC8(t, k, lo, hi, u, b, d, e) {t, k, lo, hi, u, b, d, e, NULL, NULL}
#define SPEC9(t, k, lo, hi, u, b, d, e, s) {t, k, lo, hi, u, b, d, e, s, NULL}

static ct_claim make(const spec *s)
{
    ct_claim c;
    memset(&c, 0, sizeof c);
    c.text = s->text;
    c.kind = s->kind;
    c.has_low = !isnan(s->low);
    c.low = c.has_low ? s->low : 0.0;
    c.has_high = !isnan(s->high);
    c.high = c.has_high ? s->high : 0.0;
    snprintf(c.unit, sizeof c.unit, "%s", s->unit ? s->unit : "");
    c.bound = s->bound;
    c.direction = s->dir;
    c.entity = s->entity;
    c.subject = s->subject;
    c.terms = s->terms;
    return c;
}

static bool near(double got, double want)
{
    return fabs(got - want) <= 1e-9 * fmax(1.0, fabs(want));
}

/* ---- intervals ---------------------------------------------------------------------- */

#define DAYS_YEAR 365.2425
#define DAYS_MONTH (365.2425 / 12)

static const struct {
    spec c;
    double lo, hi; /* NAN: open */
} interval_cases[] = {
    /* GUIDE.md's own examples */
    {SPEC6("$43 million", CT_KIND_MONEY, 43e6, 43e6, "USD", CT_BOUND_EXACT), 42e6, 44e6},
    {SPEC6("$1.4 billion", CT_KIND_MONEY, 1.4e9, 1.4e9, "USD", CT_BOUND_EXACT), 1.3e9, 1.5e9},
    {SPEC6("$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", CT_BOUND_EXACT), 5.4e6, 6.6e6},
    {SPEC6("seven years", CT_KIND_DURATION, 7, 7, "year", CT_BOUND_EXACT),
     6.5 * DAYS_YEAR, 7.5 * DAYS_YEAR},
    {SPEC6("$5,687.75", CT_KIND_MONEY, 5687.75, 5687.75, "USD", CT_BOUND_EXACT), 5687.745,
     5687.755},
    {SPEC6("less than $6 million", CT_KIND_MONEY, OPEN, 6e6, "USD", CT_BOUND_UPPER), OPEN, 6.6e6},
    /* a zero before the decimal point makes it round: +- 10 */
    {SPEC6("$43,885,310", CT_KIND_MONEY, 43885310, 43885310, "USD", CT_BOUND_EXACT), 43885300,
     43885320},
    /* the table of DESIGN.md */
    {SPEC6("about $600 billion", CT_KIND_MONEY, 6e11, 6e11, "USD", CT_BOUND_APPROX), 5.4e11,
     6.6e11},
    {SPEC6("well higher than $500 million", CT_KIND_MONEY, 5e8, OPEN, "USD", CT_BOUND_LOWER),
     4.5e8, OPEN},
    {SPEC6("$500 million", CT_KIND_MONEY, 5e8, 5e8, "USD", CT_BOUND_EXACT), 4.5e8, 5.5e8},
    {SPEC7("20 to 40 times", CT_KIND_RATIO, 20, 40, "x", CT_BOUND_RANGE, CT_DIR_LESS), 18, 44},
    {SPEC7("a tenth of the price", CT_KIND_RATIO, 10, 10, "x", CT_BOUND_EXACT, CT_DIR_LESS), 9, 11},
    {SPEC6("0.01%", CT_KIND_PERCENT, 0.01, 0.01, "%", CT_BOUND_EXACT), 0.005, 0.015},
    {SPEC6("10,000 of Nvidia's A100 chips", CT_KIND_COUNT, 1e4, 1e4, "count", CT_BOUND_EXACT),
     9000, 11000},
    {SPEC6("two months", CT_KIND_DURATION, 2, 2, "month", CT_BOUND_EXACT), 1.5 * DAYS_MONTH,
     2.5 * DAYS_MONTH},
    {SPEC6("around 40 years old", CT_KIND_AGE, 40, 40, "year", CT_BOUND_APPROX), 36 * DAYS_YEAR,
     44 * DAYS_YEAR},
    {SPEC6("ranked second", CT_KIND_RANK, 2, 2, "rank", CT_BOUND_EXACT), 1.5, 2.5},
    /* scale words and decimals */
    {SPEC6("$6.5m", CT_KIND_MONEY, 6.5e6, 6.5e6, "USD", CT_BOUND_EXACT), 6.4e6, 6.6e6},
    {SPEC6("US$1.25bn", CT_KIND_MONEY, 1.25e9, 1.25e9, "USD", CT_BOUND_EXACT), 1.24e9, 1.26e9},
    {SPEC6("$1.50", CT_KIND_MONEY, 1.5, 1.5, "USD", CT_BOUND_EXACT), 1.495, 1.505},
    {SPEC6("50 cents", CT_KIND_MONEY, 0.5, 0.5, "USD", CT_BOUND_EXACT), 0.45, 0.55},
    {SPEC6("7", CT_KIND_COUNT, 7, 7, "count", CT_BOUND_EXACT), 6.5, 7.5},
    /* ranges: each end keeps its own rounding */
    {SPEC6("3-5", CT_KIND_COUNT, 3, 5, "count", CT_BOUND_RANGE), 2.5, 5.5},
    {SPEC6("$6-7 million", CT_KIND_MONEY, 6e6, 7e6, "USD", CT_BOUND_RANGE), 5.4e6, 7.7e6},
    {SPEC6("between 2.5 and 3 million", CT_KIND_COUNT, 2.5e6, 3e6, "count", CT_BOUND_RANGE),
     2.4e6, 3.3e6},
    /* qualifiers */
    {SPEC6("nearly 2.5%", CT_KIND_PERCENT, 2.5, 2.5, "%", CT_BOUND_APPROX), 2.25, 2.75},
    {SPEC6("about 2,481", CT_KIND_COUNT, 2481, 2481, "count", CT_BOUND_APPROX), 2481 - 248.1,
     2481 + 248.1},
    {SPEC6("up to 30%", CT_KIND_PERCENT, OPEN, 30, "%", CT_BOUND_UPPER), OPEN, 33},
    {SPEC6("at least 12", CT_KIND_COUNT, 12, OPEN, "count", CT_BOUND_LOWER), 11.5, OPEN},
    /* number words: read from the value */
    {SPEC6("a dozen", CT_KIND_COUNT, 12, 12, "count", CT_BOUND_EXACT), 11.5, 12.5},
    {SPEC6("two million", CT_KIND_COUNT, 2e6, 2e6, "count", CT_BOUND_EXACT), 1.8e6, 2.2e6},
    {SPEC6("two-thirds", CT_KIND_PERCENT, 66.67, 66.67, "%", CT_BOUND_EXACT), 66.67 * 0.99,
     66.67 * 1.01},
    /* time units meet in days */
    {SPEC6("eight weeks", CT_KIND_DURATION, 8, 8, "week", CT_BOUND_EXACT), 7.5 * 7, 8.5 * 7},
    /* a qualifier on the wrong side is read as the bound it names */
    {SPEC6("under 5", CT_KIND_COUNT, 5, OPEN, "count", CT_BOUND_UPPER), OPEN, 5.5},
};

START_TEST(interval_from_rounding_and_qualifiers)
{
    ct_claim c = make(&interval_cases[_i].c);
    ct_interval iv;
    ct__claim_interval(&c, &iv);
    double lo = interval_cases[_i].lo, hi = interval_cases[_i].hi;
    ck_assert_msg(iv.has_lo == !isnan(lo), "%s: lower side open=%d", c.text, !iv.has_lo);
    ck_assert_msg(iv.has_hi == !isnan(hi), "%s: upper side open=%d", c.text, !iv.has_hi);
    if (iv.has_lo)
        ck_assert_msg(near(iv.lo, lo), "%s: lo %.12g, want %.12g", c.text, iv.lo, lo);
    if (iv.has_hi)
        ck_assert_msg(near(iv.hi, hi), "%s: hi %.12g, want %.12g", c.text, iv.hi, hi);
}
END_TEST

START_TEST(interval_of_nothing_is_open)
{
    spec s = SPEC6("in May 2023", CT_KIND_DATE, OPEN, OPEN, "", CT_BOUND_EXACT);
    ct_claim c = make(&s);
    ct_interval iv = {true, true, 1, 2};
    ct__claim_interval(&c, &iv);
    ck_assert(!iv.has_lo && !iv.has_hi);
    iv.has_lo = true;
    ct__claim_interval(NULL, &iv);
    ck_assert(!iv.has_lo && !iv.has_hi);
    ct__claim_interval(&c, NULL); /* no crash */
    /* values that are not numbers say nothing, and relate to nothing */
    spec sn = {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", "cost", NULL};
    ct_claim good = make(&sn), bad = make(&sn);
    bad.low = NAN;
    ct__claim_interval(&bad, &iv);
    ck_assert(!iv.has_lo && !iv.has_hi);
    ck_assert_int_eq(ct__compare_claims(&good, &bad, NULL, NULL, 0), CT_REL_NONE);
    bad.low = 6e6;
    bad.high = INFINITY;
    ck_assert_int_eq(ct__compare_claims(&bad, &good, NULL, NULL, 0), CT_REL_NONE);
    ck_assert_int_eq(ct__compare_claims(&good, &good, NULL, NULL, 0), CT_REL_NONE);
    /* no text at all: the value alone decides */
    spec s2 = SPEC6(NULL, CT_KIND_COUNT, 7, 7, "count", CT_BOUND_EXACT);
    c = make(&s2);
    ct__claim_interval(&c, &iv);
    ck_assert(near(iv.lo, 6.5) && near(iv.hi, 7.5));
}
END_TEST

/* ---- keys --------------------------------------------------------------------------- */

static const struct {
    spec c;
    const char *key;
} key_cases[] = {
    {SPEC8("$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek"), "money|USD|deepseek"},
    {SPEC8("$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "  DeepSeek's "),
     "money|USD|deepseek"},
    {SPEC8("$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek\xe2\x80\x99s"),
     "money|USD|deepseek"},
    {SPEC8("$6 million", CT_KIND_MONEY, 6e6, 6e6, "usd", 0, 0, "the  Federal Reserve"),
     "money|USD|federal reserve"},
    {SPEC8("6 million euros", CT_KIND_MONEY, 6e6, 6e6, "EUR", 0, 0, "DeepSeek"),
     "money|EUR|deepseek"},
    {SPEC8("a tenth", CT_KIND_RATIO, 10, 10, "x", 0, CT_DIR_LESS, "DeepSeek"),
     "ratio|x-less|deepseek"},
    {SPEC8("doubled", CT_KIND_RATIO, 2, 2, "x", 0, CT_DIR_MORE, "DeepSeek"),
     "ratio|x-more|deepseek"},
    {SPEC8("2 months", CT_KIND_DURATION, 2, 2, "month", 0, 0, "DeepSeek"),
     "duration|time|deepseek"},
    {SPEC8("40 years old", CT_KIND_AGE, 40, 40, "year", 0, 0, "Liang Wenfeng"),
     "age|time|liang wenfeng"},
    {SPEC8("3 pp", CT_KIND_PERCENT, 3, 3, "pp", 0, 0, NULL), "percent|pp|"},
    {SPEC8("3%", CT_KIND_PERCENT, 3, 3, "%", 0, 0, "01.AI"), "percent|%|01.ai"},
    {SPEC8("3%", CT_KIND_PERCENT, 3, 3, "%", 0, 0, "EA's"), "percent|%|ea"},
    {SPEC8("3%", CT_KIND_PERCENT, 3, 3, "%", 0, 0, "\xe2\x80\x9c" "DeepSeek\xe2\x80\x9d"),
     "percent|%|deepseek"},
    {SPEC8("3%", CT_KIND_PERCENT, 3, 3, "%", 0, 0, "\"Acme Corp.\""), "percent|%|acme corp"},
    /* non-ASCII names are case-folded too */
    {SPEC8("5%", CT_KIND_PERCENT, 5, 5, "%", 0, 0, "\xc3\x89LYS\xc3\x89" "E"),
     "percent|%|elysee"}, /* marks stripped, as text.c folds */
};

START_TEST(match_keys)
{
    ct_claim c = make(&key_cases[_i].c);
    char key[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(&c, key, sizeof key);
    ck_assert_str_eq(key, key_cases[_i].key);
}
END_TEST

START_TEST(match_key_edges)
{
    spec s = SPEC8("$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek");
    ct_claim c = make(&s);
    char key[8] = "xxxxxxx";
    ct__claim_match_key(&c, key, 8); /* truncated, still terminated */
    ck_assert_str_eq(key, "money|U");
    ct__claim_match_key(&c, key, 0); /* nothing written */
    ck_assert_str_eq(key, "money|U");
    ct__claim_match_key(&c, NULL, 8);
    ct__claim_match_key(NULL, key, sizeof key);
    ck_assert_str_eq(key, "");
    /* a unit that fills its field without a NUL is read within it */
    c = make(&s);
    memcpy(c.unit, "ABCDEFGH", sizeof c.unit);
    char k3[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(&c, k3, sizeof k3);
    ck_assert_str_eq(k3, "money|ABCDEFGH|deepseek");
    c.kind = CT_KIND_DURATION;
    ct__claim_match_key(&c, k3, sizeof k3);
    ck_assert_str_eq(k3, "duration|ABCDEFGH|deepseek");
    /* a long entity is cut, so that the key fits CT_COMPARE_KEY_MAX */
    char longname[400];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    s.entity = longname;
    c = make(&s);
    char big[CT_COMPARE_KEY_MAX];
    ct__claim_match_key(&c, big, sizeof big);
    ck_assert_uint_eq(strlen(big), strlen("money|USD|") + CT_COMPARE_ENTITY_MAX);
    /* truncation never splits a UTF-8 sequence */
    s.entity = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"; /* three 3-byte characters */
    c = make(&s);
    char k2[15];
    ct__claim_match_key(&c, k2, sizeof k2); /* "money|USD|" is 10 bytes, room for 4 */
    ck_assert_str_eq(k2, "money|USD|\xe6\x97\xa5");
}
END_TEST

/* ---- relations ---------------------------------------------------------------------- */

typedef struct {
    const char *why;
    spec a, b;
    ct_rel_type want;
} rel_case;

#define USD(t, lo, hi, b, ent, subj) {t, CT_KIND_MONEY, lo, hi, "USD", b, 0, ent, subj, NULL}

static const rel_case rel_cases[] = {
    /* GUIDE.md, "Relations" */
    {"a round number agrees with a precise one inside it",
     USD("$43 million", 43e6, 43e6, CT_BOUND_EXACT, "Acme", "loss"),
     USD("$43,885,310", 43885310, 43885310, CT_BOUND_EXACT, "Acme", "net loss"),
     CT_REL_CORROBORATES},
    {"an upper bound agrees with a value below it",
     USD("less than $6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek", "training cost"),
     USD("$5.6 million", 5.6e6, 5.6e6, CT_BOUND_EXACT, "DeepSeek", "training cost"),
     CT_REL_CORROBORATES},
    {"seven years and eight years share a single point only",
     {"seven years", CT_KIND_DURATION, 7, 7, "year", 0, 0, "Acme", "jail term", NULL},
     {"eight years", CT_KIND_DURATION, 8, 8, "year", 0, 0, "Acme", "jail term", NULL},
     CT_REL_CONTRADICTS},
    {"exact to the cent",
     USD("$5,687.75", 5687.75, 5687.75, CT_BOUND_EXACT, "Acme", "fine"),
     USD("$5,587.75", 5587.75, 5587.75, CT_BOUND_EXACT, "Acme", "fine"), CT_REL_CONTRADICTS},
    {"the same to the cent",
     USD("$5,687.75", 5687.75, 5687.75, CT_BOUND_EXACT, "Acme", "fine"),
     USD("5,687.75 dollars", 5687.75, 5687.75, CT_BOUND_EXACT, "ACME", "fines"),
     CT_REL_CORROBORATES},
    {"20 to 40 times cheaper is not a tenth of the price",
     {"20 to 40 times", CT_KIND_RATIO, 20, 40, "x", CT_BOUND_RANGE, CT_DIR_LESS, "DeepSeek",
      "prices", NULL},
     {"a tenth of the price", CT_KIND_RATIO, 10, 10, "x", 0, CT_DIR_LESS, "DeepSeek",
      "price", NULL},
     CT_REL_CONTRADICTS},
    {"claims about different things never relate",
     USD("$3 million", 3e6, 3e6, CT_BOUND_EXACT, "01.AI", "cost to train model"),
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", "cost to train model"),
     CT_REL_NONE},
    /* qualifiers */
    {"about widens to 10%",
     {"about seven years", CT_KIND_DURATION, 7, 7, "year", CT_BOUND_APPROX, 0, "Acme",
      "jail term", NULL},
     {"eight years", CT_KIND_DURATION, 8, 8, "year", 0, 0, "Acme", "jail term", NULL},
     CT_REL_CORROBORATES},
    {"an upper and a lower bound that cannot meet",
     USD("under $6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek", "cost"),
     USD("well over $500 million", 5e8, OPEN, CT_BOUND_LOWER, "DeepSeek", "costs"),
     CT_REL_CONTRADICTS},
    {"two lower bounds can both be true",
     {"over 5", CT_KIND_COUNT, 5, OPEN, "count", CT_BOUND_LOWER, 0, "Acme", "plants", NULL},
     {"more than 10", CT_KIND_COUNT, 10, OPEN, "count", CT_BOUND_LOWER, 0, "Acme", "plants",
      NULL},
     CT_REL_CORROBORATES},
    {"two upper bounds can both be true",
     USD("under $6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek", "cost"),
     USD("less than $1 million", OPEN, 1e6, CT_BOUND_UPPER, "DeepSeek", "cost"),
     CT_REL_CORROBORATES},
    {"a range holds a value",
     {"between 3 and 5", CT_KIND_COUNT, 3, 5, "count", CT_BOUND_RANGE, 0, "Acme", "plants",
      NULL},
     {"four", CT_KIND_COUNT, 4, 4, "count", 0, 0, "Acme", "plants", NULL},
     CT_REL_CORROBORATES},
    {"a range misses a value",
     {"between 3 and 5", CT_KIND_COUNT, 3, 5, "count", CT_BOUND_RANGE, 0, "Acme", "plants",
      NULL},
     {"nine", CT_KIND_COUNT, 9, 9, "count", 0, 0, "Acme", "plants", NULL},
     CT_REL_CONTRADICTS},
    /* kinds and units */
    {"ratios compare only in the same direction",
     {"10 times", CT_KIND_RATIO, 10, 10, "x", 0, CT_DIR_LESS, "DeepSeek", "price", NULL},
     {"10 times", CT_KIND_RATIO, 10, 10, "x", 0, CT_DIR_MORE, "DeepSeek", "price", NULL},
     CT_REL_NONE},
    {"percent is not a ratio",
     {"10%", CT_KIND_PERCENT, 10, 10, "%", 0, 0, "Acme", "price", NULL},
     {"10 times", CT_KIND_RATIO, 10, 10, "x", 0, CT_DIR_MORE, "Acme", "price", NULL},
     CT_REL_NONE},
    {"percent is not percentage points",
     {"2%", CT_KIND_PERCENT, 2, 2, "%", 0, 0, "Acme", "growth", NULL},
     {"2 percentage points", CT_KIND_PERCENT, 2, 2, "pp", 0, 0, "Acme", "growth", NULL},
     CT_REL_NONE},
    {"money in different currencies is not compared",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "Acme", "cost"),
     {"6 million euros", CT_KIND_MONEY, 6e6, 6e6, "EUR", 0, 0, "Acme", "cost", NULL},
     CT_REL_NONE},
    {"months and weeks meet in days",
     {"two months", CT_KIND_DURATION, 2, 2, "month", 0, 0, "DeepSeek", "training time",
      NULL},
     {"eight weeks", CT_KIND_DURATION, 8, 8, "week", 0, 0, "DeepSeek", "training time", NULL},
     CT_REL_CORROBORATES},
    {"a year is not two months",
     {"a year", CT_KIND_DURATION, 1, 1, "year", 0, 0, "DeepSeek", "training time", NULL},
     {"two months", CT_KIND_DURATION, 2, 2, "month", 0, 0, "DeepSeek", "training time", NULL},
     CT_REL_CONTRADICTS},
    {"an age is not a duration",
     {"40 years", CT_KIND_AGE, 40, 40, "year", 0, 0, "Liang", "age", NULL},
     {"40 years", CT_KIND_DURATION, 40, 40, "year", 0, 0, "Liang", "age", NULL},
     CT_REL_NONE},
    {"ranks",
     {"second", CT_KIND_RANK, 2, 2, "rank", 0, 0, "DeepSeek", "app store chart", NULL},
     {"first", CT_KIND_RANK, 1, 1, "rank", 0, 0, "DeepSeek", "app store chart", NULL},
     CT_REL_CONTRADICTS},
    {"dates are not compared",
     {"May 2023", CT_KIND_DATE, OPEN, OPEN, "", 0, 0, "DeepSeek", "founding", NULL},
     {"May 2023", CT_KIND_DATE, OPEN, OPEN, "", 0, 0, "DeepSeek", "founding", NULL},
     CT_REL_NONE},
    /* subjects */
    {"same entity, different subjects",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "Acme", "revenue"),
     USD("$60 million", 6e7, 6e7, CT_BOUND_EXACT, "Acme", "profit"), CT_REL_NONE},
    {"terms are preferred to the subject phrase",
     {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", "spend",
      "cost train deepseek"},
     {"$9 million", CT_KIND_MONEY, 9e6, 9e6, "USD", 0, 0, "DeepSeek", "bill",
      "cost train"},
     CT_REL_CONTRADICTS},
    {"synonyms of cost meet",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", "spending on training"),
     USD("$6.2 million", 6.2e6, 6.2e6, CT_BOUND_EXACT, "DeepSeek", "training expenditures"),
     CT_REL_CORROBORATES},
    {"entity words in the terms do not make a subject",
     {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", NULL, "deepseek revenue"},
     {"$60 million", CT_KIND_MONEY, 6e7, 6e7, "USD", 0, 0, "DeepSeek", NULL, "deepseek profit"},
     CT_REL_NONE},
    {"terms naming only the entity fall back to the subject phrase",
     {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", "revenue", "deepseek"},
     /* agreeing values: without the fallback these would corroborate */
     {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", "profit", "DeepSeek"},
     CT_REL_NONE},
    {"possessives and curly quotes in terms",
     {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", NULL,
      "DeepSeek\xe2\x80\x99s model\xe2\x80\x99s training cost"},
     {"$6 million", CT_KIND_MONEY, 6e6, 6e6, "USD", 0, 0, "DeepSeek", NULL,
      "the model's training costs"},
     CT_REL_CORROBORATES},
    {"no subject: even equal values do not relate",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", NULL),
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", NULL), CT_REL_NONE},
    {"a subject on one side only",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", "training cost"),
     USD("$500 million", 5e8, 5e8, CT_BOUND_EXACT, "DeepSeek", NULL), CT_REL_NONE},
    {"a time reference is not a subject",
     USD("$639m", 6.39e8, 6.39e8, CT_BOUND_EXACT, NULL, "a year earlier"),
     USD("$1.4bn", 1.4e9, 1.4e9, CT_BOUND_EXACT, NULL, "year earlier"), CT_REL_NONE},
    {"nor is a direction",
     {"18%", CT_KIND_PERCENT, 18, 18, "%", 0, 0, "CML", "lower year", NULL},
     {"25%", CT_KIND_PERCENT, 25, 25, "%", 0, 0, "CML", "higher", NULL}, CT_REL_NONE},
    {"no entity: a subject with one shared word is not enough",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, NULL, "cost"),
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, NULL, "cost"), CT_REL_NONE},
    {"no entity: a subject spelt out alike is enough",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, NULL, "cost of the new bridge"),
     USD("$7 million", 7e6, 7e6, CT_BOUND_EXACT, NULL, "bridge cost"), CT_REL_CORROBORATES},
    {"an entity on one side only",
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", "cost"),
     USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, NULL, "cost"), CT_REL_NONE},
};

START_TEST(relations_follow_the_guide)
{
    const rel_case *rc = &rel_cases[_i];
    ct_claim a = make(&rc->a), b = make(&rc->b);
    double score = -1;
    char reason[256];
    ct_rel_type got = ct__compare_claims(&a, &b, &score, reason, sizeof reason);
    ck_assert_msg(got == rc->want, "%s: got %s, want %s (%s)", rc->why,
                  ct__rel_type_name(got), ct__rel_type_name(rc->want), reason);
    ck_assert_msg(score >= 0.0 && score <= 1.0, "%s: score %g", rc->why, score);
    if (got == CT_REL_NONE) {
        ck_assert(score == 0.0);
        ck_assert_str_eq(reason, "");
    } else {
        ck_assert(score > 0.0);
        ck_assert_uint_gt(strlen(reason), 10);
    }
    /* symmetric */
    double score2 = -1;
    ck_assert_int_eq(ct__compare_claims(&b, &a, &score2, NULL, 0), got);
    ck_assert(fabs(score - score2) < 1e-12);
}
END_TEST

/* The seed articles' gold relations (shared/eval/seeds.gold.json), with the values,
 * subjects and entities the gold gives. */
enum { G000_6M, G000_500M, G000_20X, G001_TENTH_PRICE, G001_6M, G001_TENTH_COST, G002_6M,
       G002_500M, G003_6M, NGOLD };

static const spec gold[NGOLD] = {
    [G000_6M] = USD("$6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek",
                    "official training spend"),
    [G000_500M] = USD("$500 million", 5e8, 5e8, CT_BOUND_EXACT, "DeepSeek", "GPUs owned"),
    [G000_20X] = {"20 to 40 times", CT_KIND_RATIO, 20, 40, "x", CT_BOUND_RANGE, CT_DIR_LESS,
                  "DeepSeek", "prices", NULL},
    [G001_TENTH_PRICE] = {"a tenth of the price", CT_KIND_RATIO, 10, 10, "x", CT_BOUND_EXACT,
                          CT_DIR_LESS, "DeepSeek", "price", NULL},
    [G001_6M] = USD("$6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek", "model cost"),
    [G001_TENTH_COST] = {"a tenth of the cost", CT_KIND_RATIO, 10, 10, "x", CT_BOUND_EXACT,
                         CT_DIR_LESS, "DeepSeek", "cost to train models", NULL},
    [G002_6M] = USD("$6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek",
                    "total training cost"),
    [G002_500M] = USD("$500 million", 5e8, OPEN, CT_BOUND_LOWER, "DeepSeek",
                      "hardware expenditures"),
    [G003_6M] = USD("$6 million", OPEN, 6e6, CT_BOUND_UPPER, "DeepSeek", "training cost"),
};

static const struct {
    int a, b;
    ct_rel_type want;
} gold_relations[] = {
    {G000_6M, G001_6M, CT_REL_CORROBORATES},   {G000_6M, G002_6M, CT_REL_CORROBORATES},
    {G000_6M, G003_6M, CT_REL_CORROBORATES},   {G001_6M, G002_6M, CT_REL_CORROBORATES},
    {G001_6M, G003_6M, CT_REL_CORROBORATES},   {G002_6M, G003_6M, CT_REL_CORROBORATES},
    {G000_500M, G002_500M, CT_REL_CORROBORATES},
    {G000_20X, G001_TENTH_PRICE, CT_REL_CONTRADICTS},
};

START_TEST(seed_gold_relations)
{
    ct_claim a = make(&gold[gold_relations[_i].a]);
    ct_claim b = make(&gold[gold_relations[_i].b]);
    a.doc_id = 1;
    b.doc_id = 2;
    double score;
    char reason[256];
    ct_rel_type got = ct__compare_claims(&a, &b, &score, reason, sizeof reason);
    ck_assert_msg(got == gold_relations[_i].want, "pair %d: got %s", _i,
                  ct__rel_type_name(got));
    ck_assert(score > 0.3 && score <= 1.0);
}
END_TEST

START_TEST(seed_pairs_about_different_things)
{
    /* a ratio of prices and one of training costs are not the same fact (optional in the
     * gold, but a careful reader would not call them a contradiction) */
    ct_claim a = make(&gold[G000_20X]), b = make(&gold[G001_TENTH_COST]);
    ck_assert_int_eq(ct__compare_claims(&a, &b, NULL, NULL, 0), CT_REL_NONE);
    /* the same document: no relation */
    a = make(&gold[G000_6M]);
    b = make(&gold[G001_6M]);
    a.doc_id = b.doc_id = 7;
    ck_assert_int_eq(ct__compare_claims(&a, &b, NULL, NULL, 0), CT_REL_NONE);
    ck_assert_int_eq(ct__compare_claims(&a, &a, NULL, NULL, 0), CT_REL_NONE);
    /* one stored claim read twice */
    b.doc_id = 8;
    ck_assert_int_eq(ct__compare_claims(&a, &b, NULL, NULL, 0), CT_REL_CORROBORATES);
    a.id = b.id = 42;
    ck_assert_int_eq(ct__compare_claims(&a, &b, NULL, NULL, 0), CT_REL_NONE);
    ck_assert_int_eq(ct__compare_claims(NULL, &a, NULL, NULL, 0), CT_REL_NONE);
    ck_assert_int_eq(ct__compare_claims(&a, NULL, NULL, NULL, 0), CT_REL_NONE);
}
END_TEST

START_TEST(reasons_in_words)
{
    char reason[256];
    double score;
    ct_claim a = make(&gold[G002_6M]), b = make(&gold[G003_6M]);
    ck_assert_int_eq(ct__compare_claims(&a, &b, &score, reason, sizeof reason),
                     CT_REL_CORROBORATES);
    ck_assert_str_eq(reason, "both say under $6 million for DeepSeek's total training cost");
    a = make(&gold[G000_20X]);
    b = make(&gold[G001_TENTH_PRICE]);
    ck_assert_int_eq(ct__compare_claims(&a, &b, &score, reason, sizeof reason),
                     CT_REL_CONTRADICTS);
    ck_assert_str_eq(reason, "A says 20 to 40 times less, B says 10 times less for "
                             "DeepSeek's prices: both cannot be true");
    a = make(&gold[G000_500M]);
    b = make(&gold[G002_500M]);
    ck_assert_int_eq(ct__compare_claims(&a, &b, &score, reason, sizeof reason),
                     CT_REL_CORROBORATES);
    ck_assert_str_eq(reason, "A says $500 million, B says over $500 million for DeepSeek's "
                             "GPUs owned: the values fit");
    /* a short buffer is truncated and terminated */
    char tiny[12];
    ck_assert_int_eq(ct__compare_claims(&a, &b, &score, tiny, sizeof tiny),
                     CT_REL_CORROBORATES);
    ck_assert_str_eq(tiny, "A says $500");
    ck_assert_str_eq(ct__rel_type_name(CT_REL_CORROBORATES), "corroborates");
    ck_assert_str_eq(ct__rel_type_name(CT_REL_CONTRADICTS), "contradicts");
    ck_assert_str_eq(ct__rel_type_name(CT_REL_NONE), "none");
    ck_assert_str_eq(ct__rel_type_name((ct_rel_type)42), "none");
}
END_TEST

START_TEST(closer_values_score_higher)
{
    spec s1 = USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", "training cost");
    spec s2 = USD("$6 million", 6e6, 6e6, CT_BOUND_EXACT, "DeepSeek", "training cost");
    spec s3 = USD("$6.5 million", 6.5e6, 6.5e6, CT_BOUND_EXACT, "DeepSeek", "training cost");
    ct_claim a = make(&s1), b = make(&s2), c = make(&s3);
    double same, near_score;
    ck_assert_int_eq(ct__compare_claims(&a, &b, &same, NULL, 0), CT_REL_CORROBORATES);
    ck_assert_int_eq(ct__compare_claims(&a, &c, &near_score, NULL, 0), CT_REL_CORROBORATES);
    ck_assert(same > near_score);
    ck_assert(near(same, 1.0));
}
END_TEST

/* ---- origins ------------------------------------------------------------------------ */

START_TEST(origin_keys)
{
    static const struct {
        const char *speaker, *kind, *org, *want;
    } cases[] = {
        {"DeepSeek", "organization", NULL, "deepseek"},
        {"deepseek\xe2\x80\x99s", "organization", NULL, "deepseek"},
        {"The  SemiAnalysis", "organization", NULL, "semianalysis"},
        {"Reid Hoffman", "person", "LinkedIn", "reid hoffman"},
        {"experts", "group", NULL, ""},
        {"a technical paper", "document", "DeepSeek", "deepseek"},
        {"a technical paper", "document", NULL, "a technical paper"},
        {NULL, NULL, NULL, ""},
        {"", "person", NULL, ""},
        {"some analysts", NULL, NULL, ""},
        {"Reuters", NULL, NULL, "reuters"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ct_claim c;
        memset(&c, 0, sizeof c);
        c.speaker = cases[i].speaker;
        c.speaker_kind = cases[i].kind;
        c.speaker_org = cases[i].org;
        char key[64] = "junk";
        ct__claim_origin_key(&c, key, sizeof key);
        ck_assert_msg(strcmp(key, cases[i].want) == 0, "case %zu: '%s'", i, key);
    }
    char key[4] = "zzz";
    ct__claim_origin_key(NULL, key, sizeof key);
    ck_assert_str_eq(key, "");
    ct_claim c;
    memset(&c, 0, sizeof c);
    c.speaker = "DeepSeek";
    ct__claim_origin_key(&c, key, sizeof key);
    ck_assert_str_eq(key, "dee");
    ct__claim_origin_key(&c, NULL, 4);
}
END_TEST

START_TEST(which_document_is_the_original)
{
    ck_assert_int_eq(ct__doc_original_cmp("2025-01-27", 5, "2025-01-28", 1), -1);
    ck_assert_int_eq(ct__doc_original_cmp("2025-02-01T10:00:00Z", 1, "2025-01-28", 5), 1);
    /* same day, or a date missing or malformed: the one ingested first */
    ck_assert_int_eq(ct__doc_original_cmp("2025-01-27", 5, "2025-01-27", 2), 1);
    ck_assert_int_eq(ct__doc_original_cmp(NULL, 2, "2025-01-27", 5), -1);
    ck_assert_int_eq(ct__doc_original_cmp("Friday, January 31", 9, "", 3), 1);
    ck_assert_int_eq(ct__doc_original_cmp(NULL, 3, NULL, 3), 0);
}
END_TEST

/* ---- derived documents ------------------------------------------------------------- */

static ct_doc_sig *sig_of(const char *text, size_t len)
{
    ct_doc_sig *sig = NULL;
    ck_assert_int_eq(ct__doc_sig_new(&sig, text, len), CT_OK);
    ck_assert_ptr_nonnull(sig);
    return sig;
}

static ct_doc_sig *sig_of_file(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", CT_SHARED_DIR, rel);
    size_t len;
    char *text = tu_read_file(path, &len);
    ct_doc_sig *sig = sig_of(text, len);
    free(text);
    return sig;
}

static const char *const seed_files[] = {
    "seeds/000_94a212f3ee19131d.txt", "seeds/001_bd6d019c7dd83926.txt",
    "seeds/002_280b931fd4fb2bfb.txt", "seeds/003_c40be52adcb961de.txt"};

START_TEST(seed_003_rewrites_002)
{
    ct_doc_sig *sig[4];
    for (int i = 0; i < 4; i++)
        sig[i] = sig_of_file(seed_files[i]);
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++) {
            double s = ct__doc_sig_similarity(sig[i], sig[j]);
            ck_assert(fabs(s - ct__doc_sig_similarity(sig[j], sig[i])) < 1e-12);
            if (i == 2 && j == 3) /* the gold's one derived document */
                ck_assert_msg(s >= CT_DOC_DERIVED_THRESHOLD + 0.08, "002~003: %.3f", s);
            else /* four outlets on one story, written apart */
                ck_assert_msg(s <= CT_DOC_DERIVED_THRESHOLD - 0.12, "%d~%d: %.3f", i, j, s);
        }
    for (int i = 0; i < 4; i++) {
        ck_assert(near(ct__doc_sig_similarity(sig[i], sig[i]), 1.0));
        ct__doc_sig_free(sig[i]);
    }
}
END_TEST

START_TEST(unrelated_news_is_not_derived)
{
    static const char *const files[] = {
        "corpus/bbc-news-2005/business/001.txt", "corpus/bbc-news-2005/business/120.txt",
        "corpus/bbc-news-2005/business/260.txt", "corpus/bbc-news-2005/tech/050.txt",
        "corpus/bbc-news-2005/tech/150.txt",     "corpus/bbc-news-2005/tech/300.txt",
        "seeds/001_bd6d019c7dd83926.txt",
    };
    enum { N = sizeof files / sizeof files[0] };
    ct_doc_sig *sig[N];
    for (int i = 0; i < N; i++)
        sig[i] = sig_of_file(files[i]);
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            double s = ct__doc_sig_similarity(sig[i], sig[j]);
            ck_assert_msg(s < 0.3, "%s ~ %s: %.3f", files[i], files[j], s);
        }
    for (int i = 0; i < N; i++)
        ct__doc_sig_free(sig[i]);
}
END_TEST

START_TEST(a_copy_with_furniture_is_derived)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", CT_SHARED_DIR, seed_files[1]);
    size_t len;
    char *text = tu_read_file(path, &len);
    /* a site that copies the article, adds its own header and footer and cuts the end */
    const char *head = "Home | World | Tech\nPosted by admin on Monday\n";
    const char *foot = "\nShare this: Facebook Twitter\nLeave a Reply\n";
    size_t keep = len * 2 / 3;
    size_t n = strlen(head) + keep + strlen(foot);
    char *copy = malloc(n);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, head, strlen(head));
    memcpy(copy + strlen(head), text, keep);
    memcpy(copy + strlen(head) + keep, foot, strlen(foot));
    ct_doc_sig *a = sig_of(text, len), *b = sig_of(copy, n);
    double s = ct__doc_sig_similarity(a, b);
    ck_assert_msg(s >= 0.9, "copy: %.3f", s);
    ct__doc_sig_free(a);
    ct__doc_sig_free(b);
    free(copy);
    free(text);
}
END_TEST

START_TEST(too_little_text_tells_nothing)
{
    const char *t = "DeepSeek said it spent $6 million.";
    ct_doc_sig *a = sig_of(t, strlen(t)), *b = sig_of(t, strlen(t));
    ck_assert(ct__doc_sig_similarity(a, b) == 0.0);
    ct_doc_sig *e = sig_of(NULL, 0); /* an empty document is fine */
    ck_assert(ct__doc_sig_similarity(a, e) == 0.0);
    ck_assert(ct__doc_sig_similarity(a, NULL) == 0.0);
    ck_assert(ct__doc_sig_similarity(NULL, NULL) == 0.0);
    ct__doc_sig_free(a);
    ct__doc_sig_free(b);
    ct__doc_sig_free(e);
    ct__doc_sig_free(NULL);
}
END_TEST

START_TEST(signature_bad_arguments)
{
    ct_doc_sig *sig = (ct_doc_sig *)1;
    ck_assert_int_eq(ct__doc_sig_new(NULL, "x", 1), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct__doc_sig_new: out is NULL");
    ck_assert_int_eq(ct__doc_sig_new(&sig, NULL, 3), CT_EINVAL);
    ck_assert_ptr_null(sig);
    ck_assert_str_eq(ct_errmsg(), "ct__doc_sig_new: text is NULL");
    unsigned char *blob = (unsigned char *)1;
    size_t len = 9;
    ck_assert_int_eq(ct__doc_sig_to_blob(NULL, &blob, &len), CT_EINVAL);
    ck_assert_ptr_null(blob);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(ct__doc_sig_to_blob(NULL, NULL, &len), CT_EINVAL);
    sig = (ct_doc_sig *)1;
    ck_assert_int_eq(ct__doc_sig_from_blob(&sig, NULL, 0), CT_EINVAL);
    ck_assert_ptr_null(sig);
    ck_assert_int_eq(ct__doc_sig_from_blob(NULL, (const unsigned char *)"CTS1", 4), CT_EINVAL);
    /* invalid UTF-8 is read past, not a failure */
    const char bad[] = "\xff\xfe Some \xc3 text \xe2\x80";
    sig = sig_of(bad, sizeof bad - 1);
    ct__doc_sig_free(sig);
}
END_TEST

START_TEST(signature_blob_round_trip)
{
    ct_doc_sig *a = sig_of_file(seed_files[2]), *c = sig_of_file(seed_files[3]);
    unsigned char *blob = NULL;
    size_t len = 0;
    ck_assert_int_eq(ct__doc_sig_to_blob(a, &blob, &len), CT_OK);
    ck_assert_uint_gt(len, 8);
    ck_assert(memcmp(blob, "CTS1", 4) == 0);
    ct_doc_sig *b = NULL;
    ck_assert_int_eq(ct__doc_sig_from_blob(&b, blob, len), CT_OK);
    ck_assert(near(ct__doc_sig_similarity(a, b), 1.0));
    ck_assert(near(ct__doc_sig_similarity(b, c), ct__doc_sig_similarity(a, c)));
    /* the same bytes again */
    unsigned char *blob2 = NULL;
    size_t len2 = 0;
    ck_assert_int_eq(ct__doc_sig_to_blob(b, &blob2, &len2), CT_OK);
    ck_assert_uint_eq(len2, len);
    ck_assert(memcmp(blob, blob2, len) == 0);

    /* damaged blobs are refused, never read past their end */
    ct_doc_sig *d = (ct_doc_sig *)1;
    ck_assert_int_eq(ct__doc_sig_from_blob(&d, blob, len - 1), CT_EINVAL);
    ck_assert_ptr_null(d);
    ck_assert_str_eq(ct_errmsg(), "document signature: bad length");
    ck_assert_int_eq(ct__doc_sig_from_blob(&d, blob, 3), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "document signature: not a version 1 signature");
    blob2[3] = '9';
    ck_assert_int_eq(ct__doc_sig_from_blob(&d, blob2, len2), CT_EINVAL);
    blob2[3] = '1';
    memcpy(blob2 + 8, blob2 + 16, 8); /* two equal shingles */
    ck_assert_int_eq(ct__doc_sig_from_blob(&d, blob2, len2), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "document signature: shingles out of order");
    memcpy(blob2 + 8, blob + 8, 8);
    size_t anchors_at = len2 - 4 * (size_t)(blob2[6] | blob2[7] << 8);
    ck_assert_uint_ge(len2 - anchors_at, 8);
    memcpy(blob2 + anchors_at + 4, blob2 + anchors_at, 4); /* two equal anchors */
    ck_assert_int_eq(ct__doc_sig_from_blob(&d, blob2, len2), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "document signature: repeated anchor");
    blob2[4] = 0xff; /* more shingles than a signature holds */
    ck_assert_int_eq(ct__doc_sig_from_blob(&d, blob2, len2), CT_EINVAL);
    ck_assert_ptr_null(d);

    /* the empty signature round-trips too */
    ct_doc_sig *e = sig_of("", 0);
    unsigned char *eb = NULL;
    size_t el = 0;
    ck_assert_int_eq(ct__doc_sig_to_blob(e, &eb, &el), CT_OK);
    ck_assert_uint_eq(el, 8);
    ct_doc_sig *e2 = NULL;
    ck_assert_int_eq(ct__doc_sig_from_blob(&e2, eb, el), CT_OK);
    ct__doc_sig_free(e2);
    ct__free(eb);
    ct__doc_sig_free(e);

    ct__free(blob);
    ct__free(blob2);
    ct__doc_sig_free(a);
    ct__doc_sig_free(b);
    ct__doc_sig_free(c);
}
END_TEST

static void *failing_malloc(size_t n)
{
    (void)n;
    return NULL;
}

static void *failing_realloc(void *p, size_t n)
{
    (void)p;
    (void)n;
    return NULL;
}

START_TEST(signature_out_of_memory)
{
    ct_doc_sig *a = sig_of("a b c", 5);
    ck_assert_int_eq(ct_set_allocator(failing_malloc, failing_realloc, free), CT_OK);
    ct_doc_sig *sig = (ct_doc_sig *)1;
    int rc = ct__doc_sig_new(&sig, "x y z", 5);
    unsigned char *blob = (unsigned char *)1;
    size_t len = 3;
    int rc2 = ct__doc_sig_to_blob(a, &blob, &len);
    ct_doc_sig *b = (ct_doc_sig *)1;
    int rc3 = ct__doc_sig_from_blob(&b, (const unsigned char *)"CTS1\0\0\0\0", 8);
    /* the key of a non-ASCII name still comes out (ASCII folding only) */
    spec s = {"5%", CT_KIND_PERCENT, 5, 5, "%", 0, 0, "Caf\xc3\xa9 Ltd", NULL, NULL};
    ct_claim c = make(&s);
    char key[64];
    ct__claim_match_key(&c, key, sizeof key);
    ck_assert_int_eq(ct_set_allocator(NULL, NULL, NULL), CT_OK);
    ck_assert_int_eq(rc, CT_ENOMEM);
    ck_assert_ptr_null(sig);
    ck_assert_int_eq(rc2, CT_ENOMEM);
    ck_assert_ptr_null(blob);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(rc3, CT_ENOMEM);
    ck_assert_ptr_null(b);
    ck_assert_str_eq(key, "percent|%|caf\xc3\xa9 ltd");
    ct__doc_sig_free(a);
}
END_TEST

/* ---- threads ----------------------------------------------------------------------- */

typedef struct {
    char *texts[4];
    size_t lens[4];
    double sims[6];
    ct_rel_type rels[sizeof gold_relations / sizeof gold_relations[0]];
    char reasons[sizeof gold_relations / sizeof gold_relations[0]][128];
    int rc;
} thread_work;

/* Everything a thread does here reads only its arguments: the same answers from any
 * number of threads at once. */
static int compare_worker(void *arg)
{
    thread_work *w = arg;
    for (int round = 0; round < 20; round++) {
        ct_doc_sig *sig[4] = {NULL, NULL, NULL, NULL};
        for (int i = 0; i < 4; i++)
            if (ct__doc_sig_new(&sig[i], w->texts[i], w->lens[i]) != CT_OK)
                w->rc = -1;
        int k = 0;
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++)
                w->sims[k++] = ct__doc_sig_similarity(sig[i], sig[j]);
        for (int i = 0; i < 4; i++)
            ct__doc_sig_free(sig[i]);
        for (size_t r = 0; r < sizeof gold_relations / sizeof gold_relations[0]; r++) {
            ct_claim a = make(&gold[gold_relations[r].a]);
            ct_claim b = make(&gold[gold_relations[r].b]);
            double score;
            w->rels[r] = ct__compare_claims(&a, &b, &score, w->reasons[r], sizeof w->reasons[r]);
        }
    }
    return 0;
}

START_TEST(same_answers_from_many_threads)
{
    enum { NT = 4 };
    thread_work work[NT];
    memset(work, 0, sizeof work);
    char *texts[4];
    size_t lens[4];
    for (int i = 0; i < 4; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", CT_SHARED_DIR, seed_files[i]);
        texts[i] = tu_read_file(path, &lens[i]);
    }
    thrd_t th[NT];
    for (int t = 0; t < NT; t++) {
        memcpy(work[t].texts, texts, sizeof texts);
        memcpy(work[t].lens, lens, sizeof lens);
        ck_assert_int_eq(thrd_create(&th[t], compare_worker, &work[t]), thrd_success);
    }
    for (int t = 0; t < NT; t++)
        ck_assert_int_eq(thrd_join(th[t], NULL), thrd_success);
    thread_work alone;
    memset(&alone, 0, sizeof alone);
    memcpy(alone.texts, texts, sizeof texts);
    memcpy(alone.lens, lens, sizeof lens);
    compare_worker(&alone);
    for (int t = 0; t < NT; t++) {
        ck_assert_int_eq(work[t].rc, 0);
        ck_assert(memcmp(work[t].sims, alone.sims, sizeof alone.sims) == 0);
        ck_assert(memcmp(work[t].rels, alone.rels, sizeof alone.rels) == 0);
        ck_assert(memcmp(work[t].reasons, alone.reasons, sizeof alone.reasons) == 0);
    }
    for (int i = 0; i < 4; i++)
        free(texts[i]);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("intervals");
    tcase_add_loop_test(tc, interval_from_rounding_and_qualifiers, 0,
                        sizeof interval_cases / sizeof interval_cases[0]);
    tcase_add_test(tc, interval_of_nothing_is_open);
    suite_add_tcase(s, tc);
    tc = tcase_create("keys");
    tcase_add_loop_test(tc, match_keys, 0, sizeof key_cases / sizeof key_cases[0]);
    tcase_add_test(tc, match_key_edges);
    suite_add_tcase(s, tc);
    tc = tcase_create("relations");
    tcase_add_loop_test(tc, relations_follow_the_guide, 0,
                        sizeof rel_cases / sizeof rel_cases[0]);
    tcase_add_loop_test(tc, seed_gold_relations, 0,
                        sizeof gold_relations / sizeof gold_relations[0]);
    tcase_add_test(tc, seed_pairs_about_different_things);
    tcase_add_test(tc, reasons_in_words);
    tcase_add_test(tc, closer_values_score_higher);
    suite_add_tcase(s, tc);
    tc = tcase_create("provenance");
    tcase_add_test(tc, origin_keys);
    tcase_add_test(tc, which_document_is_the_original);
    suite_add_tcase(s, tc);
    tc = tcase_create("derived documents");
    tcase_add_test(tc, seed_003_rewrites_002);
    tcase_add_test(tc, unrelated_news_is_not_derived);
    tcase_add_test(tc, a_copy_with_furniture_is_derived);
    tcase_add_test(tc, too_little_text_tells_nothing);
    tcase_add_test(tc, signature_bad_arguments);
    tcase_add_test(tc, signature_blob_round_trip);
    tcase_add_test(tc, signature_out_of_memory);
    suite_add_tcase(s, tc);
    tc = tcase_create("threads");
    tcase_add_test(tc, same_answers_from_many_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
