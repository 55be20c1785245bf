/* Quotes, speakers and hedges.
 *
 * One pass over a block's tokens finds its quotations and its reporting frames (a source,
 * a cue such as "said" or "according to", and the stretch of the sentence the cue covers);
 * claims then take the speaker of the quote or frame that covers them. Nothing here
 * rescans a sentence per claim. The state carried between blocks is only what a reader
 * carries: recent speakers (for "he", "the company", "Lehane") and an open quote. */
#include "attrib.h"

#include <stdlib.h>
#include <string.h>

#include "claimtrack/errors.h"
#include "error.h"
#include "text.h"

/* ---- words ------------------------------------------------------------------------ */

enum {
    W_CUE = 1u << 0,      /* a reporting verb: "said", "claims", "estimated" */
    W_CUE_INV = 1u << 1,  /* may come before its source: "said Lehane" */
    W_CUE_WEAK = 1u << 2, /* needs a clear source to count ("found", "thinks") */
    W_GROUP = 1u << 3,    /* anonymous groups: "experts", "analysts" */
    W_DOC = 1u << 4,      /* documents: "paper", "report", "poll" */
    W_ROLE = 1u << 5,     /* roles: "spokesman", "CEO", "founder" */
    W_TITLE = 1u << 6,    /* titles before a name: "Mr", "Sen", "President" */
    W_ORGWORD = 1u << 7,  /* words naming organisations: "company", "Inc", "Ministry" */
    W_PRON = 1u << 8,     /* pronouns that can be a source */
    W_STOP = 1u << 9,     /* ends a source phrase */
    W_SKIP = 1u << 10,    /* adverbs and auxiliaries between source and cue */
    W_DET = 1u << 11,     /* starts a noun phrase */
    W_HEDGE = 1u << 12,   /* marks a claim uncertain */
    W_RECIP = 1u << 13,   /* "told": the next noun phrase is the listener */
    W_ING = 1u << 14,     /* "saying", "claiming": the source is the clause's subject */
    W_OWNED = 1u << 15,   /* "X's statement", "X's claims": the owner speaks */
    W_SKIP2 = 1u << 16,   /* "a report published by X": the author follows */
};

typedef struct {
    const char *w;
    unsigned f;
} word;

/* Sorted by w (strcmp order): looked up with bsearch, read-only, thread-safe. */
static const word words[] = {
    {"a", W_DET | W_STOP},
    {"about", W_STOP},
    {"according", W_CUE},
    {"acknowledged", W_CUE | W_CUE_INV},
    {"acknowledges", W_CUE},
    {"added", W_CUE | W_CUE_INV},
    {"adding", W_CUE | W_ING},
    {"adds", W_CUE | W_CUE_INV},
    {"administration", W_ORGWORD},
    {"admitted", W_CUE},
    {"adviser", W_ROLE},
    {"advisers", W_GROUP},
    {"advisor", W_ROLE},
    {"after", W_STOP},
    {"agency", W_ORGWORD},
    {"aide", W_ROLE},
    {"aides", W_GROUP},
    {"all", W_STOP},
    {"allegedly", W_HEDGE},
    {"alleges", W_CUE},
    {"also", W_SKIP},
    {"an", W_DET | W_STOP},
    {"analysis", W_DOC | W_OWNED},
    {"analyst", W_ROLE},
    {"analysts", W_GROUP},
    {"and", W_STOP},
    {"announced", W_CUE | W_CUE_INV},
    {"announcement", W_DOC | W_OWNED},
    {"announces", W_CUE},
    {"announcing", W_CUE | W_ING},
    {"are", W_STOP},
    {"argued", W_CUE | W_CUE_INV},
    {"argues", W_CUE | W_CUE_INV},
    {"arguing", W_CUE | W_ING},
    {"as", W_STOP},
    {"asserted", W_CUE},
    {"asserts", W_CUE},
    {"assessment", W_DOC | W_OWNED},
    {"at", W_STOP},
    {"attorney", W_ROLE},
    {"bank", W_ORGWORD},
    {"be", W_STOP},
    {"because", W_STOP},
    {"been", W_STOP},
    {"believe", W_CUE | W_CUE_WEAK},
    {"believed", W_HEDGE},
    {"believes", W_CUE | W_CUE_WEAK},
    {"bill", W_DOC},
    {"board", W_ORGWORD},
    {"book", W_DOC},
    {"budget", W_DOC},
    {"but", W_STOP},
    {"by", W_STOP},
    {"campaign", W_ORGWORD},
    {"candidate", W_ROLE},
    {"ceo", W_ROLE},
    {"chairman", W_ROLE},
    {"chief", W_ROLE},
    {"claim", W_CUE | W_DOC | W_OWNED},
    {"claimed", W_CUE | W_CUE_INV},
    {"claiming", W_CUE | W_ING},
    {"claims", W_CUE | W_OWNED},
    {"co", W_ORGWORD},
    {"commission", W_ORGWORD},
    {"committee", W_ORGWORD},
    {"companies", W_GROUP},
    {"company", W_ORGWORD},
    {"complaint", W_DOC},
    {"concluded", W_CUE | W_CUE_WEAK},
    {"conducted", W_SKIP2},
    {"confirmed", W_CUE},
    {"contends", W_CUE},
    {"continued", W_SKIP},
    {"corp", W_ORGWORD},
    {"could", W_HEDGE | W_SKIP},
    {"council", W_ORGWORD},
    {"count", W_DOC},
    {"countered", W_CUE | W_CUE_INV},
    {"critics", W_GROUP},
    {"data", W_DOC},
    {"declared", W_CUE},
    {"democrats", W_GROUP},
    {"department", W_ORGWORD},
    {"did", W_SKIP},
    {"director", W_ROLE},
    {"document", W_DOC},
    {"documents", W_DOC},
    {"economist", W_ROLE},
    {"economists", W_GROUP},
    {"email", W_DOC},
    {"emails", W_DOC},
    {"embassy", W_ORGWORD},
    {"emphasized", W_CUE},
    {"estimate", W_DOC | W_HEDGE | W_OWNED},
    {"estimated", W_CUE | W_HEDGE},
    {"estimates", W_CUE | W_HEDGE | W_OWNED},
    {"estimating", W_CUE | W_ING},
    {"executive", W_ROLE},
    {"executives", W_GROUP},
    {"expects", W_HEDGE},
    {"experts", W_GROUP},
    {"explained", W_CUE | W_CUE_INV},
    {"explaining", W_CUE | W_ING},
    {"explains", W_CUE | W_CUE_INV},
    {"figures", W_DOC},
    {"files", W_DOC},
    {"filing", W_DOC},
    {"filings", W_DOC},
    {"find", W_CUE | W_CUE_WEAK},
    {"finding", W_CUE | W_ING},
    {"finds", W_CUE | W_CUE_WEAK},
    {"firm", W_ORGWORD},
    {"firms", W_GROUP},
    {"for", W_STOP},
    {"forecast", W_HEDGE},
    {"forecasts", W_HEDGE},
    {"found", W_CUE | W_CUE_WEAK},
    {"founder", W_ROLE},
    {"from", W_STOP},
    {"go", W_SKIP},
    {"goes", W_SKIP},
    {"government", W_ORGWORD},
    {"governor", W_ROLE},
    {"group", W_ORGWORD},
    {"had", W_SKIP},
    {"has", W_SKIP},
    {"have", W_SKIP},
    {"he", W_PRON},
    {"head", W_ROLE},
    {"her", W_DET | W_PRON | W_STOP},
    {"him", W_PRON | W_STOP},
    {"his", W_DET | W_STOP},
    {"how", W_STOP},
    {"i", W_PRON},
    {"if", W_STOP},
    {"in", W_STOP},
    {"inc", W_ORGWORD},
    {"indicated", W_CUE},
    {"indicates", W_CUE},
    {"insisted", W_CUE | W_CUE_INV},
    {"insists", W_CUE | W_CUE_INV},
    {"institute", W_ORGWORD},
    {"investors", W_GROUP},
    {"is", W_STOP},
    {"issued", W_SKIP2},
    {"it", W_PRON},
    {"its", W_DET | W_STOP},
    {"lab", W_ORGWORD},
    {"later", W_SKIP},
    {"lawmakers", W_GROUP},
    {"lawyer", W_ROLE},
    {"leader", W_ROLE},
    {"letter", W_DOC},
    {"likely", W_HEDGE},
    {"ltd", W_ORGWORD},
    {"maintained", W_CUE},
    {"may", W_HEDGE | W_SKIP},
    {"me", W_PRON | W_STOP},
    {"member", W_ROLE},
    {"memo", W_DOC},
    {"might", W_HEDGE | W_SKIP},
    {"ministry", W_ORGWORD},
    {"mr", W_TITLE},
    {"mrs", W_TITLE},
    {"ms", W_TITLE},
    {"nominee", W_ROLE},
    {"noted", W_CUE | W_CUE_INV},
    {"notes", W_CUE | W_CUE_INV},
    {"noting", W_CUE | W_ING},
    {"observers", W_GROUP},
    {"of", W_STOP},
    {"office", W_ORGWORD},
    {"official", W_ROLE},
    {"officials", W_GROUP},
    {"on", W_STOP},
    {"once", W_SKIP},
    {"or", W_STOP},
    {"organization", W_ORGWORD},
    {"our", W_DET | W_STOP},
    {"paper", W_DOC | W_OWNED},
    {"people", W_GROUP},
    {"perhaps", W_HEDGE},
    {"pointed", W_CUE},
    {"poll", W_DOC},
    {"polls", W_DOC},
    {"possibly", W_HEDGE},
    {"posted", W_CUE | W_CUE_INV},
    {"predicted", W_CUE | W_CUE_INV | W_HEDGE},
    {"predicts", W_CUE | W_HEDGE},
    {"president", W_TITLE | W_ROLE},
    {"previously", W_SKIP},
    {"professor", W_ROLE},
    {"projected", W_HEDGE},
    {"projections", W_HEDGE},
    {"publicly", W_SKIP},
    {"published", W_SKIP2},
    {"recalled", W_CUE | W_CUE_INV},
    {"recently", W_SKIP},
    {"records", W_DOC},
    {"released", W_SKIP2},
    {"remarked", W_CUE | W_CUE_INV},
    {"repeatedly", W_SKIP},
    {"replied", W_CUE | W_CUE_INV},
    {"report", W_DOC | W_OWNED},
    {"reported", W_CUE | W_CUE_INV},
    {"reportedly", W_HEDGE | W_SKIP},
    {"reporting", W_CUE | W_ING},
    {"reports", W_CUE | W_DOC | W_OWNED},
    {"republicans", W_GROUP},
    {"researcher", W_ROLE},
    {"researchers", W_GROUP},
    {"residents", W_GROUP},
    {"responded", W_CUE | W_CUE_INV},
    {"results", W_DOC},
    {"revealed", W_CUE},
    {"reveals", W_CUE},
    {"said", W_CUE | W_CUE_INV},
    {"say", W_CUE},
    {"saying", W_CUE | W_ING},
    {"says", W_CUE | W_CUE_INV},
    {"scientists", W_GROUP},
    {"secretary", W_ROLE},
    {"sen", W_TITLE},
    {"senator", W_ROLE},
    {"she", W_PRON},
    {"should", W_SKIP},
    {"show", W_CUE | W_CUE_WEAK},
    {"showed", W_CUE | W_CUE_WEAK},
    {"showing", W_CUE | W_ING},
    {"shows", W_CUE | W_CUE_WEAK},
    {"source", W_ROLE},
    {"sources", W_GROUP},
    {"spokesman", W_ROLE},
    {"spokesmen", W_GROUP},
    {"spokesperson", W_ROLE},
    {"spokeswoman", W_ROLE},
    {"startup", W_ORGWORD},
    {"startups", W_GROUP},
    {"stated", W_CUE | W_CUE_INV},
    {"statement", W_DOC | W_OWNED},
    {"states", W_CUE},
    {"stating", W_CUE | W_ING},
    {"strategist", W_ROLE},
    {"stressed", W_CUE},
    {"studies", W_DOC},
    {"study", W_DOC | W_OWNED},
    {"suggested", W_CUE | W_HEDGE},
    {"suggests", W_CUE | W_HEDGE},
    {"survey", W_DOC},
    {"surveys", W_DOC},
    {"tally", W_DOC},
    {"testified", W_CUE},
    {"that", W_STOP},
    {"the", W_DET | W_STOP},
    {"their", W_DET | W_STOP},
    {"them", W_PRON | W_STOP},
    {"they", W_PRON},
    {"think", W_CUE | W_CUE_WEAK | W_HEDGE},
    {"thinks", W_CUE | W_CUE_WEAK | W_HEDGE},
    {"this", W_STOP},
    {"those", W_STOP},
    {"to", W_STOP},
    {"told", W_CUE | W_RECIP},
    {"transcript", W_DOC},
    {"tweeted", W_CUE | W_CUE_INV},
    {"university", W_ORGWORD},
    {"us", W_PRON | W_STOP},
    {"voters", W_GROUP},
    {"warned", W_CUE | W_CUE_INV},
    {"warning", W_CUE | W_ING},
    {"was", W_STOP},
    {"we", W_PRON},
    {"went", W_SKIP},
    {"were", W_STOP},
    {"what", W_STOP},
    {"when", W_STOP},
    {"where", W_STOP},
    {"which", W_STOP},
    {"while", W_STOP},
    {"who", W_PRON},
    {"whom", W_STOP},
    {"why", W_STOP},
    {"will", W_SKIP},
    {"with", W_STOP},
    {"would", W_SKIP},
    {"writes", W_CUE | W_CUE_INV},
    {"written", W_SKIP2},
    {"wrote", W_CUE | W_CUE_INV},
    {"you", W_STOP},
};

