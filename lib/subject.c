/* What a claim is about: a short subject phrase ("total training cost"), the entity it
 * concerns ("DeepSeek") and normalised key terms for matching claims across documents.
 *
 * Each claim looks at a few tokens on either side of its number, within its sentence;
 * nothing here walks the whole sentence per claim. */
#include "subject.h"

#include <string.h>

#include "claimtrack/errors.h"
#include "text.h"

/* Lower-case ASCII copy of a word token into key (cap bytes); false if it does not fit
 * or is not a word. */
static bool lower_word(const ct_block *blk, const ct_token *t, char *key, size_t cap)
{
    if (t->kind != CT_TOK_WORD || t->len + 1 > cap)
        return false;
    for (uint32_t i = 0; i < t->len; i++) { /* no branch on the letter's case */
        unsigned c = (unsigned char)blk->buf[t->start + i];
        key[i] = (char)(c | (unsigned)((c - 'A') < 26u) << 5);
    }
    key[t->len] = '\0';
    return true;
}

static bool is_stop(const ct_block *blk, const ct_token *t)
{
    if (t->kind != CT_TOK_WORD)
        return true;
    return (ct__wflags(blk, t) & CT_WS_STOP) != 0;
}

/* The word class bits of token i of the block: the loops below know the index. */
static inline bool has_at(const ct_block *blk, uint32_t i, unsigned flag)
{
    return (ct__wflags_at(blk, i) & flag) != 0;
}

/* One answer, not a chain of branches: the loops below branch on it once. */
static bool is_cap(const ct_token *t)
{
    return (t->kind == CT_TOK_WORD) & ((t->flags & (CT_TF_CAP | CT_TF_ALLCAPS)) != 0) &
           !(t->flags & CT_TF_POSSESSIVE);
}

static bool is_possessive(const ct_token *t) { return (t->flags & CT_TF_POSSESSIVE) != 0; }

static bool is_punct_end(const ct_token *t)
{
    return t->kind == CT_TOK_PUNCT && (t->cp == ',' || t->cp == ';' ||
                                       (t->cp == '.' && (t->flags & CT_TF_SPACE_BEFORE)) ||
                                       t->cp == ':' || t->cp == '(' || t->cp == ')');
}

/* Part of a name: a capitalised word, a word or number glued to one ("01.AI", "A100"),
 * or the '.'/'-' glued between them. */
static bool name_tok(const ct_block *blk, uint32_t i, uint32_t hi)
{
    const ct_token *t = &blk->toks[i];
    if (is_cap(t) || (t->kind == CT_TOK_WORD && (t->flags & CT_TF_HAS_DIGIT)))
        return true;
    bool glued_next = i + 1 < hi && !(blk->toks[i + 1].flags & CT_TF_SPACE_BEFORE);
    if (t->kind == CT_TOK_NUM)
        return glued_next && blk->toks[i + 1].kind == CT_TOK_PUNCT;
    return t->kind == CT_TOK_PUNCT && (t->cp == '.' || t->cp == '-') &&
           !(t->flags & CT_TF_SPACE_BEFORE) && glued_next;
}

/* "DeepSeek", "OpenAI", "CNBC", "01.AI": a name even as a sentence's first word. */
static bool name_shaped(const ct_block *blk, const ct_token *t)
{
    if (t->flags & (CT_TF_ALLCAPS | CT_TF_HAS_DIGIT))
        return true;
    for (uint32_t i = 1; i < t->len; i++) {
        unsigned char c = (unsigned char)blk->buf[t->start + i];
        if (c >= 'A' && c <= 'Z')
            return true;
    }
    return false;
}

/* A content word of a subject: a word that is not a stop word, a possessive or a name
 * at the start of a sentence. */
static bool content_word(const ct_block *blk, const ct_token *t)
{
    if (t->kind != CT_TOK_WORD || is_possessive(t) || is_stop(blk, t))
        return false;
    const char *w = blk->buf + t->start;
    return !(t->len > 4 && w[t->len - 2] == 'l' && w[t->len - 1] == 'y');
}

