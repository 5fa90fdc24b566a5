/* Makes the program's list of rules from rules/catalog.yaml, run by the
 * build before anything else is compiled:
 *
 *   rule-list rules/catalog.yaml > src/rules/rule_list.h
 *
 * Each entry becomes RULE(ID, "CODE", "name"), ID being the name in upper
 * case with underscores (duplicate-key: RULE_DUPLICATE_KEY), so that the
 * catalog is the one place where a rule's code, name and identifier are
 * written. Everything else (enum rule_id, the name table, what the checks
 * raise) is built from this list. It reads the catalog with libfyaml
 * alone: the program's own loader needs the list to compile.
 * rules-compile reads the whole catalog later, with the program's loader,
 * and checks the rest of every entry. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <libfyaml.h>

/* The scalar text of a mapping's member, NUL-terminated in buffer. */
static const char *member_text(struct fy_node *entry, const char *key, char *buffer,
			       size_t size)
{
	struct fy_node *value = fy_node_mapping_lookup_by_string(entry, key, FY_NT);
	size_t len = 0;
	const char *text = value && fy_node_is_scalar(value)
		? fy_node_get_scalar(value, &len) : NULL;

	if (!text || len == 0 || len >= size)
		return NULL;
	memcpy(buffer, text, len);
	buffer[len] = '\0';
	return buffer;
}

/* A code is IE and three digits; a name is lowercase words joined by '-'. */
static bool valid(const char *code, const char *name)
{
	if (strlen(code) != 5 || strncmp(code, "IE", 2) != 0 ||
	    strspn(code + 2, "0123456789") != 3)
		return false;
	if (name[0] == '-' || name[strlen(name) - 1] == '-' || strstr(name, "--"))
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(name);
}

static void print_identifier(const char *name)
{
	for (const char *p = name; *p; p++)
		putchar(*p == '-' ? '_' : *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
}

int main(int argc, char **argv)
{
	struct fy_parse_cfg cfg = { .flags = FYPCF_QUIET };
	struct fy_document *doc;
	struct fy_node *rules;
	void *iter = NULL;
	struct fy_node *entry;
	char previous[16] = "";
	int count = 0;

	if (argc != 2) {
		fputs("usage: rule-list CATALOG.yaml > rule_list.h\n", stderr);
		return 2;
	}
	doc = fy_document_build_from_file(&cfg, argv[1]);
	rules = doc ? fy_node_mapping_lookup_by_string(fy_document_root(doc), "rules", FY_NT)
		    : NULL;
	if (!rules || !fy_node_is_sequence(rules)) {
		fprintf(stderr, "rule-list: %s: no list 'rules'\n", argv[1]);
		fy_document_destroy(doc);
		return 1;
	}
	printf("/* Generated from rules/catalog.yaml by src/tools/rule_list.c; do not\n"
	       " * edit. RULE(ID, CODE, NAME) for each rule, in the catalog's order. */\n");
	while ((entry = fy_node_sequence_iterate(rules, &iter)) != NULL) {
		char code[16], name[64];
		if (!member_text(entry, "code", code, sizeof code) ||
		    !member_text(entry, "name", name, sizeof name) || !valid(code, name)) {
			fprintf(stderr, "rule-list: %s: rule %d needs a code IEnnn and a "
				"kebab-case name\n", argv[1], count + 1);
			fy_document_destroy(doc);
			return 1;
		}
		/* Codes in order: diagnostics sort by rule, as by code. */
		if (strcmp(code, previous) <= 0) {
			fprintf(stderr, "rule-list: %s: %s comes after %s; keep the codes in "
				"order\n", argv[1], code, previous);
			fy_document_destroy(doc);
			return 1;
		}
		strcpy(previous, code);
		fputs("RULE(", stdout);
		print_identifier(name);
		printf(", \"%s\", \"%s\")\n", code, name);
		count++;
	}
	fy_document_destroy(doc);
	return ferror(stdout) || fflush(stdout) != 0;
}
