/* libFuzzer harness: command-line argument parsing (src/cli/cli_args.c). casus's main
 * takes the command words out with cli_shift_word and each subcommand parses the rest
 * with cli_parse against its option table; neither exits the process (they return an
 * exit code), so they are fuzzed directly. The input is argv: words separated by NUL
 * bytes (at most 64). Two option tables are tried: one like `casus family list` and
 * one with positional arguments like `casus export plan CASE`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* Help texts and usage errors are printed: not needed here. */
	if (!freopen("/dev/null", "w", stdout))
		abort();
	return 0;
}

static const struct cli_opt list_opts[] = { { "phase", true }, { "mine", false },
	{ "sort", true }, { "format", true }, { "json", false }, { "search", true },
	{ "limit", true } };
static const struct cli_opt export_opts[] = { { "format", true }, { "output", true },
	{ "version", true }, { "force", false } };
static const struct cli_cmd list_cmd = { "family list", "casus family list [options]",
	"List families." };
static const struct cli_cmd export_cmd = { "export plan", "casus export plan CASE",
	"Export a plan." };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum { MAXW = 64 };
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *argv[MAXW + 2];
	int argc = 0;
	argv[argc++] = "casus";
	for (size_t i = 0; i <= size && argc < MAXW; ) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;
	char *copy[MAXW + 2];
	memcpy(copy, argv, sizeof argv);
	int n = argc;
	const char *word = cli_shift_word(&n, copy);
	(void)word;
	for (int i = 1; i < n; i++)
		(void)cli_global_takes_value(copy[i]);
	struct cli cli;
	memset(&cli, 0, sizeof cli);
	struct cli_val vals[8];
	memset(vals, 0, sizeof vals);
	const char *pos[4];
	int npos = 0;
	(void)cli_parse(&cli, &list_cmd, n, copy, list_opts,
		(int)(sizeof list_opts / sizeof *list_opts), vals, pos, 0, 0, &npos);
	memset(&cli, 0, sizeof cli);
	int r = cli_parse(&cli, &export_cmd, argc, argv, export_opts,
		(int)(sizeof export_opts / sizeof *export_opts), vals, pos, 1, 2, &npos);
	if (r == CLI_CONTINUE && (npos < 1 || npos > 2))
		abort();
	enum out_format fmt;
	(void)cli_format("export plan", &vals[0], true, &fmt);
	free(buf);
	return 0;
}
