#include "values.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

void values_init(struct values *v)
{
	memset(v, 0, sizeof *v);
}

void values_free(struct values *v)
{
	free(v->items);
	values_init(v);
}

static void add(struct values *v, struct named_value value)
{
	if (v->count == v->capacity) {
		size_t capacity = v->capacity ? 2 * v->capacity : 16;
		struct named_value *items = mem_realloc(v->items, capacity * sizeof *items);
		if (!items) {
			v->out_of_memory = true;
			return;
		}
		v->items = items;
		v->capacity = capacity;
	}
	v->items[v->count++] = value;
	v->sorted = false;
}

static bool is_key(const struct node *key, const char *word)
{
	return node_is_string(key) && strcmp(key->scalar.text, word) == 0;
}

/* variable "NAME" { default = ... }: the blocks' labels map names to
 * bodies, one or several to a mapping (as JSON syntax writes them). */
static void add_variables(struct values *v, const struct node *labels, bool elsewhere)
{
	for (size_t i = 0; labels->kind == NODE_MAPPING && i < labels->mapping.count; i++) {
		const struct pair *pair = &labels->mapping.pairs[i];
		const struct node *body = pair->value;
		const struct node *value = NULL;
		if (!node_is_string(pair->key))
			continue;
		for (size_t j = 0; body->kind == NODE_MAPPING && j < body->mapping.count; j++)
			if (is_key(body->mapping.pairs[j].key, "default"))
				value = body->mapping.pairs[j].value;
		add(v, (struct named_value){ VALUE_VARIABLE, pair->key->scalar.text,
					     pair->key->scalar.len, value, 0, false,
					     elsewhere });
	}
}

static void add_locals(struct values *v, const struct node *body, bool json, bool elsewhere)
{
	for (size_t i = 0; body->kind == NODE_MAPPING && i < body->mapping.count; i++) {
		const struct pair *pair = &body->mapping.pairs[i];
		if (node_is_string(pair->key))
			add(v, (struct named_value){ VALUE_LOCAL, pair->key->scalar.text,
						     pair->key->scalar.len, pair->value, 0,
						     json, elsewhere });
	}
}

void values_add_configuration(struct values *v, const struct node *root, bool json,
			      bool elsewhere)
{
	for (size_t i = 0; root && root->kind == NODE_MAPPING && i < root->mapping.count; i++) {
		const struct pair *pair = &root->mapping.pairs[i];
		if (is_key(pair->key, "variable"))
			add_variables(v, pair->value, elsewhere);
		else if (is_key(pair->key, "locals"))
			add_locals(v, pair->value, json, elsewhere);
	}
}

void values_add_variable_file(struct values *v, const struct node *root)
{
	unsigned origin = ++v->files;

	for (size_t i = 0; root && root->kind == NODE_MAPPING && i < root->mapping.count; i++) {
		const struct pair *pair = &root->mapping.pairs[i];
		if (node_is_string(pair->key))
			add(v, (struct named_value){ VALUE_VARIABLE, pair->key->scalar.text,
						     pair->key->scalar.len, pair->value, origin,
						     false, true });
	}
}

/* ---- references -------------------------------------------------------- */

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* var.NAME or local.NAME, and nothing else, in text. */
static bool read_reference(const char *text, size_t len, struct reference *ref)
{
	static const struct { const char *prefix; enum value_kind kind; } kinds[] = {
		{ "var.", VALUE_VARIABLE },
		{ "local.", VALUE_LOCAL },
	};

	while (len > 0 && isspace((unsigned char)*text))
		text++, len--;
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		size_t n = strlen(kinds[k].prefix);
		if (len <= n || memcmp(text, kinds[k].prefix, n) != 0 ||
		    !(isalpha((unsigned char)text[n]) || text[n] == '_'))
			continue;
		for (size_t i = n; i < len; i++)
			if (!is_name_char(text[i]))
				return false;
		*ref = (struct reference){ kinds[k].kind, text + n, len - n };
		return true;
	}
	return false;
}

bool values_reference(const struct node *expression, bool json, struct reference *ref)
{
	const struct scalar *s = &expression->scalar;

	if (expression->kind == NODE_UNKNOWN)
		return s->source && read_reference(s->source, s->source_len, ref);
	if (!json || expression->kind != NODE_SCALAR || s->type != SCALAR_STRING ||
	    s->len < 4 || memcmp(s->text, "${", 2) != 0 || s->text[s->len - 1] != '}')
		return false;
	return read_reference(s->text + 2, s->len - 3, ref);
}

/* ---- finding a value --------------------------------------------------- */

static int compare(const struct named_value *a, const struct named_value *b)
{
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	size_t n = a->len < b->len ? a->len : b->len;
	int order = memcmp(a->name, b->name, n);
	if (order != 0 || a->len != b->len)
		return order != 0 ? order : a->len < b->len ? -1 : 1;
	return a->origin < b->origin ? -1 : a->origin > b->origin;
}

static int compare_values(const void *a, const void *b)
{
	return compare(a, b);
}

const struct named_value *values_find(struct values *v, const struct reference *ref)
{
	struct named_value key = { ref->kind, ref->name, ref->len, NULL, 0, false, false };
	size_t low = 0, high;

	if (v->count == 0)
		return NULL;
	if (!v->sorted) {
		if (v->count)
			qsort(v->items, v->count, sizeof *v->items, compare_values);
		v->sorted = true;
	}
	/* The first entry of the name: its declaration, if any. */
	for (high = v->count; low < high;) {
		size_t mid = low + (high - low) / 2;
		if (compare(&v->items[mid], &key) < 0)
			low = mid + 1;
		else
			high = mid;
	}
	const struct named_value *first = &v->items[low], *last;
	if (low == v->count || first->kind != ref->kind || first->len != ref->len ||
	    memcmp(first->name, ref->name, ref->len) != 0 || first->origin != 0)
		return NULL; /* a file sets a variable no block declares */
	/* Declared twice: Terraform refuses the configuration. */
	if (low + 1 < v->count && v->items[low + 1].origin == 0 &&
	    compare(&v->items[low + 1], first) == 0)
		return NULL;
	last = first;
	while (last + 1 < v->items + v->count && last[1].kind == ref->kind &&
	       last[1].len == ref->len && memcmp(last[1].name, ref->name, ref->len) == 0)
		last++;
	if (!last->value || (last->value->kind == NODE_SCALAR &&
			     last->value->scalar.type == SCALAR_NULL))
		return NULL;
	return last;
}
