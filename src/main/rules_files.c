/* Reads a rules directory (catalog.yaml and shapes.json), for --rules-dir
 * and for rules-compile, which builds the embedded copy from rules/ with
 * this same code: the two can never disagree about what the files mean. */
#include "rules_files.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "load/load.h"
#include "rules/model.h"
#include "rules/rules.h"

/* What was read, for the run: the tables point into these documents. */
static struct {
	struct source catalog_source, shapes_source;
	struct document catalog_document, shapes_document;
	struct rule rules[RULE_COUNT];
	struct model model;
	bool loaded;
} files;

static const struct document_kind rules_file = { "a rules file", "its entries", "rules" };

/* ---- reading a data file ------------------------------------------------ */

static void data_file_free(struct source *src, struct document *doc)
{
	document_free(doc);
	if (src->owned)
		free((char *)src->name);
	source_free(src);
	src->name = NULL;
}

/* DIR/NAME read and loaded as `format`; any problem becomes one message
 * "FILE[:LINE:COL]: text" in *error. On success the source (named by a
 * path it owns) and the document are the caller's. */
static bool data_file_load(const char *dir, const char *name, enum input_format format,
			   struct source *src, struct document *doc, char **error)
{
	char *path = format_alloc("%s/%s", dir, name);
	const char *why = "file too large";
	struct diag_list diags;
	bool ok;

	memset(doc, 0, sizeof *doc);
	*error = NULL;
	if (!path)
		return false;
	if (source_read(src, path, LOAD_MAX_DATA_FILE, &why) != SOURCE_OK) {
		*error = format_alloc("%s: cannot read it: %s", path, why);
		free(path);
		return false;
	}
	diag_list_init(&diags);
	ok = load_document(doc, src, format, &rules_file, &diags) && diags.count == 0;
	if (!ok) {
		const struct diag *first = diags.count ? &diags.items[0] : NULL;
		*error = first ? format_alloc("%s:%d:%d: %s", path, first->span.line,
					      first->span.column, first->message)
			       : format_alloc("%s: cannot be loaded", path);
		data_file_free(src, doc);
	}
	diag_list_free(&diags);
	return ok;
}

/* ---- the catalog --------------------------------------------------------- */

__attribute__((format(printf, 2, 3)))
static bool fail(char **error, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	*error = format_allocv(format, args);
	va_end(args);
	return false;
}

static const char *string_member(const struct node *entry, const char *name)
{
	const struct node *value = node_member(entry, name);

	return node_is_string(value) ? value->scalar.text : NULL;
}

/* Reads one catalog entry into the slot of the rule it names. Entries for
 * rules this program does not raise are skipped, so a newer catalog given
 * with --rules-dir still loads. */
/* A set of names, such as "operations: [create, update]", as bits
 * (1 << the value parse gives); all when the entry names none. */
struct name_set {
	const char *field;
	bool (*parse)(const char *text, unsigned *bit);
	unsigned all;
	const char *choices; /* for the message */
};

static bool parse_operation_bit(const char *text, unsigned *bit)
{
	enum operation op;

	if (!operation_parse(text, &op))
		return false;
	*bit = OPERATION_BIT(op);
	return true;
}

static bool parse_kind_bit(const char *text, unsigned *bit)
{
	enum kind_id kind;

	if (!kind_parse(text, &kind))
		return false;
	*bit = KIND_BIT(kind);
	return true;
}

static const struct name_set operations_set = { "operations", parse_operation_bit,
						OPERATIONS_ALL, "create, update or stop" };
static const struct name_set kinds_set = { "kinds", parse_kind_bit, KINDS_ALL,
					   "request, cloudformation or terraform" };

