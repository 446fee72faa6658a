/* Error values and their messages (see include/casus/err.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "casus/err.h"

enum casus_rc err_set(struct casus_err *e, enum casus_rc rc, const char *fmt, ...)
{
	if (!e)
		return rc;
	e->rc = rc;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return rc;
}

void err_clear(struct casus_err *e)
{
	if (!e)
		return;
	e->rc = CASUS_OK;
	e->msg[0] = '\0';
}

const char *err_name(enum casus_rc rc)
{
	static const char *const names[] = {
		[CASUS_OK] = "ok", [CASUS_E_INVALID] = "invalid",
		[CASUS_E_NOTFOUND] = "not-found", [CASUS_E_CONFLICT] = "conflict",
		[CASUS_E_PERM] = "permission", [CASUS_E_STATE] = "state",
		[CASUS_E_EXISTS] = "exists", [CASUS_E_DB] = "database",
		[CASUS_E_READONLY] = "read-only", [CASUS_E_FULL] = "disk-full",
		[CASUS_E_BUSY] = "busy", [CASUS_E_NOTDB] = "not-a-database",
		[CASUS_E_VERSION] = "version", [CASUS_E_IO] = "io",
		[CASUS_E_UNSAFE] = "unsafe-permissions",
		[CASUS_E_UNKNOWN_USER] = "unknown-user", [CASUS_E_NOMEM] = "no-memory",
	};
	if ((unsigned)rc < sizeof names / sizeof names[0] && names[rc])
		return names[rc];
	return "error";
}
