/* libFuzzer harness: text validation (text_valid_utf8, text_check, text_sort_key) and
 * the full-text search expression core builds from what a user types (family_list_count
 * and family_list_page with q.search) on a small team database made once in a
 * temporary folder. A search must never fail with a database error: every input is a
 * valid search that finds zero or more families. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/db.h"
#include "casus/family.h"
#include "casus/member.h"
#include "casus/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct casus_ctx *ctx;
static char dir[64], path[128];

static void cleanup(void)
{
	casus_close(ctx);
	const char *suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[160];
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct casus_err err;
	snprintf(dir, sizeof dir, "/tmp/casus-fuzz-XXXXXX");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/team.db", dir);
	struct casus_open_opts o = { .mode = CASUS_OPEN_CREATE };
	struct member m;
	if (casus_open(path, &o, &ctx, &err) || member_add_first(ctx, casus_unix_login(),
		"Tessa Leider", &m, &err) || casus_identify(ctx, NULL, &err)) {
		fprintf(stderr, "fuzz_text: %s\n", err.msg);
		abort();
	}
	static const char *const names[] = { "Jansen", "van der Berg-Çelik", "Ødegaard",
		"Yılmaz", "de Vries", "O'Brien \"Junior\"", "Nguyễn", "李", "Zoë AND OR NOT" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct family_new fn = { .display_name = names[i], .framework = -1 };
		if (family_add(ctx, &fn, NULL, &err)) {
			fprintf(stderr, "fuzz_text: %s\n", err.msg);
			abort();
		}
	}
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct casus_err err;
	bool valid = text_valid_utf8(s);
	if (valid)
		(void)text_chars(s);
	enum casus_rc rc = text_check("veld", s, 200, TEXT_LINE, &err);
	if (rc == CASUS_OK && !valid)
		abort(); /* invalid UTF-8 must never pass the check */
	(void)text_check_optional("veld", s, 2000, TEXT_MULTILINE, &err);
	char key[256];
	text_sort_key(s, key, sizeof key);
	if (valid && !text_valid_utf8(key))
		abort(); /* a sort key of valid text is valid text */
	struct family_query q = { .phase = -1, .search = s, .sort = SORT_NAME };
	int64_t count = -1;
	rc = family_list_count(ctx, &q, &count, &err);
	if (rc == CASUS_E_DB) {
		fprintf(stderr, "search '%s': %s\n", s, err.msg);
		abort(); /* typed text must never become a broken FTS5 expression */
	}
	struct family_row rows[10];
	int got = 0;
	rc = family_list_page(ctx, &q, 0, 10, rows, &got, &err);
	if (rc == CASUS_E_DB) {
		fprintf(stderr, "search page '%s': %s\n", s, err.msg);
		abort();
	}
	if (rc == CASUS_OK && count >= 0 && got > count)
		abort();
	free(s);
	return 0;
}