typedef struct {
    uint32_t a, b;      /* subject words [a, b), or a == b */
    uint32_t ent_a, ent_b; /* entity tokens, or equal */
    bool own_pronoun;   /* "its model": the entity is the speaker's organisation */
    bool topic;         /* "the company may possess": the organisation the text is about */
    uint32_t to_a, to_b; /* "to train its model" after an amount verb, or equal */
} finding;

/* Content words ending at j (inclusive), read backwards, at most 4, within [lo, j]. */
static uint32_t words_back(const ct_block *blk, uint32_t lo, uint32_t j)
{
    uint32_t a = j + 1;
    while (a > lo && a + 4 > j + 1 && content_word(blk, &blk->toks[a - 1]) &&
           !is_cap(&blk->toks[a - 1]))
        a--;
    return a;
}

/* Content words starting at i, at most 3, within [i, hi). */
static uint32_t words_fwd(const ct_block *blk, uint32_t i, uint32_t hi)
{
    uint32_t b = i, words = 0;
    while (b < hi && words < 4) {
        const ct_token *t = &blk->toks[b];
        if (content_word(blk, t) || (t->kind == CT_TOK_WORD && (t->flags & CT_TF_HAS_DIGIT))) {
            b++;
            words++;
            continue;
        }
        /* "high-performance" */
        if (t->kind == CT_TOK_PUNCT && t->cp == '-' && b > i && b + 1 < hi &&
            !(t->flags & CT_TF_SPACE_BEFORE) && !(blk->toks[b + 1].flags & CT_TF_SPACE_BEFORE) &&
            blk->toks[b + 1].kind == CT_TOK_WORD) {
            b++;
            continue;
        }
        break;
    }
    while (b > i && blk->toks[b - 1].kind != CT_TOK_WORD)
        b--;
    return b;
}

/* "the company", "this firm" at i: an organisation named before, not a new one. The
 * word class first: it rejects nearly every token. */
static inline bool org_anaphor(const ct_block *blk, uint32_t lo, uint32_t i)
{
    const ct_token *t = &blk->toks[i];
    return i > lo && has_at(blk, i, CT_WS_ORGNOUN) && t->kind == CT_TOK_WORD &&
           !(t->flags & (CT_TF_CAP | CT_TF_ALLCAPS)) &&
           (ct__tok_eq(blk->buf, &blk->toks[i - 1], "the") ||
            ct__tok_eq(blk->buf, &blk->toks[i - 1], "this"));
}

/* A name made of capitalised tokens ending at j, read backwards ("Google DeepMind"). */
static uint32_t name_back(const ct_block *blk, uint32_t lo, uint32_t j)
{
    uint32_t a = j + 1;
    while (a > lo && name_tok(blk, a - 1, j + 1) &&
           !(blk->toks[a - 1].kind == CT_TOK_WORD && is_stop(blk, &blk->toks[a - 1])))
        a--;
    while (a <= j && blk->toks[a].kind == CT_TOK_PUNCT)
        a++;
    return a;
}