static bool read_set(const char *file, const struct node *entry, const struct name_set *set,
		     unsigned *bits, char **error)
{
	const struct node *list = node_member(entry, set->field);

	*bits = set->all;
	if (!list)
		return true;
	if (list->kind != NODE_SEQUENCE || list->sequence.count == 0)
		return fail(error, "%s:%d:%d: %s must be a list of %s", file, list->span.line,
			    list->span.column, set->field, set->choices);
	*bits = 0;
	for (size_t i = 0; i < list->sequence.count; i++) {
		const struct node *item = list->sequence.items[i];
		unsigned bit;
		if (!node_is_string(item) || !set->parse(item->scalar.text, &bit))
			return fail(error, "%s:%d:%d: unknown name in %s; use %s", file,
				    item->span.line, item->span.column, set->field, set->choices);
		*bits |= bit;
	}
	return true;
}

static bool read_entry(const char *file, const struct node *entry,
		       struct rule *rules, bool *seen, char **error)
{
	static const char *const fields[] = { "code", "name", "severity",
					      "summary", "help", "wrong", "right" };
	const char *text[7];

	if (entry->kind != NODE_MAPPING)
		return fail(error, "%s:%d:%d: a rule must be a mapping", file,
			    entry->span.line, entry->span.column);
	for (size_t i = 0; i < 7; i++) {
		text[i] = string_member(entry, fields[i]);
		if (!text[i])
			return fail(error, "%s:%d:%d: the rule needs a string '%s'", file,
				    entry->span.line, entry->span.column, fields[i]);
	}
	enum rule_id id;
	if (rule_by_name(text[1], &id)) {
		struct rule *rule = &rules[id];
		if (seen[id])
			return fail(error, "%s:%d:%d: the rule %s is listed twice", file,
				    entry->span.line, entry->span.column, text[1]);
		if (!severity_parse(text[2], &rule->severity))
			return fail(error, "%s:%d:%d: unknown severity '%s'", file,
				    entry->span.line, entry->span.column, text[2]);
		rule->code = text[0];
		rule->name = text[1];
		rule->summary = text[3];
		rule->help = text[4];
		rule->wrong = text[5];
		rule->right = text[6];
		if (!read_set(file, entry, &operations_set, &rule->operations, error) ||
		    !read_set(file, entry, &kinds_set, &rule->kinds, error))
			return false;
		seen[id] = true;
	}
	return true;
}

static bool read_catalog(const char *file, const struct node *root,
			 struct rule *rules, char **error)
{
	const struct node *list = node_member(root, "rules");
	bool seen[RULE_COUNT] = { false };

	if (!list || list->kind != NODE_SEQUENCE)
		return fail(error, "%s: the catalog needs a list 'rules'", file);
	for (size_t i = 0; i < list->sequence.count; i++)
		if (!read_entry(file, list->sequence.items[i], rules, seen, error))
			return false;
	for (int id = 0; id < RULE_COUNT; id++)
		if (!seen[id])
			return fail(error, "%s: the catalog lacks the rule %s", file,
				    rule_get((enum rule_id)id)->name);
	return true;
}

/* ---- the patterns in words ---------------------------------------------- */

static struct regex optional_class(const struct node *entry, const char *name)
{
	return (struct regex)REGEX_INIT(string_member(entry, name));
}

static bool read_pattern_words(const char *file, const struct node *entry,
			       struct pattern_words *words, char **error)
{
	const char *mend;

	if (entry->kind != NODE_MAPPING || !string_member(entry, "pattern") ||
	    !string_member(entry, "means"))
		return fail(error, "%s:%d:%d: a pattern needs a string 'pattern' and a "
			    "string 'means'", file, entry->span.line, entry->span.column);
	words->pattern = string_member(entry, "pattern");
	words->means = string_member(entry, "means");
	words->chars = optional_class(entry, "chars");
	words->holds = string_member(entry, "holds");
	words->first = optional_class(entry, "first");
	words->last = optional_class(entry, "last");
	words->bound = string_member(entry, "bound");
	mend = string_member(entry, "mend");
	words->mend = PATTERN_MEND_NONE;
	if (mend && strcmp(mend, "hyphens") == 0)
		words->mend = PATTERN_MEND_HYPHENS;
	else if (mend)
		return fail(error, "%s:%d:%d: unknown mend '%s'; use hyphens", file,
			    entry->span.line, entry->span.column, mend);
	return true;
}