static int word_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const word *)elem)->w);
}

/* Flags of a token's word (ASCII case-folded); 0 for anything not listed. */
static unsigned wflags(const char *buf, const ct_token *t)
{
    if (t->kind != CT_TOK_WORD || t->len > 15)
        return 0;
    char key[16];
    for (uint32_t i = 0; i < t->len; i++) {
        unsigned char c = (unsigned char)buf[t->start + i];
        if (c >= 0x80)
            return 0;
        key[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    key[t->len] = '\0';
    const word *w = bsearch(key, words, sizeof words / sizeof words[0], sizeof words[0],
                            word_cmp);
    return w ? w->f : 0;
}

/* ---- state ------------------------------------------------------------------------ */

typedef enum { SK_PERSON, SK_ORG, SK_GROUP, SK_DOC } spk_kind;

static const char *const kind_names[] = {"person", "organization", "group", "document"};

typedef struct {
    const char *name, *role, *org; /* in doc->arena */
    spk_kind kind;
    bool generic; /* "the governor": a source, but not one "he" refers to */
} speaker;

/* A reporting frame: a source, its cue and the tokens the cue covers. */
typedef struct {
    uint32_t cue;       /* token of the cue */
    uint32_t ca, cb;    /* covered tokens [ca, cb) */
    uint32_t ca2, cb2;  /* a second covered stretch (parenthetical frames), or empty */
    int spk;            /* index into st->spk, or -1 (unresolved) */
} frame;

/* A quotation of the block: marks at tokens open and close (close may be ntoks). */
typedef struct {
    uint32_t open, close;
    uint32_t words;
    int spk;
    bool speech; /* more than a scare quote */
} quote;

#define RECENT 16

struct ct_attrib {
    speaker *spk;
    size_t nspk, spk_cap;
    int recent[RECENT]; /* most recent first: indexes into spk */
    int nrecent;
    int last_quote_spk;   /* speaker of the last quotation, for continued quotes */
    bool quote_open;      /* the last block ended inside a quotation */
    size_t last_quote_para;
    /* per-block scratch, reused */
    frame *fr;
    size_t nfr, fr_cap;
    quote *qs;
    size_t nqs, qs_cap;
};

int ct__attrib_new(ct_attrib **out)
{
    *out = ct__calloc(1, sizeof **out);
    if (!*out)
        return CT_ENOMEM;
    (*out)->last_quote_spk = -1;
    return CT_OK;
}

void ct__attrib_free(ct_attrib *st)
{
    if (!st)
        return;
    ct__free(st->spk);
    ct__free(st->fr);
    ct__free(st->qs);
    ct__free(st);
}

int ct__attrib_finish(ct_attrib *st, ct_doc *doc)
{
    (void)doc;
    st->quote_open = false;
    return CT_OK;
}

/* ---- token helpers ---------------------------------------------------------------- */

static bool is_word(const ct_token *t) { return t->kind == CT_TOK_WORD; }

static bool is_cap(const ct_token *t)
{
    return t->kind == CT_TOK_WORD && (t->flags & (CT_TF_CAP | CT_TF_ALLCAPS)) &&
           !(t->flags & CT_TF_POSSESSIVE);
}

static bool is_punct(const ct_token *t, int32_t cp)
{
    return t->kind == CT_TOK_PUNCT && t->cp == cp;
}

static bool is_open_mark(int32_t cp) { return cp == 0x201C || cp == 0x00AB || cp == 0x201E; }

static bool is_close_mark(int32_t cp) { return cp == 0x201D || cp == 0x00BB || cp == 0x201F; }

static bool is_dquote(const ct_token *t)
{
    return t->kind == CT_TOK_PUNCT &&
           (t->cp == '"' || is_open_mark(t->cp) || is_close_mark(t->cp));
}

static size_t tok_end(const ct_token *t) { return t->start + t->len; }

/* ---- speakers --------------------------------------------------------------------- */

static void remember(ct_attrib *st, int idx)
{
    int n = st->nrecent < RECENT ? st->nrecent : RECENT - 1;
    int k = 0;
    for (; k < st->nrecent; k++)
        if (st->recent[k] == idx)
            break;
    if (k < st->nrecent)
        n = k;
    memmove(st->recent + 1, st->recent, (size_t)n * sizeof st->recent[0]);
    st->recent[0] = idx;
    if (k == st->nrecent && st->nrecent < RECENT)
        st->nrecent++;
}

static int add_speaker(ct_attrib *st, const speaker *s)
{
    for (size_t i = 0; i < st->nspk; i++) {
        const speaker *o = &st->spk[i];
        if (o->kind == s->kind && strcmp(o->name, s->name) == 0) {
            if (!o->role && s->role)
                st->spk[i].role = s->role;
            if (!o->org && s->org)
                st->spk[i].org = s->org;
            remember(st, (int)i);
            return (int)i;
        }
    }
    if (CT_GROW(st->spk, st->spk_cap, st->nspk + 1))
        return -2;
    st->spk[st->nspk] = *s;
    remember(st, (int)st->nspk);
    return (int)st->nspk++;
}

/* Last word of a name ("Lehane" of "Chris Lehane"). */
static const char *last_word(const char *s)
{
    const char *sp = strrchr(s, ' ');
    return sp ? sp + 1 : s;
}

/* A recent speaker of kind k (any kind when k < 0), or -1. */
static int recent_of(const ct_attrib *st, int k)
{
    for (int i = 0; i < st->nrecent; i++)
        if ((k < 0 || st->spk[st->recent[i]].kind == (spk_kind)k) &&
            !st->spk[st->recent[i]].generic)
            return st->recent[i];
    return -1;
}

/* Copy tokens [a, b) of the block as clean text in the arena. */
static const char *tok_text(ct_doc *doc, const ct_block *blk, uint32_t a, uint32_t b)
{
    if (a >= b)
        return NULL;
    size_t s = blk->toks[a].start, e = tok_end(&blk->toks[b - 1]);
    char *dst = ct__arena_alloc(&doc->arena, e - s + 1);
    if (dst)
        ct__text_clean(dst, e - s + 1, blk->buf + s, e - s);
    return dst;
}

/* Build a speaker from the noun phrase [a, b): titles and roles go to role, "of Y" and
 * "Y's" to org, the rest is the name. Returns the speaker index, -1 when the phrase is
 * not a usable source, -2 when out of memory. */
static int np_speaker(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t a,
                      uint32_t b)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    while (a + 1 < b && (wflags(buf, &toks[a]) & W_DET))
        a++;
    if (a >= b)
        return -1;
    speaker s = {0};
    /* pronouns and "the company": the last fitting speaker */
    if (b - a == 1) {
        unsigned f = wflags(buf, &toks[a]);
        if (f & W_PRON) {
            if (ct__tok_is(buf, &toks[a], "he") || ct__tok_is(buf, &toks[a], "she") ||
                ct__tok_is(buf, &toks[a], "i") || ct__tok_is(buf, &toks[a], "him") ||
                ct__tok_is(buf, &toks[a], "her") || ct__tok_is(buf, &toks[a], "me"))
                return recent_of(st, SK_PERSON);
            if (ct__tok_is(buf, &toks[a], "it"))
                return recent_of(st, SK_ORG);
            return -1; /* they, we, who: not resolved here */
        }
        if ((f & W_ORGWORD) && !is_cap(&toks[a]) && a > 0 &&
            ct__tok_is(buf, &toks[a - 1], "the")) {
            /* "the embassy": the last speaker so named, else "the company": the last
             * organisation */
            for (int i = 0; i < st->nrecent; i++) {
                const char *lw = last_word(st->spk[st->recent[i]].name);
                if (strlen(lw) == toks[a].len && ct__tok_is(buf, &toks[a], lw))
                    return st->recent[i];
            }
            if (ct__tok_is(buf, &toks[a], "company") || ct__tok_is(buf, &toks[a], "firm") ||
                ct__tok_is(buf, &toks[a], "startup") || ct__tok_is(buf, &toks[a], "lab")) {
                int r = recent_of(st, SK_ORG);
                if (r >= 0)
                    return r;
            }
        }
    }
    /* "Y's X": org Y */
    uint32_t name_a = a;
    for (uint32_t i = a; i < b; i++) {
        if (toks[i].flags & CT_TF_POSSESSIVE) {
            s.org = tok_text(doc, blk, a, i);
            name_a = i + 1;
            break;
        }
    }
    /* "X of Y": org Y */
    uint32_t name_b = b;
    for (uint32_t i = name_a; i < b; i++) {
        if (ct__tok_is(buf, &toks[i], "of") || ct__tok_is(buf, &toks[i], "at") ||
            ct__tok_is(buf, &toks[i], "in") || ct__tok_is(buf, &toks[i], "for")) {
            if (i + 1 < b && !s.org)
                s.org = tok_text(doc, blk, i + 1, b);
            name_b = i;
            break;
        }
    }
    /* leading titles and roles */
    uint32_t t = name_a;
    while (t < name_b) {
        unsigned f = wflags(buf, &toks[t]);
        if ((f & (W_TITLE | W_ROLE)) || (t > name_a && is_punct(&toks[t], '.') &&
                                         (wflags(buf, &toks[t - 1]) & W_TITLE)))
            t++;
        else
            break;
    }
    bool has_cap = false, lower_head = false;
    unsigned head = name_b > name_a ? wflags(buf, &toks[name_b - 1]) : 0;
    for (uint32_t i = t; i < name_b; i++)
        has_cap |= is_cap(&toks[i]);
    if (name_b > name_a && !is_cap(&toks[name_b - 1]))
        lower_head = true;
    if (t > name_a && t < name_b && has_cap && !lower_head) {
        s.role = tok_text(doc, blk, name_a, t);
        name_a = t;
    }
    bool role_only = t >= name_b && name_b > name_a;
    if (name_a < name_b && (head & W_DOC) && s.org && name_a > a) {
        /* "the embassy's statement": the owner speaks */
        return np_speaker(st, doc, blk, a, name_a - 1);
    }
    if (role_only) {
        /* "Google DeepMind's CEO", "the CEO of Y": the role names the speaker */
        s.role = tok_text(doc, blk, name_a, name_b);
        s.name = tok_text(doc, blk, a, b);
        s.kind = SK_PERSON;
    } else if (name_a >= name_b) {
        if (!s.org)
            return -1;
        s.name = s.org;
        s.kind = SK_ORG;
    } else {
        s.name = tok_text(doc, blk, name_a, name_b);
        if (head & W_DOC)
            s.kind = SK_DOC;
        else if (head & W_GROUP)
            s.kind = SK_GROUP;
        else if (head & (W_ORGWORD))
            s.kind = SK_ORG;
        else if (lower_head && (head & W_ROLE))
            s.kind = SK_PERSON;
        else if (lower_head) { /* "the governor", "the results" */
            s.kind = buf[toks[name_b - 1].start + toks[name_b - 1].len - 1] == 's' ? SK_GROUP
                                                                             : SK_PERSON;
            s.generic = true;
        }
        else if (name_b - name_a == 1 && (toks[name_a].flags & CT_TF_ALLCAPS))
            s.kind = SK_ORG;
        else if (s.role || name_b - name_a >= 2)
            s.kind = SK_PERSON;
        else
            s.kind = SK_ORG;
    }
    if (!s.name)
        return -2;
    /* a later mention: "Lehane" -> "Chris Lehane" */
    if (s.kind == SK_ORG && name_b - name_a == 1) {
        for (int i = 0; i < st->nrecent; i++) {
            const speaker *o = &st->spk[st->recent[i]];
            if (o->kind == SK_PERSON && strchr(o->name, ' ') &&
                strcmp(last_word(o->name), s.name) == 0) {
                int found = st->recent[i];
                remember(st, found);
                return found;
            }
        }
        for (size_t i = 0; i < st->nspk; i++) {
            const speaker *o = &st->spk[i];
            if (o->kind == SK_PERSON && strchr(o->name, ' ') &&
                strcmp(last_word(o->name), s.name) == 0) {
                remember(st, (int)i);
                return (int)i;
            }
        }
    }
    return add_speaker(st, &s);
}

/* Can token i be part of a source noun phrase read backwards? */
static bool np_token(const char *buf, const ct_token *toks, uint32_t i, uint32_t lo)
{
    const ct_token *t = &toks[i];
    if (t->flags & CT_TF_POSSESSIVE)
        return true;
    if (is_cap(t))
        return !(wflags(buf, t) & W_STOP) || (i > lo && !(t->flags & CT_TF_SPACE_BEFORE));
    if (t->kind == CT_TOK_PUNCT) {
        if (t->cp == '.' && i > lo && (wflags(buf, &toks[i - 1]) & W_TITLE))
            return true;
        if ((t->cp == '-' || t->cp == '&') && i > lo && is_cap(&toks[i - 1]))
            return true;
        return false;
    }
    unsigned f = wflags(buf, t);
    return t->kind == CT_TOK_WORD && t->len > 1 && !(f & (W_STOP | W_SKIP)) &&
           (!(f & W_CUE) || (f & W_DOC));
}

/* The source phrase ending at token j (inclusive), read backwards, within [lo, j].
 * Returns its first token, or j + 1 when there is none. */
static uint32_t np_back(const ct_block *blk, uint32_t lo, uint32_t j)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    unsigned hf = wflags(buf, &toks[j]);
    if (hf & W_PRON)
        return j;
    bool lower = !is_cap(&toks[j]);
    bool listed = (hf & (W_GROUP | W_DOC | W_ROLE | W_ORGWORD)) != 0;
    if (lower && (toks[j].kind != CT_TOK_WORD || (hf & (W_STOP | W_SKIP | W_DET)) ||
                  ((hf & W_CUE) && !(hf & W_DOC))))
        return j + 1;
    uint32_t a = j;
    int lowers = 0;
    while (a > lo) {
        uint32_t i = a - 1;
        const ct_token *t = &toks[i];
        if ((ct__tok_is(buf, t, "of") || ct__tok_is(buf, t, "in") || ct__tok_is(buf, t, "at")) &&
            i > lo && a <= j && is_cap(&toks[a]) &&
            (is_cap(&toks[i - 1]) || (wflags(buf, &toks[i - 1]) & (W_ROLE | W_GROUP | W_ORGWORD)))) {
            a = i; /* "Chris Lehane of OpenAI", "the CEO of Y", "the embassy in Z" */
            continue;
        }
        if (!lower && t->kind == CT_TOK_WORD && !is_cap(t) && !(t->flags & CT_TF_POSSESSIVE) &&
            !(wflags(buf, t) & (W_ROLE | W_TITLE | W_ORGWORD | W_DET)))
            break; /* only roles before a name: "chief executive Tim Cook" */
        if (wflags(buf, t) & W_DET) {
            a = i;
            break;
        }
        if (!np_token(buf, toks, i, lo))
            break;
        if (!is_cap(t) && !(t->flags & CT_TF_POSSESSIVE) && t->kind == CT_TOK_WORD &&
            ++lowers > 3)
            break;
        a = i;
    }
    if (lower && !listed) {
        /* "the results", "his campaign finance documents", "Audit files" */
        bool anchored = a < j && ((wflags(buf, &toks[a]) & W_DET) || is_cap(&toks[a]) ||
                                  (toks[a + 1].flags & CT_TF_POSSESSIVE));
        size_t n = toks[j].len;
        const char *w = buf + toks[j].start;
        if (!anchored || (n > 2 && w[n - 2] == 'l' && w[n - 1] == 'y'))
            return j + 1;
    }
    return a;
}

