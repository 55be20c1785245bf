/* The quantity stage: numeric expressions -> kind, value, unit, bound, direction. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "claimtrack/claimtrack.h"
#include "quantity.h"
#include "segment.h"
#include "testutil.h"

#define OPEN NAN /* an open side of the interval (JSON null) */

/* Segment text and scan every sentence into qv. */
static int scan_text(const char *text, ct_quantity_vec *qv)
{
    ct_segmenter seg;
    ct__segment_init(&seg, text, strlen(text));
    const ct_block *blk;
    int rc;
    while ((rc = ct__segment_next(&seg, &blk)) == 1) {
        for (uint32_t s = 0; s < blk->nsents; s++) {
            rc = ct__quantity_scan(blk, s, qv);
            if (rc)
                break;
        }
        if (rc != 1 && rc != CT_OK)
            break;
    }
    ct__segment_free(&seg);
    return rc == 0 ? CT_OK : rc;
}

/* The first quantity (of any kind but NONE) overlapping the first occurrence of find. */
static const ct_quantity *find_q(const ct_quantity_vec *qv, const char *text,
                                 const char *find)
{
    const char *at = strstr(text, find);
    ck_assert_msg(at != NULL, "'%s' is not in '%s'", find, text);
    size_t s = (size_t)(at - text), e = s + strlen(find);
    for (size_t i = 0; i < qv->n; i++)
        if (qv->items[i].start < e && s < qv->items[i].end &&
            qv->items[i].kind != CT_KIND_NONE)
            return &qv->items[i];
    return NULL;
}

static bool same(bool has, double got, double want)
{
    if (isnan(want))
        return !has;
    return has && fabs(got - want) <= 1e-6 * fmax(1.0, fabs(want));
}

/* ---- values: every row of DESIGN.md's table, GUIDE.md's fields, and more -------- */

typedef struct {
    const char *text;
    const char *find;
    ct_kind kind;
    double low, high;
    const char *unit;
    ct_bound bound;
    ct_direction dir;
} vcase;

