/* Subject, entity and key terms of claims, through the extraction API. */
#include <check.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "claimtrack/claimtrack.h"
#include "testutil.h"

/* A body paragraph after a title line, so the sentence is not taken for a headline. */
static ct_doc *extract(const char *body)
{
    static const char title[] = "A headline for the story\n\n";
    size_t n = strlen(title) + strlen(body);
    char *text = malloc(n + 1);
    ck_assert_ptr_nonnull(text);
    memcpy(text, title, sizeof title - 1);
    memcpy(text + sizeof title - 1, body, strlen(body) + 1);
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, text, n, 0), CT_OK);
    free(text);
    return doc;
}

/* The claim whose text contains needle. */
static const ct_claim *claim_with(const ct_doc *doc, const char *needle)
{
    for (size_t i = 0; i < ct_doc_claim_count(doc); i++) {
        const ct_claim *c = ct_doc_claim(doc, i);
        if (strstr(ct_claim_text(c), needle))
            return c;
    }
    ck_abort_msg("no claim with %s", needle);
    return NULL;
}

static const char *or_none(const char *s) { return s ? s : "(none)"; }

#define ck_field(got, want)                                                               \
    ck_assert_msg((got) && strcmp((got), (want)) == 0, "%s, want %s", or_none(got), (want))

START_TEST(subject_before_of)
{
    ct_doc *doc = extract("DeepSeek shocked global markets with a technical paper that stated "
                          "that its model was created with a total training cost of less than "
                          "$6 million.\n");
    const ct_claim *c = claim_with(doc, "$6 million");
    ck_field(ct_claim_subject(c), "total training cost");
    ck_field(ct_claim_entity(c), "DeepSeek");
    ck_field(ct_claim_speaker(c), "DeepSeek");
    ct_doc_free(doc);
}
END_TEST

START_TEST(subject_after_worth_of_and_in)
{
    ct_doc *doc = extract("The company may possess $500 million worth of GPUs. The fall wiped "
                          "away about $600 billion in the market value of the chipmaker "
                          "Nvidia.\n");
    const ct_claim *c = claim_with(doc, "$500 million");
    ck_field(ct_claim_subject(c), "gpus");
    c = claim_with(doc, "$600 billion");
    ck_field(ct_claim_subject(c), "market value");
    ck_field(ct_claim_entity(c), "Nvidia");
    ct_doc_free(doc);
}
END_TEST

START_TEST(subject_of_a_ratio_is_its_owner)
{
    ct_doc *doc = extract("Bernstein analysts estimate that DeepSeek's prices are 20 to 40 times "
                          "cheaper.\n");
    const ct_claim *c = claim_with(doc, "20 to 40");
    ck_field(ct_claim_subject(c), "prices");
    ck_field(ct_claim_entity(c), "DeepSeek");
    ck_assert_ptr_nonnull(strstr(ct_claim_terms(c), "price"));
    ck_assert_ptr_nonnull(strstr(ct_claim_terms(c), "deepseek"));
    ct_doc_free(doc);
}
END_TEST

START_TEST(different_entities_give_different_terms)
{
    ct_doc *a = extract("It cost $3 million to train 01.AI's model, Kai-Fu Lee said.\n");
    ct_doc *b = extract("It cost $6 million to train DeepSeek's model, Liang Wenfeng said.\n");
    const ct_claim *ca = claim_with(a, "$3 million");
    const ct_claim *cb = claim_with(b, "$6 million");
    ck_field(ct_claim_entity(ca), "01.AI");
    ck_field(ct_claim_entity(cb), "DeepSeek");
    ck_assert_str_ne(ct_claim_terms(ca), ct_claim_terms(cb));
    ck_assert_ptr_nonnull(strstr(ct_claim_terms(ca), "train"));
    ck_assert_ptr_nonnull(strstr(ct_claim_terms(cb), "train"));
    ct_doc_free(a);
    ct_doc_free(b);
}
END_TEST

START_TEST(terms_are_normalised)
{
    ct_doc *doc = extract("The Hardware Expenditures of the company have been well higher than "
                          "$500 million over the years.\n");
    const ct_claim *c = claim_with(doc, "$500 million");
    const char *t = ct_claim_terms(c);
    ck_assert_ptr_nonnull(t);
    for (const char *p = t; *p; p++)
        ck_assert_msg(!isupper((unsigned char)*p), "terms %s are not lower case", t);
    ck_assert_ptr_null(strstr(t, "the "));
    ck_assert_ptr_null(strstr(t, "  "));
    ct_doc_free(doc);
}
END_TEST

/* Only A-Z are lowered: other bytes of a word ("é", digits) are kept as they are, and
 * the words are joined by single spaces. */
