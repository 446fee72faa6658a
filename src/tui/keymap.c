/* Key binding parser and lookup (see keymap.h). */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/embed.h"
#include "casus/i18n.h"
#include "draw.h"
#include "keymap.h"

extern const struct embedded_file casus_keys[]; /* data/keys, by tools/embed.py */

static const struct {
	const char *name;  /* without the angle brackets */
	const char *label;
	int code;
	bool fn;
} named[] = {
	{ "Down", "Down", KEY_DOWN, true }, { "Up", "Up", KEY_UP, true },
	{ "Left", "Left", KEY_LEFT, true }, { "Right", "Right", KEY_RIGHT, true },
	{ "PgDn", "PgDn", KEY_NPAGE, true }, { "PgUp", "PgUp", KEY_PPAGE, true },
	{ "Home", "Home", KEY_HOME, true }, { "End", "End", KEY_END, true },
	{ "Enter", "Enter", '\n', false }, { "Tab", "Tab", '\t', false },
	{ "S-Tab", "S-Tab", KEY_BTAB, true }, { "Esc", "Esc", 27, false },
	{ "Space", "Space", ' ', false }, { "Backspace", "Backspace", KEY_BACKSPACE, true },
	{ "Delete", "Del", KEY_DC, true }, { "Insert", "Ins", KEY_IC, true },
	{ "lt", "<", '<', false }, { "hash", "#", '#', false },
};

void keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof *km);
	km->privacy = km->layout = km->mouse = -1;
}

void keymap_free(struct keymap *km)
{
	free(km->b);
	km->b = NULL;
	km->n = km->cap = 0;
}

static bool same_key(const struct key *a, const struct key *b)
{
	return a->fn == b->fn && a->code == b->code;
}

static int utf8_one(const char *s, int *cp)
{
	uint32_t c;
	size_t n = draw_utf8_next(s, &c);
	*cp = (int)c;
	return s[n] == '\0' && c != 0xfffd;
}

bool keymap_parse_key(const char *name, struct key *out)
{
	int cp;
	if (!name || !*name)
		return false;
	if (utf8_one(name, &cp) && cp > ' ') {
		*out = (struct key){ cp, false };
		return true;
	}
	size_t len = strlen(name);
	if (name[0] != '<' || name[len - 1] != '>' || len < 3)
		return false;
	char inner[32];
	snprintf(inner, sizeof inner, "%.*s", (int)(len - 2), name + 1);
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strcmp(inner, named[i].name) == 0) {
			*out = (struct key){ named[i].code, named[i].fn };
			return true;
		}
	int n;
	if (inner[0] == 'F' && sscanf(inner + 1, "%d", &n) == 1 && n >= 1 && n <= 12) {
		*out = (struct key){ KEY_F(n), true };
		return true;
	}
	if (strncmp(inner, "C-", 2) == 0 && inner[2] >= 'a' && inner[2] <= 'z' && !inner[3]) {
		*out = (struct key){ inner[2] - 'a' + 1, false };
		return true;
	}
	return false;
}

static void key_text(const struct key *k, char *out, size_t outsz, bool label)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (k->fn == named[i].fn && k->code == named[i].code) {
			if (label)
				snprintf(out, outsz, "%s", named[i].label);
			else
				snprintf(out, outsz, "<%s>", named[i].name);
			return;
		}
	if (k->fn && k->code >= KEY_F(1) && k->code <= KEY_F(12))
		snprintf(out, outsz, label ? "F%d" : "<F%d>", k->code - KEY_F0);
	else if (!k->fn && k->code >= 1 && k->code <= 26)
		snprintf(out, outsz, label ? "C-%c" : "<C-%c>", 'a' + k->code - 1);
	else if (!k->fn) {
		char mb[8] = "";
		/* Encode as UTF-8 by hand: the locale may not be UTF-8. */
		unsigned c = (unsigned)k->code;
		if (c < 0x80)
			snprintf(mb, sizeof mb, "%c", (char)c);
		else if (c < 0x800)
			snprintf(mb, sizeof mb, "%c%c", (char)(0xc0 | c >> 6), (char)(0x80 | (c & 0x3f)));
		else if (c < 0x10000)
			snprintf(mb, sizeof mb, "%c%c%c", (char)(0xe0 | c >> 12),
				(char)(0x80 | ((c >> 6) & 0x3f)), (char)(0x80 | (c & 0x3f)));
		else
			snprintf(mb, sizeof mb, "%c%c%c%c", (char)(0xf0 | c >> 18),
				(char)(0x80 | ((c >> 12) & 0x3f)), (char)(0x80 | ((c >> 6) & 0x3f)),
				(char)(0x80 | (c & 0x3f)));
		snprintf(out, outsz, "%s", mb);
	} else
		snprintf(out, outsz, label ? "key%d" : "<key%d>", k->code);
}

