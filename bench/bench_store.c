/* Store benchmark: ingest many small real documents (the sentences of the articles in
 * shared/corpus, and each pair of neighbouring sentences), then time the queries a
 * fact-checker waits on: one claim's relations, and all contradictions.
 *
 *   bench_store [--docs N] [--db PATH] [CORPUS_DIR]
 *
 * Defaults: 100000 documents, a fresh store in a temporary folder, shared/corpus. */
#define _POSIX_C_SOURCE 200809L /* opendir, mkdtemp, clock_gettime */

#include <claimtrack/claimtrack.h>

#include <dirent.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef struct {
    const char *text;
    size_t len;
    const char *source; /* the corpus folder it came from */
} slice;

typedef struct {
    slice *items;
    size_t n, cap;
    char **bufs; /* file contents, kept while the slices point into them */
    size_t nbufs, bufs_cap;
} corpus;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap * 2 : 1024;
    while (c < need)
        c *= 2;
    void *q = realloc(p, c * size);
    if (!q) {
        fprintf(stderr, "bench_store: out of memory\n");
        exit(1);
    }
    *cap = c;
    return q;
}

static void add_slice(corpus *c, const char *text, size_t len, const char *source)
{
    c->items = grow(c->items, &c->cap, c->n + 1, sizeof *c->items);
    c->items[c->n++] = (slice){text, len, source};
}

/* Sentences: ends at ". ", "? ", "! " or a line break; short pieces (titles, furniture)
 * are kept only as part of a pair. Good enough for making test documents. */
static void split(corpus *c, const char *buf, size_t len, const char *source)
{
    size_t start = 0, prev_start = (size_t)-1;
    for (size_t i = 0; i < len; i++) {
        bool end = buf[i] == '\n' ||
                   ((buf[i] == '.' || buf[i] == '?' || buf[i] == '!') && i + 1 < len &&
                    buf[i + 1] == ' ');
        if (!end && i + 1 < len)
            continue;
        size_t stop = i + 1;
        while (start < stop && (buf[start] == ' ' || buf[start] == '\n' || buf[start] == '\r'))
            start++;
        if (stop - start >= 40 && stop - start <= 2000) {
            add_slice(c, buf + start, stop - start, source);
            if (prev_start != (size_t)-1) /* the pair: contiguous in the file */
                add_slice(c, buf + prev_start, stop - prev_start, source);
            prev_start = start;
        }
        start = stop;
    }
}

static void load_file(corpus *c, const char *path, const char *source)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n <= 0 || n > (1L << 26)) {
        fclose(f);
        return;
    }
    char *buf = malloc((size_t)n);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return;
    }
    fclose(f);
    c->bufs = grow(c->bufs, &c->bufs_cap, c->nbufs + 1, sizeof *c->bufs);
    c->bufs[c->nbufs++] = buf;
    split(c, buf, (size_t)n, source);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt under dir, in name order (README files excluded). */
static void walk(corpus *c, const char *dir, const char *source, size_t want)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = grow(names, &cap, n + 1, sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        size_t nl = strlen(names[i]);
        if (c->n < want && stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                walk(c, path, source ? source : names[i], want);
            else if (nl > 4 && strcmp(names[i] + nl - 4, ".txt") == 0 &&
                     strncmp(names[i], "README", 6) != 0 && strncmp(names[i], "LICENSE", 7) != 0)
                load_file(c, path, source ? source : "corpus");
        }
        free(names[i]);
    }
    free(names);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int fail(const char *what)
{
    fprintf(stderr, "bench_store: %s: %s\n", what, ct_errmsg());
    return 1;
}

