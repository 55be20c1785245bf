/* The umbrella header compiles alone under -std=c11 -pedantic -Werror. */
#include <claimtrack/claimtrack.h>

#include <string.h>

int main(void)
{
    return strcmp(ct_version(), CT_VERSION_STRING) != 0;
}
