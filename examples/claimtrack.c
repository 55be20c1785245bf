/* claimtrack — the fact-checker's command line, on the public API only.
 *
 *   claimtrack extract [--json] FILE...      claims, speakers and quotes of each file
 *   claimtrack quantities [--json] FILE...   every numeric expression recognised
 *   claimtrack ingest [--db DB] PATH...      store documents (files, folders, -, JSON Lines)
 *   claimtrack claims | relations | show | check | sources | origins | documents
 *
 * "-" reads standard input. Exit status: 0 when every file was processed, 1 when any
 * failed (the others are still processed), 2 for a usage error. */
#define _POSIX_C_SOURCE 200809L /* opendir, isatty, fileno, clock_gettime */

#include <claimtrack/claimtrack.h>

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    bool json;
    bool replace_invalid;
    const char *db;
    int argc; /* what is left after the command name and the global flags */
    char **argv;
} options;

typedef struct {
    const char *name;
    int (*run)(options *opt);
    const char *summary;
} command;

static int cmd_extract(options *opt);
static int cmd_quantities(options *opt);
static int cmd_help(options *opt);
static int cmd_ingest(options *opt);
static int cmd_claims(options *opt);
static int cmd_relations(options *opt);
static int cmd_show(options *opt);
static int cmd_check(options *opt);
static int cmd_sources(options *opt);
static int cmd_origins(options *opt);
static int cmd_documents(options *opt);

static const command commands[] = {
    {"extract", cmd_extract, "extract [--json] FILE...     claims with speakers, and quotes"},
    {"quantities", cmd_quantities, "quantities [--json] FILE...  every numeric expression"},
    {"ingest", cmd_ingest,
     "ingest [--source S] [--url U] [--published D] [--title T] [--jsonl] [--verbose] PATH...\n"
     "                                          store files, folders (recursively), - or JSON Lines"},
    {"claims", cmd_claims,
     "claims [--source S] [--speaker S] [--kind K] [--entity E] [--search WORDS]\n"
     "                    [--doc ID] [--origin ID]\n"
     "                                          stored claims, filtered"},
    {"relations", cmd_relations,
     "relations [--type corroborates|contradicts] [--claim ID]\n"
     "                                          claims that agree or disagree, origins, derived documents"},
    {"show", cmd_show, "show CLAIM                   a claim in its sentence, every other report"},
    {"check", cmd_check, "check TEXT|-                 check a pasted text against the store"},
    {"sources", cmd_sources, "sources                      the outlets stored"},
    {"origins", cmd_origins, "origins [--all]              claims reported by many, by origin"},
    {"documents", cmd_documents, "documents                    the documents stored"},
    {"help", cmd_help, "help                         this text"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: claimtrack [--json] [--db PATH] [--replace-invalid] COMMAND [ARGS]\n\n"
               "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  claimtrack %s\n", commands[i].summary);
    fprintf(f, "\nFILE may be - for standard input. --replace-invalid reads invalid UTF-8 as "
               "U+FFFD instead of rejecting the file.\n--db names the claim store "
               "(default ./claimtrack.db).\n");
}

static int cmd_help(options *opt)
{
    (void)opt;
    usage(stdout);
    return 0;
}

/* ---- output safety ---------------------------------------------------------------- */

/* Print s with control characters (terminal escapes among them) shown as '?': C0, DEL,
 * and the C1 controls U+0080-U+009F (U+009B is a CSI to some terminals). */
static void put_safe(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F) {
            fputc('?', f);
            s++;
            continue;
        }
        fputc(c < 0x20 || c == 0x7F ? '?' : c, f);
    }
}

static void fail_file(const char *path, const char *what)
{
    fputs("claimtrack: ", stderr);
    put_safe(stderr, path);
    fprintf(stderr, ": %s\n", what);
}

/* ---- input ------------------------------------------------------------------------ */

/* Read a whole file ("-": standard input). Returns NULL and prints why on failure. */
static char *read_input(const char *path, size_t *len_out)
{
    FILE *f = stdin;
    if (strcmp(path, "-") != 0) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            fail_file(path, "is a directory");
            return NULL;
        }
        f = fopen(path, "rb");
        if (!f) {
            fail_file(path, strerror(errno));
            return NULL;
        }
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
        if (len == cap) {
            char *bigger = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    bool error = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf) {
        fail_file(path, "out of memory");
        return NULL;
    }
    if (error) {
        fail_file(path, "read error");
        free(buf);
        return NULL;
    }
    *len_out = len;
    return buf;
}

/* Read and extract one file. Returns NULL (having said why) on failure. */
static ct_doc *load_doc(const char *path, const options *opt)
{
    size_t len = 0;
    char *buf = read_input(path, &len);
    if (!buf)
        return NULL;
    if (len == 0) {
        fail_file(path, "empty file");
        free(buf);
        return NULL;
    }
    if (!opt->replace_invalid && memchr(buf, '\0', len)) {
        fail_file(path, "contains NUL bytes: a binary or UTF-16 file, not UTF-8 text "
                        "(--replace-invalid reads it anyway)");
        free(buf);
        return NULL;
    }
    ct_doc *doc = NULL;
    int rc = ct_extract(&doc, buf, len, opt->replace_invalid ? CT_EXTRACT_REPLACE_INVALID : 0);
    free(buf);
    if (rc != CT_OK) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s%s", ct_errmsg(),
                 rc == CT_EINVAL ? " (--replace-invalid reads it anyway)" : "");
        fail_file(path, msg);
        return NULL;
    }
    return doc;
}

/* ---- readable output -------------------------------------------------------------- */

static void format_number(char *dst, size_t cap, double v)
{
    if (v >= 1e12 && v == (double)(int64_t)v && (int64_t)v % 1000000000 == 0)
        snprintf(dst, cap, "%g bn", v / 1e9);
    else if (v >= 1e6 && v == (double)(int64_t)v && (int64_t)v % 10000 == 0)
        snprintf(dst, cap, "%g m", v / 1e6);
    else
        snprintf(dst, cap, "%g", v);
}

