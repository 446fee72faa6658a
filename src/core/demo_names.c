/* Name pools for the demo: given names and surnames per origin, streets and phone
 * numbers of the fictitious town of Maasoever. Every name is common and every
 * combination made up; phone numbers and postcodes are drawn at random. */
#include <stdio.h>

#include "demo_int.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

struct pool {
	const char *const *names;
	uint32_t n;
};
#define POOL(a) { a, (uint32_t)COUNT(a) }

static const char *const nl_f[] = { "Anna", "Sanne", "Emma", "Lieke", "Fleur", "Eline", "Maud",
	"Anouk", "Marieke", "Esmée", "Ilse", "Saskia", "Zoë", "Chloë", "Noor", "Mila", "Joëlle",
	"Femke", "Roos", "Tess" };
static const char *const nl_m[] = { "Daan", "Sem", "Thijs", "Bram", "Luuk", "Jesse", "Ruben",
	"Sven", "Stijn", "Kees", "Arjen", "Mees", "Finn", "Milan", "Joël", "Teun", "Jorrit", "Gijs",
	"Rémy", "Wouter" };
static const char *const tr_f[] = { "Ayşe", "Elif", "Zeynep", "Dilara", "Hatice", "Büşra", "Ecem",
	"Melek", "Şeyma", "Gül" };
static const char *const tr_m[] = { "Emre", "Mehmet", "Mustafa", "Burak", "Çağan", "Yusuf",
	"Ömer", "Kerem", "İbrahim", "Arda" };
static const char *const ma_f[] = { "Fatima", "Yasmina", "Naïma", "Amira", "Nour", "Soukaina",
	"Khadija", "Salma", "Hanae", "Ikram" };
static const char *const ma_m[] = { "Mohammed", "Youssef", "Bilal", "Ilias", "Hamza", "Ayoub",
	"Rachid", "Adam", "Anouar", "Zakaria" };
static const char *const vn_f[] = { "Linh", "Thảo", "Mai", "Hương", "Ngọc", "Lan" };
static const char *const vn_m[] = { "Minh", "Huy", "Đức", "Tuấn", "Bảo", "Khải" };
static const char *const no_f[] = { "Ingrid", "Solveig", "Astrid", "Sigrid", "Åse", "Marit" };
static const char *const no_m[] = { "Øystein", "Håkon", "Sindre", "Eirik", "Torbjørn", "Jørgen" };
static const char *const pl_f[] = { "Agnieszka", "Zofia", "Kasia", "Małgorzata", "Ewa", "Julia" };
static const char *const pl_m[] = { "Piotr", "Tomasz", "Jakub", "Łukasz", "Paweł", "Kacper" };
static const char *const gh_f[] = { "Abena", "Akosua", "Efua", "Ama", "Adwoa", "Esi" };
static const char *const gh_m[] = { "Kwame", "Kofi", "Yaw", "Kojo", "Kwabena", "Fiifi" };
static const char *const so_f[] = { "Hodan", "Faduma", "Ayaan", "Sahra", "Ifrah", "Nimco" };
static const char *const so_m[] = { "Abdi", "Mahad", "Liban", "Omar", "Bashiir", "Cabdi" };

static const struct pool given[OR_COUNT][2] = {
	[OR_NL] = { POOL(nl_m), POOL(nl_f) }, [OR_TR] = { POOL(tr_m), POOL(tr_f) },
	[OR_MA] = { POOL(ma_m), POOL(ma_f) }, [OR_VN] = { POOL(vn_m), POOL(vn_f) },
	[OR_NO] = { POOL(no_m), POOL(no_f) }, [OR_PL] = { POOL(pl_m), POOL(pl_f) },
	[OR_GH] = { POOL(gh_m), POOL(gh_f) }, [OR_SO] = { POOL(so_m), POOL(so_f) },
};

/* Surnames for a second parent, a new partner or a grandmother. */
static const char *const nl_s[] = { "de Groot", "Willems", "van Vliet", "Verhoeven", "Kramer",
	"Hoekstra", "van Rijn", "Schouten", "van der Linde", "Claassen", "de Bruijn", "Timmermans" };
static const char *const tr_s[] = { "Kaya", "Demir", "Arslan", "Doğan", "Aydın", "Yıldız" };
static const char *const ma_s[] = { "Haddou", "Ouali", "Benali", "Ziani", "Azzouzi", "Bakkali" };
static const char *const vn_s[] = { "Trần", "Lê", "Phạm", "Hoàng", "Võ" };
static const char *const no_s[] = { "Haugen", "Berge", "Løvik", "Strand" };
static const char *const pl_s[] = { "Nowak", "Wójcik", "Kowalczyk", "Mazur" };
static const char *const gh_s[] = { "Mensah", "Boateng", "Owusu", "Asante" };
static const char *const so_s[] = { "Warsame", "Farah", "Hassan", "Cali" };

static const struct pool surnames[OR_COUNT] = {
	[OR_NL] = POOL(nl_s), [OR_TR] = POOL(tr_s), [OR_MA] = POOL(ma_s), [OR_VN] = POOL(vn_s),
	[OR_NO] = POOL(no_s), [OR_PL] = POOL(pl_s), [OR_GH] = POOL(gh_s), [OR_SO] = POOL(so_s),
};

static const char *const streets[] = { "Kerkstraat", "Molenweg", "Maasboulevard", "Lindelaan",
	"Schoolstraat", "Veldweg", "Julianastraat", "Beatrixlaan", "Populierenlaan", "Dorpsstraat",
	"Kastanjehof", "Van Goghstraat", "Oranjestraat", "Wilhelminasingel", "Esdoornweg",
	"De Hoven", "Sint Jozefplein", "Rozenstraat", "Gasthuisstraat", "Burgemeester Kessenslaan",
	"Veerweg", "Kloosterstraat", "Wilgenhof", "Ooievaarsnest" };

const char *demo_given_name(struct demo *d, int origin, bool female)
{
	const struct pool *p = &given[(unsigned)origin < OR_COUNT ? origin : OR_NL][female];
	return p->names[demo_rand(d, p->n)];
}

const char *demo_surname(struct demo *d, int origin)
{
	const struct pool *p = &surnames[(unsigned)origin < OR_COUNT ? origin : OR_NL];
	return p->names[demo_rand(d, p->n)];
}

void demo_address(struct demo *d, char *out, size_t outsz)
{
	/* Dutch postcodes: four digits, two letters (never SA, SD or SS). */
	static const char letters[] = "ABCEGHJKLMNPRTVWXZ";
	const char *street = streets[demo_rand(d, COUNT(streets))];
	unsigned number = 1 + demo_rand(d, 140);
	unsigned pc = 5900 + demo_rand(d, 100);
	char l1 = letters[demo_rand(d, sizeof letters - 1)];
	char l2 = letters[demo_rand(d, sizeof letters - 1)];
	snprintf(out, outsz, "%s %u, %u %c%c Maasoever", street, number, pc, l1, l2);
}

void demo_mobile(struct demo *d, char *out, size_t outsz)
{
	snprintf(out, outsz, "06-%08u", 10000000u + demo_rand(d, 90000000u));
}
