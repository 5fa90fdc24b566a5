/* A structure's members: each key must be one of its members, said with
 * the member meant when that can be told (a misspelling, a member of a
 * neighbouring API, one written in the wrong place), and each required
 * member must be there. */
#include "shape_rules.h"

#include <stdio.h>
#include <stdlib.h>

#include "fix.h"
#include "member_place.h"
#include "suggest.h"

bool rule_missing_member(struct checker *c, const struct shape *shape,
			 const struct node *node)
{
	if (shape->type != SHAPE_STRUCTURE)
		return true;
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *member = &shape->members[i];
		if (!member->required || node_member(node, member->name) ||
		    (c->meant_in == node && i < 64 && (c->meant >> i & 1)))
			continue;
		size_t mark = path_length(&c->path);
		const char *owner = label(c);
		const char *name = spelled(c, member->name);
		/* The label points into the path, which is about to grow. */
		char owner_copy[sizeof(struct quoted)];
		snprintf(owner_copy, sizeof owner_copy, "%s", owner);
		path_append_key(&c->path, name, strlen(name));
		/* A template that the resource's schema takes can still fail:
		 * say why, where the two disagree. */
		if (member->optional_in_schema)
			report(c, node->span,
			       "%s lacks the %s %s: the resource's schema makes it "
			       "optional, but the CreateInferenceExperiment request its "
			       "handler sends requires it", owner_copy, word(c), name);
		else
			report(c, node->span,
			       "%s lacks the required %s %s", owner_copy, word(c), name);
		path_truncate(&c->path, mark);
	}
	return true;
}

/* Which members of the shape the mapping has, one bit each (by index);
 * a member past the 64th counts as present, so it is never suggested. */
static uint64_t members_present(const struct shape *shape, const struct node *mapping)
{
	uint64_t present = 0;

	for (size_t i = 0; i < shape->member_count; i++)
		if (i >= 64 || node_member(mapping, shape->members[i].name))
			present |= i < 64 ? UINT64_C(1) << i : 0;
	return present;
}

static bool is_present(uint64_t present, size_t i)
{
	return i >= 64 || (present >> i & 1);
}

/* The index of the shape's member the API names name, or member_count. */
static size_t member_index(const struct shape *shape, const char *name)
{
	size_t i = 0;

	while (i < shape->member_count && strcmp(shape->members[i].name, name) != 0)
		i++;
	return i;
}

/* The index of the shape's member the document spells so, or member_count. */
static size_t spelled_member_index(const struct checker *c, const struct shape *shape,
				   const char *name)
{
	size_t i = 0;

	while (i < shape->member_count && strcmp(spelled(c, shape->members[i].name), name) != 0)
		i++;
	return i;
}

/* A key surely meant as a member (`meant`, as the document spells it):
 * its diagnostic gets the fix that renames it, unless another key of the
 * mapping was meant as the same member, when neither does (both renamed
 * would be a duplicate key). */
static void claim_member(struct checker *c, const struct shape *shape,
			 const struct node *key, const char *meant, bool reported)
{
	size_t i = spelled_member_index(c, shape, meant);

	if (i >= shape->member_count || i >= 64)
		return;
	if (c->meant >> i & 1) {
		size_t earlier = c->fixed_by[i];
		if (earlier && earlier <= c->diags->count)
			diag_drop_fix(&c->diags->items[earlier - 1]);
		c->fixed_by[i] = 0;
		return;
	}
	c->meant |= UINT64_C(1) << i;
	if (reported) {
		fix_string(c->diags, key, meant, strlen(meant));
		c->fixed_by[i] = c->diags->count;
	}
}

/* A member of a neighbouring API (the catalog's aliases), such as a
 * VariantName among a shadow variant's members: says the member meant
 * and where it goes. A member meant in this very mapping counts as meant,
 * so that its absence is not reported besides. False when the key is no
 * alias, or the member meant has no one place from here. */
