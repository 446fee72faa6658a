/* Who is acting: the Unix login mapped to a team member, and the workstation they
 * work from (for the access log). */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "casus/db.h"
#include "casus/i18n.h"
#include "casus/member.h"

const char *casus_unix_login(void)
{
	static char login[CASUS_LOGIN_MAX + 1];
	struct passwd *pw = getpwuid(geteuid());
	snprintf(login, sizeof login, "%s", pw && pw->pw_name ? pw->pw_name : "unknown");
	return login;
}

static void detect_workstation(char *out, size_t outsz)
{
	const char *ssh = getenv("SSH_CLIENT");
	if (ssh && *ssh) {
		/* "address port port": keep the address only, and only characters an IPv4 or
		 * IPv6 address has, so the variable cannot smuggle text (or terminal escapes)
		 * into the access log. */
		char addr[65];
		size_t o = 0;
		for (const char *p = ssh; *p && *p != ' ' && o + 1 < sizeof addr; p++)
			if (strchr("0123456789abcdefABCDEF.:", *p))
				addr[o++] = *p;
		addr[o] = '\0';
		snprintf(out, outsz, "ssh %s", o ? addr : "?");
		return;
	}
	const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;
	if (tty)
		snprintf(out, outsz, "tty %s", tty);
	else
		snprintf(out, outsz, "local");
}

enum casus_rc casus_identify(struct casus_ctx *ctx, const char *as_login, struct casus_err *err)
{
	const char *real = casus_unix_login();
	const char *login = real;
	detect_workstation(ctx->workstation, sizeof ctx->workstation);
	ctx->on_behalf[0] = '\0';
	if (as_login && *as_login && strcmp(as_login, real) != 0) {
		if (!ctx->demo)
			return err_set(err, CASUS_E_PERM,
				_("--as only works in a demo database; in a real team database you "
				  "always act as yourself (%s)."), real);
		login = as_login;
		snprintf(ctx->on_behalf, sizeof ctx->on_behalf, "%s", real);
	}
	struct member m;
	enum casus_rc r = member_get_by_login(ctx, login, &m, err);
	if (r == CASUS_E_NOTFOUND) {
		char team[256] = "";
		casus_meta_get(ctx, "team", team, sizeof team);
		return err_set(err, CASUS_E_UNKNOWN_USER,
			_("'%s' is not a member of team %s. A teamleider can add you with: "
			  "casus member add %s --name \"Your Name\" --role coach"), login, team, login);
	}
	if (r)
		return r;
	if (!m.active)
		return err_set(err, CASUS_E_PERM,
			_("'%s' is no longer an active member of this team. Ask the teamleider."),
			login);
	snprintf(ctx->user.id, sizeof ctx->user.id, "%s", m.id);
	snprintf(ctx->user.login, sizeof ctx->user.login, "%s", m.login);
	snprintf(ctx->user.name, sizeof ctx->user.name, "%s", m.name);
	ctx->user.role = m.role;
	ctx->user.aandacht = m.aandacht;
	return CASUS_OK;
}
