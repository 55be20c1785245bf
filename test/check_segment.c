/* The segment stage: tokens, sentences, paragraphs, metadata lines, bounded blocks. */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "text.h"
#include "testutil.h"

/* All sentences of text, joined by " | "; paragraphs start with "¶" when they are
 * metadata ("M:") or boilerplate ("B:"). */
static char *sentences(const char *text)
{
    static char out[8192];
    size_t o = 0;
    out[0] = '\0';
    ct_segmenter seg;
    ct__segment_init(&seg, text, strlen(text));
    const ct_block *blk;
    int rc;
    while ((rc = ct__segment_next(&seg, &blk)) == 1) {
        for (size_t i = 0; i < blk->nsents; i++) {
            const ct_sentence *s = &blk->sents[i];
            const char *tag = (s->flags & CT_SF_METADATA)      ? "M:"
                              : (s->flags & CT_SF_BOILERPLATE) ? "B:"
                                                               : "";
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%s%.*s", o ? " | " : "", tag,
                                  (int)(s->end - s->start), text + s->start);
            ck_assert(o < sizeof out);
        }
    }
    ck_assert_int_eq(rc, 0);
    ct__segment_free(&seg);
    return out;
}

/* The first block's tokens of text. */
typedef struct {
    ct_segmenter seg;
    const ct_block *blk;
} first_block;

static void tokens_of(first_block *fb, const char *text)
{
    ct__segment_init(&fb->seg, text, strlen(text));
    ck_assert_int_eq(ct__segment_next(&fb->seg, &fb->blk), 1);
}

static void tok_eq(const first_block *fb, size_t i, const char *text, ct_tok_kind kind)
{
    ck_assert_msg(i < fb->blk->ntoks, "no token %zu", i);
    const ct_token *t = &fb->blk->toks[i];
    ck_assert_msg(t->len == strlen(text) && memcmp(fb->blk->buf + t->start, text, t->len) == 0,
                  "token %zu is '%.*s', want '%s'", i, (int)t->len, fb->blk->buf + t->start,
                  text);
    ck_assert_int_eq(t->kind, kind);
}

START_TEST(word_lists_are_sorted)
{
    ck_assert(ct__segment_lists_sorted());
}
END_TEST

START_TEST(tokens_of_names_numbers_and_symbols)
{
    first_block fb;
    tokens_of(&fb, "DeepSeek's A100 o1 chips cost $6.5m, 10,000 CNBC isn't U.S. \xe2\x80\x9cok\xe2\x80\x9d");
    tok_eq(&fb, 0, "DeepSeek", CT_TOK_WORD);
    ck_assert(fb.blk->toks[0].flags & CT_TF_CAP);
    ck_assert(!(fb.blk->toks[0].flags & CT_TF_ALLCAPS));
    tok_eq(&fb, 1, "'s", CT_TOK_WORD);
    ck_assert(fb.blk->toks[1].flags & CT_TF_POSSESSIVE);
    ck_assert(!(fb.blk->toks[1].flags & CT_TF_SPACE_BEFORE));
    tok_eq(&fb, 2, "A100", CT_TOK_WORD);
    ck_assert(fb.blk->toks[2].flags & CT_TF_HAS_DIGIT);
    tok_eq(&fb, 3, "o1", CT_TOK_WORD);
    ck_assert(fb.blk->toks[3].flags & CT_TF_HAS_DIGIT);
    tok_eq(&fb, 6, "$", CT_TOK_SYM);
    ck_assert_int_eq(fb.blk->toks[6].cp, '$');
    tok_eq(&fb, 7, "6.5", CT_TOK_NUM);
    tok_eq(&fb, 8, "m", CT_TOK_WORD);
    ck_assert(!(fb.blk->toks[8].flags & CT_TF_SPACE_BEFORE));
    tok_eq(&fb, 9, ",", CT_TOK_PUNCT);
    tok_eq(&fb, 10, "10,000", CT_TOK_NUM);
    tok_eq(&fb, 11, "CNBC", CT_TOK_WORD);
    ck_assert(fb.blk->toks[11].flags & CT_TF_ALLCAPS);
    tok_eq(&fb, 12, "isn't", CT_TOK_WORD);
    tok_eq(&fb, 13, "U.S.", CT_TOK_WORD);
    ck_assert(fb.blk->toks[13].flags & CT_TF_INITIALISM);
    tok_eq(&fb, 14, "\xe2\x80\x9c", CT_TOK_PUNCT);
    ck_assert_int_eq(fb.blk->toks[14].cp, 0x201C);
    ck_assert(ct__tok_is_quote(&fb.blk->toks[14]));
    tok_eq(&fb, 15, "ok", CT_TOK_WORD);
    ck_assert_uint_eq(fb.blk->ntoks, 17);
    ck_assert(ct__tok_is(fb.blk->buf, &fb.blk->toks[11], "cnbc"));
    ck_assert(!ct__tok_is(fb.blk->buf, &fb.blk->toks[11], "cnb"));
    static const char *const words[] = {"ab", "cnbc", NULL};
    ck_assert(ct__tok_in(fb.blk->buf, &fb.blk->toks[11], words));
    ct__segment_free(&fb.seg);
}
END_TEST

