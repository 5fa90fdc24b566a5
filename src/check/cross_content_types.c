/* The cross-field rules of the content types of the data captured
 * (DataStorageConfig.ContentType): each type once, in one list only, and
 * no empty ContentType. Media types ignore case: text/CSV is text/csv. */
#include "cross.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/quote.h"

static bool same_media_type(const struct node *a, const struct node *b)
{
	return node_is_string(a) && node_is_string(b) && a->scalar.len == b->scalar.len &&
	       strncasecmp(a->scalar.text, b->scalar.text, a->scalar.len) == 0;
}

/* The first item of list that is the same media type as type, or NULL. */
static const struct node *find_media_type(const struct node *list, size_t before,
					  const struct node *type, size_t *index)
{
	for (size_t j = 0; j < before && j < item_count(list); j++) {
		if (same_media_type(type, item_at(list, j))) {
			*index = j;
			return item_at(list, j);
		}
	}
	return NULL;
}

/* Media types ignore case, which a reader may not know: when two items
 * differ only in case, the message says which the other one is. */
struct case_note {
	char text[sizeof(struct quoted) + 64];
};

static struct case_note case_note(const struct node *type, const struct node *other)
{
	struct case_note n = { "" };

	if (!same_text(type, other))
		snprintf(n.text, sizeof n.text, " (as %s: case does not count in a content type)",
			 quote(other->scalar.text, other->scalar.len).text);
	return n;
}

/* Whether an item from..before-1 of list is the same media type as type. */
static bool mentions_between(const struct node *list, const struct node *type, size_t from,
			     size_t before)
{
	for (size_t j = from; j < before; j++)
		if (same_media_type(type, item_at(list, j)))
			return true;
	return false;
}

/* "[0], [1] and [2]": the items of list that are the same media type as
 * the index-th. Lists compared hold at most MAX_ITEMS_COMPARED items. */
struct index_list {
	char text[8 * MAX_ITEMS_COMPARED];
	size_t count;
	bool cases_differ; /* not all of them are written alike */
};

static struct index_list same_type_indices(const struct node *list, size_t index)
{
	struct index_list l = { "", 0, false };
	size_t total = 0, used = 0;

	for (size_t i = 0; i < item_count(list); i++)
		total += same_media_type(item_at(list, index), item_at(list, i));
	for (size_t i = 0; i < item_count(list) && used < sizeof l.text; i++) {
		if (!same_media_type(item_at(list, index), item_at(list, i)))
			continue;
		l.cases_differ |= !same_text(item_at(list, index), item_at(list, i));
		l.count++;
		used += (size_t)snprintf(l.text + used, sizeof l.text - used, "%s[%zu]",
					 l.count == 1 ? "" : l.count == total ? " and " : ", ", i);
	}
	return l;
}

/* path is the list's, such as DataStorageConfig.ContentType.CsvContentTypes.
 * A type listed three times is one mistake: it is reported once, at its
 * second mention, with the first as the related place and the count. */
static void check_repeats(struct cross *c, const struct node *list, const char *path)
{
	const char *name = cross_member(c, strrchr(path, '.') + 1);
	size_t first;

	for (size_t i = 1; i < item_count(list); i++) {
		const struct node *type = item_at(list, i);
		const struct node *earlier = find_media_type(list, i, type, &first);
		/* Only the second mention: a third has one after the first, too. */
		if (!earlier || mentions_between(list, type, first + 1, i))
			continue;
		struct index_list all = same_type_indices(list, i);
		struct quoted quoted = quote(type->scalar.text, type->scalar.len);
		bool added = all.count > 2
			? cross_report(c, type, cross_item_path(c, path, i, NULL),
				       "content type %s is listed %zu times, at %s%s%s",
				       quoted.text, all.count, name, all.text, all.cases_differ
				       ? " (case does not count in a content type)" : "")
			: cross_report(c, type, cross_item_path(c, path, i, NULL),
				       "content type %s is already listed at %s[%zu]%s",
				       quoted.text, name, first, case_note(type, earlier).text);
		if (added)
			cross_relate(c, earlier);
	}
}

static const struct node *content_type(const struct cross *c)
{
	return node_dig(c->request, "DataStorageConfig", "ContentType", NULL);
}

/* Each content type once in each list. */
void rule_duplicate_content_type(struct cross *c)
{
	const struct node *content = content_type(c);

	check_repeats(c, node_member(content, "CsvContentTypes"),
		      "DataStorageConfig.ContentType.CsvContentTypes");
	check_repeats(c, node_member(content, "JsonContentTypes"),
		      "DataStorageConfig.ContentType.JsonContentTypes");
}

/* A type in both lists. */
void rule_content_type_in_both(struct cross *c)
{
	const struct node *content = content_type(c);
	const struct node *csv = node_member(content, "CsvContentTypes");
	const struct node *json = node_member(content, "JsonContentTypes");
	size_t first;

	for (size_t i = 0; i < item_count(json); i++) {
		const struct node *type = item_at(json, i);
		const struct node *csv_type = find_media_type(csv, item_count(csv), type, &first);
		/* A repeat within JsonContentTypes is duplicate-content-type's:
		 * the type is in both lists once, at its first mention. */
		if (!csv_type || mentions_between(json, type, 0, i))
			continue;
		if (cross_report(c, type,
				 cross_item_path(c, "DataStorageConfig.ContentType.JsonContentTypes",
						 i, NULL),
				 "content type %s is also %s[%zu]%s; captured data of one "
				 "type can be written only one way",
				 quote(type->scalar.text, type->scalar.len).text,
				 cross_member(c, "CsvContentTypes"), first,
				 case_note(type, csv_type).text))
			cross_relate(c, csv_type);
	}
}

/* An empty ContentType is a slip. */
void rule_empty_content_type(struct cross *c)
{
	const struct node *content = content_type(c);

	if (content && content->kind == NODE_MAPPING && content->mapping.count == 0)
		cross_report(c, content, cross_path(c, "DataStorageConfig.ContentType"),
			     "%s is empty; list %s or %s, or leave %s out",
			     cross_member(c, "ContentType"), cross_member(c, "CsvContentTypes"),
			     cross_member(c, "JsonContentTypes"), cross_member(c, "ContentType"));
}
