/* Quotes, speakers and hedges. (Being written: see issue 3.) */
#include "attrib.h"

#include "claimtrack/errors.h"
#include "error.h"

struct ct_attrib {
    int unused;
};

int ct__attrib_new(ct_attrib **out)
{
    *out = ct__calloc(1, sizeof **out);
    return *out ? CT_OK : CT_ENOMEM;
}

void ct__attrib_free(ct_attrib *st) { ct__free(st); }

int ct__attrib_block(ct_attrib *st, const ct_block *blk, ct_claim_ref *refs, size_t nrefs,
                     ct_doc *doc)
{
    (void)st;
    (void)blk;
    (void)refs;
    (void)nrefs;
    (void)doc;
    return CT_OK;
}

int ct__attrib_finish(ct_attrib *st, ct_doc *doc)
{
    (void)st;
    (void)doc;
    return CT_OK;
}
