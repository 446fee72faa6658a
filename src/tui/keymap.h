/* Key bindings as data. The defaults are data/keys (embedded at build time); the
 * user's $XDG_CONFIG_HOME/casus/config is read by the same parser afterwards, so a
 * user can rebind anything. A bad line never stops casus: it is skipped and reported
 * as "config:LINE: message". Syntax (one command per line, # starts a comment):
 *   bind SECTION KEY ACTION    unbind SECTION KEY    set NAME VALUE
 * See data/keys for the key names. */
#ifndef TUI_KEYMAP_H
#define TUI_KEYMAP_H
#include <stdbool.h>
#include <stddef.h>

#include "actions.h"

/* A key press: a curses function key (KEY_DOWN, ...) when fn, otherwise a Unicode
 * code point, control characters included (Tab 9, Enter 10, Esc 27). */
struct key {
	int code;
	bool fn;
};

struct binding {
	enum section section;
	struct key key;
	enum action action;
};

#define KEYMAP_ERRORS_KEPT 8

/* Bindings plus the settings a config file may give (-1 or "" when not given). */
struct keymap {
	struct binding *b; /* owned; keymap_free */
	int n, cap;
	char lang[8];
	int privacy; /* 0/1 */
	int layout;  /* enum layout_pref */
	int mouse;   /* 0/1 */
	char errors[KEYMAP_ERRORS_KEPT][300];
	int n_errors; /* all errors seen; only the first KEYMAP_ERRORS_KEPT are kept */
};

void keymap_init(struct keymap *km);
void keymap_free(struct keymap *km);
/* Parse the embedded defaults (origin "keys"). */
void keymap_load_defaults(struct keymap *km);
/* Parse text; error messages start with "origin:LINE: ". */
void keymap_parse_text(struct keymap *km, const char *origin, const char *text);
/* Parse a file if it exists (a missing file is no error). */
void keymap_load_file(struct keymap *km, const char *path, const char *origin);
/* The user's config file path: $XDG_CONFIG_HOME/casus/config or ~/.config/casus/config. */
void keymap_config_path(char *out, size_t outsz);

/* The action for k in section s, falling back to the generic section; A_NONE if unbound. */
enum action keymap_lookup(const struct keymap *km, enum section s, const struct key *k);
/* Keys bound to a in exactly section s (up to max); returns how many. */
int keymap_keys_for(const struct keymap *km, enum section s, enum action a, struct key *out,
	int max);

/* "j", "?", "<Down>", "<C-l>", "<F1>" -> key; returns false when not a key name. */
bool keymap_parse_key(const char *name, struct key *out);
/* The canonical name ("<Down>", "j") for data files. */
void keymap_key_name(const struct key *k, char *out, size_t outsz);
/* A short label for screens ("Down", "j", "C-l", "Enter"). */
void keymap_key_label(const struct key *k, char *out, size_t outsz);

#endif