static void find_subject(const ct_block *blk, const ct_quantity *q, finding *f)
{
    const ct_token *toks = blk->toks;
    const ct_sentence *se = &blk->sents[q->sent];
    uint32_t lo = se->tok_first, hi = lo + se->tok_count;
    uint32_t s = q->tok_first, e = q->tok_end;
    memset(f, 0, sizeof *f);

    /* "a tenth of the price": the thing compared is inside the expression */
    for (uint32_t i = s; i + 1 < e; i++) {
        if (ct__tok_eq(blk->buf, &toks[i], "of")) {
            uint32_t k = i + 1;
            while (k < e && is_stop(blk, &toks[k]))
                k++;
            uint32_t b = words_fwd(blk, k, e);
            if (b > k) {
                f->a = k;
                f->b = b;
                break;
            }
        }
    }
    /* "a total training cost of less than $6 million" */
    if (f->a == f->b && s > lo + 1 && ct__tok_eq(blk->buf, &toks[s - 1], "of")) {
        uint32_t a = words_back(blk, lo, s - 2);
        if (a <= s - 2) {
            f->a = a;
            f->b = s - 1;
        }
    }
    /* "$500 million worth of GPUs", "$600 billion in the market value of Nvidia",
     * "10,000 A100 chips" */
    if (f->a == f->b && e < hi) {
        uint32_t k = e;
        if (ct__tok_eq(blk->buf, &toks[k], "worth") && k + 1 < hi &&
            ct__tok_eq(blk->buf, &toks[k + 1], "of"))
            k += 2;
        else if (ct__tok_eq(blk->buf, &toks[k], "in") || ct__tok_eq(blk->buf, &toks[k], "of") ||
                 ct__tok_eq(blk->buf, &toks[k], "on") || ct__tok_eq(blk->buf, &toks[k], "for"))
            k++;
        else if (ct__tok_eq(blk->buf, &toks[k], "to"))
            k = hi; /* "cost $3 million to train": the verb says more, below */
        while (k < hi && (has_at(blk, k, CT_WS_DET) ||
                          ct__tok_is_quote(&toks[k]))) {
            if (has_at(blk, k, CT_WS_POSSPRON))
                f->own_pronoun = true;
            k++;
        }
        /* an owner first: "Nvidia's A100 chips" */
        uint32_t o = k;
        while (o < hi && o < k + 3 && is_cap(&toks[o]))
            o++;
        if (o < hi && o > k && is_possessive(&toks[o])) {
            f->ent_a = k;
            f->ent_b = o;
            k = o + 1;
        }
        uint32_t b = words_fwd(blk, k, hi);
        if (b > k) {
            f->a = k;
            f->b = b;
        }
    }
    /* "cost $3 million", "prices are 20 to 40 times cheaper" */
    if ((f->a == f->b || q->kind == CT_KIND_RATIO) && s > lo) {
        uint32_t k = s - 1;
        while (k > lo && ct__tok_is_quote(&toks[k]))
            k--; /* “well higher” than */
        if (has_at(blk, k, CT_WS_AMOUNT)) {
            f->a = k;
            f->b = k + 1;
            /* "cost $3 million to train its model" */
            if (e + 1 < hi && ct__tok_eq(blk->buf, &toks[e], "to")) {
                f->to_a = e + 1;
                f->to_b = e + 1;
                uint32_t m = e + 1, end = e + 6 < hi ? e + 6 : hi;
                for (; m < end && !is_punct_end(&toks[m]); m++) {
                    if (has_at(blk, m, CT_WS_POSSPRON))
                        f->own_pronoun = true;
                    if (is_possessive(&toks[m]) && m > e + 1 && f->ent_a == f->ent_b) {
                        f->ent_a = name_back(blk, e + 1, m - 1);
                        f->ent_b = m;
                    }
                }
                f->to_b = m;
            }
        } else {
            while (k > lo && has_at(blk, k, CT_WS_COPULA))
                k--;
            if (k + 1 < s) {
                uint32_t a = words_back(blk, lo, k);
                if (a <= k) {
                    f->a = a;
                    f->b = k + 1;
                }
            }
        }
    }
    /* the entity: an owner near the subject or the number, a name after it */
    if (f->ent_a == f->ent_b) {
        uint32_t from = (f->a < f->b && f->a < s ? f->a : s);
        uint32_t w0 = from > lo + 10 ? from - 10 : lo;
        for (uint32_t i = from; i-- > w0;) {
            if (is_possessive(&toks[i]) && org_anaphor(blk, lo, i - 1)) {
                f->topic = true; /* "the company's GPUs" */
                break;
            }
            if (is_possessive(&toks[i]) && i > lo) {
                uint32_t a = name_back(blk, lo, i - 1);
                if (a < i) {
                    f->ent_a = a;
                    f->ent_b = i;
                    break;
                }
            }
            if (has_at(blk, i, CT_WS_POSSPRON)) {
                f->own_pronoun = true;
                break;
            }
        }
    }
    if (f->ent_a == f->ent_b && f->a < f->b && f->b < hi) {
        /* "the market value of the chipmaker Nvidia", "to train 01.AI's model" */
        uint32_t end = f->b + 6 < hi ? f->b + 6 : hi;
        for (uint32_t i = f->b; i < end; i++) {
            if (has_at(blk, i, CT_WS_CALENDAR))
                continue;
            if (is_cap(&toks[i]) || (toks[i].kind == CT_TOK_WORD && (toks[i].flags & CT_TF_HAS_DIGIT) &&
                                     i + 1 < hi && is_possessive(&toks[i + 1]))) {
                uint32_t b = i;
                while (b < end && (is_cap(&toks[b]) || (toks[b].flags & CT_TF_HAS_DIGIT)))
                    b++;
                f->ent_a = i;
                f->ent_b = b;
                break;
            }
            if (is_punct_end(&toks[i]))
                break;
        }
    }
    if (f->ent_a == f->ent_b && !f->own_pronoun) {
        /* the nearest name before the number in its sentence, not the first word */
        uint32_t w0 = s > lo + 12 ? s - 12 : lo;
        for (uint32_t i = s; i-- > w0;) {
            if (org_anaphor(blk, lo, i)) {
                f->topic = true; /* "the company may possess $500 million" */
                break;
            }
            if (is_cap(&toks[i]) && has_at(blk, i, CT_WS_DEMONYM)) {
                /* "match top American models at a tenth of the price": a comparison with
                 * others' things, about what the text is about */
                f->topic = true;
                break;
            }
            if (is_cap(&toks[i]) && !is_stop(blk, &toks[i]) &&
                !has_at(blk, i, CT_WS_CALENDAR)) {
                uint32_t a = name_back(blk, lo, i);
                if (a == lo && a == i && !name_shaped(blk, &toks[i]))
                    break; /* a capitalised first word is not a name by itself */
                f->ent_a = a;
                f->ent_b = i + 1;
                break;
            }
        }
    }
}

