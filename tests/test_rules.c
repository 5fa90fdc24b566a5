/* The rules' identity: every rule of the catalog is raised by exactly one
 * part of the program (a check's table, or the short list of a part that
 * is no table, such as the loader), and has conformance cases in
 * testdata/cases/. A rule written in the catalog only, or a check without
 * its catalog entry (which does not compile: its RULE_ identifier comes
 * from the catalog), or a rule without a case fails here. */
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check/check_cross.h"
#include "check/check_shape.h"
#include "check/deploy_rules.h"
#include "filter/suppress.h"
#include "kinds/cloudformation/cloudformation.h"
#include "kinds/request/request.h"
#include "kinds/terraform/terraform.h"
#include "load/diag.h"
#include "load/load.h"
#include "main/config.h"
#include "main/lint.h"
#include "rules/rules.h"

static const struct {
	const char *part;
	bool (*raises)(enum rule_id rule);
} parts[] = {
	{ "the loader (load/load.c)", load_raises },
	{ "the request kind (kinds/request/)", request_kind_raises },
	{ "reading a file (main/lint.c)", lint_raises },
	{ "the shape rules (check/check_shape.c)", check_shape_raises },
	{ "the cross-field rules (check/cross.c)", check_cross_raises },
	{ "the rules of a deploy (check/deploy_rules.c)", deploy_rules_raise },
	{ "the template kind (kinds/cloudformation/)", cloudformation_kind_raises },
	{ "the Terraform kind (kinds/terraform/)", terraform_kind_raises },
	{ "suppressions (filter/suppress.c)", suppress_raises },
	{ "config files (main/config.c)", config_raises },
	{ "the diagnostics list (load/diag.c)", diag_raises },
};

/* Rules whose cases cannot be documents of the suite, and where they are
 * tested instead. */
static const struct {
	enum rule_id rule;
	const char *tested_by;
} without_cases[] = {
	{ RULE_FILE_TOO_LARGE, "tests/cli (a file of more than 64 MiB)" },
	{ RULE_TOO_MANY_NODES, "tests/hostile (250,001 values)" },
	{ RULE_INVALID_CONFIG, "tests/cli (it is about .ielint.yaml)" },
	{ RULE_UNTRUSTED_CONFIG, "tests/safety (it is about .ielint.yaml)" },
};

START_TEST(every_rule_is_raised_by_one_part)
{
	for (int id = 0; id < RULE_COUNT; id++) {
		const struct rule *rule = rule_get((enum rule_id)id);
		const char *first = NULL;
		for (size_t p = 0; p < sizeof parts / sizeof *parts; p++) {
			if (!parts[p].raises((enum rule_id)id))
				continue;
			ck_assert_msg(!first, "%s %s is raised by both %s and %s", rule->code,
				      rule->name, first, parts[p].part);
			first = parts[p].part;
		}
		ck_assert_msg(first, "%s %s is in the catalog, but no check raises it",
			      rule->code, rule->name);
	}
}
END_TEST

/* The codes with at least one expected diagnostic in the cases below dir. */
static void collect_codes(const char *dir, bool *seen)
{
	DIR *d = opendir(dir);
	struct dirent *entry;

	ck_assert_msg(d != NULL, "cannot read %s", dir);
	while ((entry = readdir(d)) != NULL) {
		char path[4096], line[512];
		struct stat st;
		size_t len = strlen(entry->d_name);
		FILE *f;

		if (entry->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			collect_codes(path, seen);
			continue;
		}
		if (len < 9 || strcmp(entry->d_name + len - 9, ".expected") != 0 ||
		    !(f = fopen(path, "r")))
			continue;
		while (fgets(line, sizeof line, f)) {
			enum rule_id id;
			char code[16];
			if (sscanf(line, "%15s", code) == 1 && rule_lookup(code, &id))
				seen[id] = true;
		}
		fclose(f);
	}
	closedir(d);
}

START_TEST(every_rule_has_conformance_cases)
{
	const char *testdata = getenv("TESTDATA");
	bool seen[RULE_COUNT] = { false };
	char cases[4096];

	ck_assert_msg(testdata != NULL, "set TESTDATA to the testdata directory");
	snprintf(cases, sizeof cases, "%s/cases", testdata);
	collect_codes(cases, seen);
	for (size_t i = 0; i < sizeof without_cases / sizeof *without_cases; i++) {
		ck_assert_msg(!seen[without_cases[i].rule], "%s has cases now: take it off "
			      "the list of rules without", rule_get(without_cases[i].rule)->code);
		seen[without_cases[i].rule] = true;
	}
	for (int id = 0; id < RULE_COUNT; id++)
		ck_assert_msg(seen[id], "%s %s has no case in %s",
			      rule_get((enum rule_id)id)->code, rule_get((enum rule_id)id)->name,
			      cases);
}
END_TEST

Suite *rules_suite(void)
{
	Suite *suite = suite_create("rules");
	TCase *tc = tcase_create("identity");

	tcase_add_test(tc, every_rule_is_raised_by_one_part);
	tcase_add_test(tc, every_rule_has_conformance_cases);
	suite_add_tcase(suite, tc);
	return suite;
}
