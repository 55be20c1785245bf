/* A tour of the extraction API: the claims in one sentence, with their values. */
#include <claimtrack/claimtrack.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1]
                                : "DeepSeek has said that it spent less than $6 million on "
                                  "training, and analysts said its prices are 20 to 40 times "
                                  "cheaper.";
    ct_doc *doc = NULL;
    if (ct_extract(&doc, text, strlen(text), 0) != CT_OK) {
        fprintf(stderr, "minimal: %s\n", ct_errmsg());
        return 1;
    }
    for (size_t i = 0; i < ct_doc_claim_count(doc); i++) {
        const ct_claim *c = ct_doc_claim(doc, i);
        printf("%-24s %-8s %-6s", ct_claim_text(c), ct_kind_name(ct_claim_kind(c)),
               ct_bound_name(ct_claim_bound(c)));
        if (ct_claim_has_low(c))
            printf(" low=%g", ct_claim_low(c));
        if (ct_claim_has_high(c))
            printf(" high=%g", ct_claim_high(c));
        printf(" %s speaker=%s\n", ct_claim_unit(c),
               ct_claim_speaker(c) ? ct_claim_speaker(c) : "(outlet)");
    }
    ct_doc_free(doc);
    return 0;
}