/* The source phrase starting at token i, read forwards, within [i, hi). Returns its end
 * (exclusive), or i when there is none. */
static uint32_t np_fwd(const ct_block *blk, uint32_t i, uint32_t hi)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    uint32_t b = i;
    if (b < hi && (wflags(buf, &toks[b]) & W_DET))
        b++;
    uint32_t start = b;
    while (b < hi) {
        const ct_token *t = &toks[b];
        unsigned f = wflags(buf, t);
        if (is_cap(t) && !(f & W_STOP)) {
            b++;
            continue;
        }
        if (t->flags & CT_TF_POSSESSIVE) {
            b++;
            continue;
        }
        if (is_punct(t, '.') && b > start && (wflags(buf, &toks[b - 1]) & W_TITLE)) {
            b++;
            continue;
        }
        if (is_punct(t, '-') && b > start && is_cap(&toks[b - 1]) && b + 1 < hi &&
            is_cap(&toks[b + 1]) && !(t->flags & CT_TF_SPACE_BEFORE) &&
            !(toks[b + 1].flags & CT_TF_SPACE_BEFORE)) {
            b++; /* "Kai-Fu Lee" */
            continue;
        }
        if (t->kind == CT_TOK_WORD && !is_cap(t) && (f & (W_ROLE | W_GROUP | W_DOC | W_ORGWORD))) {
            b++;
            continue;
        }
        if (ct__tok_is(buf, t, "of") && b > start && b + 1 < hi && is_cap(&toks[b + 1])) {
            b++;
            continue;
        }
        /* after a determiner, a short lower-case phrase: "a longtime adviser" */
        if (start > i && t->kind == CT_TOK_WORD && !is_cap(t) &&
            !(f & (W_STOP | W_SKIP | W_SKIP2 | W_CUE | W_DET | W_PRON)) && b - start < 4) {
            b++;
            continue;
        }
        /* lower-case modifiers before a listed head: "a senior official" */
        if (t->kind == CT_TOK_WORD && !is_cap(t) && !(f & (W_STOP | W_SKIP | W_CUE)) &&
            b + 1 < hi && b - start < 3) {
            uint32_t k = b + 1;
            while (k < hi && k - b < 3 && toks[k].kind == CT_TOK_WORD &&
                   !(wflags(buf, &toks[k]) & (W_ROLE | W_GROUP | W_DOC | W_ORGWORD | W_STOP)))
                k++;
            if (k < hi && (wflags(buf, &toks[k]) & (W_ROLE | W_GROUP | W_DOC | W_ORGWORD))) {
                b = k + 1;
                continue;
            }
        }
        break;
    }
    if (b == start)
        return i;
    if (b == start + 1 && !is_cap(&toks[start]) && !(wflags(buf, &toks[start]) &
                                                      (W_GROUP | W_DOC | W_ROLE | W_ORGWORD)))
        return i;
    return b;
}