static const vcase values[] = {
    /* DESIGN.md "A claim's value" */
    {"DeepSeek spent less than $6 million on training.", "$6 million", CT_KIND_MONEY,
     OPEN, 6e6, "USD", CT_BOUND_UPPER, CT_DIR_NONE},
    {"The company may have $500 million worth of GPUs.", "$500 million", CT_KIND_MONEY,
     5e8, 5e8, "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"He said spending was \xe2\x80\x9cwell higher\xe2\x80\x9d than $500 million over "
     "the years.",
     "$500 million", CT_KIND_MONEY, 5e8, OPEN, "USD", CT_BOUND_LOWER, CT_DIR_NONE},
    {"Shares fell, wiping away about $600 billion in value.", "$600 billion",
     CT_KIND_MONEY, 6e11, 6e11, "USD", CT_BOUND_APPROX, CT_DIR_NONE},
    {"Its prices are 20 to 40 times cheaper than rivals.", "20 to 40 times",
     CT_KIND_RATIO, 20, 40, "x", CT_BOUND_RANGE, CT_DIR_LESS},
    {"The models match rivals at a tenth of the price.", "a tenth of the price",
     CT_KIND_RATIO, 10, 10, "x", CT_BOUND_EXACT, CT_DIR_LESS},
    {"I think 0.01% of those is real.", "0.01%", CT_KIND_PERCENT, 0.01, 0.01, "%",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"It bought 10,000 of Nvidia's A100 chips.", "10,000", CT_KIND_COUNT, 1e4, 1e4,
     "count", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The model was built in just two months.", "two months", CT_KIND_DURATION, 2, 2,
     "month", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Liang, who is around 40 years old, said little.", "40 years old", CT_KIND_AGE, 40,
     40, "year", CT_BOUND_APPROX, CT_DIR_NONE},
    {"The R1 model is ranked second only behind o1.", "second", CT_KIND_RANK, 2, 2,
     "rank", CT_BOUND_EXACT, CT_DIR_NONE},
    /* GUIDE.md bounds */
    {"It cost under $6 million.", "$6 million", CT_KIND_MONEY, OPEN, 6e6, "USD",
     CT_BOUND_UPPER, CT_DIR_NONE},
    {"Prices fell below 5%.", "5%", CT_KIND_PERCENT, OPEN, 5, "%", CT_BOUND_UPPER,
     CT_DIR_NONE},
    {"It will hire up to 300 engineers.", "300", CT_KIND_COUNT, OPEN, 300, "count",
     CT_BOUND_UPPER, CT_DIR_NONE},
    {"They sold at most 12 units.", "12", CT_KIND_COUNT, OPEN, 12, "count",
     CT_BOUND_UPPER, CT_DIR_NONE},
    {"They paid no more than $40 each.", "$40", CT_KIND_MONEY, OPEN, 40, "USD",
     CT_BOUND_UPPER, CT_DIR_NONE},
    {"There were fewer than 50 protesters.", "50", CT_KIND_COUNT, OPEN, 50, "count",
     CT_BOUND_UPPER, CT_DIR_NONE},
    {"It has more than 13,000 rural users.", "13,000", CT_KIND_COUNT, 13000, OPEN,
     "count", CT_BOUND_LOWER, CT_DIR_NONE},
    {"The deal is worth over $2bn.", "$2bn", CT_KIND_MONEY, 2e9, OPEN, "USD",
     CT_BOUND_LOWER, CT_DIR_NONE},
    {"Sales rose above 7% last year.", "7%", CT_KIND_PERCENT, 7, OPEN, "%",
     CT_BOUND_LOWER, CT_DIR_NONE},
    {"The ink lasts at least 72 hours.", "72 hours", CT_KIND_DURATION, 72, OPEN, "hour",
     CT_BOUND_LOWER, CT_DIR_NONE},
    {"Estimates run upwards of $1 trillion.", "$1 trillion", CT_KIND_MONEY, 1e12, OPEN,
     "USD", CT_BOUND_LOWER, CT_DIR_NONE},
    {"The group raised roughly $43 million.", "$43 million", CT_KIND_MONEY, 43e6, 43e6,
     "USD", CT_BOUND_APPROX, CT_DIR_NONE},
    {"Nearly 40 percent of voters agreed.", "40 percent", CT_KIND_PERCENT, 40, 40, "%",
     CT_BOUND_APPROX, CT_DIR_NONE},
    {"Almost three months passed.", "three months", CT_KIND_DURATION, 3, 3, "month",
     CT_BOUND_APPROX, CT_DIR_NONE},
    {"About 2000 people marched.", "2000", CT_KIND_COUNT, 2000, 2000, "count",
     CT_BOUND_APPROX, CT_DIR_NONE},
    {"Some 40 people died.", "40", CT_KIND_COUNT, 40, 40, "count", CT_BOUND_APPROX,
     CT_DIR_NONE},
    {"It spent an estimated $1.4 billion.", "$1.4 billion", CT_KIND_MONEY, 1.4e9, 1.4e9,
     "USD", CT_BOUND_APPROX, CT_DIR_NONE},
    {"It employs 500 staff or more.", "500", CT_KIND_COUNT, 500, OPEN, "count",
     CT_BOUND_LOWER, CT_DIR_NONE},
    {"The number is above 1000 and below 1500.", "1000", CT_KIND_NUMBER, 1000, 1500, "",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"The stock fell as much as 8% in early trade.", "8%", CT_KIND_PERCENT, OPEN, 8, "%",
     CT_BOUND_UPPER, CT_DIR_NONE},
    {"Fares start at as little as $2.", "$2", CT_KIND_MONEY, 2, OPEN, "USD",
     CT_BOUND_LOWER, CT_DIR_NONE},
    /* ranges */
    {"Margins were between 5% and 6% last year.", "5% and 6%", CT_KIND_PERCENT, 5, 6, "%",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"It will cost between 3 and 5 euros.", "3 and 5", CT_KIND_MONEY, 3, 5, "EUR",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"The state will spend $3-5 billion.", "$3-5 billion", CT_KIND_MONEY, 3e9, 5e9, "USD",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"Forecasts call for a 2% to 3% rise.", "2% to 3%", CT_KIND_PERCENT, 2, 3, "%",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"The surcharge rose from \xc2\xa3"
     "6 to \xc2\xa3"
     "10 a flight.",
     "6 to", CT_KIND_MONEY, 6, 10, "GBP", CT_BOUND_RANGE, CT_DIR_NONE},
    {"It hires 20\xe2\x80\x93"
     "30 people a week.",
     "20", CT_KIND_COUNT, 20, 30, "count", CT_BOUND_RANGE, CT_DIR_NONE},
    /* digits, separators, decimals, scale words and abbreviations */
    {"Profits jumped to $1.13bn this year.", "$1.13bn", CT_KIND_MONEY, 1.13e9, 1.13e9,
     "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The fund holds $1.8 bln in cash.", "$1.8 bln", CT_KIND_MONEY, 1.8e9, 1.8e9, "USD",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"Revenue hit 3bn yuan in 2024.", "3bn yuan", CT_KIND_MONEY, 3e9, 3e9, "CNY",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The startup raised $6m from angels.", "$6m", CT_KIND_MONEY, 6e6, 6e6, "USD",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"Over 10K users signed up.", "10K", CT_KIND_COUNT, 1e4, OPEN, "count",
     CT_BOUND_LOWER, CT_DIR_NONE},
    {"Pernod is valued at 8.2bn euros now.", "8.2bn euros", CT_KIND_MONEY, 8.2e9, 8.2e9,
     "EUR", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The dollar reached $1.2871 against the euro.", "$1.2871", CT_KIND_MONEY, 1.2871,
     1.2871, "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"He was paid 6 million dollars.", "6 million dollars", CT_KIND_MONEY, 6e6, 6e6,
     "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Russia accepted a US$150 million loan.", "US$150 million", CT_KIND_MONEY, 1.5e8,
     1.5e8, "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Exports fell to HK$10.05 billion.", "HK$10.05 billion", CT_KIND_MONEY, 1.005e10,
     1.005e10, "HKD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The fine was \xe2\x82\xac"
     "4.3bn in total.",
     "4.3bn", CT_KIND_MONEY, 4.3e9, 4.3e9, "EUR", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The rebate is \xc2\xa5"
     "5,000 a year.",
     "5,000", CT_KIND_MONEY, 5000, 5000, "JPY", CT_BOUND_EXACT, CT_DIR_NONE},
    {"It issued 125 million Australian dollars of bonds.", "125 million", CT_KIND_MONEY,
     1.25e8, 1.25e8, "AUD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The subsidy was USD 200 per family.", "USD 200", CT_KIND_MONEY, 200, 200, "USD",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"Shares closed up four pence.", "four pence", CT_KIND_MONEY, 0.04, 0.04, "GBP",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"It only cost 3 dollars 50 cents.", "3 dollars", CT_KIND_MONEY, 3.5, 3.5, "USD",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The deficit will stay close to half a trillion dollars.", "half a trillion",
     CT_KIND_MONEY, 5e11, 5e11, "USD", CT_BOUND_APPROX, CT_DIR_NONE},
    {"He was fined $5 million and two years in prison.", "$5 million", CT_KIND_MONEY, 5e6,
     5e6, "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"I can give you 3 hundred and 21 yuan.", "3 hundred", CT_KIND_MONEY, 321, 321, "CNY",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"He got five million dollars and two years in jail.", "five million dollars",
     CT_KIND_MONEY, 5e6, 5e6, "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    /* number words */
    {"There are two countries that can do this.", "two countries", CT_KIND_COUNT, 2, 2,
     "count", CT_BOUND_EXACT, CT_DIR_NONE},
    {"They hired forty-five engineers.", "forty-five", CT_KIND_COUNT, 45, 45, "count",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"She bought a dozen eggs.", "a dozen", CT_KIND_COUNT, 12, 12, "count",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The project took one-and-a-half years.", "one-and-a-half years", CT_KIND_DURATION,
     1.5, 1.5, "year", CT_BOUND_EXACT, CT_DIR_NONE},
    {"It has three hundred and twenty members.", "three hundred and twenty",
     CT_KIND_COUNT, 320, 320, "count", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Some six million people downloaded it.", "six million", CT_KIND_COUNT, 6e6, 6e6,
     "count", CT_BOUND_APPROX, CT_DIR_NONE},
    /* percent, percentage points, shares, odds */
    {"Unemployment rose 0.5 percentage points.", "0.5 percentage points", CT_KIND_PERCENT,
     0.5, 0.5, "pp", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Inflation was 2.4 per cent in May.", "2.4 per cent", CT_KIND_PERCENT, 2.4, 2.4, "%",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"Donors covered two-thirds of the funding gap.", "two-thirds", CT_KIND_PERCENT,
     200.0 / 3, 200.0 / 3, "%", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Half of voters backed the plan.", "Half", CT_KIND_PERCENT, 50, 50, "%",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"He has a one-in-three chance of winning.", "one-in-three", CT_KIND_PERCENT,
     100.0 / 3, 100.0 / 3, "%", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Rates rose by a quarter of a percentage point.", "a quarter", CT_KIND_PERCENT, 0.25,
     0.25, "pp", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The Fed raised rates by 25 basis points.", "25 basis points", CT_KIND_PERCENT, 0.25,
     0.25, "pp", CT_BOUND_EXACT, CT_DIR_NONE},
    {"One in five adults smokes.", "One in five", CT_KIND_PERCENT, 20, 20, "%",
     CT_BOUND_EXACT, CT_DIR_NONE},
    /* multipliers */
    {"Chips are three times faster than before.", "three times", CT_KIND_RATIO, 3, 3, "x",
     CT_BOUND_EXACT, CT_DIR_MORE},
    {"Its revenue doubled last year.", "doubled", CT_KIND_RATIO, 2, 2, "x",
     CT_BOUND_EXACT, CT_DIR_MORE},
    {"Output saw a three-fold increase.", "three-fold", CT_KIND_RATIO, 3, 3, "x",
     CT_BOUND_EXACT, CT_DIR_MORE},
    {"Costs were halved in a year.", "halved", CT_KIND_RATIO, 2, 2, "x", CT_BOUND_EXACT,
     CT_DIR_LESS},
    {"Handsets cost one-third the price of new ones.", "one-third", CT_KIND_RATIO, 3, 3,
     "x", CT_BOUND_EXACT, CT_DIR_LESS},
    {"The chip is up to 10 times faster.", "10 times", CT_KIND_RATIO, OPEN, 10, "x",
     CT_BOUND_UPPER, CT_DIR_MORE},
    {"The new chip draws 0.5 times the power.", "0.5 times", CT_KIND_RATIO, 2, 2, "x",
     CT_BOUND_EXACT, CT_DIR_LESS},
    {"Exports increased five times in a decade.", "five times", CT_KIND_RATIO, 5, 5, "x",
     CT_BOUND_EXACT, CT_DIR_MORE},
    {"Sales were twice what analysts expected.", "twice", CT_KIND_RATIO, 2, 2, "x",
     CT_BOUND_EXACT, CT_DIR_MORE},
    {"Rivals train models for a 10th of the cost.", "10th", CT_KIND_RATIO, 10, 10, "x",
     CT_BOUND_EXACT, CT_DIR_LESS},
    {"It needs 11 times less compute.", "11 times", CT_KIND_RATIO, 11, 11, "x",
     CT_BOUND_EXACT, CT_DIR_LESS},
    {"The model is 10x cheaper to run.", "10x", CT_KIND_RATIO, 10, 10, "x",
     CT_BOUND_EXACT, CT_DIR_LESS},
    /* durations, ages, ranks */
    {"The firm sought bankruptcy five years ago.", "five years", CT_KIND_DURATION, 5, 5,
     "year", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The code stays active for 60 seconds.", "60 seconds", CT_KIND_DURATION, 60, 60,
     "second", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The talks lasted a decade or so.", "decade", CT_KIND_NONE, 0, 0, "", CT_BOUND_EXACT,
     CT_DIR_NONE},
    {"A 40-year-old man was arrested.", "40-year-old", CT_KIND_AGE, 40, 40, "year",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The baby was only ten months old.", "ten months old", CT_KIND_AGE, 10, 10, "month",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"It seeks people aged 18 to 99.", "18 to 99", CT_KIND_AGE, 18, 99, "year",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"Children aged five to 11 can apply.", "five to 11", CT_KIND_AGE, 5, 11, "year",
     CT_BOUND_RANGE, CT_DIR_NONE},
    {"Women aged over 55 are the largest group.", "55", CT_KIND_AGE, 55, OPEN, "year",
     CT_BOUND_LOWER, CT_DIR_NONE},
    {"DeepSeek became the No. 1 free app on the App Store.", "No. 1", CT_KIND_RANK, 1, 1,
     "rank", CT_BOUND_EXACT, CT_DIR_NONE},
    {"Its founder, Liang Wenfeng, 40, runs a fund.", "40", CT_KIND_AGE, 40, 40, "year",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The cost was higher by a factor of ten.", "ten", CT_KIND_RATIO, 10, 10, "x",
     CT_BOUND_EXACT, CT_DIR_MORE},
    {"UFJ is Japan's fourth-largest bank.", "fourth", CT_KIND_RANK, 4, 4, "rank",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The game was put in 60th place.", "60th", CT_KIND_RANK, 60, 60, "rank",
     CT_BOUND_EXACT, CT_DIR_NONE},
    /* bare numbers, fractions, powers */
    {"The answer is 192.", "192", CT_KIND_NUMBER, 192, 192, "", CT_BOUND_EXACT,
     CT_DIR_NONE},
    {"It was 1 234 567 in all.", "1 234 567", CT_KIND_NUMBER, 1234567, 1234567, "",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The value is 1.3e6 here.", "1.3e6", CT_KIND_NUMBER, 1.3e6, 1.3e6, "",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The result is two hundred point zero three.", "two hundred point zero three",
     CT_KIND_NUMBER, 200.03, 200.03, "", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The result is 12,34,567.89 rupees.", "12,34,567.89", CT_KIND_MONEY, 1234567.89,
     1234567.89, "INR", CT_BOUND_EXACT, CT_DIR_NONE},
    {"The result is \xc2\xbd now.", "\xc2\xbd", CT_KIND_NUMBER, 0.5, 0.5, "",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"Temperatures fell to -5 degrees.", "5", CT_KIND_NUMBER, -5, -5, "", CT_BOUND_EXACT,
     CT_DIR_NONE},
    {"The bill cost 40 pounds last year.", "40 pounds", CT_KIND_MONEY, 40, 40, "GBP",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The baby weighs just six pounds.", "six", CT_KIND_NONE, 0, 0, "", CT_BOUND_EXACT,
     CT_DIR_NONE},
    /* measures are numbers, not counts */
    {"Cafes must be at least 200 metres from schools.", "200", CT_KIND_NUMBER, 200, OPEN,
     "", CT_BOUND_LOWER, CT_DIR_NONE},
    /* a short word before the number starts the amount: the scan finds it from the
     * number, and must not pass over it with the words that cannot */
    {"The fund holds MAUD 60 in cash.", "MAUD 60", CT_KIND_MONEY, 6e7, 6e7, "AUD",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"Costs rose to US $ 75 million.", "US $ 75 million", CT_KIND_MONEY, 7.5e7, 7.5e7,
     "USD", CT_BOUND_EXACT, CT_DIR_NONE},
    {"He paid Rs 45,000 for it.", "Rs 45,000", CT_KIND_MONEY, 45000, 45000, "INR",
     CT_BOUND_EXACT, CT_DIR_NONE},
    {"The budget was EUR 3.5 billion.", "EUR 3.5 billion", CT_KIND_MONEY, 3.5e9, 3.5e9,
     "EUR", CT_BOUND_EXACT, CT_DIR_NONE},
    /* a malformed numerator makes no mixed fraction (it was read uninitialised) */
    {"It was 10-20 12,34,5671/2 in all.", "10-20", CT_KIND_NUMBER, 10, 20, "",
     CT_BOUND_RANGE, CT_DIR_NONE},
};

START_TEST(value_table)
{
    const vcase *c = &values[_i];
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(c->text, &qv), CT_OK);
    const ct_quantity *q = find_q(&qv, c->text, c->find);
    if (c->kind == CT_KIND_NONE) {
        ck_assert_msg(q == NULL || q->kind == CT_KIND_DATE || q->kind == CT_KIND_NUMBER,
                      "'%s' in '%s' should not be a measured quantity", c->find, c->text);
        ct__quantity_vec_free(&qv);
        return;
    }
    ck_assert_msg(q != NULL, "no quantity at '%s' in '%s'", c->find, c->text);
    ck_assert_msg(q->kind == c->kind, "'%s': kind %d, want %d", c->text, q->kind,
                  c->kind);
    ck_assert_msg(same(q->has_low, q->low, c->low), "'%s': low %s%g, want %g", c->text,
                  q->has_low ? "" : "(open) ", q->low, c->low);
    ck_assert_msg(same(q->has_high, q->high, c->high), "'%s': high %s%g, want %g",
                  c->text, q->has_high ? "" : "(open) ", q->high, c->high);
    ck_assert_msg(strcmp(q->unit, c->unit) == 0, "'%s': unit '%s', want '%s'", c->text,
                  q->unit, c->unit);
    ck_assert_msg(q->bound == c->bound, "'%s': bound %d, want %d", c->text, q->bound,
                  c->bound);
    ck_assert_msg(q->direction == c->dir, "'%s': direction %d, want %d", c->text,
                  q->direction, c->dir);
    /* every measured row of the table is a claim: no "not a claim" flag */
    if (c->kind >= CT_KIND_MONEY && c->kind <= CT_KIND_RANK)
        ck_assert_msg((q->flags & CT_QF_NOT_CLAIM) == 0, "'%s': flags %#x", c->text,
                      q->flags);
    ct__quantity_vec_free(&qv);
}
END_TEST