static void format_value(char *dst, size_t cap, const ct_claim *c)
{
    char lo[32] = "", hi[32] = "";
    if (ct_claim_has_low(c))
        format_number(lo, sizeof lo, ct_claim_low(c));
    if (ct_claim_has_high(c))
        format_number(hi, sizeof hi, ct_claim_high(c));
    const char *unit = ct_claim_unit(c);
    const char *dir = ct_claim_direction(c) == CT_DIR_LESS   ? " less"
                      : ct_claim_direction(c) == CT_DIR_MORE ? " more"
                                                             : "";
    if (ct_claim_kind(c) == CT_KIND_DATE)
        snprintf(dst, cap, "-");
    else if (!ct_claim_has_low(c))
        snprintf(dst, cap, "< %s %s%s", hi, unit, dir);
    else if (!ct_claim_has_high(c))
        snprintf(dst, cap, "> %s %s%s", lo, unit, dir);
    else if (ct_claim_low(c) != ct_claim_high(c))
        snprintf(dst, cap, "%s to %s %s%s", lo, hi, unit, dir);
    else
        snprintf(dst, cap, "%s%s %s%s", ct_claim_bound(c) == CT_BOUND_APPROX ? "~" : "", lo,
                 unit, dir);
}

static void print_claims_table(const char *path, const ct_doc *doc, bool quantities)
{
    size_t n = quantities ? ct_doc_quantity_count(doc) : ct_doc_claim_count(doc);
    put_safe(stdout, path);
    printf(": %zu %s", n, quantities ? "quantities" : "claims");
    if (!quantities)
        printf(", %zu quotes", ct_doc_quote_count(doc));
    printf("\n");
    if (!quantities && ct_doc_meta(doc, CT_META_TITLE)) {
        printf("  title: ");
        put_safe(stdout, ct_doc_meta(doc, CT_META_TITLE));
        printf("\n");
    }
    for (size_t i = 0; i < n; i++) {
        const ct_claim *c = quantities ? ct_doc_quantity(doc, i) : ct_doc_claim(doc, i);
        char value[128];
        format_value(value, sizeof value, c);
        printf("  %8zu  %-9s %-28.28s %-24s", ct_claim_start(c), ct_kind_name(ct_claim_kind(c)),
               ct_claim_text(c), value);
        if (!quantities) {
            printf(" %-6s ", ct_bound_name(ct_claim_bound(c)));
            put_safe(stdout, ct_claim_speaker(c) ? ct_claim_speaker(c) : "(outlet)");
            if (ct_claim_hedged(c))
                printf(" [hedged: %s]", ct_claim_hedge_cue(c) ? ct_claim_hedge_cue(c) : "yes");
            if (ct_claim_subject(c)) {
                printf("  about: ");
                put_safe(stdout, ct_claim_subject(c));
                if (ct_claim_entity(c)) {
                    printf(" (");
                    put_safe(stdout, ct_claim_entity(c));
                    printf(")");
                }
            }
        } else {
            printf(" %s", ct_bound_name(ct_claim_bound(c)));
        }
        printf("\n");
    }
    if (!quantities) {
        for (size_t i = 0; i < ct_doc_quote_count(doc); i++) {
            const ct_quote *q = ct_doc_quote(doc, i);
            printf("  quote %8zu  ", ct_quote_start(q));
            put_safe(stdout, ct_quote_speaker(q) ? ct_quote_speaker(q) : "(unknown)");
            printf(": \"%.70s%s\"\n", ct_quote_text(q), strlen(ct_quote_text(q)) > 70 ? "..." : "");
        }
    }
}

/* ---- commands --------------------------------------------------------------------- */

static int run_files(options *opt, bool quantities)
{
    /* the files, in place: a "--" ends the options, so a file may be named --x */
    int nfiles = 0;
    bool opts_done = false;
    for (int i = 0; i < opt->argc; i++) {
        const char *a = opt->argv[i];
        if (!opts_done && strcmp(a, "--") == 0) {
            opts_done = true;
        } else if (!opts_done && strncmp(a, "--", 2) == 0) {
            fputs("claimtrack: unknown option '", stderr);
            put_safe(stderr, a);
            fputs("' (see claimtrack help)\n", stderr);
            return 2;
        } else {
            opt->argv[nfiles++] = opt->argv[i];
        }
    }
    opt->argc = nfiles;
    if (opt->argc == 0) {
        fprintf(stderr, "claimtrack: %s needs at least one FILE (or - for standard input)\n",
                quantities ? "quantities" : "extract");
        return 2;
    }
    int status = 0;
    for (int i = 0; i < opt->argc; i++) {
        const char *path = opt->argv[i];
        ct_doc *doc = load_doc(path, opt);
        if (!doc) {
            status = 1;
            continue;
        }
        if (opt->json) {
            char *json = NULL;
            if (ct_doc_to_json(&json, doc, path, quantities ? CT_JSON_QUANTITIES : 0) != CT_OK) {
                fail_file(path, ct_errmsg());
                status = 1;
            } else {
                puts(json);
            }
            ct_free(json);
        } else {
            print_claims_table(path, doc, quantities);
        }
        ct_doc_free(doc);
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "claimtrack: cannot write the output: %s\n", strerror(errno));
        return 1;
    }
    return status;
}

static int cmd_extract(options *opt) { return run_files(opt, false); }
static int cmd_quantities(options *opt) { return run_files(opt, true); }

/* ---- the store's commands ----------------------------------------------------------- */

/* A command's own options: "--name VALUE" or a bare "--flag". */
typedef struct {
    const char *name;
    const char **value; /* NULL for a flag */
    bool *flag;
} optspec;

/* Read the options in spec from opt->argv, leaving the other arguments in pos. Returns 0,
 * or 2 (having said why) for an unknown option or a missing value. */