START_TEST(curly_possessive_and_non_ascii_words)
{
    first_block fb;
    tokens_of(&fb, "Nvidia\xe2\x80\x99s \xc3\x89lys\xc3\xa9" "e \xc2\xa3" "5 caf\xc3\xa9s");
    tok_eq(&fb, 0, "Nvidia", CT_TOK_WORD);
    tok_eq(&fb, 1, "\xe2\x80\x99s", CT_TOK_WORD);
    ck_assert(fb.blk->toks[1].flags & CT_TF_POSSESSIVE);
    tok_eq(&fb, 2, "\xc3\x89lys\xc3\xa9" "e", CT_TOK_WORD);
    ck_assert(fb.blk->toks[2].flags & CT_TF_CAP);
    tok_eq(&fb, 3, "\xc2\xa3", CT_TOK_SYM);
    ck_assert_int_eq(fb.blk->toks[3].cp, 0xA3);
    tok_eq(&fb, 4, "5", CT_TOK_NUM);
    tok_eq(&fb, 5, "caf\xc3\xa9s", CT_TOK_WORD);
    ct__segment_free(&fb.seg);
}
END_TEST

/* A plain word (ASCII letters and digits, at most 15 bytes) carries ct__word_hash() of
 * its lower-cased bytes, and the same flags, whether the tokenizer reads it sixteen bytes
 * at a time (far from the end of the buffer) or byte by byte (near it). */
START_TEST(plain_words_carry_their_hash_near_and_far_from_the_end)
{
    /* the text, and the length of its first token */
    static const struct {
        const char *text;
        size_t len;
    } words[] = {
        {"a", 1}, {"I", 1}, {"Of", 2}, {"the", 3}, {"CNBC", 4}, {"Nvidia", 6},
        {"DeepSeek", 8}, {"ABCDEFGH", 8}, {"abcdefghi", 9}, {"Abcdefghijklmno", 15},
        {"abcdefghijklmnop", 16}, {"abcdefghijklmnopq", 17}, {"mp3", 3}, {"A100", 4},
        {"COP29", 5}, {"isn't", 5}, {"U.S.", 4}, {"zZ", 2}, {"Zz", 2}, {"Trump's", 5},
        {"Nvidia\xe2\x80\x99s", 6}};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        char near[64], far[64];
        snprintf(near, sizeof near, "%s x", words[w].text);
        snprintf(far, sizeof far, "%s                      x", words[w].text);
        first_block a, b;
        tokens_of(&a, near);
        tokens_of(&b, far);
        const ct_token *ta = &a.blk->toks[0], *tb = &b.blk->toks[0];
        ck_assert_uint_eq(ta->len, words[w].len);
        ck_assert_uint_eq(tb->len, ta->len);
        ck_assert_uint_eq(ta->flags & ~CT_TF_SPACE_BEFORE, tb->flags & ~CT_TF_SPACE_BEFORE);
        const char *text = words[w].text;
        bool plain = strspn(text, "abcdefghijklmnopqrstuvwxyz"
                                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") >= ta->len;
        ck_assert_msg(((ta->flags & CT_TF_HASHED) != 0) == (plain && ta->len <= 15),
                      "'%s': hashed %d", text, (ta->flags & CT_TF_HASHED) != 0);
        if (ta->flags & CT_TF_HASHED) {
            unsigned char low[16];
            for (size_t k = 0; k < ta->len; k++)
                low[k] = (unsigned char)(text[k] | 0x20);
            ck_assert_msg(ta->hash == ct__word_hash(low, ta->len), "'%s' near", text);
            ck_assert_msg(tb->hash == ta->hash, "'%s' far", text);
        }
        ct__segment_free(&a.seg);
        ct__segment_free(&b.seg);
    }
}
END_TEST

START_TEST(invalid_bytes_are_replacement_symbols)
{
    first_block fb;
    tokens_of(&fb, "ab\xff" "cd \xe2\x82 x");
    tok_eq(&fb, 0, "ab", CT_TOK_WORD);
    tok_eq(&fb, 1, "\xff", CT_TOK_SYM);
    ck_assert_int_eq(fb.blk->toks[1].cp, CT_REPLACEMENT_CHAR);
    tok_eq(&fb, 2, "cd", CT_TOK_WORD);
    tok_eq(&fb, 3, "\xe2", CT_TOK_SYM);
    tok_eq(&fb, 4, "\x82", CT_TOK_SYM);
    tok_eq(&fb, 5, "x", CT_TOK_WORD);
    ct__segment_free(&fb.seg);
}
END_TEST

