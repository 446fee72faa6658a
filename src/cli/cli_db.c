/* Opening the team database for a subcommand, and turning core errors into a
 * message on stderr and an exit code. Never prints SQL: core messages are written
 * for coaches already. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "cli.h"

int cli_exit_code(enum casus_rc rc)
{
	switch (rc) {
	case CASUS_OK:
		return CLI_EXIT_OK;
	case CASUS_E_CONFLICT:
		return CLI_EXIT_CONFLICT;
	case CASUS_E_PERM:
	case CASUS_E_UNKNOWN_USER:
		return CLI_EXIT_PERM;
	case CASUS_E_DB:
	case CASUS_E_READONLY:
	case CASUS_E_FULL:
	case CASUS_E_BUSY:
	case CASUS_E_NOTDB:
	case CASUS_E_VERSION:
	case CASUS_E_IO:
	case CASUS_E_UNSAFE:
		return CLI_EXIT_DB;
	default:
		return CLI_EXIT_ERROR;
	}
}

/* Core messages are cut at a fixed size; never end on half a UTF-8 character. */
static void trim_partial_utf8(char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0 || ((unsigned char)s[i - 1] & 0x80) == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t want = (lead & 0xe0) == 0xc0 ? 2 : (lead & 0xf0) == 0xe0 ? 3 : (lead & 0xf8) == 0xf0 ? 4 : 1;
	if (n - (i - 1) < want)
		s[i - 1] = '\0';
}

int cli_fail(struct cli *cli)
{
	fflush(stdout);
	trim_partial_utf8(cli->err.msg);
	if (cli->err.msg[0])
		fprintf(stderr, "casus: %s\n", cli->err.msg);
	else
		fprintf(stderr, "casus: %s (%s)\n", _("the command failed"), err_name(cli->err.rc));
	return cli_exit_code(cli->err.rc ? cli->err.rc : CASUS_E_DB);
}

const char *cli_db_path(struct cli *cli)
{
	if (cli->db_path)
		snprintf(cli->path, sizeof cli->path, "%s", cli->db_path);
	else
		casus_default_path(NULL, cli->path, sizeof cli->path);
	return cli->path;
}

int cli_open(struct cli *cli, bool identify)
{
	struct casus_open_opts o = { .mode = CASUS_OPEN_EXISTING };
	err_clear(&cli->err);
	enum casus_rc r = casus_open(cli_db_path(cli), &o, &cli->ctx, &cli->err);
	if (r) {
		/* A missing database is a database problem here, not a missing record. */
		int code = cli_fail(cli);
		return r == CASUS_E_NOTFOUND ? CLI_EXIT_DB : code;
	}
	if (identify && casus_identify(cli->ctx, cli->as_login, &cli->err) != CASUS_OK) {
		int code = cli_fail(cli);
		cli_close(cli);
		return code;
	}
	return 0;
}

void cli_close(struct cli *cli)
{
	casus_close(cli->ctx);
	cli->ctx = NULL;
}