/* ---- numbers inside names, dates, times: never amounts ------------------------- */

typedef struct {
    const char *text;
    const char *find;
} ncase;

static const ncase names[] = {
    {"DeepSeek released R1 on Monday.", "R1"},
    {"It is behind OpenAI's o1 model.", "o1"},
    {"It bought Nvidia A100 chips.", "A100"},
    {"Kai-Fu Lee, the creator of 01.AI, spoke.", "01.AI"},
    {"Security firm Qihoo 360 said so.", "360"},
    {"But COP29 is more about climate.", "COP29"},
    {"Chinese media site 36Kr reported it.", "36Kr"},
    {"The attacks of 9/11 changed that.", "9/11"},
    {"They drove along Route 66 again.", "66"},
    {"The House passed H.R. 1 yesterday.", "1"},
    {"Section 230 protects platforms.", "230"},
    {"Shops are open 24/7 now.", "24/7"},
    {"It should not have passed in the first place.", "first"},
    {"The case, No. 10-277, was argued.", "10-277"},
    {"Trading closed at 10:30 on Friday.", "10:30"},
    {"Shares rose 4% by 3 p.m. on Monday.", "3 p.m."},
    {"See http://example.com/search?q=30%25%2020% for more.", "30%25"},
    {"Sales of the iPhone 15 were strong.", "15"},
    {"They carried AK-47 rifles and F-16 jets.", "47"},
    {"Call 555-1234 or +1-222-2222 today.", "555-1234"},
    {"He walked into 10 Downing Street.", "10"},
    {"Call +1-222-2222 today.", "222"},
    {"It streams 4K video.", "4K"},
    {"Anthropic released Claude 3.5 Sonnet and the S&P 500 rose.", "3.5"},
    {"Anthropic released Claude 3.5 Sonnet and the S&P 500 rose.", "500"},
    {"OpenAI's GPT-4 and Meta's Llama 3 were compared.", "4"},
};

