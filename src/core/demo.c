/* casus demo: a team database of fictitious but realistic families, built entirely
 * through the core API so that every rule (regie, phases, consent bands, the access
 * log) holds for the demo data too. This file: the entry point, replacing an old demo
 * file safely, the team, the fixed-seed generator and acting as a team member. The
 * parts are listed in demo_int.h. */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "casus/audit.h"
#include "casus/clock.h"
#include "casus/demo.h"
#include "casus/i18n.h"
#include "casus/text.h"
#include "demo_int.h"

#define DEMO_TEAM_NAME "Jeugdteam Maasoever (demo)"
#define DEMO_SEED 0x4d4141534f455645ULL /* "MAASOEVE": any fixed value will do */

static const struct {
	const char *login;
	const char *name;
	enum member_role role;
	bool aandacht;
} team[SEAT_CALLER] = {
	[SEAT_TL] = { "hvdlinden", "Hanneke van der Linden", ROLE_TEAMLEIDER, false },
	[SEAT_GW1] = { "sdemir", "Selin Demir", ROLE_GEDRAGSWETENSCHAPPER, false },
	[SEAT_GW2] = { "pwesterveld", "Pieter Westerveld", ROLE_GEDRAGSWETENSCHAPPER, false },
	[SEAT_LOTTE] = { "ltenbrink", "Lotte ten Brink", ROLE_COACH, true },
	[SEAT_MOHAMED] = { "mbenali", "Mohamed Ben Ali", ROLE_COACH, false },
	[SEAT_NOELLE] = { "nverbeek", "Noëlle Verbeek", ROLE_COACH, false },
	[SEAT_DAAN] = { "dkoster", "Daan Koster", ROLE_COACH, false },
	[SEAT_FARIDA] = { "fnoorzai", "Farida Noorzai", ROLE_COACH, true },
	[SEAT_ESTHER] = { "evandam", "Esther van Dam", ROLE_COACH, false },
	[SEAT_EMRE] = { "ekaraca", "Emre Karaca", ROLE_COACH, false },
};

/* ---- shared helpers (demo_int.h) ---- */

uint32_t demo_rand(struct demo *d, uint32_t n)
{
	/* xorshift64*: small, fixed, and the same on every machine (unlike rand()). */
	d->rng ^= d->rng >> 12;
	d->rng ^= d->rng << 25;
	d->rng ^= d->rng >> 27;
	uint64_t x = d->rng * 0x2545f4914f6cdd1dULL;
	return n ? (uint32_t)((x >> 32) % n) : 0;
}

void demo_act(struct demo *d, int seat)
{
	const struct member *m = &d->seat[seat];
	struct casus_user *u = &d->ctx->user;
	snprintf(u->id, sizeof u->id, "%s", m->id);
	snprintf(u->login, sizeof u->login, "%s", m->login);
	snprintf(u->name, sizeof u->name, "%s", m->name);
	u->role = m->role;
	u->aandacht = m->aandacht;
	/* The access log shows who really ran the demo when a fictitious member acts. */
	if (strcmp(m->login, d->caller) == 0)
		d->ctx->on_behalf[0] = '\0';
	else
		snprintf(d->ctx->on_behalf, sizeof d->ctx->on_behalf, "%s", d->caller);
}

void demo_days_ago(struct demo *d, int days, char out[static 11])
{
	clock_add_days(d->today, -days, out);
}

void demo_after(struct demo *d, const char *date, int days, char out[static 11])
{
	clock_add_days(date, days, out);
	if (strcmp(out, d->today) > 0)
		memcpy(out, d->today, 11);
}

/* ---- an existing file ---- */

/* A regular file (not a link) whose SQLite header carries casus's application id.
 * Looked at without SQLite, so that a foreign file is never opened, let alone changed. */
static bool looks_like_casus(const char *path)
{
	unsigned char h[100];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, h, sizeof h);
	close(fd);
	return n == (ssize_t)sizeof h && memcmp(h, "SQLite format 3", 16) == 0
	       && memcmp(h + 68, "CASU", 4) == 0;
}

/* Remove the database and its companions; false when the file itself stays. */
static bool unlink_db(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char buf[4200];
	bool gone = unlink(path) == 0 || errno == ENOENT;
	int saved = errno;
	for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
		snprintf(buf, sizeof buf, "%s%s", path, suffix[i]);
		unlink(buf);
	}
	errno = saved;
	return gone;
}