static int parse_opts(options *opt, const char *cmd, const optspec *spec, size_t nspec,
                      char **pos, int *npos)
{
    *npos = 0;
    bool opts_done = false;
    for (int i = 0; i < opt->argc; i++) {
        const char *a = opt->argv[i];
        if (!opts_done && strcmp(a, "--") == 0) { /* the rest are arguments, even --x */
            opts_done = true;
            continue;
        }
        if (opts_done || strncmp(a, "--", 2) != 0) {
            pos[(*npos)++] = opt->argv[i];
            continue;
        }
        const optspec *o = NULL;
        for (size_t k = 0; k < nspec; k++)
            if (strcmp(a, spec[k].name) == 0)
                o = &spec[k];
        if (!o) {
            fprintf(stderr, "claimtrack: %s: unknown option '", cmd);
            put_safe(stderr, a);
            fputs("' (see claimtrack help)\n", stderr);
            return 2;
        }
        if (o->flag) {
            *o->flag = true;
        } else if (i + 1 >= opt->argc) {
            fprintf(stderr, "claimtrack: %s: %s needs a value\n", cmd, a);
            return 2;
        } else {
            *o->value = opt->argv[++i];
        }
    }
    return 0;
}

/* A positive id from the command line, or 0 (having said why). */
static int64_t parse_id(const char *s, const char *what)
{
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0) {
        fprintf(stderr, "claimtrack: %s must be a positive number, not '", what);
        put_safe(stderr, s);
        fputs("'\n", stderr);
        return 0;
    }
    return (int64_t)v;
}

static ct_store *open_store(const options *opt, bool create)
{
    const char *path = opt->db ? opt->db : "claimtrack.db";
    ct_store *st = NULL;
    if (ct_store_open(&st, path, create ? 0 : CT_OPEN_NOCREATE) != CT_OK) {
        fputs("claimtrack: ", stderr);
        put_safe(stderr, ct_errmsg());
        fputs("\n", stderr);
        return NULL;
    }
    return st;
}

static int report_error(void)
{
    fputs("claimtrack: ", stderr);
    put_safe(stderr, ct_errmsg());
    fputs("\n", stderr);
    return 1;
}

/* A failure of the program's own allocation: ct_errmsg() would be some older message. */
static int out_of_memory(void)
{
    fputs("claimtrack: out of memory\n", stderr);
    return 1;
}

/* Print a JSON string the library made (rc is how making it went), then free it. */
static int put_json(int rc, char **json)
{
    if (rc != CT_OK)
        return report_error();
    puts(*json);
    ct_free(*json);
    *json = NULL;
    return 0;
}

static int finish_output(int status)
{
    if (fflush(stdout) != 0) {
        fprintf(stderr, "claimtrack: cannot write the output: %s\n", strerror(errno));
        return 1;
    }
    return status;
}

/* ---- ingest --------------------------------------------------------------------------- */

typedef struct {
    char **items;
    size_t n, cap;
} pathlist;

static int pathlist_add(pathlist *pl, const char *path)
{
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? pl->cap * 2 : 64;
        char **bigger = realloc(pl->items, cap * sizeof *bigger);
        if (!bigger)
            return -1;
        pl->items = bigger;
        pl->cap = cap;
    }
    pl->items[pl->n] = strdup(path);
    return pl->items[pl->n] ? (int)(pl->n++ * 0) : -1;
}

static void pathlist_dispose(pathlist *pl)
{
    for (size_t i = 0; i < pl->n; i++)
        free(pl->items[i]);
    free(pl->items);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the regular files under dir, recursively, in name order; hidden entries are
 * skipped. Returns 0, or 1 when some part could not be read (said why). */
static int walk_dir(pathlist *pl, const char *dir, int depth)
{
    if (depth > 64) {
        fail_file(dir, "folders nested too deep");
        return 1;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fail_file(dir, strerror(errno));
        return 1;
    }
    pathlist here = {0};
    struct dirent *e;
    int status = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t dl = strlen(dir), n = dl + strlen(e->d_name) + 2;
        const char *sep = dl && dir[dl - 1] == '/' ? "" : "/";
        char *p = malloc(n);
        if (!p || pathlist_add(&here, (snprintf(p, n, "%s%s%s", dir, sep, e->d_name), p)) != 0) {
            free(p);
            status = 1;
            fail_file(dir, "out of memory");
            break;
        }
        free(p);
    }
    closedir(d);
    qsort(here.items, here.n, sizeof *here.items, cmp_str);
    for (size_t i = 0; i < here.n; i++) {
        struct stat st;
        /* lstat, then stat only for links: a link to a folder (x -> .) is skipped, or the
         * walk would go round it; a link to a file is read like the file. */
        bool link = false;
        int rc = lstat(here.items[i], &st);
        if (rc == 0 && S_ISLNK(st.st_mode)) {
            link = true;
            rc = stat(here.items[i], &st);
        }
        if (rc != 0) {
            fail_file(here.items[i], strerror(errno));
            status = 1;
        } else if (S_ISDIR(st.st_mode) && link) {
            continue;
        } else if (S_ISDIR(st.st_mode)) {
            status |= walk_dir(pl, here.items[i], depth + 1);
        } else if (S_ISREG(st.st_mode) && pathlist_add(pl, here.items[i]) != 0) {
            fail_file(here.items[i], "out of memory");
            status = 1;
        }
    }
    pathlist_dispose(&here);
    return status;
}

typedef struct {
    bool show; /* stderr is a terminal */
    size_t done, total;
    double start, last;
} progress;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A progress line on stderr, only on a terminal and only once the job has run a second. */
static void progress_step(progress *p, size_t done)
{
    p->done = done;
    if (!p->show)
        return;
    double t = now_seconds();
    if (t - p->start < 1.0 || t - p->last < 0.1)
        return;
    p->last = t;
    if (p->total)
        fprintf(stderr, "\rclaimtrack: ingesting %zu/%zu (%.0f%%) %.0f/s ", done, p->total,
                100.0 * (double)done / (double)p->total, (double)done / (t - p->start));
    else
        fprintf(stderr, "\rclaimtrack: ingesting %zu ", done);
}

