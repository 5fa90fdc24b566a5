#include "model.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/format.h"
#include "load/load.h"


static struct {
	struct source source;
	struct document document;
	struct model model;
	bool loaded;
} loaded;

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

static bool read_members(struct reader *rd, struct shape *shape,
			 const struct node *members, const struct node *required)
{
	const char **required_names = NULL;
	size_t required_count = 0;

	if (members->kind != NODE_SEQUENCE)
		return fail_at(rd, members, "members must be a list of [name, shape] pairs");
	if (!read_strings(rd, required, &required_names, &required_count))
		return false;
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
	for (size_t i = 0; i < required_count; i++) {
		struct shape_member *member = (struct shape_member *)
			shape_find_member(shape, required_names[i], strlen(required_names[i]));
		if (!member)
			return fail_at(rd, required, "required member %s is not a member",
				       required_names[i]);
		member->required = true;
	}
	return true;
}

static bool read_shape(struct reader *rd, struct shape *shape, const struct node *node)
{
	const struct node *type = node_member(node, "type");
	const struct node *pattern = node_member(node, "pattern");
	const struct node *members = node_member(node, "members");
	const struct node *member = node_member(node, "member");

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
	    !read_members(rd, shape, members, node_member(node, "required")))
		return false;
	if (shape->type == SHAPE_LIST) {
		if (!member)
			return fail_at(rd, node, "list shape %s needs a \"member\"", shape->name);
		if (!shape_reference(rd, member, &shape->member))
			return false;
	}
	return true;
}

static bool read_model(struct reader *rd, const struct node *root)
{
	const struct node *shapes = node_member(root, "shapes");
	const struct node *request = node_member(root, "request");
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
	return shape_reference(rd, request, &model->request) &&
	       shape_reference(rd, current, &model->current);
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
	return true;
}

bool model_load(const char *dir, char **error)
{
	struct source source;
	struct document document;
	struct model model = { 0 };

	if (!data_file_load(dir, "shapes.json", INPUT_JSON, &source, &document, error))
		return false;
	struct reader rd = { source.name, &document, &model, error };
	if (!read_model(&rd, document.root) || !compile_patterns(&rd)) {
		for (size_t i = 0; i < model.shape_count; i++)
			regex_release(&model.shapes[i].regex);
		data_file_free(&source, &document);
		return false;
	}
	model_unload();
	loaded.source = source;
	loaded.document = document;
	loaded.model = model;
	loaded.loaded = true;
	return true;
}

void model_unload(void)
{
	if (!loaded.loaded)
		return;
	for (size_t i = 0; i < loaded.model.shape_count; i++)
		regex_release(&loaded.model.shapes[i].regex);
	data_file_free(&loaded.source, &loaded.document);
	loaded.loaded = false;
}

void model_install(const struct model *model)
{
	model_unload();
	loaded.model = *model;
	loaded.loaded = true;
}

const struct model *model_get(void)
{
	return loaded.loaded ? &loaded.model : NULL;
}

const struct shape_member *shape_find_member(const struct shape *shape,
					     const char *name, size_t len)
{
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *member = &shape->members[i];
		if (strlen(member->name) == len && memcmp(member->name, name, len) == 0)
			return member;
	}
	return NULL;
}

bool shape_matches_pattern(const struct shape *shape, const char *text, size_t len)
{
	/* Every shape lives in loaded.model; compiling its pattern on first use
	 * fills a cache and changes nothing else about it. */
	struct shape *cached = &loaded.model.shapes[shape - loaded.model.shapes];

	return !shape->pattern || regex_match(&cached->regex, text, len, NULL, 0);
}
