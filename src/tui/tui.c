/* Entry of the full-screen interface: TUI options, language, key bindings and
 * config, the terminal, and the main loop (app.c).
 *
 * Options (after the global ones the CLI parsed; argv[0] may be the program name;
 * "--name=VALUE" works as well as "--name VALUE"):
 *   --layout auto|side|stack   panes side by side, one at a time, or by width
 *   --no-mouse                 leave the mouse to the terminal (copy and paste)
 *   --config FILE              read FILE instead of $XDG_CONFIG_HOME/casus/config
 *   --list-keys                print the key bindings (section, key, action, help)
 *   --script FILE              screen-test mode: keys from FILE, virtual screen
 *   --size COLSxROWS           size of the virtual screen (default 80x24)
 *   --dump FILE                where screen dumps go (default standard output) */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "view_meeting.h"
#include "casus/audit.h"
#include "casus/i18n.h"
#include "draw.h"
#include "script.h"
#include "term.h"
#include "tui.h"

struct tui_opts {
	int layout; /* -1: config or automatic */
	bool no_mouse, list_keys, meeting;
	const char *config, *script, *dump;
	int rows, cols;
};

#define usage_error(fmt, arg) \
	(fprintf(stderr, "casus: "), fprintf(stderr, fmt, arg), usage_hint())

static int usage_hint(void)
{
	fprintf(stderr, "\n%s\n", _("Full-screen options: --layout auto|side|stack, --no-mouse, "
				    "--config FILE, --list-keys, --script FILE, --size COLSxROWS, "
				    "--dump FILE"));
	return 2;
}

/* Options that take a value, as "--name VALUE" or "--name=VALUE" (the CLI passes the
 * second form through untouched when it does not know the option). */
static const char *const valued[] = { "--layout", "--config", "--script", "--size", "--dump",
	NULL };

static int set_valued(struct tui_opts *o, const char *name, const char *val)
{
	if (strcmp(name, "--layout") == 0) {
		if ((o->layout = layout_pref_parse(val)) < 0)
			return usage_error(_("--layout takes auto, side or stack, not '%s'"), val);
	} else if (strcmp(name, "--config") == 0) {
		o->config = val;
	} else if (strcmp(name, "--script") == 0) {
		o->script = val;
	} else if (strcmp(name, "--dump") == 0) {
		o->dump = val;
	} else if (sscanf(val, "%dx%d", &o->cols, &o->rows) != 2 || o->cols < 1 || o->rows < 1
		   || o->cols > 1000 || o->rows > 500) {
		return usage_error(_("--size takes COLSxROWS (like 80x24), not '%s'"), val);
	}
	return 0;
}

static int parse_opts(int argc, char **argv, struct tui_opts *o)
{
	*o = (struct tui_opts){ .layout = -1, .rows = 24, .cols = 80 };
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		if (i == 0 && arg[0] != '-')
			continue; /* the program name */
		if (strcmp(arg, "--no-mouse") == 0) {
			o->no_mouse = true;
			continue;
		}
		if (strcmp(arg, "--meeting") == 0) { /* casus meeting */
			o->meeting = true;
			continue;
		}
		if (strcmp(arg, "--list-keys") == 0) {
			o->list_keys = true;
			continue;
		}
		char name[32];
		size_t n = strcspn(arg, "=");
		snprintf(name, sizeof name, "%.*s", (int)(n < 31 ? n : 31), arg);
		int k = 0;
		while (valued[k] && strcmp(valued[k], name) != 0)
			k++;
		if (!valued[k])
			return usage_error(_("unknown option '%s' for the full-screen interface"), arg);
		const char *val = arg[n] == '=' ? arg + n + 1 : i + 1 < argc ? argv[++i] : NULL;
		if (!val)
			return usage_error(_("%s needs a value"), name);
		int rc = set_valued(o, name, val);
		if (rc)
			return rc;
	}
	return 0;
}

