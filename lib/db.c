/* The SQLite edge: schema and its upgrades, statements, transactions, error mapping. */
#include "db.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

/* Version 1: documents, sources, speakers, claims, quotes, relations. */
static const char schema_v1[] =
    "CREATE TABLE sources(id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 BLOB NOT NULL UNIQUE, file TEXT,"
    " source_id INTEGER REFERENCES sources(id), url TEXT, published TEXT, title TEXT,"
    " ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    " text BLOB NOT NULL);"
    "CREATE TABLE speakers(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
    " name TEXT NOT NULL, kind TEXT, role TEXT, org TEXT);"
    "CREATE TABLE claims(id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id),"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,"
    " sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL, text TEXT NOT NULL,"
    " kind INTEGER NOT NULL, low REAL, high REAL, unit TEXT NOT NULL,"
    " bound INTEGER NOT NULL, direction INTEGER NOT NULL,"
    " speaker_id INTEGER REFERENCES speakers(id), hedged INTEGER NOT NULL, hedge_cue TEXT,"
    " subject TEXT, entity TEXT, terms TEXT NOT NULL, match_key TEXT NOT NULL,"
    " lo REAL, hi REAL);"
    "CREATE INDEX claims_doc ON claims(doc_id);"
    "CREATE INDEX claims_key ON claims(match_key, lo);"
    "CREATE TABLE quotes(id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(id),"
    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,"
    " speaker_id INTEGER REFERENCES speakers(id));"
    "CREATE TABLE relations(a INTEGER NOT NULL REFERENCES claims(id),"
    " b INTEGER NOT NULL REFERENCES claims(id), type INTEGER NOT NULL,"
    " score REAL NOT NULL, reason TEXT NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    "CREATE INDEX relations_b ON relations(b);"
    "PRAGMA user_version = 1;";

/* Version 2: origins, derived documents and their signatures, value-ordered and
 * term-keyed candidate indexes, full-text search over the claims' sentences. */
static const char upgrade_v2[] =
    "CREATE TABLE origins(id INTEGER PRIMARY KEY, label TEXT NOT NULL,"
    " first_claim INTEGER NOT NULL REFERENCES claims(id));"
    "ALTER TABLE claims ADD COLUMN mid REAL;"
    "ALTER TABLE claims ADD COLUMN origin_id INTEGER REFERENCES origins(id);"
    "ALTER TABLE claims ADD COLUMN origin_key TEXT;"
    "UPDATE claims SET mid = COALESCE((lo + hi) / 2, lo, hi, 0);"
    "DROP INDEX claims_key;"
    "CREATE INDEX claims_key ON claims(match_key, mid);"
    "CREATE INDEX claims_origin ON claims(origin_id);"
    "CREATE INDEX claims_speaker ON claims(speaker_id);"
    "CREATE INDEX claims_said ON claims(origin_key, kind, mid);"
    "CREATE INDEX documents_source ON documents(source_id);"
    "ALTER TABLE documents ADD COLUMN sig BLOB;"
    "CREATE TABLE derivations(doc_id INTEGER PRIMARY KEY REFERENCES documents(id),"
    " original_id INTEGER NOT NULL REFERENCES documents(id), similarity REAL NOT NULL);"
    "CREATE TABLE claim_terms(match_key TEXT NOT NULL, term TEXT NOT NULL,"
    " claim_id INTEGER NOT NULL, PRIMARY KEY(match_key, term, claim_id)) WITHOUT ROWID;"
    "WITH RECURSIVE split(id, key, rest, term) AS ("
    " SELECT id, match_key, terms || ' ', '' FROM claims"
    " UNION ALL SELECT id, key, substr(rest, instr(rest, ' ') + 1),"
    " substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> '')"
    " INSERT OR IGNORE INTO claim_terms SELECT key, term, id FROM split WHERE term <> '';"
    "CREATE VIRTUAL TABLE claim_fts USING fts5(sentence, content='',"
    " tokenize='unicode61 remove_diacritics 2');"
    "INSERT INTO claim_fts(rowid, sentence) SELECT c.id,"
    " CAST(substr(d.text, c.sent_start + 1, c.sent_end - c.sent_start) AS TEXT)"
    " FROM claims c JOIN documents d ON d.id = c.doc_id;"
    "PRAGMA user_version = 2;";

enum {
    S_DOC_FIND,
    S_DOC_INSERT,
    S_SOURCE_FIND,
    S_SOURCE_INSERT,
    S_SPEAKER_FIND,
    S_SPEAKER_INSERT,
    S_CLAIM_INSERT,
    S_FTS_INSERT,
    S_TERM_INSERT,
    S_QUOTE_INSERT,
    S_RELATION_INSERT,
    S_ORIGIN_INSERT,
    S_CLAIM_SET_ORIGIN,
    S_CLAIM_SET_ORIGIN_KEY,
    S_DERIVATION_INSERT,
    S_DOC_SET_SIG,
    S_DOC_ORIGINAL,
    S_DOC_SIG,
    S_CAND_ABOVE,
    S_CAND_BELOW,
    S_CAND_TERM,
    S_CAND_SAID_ABOVE,
    S_CAND_SAID_BELOW,
    S_OLDER_RELATIONS,
    S_CLAIM_RELATIONS, /* prepared on first use from ct__db_relations' text */
    S_BEGIN,
    S_COMMIT,
    S_ROLLBACK,
    S_COUNT_
};

#define CLAIM_COLS(c, s, d)                                                                  \
    c ".id, " c ".doc_id, " c ".span_start, " c ".span_end, " c ".sent_start, " c              \
      ".sent_end, " c ".text, " c ".kind, " c ".low, " c ".high, " c ".unit, " c ".bound, " c \
      ".direction, " s ".name, " s ".kind, " s ".role, " s ".org, " c ".hedged, " c          \
      ".hedge_cue, " c ".subject, " c ".entity, " c ".terms, " d ".file, " c ".origin_id"