/* "patterns": each pattern of the shapes in words, for pattern-mismatch. */
static bool read_patterns(const char *file, struct document *doc, struct model *model,
			  char **error)
{
	const struct node *list = node_member(doc->root, "patterns");

	if (!list || list->kind != NODE_SEQUENCE)
		return fail(error, "%s: the catalog needs a list 'patterns'", file);
	model->pattern_count = list->sequence.count;
	model->patterns = model->pattern_count
		? arena_alloc(&doc->arena, model->pattern_count * sizeof *model->patterns)
		: NULL;
	if (model->pattern_count && !model->patterns)
		return fail(error, "%s: out of memory", file);
	for (size_t i = 0; i < model->pattern_count; i++) {
		struct pattern_words *words = &model->patterns[i];
		if (!read_pattern_words(file, list->sequence.items[i], words, error))
			return false;
		for (size_t j = 0; j < i; j++)
			if (strcmp(model->patterns[j].pattern, words->pattern) == 0)
				return fail(error, "%s:%d:%d: the pattern %s is listed twice",
					    file, list->sequence.items[i]->span.line,
					    list->sequence.items[i]->span.column, words->pattern);
	}
	return true;
}

/* ---- the members of neighbouring APIs ------------------------------------ */

static bool read_alias(const char *file, const struct node *entry,
		       struct member_alias *alias, char **error)
{
	if (entry->kind != NODE_MAPPING || !string_member(entry, "member") ||
	    !string_member(entry, "meant") || !string_member(entry, "from"))
		return fail(error, "%s:%d:%d: an alias needs a string 'member', 'meant' and "
			    "'from'", file, entry->span.line, entry->span.column);
	alias->name = string_member(entry, "member");
	alias->in_name = string_member(entry, "in");
	alias->meant = string_member(entry, "meant");
	alias->from = string_member(entry, "from");
	if (node_member(entry, "in") && !alias->in_name)
		return fail(error, "%s:%d:%d: 'in' must name a shape", file,
			    entry->span.line, entry->span.column);
	return true;
}

/* "aliases": optional; the shapes they name are found once the shapes are
 * read (find_alias_shapes). */
static bool read_aliases(const char *file, struct document *doc, struct model *model,
			 char **error)
{
	const struct node *list = node_member(doc->root, "aliases");
	struct member_alias *aliases;

	model->aliases = NULL;
	model->alias_count = 0;
	if (!list)
		return true;
	if (list->kind != NODE_SEQUENCE)
		return fail(error, "%s:%d:%d: aliases must be a list", file, list->span.line,
			    list->span.column);
	if (list->sequence.count == 0)
		return true;
	aliases = arena_alloc(&doc->arena, list->sequence.count * sizeof *aliases);
	if (!aliases)
		return fail(error, "%s: out of memory", file);
	memset(aliases, 0, list->sequence.count * sizeof *aliases);
	for (size_t i = 0; i < list->sequence.count; i++)
		if (!read_alias(file, list->sequence.items[i], &aliases[i], error))
			return false;
	model->aliases = aliases;
	model->alias_count = list->sequence.count;
	return true;
}

/* ---- the shapes ---------------------------------------------------------- */

struct reader {
	const char *file;
	struct document *doc;
	struct model *model;
	char **error;
};

__attribute__((format(printf, 3, 4)))
static bool fail_at(struct reader *rd, const struct node *node, const char *format, ...)
{
	va_list args;
	char *message;

	va_start(args, format);
	message = format_allocv(format, args);
	va_end(args);
	if (node)
		*rd->error = format_alloc("%s:%d:%d: %s", rd->file, node->span.line,
					  node->span.column, message ? message : "");
	else
		*rd->error = format_alloc("%s: %s", rd->file, message ? message : "");
	free(message);
	return false;
}

static void *allocate(struct reader *rd, size_t count, size_t size)
{
	void *memory = count ? arena_alloc(&rd->doc->arena, count * size) : NULL;

	if (memory)
		memset(memory, 0, count * size);
	return memory;
}

