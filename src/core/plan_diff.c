/* Comparing two versions of a plan: sections, worries, goals, actions, arrangements and
 * evaluations. Rows are paired through derived_from (a row copied into a new draft
 * points at the row it came from), following the chain across intermediate versions,
 * so an edited goal shows as changed field by field rather than as removed + added. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "plan_priv.h"

static const char *const kind_names[] = { "section", "worry", "goal", "action", "arrangement",
	"evaluation" };
static const char *const op_names[] = { "added", "removed", "changed" };

const char *plan_change_kind_name(enum plan_change_kind k)
{
	return (unsigned)k < CHANGE_KIND_COUNT ? kind_names[k] : "?";
}

const char *plan_change_op_name(enum plan_change_op op)
{
	return (unsigned)op <= CHANGE_CHANGED ? op_names[op] : "?";
}

/* ---- one kind of row, described as SQL that yields id, label and fields as text ---- */

#define MAX_FIELDS 8

/* Rows of version ?1 in version order: id, label, then the fields. */
struct row_kind {
	enum plan_change_kind kind;
	const char *load_sql;
	const char *pair_sql; /* ?1 older plan, ?2 newer plan -> (newer row, older row) */
	const char *const fields[MAX_FIELDS]; /* NULL-terminated */
};

/* Walk each newer row's derived_from chain back until it reaches a row of the older
 * version; rows whose chain never reaches it are new. */
#define PAIR_SQL(t) \
	"WITH RECURSIVE up(id, anc, depth) AS (SELECT id, derived_from, 0 FROM " t \
	" WHERE plan_id = ?2 UNION ALL SELECT up.id, x.derived_from, up.depth + 1 FROM up" \
	" JOIN " t " x ON x.id = up.anc WHERE x.plan_id <> ?1 AND up.depth < 100000)" \
	" SELECT up.id, up.anc FROM up JOIN " t " o ON o.id = up.anc AND o.plan_id = ?1"

static const struct row_kind row_kinds[] = {
	{ CHANGE_WORRY,
		"SELECT id, worry, who, since, worry, consequences FROM plan_worry"
		" WHERE plan_id = ?1 ORDER BY position",
		PAIR_SQL("plan_worry"), { "who", "since", "worry", "consequences", NULL } },
	{ CHANGE_GOAL,
		"SELECT id, body, leefgebied, body, scale_start, scale_now, scale_target, status,"
		" reason FROM plan_goal WHERE plan_id = ?1 ORDER BY position",
		PAIR_SQL("plan_goal"), { "leefgebied", "body", "scale_start", "scale_now",
			"scale_target", "status", "reason", NULL } },
	{ CHANGE_ACTION,
		"SELECT a.id, a.body, a.body, a.owner_kind, a.owner_name, a.due_on, a.status,"
		" a.closed_on, g.body FROM plan_action a LEFT JOIN plan_goal g ON g.id = a.goal_id"
		" WHERE a.plan_id = ?1 ORDER BY a.position",
		PAIR_SQL("plan_action"), { "body", "owner_kind", "owner", "due_on", "status",
			"closed_on", "goal", NULL } },
	{ CHANGE_ARRANGEMENT,
		"SELECT a.id, a.body, p.name, a.organisation, a.body FROM plan_arrangement a"
		" LEFT JOIN involved_party p ON p.id = a.party_id WHERE a.plan_id = ?1"
		" ORDER BY a.position",
		PAIR_SQL("plan_arrangement"), { "party", "organisation", "body", NULL } },
	{ CHANGE_EVALUATION,
		"SELECT id, planned_on, planned_on, held_on, outcome, next_on FROM plan_evaluation"
		" WHERE plan_id = ?1 ORDER BY planned_on, rowid",
		PAIR_SQL("plan_evaluation"), { "planned_on", "held_on", "outcome", "next_on", NULL } },
};

struct rec {
	char id[CASUS_ID_LEN];
	char *label;
	char *val[MAX_FIELDS];
	int pair;     /* index of the paired row on the other side, or -1 */
};