START_TEST(names_are_not_quantities)
{
    const ncase *c = &names[_i];
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(c->text, &qv), CT_OK);
    const ct_quantity *q = find_q(&qv, c->text, c->find);
    ck_assert_msg(q == NULL, "'%s' in '%s' gave a quantity of kind %d", c->find, c->text,
                  q ? (int)q->kind : 0);
    ct__quantity_vec_free(&qv);
}
END_TEST

static const ncase dates[] = {
    {"The firm was founded in May 2023.", "May 2023"},
    {"R1 was released on January 20, 2025.", "January 20"},
    {"It had bought the chips by 2022.", "2022"},
    {"The protests of 1989 were erased.", "1989"},
    {"Friday, January 31 was the deadline.", "January 31"},
    {"Results for 31 December 2004 are out.", "31 December"},
    {"Growth in the 1990s was strong.", "1990s"},
    {"The meeting is on 5/17/2018 at noon.", "5/17/2018"},
    {"Fiscal 2020-21 results were weak.", "2020-21"},
};

START_TEST(dates_are_dates)
{
    const ncase *c = &dates[_i];
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(c->text, &qv), CT_OK);
    const ct_quantity *q = find_q(&qv, c->text, c->find);
    ck_assert_msg(q != NULL && q->kind == CT_KIND_DATE, "'%s' in '%s' is not a date (%d)",
                  c->find, c->text, q ? (int)q->kind : -1);
    ct__quantity_vec_free(&qv);
}
END_TEST

