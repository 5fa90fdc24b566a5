/* The loader's state while it reads one document, and what its parts
 * share. Reading is split by job, one file each: JSON or YAML told apart
 * (input_format.c), the text checked before the parser sees it
 * (encoding.c, refused_text.c), the text the parser reads
 * (parser_text.c), libfyaml driven and its errors placed (parser.c), its
 * events made nodes (events.c, node_stack.c, build_scalar.c,
 * build_container.c, build_alias.c, explicit_tags.c), the keys of a
 * mapping read as the AWS CLI reads them (duplicate_keys.c,
 * merge_keys.c), the bounds on hostile input (limits.c), JSON's own
 * strictness (json_strict.c) and the diagnostics, at the path being read
 * (loader_report.c). load.c runs them in order. Only src/load includes
 * this header: load.h is the loader's public face. */
#ifndef IELINT_LOADER_H
#define IELINT_LOADER_H

#include <libfyaml.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "anchors.h"
#include "load.h"
#include "surrogates.h"
#include "tabs.h"
#include "base/quote.h"

/* An open mapping or sequence, waiting for its children. */
struct frame {
	struct node *node;
	size_t first_child; /* index of its first child on the children stack */
	const char *anchor; /* its anchor, registered once it is complete */
	size_t anchor_len;
	bool ordered_map; /* a list tagged !!omap: a mapping once complete */
};

struct loader {
	struct document *doc;
	const struct document_kind *kind;
	const struct source *src;
	struct diag_list *diags;
	bool json;
	/* Finished children of all open containers, innermost last. */
	struct node **children;
	size_t children_len;
	size_t children_capacity;
	struct frame frames[LOAD_MAX_DEPTH];
	size_t depth;
	struct anchor_table anchors;
	size_t alias_nodes;
	size_t alias_text; /* bytes */
	size_t nodes; /* built so far, aliases included */
	struct position last; /* where the previous event ended */
	int documents;
	bool stop; /* loading cannot go on: a diagnostic says why */
	/* The escapes of lone surrogates in JSON strings and YAML
	 * double-quoted scalars, in order: see surrogates.h. */
	struct lone_surrogate *lone;
	size_t lone_count;
	/* Where a tab is taken (YAML): see tabs.h. */
	struct tab_room tab_room;
};

/* ---- positions ----------------------------------------------------------- */

static inline struct span span_between(struct position from, struct position to)
{
	return (struct span){ from.line, from.column, to.line, to.column };
}

static inline struct span span_at(struct position at)
{
	return span_between(at, at);
}

/* libfyaml leaves a mark unknown (line -1) where a token has no text. */
static inline bool mark_known(const struct fy_mark *mark)
{
	return mark && mark->line >= 0;
}

static inline struct position mark_position(const struct fy_mark *mark)
{
	return (struct position){ mark->line + 1, mark->column + 1, mark->input_pos };
}