static bool report_alias(struct checker *c, const struct shape *shape, uint64_t present,
			 const struct node *key, const char *owner)
{
	const struct member_alias *alias = model_find_alias(shape, key->scalar.text,
							    key->scalar.len);
	bool at_root;
	char *place = alias ? member_place(shape, c->top, c->naming, alias->meant,
					   strlen(alias->meant), &at_root) : NULL;

	if (!place)
		return false;
	size_t i = at_root ? shape->member_count : member_index(shape, alias->meant);
	bool here = i < shape->member_count && i < 64;
	report(c, key->span, "unknown %s %s in %s; that is the name %s: here the %s "
	       "is %s%s", word(c), quote(key->scalar.text, key->scalar.len).text, owner, alias->from,
	       word(c), place, at_root ? " (from the top)"
	       : here && is_present(present, i) ? ", given already" : "");
	if (here)
		c->meant |= UINT64_C(1) << i;
	free(place);
	return true;
}

/* "Did you mean" for a member not known here: a member of a neighbouring
 * API, a misspelling of a member the mapping does not have yet, else the
 * place it belongs. A misspelling is measured against the members as the
 * document spells them, and so is what a fix writes. */
static void report_unknown_key(struct checker *c, const struct shape *shape,
			       uint64_t present, const struct node *key, const char *owner)
{
	struct suggestion s;

	/* Past the limit, spare the suggestion's cost: the diagnostic is only
	 * counted, or meets its suppression. */
	if (!diag_list_has_room(c->diags, c->rule, key->span.line)) {
		report(c, key->span, "unknown %s in %s", word(c), owner);
		return;
	}
	if (!node_is_string(key)) {
		report(c, key->span,
		       "%s is not a member of %s: member names are strings",
		       shape_describe(key).text, owner);
		return;
	}
	if (report_alias(c, shape, present, key, owner))
		return;
	suggestion_init(&s, key->scalar.text, key->scalar.len);
	for (size_t i = 0; i < shape->member_count; i++)
		if (!is_present(present, i))
			suggestion_consider(&s, spelled(c, shape->members[i].name));
	if (s.best) {
		const char *meant = suggestion_certain(&s);
		bool reported = report(c, key->span, "unknown %s %s in %s; did you mean \"%s\"?",
				       word(c), quote(key->scalar.text, key->scalar.len).text, owner, s.best);
		if (meant)
			claim_member(c, shape, key, meant, reported);
		return;
	}
	/* Near a member given already: a second copy, most likely. */
	suggestion_init(&s, key->scalar.text, key->scalar.len);
	for (size_t i = 0; i < shape->member_count && i < 64; i++)
		if (is_present(present, i))
			suggestion_consider(&s, spelled(c, shape->members[i].name));
	bool at_root;
	char *place = s.best ? NULL : member_place(shape, c->top, c->naming, key->scalar.text,
						   key->scalar.len, &at_root);
	if (s.best)
		report(c, key->span, "unknown %s %s in %s; %s, the %s nearest it, is "
		       "given already", word(c), quote(key->scalar.text, key->scalar.len).text, owner,
		       s.best, word(c));
	else if (place && !strchr(place, '.') && at_root)
		report(c, key->span, "unknown %s %s in %s; it belongs at the top of %s",
		       word(c), quote(key->scalar.text, key->scalar.len).text, owner, c->root);
	else if (place)
		report(c, key->span, "unknown %s %s in %s; did you mean %s%s?",
		       word(c), quote(key->scalar.text, key->scalar.len).text, owner, place,
		       at_root ? " (from the top)" : "");
	else
		report(c, key->span, "unknown %s %s in %s",
		       word(c), quote(key->scalar.text, key->scalar.len).text, owner);
	free(place);
}

bool rule_unknown_member(struct checker *c, const struct shape *shape,
			 const struct node *node)
{
	uint64_t present;

	if (shape->type != SHAPE_STRUCTURE)
		return true;
	present = members_present(shape, node);
	c->meant_in = node;
	c->meant = 0;
	for (size_t i = 0; i < node->mapping.count; i++) {
		const struct node *key = node->mapping.pairs[i].key;
		if (node_is_string(key) &&
		    shape_find_member(shape, key->scalar.text, key->scalar.len))
			continue;
		char owner[sizeof(struct quoted)];
		snprintf(owner, sizeof owner, "%s", label(c));
		size_t mark = path_length(&c->path);
		if (node_is_string(key))
			path_append_key(&c->path, key->scalar.text, key->scalar.len);
		report_unknown_key(c, shape, present, key, owner);
		path_truncate(&c->path, mark);
	}
	return true;
}
