/* The cross-field rules of a create request's Tags: each key once, and
 * none that AWS keeps for itself. */
#include "cross.h"

#include <strings.h>

#include "base/quote.h"

static const struct node *tag_key(const struct node *tags, size_t i)
{
	return node_member(tags->sequence.items[i], "Key");
}

/* A key once among the Tags. Tags hold up to 50 items, fewer than would
 * make the pairwise comparison costly; a longer list the shape rules
 * have reported. */
void rule_duplicate_tag_key(struct cross *c)
{
	const struct node *tags = node_member(c->request, "Tags");
	size_t count = tags && tags->kind == NODE_SEQUENCE && tags->sequence.count <= 50
		? tags->sequence.count : 0;

	for (size_t i = 1; i < count; i++) {
		const struct node *key = tag_key(tags, i);
		for (size_t j = 0; j < i && node_is_string(key); j++) {
			if (!same_text(key, tag_key(tags, j)))
				continue;
			if (cross_report(c, key, cross_item_path(c, "Tags", i, "Key"),
					 "the tag key %s is already %s[%zu]'s; a key holds one value",
					 quote(key->scalar.text, key->scalar.len).text,
					 cross_member(c, "Tags"), j))
				cross_relate(c, tag_key(tags, j));
			break;
		}
	}
}

/* aws: begins the keys AWS sets itself. */
void rule_reserved_tag_key(struct cross *c)
{
	const struct node *tags = node_member(c->request, "Tags");
	size_t count = tags && tags->kind == NODE_SEQUENCE ? tags->sequence.count : 0;

	for (size_t i = 0; i < count && i < 1000; i++) {
		const struct node *key = tag_key(tags, i);
		if (node_is_string(key) && key->scalar.len >= 4 &&
		    strncasecmp(key->scalar.text, "aws:", 4) == 0)
			cross_report(c, key, cross_item_path(c, "Tags", i, "Key"),
				     "the tag key %s starts with aws:, which AWS reserves for the "
				     "tags it sets itself",
				     quote(key->scalar.text, key->scalar.len).text);
	}
}
