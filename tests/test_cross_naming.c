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

/* ---- a naming in snake_case ---------------------------------------------- */

struct spelling {
	char *api;   /* ModelVariants */
	char *snake; /* model_variants */
};

static struct spelling *spellings;
static size_t spelling_count;

/* ModelVariants as model_variants, KmsKey as kms_key. */
static char *snake_case(const char *name)
{
	size_t len = strlen(name);
	char *snake = mem_malloc(2 * len + 1), *out = snake;

	ck_assert(snake != NULL);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)name[i];
		if (i > 0 && isupper(ch) &&
		    (!isupper((unsigned char)name[i - 1]) ||
		     (i + 1 < len && islower((unsigned char)name[i + 1]))))
			*out++ = '_';
		*out++ = (char)tolower(ch);
	}
	*out = '\0';
	return snake;
}

/* The spelling lives until the test ends, as a naming's must. */
static const char *snake_member(const char *api_name)
{
	struct spelling *grown;

	for (size_t i = 0; i < spelling_count; i++)
		if (strcmp(spellings[i].api, api_name) == 0)
			return spellings[i].snake;
	grown = mem_realloc(spellings, (spelling_count + 1) * sizeof *spellings);
	ck_assert(grown != NULL);
	spellings = grown;
	spellings[spelling_count].api = mem_strdup(api_name);
	spellings[spelling_count].snake = snake_case(api_name);
	ck_assert(spellings[spelling_count].api != NULL);
	return spellings[spelling_count++].snake;
}

static const struct naming naming_snake = { snake_member };

static void forget_spellings(void)
{
	for (size_t i = 0; i < spelling_count; i++) {
		free(spellings[i].api);
		free(spellings[i].snake);
	}
	free(spellings);
	spellings = NULL;
	spelling_count = 0;
}

/* ---- the API's member names ------------------------------------------------ */

/* Whether word (len bytes) is the name of a member of any of the model's
 * shapes: of a request, a description or a template's resource. */
static bool is_api_member(const char *word, size_t len)
{
	const struct model *model = model_get();

	for (size_t i = 0; i < model->shape_count; i++) {
		const struct shape *shape = &model->shapes[i];
		for (size_t j = 0; j < shape->member_count; j++) {
			const char *name = shape->members[j].name;
			if (strlen(name) == len && memcmp(name, word, len) == 0)
				return true;
		}
	}
	return false;
}

/* The first member's API name that text holds as a word of its own, or
 * NULL. What is quoted ("...", or a path's ["..."]) is a value from the
 * document, which no naming renames, and is passed over. */
static char *api_member_in(const char *text)
{
	const char *p = text;

	while (*p) {
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (*p)
				p++;
		} else if (isalnum((unsigned char)*p) || *p == '_') {
			const char *start = p;
			while (isalnum((unsigned char)*p) || *p == '_')
				p++;
			if (is_api_member(start, (size_t)(p - start)))
				return mem_strndup(start, (size_t)(p - start));
		} else {
			p++;
		}
	}
	return NULL;
}

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
	check_shape(model_get()->requests[op], root, "the request", naming, state->now, diags);
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
		snake_first = check_with(doc.document.root, op, &naming_snake, &state, &snake);
		ck_assert_uint_eq(api.count - api_first, snake.count - snake_first);
		for (size_t i = 0; i < snake.count - snake_first; i++) {
			const struct diag *a = &api.items[api_first + i];
			const struct diag *s = &snake.items[snake_first + i];
			char *in_message = api_member_in(s->message);
			char *in_path = api_member_in(s->path);
			ck_assert_msg(a->rule == s->rule && a->span.line == s->span.line &&
				      a->span.column == s->span.column, "%s: %s differs", path,
				      rule_get(a->rule)->code);
			ck_assert_msg(!in_message, "%s: %s prints %s: %s", path,
				      rule_get(s->rule)->code, in_message, s->message);
			ck_assert_msg(!in_path, "%s: %s's path %s holds %s", path,
				      rule_get(s->rule)->code, s->path, in_path);
			in_message = api_member_in(a->message);
			in_path = api_member_in(a->path);
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
	forget_spellings();
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