static void progress_end(progress *p)
{
    if (p->show && p->last > 0)
        fprintf(stderr, "\r%60s\r", "");
}

typedef struct {
    ct_store *st;
    const options *opt;
    ct_ingest_meta meta;
    bool jsonl, verbose;
    size_t added, already, failed;
    progress *pr; /* JSON Lines: by record, as the number of files says little */
} ingest_state;

static void ingest_failed(ingest_state *is, const char *name);

static void ingest_report(ingest_state *is, const char *name, int64_t id, int was_new)
{
    if (is->opt->json) {
        /* one record per document, stored now or before ("already_stored" says which) */
        ct_document *d = NULL;
        char *json = NULL;
        int rc = ct_store_document(&d, is->st, id);
        if (rc == CT_OK)
            rc = ct_document_to_json(&json, d, 0);
        ct_document_free(d);
        if (rc != CT_OK) {
            ingest_failed(is, name);
            return;
        }
        size_t n = strlen(json); /* an object: add the member before its closing brace */
        printf("%.*s,\"already_stored\":%s}\n", (int)(n - 1), json, was_new ? "false" : "true");
        ct_free(json);
    } else if (is->verbose) {
        put_safe(stdout, name);
        if (was_new)
            printf(": stored as document %" PRId64 "\n", id);
        else
            printf(": already stored (document %" PRId64 "), nothing to do\n", id);
    }
    if (was_new)
        is->added++;
    else
        is->already++;
}

static void ingest_failed(ingest_state *is, const char *name)
{
    is->failed++;
    char msg[600];
    bool utf8 = strncmp(ct_errmsg(), "invalid UTF-8", 13) == 0;
    snprintf(msg, sizeof msg, "%s%s", ct_errmsg(),
             utf8 ? " (--replace-invalid reads it anyway)" : "");
    fail_file(name, msg);
}

static unsigned extract_flags(const options *opt)
{
    return opt->replace_invalid ? CT_EXTRACT_REPLACE_INVALID : 0;
}

/* One JSON Lines file: each non-blank line is a record. */
static void ingest_jsonl(ingest_state *is, const char *path, char *buf, size_t len)
{
    size_t line_no = 0;
    char *p = buf, *end = buf + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        line_no++;
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (k < n) {
            ct_ingest_meta m = is->meta;
            char name[4096];
            snprintf(name, sizeof name, "%s:%zu", path, line_no);
            m.file = name; /* unless the record names its own file */
            int64_t id = 0;
            int was_new = 0;
            if (ct_store_ingest_record(is->st, p, n, line_no, &m, extract_flags(is->opt), &id,
                                       &was_new) != CT_OK)
                ingest_failed(is, name);
            else
                ingest_report(is, name, id, was_new);
            progress_step(is->pr, is->added + is->already + is->failed);
        }
        p += n + (nl ? 1 : 0);
    }
}

static void ingest_one(ingest_state *is, const char *path)
{
    size_t len = 0;
    char *buf = read_input(path, &len);
    if (!buf) {
        is->failed++;
        return;
    }
    if (is->jsonl) {
        ingest_jsonl(is, path, buf, len);
        free(buf);
        return;
    }
    if (len == 0) {
        fail_file(path, "empty file");
        is->failed++;
    } else if (!is->opt->replace_invalid && memchr(buf, '\0', len)) {
        fail_file(path, "contains NUL bytes: a binary or UTF-16 file, not UTF-8 text "
                        "(--replace-invalid reads it anyway)");
        is->failed++;
    } else {
        ct_ingest_meta m = is->meta;
        m.file = strcmp(path, "-") == 0 ? "(stdin)" : path;
        int64_t id = 0;
        int was_new = 0;
        if (ct_store_ingest(is->st, buf, len, &m, extract_flags(is->opt), &id, &was_new) != CT_OK)
            ingest_failed(is, path);
        else
            ingest_report(is, path, id, was_new);
    }
    free(buf);
}

static int cmd_ingest(options *opt)
{
    ingest_state is = {.opt = opt, .meta = CT_INGEST_META_INIT};
    const optspec spec[] = {
        {"--source", &is.meta.source, NULL}, {"--url", &is.meta.url, NULL},
        {"--published", &is.meta.published, NULL}, {"--title", &is.meta.title, NULL},
        {"--jsonl", NULL, &is.jsonl}, {"--verbose", NULL, &is.verbose},
    };
    char **pos = calloc((size_t)opt->argc + 1, sizeof *pos);
    int npos = 0;
    if (!pos)
        return out_of_memory();
    int usage_rc = parse_opts(opt, "ingest", spec, sizeof spec / sizeof spec[0], pos, &npos);
    if (usage_rc == 0 && npos == 0) {
        fprintf(stderr, "claimtrack: ingest needs at least one PATH (a file, a folder, or - "
                        "for standard input)\n");
        usage_rc = 2;
    }
    if (usage_rc) {
        free(pos);
        return usage_rc;
    }
    pathlist pl = {0};
    int status = 0;
    for (int i = 0; i < npos; i++) {
        struct stat st;
        if (strcmp(pos[i], "-") != 0 && stat(pos[i], &st) == 0 && S_ISDIR(st.st_mode))
            status |= walk_dir(&pl, pos[i], 0);
        else if (pathlist_add(&pl, pos[i]) != 0)
            status = 1;
    }
    free(pos);
    is.st = open_store(opt, true);
    if (!is.st) {
        pathlist_dispose(&pl);
        return 1;
    }
    /* per-file lines (--verbose) already show the progress */
    progress pr = {.show = !is.verbose && isatty(fileno(stderr)) != 0,
                   .total = is.jsonl ? 0 : pl.n, .start = now_seconds()};
    is.pr = &pr;
    for (size_t i = 0; i < pl.n; i++) {
        ingest_one(&is, pl.items[i]);
        if (!is.jsonl)
            progress_step(&pr, i + 1);
    }
    progress_end(&pr);
    pathlist_dispose(&pl);
    ct_store_close(is.st);
    if (!opt->json)
        printf("%zu document%s stored, %zu already there, %zu failed\n", is.added,
               is.added == 1 ? "" : "s", is.already, is.failed);
    return finish_output(status || is.failed ? 1 : 0);
}

