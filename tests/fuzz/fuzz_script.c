/* libFuzzer harness: the key-script parser of the screen-test mode (src/tui/script.c).
 * The input is a script file; every event is read from it the way the main loop does
 * (a "dump" line writes the virtual screen, so a curses screen on /dev/null is set up
 * once, as casus's own virtual screen is). */
#include <curses.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "script.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app *app;
static FILE *devnull;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* "signal hup|term" raises the signal: casus catches it; here it is ignored. */
	signal(SIGHUP, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	devnull = fopen("/dev/null", "w");
	FILE *in = fopen("/dev/null", "r");
	if (!devnull || !in || !newterm("xterm-256color", devnull, in))
		abort();
	resize_term(24, 80);
	app = calloc(1, sizeof *app);
	snprintf(path, sizeof path, "/tmp/casus-fuzz-script-%d", (int)getpid());
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	char err[600];
	struct script *s = script_open(path, devnull, err, sizeof err);
	if (!s)
		abort();
	struct key k;
	for (int i = 0; i < 100000; i++) {
		enum script_event ev = script_next(s, app, &k);
		if (ev == SCRIPT_END || ev == SCRIPT_ERROR)
			break;
		if (ev == SCRIPT_RESIZE)
			resize_term(24, 80); /* back to the normal size for the next input */
	}
	script_close(s);
	unlink(path);
	return 0;
}