/* Light stemming for matching: "costs" -> "cost", "companies" -> "company",
 * "training" -> "train". Works in place on a lower-case ASCII word of n bytes. */
static size_t stem(char *w, size_t n)
{
    if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
        w[n - 3] = 'y';
        return n - 2;
    }
    if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0)
        return n - 3;
    if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)
        return n - 2;
    if (n > 4 && (memcmp(w + n - 4, "sses", 4) == 0 || memcmp(w + n - 4, "ches", 4) == 0 ||
                  memcmp(w + n - 4, "shes", 4) == 0 || memcmp(w + n - 3, "xes", 3) == 0))
        return n - 2;
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        return n - 1;
    return n;
}

typedef struct {
    char buf[256];
    size_t n;
} sbuf;

/* Append a word (a space first unless empty); false when it does not fit. */
static bool sb_add(sbuf *sb, const char *w, size_t n)
{
    if (n == 0)
        return true;
    if (sb->n + n + 2 > sizeof sb->buf)
        return false;
    sb->buf[sb->n] = ' '; /* overwritten by the word when it is the first */
    sb->n += sb->n != 0;
    memcpy(sb->buf + sb->n, w, n);
    sb->n += n;
    sb->buf[sb->n] = '\0';
    return true;
}

/* Is w[0..n) already a word of sb? */
static bool sb_has(const sbuf *sb, const char *w, size_t n)
{
    const char *p = sb->buf, *end = sb->buf + sb->n;
    while (p < end) {
        const char *q = memchr(p, ' ', (size_t)(end - p));
        size_t len = q ? (size_t)(q - p) : (size_t)(end - p);
        if (len == n && memcmp(p, w, n) == 0)
            return true;
        p += len + 1;
    }
    return false;
}

/* Add the key terms of token t, whose lower-case copy is w (stemming changes it): no
 * stop words, no duplicates. Names keep their inner punctuation ("01.ai"); possessives
 * are dropped. */
static void add_lower_term(sbuf *sb, const ct_block *blk, const ct_token *t, char *w)
{
    if (is_possessive(t) || is_stop(blk, t))
        return;
    size_t n = t->len;
    if (!(t->flags & (CT_TF_CAP | CT_TF_ALLCAPS | CT_TF_HAS_DIGIT)))
        n = stem(w, n);
    if (!sb_has(sb, w, n))
        sb_add(sb, w, n);
}