START_TEST(sentence_ends)
{
    ck_assert_str_eq(sentences("It was hailed as a success.But instead it failed. Then what?"),
                     "It was hailed as a success. | But instead it failed. | Then what?");
    ck_assert_str_eq(sentences("Kai-Fu Lee's 01.AI and Amazon.com were cited. X.AI too."),
                     "Kai-Fu Lee's 01.AI and Amazon.com were cited. | X.AI too.");
    ck_assert_str_eq(sentences("Mr. Smith met Dr. Jones on Jan. 5 about the No. 2 job."),
                     "Mr. Smith met Dr. Jones on Jan. 5 about the No. 2 job.");
    ck_assert_str_eq(sentences("Apple Inc. said so. Shares of Apple Inc. The rest fell."),
                     "Apple Inc. said so. | Shares of Apple Inc. | The rest fell.");
    ck_assert_str_eq(sentences("John F. Kennedy spoke. Costs were $6.5 million, i.e. less."),
                     "John F. Kennedy spoke. | Costs were $6.5 million, i.e. less.");
    ck_assert_str_eq(sentences("Made in the U.S. The firm said. U.S. officials agreed."),
                     "Made in the U.S. | The firm said. | U.S. officials agreed.");
    ck_assert_str_eq(sentences("He said: \"It works.\" Then he left. (Really.) Yes!"),
                     "He said: \"It works.\" | Then he left. | (Really.) | Yes!");
    ck_assert_str_eq(sentences("It grew 5.5% in 2024. 2025 was flat\xe2\x80\xa6 Odd."),
                     "It grew 5.5% in 2024. | 2025 was flat\xe2\x80\xa6 | Odd.");
}
END_TEST

START_TEST(paragraphs_and_wrapped_lines)
{
    const char *text = "First paragraph, which is\nhard wrapped onto a second line "
                       "because the writer did so in this long enough text.\n\n"
                       "Second one starts here and is body text of some length.\n"
                       "Third one follows without a blank line and is body text too.\n";
    ct_segmenter seg;
    ct__segment_init(&seg, text, strlen(text));
    const ct_block *blk;
    size_t paras[3], n = 0;
    while (ct__segment_next(&seg, &blk) == 1) {
        ck_assert(n < 3);
        ck_assert(blk->nsents >= 1);
        ck_assert(blk->sents[0].flags & CT_SF_PARA_START);
        paras[n++] = blk->para;
    }
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(paras[0], 0);
    ck_assert_uint_eq(paras[2], 2);
    ct__segment_free(&seg);
    /* the wrapped line is one sentence across the newline */
    ck_assert_str_eq(sentences("It was said that the figure\nwas lower than before."),
                     "It was said that the figure\nwas lower than before.");
}
END_TEST

START_TEST(metadata_and_furniture_lines)
{
    ck_assert_str_eq(sentences("Friday, January 31\n"
                               "Chinese lab claims a cheap model rivals OpenAI\n"
                               "https://example.com/story\n"
                               "By Jane Doe\n"
                               "The lab said it spent less than $6 million.\n"
                               "0 Commentaires \xc2\xb7" "0 Parts \xc2\xb7" "73 Vue\n"
                               "See also  Other stories\n"
                               "Source : CNBC news\n"
                               "The end of the story is here for now.\n"),
                     "M:Friday, January 31 | M:Chinese lab claims a cheap model rivals OpenAI | "
                     "M:https://example.com/story | M:By Jane Doe | "
                     "The lab said it spent less than $6 million. | "
                     "B:0 Commentaires \xc2\xb7" "0 Parts \xc2\xb7" "73 Vue | "
                     "B:See also  Other stories | M:Source : CNBC news | "
                     "The end of the story is here for now.");
}
END_TEST

/* The word lists and the furniture prefixes match in any case (their filters look at
 * hashes of lower-cased words and at lower-cased first letters). */
START_TEST(word_lists_and_prefixes_ignore_case)
{
    ck_assert_str_eq(sentences("MR. Smith met dR. Jones on JAN. 5 about the NO. 2 job. "
                               "Apple INC. said so. Made in the U.S. ThE firm said."),
                     "MR. Smith met dR. Jones on JAN. 5 about the NO. 2 job. | "
                     "Apple INC. said so. | Made in the U.S. | ThE firm said.");
    ck_assert_str_eq(sentences("SEE ALSO Other stories\n"
                               "Sponsored content here\n"
                               "ReAd MoRe of it\n"
                               "Seen also on TV, the story goes on and on.\n"
                               "Reader comments were many, the story went on.\n"),
                     "B:SEE ALSO Other stories | B:Sponsored content here | B:ReAd MoRe of it | "
                     "Seen also on TV, the story goes on and on. | "
                     "Reader comments were many, the story went on.");
    ck_assert_str_eq(sentences("The story began.\nFRIDAY, JANUARY 31\nThe story went on.\n"),
                     "M:The story began. | M:FRIDAY, JANUARY 31 | The story went on.");
}
END_TEST