void keymap_key_name(const struct key *k, char *out, size_t outsz)
{
	key_text(k, out, outsz, false);
}

void keymap_key_label(const struct key *k, char *out, size_t outsz)
{
	key_text(k, out, outsz, true);
}

static void add_error(struct keymap *km, const char *origin, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add_error(struct keymap *km, const char *origin, int line, const char *fmt, ...)
{
	if (km->n_errors < KEYMAP_ERRORS_KEPT) {
		char msg[240];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		snprintf(km->errors[km->n_errors], sizeof km->errors[0], "%s:%d: %s", origin, line,
			msg);
	}
	km->n_errors++;
}

static void set_binding(struct keymap *km, enum section s, const struct key *k, int action)
{
	for (int i = 0; i < km->n; i++)
		if (km->b[i].section == s && same_key(&km->b[i].key, k)) {
			if (action < 0) {
				/* Keep the order: the first key bound to an action is its hint. */
				memmove(&km->b[i], &km->b[i + 1], (size_t)(km->n - i - 1) * sizeof *km->b);
				km->n--;
				return;
			}
			km->b[i].action = (enum action)action;
			return;
		}
	if (action < 0)
		return;
	if (km->n == km->cap) {
		int cap = km->cap ? km->cap * 2 : 64;
		struct binding *nb = realloc(km->b, (size_t)cap * sizeof *nb);
		if (!nb)
			return;
		km->b = nb, km->cap = cap;
	}
	km->b[km->n++] = (struct binding){ s, *k, (enum action)action };
}

static const char *const layout_names[] = { "auto", "side", "stack", NULL };

static int parse_choice(const char *v, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	return -1;
}

static void parse_set(struct keymap *km, const char *origin, int line, char **tok, int n)
{
	static const char *const onoff[] = { "off", "on", NULL };
	static const char *const langs[] = { "nl", "en", NULL };
	if (n != 3) {
		add_error(km, origin, line, "%s", _("set needs a name and a value"));
		return;
	}
	int v;
	if (strcmp(tok[1], "lang") == 0 && (v = parse_choice(tok[2], langs)) >= 0)
		snprintf(km->lang, sizeof km->lang, "%s", langs[v]);
	else if (strcmp(tok[1], "privacy") == 0 && (v = parse_choice(tok[2], onoff)) >= 0)
		km->privacy = v;
	else if (strcmp(tok[1], "mouse") == 0 && (v = parse_choice(tok[2], onoff)) >= 0)
		km->mouse = v;
	else if (strcmp(tok[1], "layout") == 0 && (v = parse_choice(tok[2], layout_names)) >= 0)
		km->layout = v;
	else if (strcmp(tok[1], "lang") && strcmp(tok[1], "privacy") && strcmp(tok[1], "mouse")
		 && strcmp(tok[1], "layout"))
		add_error(km, origin, line, _("unknown setting '%s' (lang, privacy, layout, mouse)"),
			tok[1]);
	else
		add_error(km, origin, line, _("'%s' is not a valid value for %s"), tok[2], tok[1]);
}

static void parse_bind(struct keymap *km, const char *origin, int line, char **tok, int n)
{
	bool bind = strcmp(tok[0], "bind") == 0;
	if (n != (bind ? 4 : 3)) {
		add_error(km, origin, line, "%s", bind ? _("bind needs a section, a key and an action")
						     : _("unbind needs a section and a key"));
		return;
	}
	int s = section_parse(tok[1]);
	struct key k;
	int a = bind ? action_parse(tok[3]) : -1;
	if (s < 0)
		add_error(km, origin, line,
			_("unknown section '%s' (generic, list, family, meldcode, help, plan)"), tok[1]);
	else if (!keymap_parse_key(tok[2], &k))
		add_error(km, origin, line, _("unknown key '%s'"), tok[2]);
	else if (bind && a < 0)
		add_error(km, origin, line, _("unknown action '%s'"), tok[3]);
	else
		set_binding(km, (enum section)s, &k, a);
}

static void parse_line(struct keymap *km, const char *origin, int line, char *text)
{
	char *tok[6];
	int n = 0;
	/* A comment starts with '#' at the start of a word; the '#' key is written <hash>. */
	for (char *p = text; *p; p++)
		if (*p == '#' && (p == text || p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			break;
		}
	for (char *save = NULL, *t = strtok_r(text, " \t\r", &save); t;
	     t = strtok_r(NULL, " \t\r", &save)) {
		if (n == 6) {
			add_error(km, origin, line, "%s", _("too many words"));
			return;
		}
		tok[n++] = t;
	}
	if (n == 0)
		return;
	if (strcmp(tok[0], "bind") == 0 || strcmp(tok[0], "unbind") == 0)
		parse_bind(km, origin, line, tok, n);
	else if (strcmp(tok[0], "set") == 0)
		parse_set(km, origin, line, tok, n);
	else
		add_error(km, origin, line, _("unknown command '%s' (bind, unbind or set)"), tok[0]);
}

void keymap_parse_text(struct keymap *km, const char *origin, const char *text)
{
	char buf[1024];
	int line = 0;
	while (text && *text) {
		size_t len = strcspn(text, "\n");
		line++;
		if (len >= sizeof buf)
			add_error(km, origin, line, "%s", _("line too long"));
		else {
			memcpy(buf, text, len);
			buf[len] = '\0';
			parse_line(km, origin, line, buf);
		}
		text += len;
		if (*text == '\n')
			text++;
	}
}

void keymap_load_defaults(struct keymap *km)
{
	for (int i = 0; casus_keys[i].name; i++)
		keymap_parse_text(km, "keys", casus_keys[i].text);
}

void keymap_load_file(struct keymap *km, const char *path, const char *origin)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char *text = NULL;
	size_t cap = 0, len = 0;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && len < (1u << 20)) {
		char *t = realloc(text, cap = len + n + 1);
		if (!t)
			break;
		text = t;
		memcpy(text + len, chunk, n);
		len += n;
		text[len] = '\0';
	}
	fclose(f);
	if (text)
		keymap_parse_text(km, origin, text);
	free(text);
}

void keymap_config_path(char *out, size_t outsz)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (xdg && *xdg == '/')
		snprintf(out, outsz, "%s/casus/config", xdg);
	else
		snprintf(out, outsz, "%s/.config/casus/config", home && *home ? home : ".");
}

enum action keymap_lookup(const struct keymap *km, enum section s, const struct key *k)
{
	for (int i = 0; i < km->n; i++)
		if (km->b[i].section == s && same_key(&km->b[i].key, k))
			return km->b[i].action;
	if (s != SECTION_GENERIC)
		return keymap_lookup(km, SECTION_GENERIC, k);
	return A_NONE;
}

int keymap_keys_for(const struct keymap *km, enum section s, enum action a, struct key *out,
	int max)
{
	int n = 0;
	for (int i = 0; i < km->n && n < max; i++)
		if (km->b[i].section == s && km->b[i].action == a)
			out[n++] = km->b[i].key;
	return n;
}
