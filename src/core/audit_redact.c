/* Redacting the access log when a dossier is destroyed.
 *
 * Rows cannot be removed from a hash chain without breaking it, and the log must show
 * that access took place; so a row about the destroyed family keeps its place, time,
 * event, who and from where, and its stored hashes, but loses the family, the object
 * and the detail, and points (redacted_by) at the 'destroy' row. Searches whose terms
 * name the family (a surname, a first name, a network member, the case number) are
 * redacted the same way. The destroy row states how many rows it redacted, so
 * audit_verify notices a row redacted behind casus's back. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/audit.h"
#include "casus/i18n.h"

#define MAX_WORDS 256

struct words {
	char w[MAX_WORDS][101];
	int n;
};

static void lower_ascii(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* Name prefixes and joining words that say nothing about who is meant. */
static bool filler(const char *w)
{
	static const char *const fill[] = { "van", "der", "den", "het", "ter", "ten", "de", "la",
		"le", "du", "von", "zu", "op", "in", "en", "and", NULL };
	for (int i = 0; fill[i]; i++)
		if (strcmp(w, fill[i]) == 0)
			return true;
	return false;
}

/* Split a name into lower-cased words of two characters or more (bytes of UTF-8
 * letters stay as they are), skipping name prefixes. */
static void add_words(struct words *ws, const char *name)
{
	char buf[808];
	snprintf(buf, sizeof buf, "%s", name ? name : "");
	lower_ascii(buf);
	for (char *save = NULL, *t = strtok_r(buf, " -'.,()/", &save); t;
	     t = strtok_r(NULL, " -'.,()/", &save)) {
		if (strlen(t) < 2 || strlen(t) > 100 || filler(t) || ws->n >= MAX_WORDS)
			continue;
		snprintf(ws->w[ws->n++], sizeof ws->w[0], "%s", t);
	}
}

static const char SQL_NAMES[] =
	"SELECT given_name FROM person WHERE family_id = ?1"
	" UNION SELECT family_name FROM person WHERE family_id = ?1"
	" UNION SELECT name FROM involved_party WHERE family_id = ?1 AND kind = 'netwerk'"
	" UNION SELECT display_name FROM family WHERE id = ?1"
	" UNION SELECT case_no FROM family WHERE id = ?1";
static const char SQL_SEARCHES[] =
	"SELECT seq, detail FROM audit WHERE event = 'search' AND redacted_by IS NULL"
	" AND detail IS NOT NULL AND (family_id IS NULL OR family_id <> ?1) ORDER BY seq";
static const char SQL_COUNT[] =
	"SELECT count(*) FROM audit WHERE family_id = ?1 AND redacted_by IS NULL";
static const char SQL_LAST[] = "SELECT max(seq) FROM audit";
static const char SQL_REDACT_FAMILY[] =
	"UPDATE audit SET family_id = NULL, object_id = NULL, detail = NULL, redacted_by = ?2"
	" WHERE family_id = ?1 AND redacted_by IS NULL AND seq < ?2";
static const char SQL_REDACT_ONE[] =
	"UPDATE audit SET family_id = NULL, object_id = NULL, detail = NULL, redacted_by = ?2"
	" WHERE seq = ?1 AND redacted_by IS NULL";

static enum casus_rc collect_names(struct casus_ctx *ctx, const char *family_id,
	struct words *ws, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_NAMES, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_words(ws, (const char *)sqlite3_column_text(st, 0));
	db_done(st);
	return rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

struct seqs {
	int64_t *v;
	size_t n, cap;
};

static bool seqs_push(struct seqs *s, int64_t seq)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		int64_t *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return false;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = seq;
	return true;
}

/* Whether a search term names this word: it holds the word, or one of its words of
 * three characters or more begins it (a search typed "zwanev" for "Zwaneveld"). */
static bool names_word(const char *term, const char *word)
{
	if (strstr(term, word))
		return true;
	size_t wl = strlen(word);
	for (const char *p = term; *p;) {
		size_t n = strcspn(p, " -'.,()/\"*");
		if (n >= 3 && n <= wl && strncmp(p, word, n) == 0)
			return true;
		p += n;
		p += strspn(p, " -'.,()/\"*");
	}
	return false;
}

/* Searches of other rows whose term holds one of the family's name words. */
static enum casus_rc matching_searches(struct casus_ctx *ctx, const char *family_id,
	const struct words *ws, struct seqs *out, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_SEARCHES, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int rc;
	char detail[2048];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 1, detail, sizeof detail);
		lower_ascii(detail);
		for (int i = 0; i < ws->n; i++)
			if (names_word(detail, ws->w[i])) {
				if (!seqs_push(out, sqlite3_column_int64(st, 0))) {
					db_done(st);
					return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
				}
				break;
			}
	}
	db_done(st);
	return rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static int64_t count_rows(struct casus_ctx *ctx, const char *sql, const char *family_id,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, sql, err);
	if (!st)
		return -1;
	if (family_id)
		sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	db_done(st);
	return n;
}

static enum casus_rc redact(struct casus_ctx *ctx, const char *family_id, const struct seqs *s,
	int64_t destroy_seq, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, SQL_REDACT_FAMILY, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, family_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, destroy_seq);
	enum casus_rc r = db_exec_stmt(ctx, st, err);
	for (size_t i = 0; i < s->n && !r; i++) {
		if (!(st = db_stmt(ctx, SQL_REDACT_ONE, err)))
			return err->rc;
		sqlite3_bind_int64(st, 1, s->v[i]);
		sqlite3_bind_int64(st, 2, destroy_seq);
		r = db_exec_stmt(ctx, st, err);
	}
	return r;
}

enum casus_rc audit_redact_family(struct casus_ctx *ctx, const char *family_id,
	const char *case_no, const char *reason, int64_t *destroy_seq, struct casus_err *err)
{
	struct words *ws = calloc(1, sizeof *ws);
	struct seqs s = { 0 };
	enum casus_rc r;
	if (!ws)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	if ((r = collect_names(ctx, family_id, ws, err))
	    || (r = matching_searches(ctx, family_id, ws, &s, err)))
		goto out;
	int64_t own = count_rows(ctx, SQL_COUNT, family_id, err);
	if (own < 0) {
		r = err->rc ? err->rc : CASUS_E_DB;
		goto out;
	}
	char detail[AUDIT_DESTROY_DETAIL_MAX];
	snprintf(detail, sizeof detail, "case %s destroyed; %lld access-log rows redacted; "
		"reason: %s", case_no, (long long)(own + (int64_t)s.n), reason);
	if ((r = audit_log(ctx, AUDIT_DESTROY, NULL, "family", NULL, detail, err)))
		goto out;
	int64_t seq = count_rows(ctx, SQL_LAST, NULL, err);
	if (seq < 1) {
		r = err->rc ? err->rc : CASUS_E_DB;
		goto out;
	}
	if (!(r = redact(ctx, family_id, &s, seq, err)))
		*destroy_seq = seq;
out:
	free(s.v);
	free(ws);
	return r;
}

void audit_detail_text(const struct audit_row *r, char *out, size_t outsz)
{
	if (r->redacted_by)
		snprintf(out, outsz, _("(redacted: the dossier was destroyed, row %lld)"),
			(long long)r->redacted_by);
	else
		snprintf(out, outsz, "%s", r->detail);
}
