/* The meeting commands (cli_meeting*.c) and team issues (cli_team_issue.c). */
#ifndef CASUS_CLI_MEETING_H
#define CASUS_CLI_MEETING_H
#include "casus/meeting.h"
#include "cli.h"

int cmd_meeting(struct cli *cli, int argc, char **argv);
int cmd_team_issue(struct cli *cli, int argc, char **argv);
/* casus export minutes (cli_meeting_export.c); argv[0] is "minutes". */
int cmd_export_minutes(struct cli *cli, int argc, char **argv);

/* The meeting by key (id, prefix, date); 0 or an exit code after the error. */
int cli_meeting_get(struct cli *cli, const char *key, struct meeting *m);
/* The item at agenda position pos (text) of the meeting; 0 or an exit code. */
int cli_meeting_item(struct cli *cli, const char *meeting, const char *pos,
	struct meeting *m, struct agenda_item *it);

/* Parts of the meeting group (cli_meeting_run.c). */
int cmd_meeting_start(struct cli *cli, int argc, char **argv);
int cmd_meeting_finish(struct cli *cli, int argc, char **argv);
int cmd_meeting_item(struct cli *cli, int argc, char **argv);
int cmd_meeting_reorder(struct cli *cli, int argc, char **argv);
int cmd_meeting_note(struct cli *cli, int argc, char **argv);
int cmd_meeting_decide(struct cli *cli, int argc, char **argv);
int cmd_meeting_action(struct cli *cli, int argc, char **argv);
/* `casus meeting` without a command: the full-screen interface in meeting mode. */
int cli_meeting_tui(struct cli *cli, int argc, char **argv);

#endif