#define CLAIM_FROM(c, s, d)                                                                  \
    " JOIN documents " d " ON " d ".id = " c ".doc_id LEFT JOIN speakers " s " ON " s         \
    ".id = " c ".speaker_id"

static const char *const sql_text[S_COUNT_] = {
    [S_DOC_FIND] = "SELECT id FROM documents WHERE sha256 = ?1",
    [S_DOC_INSERT] = "INSERT INTO documents(sha256, file, source_id, url, published, title,"
                     " text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_SOURCE_FIND] = "SELECT id FROM sources WHERE name = ?1",
    [S_SOURCE_INSERT] = "INSERT INTO sources(name) VALUES (?1)",
    [S_SPEAKER_FIND] = "SELECT id FROM speakers WHERE key = ?1",
    [S_SPEAKER_INSERT] = "INSERT INTO speakers(key, name, kind, role, org)"
                         " VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_CLAIM_INSERT] =
        "INSERT INTO claims(doc_id, span_start, span_end, sent_start, sent_end, text, kind,"
        " low, high, unit, bound, direction, speaker_id, hedged, hedge_cue, subject, entity,"
        " terms, match_key, lo, hi, mid, origin_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
        " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    [S_FTS_INSERT] = "INSERT INTO claim_fts(rowid, sentence) VALUES (?1, ?2)",
    [S_TERM_INSERT] = "INSERT OR IGNORE INTO claim_terms(match_key, term, claim_id)"
                      " VALUES (?1, ?2, ?3)",
    [S_QUOTE_INSERT] = "INSERT INTO quotes(doc_id, span_start, span_end, text, speaker_id)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_RELATION_INSERT] = "INSERT OR IGNORE INTO relations(a, b, type, score, reason)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_ORIGIN_INSERT] = "INSERT INTO origins(label, first_claim) VALUES (?1, ?2)",
    [S_CLAIM_SET_ORIGIN] = "UPDATE claims SET origin_id = ?2 WHERE id = ?1",
    [S_CLAIM_SET_ORIGIN_KEY] = "UPDATE claims SET origin_key = ?2 WHERE id = ?1",
    [S_DERIVATION_INSERT] = "INSERT OR REPLACE INTO derivations(doc_id, original_id,"
                            " similarity) VALUES (?1, ?2, ?3)",
    [S_DOC_SET_SIG] = "UPDATE documents SET sig = ?2 WHERE id = ?1",
    [S_DOC_ORIGINAL] = "SELECT original_id FROM derivations WHERE doc_id = ?1",
    [S_DOC_SIG] = "SELECT sig, published FROM documents WHERE id = ?1",
    [S_CAND_ABOVE] = "SELECT " CLAIM_COLS("c", "s", "d") ", c.origin_key FROM claims c"
                     " JOIN documents d ON d.id = c.doc_id"
                     " LEFT JOIN speakers s ON s.id = c.speaker_id"
                     " WHERE c.match_key = ?1 AND c.mid >= ?2 AND c.doc_id <> ?3"
                     " ORDER BY c.mid LIMIT ?4",
    [S_CAND_BELOW] = "SELECT " CLAIM_COLS("c", "s", "d") ", c.origin_key FROM claims c"
                     " JOIN documents d ON d.id = c.doc_id"
                     " LEFT JOIN speakers s ON s.id = c.speaker_id"
                     " WHERE c.match_key = ?1 AND c.mid < ?2 AND c.doc_id <> ?3"
                     " ORDER BY c.mid DESC LIMIT ?4",
    [S_CAND_TERM] = "SELECT " CLAIM_COLS("c", "s", "d") ", c.origin_key FROM claim_terms t"
                    " JOIN claims c ON c.id = t.claim_id JOIN documents d ON d.id = c.doc_id"
                    " LEFT JOIN speakers s ON s.id = c.speaker_id"
                    " WHERE t.match_key = ?1 AND t.term = ?2 AND c.doc_id <> ?3"
                    " ORDER BY t.claim_id DESC LIMIT ?4",
    [S_CAND_SAID_ABOVE] = "SELECT " CLAIM_COLS("c", "s", "d") ", c.origin_key FROM claims c"
                          " JOIN documents d ON d.id = c.doc_id"
                          " LEFT JOIN speakers s ON s.id = c.speaker_id"
                          " WHERE c.origin_key = ?1 AND c.kind = ?2 AND c.mid >= ?3"
                          " AND c.doc_id <> ?4 ORDER BY c.mid LIMIT ?5",
    [S_CAND_SAID_BELOW] = "SELECT " CLAIM_COLS("c", "s", "d") ", c.origin_key FROM claims c"
                          " JOIN documents d ON d.id = c.doc_id"
                          " LEFT JOIN speakers s ON s.id = c.speaker_id"
                          " WHERE c.origin_key = ?1 AND c.kind = ?2 AND c.mid < ?3"
                          " AND c.doc_id <> ?4 ORDER BY c.mid DESC LIMIT ?5",
    [S_OLDER_RELATIONS] = "SELECT c.id, r.type, c.origin_key, c.doc_id, c.origin_id"
                          " FROM relations r JOIN claims c ON c.id = r.a"
                          " WHERE r.b = ?1 ORDER BY r.score DESC, c.id",
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
};

struct ct_db {
    sqlite3 *h;
    sqlite3_stmt *stmt[S_COUNT_];
    ct_db_cursor *borrower[S_COUNT_]; /* the cursor reading a cached statement, if any */
    ct_db_cursor *cursors;            /* every cursor not freed yet, to detach on close */
};

