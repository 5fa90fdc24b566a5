/* The cross-field rules print members only through the naming they are
 * given. The requests are the suite's own cases of those rules
 * (testdata/cases/cross, create and stop), each checked as check/checker.c
 * checks it, its shape first, with the --status, --current and --now its
 * .expected file gives. Under a naming that spells members in snake_case,
 * no message or path of a cross-field rule holds a member's API name;
 * under the API's naming the same requests' do, and both raise the same
 * rules at the same places. */
#include "unit.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/format.h"
#include "base/memory.h"
#include "check/check_cross.h"
#include "check/check_shape.h"
#include "check/checker.h"
#include "check/naming.h"
#include "check/state.h"
#include "check/timestamp.h"
#include "kinds/kind.h"
#include "load/load.h"
#include "load/source.h"
#include "rules/model.h"
#include "api_names.h"
#include "kinds/terraform/spelling.h"

/* ---- the cases ------------------------------------------------------------- */

static const struct document_kind request_kind = { "a request", "a Name", "Name" };

struct loaded {
	struct source source;
	struct document document;
	bool usable;
};

static void load_file(struct loaded *l, const char *path)
{
	struct diag_list diags;
	const char *why;

	diag_list_init(&diags);
	ck_assert_msg(source_read(&l->source, path, 1 << 20, &why) == SOURCE_OK,
		      "cannot read %s", path);
	l->usable = load_document(&l->document, &l->source, INPUT_AUTO, &request_kind, &diags);
	diag_list_free(&diags);
}

static void unload(struct loaded *l)
{
	document_free(&l->document);
	source_free(&l->source);
}

/* The state a case's "args:" lines give, as the command line would make
 * it; --current is loaded into *current. */
static struct experiment_state state_of(const char *dir, const char *expected,
					struct loaded *current, bool *has_current)
{
	struct experiment_state state = { .now = (double)time(NULL) };
	char line[1024], word[512];
	FILE *f = fopen(expected, "r");

	*has_current = false;
	ck_assert_msg(f != NULL, "cannot read %s", expected);
	while (fgets(line, sizeof line, f)) {
		int used = 0;
		const char *p = line;
		if (strncmp(line, "args:", 5) != 0)
			continue;
		for (p += 5; sscanf(p, "%511s%n", word, &used) == 1; p += used) {
			const char *option = NULL;
			if (strcmp(word, "--status") == 0 || strcmp(word, "--current") == 0 ||
			    strcmp(word, "--now") == 0) {
				option = strcmp(word, "--status") == 0 ? "status"
					 : strcmp(word, "--now") == 0 ? "now" : "current";
				p += used;
				ck_assert(sscanf(p, "%511s%n", word, &used) == 1);
			}
			if (!option)
				continue;
			if (strcmp(option, "status") == 0) {
				ck_assert(status_parse(word, &state.status));
				state.has_status = true;
			} else if (strcmp(option, "now") == 0) {
				ck_assert(timestamp_parse(word, strlen(word), &state.now));
			} else {
				char *path = format_alloc("%s/%s", dir, word);
				ck_assert(path != NULL);
				load_file(current, path);
				free(path);
				ck_assert(current->usable);
				*has_current = true;
				state.current = current->document.root;
				state.current_file = "the current experiment";
			}
		}
	}
	fclose(f);
	if (state.current && !state.has_status) {
		const struct node *status = node_member(state.current, "Status");
		state.has_status = node_is_string(status) &&
				   status_parse(status->scalar.text, &state.status);
		state.status_from_current = state.has_status;
	}
	return state;
}

/* What a run of the whole lot found. */
struct tally {
	size_t cases;
	size_t cross_diags;
	size_t api_names;   /* diagnostics under naming_api that print an API name */
	bool raised[RULE_COUNT];
};

/* The request's shape, then its cross-field rules, as check/checker.c runs
 * them; returns where the cross-field rules' diagnostics begin. */
static size_t check_with(const struct node *root, enum operation op,
			 const struct naming *naming, const struct experiment_state *state,
			 struct diag_list *diags)
{
	size_t first;

	diag_list_init(diags);
	check_shape(model_get()->requests[op], root, "the request", naming,
		    (struct document_type){ KIND_REQUEST, op }, state->now, diags);
	first = diags->count;
	check_cross(root, (struct document_type){ KIND_REQUEST, op }, naming, state, diags);
	return first;
}

