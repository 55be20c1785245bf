/* JSON at the edge: documents, claims and quotes out, ingest records in. */
#include "json.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "store.h"
#include "text.h"

/* jansson rejects invalid UTF-8: clean anything that did not come from the library. */
static json_t *str_or_null(const char *s)
{
    if (!s)
        return json_null();
    size_t n = strlen(s);
    if (ct__text_valid(s, n, NULL))
        return json_stringn(s, n);
    char *tmp = ct__malloc(n + 1);
    if (!tmp)
        return NULL;
    size_t k = ct__text_clean(tmp, n + 1, s, n);
    json_t *v = json_stringn(tmp, k);
    ct__free(tmp);
    return v;
}

static json_t *span(size_t a, size_t b) { return json_pack("[I,I]", (json_int_t)a, (json_int_t)b); }

static json_t *number_or_null(bool has, double v) { return has ? json_real(v) : json_null(); }

/* Whole numbers print as integers (6000000, not 6000000.0), as the contract shows. */
static json_t *value_number(bool has, double v)
{
    /* range first: converting a double beyond json_int_t is undefined behaviour */
    if (has && v > -9e15 && v < 9e15 && v == (double)(json_int_t)v)
        return json_integer((json_int_t)v);
    return number_or_null(has, v);
}

static json_t *speaker_obj(const char *name, const char *kind, const char *role, const char *org)
{
    if (!name)
        return json_null();
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "name", str_or_null(name));
    if (kind)
        bad |= json_object_set_new(o, "kind", str_or_null(kind));
    if (role)
        bad |= json_object_set_new(o, "role", str_or_null(role));
    if (org)
        bad |= json_object_set_new(o, "organization", str_or_null(org));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *claim_obj(const ct_claim *c, bool full)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    if (c->id)
        bad |= json_object_set_new(o, "id", json_integer(c->id));
    if (c->doc_id)
        bad |= json_object_set_new(o, "doc_id", json_integer(c->doc_id));
    if (c->origin_id)
        bad |= json_object_set_new(o, "origin_id", json_integer(c->origin_id));
    if (c->file)
        bad |= json_object_set_new(o, "file", str_or_null(c->file));
    bad |= json_object_set_new(o, "span", span(c->start, c->end));
    bad |= json_object_set_new(o, "text", str_or_null(c->text ? c->text : ""));
    bad |= json_object_set_new(o, "kind", json_string(ct_kind_name(c->kind)));
    json_t *v = json_object();
    bad |= json_object_set_new(v, "low", value_number(c->has_low, c->low));
    bad |= json_object_set_new(v, "high", value_number(c->has_high, c->high));
    bad |= json_object_set_new(o, "value", v);
    bad |= json_object_set_new(o, "unit", c->unit[0] ? json_string(c->unit) : json_null());
    bad |= json_object_set_new(o, "bound", json_string(ct_bound_name(c->bound)));
    bad |= json_object_set_new(o, "direction", str_or_null(ct_direction_name(c->direction)));
    if (full) {
        bad |= json_object_set_new(o, "speaker", speaker_obj(c->speaker, c->speaker_kind,
                                                             c->speaker_role, c->speaker_org));
        bad |= json_object_set_new(o, "hedged", json_boolean(c->hedged));
        if (c->hedge_cue)
            bad |= json_object_set_new(o, "hedge_cue", str_or_null(c->hedge_cue));
        bad |= json_object_set_new(o, "subject", str_or_null(c->subject));
        bad |= json_object_set_new(o, "entity", str_or_null(c->entity));
        bad |= json_object_set_new(o, "terms", str_or_null(c->terms ? c->terms : ""));
        bad |= json_object_set_new(o, "sentence", span(c->sent_start, c->sent_end));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *quote_obj(const ct_quote *q)
{
    return json_pack("{s:o,s:o,s:o}", "span", span(q->start, q->end), "text",
                     str_or_null(q->text ? q->text : ""), "speaker",
                     speaker_obj(q->speaker, q->speaker_kind, NULL, NULL));
}

/* Bits a caller set that this function does not know: refused, as ct_store_open does, so
 * a flag from a newer header is not silently ignored. */
static int flags_unknown(const char *fn, unsigned flags, unsigned known)
{
    if (flags & ~known)
        return ct__error(CT_EINVAL, "%s: unknown flags 0x%x", fn, flags & ~known);
    return CT_OK;
}

static int dump(char **out, json_t *root, unsigned flags)
{
    if (!root)
        return ct__enomem();
    size_t jflags = JSON_PRESERVE_ORDER |
                    ((flags & CT_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT);
    char *s = json_dumps(root, jflags);
    json_decref(root);
    if (!s)
        return ct__enomem();
    /* hand back memory from our allocator, so ct_free() is the one way to free it */
    *out = ct__strdup(s);
    free(s);
    return *out ? CT_OK : ct__enomem();
}

int ct_claim_to_json(char **out, const ct_claim *claim, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_claim_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_claim_to_json", flags, CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!claim)
        return ct__error(CT_EINVAL, "ct_claim_to_json: claim is NULL");
    return dump(out, claim_obj(claim, true), flags);
}

/* The document's JSON object, or NULL when any part of it could not be built: a member
 * that is out of memory must fail the call, not vanish from the output. */
static json_t *doc_obj(const ct_doc *doc, const char *file, unsigned flags)
{
    json_t *root = json_object();
    if (!root)
        return NULL;
    /* set_new consumes its value even when it fails, so nothing leaks on these paths */
    int bad = file ? json_object_set_new(root, "file", str_or_null(file)) : 0;
    if (flags & CT_JSON_QUANTITIES) {
        json_t *qs = json_array();
        for (size_t i = 0; qs && i < doc->nquantities; i++)
            bad |= json_array_append_new(qs, claim_obj(&doc->quantities[i], false));
        bad |= json_object_set_new(root, "quantities", qs);
    } else {
        json_t *cs = json_array(), *qs = json_array(), *meta = json_object();
        for (size_t i = 0; cs && i < doc->nclaims; i++)
            bad |= json_array_append_new(cs, claim_obj(&doc->claims[i], true));
        for (size_t i = 0; qs && i < doc->nquotes; i++)
            bad |= json_array_append_new(qs, quote_obj(&doc->quotes[i]));
        static const char *const names[CT_META_COUNT_] = {"title", "outlet", "url", "byline",
                                                          "dateline"};
        for (int m = 0; meta && m < CT_META_COUNT_; m++)
            if (doc->meta[m])
                bad |= json_object_set_new(meta, names[m], str_or_null(doc->meta[m]));
        bad |= json_object_set_new(root, "claims", cs);
        bad |= json_object_set_new(root, "quotes", qs);
        bad |= json_object_set_new(root, "meta", meta);
    }
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int ct_doc_to_json(char **out, const ct_doc *doc, const char *file, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_doc_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_doc_to_json", flags, CT_JSON_QUANTITIES | CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!doc)
        return ct__error(CT_EINVAL, "ct_doc_to_json: doc is NULL");
    json_t *root = doc_obj(doc, file, flags);
    if (!root)
        return ct__enomem();
    return dump(out, root, flags);
}

/* ---- the store's rows -------------------------------------------------------------- */

/* A stored claim where a relation, origin or check names it: the contract's "file",
 * "span" and "text", its value, and who said it. */
static json_t *stored_claim_obj(const ct_claim *c)
{
    json_t *o = claim_obj(c, false);
    if (!o)
        return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "speaker", speaker_obj(c->speaker, c->speaker_kind,
                                                         c->speaker_role, c->speaker_org));
    bad |= json_object_set_new(o, "subject", str_or_null(c->subject));
    bad |= json_object_set_new(o, "entity", str_or_null(c->entity));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *relation_obj(const ct_relation *r)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "type", json_string(ct_relation_type_name(r->type)));
    bad |= json_object_set_new(o, "a", stored_claim_obj(&r->a));
    bad |= json_object_set_new(o, "b", stored_claim_obj(&r->b));
    bad |= json_object_set_new(o, "score", json_real(r->score));
    bad |= json_object_set_new(o, "reason", str_or_null(r->reason ? r->reason : ""));
    bad |= json_object_set_new(o, "independent", json_boolean(r->independent));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int ct_relation_to_json(char **out, const ct_relation *rel, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_relation_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_relation_to_json", flags, CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!rel)
        return ct__error(CT_EINVAL, "ct_relation_to_json: relation is NULL");
    return dump(out, relation_obj(rel), flags);
}

static json_t *origin_obj(const ct_origin *origin)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "id", json_integer(origin->id));
    bad |= json_object_set_new(o, "origin", str_or_null(origin->label ? origin->label : ""));
    bad |= json_object_set_new(o, "reports", json_integer(origin->reports));
    bad |= json_object_set_new(o, "documents", json_integer(origin->documents));
    bad |= json_object_set_new(o, "independent_documents", json_integer(origin->independent));
    bad |= json_object_set_new(o, "first", stored_claim_obj(&origin->first));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int ct_origin_to_json(char **out, const ct_origin *origin, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_origin_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_origin_to_json", flags, CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!origin)
        return ct__error(CT_EINVAL, "ct_origin_to_json: origin is NULL");
    return dump(out, origin_obj(origin), flags);
}

static json_t *document_obj(const ct_document *d)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "id", json_integer(d->id));
    bad |= json_object_set_new(o, "file", str_or_null(d->file));
    bad |= json_object_set_new(o, "source", str_or_null(d->source));
    bad |= json_object_set_new(o, "url", str_or_null(d->url));
    bad |= json_object_set_new(o, "published", str_or_null(d->published));
    bad |= json_object_set_new(o, "title", str_or_null(d->title));
    bad |= json_object_set_new(o, "ingested", str_or_null(d->ingested));
    bad |= json_object_set_new(o, "sha256", str_or_null(d->sha256));
    bad |= json_object_set_new(o, "claims", json_integer(d->claims));
    if (d->derived_from) {
        bad |= json_object_set_new(o, "derived_from", json_integer(d->derived_from));
        bad |= json_object_set_new(o, "similarity", json_real(d->similarity));
    } else {
        bad |= json_object_set_new(o, "derived_from", json_null());
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int ct_document_to_json(char **out, const ct_document *d, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_document_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_document_to_json", flags, CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!d)
        return ct__error(CT_EINVAL, "ct_document_to_json: document is NULL");
    return dump(out, document_obj(d), flags);
}

int ct__json_claim_report(char **out, const ct_claim *claim, const char *sentence,
                          size_t sentence_len, const ct_document *doc, const ct_origin *origin,
                          const ct_relation *rels, size_t nrels, unsigned flags)
{
    json_t *root = json_object(), *list = json_array();
    if (!root || !list) {
        json_decref(root);
        json_decref(list);
        return ct__enomem();
    }
    int bad = json_object_set_new(root, "claim", claim_obj(claim, true));
    char *clean = ct__malloc(sentence_len + 1);
    if (clean) {
        size_t k = ct__text_clean(clean, sentence_len + 1, sentence ? sentence : "", sentence_len);
        bad |= json_object_set_new(root, "sentence", json_stringn(clean, k));
        ct__free(clean);
    } else {
        bad = -1;
    }
    bad |= json_object_set_new(root, "document", doc ? document_obj(doc) : json_null());
    bad |= json_object_set_new(root, "origin", origin ? origin_obj(origin) : json_null());
    for (size_t i = 0; i < nrels; i++)
        bad |= json_array_append_new(list, relation_obj(&rels[i]));
    bad |= json_object_set_new(root, "relations", list);
    if (bad) {
        json_decref(root);
        return ct__enomem();
    }
    return dump(out, root, flags);
}

int ct_source_to_json(char **out, const ct_source *src, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_source_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_source_to_json", flags, CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!src)
        return ct__error(CT_EINVAL, "ct_source_to_json: source is NULL");
    return dump(out,
                json_pack("{s:o,s:I,s:I}", "source", str_or_null(src->name ? src->name : ""),
                          "documents", (json_int_t)src->documents, "claims",
                          (json_int_t)src->claims),
                flags);
}

int ct_check_to_json(char **out, const ct_check *chk, unsigned flags)
{
    if (!out)
        return ct__error(CT_EINVAL, "ct_check_to_json: out is NULL");
    *out = NULL;
    if (flags_unknown("ct_check_to_json", flags, CT_JSON_PRETTY))
        return CT_EINVAL;
    if (!chk)
        return ct__error(CT_EINVAL, "ct_check_to_json: check is NULL");
    json_t *root = json_object(), *claims = json_array();
    if (!root || !claims) {
        json_decref(root);
        json_decref(claims);
        return ct__enomem();
    }
    int bad = 0;
    for (size_t i = 0; i < ct_check_claim_count(chk); i++) {
        const struct ct_check_item *item = &chk->items[i];
        json_t *matches = json_array(), *entry = json_object();
        for (size_t j = 0; matches && j < item->nmatches; j++)
            bad |= json_array_append_new(matches, relation_obj(&item->matches[j]));
        bad |= json_object_set_new(entry, "claim", claim_obj(&chk->doc->claims[i], true));
        bad |= json_object_set_new(entry, "verdict", json_string(ct_verdict_name(item->verdict)));
        bad |= json_object_set_new(entry, "matches", matches);
        bad |= json_array_append_new(claims, entry);
    }
    bad |= json_object_set_new(root, "claims", claims);
    if (bad) {
        json_decref(root);
        return ct__enomem();
    }
    return dump(out, root, flags);
}

static char *member(json_t *obj, const char *key, size_t line_no, int *rc)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *rc = ct__error(CT_EINVAL, "line %zu: \"%s\" is not a string", line_no, key);
        return NULL;
    }
    char *s = ct__strndup(json_string_value(v), json_string_length(v));
    if (!s)
        *rc = ct__enomem();
    return s;
}