struct ct_db_cursor {
    ct_db *db;
    sqlite3_stmt *stmt;
    bool owned; /* finalise on free; else a cached statement to reset */
    int slot;   /* the cached statement it borrows (-1: none) */
    ct_db_cursor *prev, *next; /* in db->cursors */
};

/* ---- errors ----------------------------------------------------------------------- */

/* Map a SQLite result to our code, copying the message now: SQLite may overwrite it. */
static int fail(ct_db *db, int rc, const char *what)
{
    int code = CT_ERROR;
    switch (rc & 0xff) {
    case SQLITE_NOMEM: return ct__enomem();
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = CT_EBUSY; break;
    case SQLITE_READONLY: code = CT_EREADONLY; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = CT_ECORRUPT; break;
    case SQLITE_FULL: code = CT_EFULL; break;
    case SQLITE_CANTOPEN: code = CT_ENOTFOUND; break;
    case SQLITE_CONSTRAINT:
        code = rc == SQLITE_CONSTRAINT_UNIQUE ? CT_EEXISTS : CT_ERROR;
        break;
    default: break;
    }
    const char *msg = db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc);
    if (code == CT_EBUSY)
        return ct__error(code, "%s: the store is locked by another process", what);
    return ct__error(code, "%s: %s", what, msg);
}

static int exec(ct_db *db, const char *sql, const char *what)
{
    int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? CT_OK : fail(db, rc, what);
}

static int get_version(ct_db *db, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? CT_OK : fail(db, rc, "reading the schema version");
}

static int count_tables(ct_db *db, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? CT_OK : fail(db, rc, "reading the schema");
}

/* Create or upgrade the schema inside one write transaction, re-reading the version
 * under the lock: another process may have done it meanwhile. */
static int migrate(ct_db *db, int *upgraded_from)
{
    int rc = exec(db, "BEGIN IMMEDIATE", "opening the store");
    if (rc)
        return rc;
    int version = 0, tables = 0;
    rc = get_version(db, &version);
    if (rc == CT_OK)
        rc = count_tables(db, &tables);
    if (rc == CT_OK && version == 0 && tables > 0)
        rc = ct__error(CT_ECORRUPT, "not a claimtrack store (it has other tables)");
    if (rc == CT_OK && version > CT_STORE_SCHEMA_VERSION)
        rc = ct__error(CT_ECORRUPT, "the store has schema version %d; this library reads up to %d",
                       version, CT_STORE_SCHEMA_VERSION);
    if (rc == CT_OK && version > 0 && version < CT_STORE_SCHEMA_VERSION)
        *upgraded_from = version;
    if (rc == CT_OK && version < 1)
        rc = exec(db, schema_v1, "creating the schema");
    if (rc == CT_OK && version < 2)
        rc = exec(db, upgrade_v2, "upgrading the schema to version 2");
    if (rc == CT_OK)
        rc = exec(db, "COMMIT", "writing the schema");
    if (rc != CT_OK)
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Wait for the write lock in 1 ms steps for up to 10 s. SQLite's own handler sleeps up to
 * 100 ms between tries, so a writer waiting on another that commits document after
 * document rarely hits the short gaps between its transactions, and starves. */
enum { BUSY_STEP_MS = 1, BUSY_TIMEOUT_MS = 10000 };

static int busy_wait(void *unused, int tries)
{
    (void)unused;
    if ((long)tries * BUSY_STEP_MS >= BUSY_TIMEOUT_MS)
        return 0;
    sqlite3_sleep(BUSY_STEP_MS);
    return 1;
}

/* Switch to WAL (readers never block the writer) unless the file is in WAL already:
 * switching takes an exclusive lock, which another open connection holds off. */
static int use_wal(ct_db *db, const char *path)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "PRAGMA journal_mode", -1, &st, NULL);
    bool wal = false;
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *mode = sqlite3_column_text(st, 0);
        wal = mode && strcmp((const char *)mode, "wal") == 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return fail(db, rc, path);
    return wal ? CT_OK : exec(db, "PRAGMA journal_mode = WAL", path);
}

static int open_once(ct_db **out, const char *path, unsigned flags, int *upgraded_from)
{
    *out = NULL;
    *upgraded_from = 0;
    ct_db *db = ct__calloc(1, sizeof *db);
    if (!db)
        return ct__enomem();
    bool memory = strcmp(path, ":memory:") == 0;
    int oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    if (flags & CT_OPEN_READONLY)
        oflags |= SQLITE_OPEN_READONLY;
    else if (flags & CT_OPEN_NOCREATE)
        oflags |= SQLITE_OPEN_READWRITE;
    else
        oflags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    /* "file:" names would let a path pick options (mode=, vfs=): never treat it as a URI */
    char *name = NULL;
    if (!memory && strncmp(path, "file:", 5) == 0) {
        size_t n = strlen(path);
        name = ct__malloc(n + 3);
        if (!name) {
            ct__free(db);
            return ct__enomem();
        }
        memcpy(name, "./", 2);
        memcpy(name + 2, path, n + 1);
    }
    int rc = sqlite3_open_v2(name ? name : path, &db->h, oflags, NULL);
    ct__free(name);
    int ret = CT_OK;
    if (rc != SQLITE_OK) {
        ret = fail(db, rc, path);
        if ((rc & 0xff) == SQLITE_CANTOPEN)
            ret = ct__error(CT_ENOTFOUND, "%s: cannot open the store (no such file or "
                                          "directory, or no permission)", path);
        goto fail;
    }
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_busy_handler(db->h, busy_wait, NULL);
    int version = 0;
    if ((ret = get_version(db, &version)) != CT_OK) {
        if (ret == CT_ECORRUPT)
            ret = ct__error(CT_ECORRUPT, "%s: not a claimtrack store (not an SQLite database)",
                            path);
        goto fail;
    }
    if (!memory && !(flags & CT_OPEN_READONLY) && (ret = use_wal(db, path)) != CT_OK)
        goto fail;
    /* a bigger cache and fewer checkpoints (each one syncs): ingest writes many pages */
    if ((ret = exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                        " PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 4000",
                    path)) != CT_OK)
        goto fail;
    if (flags & CT_OPEN_READONLY) {
        if (version != CT_STORE_SCHEMA_VERSION) {
            ret = version == 0 ? ct__error(CT_ECORRUPT, "%s: not a claimtrack store", path)
                               : ct__error(CT_EREADONLY, "%s: the store has schema version %d; "
                                                         "open it for writing once to upgrade it",
                                           path, version);
            goto fail;
        }
    } else if (version != CT_STORE_SCHEMA_VERSION &&
               (ret = migrate(db, upgraded_from)) != CT_OK) {
        goto fail;
    }
    *out = db;
    return CT_OK;