/* ---- frames ----------------------------------------------------------------------- */

static bool in_speech(const ct_attrib *st, uint32_t i)
{
    for (size_t k = 0; k < st->nqs; k++)
        if (st->qs[k].speech && st->qs[k].open < i && i < st->qs[k].close)
            return true;
    return false;
}

static int push_frame(ct_attrib *st, uint32_t cue, uint32_t ca, uint32_t cb, uint32_t ca2,
                      uint32_t cb2, int spk)
{
    if (CT_GROW(st->fr, st->fr_cap, st->nfr + 1))
        return CT_ENOMEM;
    frame *f = &st->fr[st->nfr++];
    f->cue = cue;
    f->ca = ca;
    f->cb = cb;
    f->ca2 = ca2;
    f->cb2 = cb2;
    f->spk = spk;
    return CT_OK;
}

/* Resolve "who" in "X, who said ...": the phrase before the comma. */
static int who_speaker(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                       uint32_t who)
{
    if (who < lo + 2 || !is_punct(&blk->toks[who - 1], ','))
        return -1;
    uint32_t j = who - 2;
    uint32_t a = np_back(blk, lo, j);
    if (a > j)
        return -1;
    return np_speaker(st, doc, blk, a, j + 1);
}

/* The subject of the clause starting at lo: past an opening phrase ("Earlier in the
 * week, DeepSeek ..."). Returns the speaker, -1 or -2. */
