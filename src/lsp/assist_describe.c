/* Hover text: the member's name as the document spells it, its type,
 * whether it is required, and each constraint rules/shapes.json gives
 * its shape, one to a line: lengths or range, pattern (with its meaning
 * in words, from the catalog), allowed values. A long list of values is
 * cut to its first few and a count: InstanceType has some 270. The
 * shapes carry no prose of the service's documentation, so none is
 * shown. The same walk over the shapes as report/schema_print.c's. */
#include "assist_describe.h"

#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"

/* Values listed in full up to this many; beyond, the first few. */
#define VALUES_LISTED 12
#define VALUES_SAMPLED 6

const char *assist_type_word(const struct shape *shape)
{
	switch (shape->type) {
	case SHAPE_STRING:
		return shape->enum_count ? "enum" : "string";
	case SHAPE_INTEGER:
		return "integer";
	case SHAPE_TIMESTAMP:
		return "timestamp";
	case SHAPE_STRUCTURE:
		return "structure";
	case SHAPE_LIST:
		return "list";
	case SHAPE_MAP:
		return "map";
	case SHAPE_OTHER:
	default:
		return "any";
	}
}

/* Code in Markdown, as CommonMark reads a code span: fenced by a run of
 * backticks longer than any the text holds, and set apart from them by a
 * space where the text begins or ends with one (which the reader strips). */
