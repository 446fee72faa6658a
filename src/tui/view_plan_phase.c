/* The plan view's phase changes (with core's rules; closing records how the case is
 * closed with plan_record_closure, then family_close), the regie handover, the export
 * for the family, and editing a text in $EDITOR. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app.h"
#include "casus/i18n.h"
#include "casus/member.h"
#include "casus/regie.h"
#include "draw.h"

/* ---- closing ---- */

static unsigned submit_close(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct plan_closure_new in = { .kind = (enum closure_kind)f->f[0].choice };
	struct plan_closure out;
	struct casus_err err;
	in.watcher = pf_value(a, 1);
	char until[16], on[16];
	le_copy(until, sizeof until, pf_value(a, 2));
	in.watch_until = until[0] ? until : NULL;
	in.risk = (enum relapse_risk)f->f[3].choice;
	char aftercare[LINEEDIT_MAX];
	le_copy(aftercare, sizeof aftercare, pf_value(a, 4));
	in.aftercare = aftercare;
	le_copy(on, sizeof on, pf_value(a, 5));
	in.aftercare_on = on[0] ? on : NULL;
	if (!*in.watcher)
		in.watcher = NULL;
	enum casus_rc rc = plan_record_closure(a->ctx, a->fam.fam.id, &in, &out, &err);
	if (!rc)
		rc = family_close(a->ctx, &a->fam.fam, closure_kind_label(in.kind), &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	app_message(a, false, _("%s is closed (%s)."), a->fam.fam.case_no,
		closure_kind_label(in.kind));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

static unsigned close_form(struct app *a)
{
	struct pv_form *f = pf_begin(a, _("Close the case: how, who keeps an eye, aftercare"),
		submit_close);
	struct pf_field *k = pf_choice(f, _("Closing"), false);
	for (int i = 0; i < CLOSURE_KIND_COUNT; i++)
		pf_add_choice(k, closure_kind_label((enum closure_kind)i), NULL);
	pf_text(f, _("Who keeps an eye"), "");
	pf_text(f, _("Until (YYYY-MM-DD)"), "");
	struct pf_field *r = pf_choice(f, _("Relapse risk"), false);
	for (int i = 0; i < RISK_COUNT; i++)
		pf_add_choice(r, relapse_risk_label((enum relapse_risk)i), NULL);
	pf_text(f, _("Aftercare"), "");
	pf_text(f, _("Aftercare on (optional)"), "");
	return pf_open(a);
}

/* ---- phase ---- */

static unsigned submit_phase(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	int to = f->f[0].choice;
	struct casus_err err;
	enum casus_rc rc;
	const char *reason = pf_value(a, 1);
	if (a->fam.fam.phase == PHASE_AFGESLOTEN)
		rc = family_reopen(a->ctx, &a->fam.fam, reason, &err);
	else if (to == PHASE_AFGESLOTEN)
		return close_form(a);
	else
		rc = family_set_phase(a->ctx, &a->fam.fam, (enum family_phase)to, reason, &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG | R_RELOAD_FAMILY;
	}
	pf_close(a);
	app_message(a, false, _("%s is now in phase %s."), a->fam.fam.case_no,
		family_phase_label(a->fam.fam.phase));
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_phase(struct app *a)
{
	const struct family *fam = &a->fam.fam;
	char title[400];
	bool closed = fam->phase == PHASE_AFGESLOTEN;
	if (closed)
		snprintf(title, sizeof title, _("Reopen %s (back to intake)"), fam->case_no);
	else
		snprintf(title, sizeof title, _("Phase of %s (now %s)"), fam->case_no,
			family_phase_label(fam->phase));
	struct pv_form *f = pf_begin(a, title, submit_phase);
	struct pf_field *p = pf_choice(f, _("To"), false);
	if (closed) {
		pf_add_choice(p, family_phase_label(PHASE_INTAKE), NULL);
	} else {
		for (int i = 0; i < PHASE_COUNT; i++)
			pf_add_choice(p, family_phase_label((enum family_phase)i), NULL);
		p->choice = fam->phase + 1 < PHASE_COUNT ? fam->phase + 1 : fam->phase;
	}
	pf_text(f, _("Reason"), "");
	return pf_open(a);
}

/* ---- regie ---- */

static int add_member(void *arg, const struct member *m)
{
	char t[1000];
	snprintf(t, sizeof t, "%s (%s)", m->name, m->login);
	pf_add_choice(arg, t, m->login);
	return 0;
}

static unsigned submit_handover(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	const char *login = f->f[0].n_choices ? f->f[0].choice_id[f->f[0].choice] : "";
	enum casus_rc rc = a->fam.fam.regie_login[0]
		? regie_handover(a->ctx, &a->fam.fam, login, pf_value(a, 1), &err)
		: regie_assign(a->ctx, &a->fam.fam, login, pf_value(a, 1), &err);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	app_message(a, false, _("Regie of %s is with %s now."), a->fam.fam.case_no, login);
	return R_RELOAD_FAMILY | R_REFRESH_LIST;
}

unsigned pv_handover(struct app *a)
{
	struct casus_err err;
	struct pv_form *f = pf_begin(a, _("Hand over regie (recorded)"), submit_handover);
	struct pf_field *m = pf_choice(f, _("To"), false);
	member_each(a->ctx, false, add_member, m, &err);
	pf_text(f, _("Reason"), "");
	return pf_open(a);
}

/* ---- export for the family ---- */

static unsigned submit_export(struct app *a)
{
	struct pv_form *f = &a->pv.form;
	struct casus_err err;
	const char *home = getenv("HOME");
	bool md = f->f[0].choice == 0;
	const char *lang = f->f[1].choice == 0 ? "nl" : "en";
	char path[1200];
	if (!home || !*home)
		home = ".";
	snprintf(path, sizeof path, "%s/casus-plan-%s.%s", home, a->fam.fam.case_no,
		md ? "md" : "json");
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *out = fd >= 0 && fchmod(fd, 0600) == 0 ? fdopen(fd, "w") : NULL;
	if (!out) {
		app_message(a, true, _("Cannot write %s: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return R_PAINT_MSG;
	}
	enum casus_rc rc = plan_export(a->ctx, a->fam.fam.id, PLAN_LATEST,
		md ? PLAN_FORMAT_MD : PLAN_FORMAT_JSON, lang, out, &err);
	if (fclose(out) != 0 && !rc) {
		app_message(a, true, _("Cannot write %s: %s"), path, strerror(errno));
		return R_PAINT_MSG;
	}
	if (rc) {
		unlink(path);
		pv_error(a, &err, rc);
		return R_PAINT_MSG;
	}
	pf_close(a);
	app_message(a, false, _("Wrote the plan to ~/casus-plan-%s.%s (only you can read it)."),
		a->fam.fam.case_no, md ? "md" : "json");
	return R_PAINT_MSG;
}

unsigned pv_export(struct app *a)
{
	if (!a->pv.has_plan) {
		app_message(a, true, "%s", _("There is no plan to export yet."));
		return R_PAINT_MSG;
	}
	struct pv_form *f = pf_begin(a, _("Export the plan for the family (to your home folder)"),
		submit_export);
	struct pf_field *k = pf_choice(f, _("Format"), false);
	pf_add_choice(k, _("readable document (md)"), NULL);
	pf_add_choice(k, "JSON", NULL);
	struct pf_field *l = pf_choice(f, _("Language"), false);
	pf_add_choice(l, "Nederlands", NULL);
	pf_add_choice(l, "English", NULL);
	return pf_open(a);
}

/* ---- $EDITOR ---- */

/* Run $EDITOR (split at spaces, never through a shell) on path; true when it exited 0. */
static bool run_editor(struct app *a, const char *path)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	char cmd[512], *argv[20];
	snprintf(cmd, sizeof cmd, "%s", ed && *ed ? ed : "vi");
	int n = 0;
	for (char *s = NULL, *t = strtok_r(cmd, " \t", &s); t && n < 18; t = strtok_r(NULL, " \t", &s))
		argv[n++] = t;
	argv[n++] = (char *)path;
	argv[n] = NULL;
	if (!a->script) {
		def_prog_mode();
		endwin();
	}
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!a->script) {
		reset_prog_mode();
		clearok(curscr, TRUE);
	}
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static char *read_all(int fd)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t r;
	if (!buf)
		return NULL;
	while (buf && (r = read(fd, buf + n, cap - n - 1)) > 0) {
		n += (size_t)r;
		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	if (buf) {
		buf[n] = '\0';
		while (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
	}
	return buf;
}

static unsigned save_text(struct app *a, int s, const char *text)
{
	struct plan p = PLAN_INIT;
	struct casus_err err;
	if (!pv_need_draft(a) || !plan_copy(&p, &a->pv.plan))
		return R_PAINT_MSG;
	bool set = plan_set_section(&p, (enum plan_section)s, text);
	enum casus_rc rc = set ? plan_update(a->ctx, &p, &err) : CASUS_E_INVALID;
	if (!set)
		snprintf(err.msg, sizeof err.msg, "%s", _("Out of memory."));
	plan_clear(&p);
	if (rc) {
		pv_error(a, &err, rc);
		return R_PAINT_ALL | R_RELOAD_FAMILY;
	}
	pv_done(a, -1, _("Saved."));
	return R_PAINT_ALL | R_RELOAD_FAMILY;
}

char *pv_editor_text(struct app *a, const char *text)
{
	const char *tmp = getenv("TMPDIR");
	char path[600];
	snprintf(path, sizeof path, "%s/casus-plan-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path); /* 0600 */
	if (fd < 0) {
		app_message(a, true, _("Cannot make a temporary file: %s"), strerror(errno));
		return NULL;
	}
	size_t len = strlen(text);
	bool ok = write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
	close(fd);
	ok = ok && run_editor(a, path);
	/* Editors may replace the file: read it again by name. */
	int rfd = ok ? open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : -1;
	char *edited = rfd >= 0 ? read_all(rfd) : NULL;
	if (rfd >= 0)
		close(rfd);
	unlink(path);
	if (!edited)
		app_message(a, true, "%s", _("The editor failed; nothing was changed."));
	return edited;
}

unsigned pv_external_editor(struct app *a)
{
	struct plan_view *pv = &a->pv;
	const struct pv_item *it = pv->n_items ? &pv->items[pv->sel] : NULL;
	if (!it || it->kind != PI_SECTION || it->index >= PLAN_SECTION_COUNT || a->privacy) {
		app_message(a, true, "%s", _("Select a text section (not in privacy mode) to edit "
			"it in your editor."));
		return R_PAINT_MSG;
	}
	const char *text = pv->has_plan ? pv->plan.section[it->index] : "";
	char *edited = pv_editor_text(a, text);
	if (!edited)
		return R_PAINT_ALL;
	unsigned r = strcmp(edited, text) == 0 ? R_PAINT_ALL : save_text(a, it->index, edited);
	free(edited);
	return r;
}