static void check_case(const char *dir, const char *name, struct tally *tally)
{
	char *path = format_alloc("%s/%s", dir, name);
	char *expected = format_alloc("%s/%s.expected", dir, name);
	struct loaded doc, current;
	struct experiment_state state;
	struct diag_list found, api, snake;
	size_t api_first, snake_first;
	bool has_current;
	enum operation op;

	ck_assert(path != NULL && expected != NULL);
	load_file(&doc, path);
	state = state_of(dir, expected, &current, &has_current);
	if (doc.usable) {
		/* The operation the program takes the request as. */
		const struct kind *kind = kind_detect(doc.document.root);
		diag_list_init(&found);
		op = kind->check(doc.document.root, NULL, &state, &found).op;
		diag_list_free(&found);
		if (kind->id != KIND_REQUEST)
			goto done;
		api_first = check_with(doc.document.root, op, &naming_api, &state, &api);
		snake_first = check_with(doc.document.root, op, &naming_terraform, &state, &snake);
		ck_assert_uint_eq(api.count - api_first, snake.count - snake_first);
		for (size_t i = 0; i < snake.count - snake_first; i++) {
			const struct diag *a = &api.items[api_first + i];
			const struct diag *s = &snake.items[snake_first + i];
			char *in_message = api_member_in(s->message, true);
			char *in_path = api_member_in(s->path, true);
			ck_assert_msg(a->rule == s->rule && a->span.line == s->span.line &&
				      a->span.column == s->span.column, "%s: %s differs", path,
				      rule_get(a->rule)->code);
			ck_assert_msg(!in_message, "%s: %s prints %s: %s", path,
				      rule_get(s->rule)->code, in_message, s->message);
			ck_assert_msg(!in_path, "%s: %s's path %s holds %s", path,
				      rule_get(s->rule)->code, s->path, in_path);
			in_message = api_member_in(a->message, true);
			in_path = api_member_in(a->path, true);
			tally->api_names += in_message || in_path;
			free(in_message);
			free(in_path);
			tally->raised[s->rule] = true;
			tally->cross_diags++;
		}
		diag_list_free(&api);
		diag_list_free(&snake);
		tally->cases++;
	}
done:
	unload(&doc);
	if (has_current)
		unload(&current);
	free(path);
	free(expected);
}

static void check_group(const char *group, struct tally *tally)
{
	const char *testdata = getenv("TESTDATA");
	char *dir;
	struct dirent *entry;
	DIR *d;

	ck_assert_msg(testdata != NULL, "set TESTDATA to the testdata directory");
	dir = format_alloc("%s/cases/%s", testdata, group);
	ck_assert(dir != NULL);
	ck_assert_msg((d = opendir(dir)) != NULL, "cannot read %s", dir);
	while ((entry = readdir(d)) != NULL) {
		size_t len = strlen(entry->d_name);
		if (entry->d_name[0] == '.' || (len >= 9 &&
		    strcmp(entry->d_name + len - 9, ".expected") == 0) ||
		    !strchr(entry->d_name, '.'))
			continue; /* an expectation, or a directory of cases */
		check_case(dir, entry->d_name, tally);
	}
	closedir(d);
	free(dir);
}

START_TEST(cross_rules_print_members_through_the_naming)
{
	static const char *const groups[] = { "cross", "create", "stop" };
	struct tally tally = { 0 };

	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
		check_group(groups[i], &tally);
	ck_assert_uint_gt(tally.cases, 100);
	ck_assert_uint_gt(tally.cross_diags, 100);
	/* The proof is worth as much as the messages it saw. */
	ck_assert_uint_gt(tally.api_names, tally.cross_diags / 2);
	for (int id = 0; id < RULE_COUNT; id++)
		ck_assert_msg(!check_cross_raises((enum rule_id)id) || tally.raised[id],
			      "no case raised %s", rule_get((enum rule_id)id)->code);
}
END_TEST

Suite *cross_naming_suite(void)
{
	Suite *suite = suite_create("cross naming");
	TCase *tc = tcase_create("naming");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cross_rules_print_members_through_the_naming);
	suite_add_tcase(suite, tc);
	return suite;
}