/* ---- GUIDE.md "not claims" and "optional": recognised, flagged ------------------ */

typedef struct {
    const char *text;
    const char *find;
    uint32_t flag;
} fcase;

static const fcase flagged[] = {
    {"Less than the billions upon billions of dollars spent by Big Tech.", "billions",
     CT_QF_VAGUE},
    {"If there were only two countries in the world, what then?", "two countries",
     CT_QF_HYPOTHETICAL},
    {"If it had cost a billion dollars, nobody would care.", "a billion dollars",
     CT_QF_HYPOTHETICAL},
    {"The plan was confirmed by two people familiar with the matter.", "two people",
     CT_QF_SOURCING},
    {"Three sources said the talks had stalled.", "Three sources", CT_QF_SOURCING},
    {"He met China's No. 2 official, Premier Li.", "No. 2", CT_QF_TITLE},
    {"The Senate voted 97-1 for the bill.", "97-1", CT_QF_TALLY},
    {"Jon Kyl, the No. 2 Republican in the Senate, said so.", "No. 2", CT_QF_TITLE},
    {"The bill passed the Senate 68-32 on Tuesday.", "68-32", CT_QF_TALLY},
    {"It is one of the largest firms.", "one", CT_QF_IDIOM},
    {"If there is one thing we know, it is this.", "one thing", CT_QF_IDIOM},
    {"It was the biggest one-day loss in history.", "one-day", CT_QF_IDIOM},
    {"The goal is net zero emissions by 2050.", "zero", CT_QF_IDIOM},
};

