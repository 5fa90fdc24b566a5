/* The loader: JSON or YAML text in, one positioned document tree out. */
#ifndef IELINT_LOAD_H
#define IELINT_LOAD_H

#include <stdbool.h>

#include "diag.h"
#include "node.h"
#include "source.h"
#include "base/arena.h"

enum input_format {
	INPUT_AUTO,
	INPUT_JSON,
	INPUT_YAML,
	INPUT_HCL, /* HCL native syntax, Terraform's *.tf: hcl.h */
};

/* Limits that keep hostile input from costing time or memory. A real
 * request nests five levels deep, has about fifty nodes and uses no aliases
 * at all; the largest template CloudFormation takes (1 MB) has far fewer
 * than LOAD_MAX_NODES. Each node costs libfyaml and the tree a few hundred
 * bytes, so the bound on nodes is what bounds memory. */
enum {
	LOAD_MAX_DEPTH = 64,
	LOAD_MAX_ALIAS_NODES = 10000,
	/* Each alias is checked as the text it stands for: 10,000 aliases of
	 * a 60 MB string would take some ten minutes. */
	LOAD_MAX_ALIAS_TEXT = 16 * 1024 * 1024,
	LOAD_MAX_NODES = 250000,
	LOAD_MAX_DATA_FILE = 16 * 1024 * 1024,
};

struct document {
	struct arena arena; /* owns every node and string of the tree */
	struct node *root;  /* a mapping, or NULL when loading failed */
	enum input_format format;
	/* A local tag (!Ref) is an intrinsic function in a CloudFormation
	 * template and an error in a request, and which the document is can
	 * be told only once it is loaded: the loader keeps the tags on their
	 * nodes and holds back its diagnostics about them here, for
	 * load_report_local_tags(). */
	struct diag_list local_tags;
	/* What matters only in a template (the aliases and merge keys that
	 * CloudFormation itself does not expand), likewise held back, for
	 * load_report_template_notes(). */
	struct diag_list template_notes;
};

/* JSON for a .json name, YAML for .yaml/.yml, HCL for .tf and .tfvars; otherwise JSON when the first
 * thing in the text is '{' or '[', else YAML. */
enum input_format input_format_detect(const char *name, const char *data,
				      size_t len);

/* The same for a document said to be a Terraform configuration: one whose
 * name and text say neither JSON nor YAML is HCL, Terraform having no
 * YAML (standard input given with --operation terraform). */
enum input_format input_format_detect_terraform(const char *name, const char *data,
						size_t len);

/* What a document should be, for the messages about one that is empty or
 * not a mapping: "the document is empty; a request needs at least a
 * Name", "... a request is a mapping of members such as Name". */
struct document_kind {
	const char *name;    /* "a request" */
	const char *needs;   /* "a Name" */
	const char *example; /* "Name" */
};

/* Loads src as `format` (INPUT_AUTO detects it). Problems, such as syntax
 * errors, duplicate keys or a root that is not a mapping, are added to diags.
 * Returns true when doc->root is a mapping that the checks can walk; the
 * document must be freed either way. */
bool load_document(struct document *doc, const struct source *src,
		   enum input_format format, const struct document_kind *kind,
		   struct diag_list *diags);

void document_free(struct document *doc);

/* Adds the diagnostics held back about local tags to diags, for a
 * document that is a request. */
void load_report_local_tags(struct document *doc, struct diag_list *diags);

/* Adds the notes held back for a template to diags, for a document that
 * is one. */
void load_report_template_notes(struct document *doc, struct diag_list *diags);

/* Whether this file raises the rule (for the rules' identity test). */
bool load_raises(enum rule_id rule);

const char *input_format_name(enum input_format format);

#endif
