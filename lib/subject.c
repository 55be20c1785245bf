/* What a claim is about. (Being written: see issue 3.) */
#include "subject.h"

#include "claimtrack/errors.h"

int ct__subject_block(const ct_block *blk, ct_claim_ref *refs, size_t nrefs, ct_doc *doc)
{
    (void)blk;
    (void)refs;
    (void)nrefs;
    (void)doc;
    return CT_OK;
}
