/* fuzz_state: any $VSWITCH_STATE value decodes or is refused; what
 * decodes encodes to a value that decodes to the same state. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct state st, again;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	memcpy(s, data, size);
	s[size] = '\0';
	state_init(&st);
	state_init(&again);
	if (state_decode(&st, s) == 0) {
		state_encode(&st, &a);
		if (state_decode(&again, a.buf) < 0)
			abort();
		state_encode(&again, &b);
		if (strcmp(a.buf, b.buf))
			abort();
	} else if (!state_is_empty(&st)) {
		abort();	/* garbage must read as no state */
	}
	state_free(&st);
	state_free(&again);
	strbuf_release(&a);
	strbuf_release(&b);
	free(s);
	return 0;
}