START_TEST(not_claims_are_flagged)
{
    const fcase *c = &flagged[_i];
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(c->text, &qv), CT_OK);
    const ct_quantity *q = find_q(&qv, c->text, c->find);
    bool not_claim = q == NULL || (q->flags & c->flag) || q->kind == CT_KIND_NUMBER;
    ck_assert_msg(not_claim, "'%s' in '%s': flags %#x, want %#x", c->find, c->text,
                  q ? q->flags : 0, c->flag);
    if (q && q->kind != CT_KIND_NUMBER)
        ck_assert_msg(q->flags & c->flag, "'%s': flags %#x, want %#x", c->text, q->flags,
                      c->flag);
    ct__quantity_vec_free(&qv);
}
END_TEST

/* ---- invariants ------------------------------------------------------------------- */

static void check_invariants(const char *text, const ct_quantity_vec *qv)
{
    size_t len = strlen(text), prev_end = 0;
    for (size_t i = 0; i < qv->n; i++) {
        const ct_quantity *q = &qv->items[i];
        ck_assert_msg(q->start < q->end && q->end <= len, "span [%zu, %zu)", q->start,
                      q->end);
        ck_assert_msg(q->start >= prev_end,
                      "quantities overlap or are out of order at %zu", q->start);
        prev_end = q->end;
        ck_assert_msg((!q->has_low || isfinite(q->low)) &&
                          (!q->has_high || isfinite(q->high)),
                      "a value that is not finite at %zu", q->start);
        if (q->has_low && q->has_high)
            ck_assert_msg(q->low <= q->high, "low %g > high %g at '%.*s'", q->low,
                          q->high, (int)(q->end - q->start), text + q->start);
        if (q->kind == CT_KIND_RATIO)
            ck_assert_msg((!q->has_low || q->low >= 1) && q->direction != CT_DIR_NONE,
                          "ratio below 1 or without a direction");
        ck_assert(q->unit[sizeof q->unit - 1] == '\0');
    }
}

