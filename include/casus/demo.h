/* The demo team: a database of fictitious but realistic families for trying casus
 * and for tests. Deterministic for a given clock (CASUS_NOW) and UUID seed. */
#ifndef CASUS_DEMO_H
#define CASUS_DEMO_H
#include <stdbool.h>

#include "casus/err.h"

/* Create the demo database at path. An existing file is only replaced with force,
 * and only when it is itself a demo database. The caller's Unix login joins the
 * demo team (as a coach) so that casus opens on it without --as. */
enum casus_rc demo_create(const char *path, bool force, struct casus_err *err);

#endif
