/* Internal: what a claim is about (subject.c). */
#ifndef CT_SUBJECT_H
#define CT_SUBJECT_H

#include "attrib.h"

/* Fill subject, entity and terms of each claim in refs (strings in doc->arena). Runs
 * after ct__attrib_block() on the same block (wb: ct__attrib_words()), so speakers are
 * known. Returns CT_OK or CT_ENOMEM. */
int ct__subject_block(const ct_wblock *wb, ct_claim_ref *refs, size_t nrefs, ct_doc *doc);

#endif