START_TEST(no_inverted_ranges)
{
    static const char text[] = "The score was 396-9 and the index fell 5-3 points; "
                               "phone 555-1234 or 1-222-2222.";
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(text, &qv), CT_OK);
    check_invariants(text, &qv);
    const ct_quantity *q = find_q(&qv, text, "396");
    ck_assert_ptr_nonnull(q);
    ck_assert(!(q->bound == CT_BOUND_RANGE && q->low == 396 && q->high == 9));
    ct__quantity_vec_free(&qv);
}
END_TEST

START_TEST(bare_percent_signs)
{
    static const char text[] = "%%%%%%%% %%%% 100%% and % signs, and a small percent.";
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(text, &qv), CT_OK);
    check_invariants(text, &qv);
    ck_assert_uint_le(qv.n, 3);
    const ct_quantity *q = find_q(&qv, text, "100");
    ck_assert_ptr_nonnull(q);
    ck_assert_int_eq(q->kind, CT_KIND_PERCENT);
    ct__quantity_vec_free(&qv);
}
END_TEST

/* The scan looks for starts 64 tokens at a time: a quantity is read wherever it falls
 * in a long sentence, across those windows too, and whatever its first token is. */
START_TEST(long_sentence_windows)
{
    static const struct {
        const char *expr, *find;
        double low;
    } exprs[] = {
        {"$5 million", "$5", 5e6},      {"12 percent", "12", 12},
        {"a dozen", "dozen", 12},       {"three", "three", 3},
        {"\xE2\x82\xAC" "4 billion", "4", 4e9}, {"US$ 7", "7", 7},
        {"\xC2\xBD", "\xC2\xBD", 0.5}, {"USD115", "USD115", 115},
    };
    char text[2048];
    for (size_t e = 0; e < sizeof exprs / sizeof exprs[0]; e++) {
        for (int before = 0; before < 140; before += (before > 50 && before < 72) ? 1 : 7) {
            size_t n = 0;
            for (int k = 0; k < before; k++) /* words, commas and possessives */
                n += (size_t)snprintf(text + n, sizeof text - n, "%s ",
                                      k % 5 == 4 ? "walk," : k % 7 == 6 ? "cat's" : "the");
            n += (size_t)snprintf(text + n, sizeof text - n, "%s lobsters and then %s more",
                                  exprs[e].expr, exprs[e].expr);
            ck_assert_uint_lt(n, sizeof text - 1);
            ct_quantity_vec qv = {0};
            ck_assert_int_eq(scan_text(text, &qv), CT_OK);
            check_invariants(text, &qv);
            const ct_quantity *q = find_q(&qv, text, exprs[e].find);
            ck_assert_msg(q != NULL, "'%s' after %d words", exprs[e].expr, before);
            ck_assert_double_eq_tol(q->low, exprs[e].low, 1e-9 * exprs[e].low);
            /* the second one, after the first */
            const char *second = strstr(strstr(text, " and then ") + 10, exprs[e].find);
            size_t s = (size_t)(second - text);
            bool found = false;
            for (size_t i = 0; i < qv.n; i++)
                found |= qv.items[i].start <= s && s < qv.items[i].end &&
                         qv.items[i].low == q->low;
            ck_assert_msg(found, "second '%s' after %d words", exprs[e].expr, before);
            ct__quantity_vec_free(&qv);
        }
    }
}
END_TEST

START_TEST(seed_articles)
{
    static const char *const files[] = {
        "000_94a212f3ee19131d.txt", "001_bd6d019c7dd83926.txt",
        "002_280b931fd4fb2bfb.txt", "003_c40be52adcb961de.txt"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[512];
        snprintf(path, sizeof path, "%s/seeds/%s", CT_SHARED_DIR, files[f]);
        size_t len;
        char *text = tu_read_file(path, &len);
        ct_quantity_vec qv = {0};
        ck_assert_int_eq(scan_text(text, &qv), CT_OK);
        check_invariants(text, &qv);
        /* every seed reports DeepSeek's "$6 million" as an upper bound */
        const ct_quantity *q = find_q(&qv, text, "$6 million");
        ck_assert_ptr_nonnull(q);
        ck_assert_int_eq(q->kind, CT_KIND_MONEY);
        ck_assert_int_eq(q->bound, CT_BOUND_UPPER);
        ck_assert(!q->has_low && q->high == 6e6);
        ct__quantity_vec_free(&qv);
        free(text);
    }
}
END_TEST