int main(int argc, char **argv)
{
    size_t want = 100000;
    const char *db = NULL, *dir = CT_SHARED_DIR "/corpus";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--docs") == 0 && i + 1 < argc)
            want = (size_t)strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            db = argv[++i];
        else if (argv[i][0] != '-')
            dir = argv[i];
        else {
            fprintf(stderr, "usage: bench_store [--docs N] [--db PATH] [CORPUS_DIR]\n");
            return 2;
        }
    }
    char tmp[64] = "", path[128];
    if (!db) {
        snprintf(tmp, sizeof tmp, "/tmp/bench_store_XXXXXX");
        if (!mkdtemp(tmp)) {
            perror("bench_store: mkdtemp");
            return 1;
        }
        snprintf(path, sizeof path, "%s/bench.db", tmp);
        db = path;
    }
    corpus c = {0};
    walk(&c, dir, NULL, want);
    if (c.n == 0) {
        fprintf(stderr, "bench_store: no text found under %s\n", dir);
        return 1;
    }
    size_t total = c.n < want ? c.n : want;
    size_t bytes = 0;
    for (size_t i = 0; i < total; i++)
        bytes += c.items[i].len;
    printf("corpus: %zu documents (%.1f MB) from %s\n", total, (double)bytes / 1e6, dir);

    ct_store *st = NULL;
    if (ct_store_open(&st, db, 0) != CT_OK)
        return fail(db);
    size_t added = 0, already = 0, failed = 0;
    double t0 = now();
    for (size_t i = 0; i < total; i++) {
        char file[96];
        snprintf(file, sizeof file, "%s#%zu", c.items[i].source, i);
        ct_ingest_meta meta = CT_INGEST_META_INIT;
        meta.file = file;
        meta.source = c.items[i].source;
        int was_new = 0;
        if (ct_store_ingest(st, c.items[i].text, c.items[i].len, &meta,
                            CT_EXTRACT_REPLACE_INVALID, NULL, &was_new) != CT_OK)
            failed++;
        else if (was_new)
            added++;
        else
            already++;
        if ((i + 1) % 20000 == 0)
            fprintf(stderr, "  %zu documents, %.0f/s\n", i + 1, (double)(i + 1) / (now() - t0));
    }
    double t_ingest = now() - t0;
    printf("ingest: %zu documents in %.1f s: %.0f docs/s, %.2f MB/s (%zu new, %zu already "
           "stored, %zu failed)\n",
           total, t_ingest, (double)total / t_ingest, (double)bytes / 1e6 / t_ingest, added,
           already, failed);

    /* counts */
    int64_t nclaims = 0, nrel = 0, ncontra = 0;
    ct_claim_iter *ci = NULL;
    const ct_claim *claim;
    double t = now();
    if (ct_claim_iter_new(&ci, st, NULL) != CT_OK)
        return fail("claims");
    while (ct_claim_iter_next(&claim, ci) == CT_OK)
        nclaims++;
    ct_claim_iter_free(ci);
    printf("claims: %" PRId64 " (listed in %.1f ms)\n", nclaims, (now() - t) * 1e3);

    ct_relation_iter *ri = NULL;
    const ct_relation *rel;
    /* relations per claim, to time the claim with the most */
    size_t ncount = (size_t)nclaims + 1;
    int64_t *per_claim = calloc(ncount, sizeof *per_claim);
    t = now();
    if (!per_claim || ct_relation_iter_new(&ri, st, 0, CT_RELATION_ANY) != CT_OK)
        return fail("relations");
    while (ct_relation_iter_next(&rel, ri) == CT_OK) {
        nrel++;
        int64_t a = ct_claim_id(ct_relation_a(rel)), b = ct_claim_id(ct_relation_b(rel));
        if (a > 0 && (size_t)a < ncount)
            per_claim[a]++;
        if (b > 0 && (size_t)b < ncount)
            per_claim[b]++;
    }
    ct_relation_iter_free(ri);
    printf("relations: %" PRId64 " (listed in %.1f ms)\n", nrel, (now() - t) * 1e3);

    t = now();
    if (ct_relation_iter_new(&ri, st, 0, CT_RELATION_CONTRADICTS) != CT_OK)
        return fail("contradictions");
    while (ct_relation_iter_next(&rel, ri) == CT_OK)
        ncontra++;
    ct_relation_iter_free(ri);
    printf("all contradictions: %" PRId64 " listed in %.1f ms\n", ncontra, (now() - t) * 1e3);

    /* one claim's relations: the claim with the most, timed over many runs */
    int64_t probe = 1;
    for (size_t i = 1; i < ncount; i++)
        if (per_claim[i] > per_claim[probe])
            probe = (int64_t)i;
    free(per_claim);
    enum { runs = 200 };
    double times[runs], sum = 0;
    int64_t per = 0;
    for (int r = 0; r < runs; r++) {
        double s = now();
        per = 0;
        if (ct_relation_iter_new(&ri, st, probe, CT_RELATION_ANY) != CT_OK)
            return fail("one claim's relations");
        while (ct_relation_iter_next(&rel, ri) == CT_OK)
            per++;
        ct_relation_iter_free(ri);
        times[r] = now() - s;
        sum += times[r];
    }
    qsort(times, runs, sizeof times[0], cmp_double);
    printf("one claim's relations (claim %" PRId64 ", %" PRId64 " relations): %.3f ms mean, "
           "%.3f ms median, %.3f ms 99th percentile, %.3f ms worst of %d\n",
           probe, per, sum / runs * 1e3, times[runs / 2] * 1e3, times[runs * 99 / 100] * 1e3,
           times[runs - 1] * 1e3, runs);

    ct_store_close(st);
    for (size_t i = 0; i < c.nbufs; i++)
        free(c.bufs[i]);
    free(c.bufs);
    free(c.items);
    if (tmp[0]) {
        char wal[160], shm[160];
        snprintf(wal, sizeof wal, "%s-wal", path);
        snprintf(shm, sizeof shm, "%s-shm", path);
        remove(path);
        remove(wal);
        remove(shm);
        remove(tmp);
    }
    return 0;
}
