/* Terminal set-up and restoration (see term.h). The restore data for crashes is
 * file-static because a signal handler cannot be given the struct app. */
#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "casus/i18n.h"
#include "draw.h"
#include "term.h"

volatile sig_atomic_t tui_signal;

static struct {
	SCREEN *screen;
	FILE *in, *out;          /* the virtual screen's /dev/null streams */
	bool active, virtual_screen;
	bool have_tio;
	struct termios tio;      /* the terminal as we found it */
	char reset[256];         /* leave the alternate screen, cursor on, attributes off */
	size_t reset_len;
	struct sigaction old[NSIG];
} t;

static void on_signal(int sig)
{
	tui_signal = sig;
}

/* A crash: put the terminal back with async-signal-safe calls only, then let the
 * previous handler (the default, or a sanitizer's report) run. */
static void on_crash(int sig)
{
	if (t.active && !t.virtual_screen) {
		if (t.have_tio)
			tcsetattr(STDIN_FILENO, TCSANOW, &t.tio);
		if (t.reset_len && write(STDOUT_FILENO, t.reset, t.reset_len) < 0)
			t.reset_len = 0;
	}
	sigaction(sig, &t.old[sig], NULL);
	if (sig == SIGABRT)
		raise(sig);
}

void term_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal; /* no SA_RESTART: a blocked read returns at once */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	static const int crash[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, &t.old[crash[i]]);
}

static void add_cap(const char *name)
{
	char *s = tigetstr(name);
	if (!s || s == (char *)-1)
		return;
	size_t n = strlen(s);
	if (t.reset_len + n < sizeof t.reset) {
		memcpy(t.reset + t.reset_len, s, n);
		t.reset_len += n;
	}
}

static void at_exit(void)
{
	term_stop();
}

static bool open_screen(const struct term_opts *o, char *err, size_t errsz)
{
	if (!o->virtual_screen) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			snprintf(err, errsz, "%s", _("The full-screen interface needs a terminal; "
						     "use a subcommand (casus --help) in scripts."));
			return false;
		}
		t.have_tio = tcgetattr(STDIN_FILENO, &t.tio) == 0;
		t.screen = newterm(NULL, stdout, stdin);
		if (!t.screen)
			snprintf(err, errsz, _("Cannot use the terminal type '%s'; try TERM=xterm-256color."),
				getenv("TERM") ? getenv("TERM") : "");
		return t.screen != NULL;
	}
	const char *term = getenv("TERM");
	char rows[16], cols[16];
	snprintf(rows, sizeof rows, "%d", o->rows);
	snprintf(cols, sizeof cols, "%d", o->cols);
	setenv("LINES", rows, 1);
	setenv("COLUMNS", cols, 1);
	t.in = fopen("/dev/null", "r");
	t.out = fopen("/dev/null", "w");
	if (t.in && t.out)
		t.screen = newterm(term && *term ? term : "xterm-256color", t.out, t.in);
	if (!t.screen)
		snprintf(err, errsz, "%s", _("Cannot start the virtual screen."));
	else
		resize_term(o->rows, o->cols);
	return t.screen != NULL;
}

/* Ctrl-S saves a form: switch off XON/XOFF flow control, which would take Ctrl-S and
 * Ctrl-Q from the terminal before casus sees them. curses keeps this as its program
 * mode (def_prog_mode), so it comes back after $EDITOR; term_stop restores the user's
 * settings. */
static void no_flow_control(bool virtual_screen)
{
	struct termios tio;
	if (virtual_screen || tcgetattr(STDIN_FILENO, &tio) != 0)
		return;
	tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	if (tcsetattr(STDIN_FILENO, TCSANOW, &tio) == 0)
		def_prog_mode();
}

bool term_start(const struct term_opts *o, char *err, size_t errsz)
{
	static bool registered;
	t.virtual_screen = o->virtual_screen;
	if (!open_screen(o, err, errsz))
		return false;
	t.active = true;
	if (!registered && atexit(at_exit) == 0)
		registered = true;
	cbreak();
	noecho();
	nonl();
	no_flow_control(o->virtual_screen);
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	const char *no_color = getenv("NO_COLOR");
	struct draw_caps caps = {
		.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0,
		.color = has_colors() && !(no_color && *no_color),
	};
	if (caps.color)
		start_color();
	draw_setup(&caps);
	if (o->mouse && !o->virtual_screen)
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
			  | BUTTON5_PRESSED, NULL);
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	add_cap("rmcup");
	return true;
}

void term_stop(void)
{
	if (!t.active)
		return;
	t.active = false;
	endwin();
	delscreen(t.screen);
	t.screen = NULL;
	if (t.in)
		fclose(t.in);
	if (t.out)
		fclose(t.out);
	t.in = t.out = NULL;
	if (t.have_tio && !t.virtual_screen)
		tcsetattr(STDIN_FILENO, TCSANOW, &t.tio);
}

void term_virtual_resize(int rows, int cols)
{
	if (t.virtual_screen)
		resize_term(rows, cols);
}
