/* The extraction API: arguments, errors, metadata, JSON. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "claimtrack/claimtrack.h"
#include "testutil.h"

static ct_doc *extract_ok(const char *text)
{
    ct_doc *doc = NULL;
    int rc = ct_extract(&doc, text, strlen(text), 0);
    ck_assert_int_eq(rc, CT_OK);
    ck_assert_ptr_nonnull(doc);
    return doc;
}

START_TEST(null_arguments)
{
    ct_doc *doc = (ct_doc *)1;
    ck_assert_int_eq(ct_extract(NULL, "x", 1, 0), CT_EINVAL);
    ck_assert_str_eq(ct_errmsg(), "ct_extract: out is NULL");
    ck_assert_int_eq(ct_extract(&doc, NULL, 5, 0), CT_EINVAL);
    ck_assert_ptr_null(doc);
    ck_assert_str_eq(ct_errmsg(), "ct_extract: text is NULL");
    /* a flag this version does not know is refused, not ignored */
    ck_assert_int_eq(ct_extract(&doc, "x", 1, 0x10), CT_EINVAL);
    ck_assert_ptr_null(doc);
    ck_assert_str_eq(ct_errmsg(), "ct_extract: unknown flags 0x10");
    ck_assert_int_eq(ct_extract(&doc, "x", 1, 0), CT_OK);
    char *json = (char *)1;
    ck_assert_int_eq(ct_doc_to_json(&json, doc, NULL, 0x4), CT_EINVAL);
    ck_assert_ptr_null(json);
    ck_assert_str_eq(ct_errmsg(), "ct_doc_to_json: unknown flags 0x4");
    ck_assert_int_eq(ct_doc_to_json(&json, doc, NULL, CT_JSON_QUANTITIES | CT_JSON_PRETTY), CT_OK);
    ct_free(json);
    ct_doc_free(doc);
    doc = NULL;
    /* NULL with length 0 is an empty document */
    ck_assert_int_eq(ct_extract(&doc, NULL, 0, 0), CT_OK);
    ck_assert_uint_eq(ct_doc_claim_count(doc), 0);
    ct_doc_free(doc);
    ct_doc_free(NULL);
    ck_assert_uint_eq(ct_doc_claim_count(NULL), 0);
    ck_assert_ptr_null(ct_doc_claim(NULL, 0));
    ck_assert_ptr_null(ct_doc_meta(NULL, CT_META_TITLE));
    ck_assert_str_eq(ct_claim_text(NULL), "");
    ck_assert_str_eq(ct_claim_unit(NULL), "");
}
END_TEST

START_TEST(invalid_utf8_is_an_error_with_its_offset)
{
    static const char text[] = "Sales rose 5% to \xe2\x82 in 2024.";
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, text, sizeof text - 1, 0), CT_EINVAL);
    ck_assert_ptr_null(doc);
    ck_assert_str_eq(ct_errmsg(), "invalid UTF-8 at byte 17");
}
END_TEST

START_TEST(invalid_utf8_replaced_on_request_keeps_spans)
{
    static const char text[] = "\xff\xfe Title of the story here\n\nProfits rose.\n";
    ct_doc *doc = NULL;
    ck_assert_int_eq(ct_extract(&doc, text, sizeof text - 1, CT_EXTRACT_REPLACE_INVALID), CT_OK);
    char *json = NULL;
    ck_assert_int_eq(ct_doc_to_json(&json, doc, "x.txt", 0), CT_OK);
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    ck_assert_msg(root != NULL, "output is not JSON: %s", err.text);
    json_decref(root);
    ct_free(json);
    ct_doc_free(doc);
}
END_TEST

START_TEST(empty_and_blank_documents)
{
    ct_doc *doc = extract_ok("");
    ck_assert_uint_eq(ct_doc_claim_count(doc), 0);
    ck_assert_uint_eq(ct_doc_quote_count(doc), 0);
    ct_doc_free(doc);
    doc = extract_ok(" \n\n\t \r\n ");
    ck_assert_uint_eq(ct_doc_quantity_count(doc), 0);
    ck_assert_ptr_null(ct_doc_meta(doc, CT_META_TITLE));
    ct_doc_free(doc);
}
END_TEST

