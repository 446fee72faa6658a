/* Unit tests of the interface's pure helpers: text width and clipping, the keymap
 * parser (the embedded defaults and a user's config), the action table, the layout
 * at every size, the line editor and privacy initials. No terminal needed. */
#include <check.h>
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "casus/i18n.h"
#include "app.h"
#include "draw.h"
#include "keymap.h"
#include "layout.h"
#include "lineedit.h"

static void utf8_mode(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	struct draw_caps c = { .utf8 = true, .color = false };
	draw_setup(&c);
}

START_TEST(width_counts_columns)
{
	utf8_mode();
	ck_assert_int_eq(draw_width("Jansen"), 6);
	ck_assert_int_eq(draw_width("Öztürk"), 6);
	ck_assert_int_eq(draw_width("王 Wang"), 7);         /* CJK takes two columns */
	ck_assert_int_eq(draw_width("🌻"), 2);
	ck_assert_int_eq(draw_width("e\xcc\x81"), 1);      /* e + combining acute */
	ck_assert_int_eq(draw_width("a\x01" "b"), 3);       /* controls show as '?' */
	ck_assert_int_eq(draw_width("\xff\xfe"), 2);        /* invalid bytes: one each */
}
END_TEST

START_TEST(clip_never_splits_a_wide_character)
{
	utf8_mode();
	char out[64];
	ck_assert_int_eq(draw_clip("Jansen", 10, out, sizeof out), 6);
	ck_assert_str_eq(out, "Jansen");
	ck_assert_int_eq(draw_clip("van der Berg-Çelik", 8, out, sizeof out), 8);
	ck_assert_str_eq(out, "van der…");
	/* 王王王 is 6 columns; in 4 there is room for one, then the ellipsis. */
	int cols = draw_clip("王王王", 4, out, sizeof out);
	ck_assert_int_le(cols, 4);
	ck_assert_str_eq(out, "王…");
	ck_assert_int_eq(draw_clip("abc", 0, out, sizeof out), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(ascii_fallback_is_one_column_per_character)
{
	struct draw_caps c = { .utf8 = false, .color = false };
	draw_setup(&c);
	ck_assert_int_eq(draw_width("王 Wang"), 6);
	ck_assert_str_eq(draw_glyph(DG_HLINE), "-");
	ck_assert_str_eq(draw_glyph(DG_ELLIPSIS), "~");
	utf8_mode();
	ck_assert_str_eq(draw_glyph(DG_HLINE), "─");
}
END_TEST

START_TEST(default_keys_parse_cleanly)
{
	struct keymap km;
	keymap_init(&km);
	keymap_load_defaults(&km);
	ck_assert_msg(km.n_errors == 0, "data/keys: %s", km.errors[0]);
	struct key k;
	ck_assert(keymap_parse_key("j", &k));
	ck_assert_int_eq(keymap_lookup(&km, SECTION_LIST, &k), A_DOWN);
	ck_assert(keymap_parse_key("<Down>", &k));
	ck_assert_int_eq(keymap_lookup(&km, SECTION_FAMILY, &k), A_DOWN);
	ck_assert(keymap_parse_key("<Enter>", &k));
	ck_assert_int_eq(keymap_lookup(&km, SECTION_LIST, &k), A_OPEN);
	ck_assert(keymap_parse_key("q", &k));
	ck_assert_int_eq(keymap_lookup(&km, SECTION_LIST, &k), A_QUIT);
	ck_assert_int_eq(keymap_lookup(&km, SECTION_HELP, &k), A_BACK); /* q closes help */
	ck_assert(keymap_parse_key("<F1>", &k));
	ck_assert_int_eq(keymap_lookup(&km, SECTION_LIST, &k), A_HELP);
	keymap_free(&km);
}
END_TEST

START_TEST(every_action_has_a_key)
{
	/* Nothing needs a mouse: every action is bound by default somewhere. */
	struct keymap km;
	keymap_init(&km);
	keymap_load_defaults(&km);
	for (int a = A_QUIT; a < A_COUNT; a++) {
		int n = 0;
		struct key k;
		for (int s = 0; s < SECTION_COUNT; s++)
			n += keymap_keys_for(&km, (enum section)s, (enum action)a, &k, 1);
		ck_assert_msg(n > 0, "action %s has no default key", action_get((enum action)a)->name);
		ck_assert_ptr_nonnull(action_get((enum action)a)->help);
		ck_assert_int_eq(action_parse(action_get((enum action)a)->name), a);
	}
	keymap_free(&km);
}
END_TEST

START_TEST(key_names_round_trip)
{
	static const char *const names[] = { "j", "?", "/", "<Down>", "<PgDn>", "<S-Tab>",
		"<Enter>", "<Esc>", "<F1>", "<F12>", "<C-l>", "<Space>", "<lt>", "<hash>", "é" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		struct key k;
		char back[32];
		ck_assert_msg(keymap_parse_key(names[i], &k), "%s", names[i]);
		keymap_key_name(&k, back, sizeof back);
		ck_assert_str_eq(back, names[i]);
	}
	struct key k;
	ck_assert(!keymap_parse_key("<Nope>", &k));
	ck_assert(!keymap_parse_key("<C-1>", &k));
	ck_assert(!keymap_parse_key("ab", &k));
	ck_assert(!keymap_parse_key("", &k));
}
END_TEST

START_TEST(config_errors_name_their_line)
{
	/* The messages are checked in English (Dutch is the default language). */
	i18n_set_lang("en");
	struct keymap km;
	keymap_init(&km);
	keymap_load_defaults(&km);
	keymap_parse_text(&km, "config",
		"# comment\n"
		"bind list J move-down   # trailing comment\n"
		"bind list K frobnicate\n"
		"teleport now\n"
		"set lang xx\n"
		"bind nowhere j quit\n"
		"bind list <Nope> quit\n"
		"set privacy on\n"
		"set layout stack\n"
		"unbind generic q\n"
		"bind list\n");
	ck_assert_int_eq(km.n_errors, 6);
	ck_assert_str_eq(km.errors[0], "config:3: unknown action 'frobnicate'");
	ck_assert_str_eq(km.errors[1], "config:4: unknown command 'teleport' (bind, unbind or set)");
	ck_assert_str_eq(km.errors[2], "config:5: 'xx' is not a valid value for lang");
	ck_assert_str_eq(km.errors[3],
		"config:6: unknown section 'nowhere' (generic, list, family, meldcode, help, plan)");
	ck_assert_str_eq(km.errors[4], "config:7: unknown key '<Nope>'");
	ck_assert_str_eq(km.errors[5], "config:11: bind needs a section, a key and an action");
	struct key k;
	keymap_parse_key("J", &k);
	ck_assert_int_eq(keymap_lookup(&km, SECTION_LIST, &k), A_DOWN);
	keymap_parse_key("q", &k);
	ck_assert_int_eq(keymap_lookup(&km, SECTION_LIST, &k), A_NONE);
	ck_assert_int_eq(km.privacy, 1);
	ck_assert_int_eq(km.layout, PREF_STACK);
	keymap_free(&km);
}
END_TEST

static void assert_inside(const struct rect *r, int rows, int cols)
{
	if (r->h == 0 || r->w == 0)
		return;
	ck_assert_int_ge(r->y, 0);
	ck_assert_int_ge(r->x, 0);
	ck_assert_int_le(r->y + r->h, rows);
	ck_assert_int_le(r->x + r->w, cols);
}

static bool overlap(const struct rect *a, const struct rect *b)
{
	if (!a->h || !a->w || !b->h || !b->w)
		return false;
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

START_TEST(layout_fits_every_size)
{
	for (int rows = 8; rows <= 70; rows++)
		for (int cols = 30; cols <= 220; cols += 3)
			for (int z = 0; z < 2; z++)
				for (int m = 0; m < 2; m++) {
					struct layout l;
					layout_compute(&l, rows, cols, PREF_AUTO, PANE_FAMILY, z, m);
					bool small = rows < 16 || cols < 60;
					ck_assert_int_eq(l.mode == LAYOUT_TOO_SMALL, small);
					if (small)
						continue;
					ck_assert_int_eq(l.mode == LAYOUT_SIDE, cols >= 100);
					ck_assert_int_eq(l.status.y, rows - 2);
					ck_assert_int_eq(l.msg.y, rows - 1);
					ck_assert_int_gt(l.pane[PANE_FAMILY].h, 0);
					for (int p = 0; p < PANE_COUNT; p++) {
						assert_inside(&l.pane[p], rows - 2, cols);
						ck_assert(!overlap(&l.pane[p], &l.tabs));
						for (int q = p + 1; q < PANE_COUNT; q++)
							ck_assert(!overlap(&l.pane[p], &l.pane[q]));
					}
				}
}
END_TEST

START_TEST(layout_stack_shows_one_pane_and_the_switcher)
{
	struct layout l;
	layout_compute(&l, 24, 80, PREF_AUTO, PANE_LIST, false, false);
	ck_assert_int_eq(l.mode, LAYOUT_STACK);
	ck_assert_int_eq(l.tabs.h, 1);
	ck_assert_int_eq(l.pane[PANE_LIST].h, 21);
	ck_assert_int_eq(l.pane[PANE_FAMILY].h, 0);
	layout_compute(&l, 24, 80, PREF_SIDE, PANE_LIST, false, false);
	ck_assert_int_eq(l.mode, LAYOUT_SIDE);
	ck_assert_int_gt(l.pane[PANE_FAMILY].w, 0);
	layout_compute(&l, 50, 200, PREF_AUTO, PANE_FAMILY, true, true);
	ck_assert_int_eq(l.pane[PANE_FAMILY].w, 200); /* zoomed */
	ck_assert_int_eq(l.pane[PANE_LIST].w, 0);
	layout_compute(&l, 50, 200, PREF_AUTO, PANE_LIST, false, true);
	ck_assert_int_gt(l.pane[PANE_MELDCODE].h, 6);
	ck_assert_int_eq(layout_pref_parse("stack"), PREF_STACK);
	ck_assert_int_eq(layout_pref_parse("nope"), -1);
}
END_TEST

static enum le_result feed(struct lineedit *le, int code, bool fn)
{
	struct key k = { code, fn };
	return le_key(le, &k);
}

START_TEST(line_editor_edits_code_points)
{
	utf8_mode();
	struct lineedit le;
	le_set(&le, "Çelik");
	ck_assert_int_eq(feed(&le, KEY_BACKSPACE, true), LE_CHANGED);
	ck_assert_str_eq(le.buf, "Çeli");
	feed(&le, KEY_HOME, true);
	ck_assert_int_eq(feed(&le, KEY_DC, true), LE_CHANGED);
	ck_assert_str_eq(le.buf, "eli");
	feed(&le, 0x738B, false); /* 王 */
	ck_assert_str_eq(le.buf, "王eli");
	feed(&le, KEY_END, true);
	feed(&le, 'e', false);
	feed(&le, 0x301, false);  /* combining acute */
	ck_assert_str_eq(le.buf, "王elie\xcc\x81");
	feed(&le, KEY_BACKSPACE, true); /* removes e and its accent together */
	ck_assert_str_eq(le.buf, "王eli");
	feed(&le, ' ', false);
	feed(&le, 'x', false);
	feed(&le, 23, false);     /* C-w */
	ck_assert_str_eq(le.buf, "王eli ");
	feed(&le, 21, false);     /* C-u */
	ck_assert_str_eq(le.buf, "");
	ck_assert_int_eq(feed(&le, 1, false), LE_MOVED);
	ck_assert_int_eq(feed(&le, 9, false), LE_IGNORED); /* no tabs in a line */
	ck_assert_int_eq(feed(&le, '\n', false), LE_ACCEPT);
	ck_assert_int_eq(feed(&le, 27, false), LE_CANCEL);
}
END_TEST

START_TEST(line_editor_stops_at_its_size)
{
	struct lineedit le;
	le_set(&le, "");
	for (int i = 0; i < 2 * LINEEDIT_MAX; i++)
		feed(&le, 0x738B, false);
	ck_assert_int_lt(le.len, LINEEDIT_MAX);
	ck_assert_int_eq(le.len % 3, 0); /* never half a character */
	char small[5];
	le_copy(small, sizeof small, "王王");
	ck_assert_str_eq(small, "王");
}
END_TEST

START_TEST(privacy_initials_are_readable)
{
	char out[64];
	privacy_initials("Jansen", out, sizeof out);
	ck_assert_str_eq(out, "J.");
	privacy_initials("van der Berg-Çelik", out, sizeof out);
	ck_assert_str_eq(out, "v.d.B.-Ç.");
	privacy_initials("El Amrani", out, sizeof out);
	ck_assert_str_eq(out, "E.A.");
	privacy_initials("王 Wang", out, sizeof out);
	ck_assert_str_eq(out, "W.");
	privacy_initials("Zonnebloem 🌻", out, sizeof out);
	ck_assert_str_eq(out, "Z.");
	privacy_initials("🌻", out, sizeof out);
	ck_assert_str_eq(out, "?.");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tui");
	TCase *t = tcase_create("helpers");
	tcase_add_test(t, width_counts_columns);
	tcase_add_test(t, clip_never_splits_a_wide_character);
	tcase_add_test(t, ascii_fallback_is_one_column_per_character);
	tcase_add_test(t, default_keys_parse_cleanly);
	tcase_add_test(t, every_action_has_a_key);
	tcase_add_test(t, key_names_round_trip);
	tcase_add_test(t, config_errors_name_their_line);
	tcase_add_test(t, layout_fits_every_size);
	tcase_add_test(t, layout_stack_shows_one_pane_and_the_switcher);
	tcase_add_test(t, line_editor_edits_code_points);
	tcase_add_test(t, line_editor_stops_at_its_size);
	tcase_add_test(t, privacy_initials_are_readable);
	suite_add_tcase(s, t);
	SRunner *r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