/* Walk a document; check that blocks stay bounded, in order, and that every non-space
 * byte lands in exactly one token. (Plain ifs in the loops: each passing ck_assert
 * costs Check a write.) */
static void check_blocks(const char *buf, size_t len, size_t max_block)
{
    ct_segmenter seg;
    ct__segment_init(&seg, buf, len);
    const ct_block *blk;
    size_t next_byte = 0, nblocks = 0, covered = 0;
    int rc;
    while ((rc = ct__segment_next(&seg, &blk)) == 1) {
        nblocks++;
        if (blk->ntoks == 0)
            ck_abort_msg("block %zu has no tokens", nblocks);
        size_t first = blk->toks[0].start;
        size_t last = blk->toks[blk->ntoks - 1].start + blk->toks[blk->ntoks - 1].len;
        if (last - first > max_block)
            ck_abort_msg("block of %zu bytes", last - first);
        for (size_t i = 0; i < blk->ntoks; i++) {
            const ct_token *t = &blk->toks[i];
            if (t->start < next_byte || t->len == 0)
                ck_abort_msg("token at %zu overlaps or is empty", t->start);
            /* no token starts inside a UTF-8 sequence */
            if (((unsigned char)buf[t->start] & 0xC0) == 0x80 && t->cp != CT_REPLACEMENT_CHAR)
                ck_abort_msg("token at %zu starts inside a code point", t->start);
            next_byte = t->start + t->len;
            covered += t->len;
        }
        for (size_t i = 0; i < blk->nsents; i++)
            if (blk->sents[i].tok_count > 400)
                ck_abort_msg("sentence of %u tokens", blk->sents[i].tok_count);
    }
    ck_assert_int_eq(rc, 0);
    size_t nonspace = 0;
    for (size_t i = 0; i < len; i++)
        nonspace += (unsigned char)buf[i] > ' ' && buf[i] != 0x7F;
    ck_assert_uint_eq(covered, nonspace);
    ck_assert(nblocks >= len / max_block);
    ct__segment_free(&seg);
}

START_TEST(a_long_line_is_cut_into_bounded_blocks)
{
    size_t len = 3u << 20;
    char *buf = malloc(len);
    ck_assert_ptr_nonnull(buf);
    static const char sentence[] = "Revenue rose 5% to $6.5 million in 2024 said the firm. ";
    for (size_t i = 0; i < len; i++)
        buf[i] = sentence[i % (sizeof sentence - 1)];
    check_blocks(buf, len, 256u * 1024u);
    /* no sentence end at all: cut at white space */
    for (size_t i = 0; i < len; i++)
        buf[i] = (i % 7 == 6) ? ' ' : 'w';
    check_blocks(buf, len, 256u * 1024u);
    free(buf);
}
END_TEST

START_TEST(a_line_without_white_space_is_cut_between_code_points)
{
    size_t len = 1u << 20;
    char *buf = malloc(len);
    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i + 1 < len; i += 2) { /* "ééé..." */
        buf[i] = (char)0xC3;
        buf[i + 1] = (char)0xA9;
    }
    check_blocks(buf, len, 256u * 1024u);
    memset(buf, '.', len); /* punctuation only */
    check_blocks(buf, len, 256u * 1024u);
    memset(buf, '7', len); /* one endless number */
    check_blocks(buf, len, 256u * 1024u);
    free(buf);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("tokens");
    tcase_add_test(tc, word_lists_are_sorted);
    tcase_add_test(tc, tokens_of_names_numbers_and_symbols);
    tcase_add_test(tc, curly_possessive_and_non_ascii_words);
    tcase_add_test(tc, plain_words_carry_their_hash_near_and_far_from_the_end);
    tcase_add_test(tc, invalid_bytes_are_replacement_symbols);
    suite_add_tcase(s, tc);
    tc = tcase_create("sentences");
    tcase_add_test(tc, sentence_ends);
    tcase_add_test(tc, paragraphs_and_wrapped_lines);
    tcase_add_test(tc, metadata_and_furniture_lines);
    tcase_add_test(tc, word_lists_and_prefixes_ignore_case);
    suite_add_tcase(s, tc);
    tc = tcase_create("blocks");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_long_line_is_cut_into_bounded_blocks);
    tcase_add_test(tc, a_line_without_white_space_is_cut_between_code_points);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