START_TEST(hostile_input)
{
    /* random runs of number pieces, signs and number words: no crash, sane output */
    static const char *const pieces[] = {"9",
                                         "0",
                                         "12",
                                         ",",
                                         ".",
                                         "-",
                                         "\xe2\x80\x93",
                                         "/",
                                         ":",
                                         "^",
                                         "e",
                                         "x",
                                         "k",
                                         "m",
                                         "bn",
                                         "$",
                                         "\xe2\x82\xac",
                                         "\xc2\xa3",
                                         "%",
                                         "\xc2\xbd",
                                         "+",
                                         "<",
                                         "=",
                                         "~",
                                         "one",
                                         "two",
                                         "half",
                                         "a",
                                         "and",
                                         "to",
                                         "between",
                                         "of",
                                         "the",
                                         "price",
                                         "times",
                                         "fold",
                                         "percent",
                                         "per",
                                         "cent",
                                         "million",
                                         "years",
                                         "old",
                                         "aged",
                                         "No",
                                         "US",
                                         "USD",
                                         "MUSD",
                                         "over",
                                         "under",
                                         "about",
                                         "more",
                                         "than",
                                         "or",
                                         "less",
                                         "if",
                                         "two-thirds",
                                         "dozen",
                                         "point",
                                         "zero",
                                         "e999",
                                         "^999",
                                         "\xe2\x80\x9c",
                                         "\xe2\x80\x9d",
                                         "(",
                                         ")",
                                         "\n",
                                         "\xe5\x85\x83"};
    size_t cap = 60000, len = 0;
    char *text = malloc(cap + 1);
    ck_assert_ptr_nonnull(text);
    unsigned seed = 12345;
    while (len + 16 < cap) {
        seed = seed * 1103515245u + 12345u;
        const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
        size_t n = strlen(p);
        memcpy(text + len, p, n);
        len += n;
        if ((seed >> 8) & 1)
            text[len++] = ' ';
    }
    text[len] = '\0';
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(scan_text(text, &qv), CT_OK);
    check_invariants(text, &qv);
    ck_assert_uint_gt(qv.n, 0);
    ct__quantity_vec_free(&qv);
    free(text);
}
END_TEST

START_TEST(lexicon_is_sorted)
{
    const char *bad = ct__quantity_lexicon_check();
    ck_assert_msg(bad == NULL, "lexicon out of order at '%s'", bad ? bad : "");
}
END_TEST

static void *fail_malloc(size_t n)
{
    (void)n;
    return NULL;
}
static void *fail_realloc(void *p, size_t n)
{
    (void)p;
    (void)n;
    return NULL;
}

START_TEST(allocation_failure)
{
    static const char text[] = "It cost $6 million.";
    ct_segmenter seg;
    ct__segment_init(&seg, text, strlen(text));
    const ct_block *blk;
    ck_assert_int_eq(ct__segment_next(&seg, &blk), 1);
    ct_quantity_vec qv = {0};
    ck_assert_int_eq(ct_set_allocator(fail_malloc, fail_realloc, free), CT_OK);
    int rc = ct__quantity_scan(blk, 0, &qv);
    ck_assert_int_eq(ct_set_allocator(NULL, NULL, NULL), CT_OK);
    ck_assert_int_eq(rc, CT_ENOMEM);
    ck_assert_uint_eq(qv.n, 0);
    ct__quantity_vec_free(&qv);
    ct__segment_free(&seg);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("quantity");
    TCase *tc = tcase_create("values");
    tcase_add_loop_test(tc, value_table, 0, (int)(sizeof values / sizeof values[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("names");
    tcase_add_loop_test(tc, names_are_not_quantities, 0,
                        (int)(sizeof names / sizeof names[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("dates");
    tcase_add_loop_test(tc, dates_are_dates, 0, (int)(sizeof dates / sizeof dates[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("not_claims");
    tcase_add_loop_test(tc, not_claims_are_flagged, 0,
                        (int)(sizeof flagged / sizeof flagged[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("robustness");
    tcase_add_test(tc, no_inverted_ranges);
    tcase_add_test(tc, bare_percent_signs);
    tcase_add_test(tc, long_sentence_windows);
    tcase_add_test(tc, seed_articles);
    tcase_add_test(tc, hostile_input);
    tcase_add_test(tc, lexicon_is_sorted);
    tcase_add_test(tc, allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