static int compare_shape_names(const void *a, const void *b)
{
	return strcmp(((const struct shape *)a)->name, ((const struct shape *)b)->name);
}

static struct shape *find_shape(const struct model *model, const char *name)
{
	struct shape key = { .name = name };

	return bsearch(&key, model->shapes, model->shape_count, sizeof key,
		       compare_shape_names);
}

static bool shape_reference(struct reader *rd, const struct node *node,
			    struct shape **shape)
{
	if (!node_is_string(node))
		return fail_at(rd, node, "a shape name must be a string");
	*shape = find_shape(rd->model, node->scalar.text);
	if (!*shape)
		return fail_at(rd, node, "no shape is named \"%s\"", node->scalar.text);
	return true;
}

static bool read_bound(struct reader *rd, const struct node *value,
		       bool *has, long long *bound)
{
	if (!value)
		return true;
	if (value->kind != NODE_SCALAR || value->scalar.type != SCALAR_INT ||
	    value->scalar.int_overflow)
		return fail_at(rd, value, "a bound must be an integer");
	*has = true;
	*bound = value->scalar.int_value;
	return true;
}

static const struct {
	const char *name;
	enum shape_type type;
} type_names[] = {
	{ "string", SHAPE_STRING },
	{ "integer", SHAPE_INTEGER },
	{ "timestamp", SHAPE_TIMESTAMP },
	{ "structure", SHAPE_STRUCTURE },
	{ "list", SHAPE_LIST },
	{ "map", SHAPE_MAP },
};

static enum shape_type shape_type_of(const char *name)
{
	for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++)
		if (strcmp(type_names[i].name, name) == 0)
			return type_names[i].type;
	return SHAPE_OTHER;
}

/* The service model writes patterns for Java, where '.' matches anything
 * but the line terminators \n, \r, U+0085, U+2028 and U+2029. No PCRE2
 * newline convention has exactly that set, so each '.' outside a character
 * class is spelled out as the class it means. */
static char *java_to_pcre2(struct reader *rd, const char *pattern)
{
	static const char any[] = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";
	size_t len = strlen(pattern);
	char *out = allocate(rd, len * (sizeof any) + 1, 1);
	size_t at = 0;
	bool in_class = false;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		char c = pattern[i];
		if (c == '\\' && i + 1 < len) {
			out[at++] = c;
			out[at++] = pattern[++i];
			continue;
		}
		if (c == '.' && !in_class) {
			memcpy(out + at, any, sizeof any - 1);
			at += sizeof any - 1;
			continue;
		}
		if (c == '[')
			in_class = true;
		else if (c == ']')
			in_class = false;
		out[at++] = c;
	}
	out[at] = '\0';
	return out;
}

static bool read_strings(struct reader *rd, const struct node *list,
			 const char ***strings, size_t *count)
{
	if (!list)
		return true;
	if (list->kind != NODE_SEQUENCE)
		return fail_at(rd, list, "expected a list of strings");
	*count = list->sequence.count;
	*strings = allocate(rd, *count, sizeof **strings);
	if (*count && !*strings)
		return fail_at(rd, list, "out of memory");
	for (size_t i = 0; i < *count; i++) {
		const struct node *item = list->sequence.items[i];
		if (!node_is_string(item))
			return fail_at(rd, item, "expected a string");
		(*strings)[i] = item->scalar.text;
	}
	return true;
}

/* The lists of members a structure marks, and the flag each sets. */
enum member_mark { MARK_REQUIRED, MARK_READ_ONLY, MARK_OPTIONAL_IN_SCHEMA };

static const char *const mark_names[] = {
	[MARK_REQUIRED] = "required",
	[MARK_READ_ONLY] = "read-only",
	[MARK_OPTIONAL_IN_SCHEMA] = "optional-in-schema",
};

/* Marks the members that the shape's list of this mark names. */
static bool mark_members(struct reader *rd, struct shape *shape, const struct node *node,
			 enum member_mark mark)
{
	const struct node *list = node_member(node, mark_names[mark]);
	const char **names = NULL;
	size_t count = 0;