int ct__json_parse_record(ct_json_record *out, const char *line, size_t len, size_t line_no)
{
    memset(out, 0, sizeof *out);
    json_error_t err;
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
    if (!root)
        return ct__error(CT_EINVAL, "line %zu, column %d: %s", line_no, err.column, err.text);
    int rc = CT_OK;
    if (!json_is_object(root)) {
        rc = ct__error(CT_EINVAL, "line %zu: a record must be a JSON object", line_no);
        goto cleanup;
    }
    json_t *text = json_object_get(root, "text");
    if (!json_is_string(text)) {
        rc = ct__error(CT_EINVAL, "line %zu: the record has no \"text\" string", line_no);
        goto cleanup;
    }
    out->text_len = json_string_length(text);
    out->text = ct__strndup(json_string_value(text), out->text_len);
    if (!out->text) {
        rc = ct__enomem();
        goto cleanup;
    }
    out->source = member(root, "source", line_no, &rc);
    out->url = member(root, "url", line_no, &rc);
    out->published = member(root, "published", line_no, &rc);
    out->title = member(root, "title", line_no, &rc);
    out->file = member(root, "file", line_no, &rc);
cleanup:
    json_decref(root);
    if (rc != CT_OK)
        ct__json_record_dispose(out);
    return rc;
}

void ct__json_record_dispose(ct_json_record *rec)
{
    ct__free(rec->text);
    ct__free(rec->source);
    ct__free(rec->url);
    ct__free(rec->published);
    ct__free(rec->title);
    ct__free(rec->file);
    memset(rec, 0, sizeof *rec);
}