static int subject_speaker(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                           uint32_t hi)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    uint32_t i = lo;
    while (i < hi && toks[i].kind == CT_TOK_PUNCT)
        i++;
    if (i < hi && !is_cap(&toks[i]) && !(wflags(buf, &toks[i]) & (W_DET | W_PRON)))
        return -1;
    bool opener = i < hi && (wflags(buf, &toks[i]) & W_STOP) && !(wflags(buf, &toks[i]) & W_DET);
    if (!opener && i + 2 < hi) { /* "Earlier in the week," */
        uint32_t k = i + 1;
        opener = !is_cap(&toks[k]) && (wflags(buf, &toks[k]) & W_STOP) &&
                 !(wflags(buf, &toks[k]) & W_DET) && (wflags(buf, &toks[k + 1]) & W_DET);
    }
    if (opener) {
        uint32_t k = i;
        while (k < hi && k < i + 20 && !is_punct(&toks[k], ','))
            k++;
        if (k >= hi || !is_punct(&toks[k], ','))
            return -1;
        i = k + 1;
    }
    if (i >= hi)
        return -1;
    uint32_t e;
    if (wflags(buf, &toks[i]) & W_PRON)
        e = i + 1;
    else
        e = np_fwd(blk, i, hi);
    if (e == i)
        return -1;
    return np_speaker(st, doc, blk, i, e);
}

/* "a report published by X", "a paper from X": the author, or -1 / -2. */
static int doc_author(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t e,
                      uint32_t hi)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    uint32_t k = e;
    while (k < hi && k < e + 5 &&
           (ct__tok_is(buf, &toks[k], "that") || ct__tok_is(buf, &toks[k], "which") ||
            ct__tok_is(buf, &toks[k], "was") || ct__tok_is(buf, &toks[k], "were") ||
            (wflags(buf, &toks[k]) & W_SKIP2)))
        k++;
    if (k + 1 >= hi || !(ct__tok_is(buf, &toks[k], "by") || ct__tok_is(buf, &toks[k], "from")))
        return -1;
    uint32_t b = np_fwd(blk, k + 1, hi);
    if (b == k + 1 || !is_cap(&toks[b - 1]))
        return -1;
    return np_speaker(st, doc, blk, k + 1, b);
}

/* Where what a cue says ends: a semicolon, or a new clause ("..., but 55 percent of
 * voters say ..."). */
static uint32_t clause_end(const ct_block *blk, uint32_t i, uint32_t hi)
{
    const ct_token *toks = blk->toks;
    for (; i < hi; i++) {
        if (is_punct(&toks[i], ';'))
            return i;
        if (toks[i].kind == CT_TOK_WORD && i > 0 &&
            (ct__tok_is(blk->buf, &toks[i], "while") || ct__tok_is(blk->buf, &toks[i], "whereas") ||
             (ct__tok_is(blk->buf, &toks[i], "but") && is_punct(&toks[i - 1], ',') &&
              !(i + 1 < hi && ct__tok_is(blk->buf, &toks[i + 1], "that")))))
            return i;
    }
    return hi;
}

/* ", the creator of 01.AI," after a name that ends at e: the person's role and org.
 * Returns CT_OK or CT_ENOMEM. */
static int appositive_after(ct_attrib *st, ct_doc *doc, const ct_block *blk, int spk,
                            uint32_t e, uint32_t hi)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    speaker *s = &st->spk[spk];
    if (e + 1 >= hi || !is_punct(&toks[e], ',') || s->kind != SK_PERSON || s->generic ||
        !(wflags(buf, &toks[e + 1]) & (W_DET | W_ROLE)))
        return CT_OK;
    uint32_t k = e + 1, of = 0;
    while (k < hi && !is_punct(&toks[k], ',') &&
           !(is_punct(&toks[k], '.') &&
             (k + 1 >= hi || (toks[k + 1].flags & CT_TF_SPACE_BEFORE)))) { /* "01.AI" */
        if (!of && (ct__tok_is(buf, &toks[k], "of") || ct__tok_is(buf, &toks[k], "at")))
            of = k;
        k++;
    }
    uint32_t ra = e + 1;
    while (ra < k && (wflags(buf, &toks[ra]) & W_DET))
        ra++;
    if (!s->role) {
        s->role = tok_text(doc, blk, ra, of ? of : k);
        if (ra < (of ? of : k) && !s->role)
            return CT_ENOMEM;
    }
    if (!s->org && of && of + 1 < k) {
        s->org = tok_text(doc, blk, of + 1, k);
        if (!s->org)
            return CT_ENOMEM;
    }
    return CT_OK;
}