static inline bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A sum of weights that stops at SIZE_MAX rather than wrap. */
static inline size_t add_weight(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* ---- loader_report.c: diagnostics ---------------------------------------- */

/* Memory ran out: the document's result says so, and reading stops. */
void loader_out_of_memory(struct loader *ld);

/* A diagnostic at the path of the slot the next node fills (plus key,
 * when given). */
__attribute__((format(printf, 5, 6)))
void loader_report(struct loader *ld, enum rule_id rule, struct span span,
		   const struct node *key, const char *format, ...);

/* A diagnostic for a request only (a local tag, a tab the AWS CLI
 * refuses), held back: see struct document. */
__attribute__((format(printf, 4, 5)))
void loader_hold_back(struct loader *ld, enum rule_id rule, struct span span,
		      const char *format, ...);

/* A note for a template only, held back: see struct document. */
__attribute__((format(printf, 4, 5)))
void loader_hold_for_template(struct loader *ld, enum rule_id rule, struct span span,
			      const char *format, ...);

/* ---- node_stack.c: where a node goes ------------------------------------- */

/* A new node of the document's arena, of weight 1; NULL when memory ran out. */
struct node *loader_new_node(struct loader *ld, enum node_kind kind);

/* A complete node goes to its parent (or becomes the root) and, when it
 * carries an anchor, becomes available to later aliases. */
void loader_finish_node(struct loader *ld, struct node *node, const char *anchor,
			size_t anchor_len);

/* A token's text copied into the arena ("" for none); NULL when memory
 * ran out. */
const char *loader_copy_token_text(struct loader *ld, struct fy_token *token, size_t *len);

/* Whether the next node finished is a mapping's key. */
bool loader_key_is_next(const struct loader *ld);

/* Whether the next child of frames[parent] is read as a mapping to merge:
 * the value of a merge key, or an item of a list that is one. */
bool loader_merges_into(const struct loader *ld, size_t parent);

/* Whether an open collection carries the anchor: an alias to it would
 * contain itself. */
bool loader_anchor_is_open(const struct loader *ld, const char *name, size_t len);

/* ---- the nodes ----------------------------------------------------------- */

/* explicit_tags.c: gives a node its explicit tag (YAML's own, or a local
 * one held back). */
void loader_apply_tag(struct loader *ld, struct fy_token *tag_token, struct node *node,
		      struct span span);

/* Whether the token is the tag !!omap. */
bool loader_is_omap_tag(struct fy_token *token);

/* build_scalar.c: a scalar event made a node; NULL when memory ran out. */
struct node *loader_build_scalar(struct loader *ld, struct fy_event *event);

/* build_container.c: a mapping or sequence opened, and closed once its
 * children are read. */
void loader_open_container(struct loader *ld, struct fy_event *event, enum node_kind kind);
void loader_close_container(struct loader *ld, struct fy_event *event);

/* build_alias.c: an alias made a node that shares its anchor's children. */
void loader_build_alias(struct loader *ld, struct fy_event *event);

/* events.c: one parser event, read into the tree. */
void loader_handle_event(struct loader *ld, struct fy_event *event);

/* ---- the keys of a mapping ----------------------------------------------- */

/* duplicate_keys.c: reports repeated keys; where the AWS CLI does not
 * refuse them (`refused` false), only the last value stays. */
void loader_check_duplicate_keys(struct loader *ld, struct node *mapping, bool refused);

/* The repeat of the key of `first`, reported. */
void loader_report_repeat(struct loader *ld, const struct pair *first,
			  const struct pair *repeat, bool refused);

/* merge_keys.c: a mapping's merge keys read, and its keys checked for
 * repeats; `merged` says the mapping is itself a merge key's value. */
void loader_read_merge_keys(struct loader *ld, struct node *mapping, bool merged);

/* A value in words, for a message: "a list", "the string \"x\"". */
struct described {
	char text[sizeof(struct quoted) + 48];
};
struct described loader_describe_value(const struct node *node);

/* ---- limits.c: the bounds on hostile input ------------------------------- */

/* Counts a node the event makes; false, having said so, once the
 * document has more than LOAD_MAX_NODES. */
bool loader_count_node(struct loader *ld, struct fy_event *event);
void loader_report_too_many_nodes(struct loader *ld, struct position at);

/* Counts what an alias of target expands to; false, having said so, once
 * the aliases pass their bounds. */
bool loader_count_alias(struct loader *ld, const struct node *target, struct span span);

/* ---- json_strict.c: what JSON refuses that libfyaml lets through --------- */

/* A comment between the previous event and upto. */
void loader_check_json_gap(struct loader *ld, size_t upto);

/* A raw control character, `code`, at byte `offset`. */
void loader_report_json_control(struct loader *ld, size_t offset, unsigned code);

/* ---- the parser ---------------------------------------------------------- */

/* parser.c: libfyaml's diagnostics, collected rather than shown; NULL
 * when memory ran out. */
struct fy_diag *loader_new_diag(void);

/* parser.c: a parser of text[0..len) whose errors diag collects; NULL
 * when diag is, or memory ran out. */
struct fy_parser *loader_open_parser(const struct loader *ld, struct fy_diag *diag,
				     const char *text, size_t len);

/* parser.c: parses the source, building the tree. */
void loader_parse(struct loader *ld);

/* parser_text.c: finds the lone surrogate escapes the parser is to read
 * as U+FFFD, those before `len`. */
void loader_find_lone_surrogates(struct loader *ld, size_t len);

/* parser_text.c: the text the parser reads: the source's own, or a copy
 * in *copy that reads the same but where libfyaml would read otherwise
 * than the AWS CLI. NULL when memory ran out. */
const char *loader_parser_text(struct loader *ld, size_t len, char **copy);

/* ---- before and after parsing -------------------------------------------- */

/* encoding.c: whether the text is UTF-8 that libfyaml may read. */
bool loader_check_encoding(struct loader *ld);

/* refused_text.c: control characters anywhere in YAML text, and the tabs
 * the AWS CLI's YAML reader refuses. */
void loader_check_characters(struct loader *ld);
void loader_check_tabs(struct loader *ld);

#endif
