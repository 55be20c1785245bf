/* claimtrack — the fact-checker's command line, on the public API only.
 *
 *   claimtrack extract [--json] FILE...      claims, speakers and quotes of each file
 *   claimtrack quantities [--json] FILE...   every numeric expression recognised
 *
 * "-" reads standard input. Exit status: 0 when every file was processed, 1 when any
 * failed (the others are still processed), 2 for a usage error. */
#include <claimtrack/claimtrack.h>

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static const command commands[] = {
    {"extract", cmd_extract, "extract [--json] FILE...     claims with speakers, and quotes"},
    {"quantities", cmd_quantities, "quantities [--json] FILE...  every numeric expression"},
    {"help", cmd_help, "help                         this text"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: claimtrack [--json] [--replace-invalid] COMMAND [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  claimtrack %s\n", commands[i].summary);
    fprintf(f, "\nFILE may be - for standard input. --replace-invalid reads invalid UTF-8 as "
               "U+FFFD instead of rejecting the file.\n");
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
    if (opt->argc == 0) {
        fprintf(stderr, "claimtrack: %s needs at least one FILE (or - for standard input)\n",
                quantities ? "quantities" : "extract");
        return 2;
    }
    for (int i = 0; i < opt->argc; i++) {
        if (strncmp(opt->argv[i], "--", 2) == 0) {
            fputs("claimtrack: unknown option '", stderr);
            put_safe(stderr, opt->argv[i]);
            fputs("' (see claimtrack help)\n", stderr);
            return 2;
        }
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