/* Look for a frame whose cue is token c in sentence [lo, hi). */
static int frame_at(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                    uint32_t hi, uint32_t c, unsigned cf)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    int spk = -1;

    /* "according to X" */
    if (ct__tok_is(buf, &toks[c], "according")) {
        if (c + 1 >= hi || !ct__tok_is(buf, &toks[c + 1], "to"))
            return CT_OK;
        uint32_t e = c + 2 < hi && (wflags(buf, &toks[c + 2]) & W_PRON) ? c + 3
                                                                          : np_fwd(blk, c + 2, hi);
        if (e == c + 2) {
            /* whatever it is, it is the source: "according to a count by The AP" */
            while (e < hi && e < c + 14 && toks[e].kind != CT_TOK_PUNCT)
                e++;
            if (e == c + 2)
                return CT_OK;
            speaker s = {0};
            uint32_t a = c + 2;
            while (a + 1 < e && (wflags(buf, &toks[a]) & W_DET))
                a++;
            s.name = tok_text(doc, blk, a, e);
            s.kind = SK_DOC;
            if (!s.name)
                return CT_ENOMEM;
            spk = add_speaker(st, &s);
            if (spk == -2)
                return CT_ENOMEM;
            return push_frame(st, c, lo, c, e, hi, spk);
        }
        spk = np_speaker(st, doc, blk, c + 2, e);
        if (spk >= 0 && st->spk[spk].kind == SK_DOC) {
            int au = doc_author(st, doc, blk, e, hi);
            if (au != -1)
                spk = au;
        }
        if (spk == -2)
            return CT_ENOMEM;
        if (spk < 0)
            return CT_OK;
        if (appositive_after(st, doc, blk, spk, e, hi))
            return CT_ENOMEM;
        /* the rest of the sentence on both sides */
        return push_frame(st, c, lo, c, e, hi, spk);
    }
    if (c > lo && (toks[c - 1].flags & CT_TF_POSSESSIVE))
        return CT_OK; /* "DeepSeek's claims": a noun */
    if (c > lo && (wflags(buf, &toks[c - 1]) & W_DET))
        return CT_OK;

    /* inverted: ", said X" or "” said X" */
    bool after_break = c > lo && (is_punct(&toks[c - 1], ',') || is_dquote(&toks[c - 1]));
    if ((cf & W_CUE_INV) && after_break && c + 1 < hi) {
        uint32_t e = np_fwd(blk, c + 1, hi);
        if (e > c + 1) {
            spk = np_speaker(st, doc, blk, c + 1, e);
            if (spk == -2)
                return CT_ENOMEM;
            if (spk >= 0) {
                if (appositive_after(st, doc, blk, spk, e, hi))
                    return CT_ENOMEM;
                return push_frame(st, c, lo, c, e, hi, spk);
            }
        }
    }

    /* forward: "X said", "X, the CEO of Y, said", "X has also said" */
    uint32_t j = c;
    if (j > lo + 1 && ct__tok_is(buf, &toks[j - 1], "to") && ct__tok_is(buf, &toks[c], "say"))
        j--; /* "he went on to say" */
    if (j > lo + 1 && j < c && ct__tok_is(buf, &toks[j - 1], "on"))
        j--;
    while (j > lo && (wflags(buf, &toks[j - 1]) & W_SKIP))
        j--;
    if (j == lo)
        return CT_OK;
    j--;
    if (((cf & W_ING) && (is_punct(&toks[j], ',') || ct__tok_is(buf, &toks[j], "by") ||
                          ct__tok_is(buf, &toks[j], "to"))) ||
        (ct__tok_is(buf, &toks[j], "and") && !(cf & W_ING))) {
        /* ", saying that", "by claiming that": the clause's subject speaks */
        spk = subject_speaker(st, doc, blk, lo, j);
        if (spk == -2)
            return CT_ENOMEM;
        if (spk < 0)
            return CT_OK;
        return push_frame(st, c, c + 1, hi, 0, 0, spk);
    }
    if ((cf & W_ING) && !(wflags(buf, &toks[j]) & (W_DOC | W_GROUP | W_ROLE)) &&
        !is_cap(&toks[j]))
        return CT_OK; /* "with the economy adding 151,000 jobs" */
    if ((ct__tok_is(buf, &toks[j], "that") || ct__tok_is(buf, &toks[j], "which")) && j > lo &&
        (wflags(buf, &toks[j - 1]) & W_DOC)) {
        /* "a technical paper that stated": its author, else the document */
        uint32_t a = np_back(blk, lo, j - 1);
        if (a > j - 1)
            return CT_OK;
        spk = np_speaker(st, doc, blk, a, j);
        if (spk >= 0 && st->spk[spk].kind == SK_DOC) {
            int au = subject_speaker(st, doc, blk, lo, a);
            if (au != -1)
                spk = au;
        }
        if (spk == -2)
            return CT_ENOMEM;
        if (spk < 0)
            return CT_OK;
        return push_frame(st, c, c + 1, hi, 0, 0, spk);
    }
    uint32_t src_a;
    if (is_punct(&toks[j], ',') && j > lo) {
        /* an appositive or a relative clause between commas */
        uint32_t k = j;
        while (k > lo && k + 16 > j && !is_punct(&toks[k - 1], ',') &&
               !is_punct(&toks[k - 1], '.') && !is_dquote(&toks[k - 1]))
            k--;
        if (k == lo || !is_punct(&toks[k - 1], ',') || k + 16 <= j)
            return CT_OK;
        uint32_t name_end = k - 1; /* the first comma */
        if (name_end == lo)
            return CT_OK;
        uint32_t a = np_back(blk, lo, name_end - 1);
        if (a > name_end - 1 ||
            (!is_cap(&toks[name_end - 1]) &&
             !(wflags(buf, &toks[name_end - 1]) & (W_GROUP | W_DOC | W_ORGWORD))))
            return CT_OK;
        spk = np_speaker(st, doc, blk, a, name_end);
        if (spk == -2)
            return CT_ENOMEM;
        if (spk < 0)
            return CT_OK;
        speaker *s = &st->spk[spk];
        if (wflags(buf, &toks[k]) & (W_DET | W_ROLE | W_TITLE)) {
            /* "the CEO of Y": role, and org after "of"/"at" */
            uint32_t of = k;
            while (of < j && !ct__tok_is(buf, &toks[of], "of") &&
                   !ct__tok_is(buf, &toks[of], "at") && !(toks[of].flags & CT_TF_POSSESSIVE))
                of++;
            if (!s->role) {
                uint32_t ra = k;
                while (ra < of && (wflags(buf, &toks[ra]) & W_DET))
                    ra++;
                s->role = tok_text(doc, blk, ra, of < j ? of : j);
                if (of < j && (toks[of].flags & CT_TF_POSSESSIVE))
                    s->role = tok_text(doc, blk, of + 1, j);
            }
            if (!s->org && of + 1 < j) {
                s->org = (toks[of].flags & CT_TF_POSSESSIVE) ? tok_text(doc, blk, k, of)
                                                             : tok_text(doc, blk, of + 1, j);
            }
            if (s->kind == SK_ORG && s->role && strchr(s->name, ' ') == NULL && of > k &&
                (wflags(buf, &toks[of - 1]) & W_ROLE))
                s->kind = SK_PERSON;
        }
        src_a = a;
    } else if (j >= lo + 4 && ct__tok_is(buf, &toks[j - 3], "familiar") &&
               ct__tok_is(buf, &toks[j - 2], "with")) {
        /* "people familiar with the matter": kept as written */
        src_a = np_back(blk, lo, j - 4);
        if (src_a > j - 4 || !(wflags(buf, &toks[j - 4]) & W_GROUP))
            return CT_OK;
        while (src_a < j && (wflags(buf, &toks[src_a]) & W_DET))
            src_a++;
        speaker s = {0};
        s.name = tok_text(doc, blk, src_a, j + 1);
        s.kind = SK_GROUP;
        if (!s.name)
            return CT_ENOMEM;
        spk = add_speaker(st, &s);
        if (spk == -2)
            return CT_ENOMEM;
    } else {
        src_a = np_back(blk, lo, j);
        if (src_a > j)
            return CT_OK;
        if (ct__tok_is(buf, &toks[j], "who") && src_a == j)
            spk = who_speaker(st, doc, blk, lo, j);
        else if (ct__tok_is(buf, &toks[j], "they") || ct__tok_is(buf, &toks[j], "we"))
            spk = -1;
        else
            spk = np_speaker(st, doc, blk, src_a, j + 1);
        if (spk == -2)
            return CT_ENOMEM;
        if (spk < 0 && !(wflags(buf, &toks[j]) & W_PRON))
            return CT_OK;
        if ((cf & W_CUE_WEAK) && spk >= 0 && st->spk[spk].kind == SK_ORG &&
            !is_cap(&toks[j]))
            return CT_OK;
        if ((cf & (W_CUE_WEAK | W_ING)) && spk >= 0 && st->spk[spk].generic)
            return CT_OK;
    }
    /* what the cue covers: after it ("said that ..."), and before the source when the
     * source follows a comma or a closing quote ("..., Lehane said.") */
    uint32_t ca = c + 1;
    if (cf & W_RECIP) { /* "told CNBC that" */
        uint32_t e = np_fwd(blk, ca, hi);
        ca = e;
    }
    uint32_t cb = clause_end(blk, ca, hi);
    uint32_t ca2 = 0, cb2 = 0;
    bool opener = is_word(&toks[lo]) && (wflags(buf, &toks[lo]) & W_STOP) &&
                  !(wflags(buf, &toks[lo]) & W_DET) && src_a > lo && !is_dquote(&toks[src_a - 1]);
    if (src_a > lo && !opener &&
        (is_punct(&toks[src_a - 1], ',') || is_dquote(&toks[src_a - 1]) ||
         is_punct(&toks[src_a - 1], ':'))) {
        ca2 = lo;
        cb2 = src_a;
        /* a trailing frame covers what came before, not "said in front of 1,000"; a
         * frame after an opening phrase ("Late last year, X said it ...") what follows */
        bool clausal = ca < hi && (ct__tok_is(buf, &toks[ca], "that") ||
                                   is_punct(&toks[ca], ':') ||
                                   (is_word(&toks[ca]) && !(wflags(buf, &toks[ca]) & W_STOP)) ||
                                   (wflags(buf, &toks[ca]) & W_DET) || toks[ca].kind == CT_TOK_NUM ||
                                   toks[ca].kind == CT_TOK_SYM);
        if (!clausal)
            cb = ca;
        else if (!is_dquote(&toks[src_a - 1]))
            ca2 = cb2 = 0;
    }
    if (ca < hi && (is_punct(&toks[ca], ',') || is_punct(&toks[ca], '.')))
        cb = ca; /* "Trump said, referring to ..." */
    return push_frame(st, c, ca, cb, ca2, cb2, spk);
}

/* "DeepSeek's announcement of ...", "Trump's claim that ...": the owner speaks. */
static int owned_at(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                    uint32_t hi, uint32_t i)
{
    uint32_t a = np_back(blk, lo, i - 2);
    if (a > i - 2 || !is_cap(&blk->toks[i - 2]))
        return CT_OK;
    int spk = np_speaker(st, doc, blk, a, i - 1);
    if (spk == -2)
        return CT_ENOMEM;
    if (spk < 0)
        return CT_OK;
    uint32_t e = i + 1;
    while (e < hi && !is_punct(&blk->toks[e], ';'))
        e++;
    return push_frame(st, i, i + 1, e, 0, 0, spk);
}

/* "In a CBS News poll, she led 56 percent to 32 percent": the poll reports the numbers
 * of its sentence. */
static int in_doc_at(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                     uint32_t hi, uint32_t i)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    if (!(ct__tok_is(buf, &toks[i], "poll") || ct__tok_is(buf, &toks[i], "polls") ||
          ct__tok_is(buf, &toks[i], "survey") || ct__tok_is(buf, &toks[i], "surveys") ||
          ct__tok_is(buf, &toks[i], "study")))
        return CT_OK;
    uint32_t a = np_back(blk, lo, i);
    if (a > i || a == lo || !ct__tok_is(buf, &toks[a - 1], "in"))
        return CT_OK;
    int spk = np_speaker(st, doc, blk, a, i + 1);
    if (spk == -2)
        return CT_ENOMEM;
    if (spk < 0)
        return CT_OK;
    return push_frame(st, i, lo, a - 1, i + 1, hi, spk);
}

