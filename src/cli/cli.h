/* The casus command line: the state of one run (global options, the open database)
 * and the helpers every subcommand uses to parse its options, open the database and
 * report errors. Each command group lives in its own cli_*.c file. */
#ifndef CASUS_CLI_H
#define CASUS_CLI_H
#include <stdbool.h>
#include <stdio.h>

#include "casus/db.h"
#include "casus/err.h"
#include "cli_out.h"

/* Exit codes; casus --help documents them. */
enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_ERROR = 1,    /* refused: invalid input, not found, not allowed now */
	CLI_EXIT_USAGE = 2,    /* unknown command or option, missing argument */
	CLI_EXIT_CONFLICT = 3, /* somebody else changed the record first */
	CLI_EXIT_PERM = 4,     /* your role (or login) does not allow it */
	CLI_EXIT_DB = 5,       /* the database cannot be used: missing, damaged, read-only, ... */
	CLI_EXIT_UNSOUND = 6,  /* casus check found problems */
};

/* cli_parse returns this when the command should go on. */
#define CLI_CONTINUE (-1)

struct cli {
	const char *db_path;  /* --db; NULL: $CASUS_DB, else the default path */
	const char *as_login; /* --as (demo databases only; core enforces) */
	const char *lang;     /* --lang */
	bool privacy;         /* --privacy (the full-screen interface) */
	struct casus_ctx *ctx;
	struct casus_err err;
	char path[4096];      /* the database path in use */
};

/* One option of a subcommand. Global options (--db, --as, --lang, --help) are
 * accepted by every subcommand in addition to its own. */
struct cli_opt {
	const char *name; /* without the leading "--" */
	bool has_arg;
};

/* What the parser found for each option of the table (same index). */
struct cli_val {
	bool set;
	const char *arg;
};

/* How a subcommand is called and explained: `casus <name> --help`. */
struct cli_cmd {
	const char *name;  /* "family list" */
	const char *usage; /* msgid: "casus family list [options]" */
	const char *help;  /* msgid: what it does and its options */
};

/* Parse argv[1..argc) (argv[0] is the subcommand word; further command words were
 * already taken out with cli_shift_word). Positional arguments go to pos (exactly
 * npos_min..npos_max of them). Returns CLI_CONTINUE, or an exit code after printing
 * the help (0) or a usage error (2). */
int cli_parse(struct cli *cli, const struct cli_cmd *cmd, int argc, char **argv,
	const struct cli_opt *opts, int nopts, struct cli_val *vals,
	const char **pos, int npos_min, int npos_max, int *npos);

/* Take the first command word (not an option, not the value of a global option)
 * out of argv[1..*argc); NULL when there is none. */
const char *cli_shift_word(int *argc, char **argv);
/* True when option word a is a global option that takes a value. */
bool cli_global_takes_value(const char *a);

/* Print "casus: <message>; see casus <cmd> --help" and return CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print a help text (usage line and body) on stdout and return 0. */
int cli_print_help(const struct cli_cmd *cmd);

/* Open the database (and, when identify, map the login to a team member).
 * Returns 0 or an exit code after printing the error. */
int cli_open(struct cli *cli, bool identify);
void cli_close(struct cli *cli);
/* The database path the run uses: --db, else $CASUS_DB, else the default. */
const char *cli_db_path(struct cli *cli);

/* Print a core error ("casus: <message>") and return the exit code for it. */
int cli_fail(struct cli *cli);
int cli_exit_code(enum casus_rc rc);

/* --format: returns 0 or a usage error code. */
int cli_format(const char *cmd, const struct cli_val *v, bool allow_tsv, enum out_format *fmt);

/* Human display of an ISO time "YYYY-MM-DDTHH:MM:SSZ" as "YYYY-MM-DD HH:MM". */
void cli_time(const char *iso, char out[static 17]);

/* Option values shared by family add and family edit; 0 or a usage error.
 * Triage: "A".."D" in any case, "" for none. */
int cli_family_triage(const char *cmd, const char *s, char *out);
int cli_family_framework(const char *cmd, const char *s, int *out);
int cli_family_source(const char *cmd, const char *s);
int cli_family_kind(const char *cmd, const char *s);

/* Escalations (cli_escalation*.c). --kind: the kind, or -1 after a usage error. */
struct escalation;
int cli_escalation_kind(const char *cmd, const char *s);
/* Where it stands: "approved (no approval needed)", "awaiting approval, acted before
 * approval", ... */
void cli_escalation_state(const struct escalation *e, char *out, size_t outsz);
/* The flag markers: "flagged", "retroactive", "no approval" (comma-separated). */
void cli_escalation_flags(const struct escalation *e, char *out, size_t outsz);

/* Where an export goes (cli_export.c): made in memory, then printed or written to a
 * new file of mode 0600 that never replaces one. open: 0 or an exit code after the
 * error; close delivers the document when ok (a created file is removed otherwise). */
struct cli_sink {
	FILE *mem;
	char *buf;
	size_t len;
	int fd; /* -1: stdout */
};
int cli_sink_open(const char *path, struct cli_sink *s);
int cli_sink_close(struct cli_sink *s, const char *path, bool ok);

/* The command groups (cli_*.c). argv[0] is the command word. */
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_member(struct cli *cli, int argc, char **argv);
int cmd_family(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_escalation(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_audit(struct cli *cli, int argc, char **argv);
/* casus export dossier / access (cli_export_dossier.c). */
int cmd_export_dossier(struct cli *cli, int argc, char **argv);
int cmd_export_access(struct cli *cli, int argc, char **argv);
int cmd_retention(struct cli *cli, int argc, char **argv);
int cmd_setting(struct cli *cli, int argc, char **argv);
/* Parts of the family group (cli_family_*.c). */
int cmd_family_show(struct cli *cli, int argc, char **argv);
int cmd_family_phase(struct cli *cli, int argc, char **argv);
int cmd_family_close(struct cli *cli, int argc, char **argv);
int cmd_family_reopen(struct cli *cli, int argc, char **argv);
int cmd_family_regie(struct cli *cli, int argc, char **argv);
int cmd_family_edit(struct cli *cli, int argc, char **argv);
int cmd_family_person(struct cli *cli, int argc, char **argv);
int cmd_family_note(struct cli *cli, int argc, char **argv);
/* Parts of the escalation group (cli_escalation_*.c). */
int cmd_escalation_show(struct cli *cli, int argc, char **argv);
int cmd_escalation_decide(struct cli *cli, int argc, char **argv);
int cmd_escalation_act(struct cli *cli, int argc, char **argv);
int cmd_escalation_answer(struct cli *cli, int argc, char **argv);
int cmd_escalation_withdraw(struct cli *cli, int argc, char **argv);

#endif