/* ---- listing ---------------------------------------------------------------------------- */

static void print_claim_line(const ct_claim *c)
{
    char value[128];
    format_value(value, sizeof value, c);
    printf("#%-6" PRId64 " ", ct_claim_id(c));
    put_safe(stdout, ct_claim_file(c) ? ct_claim_file(c) : "?");
    printf("  \"");
    put_safe(stdout, ct_claim_text(c));
    printf("\"  %s %s", ct_kind_name(ct_claim_kind(c)), value);
    printf("  [");
    put_safe(stdout, ct_claim_speaker(c) ? ct_claim_speaker(c) : "outlet");
    printf("]");
    if (ct_claim_subject(c) || ct_claim_entity(c)) {
        printf("  about: ");
        put_safe(stdout, ct_claim_subject(c) ? ct_claim_subject(c) : "");
        if (ct_claim_entity(c)) {
            printf(" (");
            put_safe(stdout, ct_claim_entity(c));
            printf(")");
        }
    }
    printf("\n");
}

/* The kinds a claim can have: a date or a bare number is never a claim. */
static bool parse_kind(const char *s, ct_kind *out)
{
    for (int k = CT_KIND_MONEY; k <= CT_KIND_RANK; k++) {
        if (strcmp(s, ct_kind_name((ct_kind)k)) == 0) {
            *out = (ct_kind)k;
            return true;
        }
    }
    return false;
}

static int cmd_claims(options *opt)
{
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    const char *kind = NULL, *doc = NULL, *origin = NULL;
    const optspec spec[] = {
        {"--source", &f.source, NULL}, {"--speaker", &f.speaker, NULL},
        {"--kind", &kind, NULL},       {"--entity", &f.entity, NULL},
        {"--search", &f.search, NULL}, {"--doc", &doc, NULL},
        {"--origin", &origin, NULL},
    };
    int npos = 0;
    char **all = calloc((size_t)opt->argc + 1, sizeof *all);
    if (!all)
        return out_of_memory();
    int rc = parse_opts(opt, "claims", spec, sizeof spec / sizeof spec[0], all, &npos);
    free(all);
    if (rc)
        return rc;
    if (npos) {
        fputs("claimtrack: claims takes no arguments besides its options\n", stderr);
        return 2;
    }
    if (kind && !parse_kind(kind, &f.kind)) {
        fputs("claimtrack: --kind must be one of", stderr);
        for (int k = CT_KIND_MONEY; k <= CT_KIND_RANK; k++)
            fprintf(stderr, " %s", ct_kind_name((ct_kind)k));
        fputs(" (a date or a bare number is never a claim)\n", stderr);
        return 2;
    }
    if ((doc && !(f.doc_id = parse_id(doc, "--doc"))) ||
        (origin && !(f.origin_id = parse_id(origin, "--origin"))))
        return 2;
    ct_store *st = open_store(opt, false);
    if (!st)
        return 1;
    ct_claim_iter *it = NULL;
    const ct_claim *c;
    int status = 0;
    rc = ct_claim_iter_new(&it, st, &f);
    while (rc == CT_OK && (rc = ct_claim_iter_next(&c, it)) == CT_OK) {
        if (opt->json) {
            char *json = NULL;
            if ((status = put_json(ct_claim_to_json(&json, c, 0), &json)) != 0)
                break;
        } else {
            print_claim_line(c);
        }
    }
    if (rc != CT_ITEROVER && status == 0)
        status = report_error();
    ct_claim_iter_free(it);
    ct_store_close(st);
    return finish_output(status);
}

/* Parse options that take no positional arguments. Returns 0 or 2. */
static int only_opts(options *opt, const char *cmd, const optspec *spec, size_t nspec)
{
    char **pos = calloc((size_t)opt->argc + 1, sizeof *pos);
    int npos = 0;
    if (!pos)
        return out_of_memory();
    int rc = parse_opts(opt, cmd, spec, nspec, pos, &npos);
    free(pos);
    if (rc == 0 && npos) {
        fprintf(stderr, "claimtrack: %s takes no arguments besides its options\n", cmd);
        rc = 2;
    }
    return rc;
}

static void print_relation(const ct_relation *r)
{
    const ct_claim *a = ct_relation_a(r), *b = ct_relation_b(r);
    printf("%-12s #%" PRId64 " ", ct_relation_type_name(ct_relation_kind(r)), ct_claim_id(a));
    put_safe(stdout, ct_claim_file(a) ? ct_claim_file(a) : "?");
    printf(" \"");
    put_safe(stdout, ct_claim_text(a));
    printf("\" [");
    put_safe(stdout, ct_claim_speaker(a) ? ct_claim_speaker(a) : "outlet");
    printf("]  ~  #%" PRId64 " ", ct_claim_id(b));
    put_safe(stdout, ct_claim_file(b) ? ct_claim_file(b) : "?");
    printf(" \"");
    put_safe(stdout, ct_claim_text(b));
    printf("\" [");
    put_safe(stdout, ct_claim_speaker(b) ? ct_claim_speaker(b) : "outlet");
    printf("]  %.2f%s\n    ", ct_relation_score(r),
           ct_relation_independent(r) ? "" : "  (not independent: derived document)");
    put_safe(stdout, ct_relation_reason(r));
    printf("\n");
}