/* "Victor Riparbelli, CEO of Synthesia, ...": a person met before any "he said". */
static int mention_at(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                      uint32_t hi, uint32_t i)
{
    const ct_token *toks = blk->toks;
    const char *buf = blk->buf;
    if (i < lo + 2 || i + 1 >= hi || !is_cap(&toks[i - 1]) || !is_cap(&toks[i - 2]) ||
        (toks[i - 1].flags & CT_TF_ALLCAPS))
        return CT_OK;
    uint32_t k = i + 1;
    if (wflags(buf, &toks[k]) & W_DET)
        k++;
    bool role = false;
    for (uint32_t m = k; m < hi && m < k + 3 && !role; m++)
        role = (wflags(buf, &toks[m]) & W_ROLE) != 0;
    if (!role)
        return CT_OK;
    uint32_t a = np_back(blk, lo, i - 1);
    if (a > i - 1)
        return CT_OK;
    for (uint32_t m = a; m < i; m++)
        if (!is_cap(&toks[m]))
            return CT_OK;
    int spk = np_speaker(st, doc, blk, a, i);
    return spk == -2 ? CT_ENOMEM : CT_OK;
}

/* "DeepSeek released ...": an organisation that "the company" and "it" may mean. */
static int subject_org(ct_attrib *st, ct_doc *doc, const ct_block *blk, uint32_t lo,
                       uint32_t hi)
{
    const ct_token *toks = blk->toks;
    if (lo >= hi || !is_cap(&toks[lo]) || (wflags(blk->buf, &toks[lo]) & (W_STOP | W_PRON)))
        return CT_OK;
    uint32_t e = np_fwd(blk, lo, hi);
    if (e != lo + 1 && !(e > lo && (wflags(blk->buf, &toks[e - 1]) & W_ORGWORD)))
        return CT_OK;
    if (e >= hi || toks[e].kind != CT_TOK_WORD || is_cap(&toks[e]))
        return CT_OK;
    /* a person's later mention stays that person */
    int spk = np_speaker(st, doc, blk, lo, e);
    return spk == -2 ? CT_ENOMEM : CT_OK;
}

/* ---- quotes ----------------------------------------------------------------------- */

static int push_quote(ct_attrib *st, const ct_block *blk, uint32_t open, uint32_t close)
{
    if (close <= open + 1)
        return CT_OK;
    if (CT_GROW(st->qs, st->qs_cap, st->nqs + 1))
        return CT_ENOMEM;
    quote *q = &st->qs[st->nqs++];
    q->open = open;
    q->close = close;
    q->spk = -1;
    q->words = 0;
    for (uint32_t i = open + 1; i < close; i++)
        q->words += blk->toks[i].kind == CT_TOK_WORD || blk->toks[i].kind == CT_TOK_NUM;
    /* scare quotes: a word or three are not speech */
    q->speech = q->words > 3;
    return CT_OK;
}

