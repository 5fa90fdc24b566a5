/* The forms of the values that Ref and Fn::GetAtt return for the resource
 * types whose values an experiment's properties take: a role for RoleArn,
 * a key for KmsKey, a bucket for the Destination, an endpoint and models
 * for EndpointName and ModelName. A form is where every value starts, and
 * the characters the rest is made of; a reference is reported only when no
 * text of its form can match the property's pattern, as if the reference
 * were a literal of that form (PCRE2's partial matching, base/regex.h,
 * tells whether a start can still become a match). What the table does
 * not list is not known, and never reported.
 *
 * The return values are those of the "Return values" sections of the
 * CloudFormation template reference (AWS::IAM::Role, AWS::KMS::Key,
 * AWS::S3::Bucket, AWS::SageMaker::Endpoint, AWS::SageMaker::Model,
 * AWS::SSM::Parameter). */
#include "value_forms.h"

#include <stdio.h>
#include <string.h>

#include "attributes.h"
#include "intrinsic.h"
#include "base/quote.h"
#include "base/strbuf.h"
#include "rules/model.h"

#define DIGITS "0123456789"
#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
/* What an ARN holds after its start: its resource type and name. */
#define ARN_REST LOWER UPPER DIGITS ":/+=,.@_-"
#define NAME_REST LOWER UPPER DIGITS "-"
#define BUCKET_REST LOWER DIGITS ".-"
#define KEY_ID_REST DIGITS "abcdef-mrk"

/* Every value starts with starts ("" for none; {partition} stands for any
 * partition's name), and the rest is made of the characters of rest (NULL:
 * of any). */
struct form {
	const char *starts;
	const char *rest;
};

struct value_form {
	const char *type;
	const char *attribute; /* NULL for what Ref returns */
	const char *gives;     /* the value in words */
	struct form forms[2];  /* any of them; the second may be empty */
	const char *fits;      /* the property it is meant for, "*" any, or NULL */
};

