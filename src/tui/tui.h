/* The full-screen interface (ncursesw). The CLI calls tui_main when casus runs
 * without a subcommand. */
#ifndef CASUS_TUI_H
#define CASUS_TUI_H
#include "casus/db.h"

/* Global options the CLI has already parsed. */
struct tui_global {
	const char *db_path;
	const char *as_login; /* demo databases only */
	const char *lang;     /* "nl" | "en" | NULL (config, then default nl) */
	bool privacy;         /* --privacy: start in privacy mode */
};

/* Run the interface on an opened, identified database. argc/argv hold the options
 * left after the global ones (TUI-only and test options); returns the exit code. */
int tui_main(struct casus_ctx *ctx, const struct tui_global *g, int argc, char **argv);

#endif