static void print_origin(const ct_origin *o)
{
    const ct_claim *first = ct_origin_first(o);
    printf("origin #%" PRId64 ": %" PRId64 " report%s in %" PRId64 " document%s, %" PRId64
           " independent; origin: ",
           ct_origin_id(o), ct_origin_report_count(o), ct_origin_report_count(o) == 1 ? "" : "s",
           ct_origin_document_count(o), ct_origin_document_count(o) == 1 ? "" : "s",
           ct_origin_independent_count(o));
    put_safe(stdout, ct_origin_label(o)[0] ? ct_origin_label(o) : "(unknown)");
    printf("\n    first: #%" PRId64 " ", ct_claim_id(first));
    put_safe(stdout, ct_claim_file(first) ? ct_claim_file(first) : "?");
    printf(" \"");
    put_safe(stdout, ct_claim_text(first));
    printf("\"\n");
}

/* The origins reported more than once and the derived documents: what tells "four
 * outlets say it" from "four outlets repeat one source". */
static int print_provenance(ct_store *st)
{
    ct_origin_iter *oi = NULL;
    const ct_origin *o;
    bool any = false;
    int rc = ct_origin_iter_new(&oi, st, 0, CT_ORIGIN_REPEATED);
    while (rc == CT_OK && (rc = ct_origin_iter_next(&o, oi)) == CT_OK) {
        if (!any)
            printf("\norigins reported by more than one document:\n");
        any = true;
        print_origin(o);
    }
    ct_origin_iter_free(oi);
    if (rc != CT_ITEROVER)
        return report_error();
    ct_document_iter *di = NULL;
    const ct_document *d;
    any = false;
    rc = ct_document_iter_new(&di, st);
    while (rc == CT_OK && (rc = ct_document_iter_next(&d, di)) == CT_OK) {
        if (!ct_document_derived_from(d))
            continue;
        if (!any)
            printf("\nderived documents (their claims are not independent corroboration):\n");
        any = true;
        printf("document %" PRId64 " ", ct_document_id(d));
        put_safe(stdout, ct_document_file(d) ? ct_document_file(d) : "");
        printf(" is derived from document %" PRId64 " (similarity %.2f)\n",
               ct_document_derived_from(d), ct_document_similarity(d));
    }
    ct_document_iter_free(di);
    return rc == CT_ITEROVER ? 0 : report_error();
}

static int cmd_relations(options *opt)
{
    const char *type = NULL, *claim = NULL;
    const optspec spec[] = {{"--type", &type, NULL}, {"--claim", &claim, NULL}};
    int rc = only_opts(opt, "relations", spec, sizeof spec / sizeof spec[0]);
    if (rc)
        return rc;
    ct_relation_type t = CT_RELATION_ANY;
    if (type && strcmp(type, "corroborates") == 0)
        t = CT_RELATION_CORROBORATES;
    else if (type && strcmp(type, "contradicts") == 0)
        t = CT_RELATION_CONTRADICTS;
    else if (type) {
        fputs("claimtrack: --type must be corroborates or contradicts\n", stderr);
        return 2;
    }
    int64_t claim_id = 0;
    if (claim && !(claim_id = parse_id(claim, "--claim")))
        return 2;
    ct_store *st = open_store(opt, false);
    if (!st)
        return 1;
    ct_relation_iter *it = NULL;
    const ct_relation *r;
    int status = 0;
    size_t n = 0;
    rc = ct_relation_iter_new(&it, st, claim_id, t);
    while (rc == CT_OK && (rc = ct_relation_iter_next(&r, it)) == CT_OK) {
        n++;
        if (opt->json) {
            char *json = NULL;
            if ((status = put_json(ct_relation_to_json(&json, r, 0), &json)) != 0)
                break;
        } else {
            print_relation(r);
        }
    }
    if (rc != CT_ITEROVER && status == 0)
        status = report_error();
    ct_relation_iter_free(it);
    if (status == 0 && !opt->json) {
        if (n == 0)
            printf("no relations\n");
        if (!claim_id)
            status = print_provenance(st);
    }
    ct_store_close(st);
    return finish_output(status);
}

