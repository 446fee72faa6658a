/* Anonymous Veilig Thuis advice must not identify the family (meldcode step 2). The
 * consultation table has no family or person columns; this check keeps identifying
 * details out of its free text too: names of the family's persons, the family name,
 * case number, address, phone number, birth dates, and anything that looks like a
 * BSN. Matching is case-insensitive on whole words, so "Anna" does not trip on
 * "Annabel" but does on "anna's". */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "casus/i18n.h"
#include "casus/meldcode.h"
#include "casus/person.h"

/* Lower-case ASCII and the Latin-1 capitals (U+00C0-U+00DE, two bytes in UTF-8), in
 * place; byte lengths do not change. */
static void fold(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97)
			p[1] = (unsigned char)(p[1] + 32), p++;
	}
}

/* Part of a word: ASCII letters and digits, and any byte of a multi-byte character. */
static bool wordish(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Does folded text contain folded word as a whole word? */
static bool has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	if (n < 2)
		return false;
	for (const char *p = strstr(text, word); p; p = strstr(p + 1, word)) {
		bool start = p == text || !wordish((unsigned char)p[-1]);
		bool end = !wordish((unsigned char)p[n]);
		if (start && end)
			return true;
	}
	return false;
}

struct needles {
	char words[64][201 * 4];
	int n;
};

static void add(struct needles *nd, const char *s, size_t min)
{
	if (!s || strlen(s) < min || nd->n >= 64)
		return;
	snprintf(nd->words[nd->n], sizeof nd->words[0], "%s", s);
	fold(nd->words[nd->n]);
	nd->n++;
}

/* The name itself, and for composed family names ("van der Berg-Çelik") the last word
 * and each hyphenated part, which people write on their own. */
static void add_name(struct needles *nd, const char *name)
{
	char buf[201 * 4];
	add(nd, name, 2);
	snprintf(buf, sizeof buf, "%s", name);
	char *last = strrchr(buf, ' ');
	char *word = last ? last + 1 : buf;
	if (last)
		add(nd, word, 3);
	for (char *save = NULL, *part = strtok_r(word, "-", &save); part;
	     part = strtok_r(NULL, "-", &save))
		if (part != word || strchr(name, '-'))
			add(nd, part, 3);
}

static int person_fn(void *arg, const struct person *p)
{
	struct needles *nd = arg;
	add_name(nd, p->given_name);
	add_name(nd, p->family_name);
	if (p->birth_date[0]) {
		char dmy[16];
		add(nd, p->birth_date, 10);
		/* Dutch notation: 09-03-2014 */
		snprintf(dmy, sizeof dmy, "%.2s-%.2s-%.4s", p->birth_date + 8, p->birth_date + 5,
			p->birth_date);
		add(nd, dmy, 10);
	}
	return 0;
}

/* A run of exactly nine digits that passes the elfproef. */
static bool has_bsn(const char *text)
{
	for (const char *p = text; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > text && isdigit((unsigned char)p[-1])))
			continue;
		size_t n = strspn(p, "0123456789");
		char num[10];
		if (n == 9) {
			memcpy(num, p, 9);
			num[9] = '\0';
			if (bsn_valid(num))
				return true;
		}
		p += n - 1;
	}
	return false;
}

static enum casus_rc check_text(const struct needles *nd, const char *text,
	struct casus_err *err)
{
	char *t = strdup(text);
	if (!t)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	fold(t);
	enum casus_rc r = CASUS_OK;
	for (int i = 0; i < nd->n && !r; i++)
		if (has_word(t, nd->words[i]))
			r = err_set(err, CASUS_E_INVALID,
				_("An anonymous consultation must not identify the family, but the text "
				  "contains '%s'. Leave out names, addresses, dates of birth and other "
				  "identifying details, or record the consultation as not anonymous."),
				nd->words[i]);
	if (!r && has_bsn(t))
		r = err_set(err, CASUS_E_INVALID,
			_("An anonymous consultation must not contain a BSN."));
	free(t);
	return r;
}

enum casus_rc mc_anonymity_check(struct casus_ctx *ctx, const char *family_id,
	const char *const texts[], int n, struct casus_err *err)
{
	struct family f;
	enum casus_rc r = family_get(ctx, family_id, &f, err);
	if (r)
		return r;
	struct needles *nd = calloc(1, sizeof *nd);
	if (!nd)
		return err_set(err, CASUS_E_NOMEM, _("Out of memory."));
	add_name(nd, f.display_name);
	add(nd, f.case_no, 4);
	add(nd, f.address, 4);
	add(nd, f.phone, 6);
	r = person_each(ctx, f.id, person_fn, nd, err);
	for (int i = 0; i < n && !r; i++)
		if (texts[i] && *texts[i])
			r = check_text(nd, texts[i], err);
	free(nd);
	return r;
}