static const struct value_form value_forms[] = {
	/* AWS::IAM::Role: Ref returns the role's name; Arn, such as
	 * arn:aws:iam::123456789012:role/MyRole-AJJHDSKSDF; RoleId, the
	 * role's unique id, capital letters and digits (AROA... for a role,
	 * by IAM's "Unique identifiers"). A name holds letters, digits and
	 * + = , . @ _ - (the schema's RoleName pattern). */
	{ "AWS::IAM::Role", NULL, "the role's name",
	  { { "", LOWER UPPER DIGITS "+=,.@_-" } }, NULL },
	{ "AWS::IAM::Role", "Arn", "the role's ARN, arn:aws:iam::ACCOUNT:role/NAME",
	  { { "arn:{partition}:iam::", ARN_REST } }, "RoleArn" },
	{ "AWS::IAM::Role", "RoleId", "the role's id, such as AROA1234567890EXAMPLE",
	  { { "", UPPER DIGITS } }, NULL },
	/* AWS::KMS::Key: Ref and KeyId return the key's id, such as
	 * 1234abcd-12ab-34cd-56ef-1234567890ab (mrk-... for a multi-Region
	 * key); Arn, arn:aws:kms:us-west-2:111122223333:key/ID. */
	{ "AWS::KMS::Key", NULL, "the key's id, such as 1234abcd-12ab-34cd-56ef-1234567890ab",
	  { { "", KEY_ID_REST } }, NULL },
	{ "AWS::KMS::Key", "KeyId", "the key's id, such as 1234abcd-12ab-34cd-56ef-1234567890ab",
	  { { "", KEY_ID_REST } }, "KmsKey" },
	{ "AWS::KMS::Key", "Arn", "the key's ARN, arn:aws:kms:REGION:ACCOUNT:key/ID",
	  { { "arn:{partition}:kms:", ARN_REST } }, "KmsKey" },
	/* AWS::S3::Bucket: Ref returns the bucket's name (lowercase letters,
	 * digits, dots and hyphens); Arn, arn:aws:s3:::NAME; DomainName,
	 * NAME.s3.amazonaws.com; RegionalDomainName and DualStackDomainName,
	 * NAME.s3.REGION... and NAME.s3.dualstack.REGION...; WebsiteURL,
	 * http://NAME.s3-website... */
	{ "AWS::S3::Bucket", NULL, "the bucket's name",
	  { { "", BUCKET_REST } }, NULL },
	{ "AWS::S3::Bucket", "Arn", "the bucket's ARN, arn:aws:s3:::NAME",
	  { { "arn:{partition}:s3:::", BUCKET_REST } }, NULL },
	{ "AWS::S3::Bucket", "DomainName", "the bucket's domain name, NAME.s3.amazonaws.com",
	  { { "", BUCKET_REST } }, NULL },
	{ "AWS::S3::Bucket", "RegionalDomainName",
	  "the bucket's domain name, NAME.s3.REGION.amazonaws.com", { { "", BUCKET_REST } }, NULL },
	{ "AWS::S3::Bucket", "DualStackDomainName",
	  "the bucket's domain name, NAME.s3.dualstack.REGION.amazonaws.com",
	  { { "", BUCKET_REST } }, NULL },
	{ "AWS::S3::Bucket", "WebsiteURL", "the bucket's website address, http://NAME.s3-website...",
	  { { "http://", NULL } }, NULL },
	/* AWS::SageMaker::Endpoint and AWS::SageMaker::Model: EndpointName
	 * and ModelName return the name; EndpointArn and ModelArn the ARN,
	 * arn:aws:sagemaker:REGION:ACCOUNT:endpoint/NAME (model/NAME). What
	 * Ref returns is taken as either: the resource schemas make the ARN
	 * their primary identifier, and templates use Ref as the name. */
	{ "AWS::SageMaker::Endpoint", NULL, "the endpoint's ARN or name",
	  { { "arn:{partition}:sagemaker:", ARN_REST }, { "", NAME_REST } }, NULL },
	{ "AWS::SageMaker::Endpoint", "EndpointName", "the endpoint's name",
	  { { "", NAME_REST } }, "EndpointName" },
	{ "AWS::SageMaker::Endpoint", "EndpointArn",
	  "the endpoint's ARN, arn:aws:sagemaker:REGION:ACCOUNT:endpoint/NAME",
	  { { "arn:{partition}:sagemaker:", ARN_REST } }, NULL },
	{ "AWS::SageMaker::Model", NULL, "the model's ARN or name",
	  { { "arn:{partition}:sagemaker:", ARN_REST }, { "", NAME_REST } }, NULL },
	{ "AWS::SageMaker::Model", "ModelName", "the model's name",
	  { { "", NAME_REST } }, "ModelName" },
	{ "AWS::SageMaker::Model", "ModelArn",
	  "the model's ARN, arn:aws:sagemaker:REGION:ACCOUNT:model/NAME",
	  { { "arn:{partition}:sagemaker:", ARN_REST } }, NULL },
	/* AWS::SSM::Parameter: Ref returns the parameter's name (letters,
	 * digits, _ . - and / for a hierarchy), not the value it holds, which
	 * Fn::GetAtt reads as Value, in no form known here. */
	{ "AWS::SSM::Parameter", NULL, "the parameter's name, not the value it holds",
	  { { "", LOWER UPPER DIGITS "_.-/" } }, NULL },
	{ "AWS::SSM::Parameter", "Value", "the parameter's value", { { "", NULL } }, "*" },
};

enum { VALUE_FORM_COUNT = sizeof value_forms / sizeof *value_forms };

/* The partitions an ARN may name (aws, aws-cn, aws-us-gov and the
 * isolated ones). */
static const char *const partitions[] = {
	"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f",
	"aws-eusc",
};

static const struct value_form *form_of(const char *type, const char *attribute, size_t len)
{
	for (size_t i = 0; i < VALUE_FORM_COUNT; i++) {
		const struct value_form *f = &value_forms[i];
		if (strcmp(f->type, type) != 0)
			continue;
		if (!attribute ? !f->attribute
			       : f->attribute && strlen(f->attribute) == len &&
				 memcmp(f->attribute, attribute, len) == 0)
			return f;
	}
	return NULL;
}

/* The search for a value of a form that matches a pattern goes this many
 * characters past the form's start, keeping this many starts that can
 * still become a match; past either it takes the form to match. */
enum { SEARCH_DEPTH = 16, SEARCH_WIDTH = 16, SEARCH_TEXT = 96 };

struct starts {
	char text[SEARCH_WIDTH][SEARCH_TEXT];
	size_t count;
};

static bool viable(const struct shape *shape, const char *text)
{
	size_t len = strlen(text);

	return shape_viable_prefix(shape, text, len) == len;
}

/* Whether a text of start then characters of rest may match the shape's
 * pattern: the starts that can still become a match are grown a character
 * at a time, until one matches whole (it may), none is left (it cannot),
 * or the search has gone as far as it goes (it may). */
