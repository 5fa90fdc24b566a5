/* Compiles rules/ (catalog.yaml and shapes.json) into C tables, run by the
 * build to make src/rules_data.c. The program then starts with its rules in
 * place instead of parsing them at every start, and an installed ielint
 * needs no file beside it. The patterns of the rules and of the code come
 * compiled too, in PCRE2's serialized form.
 *
 *   rules-compile RULES-DIR > src/rules_data.c
 *
 * It reads the files with the same code that --rules-dir uses, so the two
 * can never disagree about what the files mean. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/regex.h"
#include "check/check_cross.h"
#include "check/timestamp.h"
#include "load/scalar.h"
#include "main/rules_files.h"
#include "rules/model.h"
#include "rules/rules.h"

static const char *const severity_names[] = {
	[SEVERITY_NOTE] = "SEVERITY_NOTE",
	[SEVERITY_WARNING] = "SEVERITY_WARNING",
	[SEVERITY_ERROR] = "SEVERITY_ERROR",
};

static const char *const type_names[] = {
	[SHAPE_STRING] = "SHAPE_STRING",
	[SHAPE_INTEGER] = "SHAPE_INTEGER",
	[SHAPE_TIMESTAMP] = "SHAPE_TIMESTAMP",
	[SHAPE_STRUCTURE] = "SHAPE_STRUCTURE",
	[SHAPE_LIST] = "SHAPE_LIST",
	[SHAPE_MAP] = "SHAPE_MAP",
	[SHAPE_OTHER] = "SHAPE_OTHER",
};

/* A C string literal; a text of several lines becomes one literal a line. */
static void literal(const char *text)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '\n') {
			fputs(p[1] ? "\\n\"\n\t\t\"" : "\\n", stdout);
		} else if (*p == '"' || *p == '\\') {
			printf("\\%c", *p);
		} else if (*p < 0x20 || *p >= 0x7F) {
			printf("\\%03o", *p);
		} else {
			putchar(*p);
		}
	}
	putchar('"');
}

static void print_rules(void)
{
	puts("static const struct rule rules[RULE_COUNT] = {");
	for (int id = 0; id < RULE_COUNT; id++) {
		const struct rule *rule = rule_get((enum rule_id)id);
		printf("\t[%d] = {\n\t\t", id);
		literal(rule->code);
		fputs(",\n\t\t", stdout);
		literal(rule->name);
		printf(",\n\t\t%s,\n\t\t", severity_names[rule->severity]);
		literal(rule->summary);
		fputs(",\n\t\t", stdout);
		literal(rule->help);
		fputs(",\n\t\t", stdout);
		literal(rule->wrong);
		fputs(",\n\t\t", stdout);
		literal(rule->right);
		printf(",\n\t\t%uu,\n\t\t%uu,\n\t},\n", rule->operations, rule->kinds);
	}
	puts("};\n");
}

/* A string that may be absent, or a class: NULL when absent. */
static void optional_literal(const char *text)
{
	if (text)
		literal(text);
	else
		fputs("NULL", stdout);
}

/* ---- patterns compiled now, so that ielint need not at every start ---- */

static const char **patterns; /* each distinct pattern, built_<i> in the output */
static size_t pattern_count;

