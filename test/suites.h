/* suites: one Check suite per module; check_main.c runs them all. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *strbuf_suite(void);
Suite *error_suite(void);
Suite *inifile_suite(void);
Suite *config_suite(void);
Suite *paths_suite(void);
Suite *pathlist_suite(void);
Suite *rcfile_suite(void);
Suite *envhome_suite(void);
Suite *discover_suite(void);
Suite *venv_suite(void);
Suite *state_suite(void);
Suite *engine_suite(void);
Suite *shell_suite(void);
Suite *envlist_suite(void);
Suite *sha256_suite(void);
Suite *trust_suite(void);
Suite *command_suite(void);
Suite *source_suite(void);
Suite *truststore_suite(void);
Suite *hookdata_suite(void);
Suite *stamp_suite(void);
Suite *strlist_suite(void);
Suite *toml_suite(void);
Suite *tool_suite(void);
Suite *run_suite(void);
Suite *label_suite(void);
Suite *safepath_suite(void);

#endif
