/* The terminal: starting and stopping curses (on the real terminal, or on a virtual
 * screen of fixed size for screen tests), signals, and putting the terminal back on
 * every way out: normal exit, SIGHUP/SIGTERM/SIGINT (a flag the loop acts on), exit()
 * (atexit) and crashes (termios and reset sequences restored from the handler). */
#ifndef TUI_TERM_H
#define TUI_TERM_H
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* The one global of the interface: the last SIGHUP/SIGTERM/SIGINT received, or 0. */
extern volatile sig_atomic_t tui_signal;

struct term_opts {
	bool virtual_screen; /* screen tests: no terminal; fixed size */
	int rows, cols;
	bool mouse;
};

/* Install handlers (before curses starts, so curses keeps ours). */
void term_signals(void);
/* Start curses; on failure write a message to err and return false. */
bool term_start(const struct term_opts *o, char *err, size_t errsz);
void term_stop(void);
/* Resize the virtual screen (screen tests). */
void term_virtual_resize(int rows, int cols);

#endif