fail:
    sqlite3_close_v2(db->h);
    ct__free(db);
    return ret;
}

int ct__db_open(ct_db **out, const char *path, unsigned flags, int *upgraded_from)
{
    /* Two processes opening a new file at once can meet in the journal-mode switch or the
     * schema creation, where SQLite answers "busy" at once rather than wait (waiting
     * could deadlock). Let go of everything and try again, up to the busy timeout. */
    int rc;
    for (int tries = 0;; tries++) {
        rc = open_once(out, path, flags, upgraded_from);
        if (rc != CT_EBUSY || tries * 10 >= BUSY_TIMEOUT_MS)
            return rc;
        sqlite3_sleep(10);
    }
}

void ct__db_close(ct_db *db)
{
    if (!db)
        return;
    /* iterators not freed yet, whatever statement they read: let them fail safely */
    for (ct_db_cursor *cur = db->cursors, *next; cur; cur = next) {
        next = cur->next;
        if (cur->owned)
            sqlite3_finalize(cur->stmt);
        cur->stmt = NULL;
        cur->db = NULL;
        cur->prev = cur->next = NULL;
    }
    for (int i = 0; i < S_COUNT_; i++)
        sqlite3_finalize(db->stmt[i]);
    sqlite3_close_v2(db->h);
    ct__free(db);
}

int ct__db_version(ct_db *db, int *out) { return get_version(db, out); }

/* The cached statement for id, reset and unbound. */
static int stmt(ct_db *db, int id, sqlite3_stmt **out)
{
    if (!db->stmt[id]) {
        int rc = sqlite3_prepare_v3(db->h, sql_text[id], -1, SQLITE_PREPARE_PERSISTENT,
                                    &db->stmt[id], NULL);
        if (rc != SQLITE_OK)
            return fail(db, rc, "preparing a query");
    }
    sqlite3_reset(db->stmt[id]);
    sqlite3_clear_bindings(db->stmt[id]);
    *out = db->stmt[id];
    return CT_OK;
}

/* Step a write statement to completion. */
static int run(ct_db *db, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? CT_OK : fail(db, rc, what);
}

/* Step a one-value query: CT_OK with the id, CT_ENOTFOUND, or an error. */
static int one_id(ct_db *db, sqlite3_stmt *st, int64_t *id_out, const char *what)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id_out = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return CT_OK;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? CT_ENOTFOUND : fail(db, rc, what);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t id)
{
    if (id)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

int ct__db_begin(ct_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_BEGIN, &st);
    return rc ? rc : run(db, st, "starting a transaction");
}

int ct__db_commit(ct_db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_COMMIT, &st);
    return rc ? rc : run(db, st, "committing");
}

void ct__db_rollback(ct_db *db)
{
    if (sqlite3_get_autocommit(db->h))
        return; /* SQLite already rolled back (after a full disk, for one) */
    sqlite3_stmt *st = NULL;
    if (stmt(db, S_ROLLBACK, &st) == CT_OK) {
        sqlite3_step(st);
        sqlite3_reset(st);
    }
}

/* ---- writes ----------------------------------------------------------------------- */

int ct__db_doc_find(ct_db *db, const unsigned char sha256[32], int64_t *id_out)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_DOC_FIND, &st);
    if (rc)
        return rc;
    sqlite3_bind_blob(st, 1, sha256, 32, SQLITE_STATIC);
    return one_id(db, st, id_out, "looking up a document");
}

int ct__db_doc_insert(ct_db *db, const ct_db_doc *d, int64_t *id_out)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_DOC_INSERT, &st);
    if (rc)
        return rc;
    sqlite3_bind_blob(st, 1, d->sha256, 32, SQLITE_STATIC);
    bind_text(st, 2, d->file);
    bind_id(st, 3, d->source_id);
    bind_text(st, 4, d->url);
    bind_text(st, 5, d->published);
    bind_text(st, 6, d->title);
    sqlite3_bind_blob64(st, 7, d->len ? d->text : "", d->len, SQLITE_STATIC);
    rc = run(db, st, "storing a document");
    *id_out = sqlite3_last_insert_rowid(db->h);
    return rc;
}

/* Find by key, else insert: the two statements share the key's bind position 1. */
static int get_or_insert(ct_db *db, int find, int insert, sqlite3_stmt **ins_out, const char *key,
                         int64_t *id_out, const char *what)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, find, &st);
    if (rc)
        return rc;
    bind_text(st, 1, key);
    rc = one_id(db, st, id_out, what);
    if (rc != CT_ENOTFOUND)
        return rc;
    rc = stmt(db, insert, ins_out);
    if (rc)
        return rc;
    bind_text(*ins_out, 1, key);
    return CT_ENOTFOUND;
}

