/* A single-line text editor for the message line (search, short fields). Works on
 * UTF-8 by code point; the cursor and horizontal scrolling are in screen columns, so
 * wide characters and combining marks edit correctly. */
#ifndef TUI_LINEEDIT_H
#define TUI_LINEEDIT_H
#include <curses.h>
#include <stddef.h>

#include "keymap.h"

#define LINEEDIT_MAX 1024 /* bytes, including the NUL */

struct lineedit {
	char buf[LINEEDIT_MAX];
	size_t len;  /* bytes */
	size_t cur;  /* byte offset of the cursor, always at a code point boundary */
	int scroll;  /* first column shown */
};

enum le_result { LE_IGNORED, LE_MOVED, LE_CHANGED, LE_ACCEPT, LE_CANCEL };

void le_set(struct lineedit *le, const char *text);
/* Copy src into dst (size sz), cut at a code point boundary when too long. */
void le_copy(char *dst, size_t sz, const char *src);
/* Handle one key: printable characters insert; Left/Right/Home/End/C-a/C-e move;
 * Backspace/Delete/C-u/C-w/C-k delete; Enter accepts; Esc or C-g cancels. */
enum le_result le_key(struct lineedit *le, const struct key *k);
/* Draw prompt and text at (y, x) in width columns and place the cursor there. */
void le_draw(WINDOW *w, int y, int x, int width, struct lineedit *le, const char *prompt);

#endif
