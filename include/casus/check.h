/* Checking a team database (`casus check`): the file itself, the references between
 * records, the access log's hash chain and its append-only safeguards, and the
 * model's invariants that the schema alone cannot hold (family.regie_id mirrors the
 * one open regie row; a family is afgesloten exactly when it has a closing date).
 *
 * Only reads: works on a database opened read-only, writes no access-log row, and
 * needs no identified user (an administrator may check a team's file). */
#ifndef CASUS_CHECK_H
#define CASUS_CHECK_H
#include <stdbool.h>
#include <stdint.h>

#include "casus/db.h"

enum check_id {
	CHECK_INTEGRITY,    /* PRAGMA integrity_check */
	CHECK_FOREIGN_KEYS, /* PRAGMA foreign_key_check */
	CHECK_AUDIT_CHAIN,  /* audit_verify */
	CHECK_AUDIT_GUARD,  /* the triggers that keep the audit table append-only */
	CHECK_REGIE,        /* one regievoerder, the same on family and regie history */
	CHECK_PHASE,        /* phase 'afgesloten' if and only if closed_on */
	CHECK_COUNT
};

struct check_result {
	enum check_id id;
	const char *name;  /* stable English name for scripts: "integrity", ... */
	const char *label; /* what is checked, translated, for people */
	bool ok;
	int64_t problems;  /* how many problems were found (0 when ok) */
	char problem[600]; /* the first problem, translated; "" when ok */
};

/* Run every check in order and call fn with each result (fn returns non-zero to
 * stop). A check that cannot even be run (the file is too damaged) counts as
 * failed with the reason as its problem. *sound is true when all passed.
 * Returns CASUS_OK unless fn stopped early (then CASUS_E_STATE). */
enum casus_rc check_run(struct casus_ctx *ctx, int (*fn)(void *arg,
	const struct check_result *r), void *arg, bool *sound, struct casus_err *err);

#endif