static int list_keys(const struct keymap *km)
{
	for (int s = 0; s < SECTION_COUNT; s++)
		for (int i = 0; i < km->n; i++) {
			const struct binding *b = &km->b[i];
			if ((int)b->section != s)
				continue;
			char name[32];
			keymap_key_name(&b->key, name, sizeof name);
			printf("%s\t%s\t%s\t%s\n", section_name(b->section), name,
				action_get(b->action)->name, _(action_get(b->action)->help));
		}
	return 0;
}

static void load_keys(struct app *a, const struct tui_opts *o)
{
	char path[4096];
	keymap_init(&a->keys);
	keymap_load_defaults(&a->keys);
	if (o->config)
		snprintf(path, sizeof path, "%s", o->config);
	else
		keymap_config_path(path, sizeof path);
	keymap_load_file(&a->keys, path, "config");
}

/* Command line first, then the config file, then the defaults. */
static void apply_settings(struct app *a, const struct tui_global *g, const struct tui_opts *o)
{
	struct casus_err err;
	if (g && g->lang && *g->lang)
		i18n_set_lang(g->lang);
	else if (a->keys.lang[0])
		i18n_set_lang(a->keys.lang);
	a->pref = o->layout >= 0 ? (enum layout_pref)o->layout
		: a->keys.layout >= 0 ? (enum layout_pref)a->keys.layout : PREF_AUTO;
	a->mouse = !o->no_mouse && a->keys.mouse != 0;
	a->privacy = (g && g->privacy) || a->keys.privacy == 1;
	if (a->privacy)
		audit_log(a->ctx, AUDIT_PRIVACY, NULL, NULL, NULL, "privacy mode on at start", &err);
	const char *slash = strrchr(a->ctx->path, '/');
	le_copy(a->db_name, sizeof a->db_name, slash ? slash + 1 : a->ctx->path);
	flag_rules_load(a->ctx, &a->rules);
}

static int run(struct app *a, const struct tui_opts *o)
{
	char err[600] = "";
	FILE *dump = NULL;
	if (o->script) {
		dump = o->dump ? fopen(o->dump, "w") : stdout;
		if (!dump || !(a->script = script_open(o->script, dump, err, sizeof err))) {
			fprintf(stderr, "casus: %s\n", err[0] ? err : o->dump);
			return 2;
		}
	}
	struct term_opts to = { .virtual_screen = o->script != NULL, .rows = o->rows,
		.cols = o->cols, .mouse = a->mouse };
	term_signals();
	int status = 1;
	if (!term_start(&to, err, sizeof err))
		fprintf(stderr, "casus: %s\n", err);
	else if (!list_init(a))
		fprintf(stderr, "casus: %s\n", _("Out of memory."));
	else {
		if (o->meeting)
			meeting_view_open(a);
		status = app_run(a);
	}
	for (int i = 0; i < W_COUNT; i++)
		if (a->win[i])
			delwin(a->win[i]);
	term_stop();
	script_close(a->script);
	if (dump && dump != stdout)
		fclose(dump);
	return status;
}

int tui_main(struct casus_ctx *ctx, const struct tui_global *g, int argc, char **argv)
{
	struct tui_opts o;
	int rc = parse_opts(argc, argv, &o);
	if (rc)
		return rc;
	setlocale(LC_ALL, "");
	struct app *a = calloc(1, sizeof *a);
	if (!a) {
		fprintf(stderr, "casus: %s\n", _("Out of memory."));
		return 1;
	}
	a->ctx = ctx;
	a->g = g;
	load_keys(a, &o);
	apply_settings(a, g, &o);
	if (o.list_keys)
		rc = list_keys(&a->keys);
	else
		rc = run(a, &o);
	list_free(a);
	meeting_view_free(a);
	meldcode_pane_free(a);
	plan_view_free(a);
	esc_ui_free(a);
	audit_view_free(a);
	notes_view_free(a);
	keymap_free(&a->keys);
	free(a);
	return rc;
}