static bool start_may_match(const struct shape *shape, const char *start, const char *rest)
{
	static _Thread_local struct starts grown[2];
	struct starts *now = &grown[0], *next = &grown[1];
	size_t len = strlen(start);

	if (!viable(shape, start))
		return false;
	if (!rest || len + SEARCH_DEPTH >= SEARCH_TEXT)
		return true;
	memcpy(now->text[0], start, len + 1);
	now->count = 1;
	for (size_t depth = 0; depth < SEARCH_DEPTH; depth++, len++) {
		next->count = 0;
		for (size_t i = 0; i < now->count; i++) {
			if (shape_matches_pattern(shape, now->text[i], len))
				return true;
			for (const char *c = rest; *c; c++) {
				char *text = now->text[i];
				text[len] = *c;
				text[len + 1] = '\0';
				if (!viable(shape, text))
					continue;
				if (next->count == SEARCH_WIDTH)
					return true;
				memcpy(next->text[next->count++], text, len + 2);
			}
			now->text[i][len] = '\0';
		}
		if (next->count == 0)
			return false;
		struct starts *swap = now;
		now = next;
		next = swap;
	}
	return true;
}

static bool form_may_match(const struct shape *shape, const struct form *form)
{
	const char *slot = strstr(form->starts, "{partition}");
	char start[SEARCH_TEXT / 2];

	if (!slot)
		return start_may_match(shape, form->starts, form->rest);
	for (size_t i = 0; i < sizeof partitions / sizeof *partitions; i++) {
		int n = snprintf(start, sizeof start, "%.*s%s%s", (int)(slot - form->starts),
				 form->starts, partitions[i], slot + strlen("{partition}"));
		if (n < 0 || (size_t)n >= sizeof start || start_may_match(shape, start, form->rest))
			return true;
	}
	return false;
}

/* The answers found, by form and shape: the same references are met in
 * every experiment of a file, and in every file. */
enum { KNOWN_ANSWERS = 64 };

struct known_answer {
	const struct value_form *form;
	const struct shape *shape;
	bool may_match;
};

static bool may_match(const struct shape *shape, const struct value_form *f)
{
	static _Thread_local struct known_answer known[KNOWN_ANSWERS];
	static _Thread_local size_t known_count;
	bool answer = false;

	for (size_t i = 0; i < known_count; i++)
		if (known[i].form == f && known[i].shape == shape)
			return known[i].may_match;
	for (size_t i = 0; i < sizeof f->forms / sizeof *f->forms && f->forms[i].starts; i++)
		if (form_may_match(shape, &f->forms[i]))
			answer = true;
	known[known_count % KNOWN_ANSWERS] = (struct known_answer){ f, shape, answer };
	known_count = known_count < KNOWN_ANSWERS ? known_count + 1 : known_count;
	return answer;
}

/* A reference to a resource: a Ref, or a Fn::GetAtt of a named attribute. */
struct reference {
	const struct intrinsic *call;
	const char *resource;
	size_t resource_len;
	const char *attribute; /* NULL for a Ref */
	size_t attribute_len;
};

static bool reference_read(const struct intrinsic *call, struct reference *out)
{
	struct get_att get;

	if (call->function == FN_REF && node_is_string(call->argument)) {
		*out = (struct reference){ call, call->argument->scalar.text,
					   call->argument->scalar.len, NULL, 0 };
		return true;
	}
	if (!get_att_read(call, &get) || !get.attribute)
		return false;
	*out = (struct reference){ call, get.resource, get.resource_len, get.attribute,
				   get.attribute_len };
	return true;
}

/* The reference written as the call writes it: !GetAtt Role.Arn, or
 * {"Fn::GetAtt": ["Role", "Arn"]}. */
static void put_reference(struct strbuf *b, const struct intrinsic *call,
			  const char *resource, size_t resource_len, const char *attribute,
			  size_t attribute_len)
{
	bool tag = call->name[0] == '!';

	if (!attribute) {
		strbuf_puts(b, tag ? "!Ref " : "{\"Ref\": \"");
		strbuf_puts(b, shorten(resource, resource_len).text);
		strbuf_puts(b, tag ? "" : "\"}");
		return;
	}
	strbuf_puts(b, tag ? "!GetAtt " : "{\"Fn::GetAtt\": [\"");
	strbuf_puts(b, shorten(resource, resource_len).text);
	strbuf_puts(b, tag ? "." : "\", \"");
	strbuf_puts(b, shorten(attribute, attribute_len).text);
	strbuf_puts(b, tag ? "" : "\"]}");
}

