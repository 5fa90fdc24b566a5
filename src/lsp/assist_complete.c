/* Completion items. A member is offered where a key is written unless
 * the structure has it already, required members first (their sortText
 * says so, and their detail); read-only properties, which CloudFormation
 * sets itself, are never offered. Where a value is written, a member of
 * fixed values offers them, unless the value there is no literal (an
 * alias, a tagged value, a Terraform reference or template) or goes on
 * from an earlier line. Each item's insertText is written as the
 * document's syntax wants it ("InstanceType: ", "\"InstanceType\": ",
 * "instance_type = "); its filterText is the same text, so that an
 * editor that matches what is typed in the replaced range, an opening
 * quote included, keeps the item. */
#include "assist_complete.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assist_describe.h"
#include "base/strbuf.h"

/* The LSP's CompletionItemKind values. */
enum { ITEM_FIELD = 5, ITEM_PROPERTY = 10, ITEM_ENUM_MEMBER = 20 };

static bool add_text(cJSON *item, const char *name, const char *text)
{
	return text && cJSON_AddStringToObject(item, name, text) != NULL;
}

static bool add_documentation(cJSON *item, char *markdown)
{
	cJSON *doc = markdown ? cJSON_AddObjectToObject(item, "documentation") : NULL;
	bool ok = doc && add_text(doc, "kind", "markdown") && add_text(doc, "value", markdown);

	free(markdown);
	return ok;
}

/* An item with its label, kind, detail, text and sort key; NULL when
 * memory runs out. */
static cJSON *make_item(const char *label, int kind, const char *detail, const char *insert,
			const char *sort)
{
	cJSON *item = cJSON_CreateObject();

	if (!item || !add_text(item, "label", label) ||
	    !cJSON_AddNumberToObject(item, "kind", kind) || !add_text(item, "detail", detail) ||
	    !add_text(item, "insertText", insert) || !add_text(item, "filterText", insert) ||
	    !add_text(item, "sortText", sort)) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

static bool append(cJSON *items, cJSON *item)
{
	if (item && cJSON_AddItemToArray(items, item))
		return true;
	cJSON_Delete(item);
	return false;
}

/* The text written for a name or a value: quoted but in YAML (where a
 * value keeps the quote it was begun with), and a key followed by what
 * separates it from its value unless that is there already. */
static char *written(const struct assist_place *place, const char *text, bool key)
{
	struct strbuf b = STRBUF_INIT;
	char quote = place->syntax == ASSIST_JSON || (!key && place->syntax == ASSIST_HCL)
			     ? '"'
			     : key ? '\0' : place->quote;

	/* YAML's "Key:value" would be a key: a value typed straight after
	 * the colon is set apart. */
	if (!key && place->syntax == ASSIST_YAML && place->token.len == 0 &&
	    place->token_start == place->token_end && place->token.text &&
	    place->token.text[-1] == ':')
		strbuf_putc(&b, ' ');
	if (quote)
		strbuf_putc(&b, quote);
	strbuf_puts(&b, text);
	if (quote)
		strbuf_putc(&b, quote);
	if (key && !place->has_separator)
		strbuf_puts(&b, place->syntax == ASSIST_HCL ? " = " : ": ");
	return strbuf_take(&b);
}

static bool present(const struct assist_place *place, const char *name)
{
	for (size_t i = 0; i < place->present_count; i++)
		if (assist_text_is(place->present[i], name))
			return true;
	return false;
}

static bool add_member(cJSON *items, const struct assist_place *place,
		       const struct assist_target *target, const struct shape_member *m)
{
	const char *name = naming_member(target->naming, m->name);
	char *insert = written(place, name, true);
	struct strbuf detail = STRBUF_INIT, key = STRBUF_INIT;
	cJSON *item;

	strbuf_puts(&detail, assist_type_word(m->shape));
	strbuf_puts(&detail, m->required ? ", required" : "");
	strbuf_puts(&key, m->required ? "0" : "1");
	strbuf_puts(&key, name);
	/* A Terraform attribute is a field of its resource; a request's or a
	 * template's member, a property. */
	item = make_item(name, target->type.kind == KIND_TERRAFORM ? ITEM_FIELD : ITEM_PROPERTY,
			 strbuf_text(&detail), insert, strbuf_text(&key));
	free(insert);
	bool ok = !detail.failed && !key.failed && item &&
		  add_documentation(item, assist_describe(NULL, NULL, m, m->shape, target));
	strbuf_free(&detail);
	strbuf_free(&key);
	if (!ok) {
		cJSON_Delete(item);
		return false;
	}
	return append(items, item);
}

static bool add_members(cJSON *items, const struct assist_place *place,
			const struct assist_target *target)
{
	const struct shape *shape = target->shape;

	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *m = &shape->members[i];
		if (m->read_only || present(place, naming_member(target->naming, m->name)))
			continue;
		if (!add_member(items, place, target, m))
			return false;
	}
	return true;
}

static bool add_values(cJSON *items, const struct assist_place *place,
		       const struct shape *shape)
{
	for (size_t i = 0; i < shape->enum_count; i++) {
		const char *value = shape->enum_values[i];
		char *insert = written(place, value, false);
		char sort[24];
		snprintf(sort, sizeof sort, "%06zu", i);
		if (!append(items, make_item(value, ITEM_ENUM_MEMBER, shape->name, insert, sort))) {
			free(insert);
			return false;
		}
		free(insert);
	}
	return true;
}

cJSON *assist_items(const struct assist_place *place, const struct assist_target *target)
{
	cJSON *items = cJSON_CreateArray();
	const struct shape *shape = target->shape;
	bool ok = true;

	if (!items)
		return NULL;
	if (place->settled)
		return items;
	if (place->slot == ASSIST_KEY && shape->type == SHAPE_STRUCTURE)
		ok = add_members(items, place, target);
	/* A scalar where a key was expected: an item of a list of values, a
	 * branch of a condition, a value on the line after its key. */
	else if (place->slot == ASSIST_VALUE || shape->type != SHAPE_MAP)
		ok = add_values(items, place, shape);
	if (ok)
		return items;
	cJSON_Delete(items);
	return NULL;
}
