/* fuzz_rcfile: any .venvrc text parses without crashing or leaking, and
 * a resolved env path is absolute. */
#include <stdint.h>
#include <stdlib.h>

#include "rcfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg;
	static int ready;
	struct rcfile rc;

	if (!ready) {
		setenv("HOME", "/home/u", 1);
		config_load_file(&cfg, NULL);
		ready = 1;
	}
	rcfile_parse_mem(&rc, &cfg, "/p/q", "/p/q/.venvrc", (const char *)data, size);
	if (rc.has_env && rc.env.buf[0] != '/')
		abort();
	rcfile_free(&rc);
	return 0;
}
