/* A kind of document: a request, a CloudFormation template, a Terraform
 * configuration or plan. A kind knows how to tell a document of its own, and how to
 * walk from the document to each experiment it declares; it hands each to
 * the same checks (check/checker.h) with its operation, its path and its
 * spelling of member names. Each kind is one directory below this one,
 * registered in kinds.c.
 *
 * The pipeline: load (load/) -> unwrap (a kind finds its experiments) ->
 * check (check/) -> filter (filter/settings.h, filter/suppress.h) -> report
 * (report/). */
#ifndef IELINT_KIND_H
#define IELINT_KIND_H

#include <stdbool.h>
#include <stddef.h>

#include "check/naming.h"
#include "check/state.h"
#include "load/diag.h"
#include "load/load.h"
#include "load/node.h"
#include "rules/document_type.h"

/* An experiment as its document declares it, before any value in it is
 * worked out. */
struct declared {
	/* "resource ShadowTest" for a document of several experiments; NULL
	 * for a request, which is one. */
	const char *label;
	/* The name the document gives it (a template's logical id), or NULL. */
	const struct node *name;
	/* The declaration as a whole (a template's resource), or NULL. */
	const struct node *declaration;
	/* Its members, NULL when it has none: as written in a request or a
	 * template; keyed by the API's names, as the provider sends them,
	 * in Terraform. */
	const struct node *members;
	enum operation op;
};

typedef void declared_visit(const struct declared *declared, void *context);

struct kind {
	enum kind_id id;

	/* How its documents spell the experiment's members. */
	const struct naming *naming;

	/* Whether a loaded document is of this kind, by its structure. */
	bool (*detect)(const struct node *root);

	/* Whether a document that a directory search found is of this kind
	 * or a near miss of one; then from the text of one that did not load. */
	bool (*resembles)(const struct node *root);
	bool (*text_resembles)(const char *text, size_t len);

	/* Checks the document: each experiment it declares, and the kind's
	 * own rules. forced is the operation the user gave, or NULL. Returns
	 * what the document was checked as. */
	struct document_type (*check)(const struct node *root, const enum operation *forced,
				      const struct experiment_state *state,
				      struct diag_list *diags);

	/* Hands each experiment the document declares to visit, in order.
	 * op is the operation the document was checked as; state is what
	 * check() was given. */
	void (*walk)(const struct node *root, enum operation op,
		     const struct experiment_state *state, declared_visit *visit,
		     void *context);

	/* Whether a member's value is known only once deployed (a
	 * template's Ref), not as written. */
	bool (*deployed_value)(const struct node *value);

	/* Adds what the loader held back for documents of this kind. */
	void (*loader_notes)(struct document *doc, struct diag_list *diags);
};

const struct kind *kind_get(enum kind_id id);

/* The kind of a loaded document: the first whose detect() takes it, else
 * a request. */
const struct kind *kind_detect(const struct node *root);

/* Whether a document found by searching a directory is one that some kind
 * knows, or a near miss of one; then for a file that did not load. */
bool kinds_resemble(const struct node *root);
bool kinds_text_resemble(const char *text, size_t len);

#endif
