/* Identifiers: UUIDs (canonical lower-case text, 36 characters) from libuuid.
 * When CASUS_UUID_SEED is set (tests, reproducible demos) they come from a seeded
 * generator instead, so that test output is deterministic. */
#ifndef CASUS_IDS_H
#define CASUS_IDS_H

#define CASUS_ID_LEN 37 /* 36 characters and the NUL */

void ids_new(char out[static CASUS_ID_LEN]);
/* Restart the seeded sequence (tests); no effect without CASUS_UUID_SEED. */
void ids_reset(void);
/* Mix a value into the seeded sequence (no effect without CASUS_UUID_SEED). Opening
 * a database mixes in how far its access log has grown, so that processes started
 * one after another on one database — each starting from the same seed — do not
 * hand out the same ids, while a given sequence of commands stays reproducible. */
void ids_salt(unsigned long long salt);

#endif