int ct__db_source_id(ct_db *db, const char *name, int64_t *id_out)
{
    sqlite3_stmt *ins = NULL;
    int rc = get_or_insert(db, S_SOURCE_FIND, S_SOURCE_INSERT, &ins, name, id_out,
                           "looking up a source");
    if (rc != CT_ENOTFOUND)
        return rc;
    rc = run(db, ins, "storing a source");
    *id_out = sqlite3_last_insert_rowid(db->h);
    return rc;
}

int ct__db_speaker_id(ct_db *db, const char *key, const char *name, const char *kind,
                      const char *role, const char *org, int64_t *id_out)
{
    sqlite3_stmt *ins = NULL;
    int rc = get_or_insert(db, S_SPEAKER_FIND, S_SPEAKER_INSERT, &ins, key, id_out,
                           "looking up a speaker");
    if (rc != CT_ENOTFOUND)
        return rc;
    bind_text(ins, 2, name);
    bind_text(ins, 3, kind);
    bind_text(ins, 4, role);
    bind_text(ins, 5, org);
    rc = run(db, ins, "storing a speaker");
    *id_out = sqlite3_last_insert_rowid(db->h);
    return rc;
}

int ct__db_claim_insert(ct_db *db, const ct_db_claim *x, int64_t *id_out)
{
    const ct_claim *c = x->claim;
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_CLAIM_INSERT, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, x->doc_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)c->start);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)c->end);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)c->sent_start);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)c->sent_end);
    bind_text(st, 6, c->text ? c->text : "");
    sqlite3_bind_int(st, 7, (int)c->kind);
    if (c->has_low)
        sqlite3_bind_double(st, 8, c->low);
    if (c->has_high)
        sqlite3_bind_double(st, 9, c->high);
    bind_text(st, 10, c->unit);
    sqlite3_bind_int(st, 11, (int)c->bound);
    sqlite3_bind_int(st, 12, (int)c->direction);
    bind_id(st, 13, x->speaker_id);
    sqlite3_bind_int(st, 14, c->hedged);
    bind_text(st, 15, c->hedge_cue);
    bind_text(st, 16, c->subject);
    bind_text(st, 17, c->entity);
    bind_text(st, 18, c->terms ? c->terms : "");
    bind_text(st, 19, x->match_key);
    if (x->has_lo)
        sqlite3_bind_double(st, 20, x->lo);
    if (x->has_hi)
        sqlite3_bind_double(st, 21, x->hi);
    sqlite3_bind_double(st, 22, x->mid);
    bind_text(st, 23, x->origin_key);
    rc = run(db, st, "storing a claim");
    if (rc)
        return rc;
    *id_out = sqlite3_last_insert_rowid(db->h);
    if ((rc = stmt(db, S_FTS_INSERT, &st)) != CT_OK)
        return rc;
    sqlite3_bind_int64(st, 1, *id_out);
    /* text64: a length past INT_MAX is refused (SQLITE_TOOBIG), never truncated by a cast */
    rc = sqlite3_bind_text64(st, 2, x->sentence ? x->sentence : "", x->sentence_len,
                             SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        return fail(db, rc, "indexing a claim's sentence");
    if ((rc = run(db, st, "indexing a claim's sentence")) != CT_OK)
        return rc;
    /* each key term, for finding claims about the same thing whatever their values */
    for (const char *t = c->terms; t && *t;) {
        size_t n = strcspn(t, " ");
        if (n && (rc = stmt(db, S_TERM_INSERT, &st)) == CT_OK) {
            bind_text(st, 1, x->match_key);
            rc = sqlite3_bind_text64(st, 2, t, n, SQLITE_STATIC, SQLITE_UTF8);
            sqlite3_bind_int64(st, 3, *id_out);
            rc = rc == SQLITE_OK ? run(db, st, "indexing a claim's terms")
                                 : fail(db, rc, "indexing a claim's terms");
        }
        if (rc)
            return rc;
        t += n + (t[n] == ' ');
    }
    return CT_OK;
}

int ct__db_quote_insert(ct_db *db, int64_t doc_id, const ct_quote *q, int64_t speaker_id)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_QUOTE_INSERT, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)q->start);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)q->end);
    bind_text(st, 4, q->text ? q->text : "");
    bind_id(st, 5, speaker_id);
    return run(db, st, "storing a quote");
}

int ct__db_relation_insert(ct_db *db, int64_t a, int64_t b, int type, double score,
                           const char *reason)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_RELATION_INSERT, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, a < b ? a : b);
    sqlite3_bind_int64(st, 2, a < b ? b : a);
    sqlite3_bind_int(st, 3, type);
    sqlite3_bind_double(st, 4, score);
    bind_text(st, 5, reason ? reason : "");
    return run(db, st, "storing a relation");
}

int ct__db_origin_insert(ct_db *db, const char *label, int64_t first_claim, int64_t *id_out)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_ORIGIN_INSERT, &st);
    if (rc)
        return rc;
    bind_text(st, 1, label ? label : "");
    sqlite3_bind_int64(st, 2, first_claim);
    rc = run(db, st, "storing an origin");
    *id_out = sqlite3_last_insert_rowid(db->h);
    return rc;
}

int ct__db_claim_set_origin(ct_db *db, int64_t claim_id, int64_t origin_id)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_CLAIM_SET_ORIGIN, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, claim_id);
    sqlite3_bind_int64(st, 2, origin_id);
    return run(db, st, "storing a claim's origin");
}

int ct__db_claim_set_origin_key(ct_db *db, int64_t claim_id, const char *key)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_CLAIM_SET_ORIGIN_KEY, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, claim_id);
    bind_text(st, 2, key);
    return run(db, st, "storing a claim's origin");
}

