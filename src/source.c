/* source: the table of env sources. */
#include "source.h"

const struct source *const source_table[] = { &source_venvrc, &source_venv };
const size_t source_count = sizeof(source_table) / sizeof(source_table[0]);
