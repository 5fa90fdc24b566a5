#include "lint.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/format.h"
#include "base/memory.h"
#include "check/checker.h"
#include "filter/suppress.h"
#include "kinds/kind.h"
#include "plan/picture_build.h"

static const struct document_kind request = { "a request", "a Name", "Name" };
static const struct document_kind variable_file = {
	"a Terraform variable file", "a variable's value", "instance_type"
};
static const struct document_kind description = {
	"the description of an experiment", "its Name and Status", "Name and Status"
};

/* What the user makes of one file's diagnostics as they are found: the
 * settings, and once the document is loaded, its suppression comments. */
struct user_policy {
	struct diag_policy base; /* first: show() is given its address */
	const struct rule_settings *settings;
	struct suppressions suppressions;
};

static bool show_to_user(struct diag_policy *base, enum rule_id rule, int line, bool mark,
			 enum severity *severity)
{
	struct user_policy *policy = (struct user_policy *)base;
	/* Asked first, so that the suppression of a rule turned off is used. */
	bool suppressed = suppressions_match(&policy->suppressions, rule, line, mark);

	return settings_show(policy->settings, rule, severity) && !suppressed;
}

static void start(struct user_policy *policy, const struct rule_settings *settings,
		  struct diag_list *diags)
{
	*policy = (struct user_policy){ .base = { show_to_user }, .settings = settings };
	diags->policy = &policy->base;
}

/* Loads the document and finds its suppression comments. A load that ran
 * out of room (a hostile file's thousands of problems) is done again with
 * the suppressions known from the start, so that none of the diagnostics
 * they hide took the place of one they do not. */
static bool load(struct document *doc, const struct source *src, enum input_format format,
		 const struct document_kind *kind, struct user_policy *policy,
		 struct diag_list *diags)
{
	bool usable = load_document(doc, src, format, kind, diags);

	if (!usable || doc->format != INPUT_YAML)
		return usable;
	suppressions_find(&policy->suppressions, src, doc->root);
	if (diags->dropped == 0 || policy->suppressions.count == 0) {
		suppressions_hide(&policy->suppressions, diags);
		suppressions_hide(&policy->suppressions, &doc->local_tags);
		suppressions_hide(&policy->suppressions, &doc->template_notes);
		return usable;
	}
	document_free(doc);
	diag_list_free(diags);
	diags->policy = &policy->base;
	return load_document(doc, src, format, kind, diags);
}

/* After the checks: the suppressions that hid nothing, then the limit.
 * Memory that ran short anywhere in the document's checks (a pattern not
 * matched, a name not suggested: base/memory.h) makes its result unsure. */
static void finish(struct user_policy *policy, const struct rule_settings *settings,
		   struct diag_list *diags)
{
	suppressions_report(&policy->suppressions, diags);
	if (mem_shortage_take())
		diags->out_of_memory = true;
	diag_list_drop_hidden(diags);
	diag_list_limit(diags);
	diag_list_note_dropped(diags);
	settings_apply(settings, diags);
	diag_list_sort(diags);
	suppressions_free(&policy->suppressions);
	diags->policy = NULL;
}

/* Terraform reads a *.tf.json file as a configuration, whatever its
 * blocks (one of providers alone is no resource's). */
static bool names_terraform_json(const char *name)
{
	size_t len = strlen(name), suffix = strlen(".tf.json");

	return len >= suffix && strcasecmp(name + len - suffix, ".tf.json") == 0;
}

/* Why a file found by a search is left out: the document it holds is no
 * request, template or Terraform experiment ielint knows
 * (kinds_resemble()), nor its text when it does not load. NULL when it is to be checked (and when memory
 * runs out: better a file checked than one dropped unsaid). */
