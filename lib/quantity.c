/* Numeric expressions -> normalised values. (Being written: see issue 2.) */
#include "quantity.h"

#include "alloc.h"
#include "claimtrack/errors.h"

int ct__quantity_scan(const ct_block *blk, uint32_t sent, ct_quantity_vec *out)
{
    (void)blk;
    (void)sent;
    (void)out;
    return CT_OK;
}

void ct__quantity_vec_free(ct_quantity_vec *v)
{
    ct__free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
}
