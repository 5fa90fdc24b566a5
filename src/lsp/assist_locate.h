/* Where a point of a document is: the path of keys from the document's
 * root to the structure around it, and whether a key or a value is being
 * written there. Found from the text alone, tolerantly, because the
 * document the editor holds is often one that does not load: the line
 * being typed ("  Inst" alone on a YAML line, "\"Inst" in JSON) is a
 * syntax error until it is finished. A whole document is never parsed:
 * YAML is read by indentation, from the point's line back to the root
 * (assist_yaml.c); JSON, HCL and YAML's flow collections by their
 * braces, one pass of a small tokenizer up to the point (assist_flow.c).
 * Both are linear in the text they read and keep a bounded stack. */
#ifndef IELINT_ASSIST_LOCATE_H
#define IELINT_ASSIST_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

#include "load/source.h"

/* Deeper than any experiment goes; a point below this is on no member. */
#define ASSIST_MAX_DEPTH 48
/* More keys than any structure of the experiment has. */
#define ASSIST_MAX_PRESENT 64
/* The most text read on either side of the point: twice the largest
 * template CloudFormation takes (1 MB), some thousand times an
 * experiment's request. A point further than this from its document's
 * start (JSON, HCL) or from its parents (YAML) is on no experiment's
 * member; the keys after it this far are the ones seen. It keeps a
 * point in a huge document to some milliseconds. */
#define ASSIST_READ_LIMIT ((size_t)2 << 20)

enum assist_syntax {
	ASSIST_YAML, /* block YAML, read by indentation */
	ASSIST_JSON, /* JSON (and YAML written as flow) */
	ASSIST_HCL,  /* HCL native syntax */
};

enum assist_slot {
	ASSIST_NOWHERE, /* a comment, between a key and its ':', ... */
	ASSIST_KEY,     /* a key is written here */
	ASSIST_VALUE,   /* a scalar value is written here */
};

/* Bytes of the source. */
struct assist_text {
	const char *text;
	size_t len;
};

/* One step of a path: a key, or an item of a list. */
struct assist_segment {
	struct assist_text key; /* as written, less its quotes */
	bool item;
	size_t index;  /* an item's place in its list, from 0 */
	bool if_tag;   /* a key whose value is tagged !If (YAML) */
};

struct assist_place {
	enum assist_syntax syntax;
	enum assist_slot slot;
	/* The keys from the root to the structure the point is in; for a
	 * value, its own key last. */
	struct assist_segment path[ASSIST_MAX_DEPTH];
	size_t depth;
	/* The key or value at the point, whole (quotes included), and its
	 * text less the quotes: what a completion replaces. Empty where
	 * nothing is written yet. */
	size_t token_start, token_end;
	struct assist_text token;
	char quote; /* the quote the token opens with, or '\0' */
	/* A value described but not completed: an alias, a block scalar, a
	 * value continued from an earlier line, a node's properties. */
	bool settled;
	/* A key already followed by its ':' or '=': a completion writes the
	 * name alone. */
	bool has_separator;
	/* The other keys of the structure the point is in (ASSIST_KEY), at
	 * most ASSIST_MAX_PRESENT of them: beyond that a document is no
	 * experiment's anyway. */
	struct assist_text present[ASSIST_MAX_PRESENT];
	size_t present_count;
	/* In a template, the value of the Type key beside the path's second
	 * key (the resource's type), if found. */
	struct assist_text resource_type;
	/* The text read begins after the document's start (YAML): a walk to
	 * the root that reaches it has not found the root. */
	bool clipped;
};

/* The syntax to read the source in, as the loader would: HCL for *.tf
 * (and for a forced Terraform document that does not open as JSON), JSON
 * for what opens with a brace, YAML otherwise. */
enum assist_syntax assist_syntax_of(const struct source *src, bool terraform);

/* Finds the place of the offset; false when it is in no structure a
 * member could be in (too deep, in a comment, in a block scalar...). */
bool assist_locate(const struct source *src, size_t offset, enum assist_syntax syntax,
		   struct assist_place *place);

/* The readers of each syntax (assist_yaml.c, assist_flow.c). */
bool assist_locate_yaml(const struct source *src, size_t offset, struct assist_place *place);
bool assist_locate_flow(const struct source *src, size_t offset, struct assist_place *place);
/* In YAML, a flow collection that opens at `from` on a line whose key is
 * indented by `indent`: read by its brackets, up to the first line after
 * it that is indented no more (where the collection has ended). */
bool assist_locate_yaml_flow(const struct source *src, size_t from, size_t indent,
			     size_t offset, struct assist_place *place);

/* Helpers the readers share. */
bool assist_text_is(struct assist_text text, const char *word);
void assist_add_present(struct assist_place *place, struct assist_text key);

#endif