static int cmd_show(options *opt)
{
    const optspec *spec = NULL;
    char **pos = calloc((size_t)opt->argc + 1, sizeof *pos);
    int npos = 0;
    if (!pos)
        return out_of_memory();
    int rc = parse_opts(opt, "show", spec, 0, pos, &npos);
    int64_t id = 0;
    if (rc == 0 && npos != 1) {
        fputs("claimtrack: show needs one CLAIM id (see claimtrack claims)\n", stderr);
        rc = 2;
    }
    if (rc == 0 && !(id = parse_id(pos[0], "CLAIM")))
        rc = 2;
    free(pos);
    if (rc)
        return rc;
    ct_store *st = open_store(opt, false);
    if (!st)
        return 1;
    int status = 0;
    if (opt->json) {
        char *json = NULL;
        status = put_json(ct_store_claim_to_json(&json, st, id, 0), &json);
        ct_store_close(st);
        return finish_output(status);
    }
    ct_claim_filter f = CT_CLAIM_FILTER_INIT;
    f.claim_id = id;
    ct_claim_iter *ci = NULL;
    const ct_claim *c = NULL;
    ct_document *doc = NULL;
    rc = ct_claim_iter_new(&ci, st, &f);
    if (rc == CT_OK)
        rc = ct_claim_iter_next(&c, ci);
    if (rc == CT_ITEROVER) {
        fprintf(stderr, "claimtrack: no claim %" PRId64 "\n", id);
        status = 1;
    } else if (rc != CT_OK || (rc = ct_store_document(&doc, st, ct_claim_doc_id(c))) != CT_OK) {
        status = report_error();
    } else {
        printf("claim #%" PRId64 " in document %" PRId64 " (", id, ct_claim_doc_id(c));
        put_safe(stdout, ct_document_file(doc) ? ct_document_file(doc) : "no file name");
        if (ct_document_source(doc)) {
            printf(", ");
            put_safe(stdout, ct_document_source(doc));
        }
        printf(")\n  ");
        print_claim_line(c);
        size_t len = 0;
        const char *text = ct_document_text(doc, &len);
        size_t s0 = ct_claim_sentence_start(c), s1 = ct_claim_sentence_end(c);
        size_t c0 = ct_claim_start(c), c1 = ct_claim_end(c);
        if (s0 <= c0 && c0 <= c1 && c1 <= s1 && s1 <= len) {
            /* the claim in its sentence, marked with >> << */
            printf("  sentence: ");
            for (size_t k = s0; k < s1; k++) {
                if (k == c0)
                    fputs(">>", stdout);
                if (k == c1)
                    fputs("<<", stdout);
                unsigned char ch = (unsigned char)text[k];
                fputc(ch < 0x20 || ch == 0x7F ? ' ' : ch, stdout);
            }
            if (c1 == s1)
                fputs("<<", stdout);
            printf("\n");
        }
        ct_origin_iter *oi = NULL;
        const ct_origin *o = NULL;
        rc = ct_origin_iter_new(&oi, st, id, 0);
        int64_t origin_reports = 0;
        if (rc == CT_OK && (rc = ct_origin_iter_next(&o, oi)) == CT_OK) {
            printf("  ");
            print_origin(o);
            origin_reports = ct_origin_report_count(o);
        }
        ct_origin_iter_free(oi);
        if (origin_reports > 1 && status == 0) {
            /* every report of the same origin, related by the comparison or not */
            ct_claim_filter of = CT_CLAIM_FILTER_INIT;
            of.origin_id = ct_claim_origin_id(c);
            ct_claim_iter *oc = NULL;
            const ct_claim *other;
            int orc = ct_claim_iter_new(&oc, st, &of);
            printf("  reports of this origin:\n");
            while (orc == CT_OK && (orc = ct_claim_iter_next(&other, oc)) == CT_OK) {
                printf("    ");
                print_claim_line(other);
            }
            ct_claim_iter_free(oc);
            if (orc != CT_ITEROVER)
                status = report_error();
        }
        if (rc != CT_OK && rc != CT_ITEROVER)
            status = report_error();
        ct_relation_iter *ri = NULL;
        const ct_relation *r;
        size_t n = 0;
        rc = ct_relation_iter_new(&ri, st, id, CT_RELATION_ANY);
        while (status == 0 && rc == CT_OK && (rc = ct_relation_iter_next(&r, ri)) == CT_OK) {
            if (n++ == 0)
                printf("  other reports:\n");
            printf("    ");
            print_relation(r);
        }
        ct_relation_iter_free(ri);
        if (status == 0 && rc != CT_ITEROVER)
            status = report_error();
        if (status == 0 && n == 0)
            printf("  no other report relates to it\n");
    }
    ct_document_free(doc);
    ct_claim_iter_free(ci);
    ct_store_close(st);
    return finish_output(status);
}

static int cmd_check(options *opt)
{
    char **pos = calloc((size_t)opt->argc + 1, sizeof *pos);
    int npos = 0;
    if (!pos)
        return out_of_memory();
    int rc = parse_opts(opt, "check", NULL, 0, pos, &npos);
    if (rc == 0 && npos == 0) {
        fputs("claimtrack: check needs a TEXT (or - to read it from standard input)\n", stderr);
        rc = 2;
    }
    if (rc) {
        free(pos);
        return rc;
    }
    /* the words given are one text, as a shell splits an unquoted paste */
    char *text = NULL;
    size_t len = 0;
    if (npos == 1 && strcmp(pos[0], "-") == 0) {
        free(pos);
        text = read_input("-", &len); /* says why itself when it fails */
        if (!text)
            return 1;
        if (!opt->replace_invalid && memchr(text, '\0', len)) {
            fail_file("-", "contains NUL bytes: a binary or UTF-16 file, not UTF-8 text "
                           "(--replace-invalid reads it anyway)");
            free(text);
            return 1;
        }
    } else {
        for (int i = 0; i < npos; i++)
            len += strlen(pos[i]) + 1;
        text = malloc(len + 1);
        if (text) {
            size_t k = 0;
            for (int i = 0; i < npos; i++) {
                size_t n = strlen(pos[i]);
                memcpy(text + k, pos[i], n);
                k += n;
                text[k++] = i + 1 < npos ? ' ' : '\0';
            }
            len = k - 1;
        }
        free(pos);
        if (!text)
            return out_of_memory();
    }
    ct_store *st = open_store(opt, false);
    if (!st) {
        free(text);
        return 1;
    }
    ct_check *chk = NULL;
    int status = 0;
    rc = ct_store_check(&chk, st, text, len, extract_flags(opt));
    free(text);
    if (rc != CT_OK) {
        status = report_error();
    } else if (opt->json) {
        char *json = NULL;
        status = put_json(ct_check_to_json(&json, chk, 0), &json);
    } else {
        size_t n = ct_check_claim_count(chk);
        if (n == 0)
            printf("no checkable claim found in the text\n");
        for (size_t i = 0; i < n; i++) {
            const ct_claim *c = ct_check_claim(chk, i);
            size_t m = ct_check_match_count(chk, i);
            char value[128];
            format_value(value, sizeof value, c);
            printf("\"");
            put_safe(stdout, ct_claim_text(c));
            printf("\" (%s %s): %s", ct_kind_name(ct_claim_kind(c)), value,
                   ct_verdict_name(ct_check_verdict(chk, i)));
            if (m)
                printf(" by %zu stored report%s", m, m == 1 ? "" : "s");
            printf("\n");
            for (size_t j = 0; j < m; j++) {
                const ct_relation *r = ct_check_match(chk, i, j);
                const ct_claim *b = ct_relation_b(r);
                printf("    %-12s #%" PRId64 " ", ct_relation_type_name(ct_relation_kind(r)),
                       ct_claim_id(b));
                put_safe(stdout, ct_claim_file(b) ? ct_claim_file(b) : "?");
                printf(" \"");
                put_safe(stdout, ct_claim_text(b));
                printf("\" [");
                put_safe(stdout, ct_claim_speaker(b) ? ct_claim_speaker(b) : "outlet");
                printf("]\n");
            }
        }
    }
    ct_check_free(chk);
    ct_store_close(st);
    return finish_output(status);
}

