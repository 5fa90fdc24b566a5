/* What the cross-field rules share: the context of one check, how a rule
 * reports, and the rules themselves. Each rule is one function, rule_NAME
 * for the rule NAME, kept in the file of its topic (cross_schedule.c,
 * cross_variants.c, ...) and registered in the one table of cross.c,
 * which runs them in order.
 *
 * The request is read by the API's member names (request_read.h); what a
 * rule prints, a member in a message or a path, is spelt by the naming
 * of the document's kind (cross_member, cross_path), never written out. */
#ifndef IELINT_CROSS_H
#define IELINT_CROSS_H

#include <stdbool.h>
#include <stddef.h>

#include "check_cross.h"
#include "naming.h"
#include "request_read.h"
#include "state.h"
#include "load/diag.h"
#include "load/node.h"
#include "rules/document_type.h"
#include "rules/operation.h"

struct suggestion;

struct cross {
	const struct node *request;
	enum operation op;
	/* The document's kind: a template's experiment is no request, and its
	 * schedule times are read as CloudFormation's handler reads them,
	 * a request's as the AWS CLI does. */
	enum kind_id kind;
	const struct naming *naming;
	const struct experiment_state *state;
	/* The experiment the request acts on (--current), or NULL; a create
	 * request acts on none. */
	const struct node *current;
	/* --current as given, even when it describes another experiment than
	 * the request's (then current is NULL, and so is the status it gave). */
	const struct node *described;
	/* The variants the request deploys: ModelVariants, or for a stop
	 * request DesiredModelVariants. */
	const char *variants_member;
	struct diag_list *diags;
	size_t shape_diags; /* the diagnostics of the shape rules come first */
	enum rule_id rule;  /* the rule being checked, which cross_report() raises */
};

/* ---- spelling and reporting (cross.c) ------------------------------------ */

/* A member as the document's kind spells it, for a message. */
const char *cross_member(const struct cross *c, const char *api_name);

/* A member path given in the API's names (Schedule.EndTime), spelt as
 * the document's kind spells it; NULL when memory runs out. */
char *cross_path(const struct cross *c, const char *api_path);

/* The path of a list's index-th item, or of its member (which may itself
 * be a path): ModelVariants[1].VariantName. The same. */
char *cross_item_path(const struct cross *c, const char *list, size_t index,
		      const char *member);

/* Raises the rule being checked at node `at`, unless a shape rule found
 * that value unusable; a rule's function can raise no other. Takes path,
 * made by the functions above, and frees it (NULL: memory ran out, and
 * nothing is raised). True when the diagnostic was recorded. */
bool cross_report(struct cross *c, const struct node *at, char *path, const char *format, ...)
	__attribute__((format(printf, 4, 5)));

/* Gives the diagnostic just raised a second place, when related is one. */
void cross_relate(struct cross *c, const struct node *related);

/* Whether a shape rule already found this value unusable: one mistake
 * makes one diagnostic, so the cross-field rules leave such a value alone.
 * Advice on a value that is still sent (a loose timestamp) does not count. */
bool cross_already_reported(const struct cross *c, const struct node *at);

/* Whether any rule has reported this node, shape rule or cross-field. */
bool cross_reported_at(const struct cross *c, const struct node *at);

/* ---- what several topics read -------------------------------------------- */

/* Offers the VariantName of each of the variants to a "did you mean"
 * (cross_variants.c). */
void cross_consider_variants(struct suggestion *s, const struct node *variants);

/* A stop request's ModelVariantActions, unless the shape rules found it
 * unusable (cross_stop.c). */
const struct node *cross_actions(const struct cross *c);

/* The path of a variant's action: ModelVariantActions.shadow, or
 * ModelVariantActions["a b"]; the variant's name stays as written. */
char *cross_action_path(const struct cross *c, const struct node *key);

/* Whether an action removes its variant. */
bool cross_removes(const struct node *action);

/* ---- the rules, by topic, in the table's order where it allows --------- */

/* The experiment's name and status (cross_status.c). */
void rule_state_unknown(struct cross *c);
void rule_status_not_updatable(struct cross *c);
void rule_name_mismatch(struct cross *c);
void rule_current_not_compared(struct cross *c);
void rule_no_change(struct cross *c);
void rule_status_not_stoppable(struct cross *c);

/* The schedule (cross_schedule.c). */
void rule_start_time_while_running(struct cross *c);
void rule_end_before_start(struct cross *c);
void rule_schedule_too_long(struct cross *c);
void rule_end_time_in_past(struct cross *c);
void rule_start_time_in_past(struct cross *c);

/* The variants and their capacity (cross_variants.c). */
void rule_duplicate_variant_name(struct cross *c);
void rule_duplicate_model(struct cross *c);
void rule_new_variant(struct cross *c);
void rule_zero_instances(struct cross *c);

/* Shadow mode and its sampling (cross_shadow.c). */
void rule_unknown_variant(struct cross *c);
void rule_shadow_is_source(struct cross *c);
void rule_variant_not_in_shadow_config(struct cross *c);
void rule_negative_sampling(struct cross *c);
void rule_zero_sampling(struct cross *c);

/* The content types of the data captured (cross_content_types.c). */
void rule_content_type_in_both(struct cross *c);
void rule_duplicate_content_type(struct cross *c);
void rule_empty_content_type(struct cross *c);

/* Where the data is captured: its S3 bucket and KMS keys (cross_storage.c). */
void rule_kms_key_form(struct cross *c);
void rule_bucket_name(struct cross *c);

/* Tags (cross_tags.c). */
void rule_duplicate_tag_key(struct cross *c);
void rule_reserved_tag_key(struct cross *c);

/* A stop's actions (cross_stop.c). */
void rule_several_promoted(struct cross *c);
void rule_unknown_action_variant(struct cross *c);
void rule_desired_variant_not_kept(struct cross *c);
void rule_desired_variant_not_named(struct cross *c);

/* A stop's promotion, against the experiment described (cross_promotion.c). */
void rule_promoted_keeps_infrastructure(struct cross *c);
void rule_promoted_source_variant(struct cross *c);

#endif