/* add_lower_term() for a word token: lower-case, stemmed. */
static void add_term(sbuf *sb, const ct_block *blk, const ct_token *t)
{
    char w[48];
    if (lower_word(blk, t, w, sizeof w))
        add_lower_term(sb, blk, t, w);
}

static const char *arena_copy(ct_doc *doc, const ct_block *blk, uint32_t a, uint32_t b)
{
    size_t s = blk->toks[a].start, e = blk->toks[b - 1].start + blk->toks[b - 1].len;
    return ct__doc_text(doc, blk->buf + s, e - s);
}

int ct__subject_block(const ct_wblock *wb, ct_claim_ref *refs, size_t nrefs, ct_doc *doc)
{
    const ct_block *blk = &wb->b; /* the functions above read word classes through it */
    for (size_t r = 0; r < nrefs; r++) {
        const ct_quantity *q = refs[r].q;
        ct_claim *c = refs[r].claim;
        finding f;
        find_subject(blk, q, &f);
        bool org_speaker = c->speaker_kind && strcmp(c->speaker_kind, "organization") == 0;
        if (f.ent_a == f.ent_b && refs[r].topic &&
            (f.topic || (f.own_pronoun && !c->speaker_org && !org_speaker)))
            c->entity = refs[r].topic; /* "its models" when no organisation speaks */
        sbuf subj, terms; /* no need to clear 512 bytes a claim: sb_add() ends the text */
        subj.n = terms.n = 0;
        subj.buf[0] = terms.buf[0] = '\0';
        for (uint32_t i = f.a; i < f.b; i++) {
            const ct_token *t = &blk->toks[i];
            char w[48];
            if (!lower_word(blk, t, w, sizeof w))
                continue;
            if (!is_possessive(t))
                sb_add(&subj, w, t->len);
            add_lower_term(&terms, blk, t, w); /* after: it stems w */
        }
        for (uint32_t i = f.to_a; i < f.to_b; i++) {
            const ct_token *t = &blk->toks[i];
            char w[48];
            if (!content_word(blk, t) || is_cap(t) || !lower_word(blk, t, w, sizeof w))
                continue;
            sb_add(&subj, w, t->len);
            add_lower_term(&terms, blk, t, w);
        }
        if (subj.n) {
            c->subject = ct__arena_strndup(&doc->arena, subj.buf, subj.n);
            if (!c->subject)
                return CT_ENOMEM;
        }
        if (f.ent_a < f.ent_b) {
            c->entity = arena_copy(doc, blk, f.ent_a, f.ent_b);
            if (!c->entity)
                return CT_ENOMEM;
            for (uint32_t i = f.ent_a; i < f.ent_b; i++)
                add_term(&terms, blk, &blk->toks[i]);
        } else if (c->entity) {
            /* the topic, above */
        } else if (c->speaker_org && (f.own_pronoun || !c->speaker_kind ||
                                      strcmp(c->speaker_kind, "person") == 0)) {
            c->entity = f.own_pronoun ? c->speaker_org : NULL;
        }
        if (!c->entity && c->speaker && c->speaker_kind &&
            strcmp(c->speaker_kind, "organization") == 0)
            c->entity = c->speaker; /* "DeepSeek said it spent ...": about itself */
        if (c->entity && f.ent_a == f.ent_b) {
            /* entity words from the speaker's strings: split on spaces */
            const char *p = c->entity;
            while (*p) {
                const char *sp = strchr(p, ' ');
                size_t n = sp ? (size_t)(sp - p) : strlen(p);
                char w[48];
                if (n > 0 && n < sizeof w) {
                    for (size_t i = 0; i < n; i++) {
                        unsigned char ch = (unsigned char)p[i];
                        w[i] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
                    }
                    if (!sb_has(&terms, w, n))
                        sb_add(&terms, w, n);
                }
                p += n;
                while (*p == ' ')
                    p++;
            }
        }
        c->terms = ct__arena_strndup(&doc->arena, terms.buf, terms.n);
        if (!c->terms)
            return CT_ENOMEM;
    }
    return CT_OK;
}
