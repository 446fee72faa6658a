/* Screen-test mode (DESIGN.md §7): keys come from a script instead of the terminal,
 * the interface draws on a virtual screen of fixed size, and `dump` lines write the
 * screen as UTF-8 text plus a state line. Script lines:
 *   key KEY...        keys by their data/keys names: key j j <Down> <Enter>
 *   type TEXT         the characters of TEXT, one key each (rest of the line)
 *   dump [LABEL]      write the screen and the state
 *   resize COLSxROWS  resize the virtual screen (as a terminal resize would)
 *   tick              an input timeout: casus polls the database for changes
 *   signal hup|term   deliver the signal to casus itself
 *   # ...             a comment ("#!" lines are read by the harness, not here) */
#ifndef TUI_SCRIPT_H
#define TUI_SCRIPT_H
#include <stdio.h>

#include "app.h"

enum script_event { SCRIPT_KEY, SCRIPT_TIMEOUT, SCRIPT_RESIZE, SCRIPT_END, SCRIPT_ERROR };

/* Open a script; dumps go to out. NULL with a message in err on failure. */
struct script *script_open(const char *path, FILE *out, char *err, size_t errsz);
void script_close(struct script *s);
/* The next event; dump lines are carried out on the way. */
enum script_event script_next(struct script *s, struct app *a, struct key *k);
/* Write the screen as text with a state line. */
void script_dump(struct app *a, FILE *out, const char *label);

#endif