static void put_code(struct strbuf *b, const char *text)
{
	size_t longest = 0, run = 0, len = strlen(text);
	bool pad;

	for (const char *c = text; *c; c++) {
		run = *c == '`' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	pad = len > 0 && (text[0] == '`' || text[len - 1] == '`' ||
			  (text[0] == ' ' && text[len - 1] == ' '));
	for (size_t i = 0; i <= longest; i++)
		strbuf_putc(b, '`');
	strbuf_puts(b, pad ? " " : "");
	strbuf_puts(b, text);
	strbuf_puts(b, pad ? " " : "");
	for (size_t i = 0; i <= longest; i++)
		strbuf_putc(b, '`');
}

static bool alphanumeric(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Prose in Markdown: every mark that could start formatting (emphasis, a
 * link, code, HTML, an entity, an escape) escaped, so that a name or words
 * holding one read as written. An underscore inside a word (snake_case)
 * starts nothing and stays as it is. */
static void put_prose(struct strbuf *b, const char *text)
{
	for (size_t i = 0; text[i]; i++) {
		bool inside = text[i] == '_' && i > 0 && alphanumeric(text[i - 1]) &&
			      alphanumeric(text[i + 1]);
		if (strchr("\\`*_[]<>#|~&", text[i]) && !inside)
			strbuf_putc(b, '\\');
		strbuf_putc(b, text[i]);
	}
}

static void put_number(struct strbuf *b, long long n)
{
	char text[24];

	snprintf(text, sizeof text, "%lld", n);
	strbuf_puts(b, text);
}

/* A new item of the list of constraints, nested depth deep: those of an
 * item or an entry sit under the line that names it. */
static void put_line(struct strbuf *b, int depth)
{
	strbuf_putc(b, '\n');
	for (int i = 0; i < depth; i++)
		strbuf_puts(b, "  ");
	strbuf_puts(b, "- ");
}

/* "1 to 63 characters", "at most 2 items". */
static void put_bounds(struct strbuf *b, int depth, const char *label, const struct shape *shape,
		       const char *unit)
{
	bool min = shape->has_min && (shape->min > 0 || shape->type == SHAPE_INTEGER);

	if (!min && !shape->has_max)
		return;
	put_line(b, depth);
	strbuf_puts(b, label);
	strbuf_puts(b, ": ");
	if (min && shape->has_max && shape->min == shape->max) {
		strbuf_puts(b, "exactly ");
		put_number(b, shape->min);
	} else if (min && shape->has_max) {
		put_number(b, shape->min);
		strbuf_puts(b, " to ");
		put_number(b, shape->max);
	} else {
		strbuf_puts(b, min ? "at least " : "at most ");
		put_number(b, min ? shape->min : shape->max);
	}
	strbuf_puts(b, unit);
}

static void put_values(struct strbuf *b, int depth, const struct shape *shape)
{
	size_t shown = shape->enum_count <= VALUES_LISTED ? shape->enum_count : VALUES_SAMPLED;

	if (!shape->enum_count)
		return;
	put_line(b, depth);
	strbuf_puts(b, "Allowed values");
	if (shown < shape->enum_count) {
		strbuf_puts(b, " (");
		put_number(b, (long long)shape->enum_count);
		strbuf_puts(b, ")");
	}
	strbuf_puts(b, ": ");
	for (size_t i = 0; i < shown; i++) {
		strbuf_puts(b, i ? ", " : "");
		put_code(b, shape->enum_values[i]);
	}
	if (shown < shape->enum_count) {
		strbuf_puts(b, ", ... and ");
		put_number(b, (long long)(shape->enum_count - shown));
		strbuf_puts(b, " more");
	}
}

static void put_pattern(struct strbuf *b, int depth, const struct shape *shape)
{
	if (!shape->pattern)
		return;
	put_line(b, depth);
	strbuf_puts(b, "Pattern: ");
	put_code(b, shape->pattern);
	if (shape->words && shape->words->means && *shape->words->means) {
		strbuf_puts(b, " (");
		put_prose(b, shape->words->means);
		strbuf_puts(b, ")");
	}
}

static void put_members(struct strbuf *b, int depth, const struct shape *shape,
			const struct naming *naming)
{
	bool any = false;

	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *m = &shape->members[i];
		if (m->read_only)
			continue;
		if (!any) {
			put_line(b, depth);
			strbuf_puts(b, "Members: ");
		}
		strbuf_puts(b, any ? ", " : "");
		put_code(b, naming_member(naming, m->name));
		strbuf_puts(b, m->required ? " (required)" : "");
		any = true;
	}
}

/* How a time is written: the AWS CLI reads several forms; the resource's
 * handler, which CloudFormation and Cloud Control run, parses ISO 8601
 * with a zone only (docs/cloudformation.md). */
static void put_time(struct strbuf *b, int depth, enum kind_id kind)
{
	put_line(b, depth);
	if (kind == KIND_REQUEST)
		strbuf_puts(b, "A time: ISO 8601 (`2030-01-10T00:00:00Z`), RFC 822, or epoch "
			    "seconds; a date alone only quoted in YAML");
	else
		strbuf_puts(b, "A time: a string in ISO 8601 with `Z` or an offset "
			    "(`2030-01-10T00:00:00Z`); the resource's handler parses no other form");
}

/* The constraints of one shape, a line each; those of its items and
 * entries a few deep (shapes read with --rules-dir may hold themselves),
 * under the line that names them. */
static void put_constraints(struct strbuf *b, const struct shape *shape,
			    const struct assist_target *target, int depth)
{
	if (depth > 3)
		return;
	switch (shape->type) {
	case SHAPE_STRING:
		put_bounds(b, depth, "Length", shape, " characters");
		put_pattern(b, depth, shape);
		put_values(b, depth, shape);
		break;
	case SHAPE_INTEGER:
		put_bounds(b, depth, "Range", shape, "");
		break;
	case SHAPE_TIMESTAMP:
		put_time(b, depth, target->type.kind);
		break;
	case SHAPE_STRUCTURE:
		put_members(b, depth, shape, target->naming);
		break;
	case SHAPE_LIST:
		put_bounds(b, depth, "Items", shape, "");
		if (shape->member) {
			put_line(b, depth);
			strbuf_puts(b, "Each item: ");
			strbuf_puts(b, assist_type_word(shape->member));
			put_constraints(b, shape->member, target, depth + 1);
		}
		break;
	case SHAPE_MAP:
		put_bounds(b, depth, "Entries", shape, "");
		if (shape->key) {
			put_line(b, depth);
			strbuf_puts(b, "Each key: ");
			strbuf_puts(b, assist_type_word(shape->key));
			put_constraints(b, shape->key, target, depth + 1);
		}
		if (shape->value) {
			put_line(b, depth);
			strbuf_puts(b, "Each value: ");
			strbuf_puts(b, assist_type_word(shape->value));
			put_constraints(b, shape->value, target, depth + 1);
		}
		break;
	case SHAPE_OTHER:
	default:
		break;
	}
}

char *assist_describe(const char *title, const char *role, const struct shape_member *member,
		      const struct shape *shape, const struct assist_target *target)
{
	struct strbuf b = STRBUF_INIT;

	if (title) {
		strbuf_puts(&b, "**");
		put_prose(&b, title);
		strbuf_puts(&b, "** ");
	}
	strbuf_puts(&b, "*");
	strbuf_puts(&b, assist_type_word(shape));
	strbuf_puts(&b, "*");
	/* A read-only property is neither required nor optional: it is
	 * never written. */
	if (member && member->read_only)
		strbuf_puts(&b, target->type.kind == KIND_TERRAFORM
					? ", read-only: computed, never set in a configuration"
					: ", read-only: set by CloudFormation, never written in a template");
	else if (member)
		strbuf_puts(&b, member->required ? ", required" : ", optional");
	if (member && member->optional_in_schema && target->type.kind != KIND_REQUEST)
		strbuf_puts(&b, " by the request the resource's handler sends, though the "
				"resource's schema makes it optional");
	if (role)
		strbuf_puts(&b, role);
	strbuf_puts(&b, "\n");
	put_constraints(&b, shape, target, 0);
	return strbuf_take(&b);
}
