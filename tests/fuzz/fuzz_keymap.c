/* libFuzzer harness: the config file / key-binding parser (src/tui/keymap.c). The input
 * is the text of a config file, parsed on top of the embedded defaults as casus does at
 * start; then every key name in it is looked up and named again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct keymap km;
	keymap_init(&km);
	keymap_load_defaults(&km);
	keymap_parse_text(&km, "config", text);
	/* Each word of the input as a key name: parse, look up, name, label. */
	for (char *save = NULL, *w = strtok_r(text, " \t\n", &save); w;
	     w = strtok_r(NULL, " \t\n", &save)) {
		struct key k;
		if (!keymap_parse_key(w, &k))
			continue;
		char name[64], label[64];
		keymap_key_name(&k, name, sizeof name);
		keymap_key_label(&k, label, sizeof label);
		struct key again;
		if (!keymap_parse_key(name, &again) || again.code != k.code || again.fn != k.fn)
			abort(); /* a key's canonical name must parse back to the same key */
		for (int s = 0; s < SECTION_COUNT; s++)
			(void)keymap_lookup(&km, (enum section)s, &k);
	}
	struct key out[8];
	for (int s = 0; s < SECTION_COUNT; s++)
		(void)keymap_keys_for(&km, (enum section)s, A_QUIT, out, 8);
	keymap_free(&km);
	free(text);
	return 0;
}