struct recs {
	struct rec *r;
	size_t n, cap;
};

static void recs_free(struct recs *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->r[i].label);
		for (int f = 0; f < MAX_FIELDS; f++)
			free(rs->r[i].val[f]);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

static char *dup_col(sqlite3_stmt *st, int col, bool *oom)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return NULL;
	char *d = strdup((const char *)t);
	if (!d)
		*oom = true;
	return d;
}

static int field_count(const struct row_kind *k)
{
	int n = 0;
	while (n < MAX_FIELDS && k->fields[n])
		n++;
	return n;
}

static enum casus_rc load_recs(struct casus_ctx *ctx, const struct row_kind *k,
	const char *plan_id, struct recs *rs, struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, k->load_sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, plan_id, -1, SQLITE_TRANSIENT);
	int rc, nf = field_count(k);
	bool oom = false;
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (rs->n == rs->cap) {
			size_t cap = rs->cap ? rs->cap * 2 : 16;
			struct rec *grown = realloc(rs->r, cap * sizeof *grown);
			if (!grown) {
				oom = true;
				break;
			}
			rs->r = grown;
			rs->cap = cap;
		}
		struct rec *r = &rs->r[rs->n++];
		memset(r, 0, sizeof *r);
		r->pair = -1;
		db_col_text(st, 0, r->id, sizeof r->id);
		r->label = dup_col(st, 1, &oom);
		for (int f = 0; f < nf; f++)
			r->val[f] = dup_col(st, 2 + f, &oom);
	}
	db_done(st);
	if (oom)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	return rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