	if (!read_strings(rd, list, &names, &count))
		return false;
	for (size_t i = 0; i < count; i++) {
		struct shape_member *member = (struct shape_member *)
			shape_find_member(shape, names[i], strlen(names[i]));
		if (!member)
			return fail_at(rd, list, "%s member %s is not a member",
				       mark_names[mark], names[i]);
		if (mark == MARK_REQUIRED)
			member->required = true;
		else if (mark == MARK_READ_ONLY)
			member->read_only = true;
		else if (member->required)
			member->optional_in_schema = true;
		else
			return fail_at(rd, list, "member %s is optional in the schema but "
				       "not required", names[i]);
	}
	return true;
}

static bool read_members(struct reader *rd, struct shape *shape, const struct node *node,
			 const struct node *members)
{
	if (members->kind != NODE_SEQUENCE)
		return fail_at(rd, members, "members must be a list of [name, shape] pairs");
	shape->member_count = members->sequence.count;
	shape->members = allocate(rd, shape->member_count, sizeof *shape->members);
	if (shape->member_count && !shape->members)
		return fail_at(rd, members, "out of memory");
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct node *pair = members->sequence.items[i];
		struct shape_member *member = &shape->members[i];
		if (pair->kind != NODE_SEQUENCE || pair->sequence.count != 2 ||
		    !node_is_string(pair->sequence.items[0]))
			return fail_at(rd, pair, "a member must be a [name, shape] pair");
		member->name = pair->sequence.items[0]->scalar.text;
		if (!shape_reference(rd, pair->sequence.items[1], &member->shape))
			return false;
	}
	return mark_members(rd, shape, node, MARK_REQUIRED) &&
	       mark_members(rd, shape, node, MARK_READ_ONLY) &&
	       mark_members(rd, shape, node, MARK_OPTIONAL_IN_SCHEMA);
}

static bool read_shape(struct reader *rd, struct shape *shape, const struct node *node)
{
	const struct node *type = node_member(node, "type");
	const struct node *pattern = node_member(node, "pattern");
	const struct node *members = node_member(node, "members");
	const struct node *member = node_member(node, "member");
	const struct node *key = node_member(node, "key");
	const struct node *value = node_member(node, "value");

	if (node->kind != NODE_MAPPING || !node_is_string(type))
		return fail_at(rd, node, "shape %s needs a string \"type\"", shape->name);
	shape->type = shape_type_of(type->scalar.text);
	if (!read_bound(rd, node_member(node, "min"), &shape->has_min, &shape->min) ||
	    !read_bound(rd, node_member(node, "max"), &shape->has_max, &shape->max) ||
	    !read_strings(rd, node_member(node, "enum"), &shape->enum_values,
			  &shape->enum_count))
		return false;
	if (pattern) {
		if (!node_is_string(pattern))
			return fail_at(rd, pattern, "a pattern must be a string");
		shape->pattern = pattern->scalar.text;
		shape->regex = (struct regex)REGEX_INIT(java_to_pcre2(rd, shape->pattern));
		if (!shape->regex.pattern)
			return fail_at(rd, pattern, "out of memory");
	}
	if (shape->type == SHAPE_STRUCTURE && members &&
	    !read_members(rd, shape, node, members))
		return false;
	if (shape->type == SHAPE_LIST) {
		if (!member)
			return fail_at(rd, node, "list shape %s needs a \"member\"", shape->name);
		if (!shape_reference(rd, member, &shape->member))
			return false;
	}
	if (shape->type == SHAPE_MAP) {
		if (!key || !value)
			return fail_at(rd, node, "map shape %s needs a \"key\" and a \"value\"",
				       shape->name);
		if (!shape_reference(rd, key, &shape->key) ||
		    !shape_reference(rd, value, &shape->value))
			return false;
	}
	return true;
}

