/* source: the table of env sources. */
#include "source.h"

#include <string.h>

const struct source *const source_table[] = {
	&source_venvrc, &source_venvfile, &source_venv, &source_poetry,
	&source_pipenv, &source_pdm, &source_pyenv, &source_backlink,
};
const size_t source_count = sizeof(source_table) / sizeof(source_table[0]);

size_t source_names(const struct source *src, const struct config *cfg,
		    const char **out, size_t max)
{
	size_t n = 0;

	if (src->names)
		return src->names(cfg, out, max);
	for (; src->files && src->files[n] && n < max; n++)
		out[n] = src->files[n];
	return n;
}

size_t source_name_slot(const char **names, size_t *n, const char *name)
{
	size_t m = 0;

	while (m < *n && strcmp(names[m], name))
		m++;
	if (m == *n)
		names[(*n)++] = name;
	return m;
}

size_t source_all_names(const struct config *cfg, const char **out)
{
	size_t n = 0;

	for (size_t i = 0; i < cfg->nsources; i++) {
		const char *v[SOURCE_NAMES_MAX];
		size_t k = source_names(source_table[cfg->sources[i]], cfg, v,
					 SOURCE_NAMES_MAX);

		for (size_t j = 0; j < k; j++)
			source_name_slot(out, &n, v[j]);
	}
	return n;
}
