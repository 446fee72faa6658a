/* casus: entry point. Parses the global options and runs a subcommand (src/cli) or,
 * with no subcommand, the full-screen interface. */
#include <stdio.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus_config.h"

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("casus %s\n", CASUS_VERSION);
		return 0;
	}
	fprintf(stderr, "%s\n", _("usage: casus [--db PATH] COMMAND ..."));
	return 2;
}