/* "requests": the request shape of each operation, by its name. */
static bool read_requests(struct reader *rd, const struct node *root)
{
	const struct node *requests = node_member(root, "requests");

	if (!requests || requests->kind != NODE_MAPPING)
		return fail_at(rd, root, "the file needs a mapping \"requests\"");
	for (int op = 0; op < OPERATION_COUNT; op++) {
		const struct node *name = node_member(requests, operation_name((enum operation)op));
		if (!name)
			return fail_at(rd, requests, "no request shape for %s",
				       operation_name((enum operation)op));
		if (!shape_reference(rd, name, &rd->model->requests[op]))
			return false;
	}
	return true;
}

/* "resource": the CloudFormation resource type and the shape of its
 * properties. */
static bool read_resource(struct reader *rd, const struct node *root)
{
	const struct node *resource = node_member(root, "resource");
	const struct node *type = node_member(resource, "type");

	if (!resource || resource->kind != NODE_MAPPING || !node_is_string(type))
		return fail_at(rd, resource ? resource : root,
			       "the file needs a mapping \"resource\" with a \"type\"");
	rd->model->resource_type = type->scalar.text;
	return shape_reference(rd, node_member(resource, "shape"), &rd->model->resource);
}

static bool read_model(struct reader *rd, const struct node *root)
{
	const struct node *shapes = node_member(root, "shapes");
	const struct node *current = node_member(root, "current");
	const struct node *source = node_member(root, "source");
	struct model *model = rd->model;

	if (!shapes || shapes->kind != NODE_MAPPING)
		return fail_at(rd, root, "the file needs a mapping \"shapes\"");
	model->shape_count = shapes->mapping.count;
	model->shapes = allocate(rd, model->shape_count, sizeof *model->shapes);
	if (!model->shapes)
		return fail_at(rd, shapes, "no shapes");
	for (size_t i = 0; i < model->shape_count; i++)
		model->shapes[i].name = shapes->mapping.pairs[i].key->scalar.text;
	/* Sorted by name, so that references resolve by binary search. The
	 * mapping's pairs keep the source order, so look values up by name. */
	qsort(model->shapes, model->shape_count, sizeof *model->shapes,
	      compare_shape_names);
	for (size_t i = 0; i < model->shape_count; i++) {
		struct shape *shape = &model->shapes[i];
		if (!read_shape(rd, shape, node_member(shapes, shape->name)))
			return false;
	}
	model->source = node_is_string(source) ? source->scalar.text : "";
	return read_requests(rd, root) && shape_reference(rd, current, &model->current) &&
	       read_resource(rd, root);
}

/* Gives each shape's pattern its words: a pattern the catalog does not put
 * in words (a new one from a newer service model) is an error, so that no
 * message ever falls back to the regular expression. */
static bool find_words(struct reader *rd)
{
	struct model *model = rd->model;

	for (size_t i = 0; i < model->shape_count; i++) {
		struct shape *shape = &model->shapes[i];
		for (size_t p = 0; shape->pattern && !shape->words && p < model->pattern_count; p++)
			if (strcmp(model->patterns[p].pattern, shape->pattern) == 0)
				shape->words = &model->patterns[p];
		if (shape->pattern && !shape->words)
			return fail_at(rd, NULL, "the pattern of %s, %s, is not among the "
				       "catalog's patterns; put it in words there", shape->name,
				       shape->pattern);
	}
	return true;
}

static bool is_member_of_any(const struct model *model, const char *name)
{
	for (size_t i = 0; i < model->shape_count; i++)
		if (shape_find_member(&model->shapes[i], name, strlen(name)))
			return true;
	return false;
}

/* Gives each alias the shape it is written in, and checks that it can be
 * of use: the member meant exists, and the alias is no member of its
 * shape, where it would never be unknown. */
