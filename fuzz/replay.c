/* Runs a fuzz harness without libFuzzer: each file named on the command line (or each
 * file in a directory named there, README.md aside) is passed once to
 * LLVMFuzzerTestOneInput. ctest uses it to replay the saved crashers (test/regress/)
 * through the same checks in the ordinary and sanitizer builds. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Defined by the harnesses that need a start-up step. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static size_t runs;

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    size_t cap = 1 << 16, len = 0, n;
    uint8_t *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "replay: out of memory reading %s\n", path);
        return 1;
    }
    /* an exact-size copy, so that ASan sees any read past the input */
    uint8_t *data = malloc(len ? len : 1);
    if (!data) {
        free(buf);
        return 1;
    }
    memcpy(data, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    runs++;
    return 0;
}

/* A harness's own crashers are "<harness>-<hash>"; prefix "" takes every file. */
static int run_dir(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "replay: cannot open %s\n", dir);
        return 1;
    }
    int status = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0 ||
            strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            status |= run_file(path);
    }
    closedir(d);
    return status;
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    const char *prefix = "";
    int status = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "--prefix") == 0 && i + 1 < argc)
            prefix = argv[++i];
        else if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            status |= run_dir(argv[i], prefix);
        else
            status |= run_file(argv[i]);
    }
    printf("replay: %zu inputs, no failure\n", runs);
    return status;
}