int ct__db_derivation_insert(ct_db *db, int64_t doc_id, int64_t original_id, double similarity)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_DERIVATION_INSERT, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, original_id);
    sqlite3_bind_double(st, 3, similarity);
    return run(db, st, "storing a derived document");
}

int ct__db_doc_set_sig(ct_db *db, int64_t doc_id, const void *sig, size_t len)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_DOC_SET_SIG, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_blob64(st, 2, len ? sig : "", len, SQLITE_STATIC);
    return run(db, st, "storing a document signature");
}

int ct__db_doc_original(ct_db *db, int64_t doc_id, int64_t *original_out)
{
    sqlite3_stmt *st = NULL;
    int rc = stmt(db, S_DOC_ORIGINAL, &st);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, doc_id);
    return one_id(db, st, original_out, "looking up a derived document");
}

/* ---- cursors ---------------------------------------------------------------------- */

static int cursor_new(ct_db_cursor **out, ct_db *db, sqlite3_stmt *st, bool owned)
{
    ct_db_cursor *cur = ct__calloc(1, sizeof *cur);
    if (!cur) {
        if (owned)
            sqlite3_finalize(st);
        else
            sqlite3_reset(st);
        return ct__enomem();
    }
    cur->db = db;
    cur->stmt = st;
    cur->owned = owned;
    cur->slot = -1;
    cur->next = db->cursors;
    if (db->cursors)
        db->cursors->prev = cur;
    db->cursors = cur;
    *out = cur;
    return CT_OK;
}

static int cursor_cached(ct_db_cursor **out, ct_db *db, int id, sqlite3_stmt **st)
{
    int rc = stmt(db, id, st);
    if (rc)
        return rc;
    return cursor_new(out, db, *st, false);
}

static int cursor_sql(ct_db_cursor **out, ct_db *db, const char *sql, sqlite3_stmt **st)
{
    *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, st, NULL);
    if (rc != SQLITE_OK)
        return fail(db, rc, "preparing a query");
    return cursor_new(out, db, *st, true);
}

int ct__db_cursor_next(ct_db_cursor *cur)
{
    if (!cur->stmt)
        return ct__error(CT_EINVAL, "the store was closed before this iterator");
    int rc = sqlite3_step(cur->stmt);
    if (rc == SQLITE_ROW)
        return CT_OK;
    if (rc == SQLITE_DONE)
        return CT_ITEROVER;
    return fail(cur->db, rc, "reading the store");
}

void ct__db_cursor_free(ct_db_cursor *cur)
{
    if (!cur)
        return;
    if (cur->owned)
        sqlite3_finalize(cur->stmt);
    else if (cur->stmt) /* NULL once the store was closed under it */
        sqlite3_reset(cur->stmt);
    if (cur->db) { /* still in the store's list */
        if (cur->slot >= 0)
            cur->db->borrower[cur->slot] = NULL;
        if (cur->prev)
            cur->prev->next = cur->next;
        else
            cur->db->cursors = cur->next;
        if (cur->next)
            cur->next->prev = cur->prev;
    }
    ct__free(cur);
}

bool ct__db_col_null(ct_db_cursor *cur, int col)
{
    return sqlite3_column_type(cur->stmt, col) == SQLITE_NULL;
}

int64_t ct__db_col_int(ct_db_cursor *cur, int col) { return sqlite3_column_int64(cur->stmt, col); }

double ct__db_col_double(ct_db_cursor *cur, int col)
{
    return sqlite3_column_double(cur->stmt, col);
}

const char *ct__db_col_text(ct_db_cursor *cur, int col)
{
    if (sqlite3_column_type(cur->stmt, col) == SQLITE_NULL)
        return NULL;
    return (const char *)sqlite3_column_text(cur->stmt, col);
}

const void *ct__db_col_blob(ct_db_cursor *cur, int col, size_t *len_out)
{
    const void *p = sqlite3_column_blob(cur->stmt, col);
    *len_out = (size_t)sqlite3_column_bytes(cur->stmt, col);
    return p;
}

void ct__db_col_claim(ct_db_cursor *cur, int col, ct_claim *c)
{
    memset(c, 0, sizeof *c);
    c->id = ct__db_col_int(cur, col + 0);
    c->doc_id = ct__db_col_int(cur, col + 1);
    c->start = (size_t)ct__db_col_int(cur, col + 2);
    c->end = (size_t)ct__db_col_int(cur, col + 3);
    c->sent_start = (size_t)ct__db_col_int(cur, col + 4);
    c->sent_end = (size_t)ct__db_col_int(cur, col + 5);
    c->text = ct__db_col_text(cur, col + 6);
    c->kind = (ct_kind)ct__db_col_int(cur, col + 7);
    c->has_low = !ct__db_col_null(cur, col + 8);
    c->low = ct__db_col_double(cur, col + 8);
    c->has_high = !ct__db_col_null(cur, col + 9);
    c->high = ct__db_col_double(cur, col + 9);
    const char *unit = ct__db_col_text(cur, col + 10);
    snprintf(c->unit, sizeof c->unit, "%s", unit ? unit : "");
    c->bound = (ct_bound)ct__db_col_int(cur, col + 11);
    c->direction = (ct_direction)ct__db_col_int(cur, col + 12);
    c->speaker = ct__db_col_text(cur, col + 13);
    c->speaker_kind = ct__db_col_text(cur, col + 14);
    c->speaker_role = ct__db_col_text(cur, col + 15);
    c->speaker_org = ct__db_col_text(cur, col + 16);
    c->hedged = ct__db_col_int(cur, col + 17) != 0;
    c->hedge_cue = ct__db_col_text(cur, col + 18);
    c->subject = ct__db_col_text(cur, col + 19);
    c->entity = ct__db_col_text(cur, col + 20);
    c->terms = ct__db_col_text(cur, col + 21);
    c->file = ct__db_col_text(cur, col + 22);
    c->origin_id = ct__db_col_int(cur, col + 23);
}