static bool find_alias_shapes(struct reader *rd)
{
	struct model *model = rd->model;

	for (size_t i = 0; i < model->alias_count; i++) {
		struct member_alias *alias = (struct member_alias *)&model->aliases[i];
		if (alias->in_name && !(alias->in = find_shape(model, alias->in_name)))
			return fail_at(rd, NULL, "the alias %s is in %s, which is no shape",
				       alias->name, alias->in_name);
		if (alias->in && shape_find_member(alias->in, alias->name, strlen(alias->name)))
			return fail_at(rd, NULL, "the alias %s is a member of %s", alias->name,
				       alias->in_name);
		if (!is_member_of_any(model, alias->meant))
			return fail_at(rd, NULL, "the alias %s means %s, which is no member",
				       alias->name, alias->meant);
	}
	return true;
}

static bool compile_class(struct reader *rd, const struct pattern_words *words,
			  struct regex *class, const char *name)
{
	char message[256];

	if (!class->pattern || regex_compile(class, message, sizeof message))
		return true;
	return fail_at(rd, NULL, "the %s of the pattern %s does not compile: %s", name,
		       words->pattern, message);
}

static bool compile_patterns(struct reader *rd)
{
	char message[256];

	for (size_t i = 0; i < rd->model->shape_count; i++) {
		struct shape *shape = &rd->model->shapes[i];
		if (shape->pattern && !regex_compile(&shape->regex, message, sizeof message))
			return fail_at(rd, NULL, "the pattern of %s does not compile: %s",
				       shape->name, message);
	}
	for (size_t i = 0; i < rd->model->pattern_count; i++) {
		struct pattern_words *words = &rd->model->patterns[i];
		if (!compile_class(rd, words, &words->chars, "chars") ||
		    !compile_class(rd, words, &words->first, "first") ||
		    !compile_class(rd, words, &words->last, "last"))
			return false;
	}
	return true;
}

static void release_patterns(struct model *model)
{
	for (size_t i = 0; i < model->shape_count; i++)
		regex_release(&model->shapes[i].regex);
	for (size_t i = 0; i < model->pattern_count; i++) {
		regex_release(&model->patterns[i].chars);
		regex_release(&model->patterns[i].first);
		regex_release(&model->patterns[i].last);
	}
}

/* ---- both ----------------------------------------------------------------- */

static bool read_shapes_file(const char *dir, struct source *source,
			     struct document *document, struct model *model, char **error)
{
	if (!data_file_load(dir, "shapes.json", INPUT_JSON, source, document, error))
		return false;
	struct reader rd = { source->name, document, model, error };
	if (read_model(&rd, document->root) && compile_patterns(&rd) && find_words(&rd) &&
	    find_alias_shapes(&rd))
		return true;
	release_patterns(model);
	data_file_free(source, document);
	return false;
}

static bool read_catalog_file(const char *dir, struct source *source,
			      struct document *document, struct rule *rules,
			      struct model *model, char **error)
{
	if (!data_file_load(dir, "catalog.yaml", INPUT_YAML, source, document, error))
		return false;
	if (read_catalog(source->name, document->root, rules, error) &&
	    read_patterns(source->name, document, model, error) &&
	    read_aliases(source->name, document, model, error))
		return true;
	data_file_free(source, document);
	return false;
}

bool rules_files_load(const char *dir, char **error)
{
	struct source catalog_source, shapes_source;
	struct document catalog_document, shapes_document;
	struct rule rules[RULE_COUNT];
	struct model model = { 0 };

	if (!read_catalog_file(dir, &catalog_source, &catalog_document, rules, &model, error))
		return false;
	if (!read_shapes_file(dir, &shapes_source, &shapes_document, &model, error)) {
		data_file_free(&catalog_source, &catalog_document);
		return false;
	}
	rules_files_release();
	files.catalog_source = catalog_source;
	files.catalog_document = catalog_document;
	files.shapes_source = shapes_source;
	files.shapes_document = shapes_document;
	memcpy(files.rules, rules, sizeof rules);
	files.model = model;
	files.loaded = true;
	rules_install(files.rules, &files.model);
	return true;
}

void rules_files_release(void)
{
	if (!files.loaded)
		return;
	rules_release();
	data_file_free(&files.catalog_source, &files.catalog_document);
	data_file_free(&files.shapes_source, &files.shapes_document);
	files.loaded = false;
}