/* Make room for a new demo at path: nothing there, or (with force) an old demo. */
static enum casus_rc clear_old(const char *path, bool force, struct casus_err *err)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? CASUS_OK
				       : err_set(err, CASUS_E_IO, _("Cannot open %s: %s"), path,
					       strerror(errno));
	if (!force)
		return err_set(err, CASUS_E_EXISTS,
			_("%s already exists. To replace it with a fresh demo database, run "
			  "'casus demo --force' (only a demo database is ever replaced)."), path);
	if (!S_ISREG(st.st_mode) || !looks_like_casus(path))
		return err_set(err, CASUS_E_NOTDB,
			_("%s is not a casus demo database; 'casus demo --force' only replaces demo "
			  "databases and has not changed it."), path);
	struct casus_ctx *old = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_INSPECT };
	enum casus_rc r = casus_open(path, &o, &old, err);
	if (r)
		return r;
	bool demo = old->demo;
	casus_close(old);
	if (!demo)
		return err_set(err, CASUS_E_EXISTS,
			_("%s is a real team database, not a demo; 'casus demo --force' only replaces "
			  "demo databases and has not changed it."), path);
	if (!unlink_db(path))
		return err_set(err, CASUS_E_IO, _("Cannot remove the old demo database %s: %s"),
			path, strerror(errno));
	return CASUS_OK;
}

/* ---- the team ---- */

/* The caller's name from the password database, else their login. */
static void caller_name(const char *login, char *out, size_t outsz)
{
	struct passwd *pw = getpwnam(login);
	const char *g = pw && pw->pw_gecos ? pw->pw_gecos : "";
	int len = (int)strcspn(g, ",");
	snprintf(out, outsz, "%.*s", len, g);
	if (!out[0] || !text_valid_utf8(out) || text_chars(out) > 100)
		snprintf(out, outsz, "%s", login);
}

/* The caller replaces a demo member with the same login; a team needs its teamleider,
 * so a caller who collides with the teamleider becomes the teamleider. */
static enum casus_rc add_team(struct demo *d)
{
	enum casus_rc r;
	char me[CASUS_NAME_MAX];
	caller_name(d->caller, me, sizeof me);
	int skip = SEAT_NONE;
	for (int i = 0; i < SEAT_CALLER; i++)
		if (strcmp(team[i].login, d->caller) == 0)
			skip = i;
	if (skip == SEAT_TL)
		r = member_add_first(d->ctx, d->caller, me, &d->seat[SEAT_TL], d->err);
	else
		r = member_add_first(d->ctx, team[SEAT_TL].login, team[SEAT_TL].name,
			&d->seat[SEAT_TL], d->err);
	if (r)
		return r;
	demo_act(d, SEAT_TL);
	for (int i = SEAT_TL + 1; i < SEAT_CALLER; i++) {
		if (i != skip && (r = member_add(d->ctx, team[i].login, team[i].name, team[i].role,
					 team[i].aandacht, &d->seat[i], d->err)))
			return r;
	}
	if (skip == SEAT_TL)
		d->seat[SEAT_CALLER] = d->seat[SEAT_TL];
	else if ((r = member_add(d->ctx, d->caller, me, ROLE_COACH, false, &d->seat[SEAT_CALLER],
			  d->err)))
		return r;
	if (skip > SEAT_TL)
		d->seat[skip] = d->seat[SEAT_CALLER];
	return CASUS_OK;
}

static enum casus_rc build(struct demo *d)
{
	enum casus_rc r;
	if ((r = db_begin(d->ctx, d->err)))
		return r;
	if ((r = casus_meta_set(d->ctx, "team", DEMO_TEAM_NAME, d->err))
	    || (r = casus_meta_set(d->ctx, "demo", "1", d->err)) || (r = add_team(d))
	    || (r = audit_log(d->ctx, AUDIT_INIT, NULL, "team", NULL,
			"demo team " DEMO_TEAM_NAME, d->err))
	    || (r = demo_families(d)) || (r = demo_meetings(d))) {
		db_rollback(d->ctx);
		return r;
	}
	d->ctx->demo = true;
	return db_commit(d->ctx, d->err);
}

enum casus_rc demo_create(const char *path, bool force, struct casus_err *err)
{
	if (!path || !*path)
		return err_set(err, CASUS_E_INVALID, _("No database path given."));
	enum casus_rc r = clear_old(path, force, err);
	if (r)
		return r;
	struct casus_ctx *ctx = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	if ((r = casus_open(path, &o, &ctx, err)))
		return r;
	struct demo *d = calloc(1, sizeof *d);
	if (!d) {
		casus_close(ctx);
		unlink_db(path);
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	}
	d->ctx = ctx;
	d->err = err;
	d->rng = DEMO_SEED;
	clock_today(d->today);
	snprintf(d->caller, sizeof d->caller, "%s", casus_unix_login());
	r = build(d);
	free(d);
	casus_close(ctx);
	if (r)
		unlink_db(path); /* our own half-built file: never leave it behind */
	return r;
}