static int cmd_sources(options *opt)
{
    int rc = only_opts(opt, "sources", NULL, 0);
    if (rc)
        return rc;
    ct_store *st = open_store(opt, false);
    if (!st)
        return 1;
    ct_source_iter *it = NULL;
    const ct_source *s;
    int status = 0;
    rc = ct_source_iter_new(&it, st);
    while (rc == CT_OK && (rc = ct_source_iter_next(&s, it)) == CT_OK) {
        if (opt->json) {
            char *json = NULL;
            if ((status = put_json(ct_source_to_json(&json, s, 0), &json)) != 0)
                break;
        } else {
            printf("%6" PRId64 " documents %7" PRId64 " claims  ", ct_source_document_count(s),
                   ct_source_claim_count(s));
            put_safe(stdout, ct_source_name(s));
            printf("\n");
        }
    }
    if (rc != CT_ITEROVER && status == 0)
        status = report_error();
    ct_source_iter_free(it);
    ct_store_close(st);
    return finish_output(status);
}

static int cmd_origins(options *opt)
{
    bool all = false;
    const optspec spec[] = {{"--all", NULL, &all}};
    int rc = only_opts(opt, "origins", spec, 1);
    if (rc)
        return rc;
    ct_store *st = open_store(opt, false);
    if (!st)
        return 1;
    ct_origin_iter *it = NULL;
    const ct_origin *o;
    int status = 0;
    rc = ct_origin_iter_new(&it, st, 0, all ? 0 : CT_ORIGIN_REPEATED);
    while (rc == CT_OK && (rc = ct_origin_iter_next(&o, it)) == CT_OK) {
        if (opt->json) {
            char *json = NULL;
            if ((status = put_json(ct_origin_to_json(&json, o, 0), &json)) != 0)
                break;
        } else {
            print_origin(o);
        }
    }
    if (rc != CT_ITEROVER && status == 0)
        status = report_error();
    ct_origin_iter_free(it);
    ct_store_close(st);
    return finish_output(status);
}

static int cmd_documents(options *opt)
{
    int rc = only_opts(opt, "documents", NULL, 0);
    if (rc)
        return rc;
    ct_store *st = open_store(opt, false);
    if (!st)
        return 1;
    ct_document_iter *it = NULL;
    const ct_document *d;
    int status = 0;
    rc = ct_document_iter_new(&it, st);
    while (rc == CT_OK && (rc = ct_document_iter_next(&d, it)) == CT_OK) {
        if (opt->json) {
            char *json = NULL;
            if ((status = put_json(ct_document_to_json(&json, d, 0), &json)) != 0)
                break;
            continue;
        }
        printf("%6" PRId64 "  %4" PRId64 " claims  ", ct_document_id(d), ct_document_claim_count(d));
        put_safe(stdout, ct_document_file(d) ? ct_document_file(d) : "(no file)");
        if (ct_document_source(d)) {
            printf("  [");
            put_safe(stdout, ct_document_source(d));
            printf("]");
        }
        if (ct_document_derived_from(d))
            printf("  derived from %" PRId64, ct_document_derived_from(d));
        printf("\n");
    }
    if (rc != CT_ITEROVER && status == 0)
        status = report_error();
    ct_document_iter_free(it);
    ct_store_close(st);
    return finish_output(status);
}

/* ---- main ------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    options opt = {0};
    const command *cmd = NULL;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest) {
        fprintf(stderr, "claimtrack: out of memory\n");
        return 1;
    }
    bool flags_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!flags_done && strcmp(a, "--") == 0) {
            flags_done = true;
            if (cmd) /* the command's parser stops at it too */
                rest[opt.argc++] = argv[i];
        } else if (!flags_done && strcmp(a, "--json") == 0) {
            opt.json = true;
        } else if (!flags_done && strcmp(a, "--replace-invalid") == 0) {
            opt.replace_invalid = true;
        } else if (!flags_done && strcmp(a, "--db") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "claimtrack: --db needs a PATH\n");
                free(rest);
                return 2;
            }
            opt.db = argv[++i];
        } else if (!flags_done && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            usage(stdout);
            free(rest);
            return 0;
        } else if (!flags_done && strcmp(a, "--version") == 0) {
            printf("claimtrack %s\n", ct_version());
            free(rest);
            return 0;
        } else if (!cmd && !flags_done && a[0] == '-' && a[1]) {
            fputs("claimtrack: unknown option '", stderr);
            put_safe(stderr, a);
            fputs("' (a command's options go after the command)\n", stderr);
            free(rest);
            return 2;
        } else if (!cmd) {
            for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
                if (strcmp(a, commands[k].name) == 0)
                    cmd = &commands[k];
            if (!cmd) {
                fputs("claimtrack: unknown command '", stderr);
                put_safe(stderr, a);
                fputs("'\n", stderr);
                usage(stderr);
                free(rest);
                return 2;
            }
            if (flags_done) /* "claimtrack -- extract --x": --x is a file too */
                rest[opt.argc++] = "--";
        } else if (!flags_done && a[0] == '-' && a[1] == '-') {
            opt.argv = rest; /* commands read their own flags from here */
            rest[opt.argc++] = argv[i];
        } else {
            rest[opt.argc++] = argv[i];
        }
    }
    opt.argv = rest;
    if (!cmd) {
        usage(stderr);
        free(rest);
        return 2;
    }
    int status = cmd->run(&opt);
    free(rest);
    return status;
}
