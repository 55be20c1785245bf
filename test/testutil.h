/* Helpers shared by the Check suites. */
#ifndef CT_TESTUTIL_H
#define CT_TESTUTIL_H

#include <check.h>
#include <stddef.h>

/* Read a whole file (tests only); aborts the test on failure. Free with free(). */
char *tu_read_file(const char *path, size_t *len_out);

/* Byte offset of the n-th (1-based) occurrence of needle in hay, or (size_t)-1. */
size_t tu_find(const char *hay, size_t hay_len, const char *needle, int n);

/* Run every test of the suite; the process exit status (0 when all passed). */
int tu_run(Suite *suite);

#endif