START_TEST(subject_words_keep_other_bytes)
{
    ct_doc *doc = extract("The ZETA Group said its total caf\xC3\xA9 renovation cost of less "
                          "than $6 million came from Z\xC3\xBCrich.\n");
    const ct_claim *c = claim_with(doc, "$6 million");
    ck_field(ct_claim_subject(c), "total caf\xC3\xA9 renovation cost");
    ck_field(ct_claim_entity(c), "ZETA Group");
    ck_field(ct_claim_terms(c), "total caf\xC3\xA9 renovation cost zeta group");
    ct_doc_free(doc);
}
END_TEST

START_TEST(metadata_has_no_claims_or_speakers)
{
    static const char text[] = "Trump says taxes will rise 5% next year\nwww.example.com\n\n"
                               "Nandini Roy Choudhury, writer\n\nSource : CNBC news\n";
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, text, sizeof text - 1, 0), CT_OK);
    ck_assert_uint_eq(ct_doc_claim_count(doc), 0);
    ck_assert_uint_eq(ct_doc_quote_count(doc), 0);
    ct_doc_free(doc);
}
END_TEST

START_TEST(the_company_is_the_organisation_named_before)
{
    /* not the analyst who speaks, the company it speaks about */
    ct_doc *doc = extract("DeepSeek has said it spent less than $6 million on training. "
                          "SemiAnalysis, a research firm, estimated that the company may "
                          "possess $500 million worth of GPUs.\n");
    const ct_claim *c = claim_with(doc, "$500 million");
    ck_field(ct_claim_speaker(c), "SemiAnalysis");
    ck_field(ct_claim_entity(c), "DeepSeek");
    ck_assert_ptr_nonnull(strstr(ct_claim_terms(c), "deepseek"));
    ct_doc_free(doc);
    /* a name used only as an object (a headline's) is what later claims are about */
    doc = extract("Investors praised OpenAI on Monday.\n\nAnalysts say the firm's revenue "
                  "grew 40% last year.\n");
    c = claim_with(doc, "40%");
    ck_field(ct_claim_entity(c), "OpenAI");
    ct_doc_free(doc);
    /* with no organisation before it, "the company" names none */
    doc = extract("Analysts say the company may possess $500 million worth of GPUs.\n");
    c = claim_with(doc, "$500 million");
    ck_assert_ptr_null(ct_claim_entity(c));
    ct_doc_free(doc);
}
END_TEST

START_TEST(nationality_adjectives_are_no_entity)
{
    ct_doc *doc = extract("The Chinese startup DeepSeek has caused a stir. Experts claim its "
                          "models match top American models at a tenth of the price.\n");
    const ct_claim *c = claim_with(doc, "a tenth");
    ck_assert_msg(!ct_claim_entity(c) || strcmp(ct_claim_entity(c), "American") != 0,
                  "entity American");
    ck_field(ct_claim_entity(c), "DeepSeek");
    ct_doc_free(doc);
    doc = extract("The Chinese startup DeepSeek has caused a stir. Experts claim the models "
                  "match top American models at a tenth of the price.\n");
    c = claim_with(doc, "a tenth");
    ck_field(ct_claim_entity(c), "DeepSeek");
    ct_doc_free(doc);
}
END_TEST

START_TEST(no_subject_is_no_guess)
{
    ct_doc *doc = extract("It was 5%.\n");
    const ct_claim *c = claim_with(doc, "5%");
    ck_assert_ptr_null(ct_claim_speaker(c));
    ck_assert_ptr_null(ct_claim_entity(c));
    ct_doc_free(doc);
}
END_TEST

static Suite *subject_suite(void)
{
    Suite *s = suite_create("subject");
    struct {
        const char *name;
        const TTest *fn;
    } cases[] = {
        {"subject_before_of", subject_before_of},
        {"subject_after_worth_of_and_in", subject_after_worth_of_and_in},
        {"subject_of_a_ratio_is_its_owner", subject_of_a_ratio_is_its_owner},
        {"different_entities_give_different_terms", different_entities_give_different_terms},
        {"terms_are_normalised", terms_are_normalised},
        {"subject_words_keep_other_bytes", subject_words_keep_other_bytes},
        {"metadata_has_no_claims_or_speakers", metadata_has_no_claims_or_speakers},
        {"no_subject_is_no_guess", no_subject_is_no_guess},
        {"the_company_is_the_organisation_named_before",
         the_company_is_the_organisation_named_before},
        {"nationality_adjectives_are_no_entity", nationality_adjectives_are_no_entity},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *tc = tcase_create(cases[i].name);
        tcase_add_test(tc, cases[i].fn);
        suite_add_tcase(s, tc);
    }
    return s;
}

int main(void) { return tu_run(subject_suite()); }
