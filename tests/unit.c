/* Runs every unit-test suite. The rule catalog is loaded first, because
 * rule names and codes come from it; the Makefile asks Check for
 * TAP on standard output (CK_TAP_LOG_FILE_NAME=-). */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/regex.h"
#include "rules/rules.h"
#include "load/scalar.h"

int main(void)
{
	SRunner *runner;
	int failed;

	rules_use_embedded();
	runner = srunner_create(load_suite());
	srunner_add_suite(runner, scalar_suite());
	srunner_add_suite(runner, scalar_text_suite());
	srunner_add_suite(runner, rules_suite());
	srunner_add_suite(runner, fixes_suite());
	srunner_add_suite(runner, pattern_words_suite());
	srunner_add_suite(runner, regex_suite());
	srunner_add_suite(runner, cross_naming_suite());
	srunner_add_suite(runner, naming_suite());
	srunner_add_suite(runner, handler_time_suite());
	srunner_add_suite(runner, attributes_suite());
	srunner_add_suite(runner, hcl_suite());
	srunner_add_suite(runner, assist_suite());
	srunner_add_suite(runner, position_suite());
	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	rules_release();
	scalar_release();
	regex_release_thread();
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