int ct__db_candidates(ct_db_cursor **out, ct_db *db, const char *key, double mid, bool above,
                      int64_t doc_id, int limit)
{
    sqlite3_stmt *st = NULL;
    int rc = cursor_cached(out, db, above ? S_CAND_ABOVE : S_CAND_BELOW, &st);
    if (rc)
        return rc;
    bind_text(st, 1, key);
    sqlite3_bind_double(st, 2, mid);
    sqlite3_bind_int64(st, 3, doc_id);
    sqlite3_bind_int(st, 4, limit);
    return CT_OK;
}

int ct__db_term_candidates(ct_db_cursor **out, ct_db *db, const char *key, const char *term,
                           size_t term_len, int64_t doc_id, int limit)
{
    sqlite3_stmt *st = NULL;
    int rc = cursor_cached(out, db, S_CAND_TERM, &st);
    if (rc)
        return rc;
    bind_text(st, 1, key);
    rc = sqlite3_bind_text64(st, 2, term, term_len, SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) {
        ct__db_cursor_free(*out);
        *out = NULL;
        return fail(db, rc, "finding claims about the same thing");
    }
    sqlite3_bind_int64(st, 3, doc_id);
    sqlite3_bind_int(st, 4, limit);
    return CT_OK;
}

int ct__db_said_candidates(ct_db_cursor **out, ct_db *db, const char *origin_key, int kind,
                           double mid, bool above, int64_t doc_id, int limit)
{
    sqlite3_stmt *st = NULL;
    int rc = cursor_cached(out, db, above ? S_CAND_SAID_ABOVE : S_CAND_SAID_BELOW, &st);
    if (rc)
        return rc;
    bind_text(st, 1, origin_key);
    sqlite3_bind_int(st, 2, kind);
    sqlite3_bind_double(st, 3, mid);
    sqlite3_bind_int64(st, 4, doc_id);
    sqlite3_bind_int(st, 5, limit);
    return CT_OK;
}

int ct__db_older_relations(ct_db_cursor **out, ct_db *db, int64_t claim_id)
{
    sqlite3_stmt *st = NULL;
    int rc = cursor_cached(out, db, S_OLDER_RELATIONS, &st);
    if (rc == CT_OK)
        sqlite3_bind_int64(st, 1, claim_id);
    return rc;
}

int ct__db_claims_without_origin(ct_db_cursor **out, ct_db *db, int limit)
{
    sqlite3_stmt *st = NULL;
    int rc = cursor_sql(out, db,
                        "SELECT " CLAIM_COLS("c", "s", "d") ", so.name FROM claims c"
                        CLAIM_FROM("c", "s", "d")
                        " LEFT JOIN sources so ON so.id = d.source_id"
                        " WHERE c.origin_id IS NULL ORDER BY c.id LIMIT ?1",
                        &st);
    if (rc == CT_OK)
        sqlite3_bind_int(st, 1, limit);
    return rc;
}

int ct__db_doc_sig(ct_db_cursor **out, ct_db *db, int64_t doc_id)
{
    sqlite3_stmt *st = NULL;
    int rc = cursor_cached(out, db, S_DOC_SIG, &st);
    if (rc == CT_OK)
        sqlite3_bind_int64(st, 1, doc_id);
    return rc;
}

/* ---- listings --------------------------------------------------------------------- */

/* The words of a search, each quoted as an FTS5 phrase so that no input is syntax. */
static char *fts_query(const char *search)
{
    size_t n = strlen(search), cap = 3 * n + 8, k = 0;
    char *q = ct__malloc(cap);
    if (!q)
        return NULL;
    const char *p = search;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        if (k)
            q[k++] = ' ';
        q[k++] = '"';
        for (; *p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r'; p++) {
            if (*p == '"')
                q[k++] = '"';
            q[k++] = *p;
        }
        q[k++] = '"';
    }
    q[k] = '\0';
    return q;
}

int ct__db_claims(ct_db_cursor **out, ct_db *db, const ct_claim_filter *f)
{
    char sql[2048];
    int n = snprintf(sql, sizeof sql,
                     "SELECT " CLAIM_COLS("c", "s", "d") " FROM claims c" CLAIM_FROM("c", "s", "d")
                     " LEFT JOIN sources so ON so.id = d.source_id WHERE 1");
#define ADD(cond) n += snprintf(sql + n, sizeof sql - (size_t)n, "%s", cond)
    if (f && f->source)
        ADD(" AND so.name = ?1");
    if (f && f->speaker)
        ADD(" AND instr(lower(s.name), lower(?2)) > 0");
    if (f && f->kind != CT_KIND_NONE)
        ADD(" AND c.kind = ?3");
    if (f && f->entity)
        ADD(" AND c.entity = ?4 COLLATE NOCASE");
    if (f && f->search)
        ADD(" AND c.id IN (SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?5)");
    if (f && f->claim_id)
        ADD(" AND c.id = ?6");
    if (f && f->doc_id)
        ADD(" AND c.doc_id = ?7");
    if (f && f->origin_id)
        ADD(" AND c.origin_id = ?8");
    ADD(" ORDER BY c.id");
#undef ADD
    sqlite3_stmt *st = NULL;
    int rc = cursor_sql(out, db, sql, &st);
    if (rc || !f)
        return rc;
    bind_text(st, 1, f->source);
    bind_text(st, 2, f->speaker);
    sqlite3_bind_int(st, 3, (int)f->kind);
    bind_text(st, 4, f->entity);
    if (f->search) {
        char *q = fts_query(f->search);
        if (!q) {
            ct__db_cursor_free(*out);
            *out = NULL;
            return ct__enomem();
        }
        rc = sqlite3_bind_text(st, 5, q, -1, SQLITE_TRANSIENT);
        ct__free(q);
        if (rc != SQLITE_OK) {
            ct__db_cursor_free(*out);
            *out = NULL;
            return fail(db, rc, "searching the claims");
        }
    }
    sqlite3_bind_int64(st, 6, f->claim_id);
    sqlite3_bind_int64(st, 7, f->doc_id);
    sqlite3_bind_int64(st, 8, f->origin_id);
    return CT_OK;
}

