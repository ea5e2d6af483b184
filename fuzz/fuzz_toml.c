/* fuzz_toml: the TOML reader takes any bytes (a project's pyproject.toml
 * is someone else's file) and reads past them without crashing or
 * running on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "toml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;

	strbuf_add(&text, data, size);	/* NUL-ended, as the sources read */
	toml_get(text.buf, text.len, "tool.poetry", "name", &out);
	toml_get(text.buf, text.len, "", "a", &out);
	toml_has_table(text.buf, text.len, "tool.poetry");
	strbuf_release(&text);
	strbuf_release(&out);
	return 0;
}
