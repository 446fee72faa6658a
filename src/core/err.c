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
	int n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof e->msg) {
		/* Truncated: drop a partial UTF-8 sequence at the end so the message stays
		 * valid text (it goes into JSON and onto the screen). */
		size_t len = strlen(e->msg);
		size_t cut = len;
		while (cut > 0 && ((unsigned char)e->msg[cut - 1] & 0xc0) == 0x80)
			cut--;
		if (cut > 0 && ((unsigned char)e->msg[cut - 1] & 0x80)) {
			unsigned char lead = (unsigned char)e->msg[cut - 1];
			size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
			if (len - (cut - 1) < need)
				e->msg[cut - 1] = '\0';
		}
	}
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