/* "; use !GetAtt Role.Arn" when another value of the same resource is
 * the one meant for the property. */
static void put_better(struct strbuf *b, const struct reference *r, const struct value_form *wrong,
		       const struct shape_member *member)
{
	for (size_t i = 0; i < VALUE_FORM_COUNT; i++) {
		const struct value_form *f = &value_forms[i];
		if (f == wrong || strcmp(f->type, wrong->type) != 0 || !f->fits ||
		    (strcmp(f->fits, "*") != 0 && strcmp(f->fits, member->name) != 0) ||
		    !may_match(member->shape, f))
			continue;
		strbuf_puts(b, "; use ");
		put_reference(b, r->call, r->resource, r->resource_len, f->attribute,
			      f->attribute ? strlen(f->attribute) : 0);
		return;
	}
}

static void check_reference(struct resource_check *e, const struct intrinsic *call,
			    const struct shape_member *member)
{
	struct reference r;
	const char *type;
	const struct value_form *f;
	struct strbuf text = STRBUF_INIT;

	if (!reference_read(call, &r))
		return;
	type = resource_type_of(e->template, r.resource, r.resource_len);
	f = type ? form_of(type, r.attribute, r.attribute_len) : NULL;
	if (!f || may_match(member->shape, f) ||
	    !diag_list_has_room(e->diags, e->rule, call->name_span.line))
		return;
	put_reference(&text, call, r.resource, r.resource_len, r.attribute, r.attribute_len);
	strbuf_puts(&text, r.attribute ? ", of an " : ", for an ");
	strbuf_puts(&text, type);
	strbuf_puts(&text, ", gives ");
	strbuf_puts(&text, f->gives);
	strbuf_puts(&text, ", which can never be what ");
	strbuf_puts(&text, member->name);
	strbuf_puts(&text, " takes: ");
	strbuf_puts(&text, member->shape->words ? member->shape->words->means
						: "a value of its pattern");
	put_better(&text, &r, f, member);
	if (text.failed)
		e->diags->out_of_memory = true;
	else
		resource_report(e, call->name_span, "%s", strbuf_text(&text));
	strbuf_free(&text);
}

static void check_value(struct resource_check *e, const struct node *node,
			const struct shape_member *member);

static void check_members(struct resource_check *e, const struct node *node,
			  const struct shape *shape)
{
	for (size_t i = 0; node->kind == NODE_MAPPING && i < node->mapping.count; i++) {
		const struct pair *pair = &node->mapping.pairs[i];
		const struct shape_member *member = node_is_string(pair->key)
			? shape_find_member(shape, pair->key->scalar.text, pair->key->scalar.len)
			: NULL;
		if (!member)
			continue;
		size_t mark = path_length(e->path);
		path_append_key(e->path, pair->key->scalar.text, pair->key->scalar.len);
		check_value(e, pair->value, member);
		path_truncate(e->path, mark);
	}
}

/* A list's items, each of the member's shape's member shape. */
static void check_items(struct resource_check *e, const struct node *node,
			const struct shape_member *member)
{
	struct shape_member item = { member->name, member->shape->member, false, false, false };

	for (size_t i = 0; node->kind == NODE_SEQUENCE && i < node->sequence.count; i++) {
		size_t mark = path_length(e->path);
		path_append_index(e->path, i);
		check_value(e, node->sequence.items[i], &item);
		path_truncate(e->path, mark);
	}
}

/* The value of a member as written: a reference is checked, an Fn::If's
 * two values each, a structure's members and a list's items in turn. */
static void check_value(struct resource_check *e, const struct node *node,
			const struct shape_member *member)
{
	const struct shape *shape = member->shape;
	struct intrinsic call;

	if (intrinsic_read(node, true, &call)) {
		const struct node *a = call.argument;
		if (call.function == FN_IF && a->kind == NODE_SEQUENCE && a->sequence.count == 3) {
			check_value(e, a->sequence.items[1], member);
			check_value(e, a->sequence.items[2], member);
		} else if (shape->type == SHAPE_STRING && shape->pattern) {
			check_reference(e, &call, member);
		}
		return;
	}
	if (shape->type == SHAPE_STRUCTURE)
		check_members(e, node, shape);
	else if (shape->type == SHAPE_LIST && shape->member)
		check_items(e, node, member);
}

void rule_reference_mismatch(struct resource_check *e, const struct node *properties)
{
	/* A Transform's macros may change the resources, and their types. */
	if (e->template->transformed)
		return;
	check_members(e, properties, model_get()->resource);
}