static char *leave_out_why(const struct source *src, const struct document *doc,
			   const struct diag_list *diags)
{
	if (doc->root && kinds_resemble(doc->root))
		return NULL;
	if (doc->root && (kind_detect(doc->root)->id == KIND_TERRAFORM ||
			  names_terraform_json(src->name)))
		return format_alloc("it is a Terraform configuration with no "
				    TERRAFORM_RESOURCE_TYPE " resource");
	if (doc->root)
		return format_alloc("none of its members is one of a create, update or stop "
				    "request, or near one, and it is no CloudFormation "
				    "template");
	if (kinds_text_resemble(src->data, src->len))
		return NULL;
	if (doc->format == INPUT_HCL)
		return format_alloc("it does not load (%s), and nothing in it names "
				    TERRAFORM_RESOURCE_TYPE,
				    diags->count ? diags->items[0].message : "no document");
	return format_alloc("it does not load (%s), and nothing in it names a member of a "
			    "request or a template's experiment",
			    diags->count ? diags->items[0].message : "no document");
}

/* The format to read a source in: a configuration said to be Terraform's
 * whose name says no format is HCL unless it starts as JSON does. */
static enum input_format format_of(const struct source *src, enum input_format format,
				   const struct document_type *forced)
{
	if (format != INPUT_AUTO || !forced || forced->kind != KIND_TERRAFORM)
		return format;
	return input_format_detect_terraform(src->name, src->data, src->len);
}

/* Lints a source (read from path on disk, or NULL); with a plan, also
 * says what the request changes; with pictures, draws its experiments. With
 * left_out (a file a directory search found), a document of no kind
 * ielint knows is not checked unless the settings name its operation:
 * *left_out says why, and diags stay empty. */
static void lint_document(const struct source *src, const char *path,
			  const struct lint_options *options,
			  const struct rule_settings *settings, struct diag_list *diags,
			  struct plan *plan, struct picture_list *pictures, char **left_out)
{
	struct experiment_state state = options->state;
	struct user_policy policy;
	struct document doc;
	struct document_type type;
	bool forced = settings_document_type(settings, &type);
	bool loaded;

	mem_shortage_take(); /* what came before is not this document's */
	state.path = path;
	start(&policy, settings, diags);
	loaded = load(&doc, src, format_of(src, options->format, forced ? &type : NULL),
		      &request, &policy, diags);
	if (left_out && !forced && (*left_out = leave_out_why(src, &doc, diags)) != NULL) {
		suppressions_free(&policy.suppressions);
		diag_list_free(diags);
		document_free(&doc);
		return;
	}
	if (loaded) {
		/* Unwrap and check: the kind finds the experiments. */
		const struct kind *kind = forced ? kind_get(type.kind) : kind_detect(doc.root);
		diags->checked_as = kind->check(doc.root, forced ? &type.op : NULL, &state,
						diags);
		diags->checked = true;
		kind->loader_notes(&doc, diags);
		if (plan)
			plan_build(plan, doc.root, kind, diags->checked_as.op, &state);
		if (pictures)
			picture_build(pictures, doc.root, kind, diags->checked_as.op, &state,
				      plan != NULL);
	} else if (pictures) {
		picture_not_loaded(pictures);
	}
	finish(&policy, settings, diags);
	document_free(&doc);
}

void lint_source(const struct source *src, const struct lint_options *options,
		 const struct rule_settings *settings, struct diag_list *diags)
{
	lint_document(src, NULL, options, settings, diags, NULL, NULL, NULL);
}

void lint_source_found(const struct source *src, const char *path,
		       const struct lint_options *options, const struct rule_settings *settings,
		       struct diag_list *diags, char **left_out)
{
	*left_out = NULL;
	lint_document(src, path, options, settings, diags, NULL, NULL, left_out);
}

/* Reads a file; a file too large is kept out with a diagnostic. */
static void read_file(const char *path, const struct lint_options *options,
		      struct lint_result *result)
{
	enum source_status status;

	memset(result, 0, sizeof *result);
	diag_list_init(&result->diags);
	plan_init(&result->plan);
	picture_list_init(&result->pictures);
	status = source_read(&result->source, path, options->max_file_size, &result->why);
	/* Named, standard input finds its format by the name, as a file does. */
	if (strcmp(path, "-") == 0 && options->stdin_name)
		result->source.name = options->stdin_name;
	result->name = result->source.name;
	result->path = strcmp(path, "-") != 0 ? path : NULL;
	result->readable = status != SOURCE_UNREADABLE;
	if (status == SOURCE_TOO_LARGE)
		diag_add(&result->diags, RULE_FILE_TOO_LARGE, (struct span){ 1, 1, 1, 1 }, "",
			 "the file is larger than %zu MiB; a request is a few kilobytes",
			 options->max_file_size / (1024 * 1024));
}

