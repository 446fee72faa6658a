/* The shared fixture for core unit tests (see fixture.h). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/family.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "fixture.h"

struct casus_err *fx_current_err;

const char *fx_last_msg(void)
{
	return fx_current_err ? fx_current_err->msg : "";
}

void fx_setup(struct fixture *fx)
{
	memset(fx, 0, sizeof *fx);
	fx_current_err = &fx->err;
	const char *tmp = getenv("TMPDIR");
	snprintf(fx->dir, sizeof fx->dir, "%s/casus-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/team.db", fx->dir);
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	ck_ok(casus_open(fx->path, &o, &fx->ctx, &fx->err));
	ck_ok(casus_meta_set(fx->ctx, "team", "Testteam", &fx->err));
	struct member m;
	ck_ok(member_add_first(fx->ctx, casus_unix_login(), "Tessa Leider", &m, &fx->err));
	ck_ok(member_add(fx->ctx, "coach1", "Carla Coach", ROLE_COACH, false, NULL, &fx->err));
	ck_ok(member_add(fx->ctx, "coach2", "Cees Çelik", ROLE_COACH, false, NULL, &fx->err));
	ck_ok(member_add(fx->ctx, "gw1", "Greet Wetenschap", ROLE_GEDRAGSWETENSCHAPPER, false,
		NULL, &fx->err));
	ck_ok(member_add(fx->ctx, "af1", "Anouk Functionaris", ROLE_COACH, true, NULL, &fx->err));
	ck_ok(casus_identify(fx->ctx, NULL, &fx->err));
}

void fx_teardown(struct fixture *fx)
{
	casus_close(fx->ctx);
	fx->ctx = NULL;
	char cmd[400];
	/* Only our own mkdtemp folder; the path has no user data in it. */
	const char *suffix[] = { "", "-wal", "-shm", "-journal" };
	for (int i = 0; i < 4; i++) {
		snprintf(cmd, sizeof cmd, "%s%s", fx->path, suffix[i]);
		unlink(cmd);
	}
	rmdir(fx->dir);
}

static void act_as(struct casus_ctx *ctx, const char *login, struct casus_err *err)
{
	struct member m;
	ck_ok(member_get_by_login(ctx, login, &m, err));
	snprintf(ctx->user.id, sizeof ctx->user.id, "%s", m.id);
	snprintf(ctx->user.login, sizeof ctx->user.login, "%s", m.login);
	snprintf(ctx->user.name, sizeof ctx->user.name, "%s", m.name);
	ctx->user.role = m.role;
	ctx->user.aandacht = m.aandacht;
}

void fx_act_as(struct fixture *fx, const char *login)
{
	act_as(fx->ctx, login, &fx->err);
}

void fx_act_as_leader(struct fixture *fx)
{
	act_as(fx->ctx, casus_unix_login(), &fx->err);
}

struct casus_ctx *fx_second(struct fixture *fx, const char *login)
{
	struct casus_ctx *c = NULL;
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	ck_ok(casus_open(fx->path, &o, &c, &fx->err));
	act_as(c, login, &fx->err);
	return c;
}

void fx_family(struct fixture *fx, const char *name, char *out_id)
{
	struct family f;
	struct family_new in = { .display_name = name, .framework = -1 };
	ck_ok(family_add(fx->ctx, &in, &f, &fx->err));
	if (out_id)
		memcpy(out_id, f.id, CASUS_ID_LEN);
}

int fx_run(Suite *s)
{
	i18n_set_lang("en"); /* assertions compare the English messages */
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

void fx_golden(const char *name, const char *text)
{
	const char *dir = getenv("CASUS_GOLDEN_DIR");
	ck_assert_msg(dir && *dir, "CASUS_GOLDEN_DIR is not set (tests/meson.build)");
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	const char *update = getenv("UPDATE_EXPECTED");
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs(text, f);
		fclose(f);
		return;
	}
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "missing golden file %s (run with UPDATE_EXPECTED=1)", path);
	char *want = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 65536;
			want = realloc(want, cap + 1);
			ck_assert_ptr_nonnull(want);
		}
		got = fread(want + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	want[n] = '\0';
	/* Name the first line that differs: the documents are long. */
	int line = 1;
	size_t i = 0;
	for (; want[i] && want[i] == text[i]; i++)
		line += want[i] == '\n';
	bool same = want[i] == text[i];
	const char *at = text + i;
	while (at > text && at[-1] != '\n')
		at--;
	if (!same) {
		/* The whole output beside the test's files, for a diff. */
		char actual[1200];
		const char *tmp = getenv("TMPDIR");
		snprintf(actual, sizeof actual, "%s/%s.actual", tmp && *tmp ? tmp : "/tmp", name);
		FILE *o = fopen(actual, "w");
		if (o) {
			fputs(text, o);
			fclose(o);
		}
		ck_abort_msg("%s differs from the output at line %d (all of it: %s): \"%.120s\"",
			path, line, actual, at);
	}
	free(want);
}
