/* Internal: the JSON edge (json.c, the only user of jansson). */
#ifndef CT_JSON_H
#define CT_JSON_H

#include <stddef.h>

#include "claim.h"
#include "claimtrack/store.h"


/* A JSON Lines ingest record: {"text": ..., "source": ..., "url": ..., "published": ...,
 * "title": ...}. Strings are ct__malloc'ed copies (free each with ct__free); absent members
 * are NULL. Returns CT_OK or CT_EINVAL with "line N, column M: ..." in ct_errmsg(). */
typedef struct {
    char *text;
    size_t text_len;
    char *source, *url, *published, *title, *file;
} ct_json_record;

int ct__json_parse_record(ct_json_record *out, const char *line, size_t len, size_t line_no);
void ct__json_record_dispose(ct_json_record *rec);

/* One claim with its sentence, document, origin and relations (ct_store_claim_to_json). */
int ct__json_claim_report(char **out, const ct_claim *claim, const char *sentence,
                          size_t sentence_len, const ct_document *doc, const ct_origin *origin,
                          const ct_relation *rels, size_t nrels, unsigned flags);

#endif
