/* Errors from core: every core function that can fail returns an enum casus_rc and
 * fills a struct casus_err with a message meant for the user (already translated).
 * Core never prints; the CLI and TUI decide how to show the message. */
#ifndef CASUS_ERR_H
#define CASUS_ERR_H

enum casus_rc {
	CASUS_OK = 0,
	CASUS_E_INVALID,      /* bad input: the message names the field */
	CASUS_E_NOTFOUND,     /* no such family, member, ... */
	CASUS_E_CONFLICT,     /* the row changed since it was read (stale rev) */
	CASUS_E_PERM,         /* the user's role does not allow this */
	CASUS_E_STATE,        /* not allowed in the current state (closed family, ...) */
	CASUS_E_EXISTS,       /* already there (login taken, second regievoerder, ...) */
	CASUS_E_DB,           /* unexpected database error */
	CASUS_E_READONLY,     /* database or its folder is read-only */
	CASUS_E_FULL,         /* disk full */
	CASUS_E_BUSY,         /* another process held the database too long */
	CASUS_E_NOTDB,        /* not a casus database, or corrupt */
	CASUS_E_VERSION,      /* database made by a newer casus */
	CASUS_E_IO,           /* file system trouble (permissions, missing folder) */
	CASUS_E_UNSAFE,       /* database file readable by others */
	CASUS_E_UNKNOWN_USER, /* the Unix login is not a team member */
	CASUS_E_NOMEM,
};

struct casus_err {
	enum casus_rc rc;
	char msg[600];
};

/* Set rc and a printf-style message; returns rc so callers can `return err_set(...)`. */
enum casus_rc err_set(struct casus_err *e, enum casus_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void err_clear(struct casus_err *e);
/* A short stable name for rc ("conflict", "invalid", ...), for JSON and logs. */
const char *err_name(enum casus_rc rc);

#endif