void lint_file(const char *path, bool found, const struct lint_options *options,
	       const struct rule_settings *settings, struct lint_result *result)
{
	struct document_type type;

	read_file(path, options, result);
	if (result->source.data) {
		lint_document(&result->source, result->path, options, settings,
			      &result->diags, options->plan ? &result->plan : NULL,
			      options->pictures ? &result->pictures : NULL,
			      found ? &result->left_out : NULL);
		return;
	}
	/* Larger than any request or template can be. */
	if (found && result->readable && !settings_document_type(settings, &type)) {
		result->left_out = format_alloc("larger than %zu MiB, which no request or "
						"template is", options->max_file_size / (1024 * 1024));
		if (result->left_out) {
			diag_list_free(&result->diags);
			return;
		}
	}
	settings_apply(settings, &result->diags);
}

void lint_result_check_again(struct lint_result *result, const struct lint_options *options,
			     const struct rule_settings *settings)
{
	diag_list_free(&result->diags);
	plan_free(&result->plan);
	plan_init(&result->plan);
	picture_list_free(&result->pictures);
	lint_document(&result->source, result->path, options, settings, &result->diags,
		      options->plan ? &result->plan : NULL,
		      options->pictures ? &result->pictures : NULL, NULL);
}

void lint_result_free(struct lint_result *result)
{
	source_free(&result->source);
	free(result->left_out);
	result->left_out = NULL;
	diag_list_free(&result->diags);
	plan_free(&result->plan);
	picture_list_free(&result->pictures);
}

void current_load(struct current_experiment *current, const char *path,
		  const struct lint_options *options,
		  const struct rule_settings *settings)
{
	struct lint_result *result = &current->result;
	struct user_policy policy;

	memset(&current->document, 0, sizeof current->document);
	mem_shortage_take();
	read_file(path, options, result);
	start(&policy, settings, &result->diags);
	if (result->source.data &&
	    load(&current->document, &result->source, options->format, &description,
		 &policy, &result->diags))
		check_current(current->document.root, options->state.now, &result->diags);
	finish(&policy, settings, &result->diags);
}

void previous_load(struct current_experiment *previous, const char *path,
		   const struct lint_options *options, const struct rule_settings *settings)
{
	struct lint_result *result = &previous->result;
	struct user_policy policy;

	memset(&previous->document, 0, sizeof previous->document);
	mem_shortage_take();
	read_file(path, options, result);
	start(&policy, settings, &result->diags);
	if (result->source.data)
		load(&previous->document, &result->source, options->format, &request, &policy,
		     &result->diags);
	finish(&policy, settings, &result->diags);
}

void variable_file_load(struct current_experiment *variables, const char *path,
			const struct lint_options *options,
			const struct rule_settings *settings)
{
	struct lint_result *result = &variables->result;
	size_t len = strlen(path);
	/* As terraform reads -var-file: JSON by its name, else HCL. */
	enum input_format format = len >= 5 && strcmp(path + len - 5, ".json") == 0
		? INPUT_JSON : INPUT_HCL;
	struct user_policy policy;

	memset(&variables->document, 0, sizeof variables->document);
	mem_shortage_take();
	read_file(path, options, result);
	start(&policy, settings, &result->diags);
	if (result->source.data)
		load(&variables->document, &result->source, format, &variable_file, &policy,
		     &result->diags);
	finish(&policy, settings, &result->diags);
}

void current_free(struct current_experiment *current)
{
	document_free(&current->document);
	lint_result_free(&current->result);
}

/* A file too large to read. */
static const enum rule_id raised_rules[] = {
	RULE_FILE_TOO_LARGE,
};

bool lint_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