/* A cursor over the cached statement `slot` (prepared from sql the first time), or over a
 * statement of its own while another cursor is reading the cached one. */
static int cursor_borrow(ct_db_cursor **out, ct_db *db, int slot, const char *sql,
                         sqlite3_stmt **st)
{
    if (db->borrower[slot])
        return cursor_sql(out, db, sql, st);
    if (!db->stmt[slot]) {
        int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->stmt[slot],
                                    NULL);
        if (rc != SQLITE_OK)
            return fail(db, rc, "preparing a query");
    }
    sqlite3_reset(db->stmt[slot]);
    sqlite3_clear_bindings(db->stmt[slot]);
    *st = db->stmt[slot];
    int rc = cursor_new(out, db, *st, false);
    if (rc == CT_OK) {
        (*out)->slot = slot;
        db->borrower[slot] = *out;
    }
    return rc;
}

int ct__db_relations(ct_db_cursor **out, ct_db *db, int64_t claim_id, int type)
{
    /* x is the claim asked about (or the older one); both rows of a pair come out once */
    static const char base[] =
        "SELECT r.type, r.score, r.reason,"
        " COALESCE((SELECT original_id FROM derivations WHERE doc_id = ca.doc_id), ca.doc_id)"
        " <> COALESCE((SELECT original_id FROM derivations WHERE doc_id = cb.doc_id), cb.doc_id),"
        " " CLAIM_COLS("ca", "sa", "da") ", " CLAIM_COLS("cb", "sb", "db") " FROM %s r"
        " JOIN claims ca ON ca.id = r.x" CLAIM_FROM("ca", "sa", "da")
        " JOIN claims cb ON cb.id = r.y" CLAIM_FROM("cb", "sb", "db")
        " WHERE ?2 = 0 OR r.type = ?2 ORDER BY r.x, r.y";
    const char *from =
        claim_id ? "(SELECT a AS x, b AS y, type, score, reason FROM relations WHERE a = ?1"
                   " UNION ALL SELECT b, a, type, score, reason FROM relations WHERE b = ?1)"
                 : "(SELECT a AS x, b AS y, type, score, reason FROM relations)";
    char sql[4096];
    snprintf(sql, sizeof sql, base, from);
    sqlite3_stmt *st = NULL;
    /* one claim's relations is what a user waits on: keep that statement prepared */
    int rc = claim_id ? cursor_borrow(out, db, S_CLAIM_RELATIONS, sql, &st)
                      : cursor_sql(out, db, sql, &st);
    if (rc == CT_OK) {
        sqlite3_bind_int64(st, 1, claim_id);
        sqlite3_bind_int(st, 2, type);
    }
    return rc;
}

int ct__db_origins(ct_db_cursor **out, ct_db *db, int64_t claim_id, bool repeated)
{
    char sql[3072];
    snprintf(sql, sizeof sql,
             "SELECT o.id, o.label, count(*), count(DISTINCT c.doc_id),"
             " count(DISTINCT COALESCE(dv.original_id, c.doc_id)), " CLAIM_COLS("f", "fs", "fd")
             " FROM origins o JOIN claims c ON c.origin_id = o.id"
             " LEFT JOIN derivations dv ON dv.doc_id = c.doc_id"
             " JOIN claims f ON f.id = o.first_claim" CLAIM_FROM("f", "fs", "fd")
             " %s GROUP BY o.id %s ORDER BY count(DISTINCT c.doc_id) DESC, o.id",
             claim_id ? "WHERE o.id = (SELECT origin_id FROM claims WHERE id = ?1)" : "",
             repeated ? "HAVING count(DISTINCT c.doc_id) > 1" : "");
    sqlite3_stmt *st = NULL;
    int rc = cursor_sql(out, db, sql, &st);
    if (rc == CT_OK && claim_id)
        sqlite3_bind_int64(st, 1, claim_id);
    return rc;
}

int ct__db_documents(ct_db_cursor **out, ct_db *db, int64_t doc_id)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "SELECT d.id, d.file, so.name, d.url, d.published, d.title, d.ingested,"
             " lower(hex(d.sha256)), (SELECT count(*) FROM claims WHERE doc_id = d.id),"
             " dv.original_id, dv.similarity, %s FROM documents d"
             " LEFT JOIN sources so ON so.id = d.source_id"
             " LEFT JOIN derivations dv ON dv.doc_id = d.id %s ORDER BY d.id",
             doc_id ? "d.text" : "NULL", doc_id ? "WHERE d.id = ?1" : "");
    sqlite3_stmt *st = NULL;
    int rc = cursor_sql(out, db, sql, &st);
    if (rc == CT_OK && doc_id)
        sqlite3_bind_int64(st, 1, doc_id);
    return rc;
}

int ct__db_sources(ct_db_cursor **out, ct_db *db)
{
    sqlite3_stmt *st = NULL;
    return cursor_sql(out, db,
                      "SELECT so.name, count(DISTINCT d.id), count(c.id) FROM sources so"
                      " LEFT JOIN documents d ON d.source_id = so.id"
                      " LEFT JOIN claims c ON c.doc_id = d.id"
                      " GROUP BY so.id ORDER BY so.name",
                      &st);
}
