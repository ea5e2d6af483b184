/* source: the table of env sources. */
#include "source.h"

const struct source *const source_table[] = {
	&source_venvrc, &source_venvfile, &source_venv, &source_poetry,
	&source_pipenv, &source_pdm, &source_pyenv, &source_backlink,
};
const size_t source_count = sizeof(source_table) / sizeof(source_table[0]);