START_TEST(metadata_lines_become_document_fields)
{
    ct_doc *doc = extract_ok("Friday, March 7\n\n"
                             "Regulators question the chipmaker's accounting\n"
                             "www.example-news.com\n"
                             "Jane Q. Public, reporter\n"
                             "The regulator said on Monday that it had opened an inquiry.\n"
                             "Source : Example Wire\n");
    ck_assert_str_eq(ct_doc_meta(doc, CT_META_DATELINE), "Friday, March 7");
    ck_assert_str_eq(ct_doc_meta(doc, CT_META_TITLE),
                     "Regulators question the chipmaker's accounting");
    ck_assert_str_eq(ct_doc_meta(doc, CT_META_URL), "www.example-news.com");
    ck_assert_str_eq(ct_doc_meta(doc, CT_META_BYLINE), "Jane Q. Public");
    ck_assert_str_eq(ct_doc_meta(doc, CT_META_OUTLET), "Example Wire");
    ck_assert_ptr_null(ct_doc_meta(doc, CT_META_COUNT_));
    ct_doc_free(doc);
}
END_TEST

START_TEST(a_body_paragraph_is_not_a_title)
{
    ct_doc *doc = extract_ok("The regulator said on Monday that it had opened an inquiry into "
                             "the accounts. It gave no date. Officials declined to comment.\n");
    ck_assert_ptr_null(ct_doc_meta(doc, CT_META_TITLE));
    ct_doc_free(doc);
}
END_TEST

START_TEST(json_has_the_contract_shape)
{
    ct_doc *doc = extract_ok("A headline about nothing much\n\nNothing is counted here.\n");
    char *json = NULL;
    ck_assert_int_eq(ct_doc_to_json(&json, doc, "dir/a \"quoted\" name.txt", 0), CT_OK);
    json_t *root = json_loads(json, 0, NULL);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(json_object_get(root, "file")),
                     "dir/a \"quoted\" name.txt");
    ck_assert(json_is_array(json_object_get(root, "claims")));
    ck_assert(json_is_array(json_object_get(root, "quotes")));
    ck_assert(json_is_object(json_object_get(root, "meta")));
    ck_assert_ptr_null(strchr(json, '\n'));
    json_decref(root);
    ct_free(json);

    ck_assert_int_eq(ct_doc_to_json(&json, doc, NULL, CT_JSON_QUANTITIES), CT_OK);
    root = json_loads(json, 0, NULL);
    ck_assert(json_is_array(json_object_get(root, "quantities")));
    ck_assert_ptr_null(json_object_get(root, "file"));
    json_decref(root);
    ct_free(json);

    ck_assert_int_eq(ct_doc_to_json(NULL, doc, NULL, 0), CT_EINVAL);
    ck_assert_int_eq(ct_doc_to_json(&json, NULL, NULL, 0), CT_EINVAL);
    ck_assert_ptr_null(json);
    ct_doc_free(doc);
}
END_TEST

START_TEST(file_names_that_are_not_utf8_are_cleaned)
{
    ct_doc *doc = extract_ok("Nothing.");
    char *json = NULL;
    ck_assert_int_eq(ct_doc_to_json(&json, doc, "bad\xffname.txt", 0), CT_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"bad?name.txt\""));
    ct_free(json);
    ct_doc_free(doc);
}
END_TEST

START_TEST(names_of_enums)
{
    ck_assert_str_eq(ct_kind_name(CT_KIND_MONEY), "money");
    ck_assert_str_eq(ct_kind_name(CT_KIND_DATE), "date");
    ck_assert_str_eq(ct_bound_name(CT_BOUND_UPPER), "upper");
    ck_assert_str_eq(ct_bound_name(CT_BOUND_RANGE), "range");
    ck_assert_str_eq(ct_direction_name(CT_DIR_LESS), "less");
    ck_assert_ptr_null(ct_direction_name(CT_DIR_NONE));
    ck_assert_str_eq(ct_errstr(CT_ENOMEM), "out of memory");
    ck_assert_str_eq(ct_errstr(12345), "unknown error code");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("extract");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, null_arguments);
    tcase_add_test(tc, invalid_utf8_is_an_error_with_its_offset);
    tcase_add_test(tc, invalid_utf8_replaced_on_request_keeps_spans);
    tcase_add_test(tc, empty_and_blank_documents);
    tcase_add_test(tc, names_of_enums);
    suite_add_tcase(s, tc);
    tc = tcase_create("metadata");
    tcase_add_test(tc, metadata_lines_become_document_fields);
    tcase_add_test(tc, a_body_paragraph_is_not_a_title);
    suite_add_tcase(s, tc);
    tc = tcase_create("json");
    tcase_add_test(tc, json_has_the_contract_shape);
    tcase_add_test(tc, file_names_that_are_not_utf8_are_cleaned);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return tu_run(suite()); }