static void collect(const char *pattern)
{
	const char **grown;

	if (!pattern)
		return;
	for (size_t i = 0; i < pattern_count; i++)
		if (strcmp(patterns[i], pattern) == 0)
			return;
	grown = realloc(patterns, (pattern_count + 1) * sizeof *patterns);
	if (!grown) {
		fputs("rules-compile: out of memory\n", stderr);
		exit(1);
	}
	patterns = grown;
	patterns[pattern_count++] = pattern;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every pattern of the rules and of the code, sorted as regex_use_built
 * wants them. */
static void collect_patterns(const struct model *model)
{
	struct regex *const *const code[] = { scalar_regexes, timestamp_regexes, cross_regexes };

	for (size_t i = 0; i < model->pattern_count; i++) {
		collect(model->patterns[i].chars.pattern);
		collect(model->patterns[i].first.pattern);
		collect(model->patterns[i].last.pattern);
	}
	for (size_t i = 0; i < model->shape_count; i++)
		if (model->shapes[i].pattern)
			collect(model->shapes[i].regex.pattern);
	for (size_t list = 0; list < sizeof code / sizeof code[0]; list++)
		for (struct regex *const *regex = code[list]; *regex; regex++)
			collect((*regex)->pattern);
	qsort(patterns, pattern_count, sizeof *patterns, by_text);
}

/* Each pattern compiled, in PCRE2's serialized form, and the table of them
 * that rules_use_embedded installs. A pattern that does not compile is
 * left out, to fail at run time, where the failure is reported. */
static size_t print_built(void)
{
	size_t count = 0;
	unsigned char *bytes;
	size_t size;

	for (size_t i = 0; i < pattern_count; i++) {
		if (!regex_build(patterns[i], &bytes, &size)) {
			patterns[i] = NULL;
			continue;
		}
		/* PCRE2 reads the bytes through a struct of 32-bit fields. */
		printf("static _Alignas(8) const unsigned char built_%zu[%zu] = {", i, size);
		for (size_t b = 0; b < size; b++)
			printf("%s%u,", b % 16 ? " " : "\n\t", bytes[b]);
		puts("\n};");
		regex_free_built(bytes);
		count++;
	}
	printf("\nstatic const struct regex_built built[%zu] = {\n", count);
	for (size_t i = 0; i < pattern_count; i++) {
		if (!patterns[i])
			continue;
		fputs("\t{ ", stdout);
		literal(patterns[i]);
		printf(", built_%zu },\n", i);
	}
	puts("};\n");
	return count;
}

static void print_patterns(const struct model *model)
{
	if (!model->pattern_count)
		return;
	printf("static struct pattern_words patterns[%zu] = {\n", model->pattern_count);
	for (size_t i = 0; i < model->pattern_count; i++) {
		const struct pattern_words *words = &model->patterns[i];
		fputs("\t{\n\t\t.pattern = ", stdout);
		literal(words->pattern);
		fputs(",\n\t\t.means = ", stdout);
		literal(words->means);
		fputs(",\n\t\t.chars = REGEX_INIT(", stdout);
		optional_literal(words->chars.pattern);
		fputs("),\n\t\t.holds = ", stdout);
		optional_literal(words->holds);
		fputs(",\n\t\t.first = REGEX_INIT(", stdout);
		optional_literal(words->first.pattern);
		fputs("),\n\t\t.last = REGEX_INIT(", stdout);
		optional_literal(words->last.pattern);
		fputs("),\n\t\t.bound = ", stdout);
		optional_literal(words->bound);
		printf(",\n\t\t.mend = %s,\n\t},\n",
		       words->mend == PATTERN_MEND_HYPHENS ? "PATTERN_MEND_HYPHENS"
							   : "PATTERN_MEND_NONE");
	}
	puts("};\n");
}

static size_t index_of(const struct model *model, const struct shape *shape)
{
	return (size_t)(shape - model->shapes);
}

/* The arrays a shape points to, before the shapes themselves. */
static void print_shape_parts(const struct model *model, size_t i)
{
	const struct shape *shape = &model->shapes[i];

	if (shape->enum_count) {
		printf("static const char *enum_%zu[] = {\n", i);
		for (size_t v = 0; v < shape->enum_count; v++) {
			putchar('\t');
			literal(shape->enum_values[v]);
			puts(",");
		}
		puts("};");
	}
	if (shape->member_count) {
		printf("static struct shape_member members_%zu[] = {\n", i);
		for (size_t m = 0; m < shape->member_count; m++) {
			const struct shape_member *member = &shape->members[m];
			putchar('\t');
			putchar('{');
			literal(member->name);
			printf(", &shapes[%zu], %s, %s, %s },\n", index_of(model, member->shape),
			       member->required ? "true" : "false",
			       member->read_only ? "true" : "false",
			       member->optional_in_schema ? "true" : "false");
		}
		puts("};");
	}
}

static void print_shape(const struct model *model, size_t i)
{
	const struct shape *shape = &model->shapes[i];

	printf("\t{\n\t\t.name = ");
	literal(shape->name);
	printf(",\n\t\t.type = %s,\n", type_names[shape->type]);
	if (shape->has_min)
		printf("\t\t.has_min = true,\n\t\t.min = %lldLL,\n", shape->min);
	if (shape->has_max)
		printf("\t\t.has_max = true,\n\t\t.max = %lldLL,\n", shape->max);
	if (shape->pattern) {
		fputs("\t\t.pattern = ", stdout);
		literal(shape->pattern);
		fputs(",\n\t\t.regex = REGEX_INIT(", stdout);
		literal(shape->regex.pattern);
		fputs("),\n", stdout);
		printf("\t\t.words = &patterns[%zu],\n",
		       (size_t)(shape->words - model->patterns));
	}
	if (shape->enum_count)
		printf("\t\t.enum_values = enum_%zu,\n\t\t.enum_count = %zu,\n", i,
		       shape->enum_count);
	if (shape->member_count)
		printf("\t\t.members = members_%zu,\n\t\t.member_count = %zu,\n", i,
		       shape->member_count);
	if (shape->member)
		printf("\t\t.member = &shapes[%zu],\n", index_of(model, shape->member));
	if (shape->key)
		printf("\t\t.key = &shapes[%zu],\n\t\t.value = &shapes[%zu],\n",
		       index_of(model, shape->key), index_of(model, shape->value));
	puts("\t},");
}

/* The members of neighbouring APIs, after the shapes they may name. */
static void print_aliases(const struct model *model)
{
	if (!model->alias_count)
		return;
	printf("static const struct member_alias aliases[%zu] = {\n", model->alias_count);
	for (size_t i = 0; i < model->alias_count; i++) {
		const struct member_alias *alias = &model->aliases[i];
		fputs("\t{\n\t\t.name = ", stdout);
		literal(alias->name);
		fputs(",\n\t\t.in_name = ", stdout);
		optional_literal(alias->in_name);
		if (alias->in)
			printf(",\n\t\t.in = &shapes[%zu]", index_of(model, alias->in));
		fputs(",\n\t\t.meant = ", stdout);
		literal(alias->meant);
		fputs(",\n\t\t.from = ", stdout);
		literal(alias->from);
		puts(",\n\t},");
	}
	puts("};\n");
}

static void print_model(const struct model *model)
{
	print_patterns(model);
	printf("static struct shape shapes[%zu];\n\n", model->shape_count);
	for (size_t i = 0; i < model->shape_count; i++)
		print_shape_parts(model, i);
	printf("\nstatic struct shape shapes[%zu] = {\n", model->shape_count);
	for (size_t i = 0; i < model->shape_count; i++)
		print_shape(model, i);
	puts("};\n");
	print_aliases(model);
	printf("static const struct model model = {\n\t.shapes = shapes,\n\t.shape_count = %zu,"
	       "\n\t.requests = {", model->shape_count);
	for (int op = 0; op < OPERATION_COUNT; op++)
		printf(" &shapes[%zu],", index_of(model, model->requests[op]));
	printf(" },\n\t.current = &shapes[%zu],\n\t.resource_type = ",
	       index_of(model, model->current));
	literal(model->resource_type);
	printf(",\n\t.resource = &shapes[%zu],\n\t.source = ", index_of(model, model->resource));
	literal(model->source);
	if (model->pattern_count)
		printf(",\n\t.patterns = patterns,\n\t.pattern_count = %zu", model->pattern_count);
	if (model->alias_count)
		printf(",\n\t.aliases = aliases,\n\t.alias_count = %zu", model->alias_count);
	puts(",\n};\n");
}

int main(int argc, char **argv)
{
	char *error = NULL;

	if (argc != 2) {
		fputs("usage: rules-compile RULES-DIR > rules_data.c\n", stderr);
		return 2;
	}
	if (!rules_files_load(argv[1], &error)) {
		fprintf(stderr, "rules-compile: %s\n", error ? error : "out of memory");
		free(error);
		return 1;
	}
	puts("/* Generated from rules/catalog.yaml and rules/shapes.json by\n"
	     " * src/tools/rules_compile.c; do not edit. */\n"
	     "#include <stdbool.h>\n\n"
	     "#include \"base/regex.h\"\n"
	     "#include \"rules/model.h\"\n"
	     "#include \"rules/rules.h\"\n");
	print_rules();
	print_model(model_get());
	collect_patterns(model_get());
	size_t built_count = print_built();
	printf("void rules_use_embedded(void)\n{\n\trules_install(rules, &model);\n"
	       "\tregex_use_built(built, %zu);\n}\n", built_count);
	rules_files_release();
	free(patterns);
	return ferror(stdout) || fflush(stdout) != 0;
}
