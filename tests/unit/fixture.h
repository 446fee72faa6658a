/* Test fixture: a fresh team database in a temporary folder with a teamleider (the
 * Unix login running the test), coaches and a gedragswetenschapper. */
#ifndef CASUS_TEST_FIXTURE_H
#define CASUS_TEST_FIXTURE_H
#include <check.h>

#include "casus/db.h"
#include "casus/err.h"

struct fixture {
	char dir[256];
	char path[320];
	struct casus_ctx *ctx;
	struct casus_err err;
};

/* Members made by fx_setup: the caller's login (teamleider), "coach1" and "coach2"
 * (coaches), "gw1" (gedragswetenschapper), "af1" (coach, aandachtsfunctionaris). */
void fx_setup(struct fixture *fx);
void fx_teardown(struct fixture *fx);
/* Act as another member (tests only: sets the acting user directly). */
void fx_act_as(struct fixture *fx, const char *login);
/* Act as the teamleider who created the database. */
void fx_act_as_leader(struct fixture *fx);
/* A second connection to the same database, acting as login. */
struct casus_ctx *fx_second(struct fixture *fx, const char *login);
/* Add a family in aanmelding and return its id in out_id (CASUS_ID_LEN). */
void fx_family(struct fixture *fx, const char *name, char *out_id);
/* Compare text with the golden file CASUS_GOLDEN_DIR/name, or write it when
 * UPDATE_EXPECTED=1; a difference names its first line. */
void fx_golden(const char *name, const char *text);
/* Run a suite and return the process exit code. */
int fx_run(Suite *s);

#define ck_ok(expr) do { enum casus_rc rc_ = (expr); \
	ck_assert_msg(rc_ == CASUS_OK, "%s failed: %s", #expr, fx_last_msg()); } while (0)
const char *fx_last_msg(void);
extern struct casus_err *fx_current_err;

#endif