/* Index of the sentence holding token i (sentences are in token order). */
static uint32_t sent_of(const ct_block *blk, uint32_t i)
{
    size_t lo = 0, hi = blk->nsents;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (blk->sents[mid].tok_first <= i)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/* Pair the block's double quote marks. An unclosed mark runs to the end of the block
 * when the block is short, else to the end of its sentence: a lost mark never swallows
 * a whole article. */
static int find_quotes(ct_attrib *st, const ct_block *blk, bool *open_at_end)
{
    const ct_token *toks = blk->toks;
    uint32_t n = (uint32_t)blk->ntoks;
    bool in = false;
    uint32_t open = 0;
    *open_at_end = false;
    for (uint32_t i = 0; i < n; i++) {
        const ct_token *t = &toks[i];
        /* two apostrophes stand for a double mark in some wire copy: ''It costs'' */
        bool twin = t->kind == CT_TOK_PUNCT && t->cp == '\'' && i + 1 < n &&
                    toks[i + 1].kind == CT_TOK_PUNCT && toks[i + 1].cp == '\'' &&
                    toks[i + 1].start == t->start + 1;
        if (!is_dquote(t) && !twin)
            continue;
        uint32_t s = sent_of(blk, i);
        if (blk->sents[s].flags & (CT_SF_METADATA | CT_SF_BOILERPLATE))
            continue;
        if (!in) {
            if (is_close_mark(t->cp)) {
                /* a closing mark with nothing open: the quote began before the block */
                if (i > 0 && st->quote_open && i + 1 >= 2) {
                    int rc = push_quote(st, blk, UINT32_MAX, i);
                    if (rc)
                        return rc;
                }
                continue;
            }
            in = true;
            open = twin ? i + 1 : i;
            i += twin;
            continue;
        }
        if (is_open_mark(t->cp)) {
            /* a new opening mark while one is open: the first was never closed */
            uint32_t so = sent_of(blk, open);
            uint32_t end = blk->sents[so].tok_first + blk->sents[so].tok_count;
            if (end > i)
                end = i;
            int rc = push_quote(st, blk, open, end);
            if (rc)
                return rc;
            open = i;
            continue;
        }
        int rc = push_quote(st, blk, open, i);
        if (rc)
            return rc;
        in = false;
        i += twin;
    }
    if (in) {
        uint32_t so = sent_of(blk, open);
        uint32_t end = n;
        if (blk->nsents - so > 3)
            end = blk->sents[so].tok_first + blk->sents[so].tok_count;
        else
            *open_at_end = true;
        int rc = push_quote(st, blk, open, end);
        if (rc)
            return rc;
    }
    return CT_OK;
}

/* The frame whose cue is nearest to token i, among the frames of [a, b). */
static int frame_near(const ct_attrib *st, uint32_t a, uint32_t b, uint32_t i)
{
    int best = -1;
    uint32_t bd = UINT32_MAX;
    for (size_t k = 0; k < st->nfr; k++) {
        const frame *f = &st->fr[k];
        if (f->cue < a || f->cue >= b || f->spk < 0)
            continue;
        uint32_t d = f->cue > i ? f->cue - i : i - f->cue;
        if (d < bd) {
            bd = d;
            best = (int)k;
        }
    }
    return best;
}

/* Give each quotation its speaker: a frame right after or right before it, a frame
 * elsewhere in its sentences, the speaker of the quote it continues. */
static int quote_speakers(ct_attrib *st, ct_doc *doc, const ct_block *blk)
{
    const ct_token *toks = blk->toks;
    for (size_t k = 0; k < st->nqs; k++) {
        quote *q = &st->qs[k];
        if (!q->speech)
            continue;
        uint32_t first = q->open == UINT32_MAX ? 0 : q->open;
        uint32_t so = sent_of(blk, first);
        uint32_t close = q->close < blk->ntoks ? q->close : (uint32_t)blk->ntoks - 1;
        uint32_t sc = sent_of(blk, close);
        uint32_t lo = blk->sents[so].tok_first;
        uint32_t hi = blk->sents[sc].tok_first + blk->sents[sc].tok_count;
        int f = -1;
        /* right after: "…,” Lehane added." */
        if (q->close < blk->ntoks) {
            uint32_t e = q->close + 12 < hi ? q->close + 12 : hi;
            for (size_t m = 0; m < st->nfr && f < 0; m++)
                if (st->fr[m].cue > q->close && st->fr[m].cue < e && st->fr[m].spk >= 0 &&
                    !in_speech(st, st->fr[m].cue))
                    f = (int)m;
        }
        /* right before: "Lehane said: “…”" */
        if (f < 0 && q->open != UINT32_MAX) {
            uint32_t a = q->open > 12 ? q->open - 12 : 0;
            for (size_t m = st->nfr; m-- > 0 && f < 0;)
                if (st->fr[m].cue < q->open && st->fr[m].cue >= a && st->fr[m].spk >= 0 &&
                    !in_speech(st, st->fr[m].cue))
                    f = (int)m;
        }
        /* anywhere in its sentences outside quotes */
        if (f < 0) {
            int best = frame_near(st, lo, hi, first);
            if (best >= 0 && !in_speech(st, st->fr[best].cue))
                f = best;
        }
        int sub = -1;
        if (f < 0 && q->open != UINT32_MAX && q->open > lo + 1) {
            /* "Clinton slammed the proposal as “…”": the sentence's subject */
            sub = subject_speaker(st, doc, blk, lo, q->open);
        } else if (f < 0 && q->close + 2 < hi) {
            /* "“…,” the man shouted" */
            uint32_t a = q->close + 1;
            if (is_punct(&toks[a], ','))
                a++;
            uint32_t e = (wflags(blk->buf, &toks[a]) & W_PRON) ? a + 1 : np_fwd(blk, a, hi);
            if (e > a && e < hi && toks[e].kind == CT_TOK_WORD && !is_cap(&toks[e]) &&
                !(wflags(blk->buf, &toks[e]) & W_STOP))
                sub = np_speaker(st, doc, blk, a, e);
        }
        if (sub == -2)
            return CT_ENOMEM;
        if (f >= 0) {
            q->spk = st->fr[f].spk;
        } else if (sub >= 0) {
            q->spk = sub;
        } else if (q->open == UINT32_MAX || (first == 0 && st->last_quote_spk >= 0 &&
                                             blk->para <= st->last_quote_para + 1)) {
            q->spk = st->last_quote_spk; /* a quote running on from the last paragraph */
        } else {
            /* the nearest frame elsewhere in the block */
            int best = frame_near(st, 0, (uint32_t)blk->ntoks, first);
            if (best >= 0 && !in_speech(st, st->fr[best].cue))
                q->spk = st->fr[best].spk;
        }
        if (q->spk >= 0) {
            st->last_quote_spk = q->spk;
            st->last_quote_para = blk->para;
        }
    }
    return CT_OK;
}

/* ---- hedges ----------------------------------------------------------------------- */

/* The first hedge cue of sentence s, or -1. "May" before a number is a month. */
static int64_t hedge_in(const ct_block *blk, uint32_t s)
{
    const ct_sentence *se = &blk->sents[s];
    const ct_token *toks = blk->toks;
    uint32_t e = se->tok_first + se->tok_count;
    for (uint32_t i = se->tok_first; i < e; i++) {
        if (!is_word(&toks[i]))
            continue;
        unsigned f = wflags(blk->buf, &toks[i]);
        if (!(f & W_HEDGE)) {
            if (ct__tok_is(blk->buf, &toks[i], "i") && i + 1 < e &&
                (ct__tok_is(blk->buf, &toks[i + 1], "think") ||
                 ct__tok_is(blk->buf, &toks[i + 1], "believe")))
                return i + 1;
            continue;
        }
        if (ct__tok_is(blk->buf, &toks[i], "may") && (toks[i].flags & CT_TF_CAP) &&
            i > se->tok_first)
            continue;
        if (ct__tok_is(blk->buf, &toks[i], "believed") &&
            !(i + 1 < e && ct__tok_is(blk->buf, &toks[i + 1], "to")))
            continue;
        if ((f & W_DOC) && i > se->tok_first && !(wflags(blk->buf, &toks[i - 1]) & W_DET))
            continue;
        return i;
    }
    return -1;
}

/* ---- the block -------------------------------------------------------------------- */

static void set_speaker(ct_claim *c, const speaker *s)
{
    c->speaker = s->name;
    c->speaker_kind = kind_names[s->kind];
    c->speaker_role = s->role;
    c->speaker_org = s->org;
}

static bool covers(const frame *f, uint32_t a, uint32_t b)
{
    return (a >= f->ca && b <= f->cb) || (a >= f->ca2 && b <= f->cb2);
}

int ct__attrib_block(ct_attrib *st, const ct_block *blk, ct_claim_ref *refs, size_t nrefs,
                     ct_doc *doc)
{
    const ct_token *toks = blk->toks;
    st->nfr = 0;
    st->nqs = 0;
    bool open_at_end = false;
    int rc = find_quotes(st, blk, &open_at_end);
    if (rc)
        return rc;

    /* frames: one pass over the tokens of each body sentence */
    for (uint32_t s = 0; s < blk->nsents; s++) {
        const ct_sentence *se = &blk->sents[s];
        if (se->flags & (CT_SF_METADATA | CT_SF_BOILERPLATE))
            continue;
        uint32_t lo = se->tok_first, hi = lo + se->tok_count;
        rc = subject_org(st, doc, blk, lo, hi);
        if (rc)
            return rc;
        for (uint32_t i = lo; i < hi; i++) {
            if (is_punct(&toks[i], ',')) {
                rc = mention_at(st, doc, blk, lo, hi, i);
                if (rc)
                    return rc;
                continue;
            }
            if (!is_word(&toks[i]))
                continue;
            unsigned f = wflags(blk->buf, &toks[i]);
            if ((toks[i].flags & CT_TF_CAP) && (i > lo || !ct__tok_is(blk->buf, &toks[i], "according")))
                continue;
            if ((f & W_OWNED) && i >= lo + 2 && (toks[i - 1].flags & CT_TF_POSSESSIVE)) {
                rc = owned_at(st, doc, blk, lo, hi, i);
                if (rc)
                    return rc;
                continue;
            }
            if ((f & W_DOC) && !(f & W_CUE)) {
                rc = in_doc_at(st, doc, blk, lo, hi, i);
                if (rc)
                    return rc;
                continue;
            }
            if (!(f & W_CUE))
                continue;
            rc = frame_at(st, doc, blk, lo, hi, i, f);
            if (rc)
                return rc;
        }
    }
    rc = quote_speakers(st, doc, blk);
    if (rc)
        return rc;
    st->quote_open = open_at_end;

    /* record the quotations */
    for (size_t k = 0; k < st->nqs; k++) {
        const quote *q = &st->qs[k];
        if (!q->speech)
            continue;
        uint32_t a = q->open == UINT32_MAX ? 0 : q->open + 1;
        uint32_t b = q->close;
        if (b > blk->ntoks)
            b = (uint32_t)blk->ntoks;
        while (b > a && toks[b - 1].kind == CT_TOK_PUNCT && ct__tok_is_quote(&toks[b - 1]))
            b--;
        if (b <= a)
            continue;
        if (CT_GROW(doc->quotes, doc->quotes_cap, doc->nquotes + 1))
            return CT_ENOMEM;
        ct_quote *out = &doc->quotes[doc->nquotes];
        memset(out, 0, sizeof *out);
        out->start = toks[a].start;
        out->end = tok_end(&toks[b - 1]);
        out->text = tok_text(doc, blk, a, b);
        if (!out->text)
            return CT_ENOMEM;
        if (q->spk >= 0) {
            out->speaker = st->spk[q->spk].name;
            out->speaker_kind = kind_names[st->spk[q->spk].kind];
        }
        doc->nquotes++;
    }

    /* claims: the quote around them, else the nearest frame covering them */
    int64_t hedge_sent = -1, hedge_tok = -1;
    size_t qk = 0;
    for (size_t r = 0; r < nrefs; r++) {
        const ct_quantity *q = refs[r].q;
        ct_claim *c = refs[r].claim;
        uint32_t a = q->tok_first, b = q->tok_end;
        if (hedge_sent != (int64_t)q->sent) {
            hedge_sent = q->sent;
            hedge_tok = hedge_in(blk, q->sent);
        }
        if (hedge_tok >= 0) {
            c->hedged = true;
            c->hedge_cue = tok_text(doc, blk, (uint32_t)hedge_tok, (uint32_t)hedge_tok + 1);
            if (!c->hedge_cue)
                return CT_ENOMEM;
        }
        while (qk < st->nqs && st->qs[qk].close <= a)
            qk++;
        int spk = -1;
        for (size_t k = qk; k < st->nqs; k++) {
            const quote *qu = &st->qs[k];
            uint32_t open = qu->open == UINT32_MAX ? 0 : qu->open;
            if (open > a)
                break;
            if (qu->speech && b <= qu->close && qu->spk >= 0) {
                spk = qu->spk;
                break;
            }
        }
        if (spk < 0) {
            const ct_sentence *se = &blk->sents[q->sent];
            uint32_t lo = se->tok_first, hi = lo + se->tok_count;
            uint32_t bd = UINT32_MAX;
            for (size_t k = 0; k < st->nfr; k++) {
                const frame *f = &st->fr[k];
                if (f->cue < lo || f->cue >= hi || f->spk < 0 || !covers(f, a, b))
                    continue;
                uint32_t d = f->cue > a ? f->cue - a : a - f->cue;
                if (d < bd) {
                    bd = d;
                    spk = f->spk;
                }
            }
        }
        if (spk >= 0)
            set_speaker(c, &st->spk[spk]);
    }
    return CT_OK;
}
