/* claimtrack — claim provenance for news text. The umbrella header. */
#ifndef CLAIMTRACK_H
#define CLAIMTRACK_H

#include "common.h"
#include "errors.h"
#include "extract.h"
#include "store.h"

#endif
