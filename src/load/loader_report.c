/* The loader's diagnostics, each at the path of the slot the parser is
 * filling: the tree is still being built, so the path comes from the open
 * collections rather than from finished nodes. */
#include "loader.h"

#include <stdarg.h>

#include "base/path.h"

void loader_out_of_memory(struct loader *ld)
{
	ld->diags->out_of_memory = true;
	ld->stop = true;
}

/* The path of the slot the next node will fill (plus `key`, when given):
 * each open frame contributes the key or index of its open child. */
static void current_path(const struct loader *ld, struct path *path,
			 const struct node *key)
{
	for (size_t i = 0; i < ld->depth; i++) {
		const struct frame *frame = &ld->frames[i];
		size_t child = i + 1 < ld->depth ? ld->frames[i + 1].first_child
						 : ld->children_len;
		size_t slot = child - frame->first_child;

		if (frame->node->kind == NODE_SEQUENCE) {
			path_append_index(path, slot);
		} else if (slot % 2 == 1) {
			/* A value is being built: its key came just before. */
			const struct node *pending = ld->children[child - 1];
			if (pending->kind == NODE_SCALAR)
				path_append_key(path, pending->scalar.text, pending->scalar.len);
			else
				path_append_key(path, "?", 1);
		}
	}
	if (key)
		path_append_key(path, key->scalar.text, key->scalar.len);
}

__attribute__((format(printf, 6, 0)))
static void reportv(struct loader *ld, struct diag_list *diags, enum rule_id rule,
		    struct span span, const struct node *key, const char *format,
		    va_list args)
{
	struct path path;

	path_init(&path);
	current_path(ld, &path, key);
	diag_addv(diags, rule, span, path_string(&path), format, args);
	path_free(&path);
}

__attribute__((format(printf, 5, 6)))
void loader_report(struct loader *ld, enum rule_id rule, struct span span,
		   const struct node *key, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	reportv(ld, ld->diags, rule, span, key, format, args);
	va_end(args);
}

/* A diagnostic about a local tag: see struct document. */
__attribute__((format(printf, 4, 5)))
void loader_hold_back(struct loader *ld, enum rule_id rule, struct span span,
		      const char *format, ...)
{
	va_list args;

	va_start(args, format);
	reportv(ld, &ld->doc->local_tags, rule, span, NULL, format, args);
	va_end(args);
}

/* A note for a template only: see struct document. */
__attribute__((format(printf, 4, 5)))
void loader_hold_for_template(struct loader *ld, enum rule_id rule, struct span span,
			      const char *format, ...)
{
	va_list args;

	va_start(args, format);
	reportv(ld, &ld->doc->template_notes, rule, span, NULL, format, args);
	va_end(args);
}