static int find_rec(const struct recs *rs, const char *id)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->r[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* Pair rows of a and b; older_is_a says which side the chain walks back to. */
static enum casus_rc pair_recs(struct casus_ctx *ctx, const struct row_kind *k,
	const char *plan_a, const char *plan_b, bool older_is_a, struct recs *a, struct recs *b,
	struct casus_err *err)
{
	sqlite3_stmt *st = db_stmt(ctx, k->pair_sql, err);
	if (!st)
		return err->rc;
	sqlite3_bind_text(st, 1, older_is_a ? plan_a : plan_b, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, older_is_a ? plan_b : plan_a, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *newer = (const char *)sqlite3_column_text(st, 0);
		const char *older = (const char *)sqlite3_column_text(st, 1);
		int ia = find_rec(a, older_is_a ? older : newer);
		int ib = find_rec(b, older_is_a ? newer : older);
		/* Two rows of one version derived from the same row: pair the first only. */
		if (ia >= 0 && ib >= 0 && a->r[ia].pair < 0 && b->r[ib].pair < 0) {
			a->r[ia].pair = ib;
			b->r[ib].pair = ia;
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? CASUS_OK : db_fail(ctx, rc, err);
}

/* ---- building the list of changes ---- */

static bool add_change(struct plan_diff *d, size_t *cap, enum plan_change_kind kind,
	enum plan_change_op op, const char *id_a, const char *id_b, const char *field,
	const char *label, const char *old_value, const char *new_value)
{
	if (d->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct plan_change *grown = realloc(d->changes, ncap * sizeof *grown);
		if (!grown)
			return false;
		d->changes = grown;
		*cap = ncap;
	}
	struct plan_change *c = &d->changes[d->n];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->op = op;
	snprintf(c->id_a, sizeof c->id_a, "%s", id_a ? id_a : "");
	snprintf(c->id_b, sizeof c->id_b, "%s", id_b ? id_b : "");
	c->field = field;
	c->label = label ? strdup(label) : NULL;
	c->old_value = old_value ? strdup(old_value) : NULL;
	c->new_value = new_value ? strdup(new_value) : NULL;
	d->n++;
	return (!label || c->label) && (!old_value || c->old_value) && (!new_value || c->new_value);
}

static bool same(const char *x, const char *y)
{
	return (!x || !*x) ? (!y || !*y) : (y && strcmp(x, y) == 0);
}

static bool diff_recs(const struct row_kind *k, const struct recs *a, const struct recs *b,
	struct plan_diff *d, size_t *cap)
{
	int nf = field_count(k);
	for (size_t i = 0; i < b->n; i++) {
		const struct rec *rb = &b->r[i];
		if (rb->pair < 0) {
			if (!add_change(d, cap, k->kind, CHANGE_ADDED, NULL, rb->id, NULL, rb->label,
				    NULL, rb->label))
				return false;
			continue;
		}
		const struct rec *ra = &a->r[rb->pair];
		for (int f = 0; f < nf; f++)
			if (!same(ra->val[f], rb->val[f])
			    && !add_change(d, cap, k->kind, CHANGE_CHANGED, ra->id, rb->id, k->fields[f],
				    rb->label, ra->val[f], rb->val[f]))
				return false;
	}
	for (size_t i = 0; i < a->n; i++)
		if (a->r[i].pair < 0
		    && !add_change(d, cap, k->kind, CHANGE_REMOVED, a->r[i].id, NULL, NULL,
			    a->r[i].label, a->r[i].label, NULL))
			return false;
	return true;
}

static bool diff_sections(const struct plan *a, const struct plan *b, struct plan_diff *d,
	size_t *cap)
{
	for (int i = 0; i < PLAN_SECTION_COUNT; i++) {
		const char *key = plan_section_key((enum plan_section)i);
		if (!same(a->section[i], b->section[i])
		    && !add_change(d, cap, CHANGE_SECTION, CHANGE_CHANGED, NULL, NULL, key, key,
			    a->section[i], b->section[i]))
			return false;
	}
	if (a->safety_scale == b->safety_scale)
		return true;
	char old[12] = "", new[12] = "";
	if (a->safety_scale >= 0)
		snprintf(old, sizeof old, "%d", a->safety_scale);
	if (b->safety_scale >= 0)
		snprintf(new, sizeof new, "%d", b->safety_scale);
	return add_change(d, cap, CHANGE_SECTION, CHANGE_CHANGED, NULL, NULL, "safety_scale",
		"safety_scale", old[0] ? old : NULL, new[0] ? new : NULL);
}

static enum casus_rc diff_kind(struct casus_ctx *ctx, const struct row_kind *k,
	const struct plan *pa, const struct plan *pb, struct plan_diff *d, size_t *cap,
	struct casus_err *err)
{
	struct recs a = { 0 }, b = { 0 };
	enum casus_rc r;
	if (!(r = load_recs(ctx, k, pa->id, &a, err)) && !(r = load_recs(ctx, k, pb->id, &b, err))
	    && !(r = pair_recs(ctx, k, pa->id, pb->id, pa->version < pb->version, &a, &b, err))
	    && !diff_recs(k, &a, &b, d, cap))
		r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	recs_free(&a);
	recs_free(&b);
	return r;
}

void plan_diff_free(struct plan_diff *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->changes[i].label);
		free(d->changes[i].old_value);
		free(d->changes[i].new_value);
	}
	free(d->changes);
	memset(d, 0, sizeof *d);
}

enum casus_rc plan_diff(struct casus_ctx *ctx, const char *family_key, int va, int vb,
	struct plan_diff *out, struct casus_err *err)
{
	struct plan a = PLAN_INIT, b = PLAN_INIT;
	size_t cap = 0;
	memset(out, 0, sizeof *out);
	enum casus_rc r = plan_get(ctx, family_key, va, &a, err);
	if (!r)
		r = plan_get(ctx, family_key, vb, &b, err);
	if (!r) {
		out->version_a = a.version;
		out->version_b = b.version;
		if (!diff_sections(&a, &b, out, &cap))
			r = err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	}
	for (size_t i = 0; !r && i < sizeof row_kinds / sizeof row_kinds[0]; i++)
		r = diff_kind(ctx, &row_kinds[i], &a, &b, out, &cap, err);
	plan_clear(&a);
	plan_clear(&b);
	if (r)
		plan_diff_free(out);
	return r;
}
