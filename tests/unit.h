/* The Check unit tests: each source file contributes one suite. */
#ifndef IELINT_TESTS_UNIT_H
#define IELINT_TESTS_UNIT_H

#include <check.h>

Suite *load_suite(void);
Suite *scalar_suite(void);
Suite *scalar_text_suite(void);
Suite *rules_suite(void);
Suite *fixes_suite(void);
Suite *pattern_words_suite(void);
Suite *regex_suite(void);
Suite *cross_naming_suite(void);
Suite *naming_suite(void);
Suite *handler_time_suite(void);
Suite *attributes_suite(void);
Suite *hcl_suite(void);
Suite *assist_suite(void);
Suite *position_suite(void);

#endif
