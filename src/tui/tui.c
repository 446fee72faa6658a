/* Entry of the full-screen interface. */
#include <stdio.h>

#include "casus/i18n.h"
#include "tui.h"

int tui_main(struct casus_ctx *ctx, const struct tui_global *g, int argc, char **argv)
{
	fprintf(stderr, "%s\n", _("This casus was built without the full-screen interface."));
	return 2;
}
