// The umbrella header compiles alone as C++11 under -pedantic -Werror, and its functions
// link with C linkage.
#include <claimtrack/claimtrack.h>

#include <cstring>

int main()
{
    ct_doc *doc = nullptr;
    if (ct_extract(&doc, "It cost $5 million.", 19, 0) != CT_OK)
        return 1;
    bool ok = std::strcmp(ct_version(), CT_VERSION_STRING) == 0 && ct_doc_claim_count(doc) <= 1;
    ct_doc_free(doc);
    return ok ? 0 : 1;
}
