/* check_main: the one runner for every unit suite. CK_FORK and
 * CK_VERBOSITY from the environment apply as usual. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	Suite *(*const suites[])(void) = {
		strbuf_suite, error_suite, inifile_suite, config_suite,
		paths_suite, pathlist_suite, rcfile_suite, envhome_suite,
		discover_suite, venv_suite, state_suite, engine_suite,
		shell_suite, envlist_suite, sha256_suite, trust_suite,
		command_suite, source_suite, truststore_suite,
		hookdata_suite, stamp_suite, strlist_suite, toml_suite,
		tool_suite, run_suite,
		hookdata_suite, stamp_suite, strlist_suite, label_suite,
		safepath_suite,
	};
	SRunner *sr = srunner_create(NULL);
	int failed;

	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
