/* Hover and completion (lsp/assist.h) on documents of every kind, among
 * them documents being typed that do not load. The point is marked "@@"
 * in each text. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "base/strbuf.h"
#include "lsp/assist.h"
#include "rules/model.h"

/* The text without its mark, and the mark's offset. */
struct marked {
	struct source src;
	char *text;
	size_t offset;
};

static struct assist_point point_in(struct marked *m, const char *name, const char *text)
{
	const char *mark = strstr(text, "@@");
	size_t len = strlen(text);

	ck_assert_ptr_nonnull(mark);
	m->offset = (size_t)(mark - text);
	m->text = mem_malloc(len - 1);
	ck_assert_ptr_nonnull(m->text);
	memcpy(m->text, text, m->offset);
	memcpy(m->text + m->offset, mark + 2, len - m->offset - 1);
	source_from_memory(&m->src, name, m->text, len - 2);
	return (struct assist_point){ &m->src, m->offset, NULL };
}

static char *hover_forced(const char *name, const char *text, const struct document_type *forced)
{
	struct marked m;
	struct assist_point point = point_in(&m, name, text);
	char *markdown;

	point.forced = forced;
	markdown = assist_hover(&point);
	free(m.text);
	return markdown;
}

static char *hover(const char *name, const char *text)
{
	return hover_forced(name, text, NULL);
}

/* The items, and the replaced bytes as text. */
struct completion {
	cJSON *items;
	char replaced[64];
};

static struct completion complete_forced(const char *name, const char *text,
					 const struct document_type *forced)
{
	struct marked m;
	struct assist_point point = point_in(&m, name, text);
	struct completion c;
	size_t start, end;

	point.forced = forced;
	c.items = assist_complete(&point, &start, &end);
	ck_assert_ptr_nonnull(c.items);
	ck_assert(start <= m.offset && m.offset <= end && end - start < sizeof c.replaced);
	memcpy(c.replaced, m.text + start, end - start);
	c.replaced[end - start] = '\0';
	free(m.text);
	return c;
}

static struct completion complete(const char *name, const char *text)
{
	return complete_forced(name, text, NULL);
}

static const cJSON *item(const struct completion *c, const char *label)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, c->items)
		if (strcmp(cJSON_GetObjectItem(it, "label")->valuestring, label) == 0)
			return it;
	return NULL;
}

static const char *field(const cJSON *it, const char *name)
{
	ck_assert_ptr_nonnull(it);
	return cJSON_GetObjectItem(it, name)->valuestring;
}

static int kind_of(const cJSON *it)
{
	ck_assert_ptr_nonnull(it);
	return cJSON_GetObjectItem(it, "kind")->valueint;
}

/* "(271)": how many instance types the model has. */
static void instance_type_count(char *text, size_t size)
{
	const struct model *model = model_get();

	for (size_t i = 0; i < model->shape_count; i++)
		if (strcmp(model->shapes[i].name, "ProductionVariantInstanceType") == 0)
			snprintf(text, size, "Allowed values (%zu): ", model->shapes[i].enum_count);
}

static void assert_contains(char *markdown, const char *part)
{
	ck_assert_ptr_nonnull(markdown);
	ck_assert_msg(strstr(markdown, part), "\"%s\" not in:\n%s", part, markdown);
}

/* ---- hover ---------------------------------------------------------------- */

static const char yaml_request[] =
	"Name: shadow-test\n"
	"Type: ShadowMode\n"
	"RoleArn: arn:aws:iam::123456789012:role/x\n"
	"EndpointName: ep\n"
	"ModelVariants:\n"
	"  - ModelName: a\n"
	"    VariantName: va\n"
	"    InfrastructureConfig:\n"
	"      InfrastructureType: RealTimeInference\n"
	"      RealTimeInferenceConfig:\n"
	"        InstanceType: ml.m5.xlarge\n"
	"        Instance@@Count: 1\n";

START_TEST(hover_yaml_request_count)
{
	char *markdown = hover("request.yaml", yaml_request);

	assert_contains(markdown, "**InstanceCount** *integer*, required");
	assert_contains(markdown, "- Range: at least 0");
	free(markdown);
}
END_TEST

START_TEST(hover_json_request_name)
{
	char *markdown = hover("request.json", "{\n  \"Na@@me\": \"shadow-test\",\n"
					       "  \"Type\": \"ShadowMode\"\n}\n");

	assert_contains(markdown, "**Name** *string*, required");
	assert_contains(markdown, "- Length: 1 to 120 characters");
	assert_contains(markdown, "- Pattern: `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}`");
	free(markdown);
}
END_TEST

START_TEST(hover_value_describes_its_member)
{
	char expected[64];
	char *markdown = hover("request.yaml",
			       "Name: x\nModelVariants:\n  - InfrastructureConfig:\n"
			       "      RealTimeInferenceConfig:\n        InstanceType: ml.m5.x@@large\n");

	instance_type_count(expected, sizeof expected);
	assert_contains(markdown, "**InstanceType** *enum*, required");
	assert_contains(markdown, expected);
	assert_contains(markdown, "`ml.t2.medium`");
	assert_contains(markdown, " more");
	free(markdown);
}
END_TEST

static const char template_yaml[] =
	"AWSTemplateFormatVersion: \"2010-09-09\"\n"
	"Resources:\n"
	"  Bucket:\n"
	"    Type: AWS::S3::Bucket\n"
	"    Properties:\n"
	"      BucketName: b\n"
	"  Experiment:\n"
	"    Type: AWS::SageMaker::InferenceExperiment\n"
	"    Properties:\n"
	"      Name: shadow-test # the experiment\n"
	"      ModelVariants:\n"
	"        - InfrastructureConfig:\n"
	"            RealTimeInferenceConfig:\n"
	"              InstanceType@@: ml.m5.xlarge\n";

START_TEST(hover_template)
{
	char expected[64];
	char *markdown = hover("template.yaml", template_yaml);

	instance_type_count(expected, sizeof expected);
	assert_contains(markdown, "**InstanceType** *enum*, required");
	assert_contains(markdown, expected);
	free(markdown);
}
END_TEST

START_TEST(hover_template_json_count)
{
	char *markdown = hover("template.json",
			       "{\"Resources\": {\"E\": {\"Properties\": {\"ModelVariants\": [{"
			       "\"InfrastructureConfig\": {\"RealTimeInferenceConfig\": "
			       "{\"InstanceCount\": 1@@}}}]}, "
			       "\"Type\": \"AWS::SageMaker::InferenceExperiment\"}}}");

	assert_contains(markdown, "**InstanceCount** *integer*, required");
	assert_contains(markdown, "- Range: at least 0");
	free(markdown);
}
END_TEST

START_TEST(hover_terraform)
{
	char expected[64];
	char *markdown = hover("main.tf",
			       "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
			       "  name = \"shadow-test\"\n"
			       "  model_variants = [{\n"
			       "    infrastructure_config = {\n"
			       "      real_time_inference_config = {\n"
			       "        instance_t@@ype = \"ml.m5.xlarge\"\n"
			       "      }\n    }\n  }]\n}\n");

	instance_type_count(expected, sizeof expected);
	assert_contains(markdown, "**instance_type** *enum*, required");
	assert_contains(markdown, expected);
	free(markdown);
}
END_TEST

START_TEST(hover_terraform_json)
{
	char *markdown = hover("main.tf.json",
			       "{\"resource\": {\"awscc_sagemaker_inference_experiment\": "
			       "{\"x\": {\"na@@me\": \"shadow-test\"}}}}\n");

	assert_contains(markdown, "**name** *string*, required");
	assert_contains(markdown, "`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}`");
	free(markdown);
}
END_TEST

START_TEST(hover_on_no_member)
{
	/* A comment, a template's own key, another resource's property,
	 * Terraform's other resources, a key no request has. */
	ck_assert_ptr_null(hover("request.yaml", "Name: x\n# Instance@@Count: 2\nType: ShadowMode\n"));
	ck_assert_ptr_null(hover("template.yaml",
				 "Resources:\n  E:\n    Ty@@pe: AWS::SageMaker::InferenceExperiment\n"
				 "    Properties:\n      Name: x\n"));
	ck_assert_ptr_null(hover("template.yaml",
				 "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"
				 "    Properties:\n      Na@@me: x\n"));
	ck_assert_ptr_null(hover("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  na@@me = \"x\"\n}\n"));
	ck_assert_ptr_null(hover("request.yaml", "Name: x\nColo@@ur: blue\n"));
}
END_TEST

/* ---- hover against the shapes' data -------------------------------------- */

/* "- Length: 1 to 120 characters" as the shape's numbers make it; "" when
 * it has none to show (a length of at least 0 says nothing). */
static void bounds_line(char *line, size_t size, const char *label, const struct shape *shape,
			const char *unit)
{
	bool min = shape->has_min && (shape->min > 0 || shape->type == SHAPE_INTEGER);

	if (min && shape->has_max && shape->min == shape->max)
		snprintf(line, size, "\n- %s: exactly %lld%s", label, shape->min, unit);
	else if (min && shape->has_max)
		snprintf(line, size, "\n- %s: %lld to %lld%s", label, shape->min, shape->max, unit);
	else if (min)
		snprintf(line, size, "\n- %s: at least %lld%s", label, shape->min, unit);
	else if (shape->has_max)
		snprintf(line, size, "\n- %s: at most %lld%s", label, shape->max, unit);
	else
		line[0] = '\0';
}

/* How many lines of the description's own (before its items' or
 * entries') begin with prefix. */
static size_t own_lines(const char *markdown, const char *prefix)
{
	const char *end = strstr(markdown, "\n- Each ");
	size_t count = 0;

	for (const char *at = markdown; (at = strstr(at, prefix)) && (!end || at < end); at++)
		count++;
	return count;
}

/* The hover of member m holds, and holds only, the constraints the shape
 * data gives it. */
static void check_member_hover(char *markdown, const struct shape_member *m, bool template)
{
	const struct shape *shape = m->shape;
	char line[512];
	static const char *const labels[] = { "\n- Length:", "\n- Range:", "\n- Items:",
					      "\n- Entries:" };
	const char *label = NULL, *unit = "";

	ck_assert_msg(markdown, "no hover on %s", m->name);
	snprintf(line, sizeof line, "**%s** *%s*, %s%s\n", m->name,
		 shape->type == SHAPE_STRING ? (shape->enum_count ? "enum" : "string")
		 : shape->type == SHAPE_INTEGER ? "integer" : shape->type == SHAPE_TIMESTAMP ? "timestamp"
		 : shape->type == SHAPE_STRUCTURE ? "structure" : shape->type == SHAPE_LIST ? "list"
		 : "map",
		 m->read_only ? "read-only: set by CloudFormation, never written in a template"
		 : m->required ? "required" : "optional",
		 template && m->optional_in_schema
			 ? " by the request the resource's handler sends, though the resource's "
			   "schema makes it optional"
			 : "");
	ck_assert_msg(strncmp(markdown, line, strlen(line)) == 0, "%s not at the start of:\n%s",
		      line, markdown);
	switch (shape->type) {
	case SHAPE_STRING:
		label = "Length", unit = " characters";
		break;
	case SHAPE_INTEGER:
		label = "Range";
		break;
	case SHAPE_LIST:
		label = "Items";
		break;
	case SHAPE_MAP:
		label = "Entries";
		break;
	default:
		break;
	}
	line[0] = '\0';
	if (label)
		bounds_line(line, sizeof line, label, shape, unit);
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		ck_assert_msg(own_lines(markdown, labels[i]) ==
				      (line[0] && strncmp(line, labels[i], strlen(labels[i])) == 0),
			      "%s: %s counted wrong in:\n%s", m->name, labels[i], markdown);
	if (line[0]) {
		/* The whole line: "1 to 12" is not "1 to 120". */
		const char *at = strstr(markdown, line);
		ck_assert_msg(at && (at[strlen(line)] == '\n' || at[strlen(line)] == '\0'),
			      "\"%s\" not a line of:\n%s", line, markdown);
	}
	ck_assert_uint_eq(own_lines(markdown, "\n- Pattern:"), shape->pattern != NULL);
	if (shape->pattern) {
		ck_assert_ptr_null(strchr(shape->pattern, '`'));
		snprintf(line, sizeof line, "\n- Pattern: `%s`", shape->pattern);
		assert_contains(markdown, line);
	}
	ck_assert_uint_eq(own_lines(markdown, "\n- Allowed values"), shape->enum_count > 0);
	if (shape->enum_count > 12) {
		snprintf(line, sizeof line, "\n- Allowed values (%zu): `%s`, ", shape->enum_count,
			 shape->enum_values[0]);
		assert_contains(markdown, line);
	} else if (shape->enum_count) {
		snprintf(line, sizeof line, "\n- Allowed values: `%s`", shape->enum_values[0]);
		assert_contains(markdown, line);
		for (size_t i = 0; i < shape->enum_count; i++) {
			snprintf(line, sizeof line, "`%s`", shape->enum_values[i]);
			assert_contains(markdown, line);
		}
	}
	for (size_t i = 0; shape->type == SHAPE_STRUCTURE && i < shape->member_count; i++) {
		const struct shape_member *inner = &shape->members[i];
		snprintf(line, sizeof line, "`%s`%s", inner->name,
			 inner->required ? " (required)" : "");
		if (!inner->read_only)
			assert_contains(markdown, line);
	}
}

static void put_spaces(struct strbuf *b, size_t n)
{
	while (n--)
		strbuf_putc(b, ' ');
}

/* The document the walk writes: its file's name, and the type to check
 * it as (NULL: as a run would). */
struct walked {
	const char *name;
	const struct document_type *type;
	bool template;
	size_t checked;
};

/* Hovers on each member of the structure at indent below the text of
 * prefix, which ends with an item's dash when inline; then on theirs. */
static void walk_hovers(const struct shape *shape, const char *prefix, size_t indent,
			bool inline_key, struct walked *walk)
{
	for (size_t i = 0; i < shape->member_count; i++) {
		const struct shape_member *m = &shape->members[i];
		const struct shape *inner = m->shape;
		struct strbuf doc = STRBUF_INIT, deeper = STRBUF_INIT;
		char *markdown;

		strbuf_puts(&doc, prefix);
		put_spaces(&doc, inline_key ? 0 : indent);
		strbuf_puts(&doc, "@@");
		strbuf_puts(&doc, m->name);
		strbuf_puts(&doc, ": x\n");
		markdown = hover_forced(walk->name, strbuf_text(&doc), walk->type);
		check_member_hover(markdown, m, walk->template);
		free(markdown);
		strbuf_free(&doc);
		walk->checked++;

		strbuf_puts(&deeper, prefix);
		put_spaces(&deeper, inline_key ? 0 : indent);
		strbuf_puts(&deeper, m->name);
		strbuf_puts(&deeper, ":\n");
		if (inner->type == SHAPE_STRUCTURE) {
			walk_hovers(inner, strbuf_text(&deeper), indent + 2, false, walk);
		} else if (inner->type == SHAPE_LIST && inner->member->type == SHAPE_STRUCTURE) {
			put_spaces(&deeper, indent + 2);
			strbuf_puts(&deeper, "- ");
			walk_hovers(inner->member, strbuf_text(&deeper), indent + 4, true, walk);
		}
		strbuf_free(&deeper);
	}
}

START_TEST(hover_every_create_member)
{
	static const struct document_type create = { KIND_REQUEST, OPERATION_CREATE };
	struct walked walk = { "request.yaml", &create, false, 0 };

	walk_hovers(model_get()->requests[OPERATION_CREATE], "", 0, false, &walk);
	/* Every member of every structure: 11 of the request, 3 of an item,
	 * 2 and 2 deeper, and so on. */
	ck_assert_uint_ge(walk.checked, 30);
}
END_TEST

START_TEST(hover_every_template_property)
{
	/* The resource's properties, read-only ones included, in a template
	 * whose kind a run finds itself. */
	struct walked walk = { "template.yaml", NULL, true, 0 };

	walk_hovers(model_get()->resource,
		    "Resources:\n  E:\n    Type: AWS::SageMaker::InferenceExperiment\n"
		    "    Properties:\n",
		    6, false, &walk);
	ck_assert_uint_ge(walk.checked, 37);
}
END_TEST

START_TEST(hover_markdown_escaped)
{
	/* The words of a pattern hold an underscore: escaped, where the code
	 * is not; a key holding Markdown's marks reads as written. */
	char *markdown = hover("request.yaml", "Name: x\nType: ShadowMode\nRoleArn: r\n"
					       "EndpointName: e\nTags:\n  - Ke@@y: k\n");

	assert_contains(markdown, "`([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)`");
	assert_contains(markdown, "the marks \\_ . : / = + - @");
	free(markdown);
	markdown = hover("stop.yaml", "Name: x\nModelVariantActions:\n  \"*va_[1]*\": Pro@@mote\n");
	assert_contains(markdown, "**\\*va\\_\\[1\\]\\*** *enum*, the value of an entry of "
				  "`ModelVariantActions`\n");
	free(markdown);
	/* One item exactly, said so. */
	markdown = hover("request.yaml", "Name: x\nType: ShadowMode\nRoleArn: r\n"
					 "EndpointName: e\nShadowModeConfig:\n  ShadowModel@@Variants: []\n");
	assert_contains(markdown, "- Items: exactly 1\n");
	free(markdown);
}
END_TEST

/* The members a create request requires before the ones a test is about,
 * so that a run takes the document for one. */
#define CREATE_HEAD                                                   \
	"Name: x\nType: ShadowMode\nRoleArn: arn:aws:iam::123456789012:role/r\n" \
	"EndpointName: e\n"

START_TEST(hover_stop_request_map)
{
	/* A key of the map is a variant's name: its own constraints, not
	 * its value's. */
	char *markdown = hover("stop.yaml", "Name: x\nModelVariantActions:\n  v@@a: Promote\n");

	assert_contains(markdown, "**va** *string*, a key of `ModelVariantActions`\n");
	assert_contains(markdown, "- Length: at most 63 characters");
	ck_assert_ptr_null(strstr(markdown, "Promote"));
	free(markdown);
	/* The map itself: its keys' and values' constraints nested under
	 * the lines that name them. */
	markdown = hover("stop.yaml", "Name: x\nModelVariant@@Actions:\n  va: Promote\n");
	assert_contains(markdown, "- Entries: 1 to 2\n- Each key: string\n"
				  "  - Length: at most 63 characters\n  - Pattern: `");
	assert_contains(markdown, "\n- Each value: enum\n  - Allowed values: `Retain`, `Remove`, "
				  "`Promote`");
	free(markdown);
}
END_TEST

START_TEST(hover_member_of_another_request)
{
	/* Name, Type and RoleArn alone: a run checks an update request, in
	 * which RoleArn is unknown; its hover says so. */
	static const char text[] = "Name: x\nType: ShadowMode\nRole@@Arn: r\n";
	char *markdown = hover("request.yaml", text);

	assert_contains(markdown, "**RoleArn** *string*, required in a create request; this "
				  "document is checked as an update request, which has no such "
				  "member\n");
	assert_contains(markdown, "- Length: 20 to 2048 characters");
	free(markdown);
	markdown = hover("request.yaml", "Name: x\nType: ShadowMode\nRoleArn: r@@\n");
	assert_contains(markdown, "required in a create request; this document is checked as "
				  "an update request");
	free(markdown);
	/* Where the document is a create request, nothing of the kind. */
	markdown = hover("request.yaml", CREATE_HEAD "ModelVariants: []\nRoleArn@@: r\n");
	assert_contains(markdown, "**RoleArn** *string*, required\n");
	free(markdown);
}
END_TEST

START_TEST(hover_list_item)
{
	/* A value in a list of values, in YAML and JSON. */
	char *markdown = hover("request.yaml", CREATE_HEAD "DataStorageConfig:\n  ContentType:\n"
					       "    CsvContentTypes:\n      - text/c@@sv\n");

	assert_contains(markdown, "**item** *string*, an item of `CsvContentTypes`\n");
	assert_contains(markdown, "- Length: 1 to 256 characters");
	free(markdown);
	markdown = hover("request.json", "{\"Name\": \"x\", \"Type\": \"ShadowMode\", \"RoleArn\": "
					 "\"r\", \"EndpointName\": \"e\", \"DataStorageConfig\": "
					 "{\"ContentType\": {\"CsvContentTypes\": [\"te@@xt/csv\"]}}}");
	assert_contains(markdown, "**item** *string*, an item of `CsvContentTypes`\n");
	free(markdown);
}
END_TEST

START_TEST(hover_properties_value)
{
	/* A value where the experiment's properties start: the path to it
	 * is the template's alone. */
	char *markdown = hover("template.yaml", "Resources:\n  E:\n"
						"    Type: AWS::SageMaker::InferenceExperiment\n"
						"    Properties: x@@\n");

	assert_contains(markdown, "**Properties** *structure*\n");
	assert_contains(markdown, "`RoleArn` (required)");
	free(markdown);
}
END_TEST

START_TEST(hover_read_only)
{
	char *markdown = hover("template.yaml", "Resources:\n  E:\n    Properties:\n"
						"      Ar@@n: x\n"
						"    Type: AWS::SageMaker::InferenceExperiment\n");

	assert_contains(markdown, "**Arn** *string*, read-only: set by CloudFormation, never "
				  "written in a template\n");
	free(markdown);
	markdown = hover("main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
				    "  creation@@_time = \"x\"\n}\n");
	assert_contains(markdown, "**creation_time** *timestamp*, read-only: computed, never set "
				  "in a configuration\n");
	free(markdown);
}
END_TEST

START_TEST(hover_time_per_kind)
{
	/* The CLI reads several forms of a time; the resource's handler
	 * ISO 8601 with a zone only. */
	char *markdown = hover("request.yaml", CREATE_HEAD "Schedule:\n  Start@@Time: x\n");

	assert_contains(markdown, "RFC 822, or epoch seconds");
	free(markdown);
	markdown = hover("main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
				    "  schedule = { start_ti@@me = \"x\" }\n}\n");
	assert_contains(markdown, "**start_time** *timestamp*, optional\n");
	assert_contains(markdown, "ISO 8601 with `Z` or an offset");
	ck_assert_ptr_null(strstr(markdown, "epoch"));
	free(markdown);
}
END_TEST

START_TEST(hover_yaml_positions)
{
	static const char *const described[][2] = {
		/* after a comment line, a document start marker, CRLF */
		{ "# header\n" CREATE_HEAD "# comment\nKms@@Key: k\n", "**KmsKey** *string*" },
		{ "--- # the request\n" CREATE_HEAD "Kms@@Key: k\n", "**KmsKey** *string*" },
		{ "Name: x\r\nType: ShadowMode\r\nRoleArn: r\r\nEndpointName: e\r\n"
		  "ModelVariants:\r\n  - ModelName: a\r\n    Variant@@Name: v\r\n",
		  "**VariantName** *string*" },
		/* a key in quotes; the first key of an item */
		{ CREATE_HEAD "\"Kms@@Key\": k\n", "**KmsKey** *string*" },
		{ CREATE_HEAD "ModelVariants:\n  - Model@@Name: a\n", "**ModelName** *string*" },
		/* a tab after the colon */
		{ CREATE_HEAD "ShadowModeConfig:\n  SourceModelVariantName:\tv@@a\n",
		  "**SourceModelVariantName** *string*" },
		/* a plain scalar on two lines; a block scalar, whose text may
		 * look like a comment */
		{ CREATE_HEAD "Description: a long\n  te@@xt\n", "**Description** *string*" },
		{ CREATE_HEAD "Description: |\n  a long\n  # te@@xt\n", "**Description** *string*" },
		/* an anchor, an alias, a tag */
		{ CREATE_HEAD "Description: &d te@@xt\n", "**Description** *string*" },
		{ CREATE_HEAD "Description: &d text\nShadowModeConfig:\n"
		  "  SourceModelVariantName: *d@@\n", "**SourceModelVariantName** *string*" },
		{ CREATE_HEAD "KmsKey: !Sub '${A@@}'\n", "**KmsKey** *string*" },
	};

	for (size_t i = 0; i < sizeof described / sizeof *described; i++) {
		char *markdown = hover("request.yaml", described[i][0]);
		ck_assert_msg(markdown && strstr(markdown, described[i][1]), "%zu: %s", i,
			      markdown ? markdown : "(null)");
		free(markdown);
	}
	/* A comment after a plain scalar ends it. */
	ck_assert_ptr_null(hover("request.yaml", CREATE_HEAD "Description: a\n  # te@@xt\n"));
}
END_TEST

START_TEST(hover_flow_positions)
{
	static const char *const described[][3] = {
		/* JSON: in a string holding escaped quotes, and after one */
		{ "request.json", "{\"Name\": \"x\", \"Type\": \"ShadowMode\", \"RoleArn\": \"r\", "
				  "\"EndpointName\": \"e\", \"Description\": \"a \\\"quo@@ted\\\" \\\\\"}",
		  "**Description** *string*" },
		{ "request.json", "{\"Name\": \"x\", \"Type\": \"ShadowMode\", \"RoleArn\": \"r\", "
				  "\"EndpointName\": \"e\", \"Description\": \"a \\\"{\\\" \\\\\", "
				  "\"Kms@@Key\": \"k\"}",
		  "**KmsKey** *string*" },
		/* HCL: after a heredoc holding braces and quotes, a comment
		 * holding braces, a template whose ${} holds braces and quotes */
		{ "main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
			     "  description = <<-EOT\n    { \"}\n    EOT\n  kms@@_key = \"k\"\n}\n",
		  "**kms_key** *string*" },
		{ "main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
			     "  # } {\n  /* } */ // }\n  kms@@_key = \"k\"\n}\n",
		  "**kms_key** *string*" },
		{ "main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
			     "  description = \"${jsonencode({ a = \"}\" })} ${var.m[\"{\"]}\"\n"
			     "  kms@@_key = \"k\"\n}\n",
		  "**kms_key** *string*" },
	};

	for (size_t i = 0; i < sizeof described / sizeof *described; i++) {
		char *markdown = hover(described[i][0], described[i][1]);
		ck_assert_msg(markdown && strstr(markdown, described[i][2]), "%zu: %s", i,
			      markdown ? markdown : "(null)");
		free(markdown);
	}
}
END_TEST

/* ---- completion ----------------------------------------------------------- */

START_TEST(complete_partial_key_yaml)
{
	/* "  Inst" alone does not load: the rest of the document still
	 * tells a create request. */
	struct completion c = complete("request.yaml",
				       "Name: shadow-test\nType: ShadowMode\nRoleArn: r\n"
				       "ModelVariants:\n  - ModelName: a\n"
				       "    InfrastructureConfig:\n"
				       "      RealTimeInferenceConfig:\n"
				       "        Inst@@\n"
				       "        InstanceCount: 1\n"
				       "EndpointName: ep\n");

	ck_assert_str_eq(c.replaced, "Inst");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 1);
	ck_assert_str_eq(field(item(&c, "InstanceType"), "insertText"), "InstanceType: ");
	ck_assert_str_eq(field(item(&c, "InstanceType"), "detail"), "enum, required");
	ck_assert_int_eq(kind_of(item(&c, "InstanceType")), 10);
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_top_level_yaml)
{
	struct completion c = complete("request.yaml",
				       "Name: shadow-test\nType: ShadowMode\nRo@@\n"
				       "RoleArn: r\nEndpointName: ep\nKmsKey: k\n");

	ck_assert_str_eq(c.replaced, "Ro");
	ck_assert_ptr_null(item(&c, "Name"));
	ck_assert_ptr_null(item(&c, "RoleArn"));
	ck_assert_ptr_null(item(&c, "EndpointName"));
	ck_assert_str_eq(field(item(&c, "ModelVariants"), "sortText"), "0ModelVariants");
	ck_assert_ptr_null(item(&c, "KmsKey"));
	ck_assert_str_eq(field(item(&c, "Description"), "sortText"), "1Description");
	ck_assert_str_eq(field(item(&c, "ShadowModeConfig"), "detail"), "structure, required");
	assert_contains((char *)cJSON_GetObjectItem(cJSON_GetObjectItem(item(&c, "Description"),
									  "documentation"),
						      "value")->valuestring,
			"- Length: at most 1024 characters");
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_partial_key_json)
{
	struct completion c = complete("request.json",
				       "{\n  \"Name\": \"shadow-test\",\n  \"Type\": \"ShadowMode\",\n"
				       "  \"Sch@@\n}\n");

	ck_assert_str_eq(c.replaced, "\"Sch");
	ck_assert_str_eq(field(item(&c, "Schedule"), "insertText"), "\"Schedule\": ");
	ck_assert_ptr_null(item(&c, "Name"));
	ck_assert_ptr_null(item(&c, "Type"));
	ck_assert_ptr_nonnull(item(&c, "RoleArn"));
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_replace_stays_on_its_line)
{
	/* A JSON key not closed yet ends before its line's break, a CRLF's
	 * carriage return included, and before a break a backslash would
	 * escape; the keys of the lines after are still read. */
	struct completion c = complete("request.json", "{\r\n  \"Name\": \"x\",\r\n  \"Ro@@\r\n}\r\n");

	ck_assert_str_eq(c.replaced, "\"Ro");
	ck_assert_str_eq(field(item(&c, "RoleArn"), "insertText"), "\"RoleArn\": ");
	cJSON_Delete(c.items);
	c = complete("request.json", "{\n  \"Ro@@\\\n  \"Name\": \"x\"\n}\n");
	ck_assert_str_eq(c.replaced, "\"Ro\\");
	ck_assert_ptr_null(item(&c, "Name"));
	cJSON_Delete(c.items);
	/* Inside a key's quotes, its quotes are replaced too. */
	c = complete("request.json", "{\"Name\": \"x\", \"Type\": \"ShadowMode\", "
				     "\"ModelVariants\": [{\"InfrastructureConfig\": "
				     "{\"RealTimeInferenceConfig\": {\"Inst@@\"}}}]}");
	ck_assert_str_eq(c.replaced, "\"Inst\"");
	ck_assert_str_eq(field(item(&c, "InstanceType"), "insertText"), "\"InstanceType\": ");
	cJSON_Delete(c.items);
	/* A heredoc opened on a CRLF line is skipped whole. */
	c = complete("main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\r\n"
				"  description = <<EOT\r\n  { \"na\r\nEOT\r\n  na@@\r\n}\r\n");
	ck_assert_str_eq(c.replaced, "na");
	ck_assert_ptr_nonnull(item(&c, "name"));
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(yaml_flow_collections)
{
	char *markdown = hover("request.yaml", CREATE_HEAD "ModelVariants:\n"
				"  - InfrastructureConfig:\n"
				"      RealTimeInferenceConfig: {Instance@@Type: ml.m5.xlarge}\n");
	struct completion c;

	assert_contains(markdown, "**InstanceType** *enum*, required");
	free(markdown);
	/* A plain scalar holding colons, keys in single quotes. */
	markdown = hover("request.yaml", CREATE_HEAD "ModelVariants: [{ModelName: arn:aws:x, "
					 "'Var@@iant''s': v, VariantName: v}]\n");
	ck_assert_ptr_null(markdown);
	markdown = hover("request.yaml", CREATE_HEAD "ModelVariants: [{'Model''s': arn:aws:x, "
					 "'Var@@iantName': v}]\n");
	assert_contains(markdown, "**VariantName** *string*, required");
	free(markdown);

	/* The keys present are left out; a value is written as YAML's. */
	c = complete("request.yaml", CREATE_HEAD "ModelVariants: [{ModelName: a, Var@@}]\n");
	ck_assert_str_eq(c.replaced, "Var");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 2);
	ck_assert_str_eq(field(item(&c, "VariantName"), "insertText"), "VariantName: ");
	cJSON_Delete(c.items);
	c = complete("request.yaml", CREATE_HEAD "ModelVariants:\n  - InfrastructureConfig:\n"
		     "      RealTimeInferenceConfig: {InstanceType:@@}\n");
	ck_assert_str_eq(field(item(&c, "ml.m5.xlarge"), "insertText"), " ml.m5.xlarge");
	cJSON_Delete(c.items);

	/* A tagged value or an alias is no literal. */
	c = complete("request.yaml", CREATE_HEAD "ModelVariants:\n  - InfrastructureConfig:\n"
		     "      RealTimeInferenceConfig: {InstanceType: !Ref I@@}\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);

	/* A collection on more lines, not closed yet: the block lines after
	 * it are none of its keys. */
	c = complete("request.yaml", CREATE_HEAD "ShadowModeConfig: {\n"
		     "    SourceModelVariantName: a, @@\nShadowModelVariants: []\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 1);
	ck_assert_ptr_nonnull(item(&c, "ShadowModelVariants"));
	cJSON_Delete(c.items);

	/* An item written as one. */
	markdown = hover("template.yaml", "Resources:\n  E:\n"
					  "    Type: AWS::SageMaker::InferenceExperiment\n"
					  "    Properties:\n      ShadowModeConfig:\n"
					  "        ShadowModelVariants:\n"
					  "          - {ShadowModelVariantName: s, Sampling@@Percentage: 50}\n");
	assert_contains(markdown, "**SamplingPercentage** *integer*, required");
	free(markdown);
	c = complete("template.yaml", "Resources:\n  E:\n    Type: AWS::SageMaker::InferenceExperiment\n"
				      "    Properties:\n      Tags:\n        - {Key: a, @@}\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 1);
	ck_assert_str_eq(field(item(&c, "Value"), "insertText"), "Value: ");
	cJSON_Delete(c.items);

	/* A template's properties written as one. */
	c = complete("template.yaml", "Resources:\n  E:\n"
		     "    Type: AWS::SageMaker::InferenceExperiment\n"
		     "    Properties: {Name: x, Ty@@}\n");
	ck_assert_ptr_nonnull(item(&c, "Type"));
	ck_assert_ptr_null(item(&c, "Name"));
	ck_assert_ptr_null(item(&c, "Arn"));
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_yaml_edits)
{
	/* In the middle of a key that has its colon: the whole key is
	 * replaced by the name alone. */
	struct completion c = complete("request.yaml", CREATE_HEAD "ModelVariants:\n"
				       "  - ModelName: a\n    Infra@@Config: x\n");

	ck_assert_str_eq(c.replaced, "InfraConfig");
	ck_assert_str_eq(field(item(&c, "InfrastructureConfig"), "insertText"),
			 "InfrastructureConfig");
	cJSON_Delete(c.items);
	/* A key in quotes: quotes and all. */
	c = complete("request.yaml", CREATE_HEAD "ModelVariants:\n  - \"Mod@@\": a\n");
	ck_assert_str_eq(c.replaced, "\"Mod\"");
	ck_assert_str_eq(field(item(&c, "ModelName"), "insertText"), "ModelName");
	cJSON_Delete(c.items);
	/* Blanks typed after a key or a value: the range still holds the
	 * point, as the protocol wants. */
	c = complete("request.yaml", CREATE_HEAD "ModelVariants:\n  - Mod @@\n");
	ck_assert_str_eq(c.replaced, "Mod ");
	ck_assert_str_eq(field(item(&c, "ModelName"), "insertText"), "ModelName: ");
	cJSON_Delete(c.items);
	c = complete("stop.yaml", "Name: x\nModelVariantActions:\n  va: Promote\n"
				  "DesiredState: Ca @@\n");
	ck_assert_str_eq(c.replaced, "Ca ");
	ck_assert_str_eq(field(item(&c, "Cancelled"), "insertText"), "Cancelled");
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_by_operation)
{
	/* An update request: only UpdateInferenceExperiment's members. */
	struct completion c = complete("request.yaml", "Name: x\nDescription: d\n@@\n");

	ck_assert_int_eq(cJSON_GetArraySize(c.items), 4);
	ck_assert_ptr_nonnull(item(&c, "ModelVariants"));
	ck_assert_ptr_nonnull(item(&c, "ShadowModeConfig"));
	ck_assert_ptr_null(item(&c, "RoleArn"));
	ck_assert_ptr_null(item(&c, "Tags"));
	cJSON_Delete(c.items);
	/* Name and Type alone: a run checks an update request (Type is
	 * then unknown), and so does completion. */
	c = complete("request.yaml", "Name: x\nType: ShadowMode\n@@\n");
	ck_assert_ptr_null(item(&c, "RoleArn"));
	ck_assert_ptr_nonnull(item(&c, "Schedule"));
	cJSON_Delete(c.items);
	/* A stop request: its members, its desired variants' members, no key
	 * to offer in the map of actions (its keys are the variants'
	 * names). */
	c = complete("stop.yaml", "Name: x\nModelVariantActions:\n  va: Promote\n@@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 3);
	ck_assert_ptr_nonnull(item(&c, "DesiredModelVariants"));
	ck_assert_ptr_nonnull(item(&c, "DesiredState"));
	ck_assert_ptr_nonnull(item(&c, "Reason"));
	cJSON_Delete(c.items);
	c = complete("stop.yaml", "Name: x\nModelVariantActions:\n  va: Promote\n  @@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
	c = complete("stop.yaml", "Name: x\nModelVariantActions:\n  va: Promote\n"
				  "DesiredModelVariants:\n  - @@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 3);
	ck_assert_ptr_nonnull(item(&c, "InfrastructureConfig"));
	cJSON_Delete(c.items);
	/* A template: the resource's writable properties, DesiredState and
	 * StatusReason among them; Tags are Key and Value. */
	c = complete("template.json", "{\"Resources\": {\"E\": {\"Type\": "
				      "\"AWS::SageMaker::InferenceExperiment\", \"Properties\": "
				      "{\"Name\": \"x\", \"@@\"}}}}");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 12);
	ck_assert_ptr_nonnull(item(&c, "DesiredState"));
	ck_assert_ptr_nonnull(item(&c, "StatusReason"));
	ck_assert_ptr_null(item(&c, "EndpointMetadata"));
	ck_assert_ptr_null(item(&c, "CreationTime"));
	cJSON_Delete(c.items);
	c = complete("template.yaml", "Resources:\n  E:\n    Type: AWS::SageMaker::InferenceExperiment\n"
				      "    Properties:\n      DesiredState: @@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 3);
	ck_assert_ptr_nonnull(item(&c, "Running"));
	cJSON_Delete(c.items);
	c = complete("main.tf.json", "{\"resource\": {\"awscc_sagemaker_inference_experiment\": "
				     "{\"x\": {\"tags\": [{\"@@\"}]}}}}");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 2);
	ck_assert_str_eq(field(item(&c, "key"), "insertText"), "\"key\": ");
	cJSON_Delete(c.items);
}
END_TEST

#define TEMPLATE_HEAD                                                          \
	"Resources:\n  E:\n    Type: AWS::SageMaker::InferenceExperiment\n" \
	"    Properties:\n"

START_TEST(template_condition_branches)
{
	/* The second and third items of !If and Fn::If are values of the
	 * property; the first, the condition's name, is none. */
	char *markdown = hover("template.yaml", TEMPLATE_HEAD "      ShadowModeConfig: !If\n"
					"        - IsDev\n        - !Ref AWS::NoValue\n"
					"        - SourceModelVariantName: production\n"
					"          ShadowModel@@Variants: []\n");
	struct completion c;

	assert_contains(markdown, "**ShadowModelVariants** *list*, required");
	free(markdown);
	ck_assert_ptr_null(hover("template.yaml", TEMPLATE_HEAD "      ShadowModeConfig: !If\n"
						  "        - Is@@Dev\n        - {}\n"));
	markdown = hover("template.yaml", TEMPLATE_HEAD "      Type: !If\n        - IsDev\n"
					  "        - Shadow@@Mode\n");
	assert_contains(markdown, "**Type** *enum*, required\n");
	free(markdown);

	c = complete("template.yaml", TEMPLATE_HEAD "      Type: !If\n        - IsDev\n"
				      "        - Sh@@\n");
	ck_assert_str_eq(c.replaced, "Sh");
	ck_assert_str_eq(field(item(&c, "ShadowMode"), "insertText"), "ShadowMode");
	cJSON_Delete(c.items);
	c = complete("template.json", "{\"Resources\": {\"E\": {\"Type\": "
				      "\"AWS::SageMaker::InferenceExperiment\", \"Properties\": "
				      "{\"ShadowModeConfig\": {\"Fn::If\": [\"IsDev\", {\"Ref\": "
				      "\"AWS::NoValue\"}, {\"SourceModelVariantName\": \"a\", @@}]}}}}}");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 1);
	ck_assert_str_eq(field(item(&c, "ShadowModelVariants"), "insertText"),
			 "\"ShadowModelVariants\": ");
	cJSON_Delete(c.items);
	c = complete("template.json", "{\"Resources\": {\"E\": {\"Type\": "
				      "\"AWS::SageMaker::InferenceExperiment\", \"Properties\": "
				      "{\"Type\": {\"Fn::If\": [\"Sh@@\"]}}}}}");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
	/* A request has no conditions. */
	c = complete("request.yaml", "Name: x\nShadowModeConfig: !If\n  - IsDev\n  - @@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_nothing_for_hcl_expressions)
{
	/* A reference or a string template is no literal: the values are
	 * not offered in its place. A bare word is a value begun without its
	 * quote. */
	static const char head[] = "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n";
	static const char *const bodies[] = { "  type = \"${var.t@@}\"\n}\n", "  type = var.t@@\n}\n",
					      "  type = \"%{if true}Sh@@%{endif}\"\n}\n" };
	char text[256];
	struct completion c;

	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		snprintf(text, sizeof text, "%s%s", head, bodies[i]);
		c = complete("main.tf", text);
		ck_assert_msg(cJSON_GetArraySize(c.items) == 0, "%zu", i);
		cJSON_Delete(c.items);
	}
	snprintf(text, sizeof text, "%s  type = Sh@@\n}\n", head);
	c = complete("main.tf", text);
	ck_assert_str_eq(c.replaced, "Sh");
	ck_assert_str_eq(field(item(&c, "ShadowMode"), "insertText"), "\"ShadowMode\"");
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_nothing_in_settled_values)
{
	/* An alias, a tag's value (!Ref names a parameter), a value
	 * continued on a line of its own: no literal to offer. */
	static const char *const texts[] = {
		CREATE_HEAD "ShadowModeConfig:\n  SourceModelVariantName: a\nDescription: *x@@\n",
		"Resources:\n  E:\n    Type: AWS::SageMaker::InferenceExperiment\n"
		"    Properties:\n      Type: !Ref Sh@@\n",
		"Name: x\nDesiredState: C\n  @@\n",
		"Name: x\nModelVariantActions:\n  va: Promote\nDesiredState: |\n  C@@\n",
	};

	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct completion c = complete(i == 1 ? "template.yaml" : "request.yaml", texts[i]);
		ck_assert_msg(cJSON_GetArraySize(c.items) == 0, "%zu", i);
		ck_assert_str_eq(c.replaced, "");
		cJSON_Delete(c.items);
	}
}
END_TEST

START_TEST(complete_instance_type_value)
{
	struct completion c = complete("request.yaml",
				       "Name: x\nModelVariants:\n  - InfrastructureConfig:\n"
				       "      RealTimeInferenceConfig:\n"
				       "        InstanceType: ml.m5.x@@\n");
	const cJSON *it = item(&c, "ml.m5.xlarge");

	ck_assert_str_eq(c.replaced, "ml.m5.x");
	ck_assert_int_eq(kind_of(it), 20);
	ck_assert_str_eq(field(it, "insertText"), "ml.m5.xlarge");
	cJSON_Delete(c.items);

	c = complete("request.json",
		     "{\"ModelVariants\": [{\"InfrastructureConfig\": {\"RealTimeInferenceConfig\": "
		     "{\"InstanceType\": \"ml.m5.x@@\"}}}]}");
	ck_assert_str_eq(c.replaced, "\"ml.m5.x\"");
	ck_assert_str_eq(field(item(&c, "ml.m5.xlarge"), "insertText"), "\"ml.m5.xlarge\"");
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_template)
{
	struct completion c = complete("template.yaml",
				       "Resources:\n  Experiment:\n"
				       "    Type: AWS::SageMaker::InferenceExperiment\n"
				       "    Properties:\n      Name: x\n      St@@\n");

	ck_assert_str_eq(c.replaced, "St");
	ck_assert_ptr_nonnull(item(&c, "ShadowModeConfig"));
	ck_assert_ptr_null(item(&c, "Name"));
	ck_assert_ptr_null(item(&c, "Status")); /* read-only */
	ck_assert_ptr_null(item(&c, "Arn"));
	cJSON_Delete(c.items);

	/* Another resource's properties are not the experiment's. */
	c = complete("template.yaml",
		     "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Na@@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_terraform_snake_case)
{
	struct completion c = complete("main.tf",
				       "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
				       "  name = \"shadow-test\"\n"
				       "  # role_arn = \"r\"\n"
				       "  endp@@\n"
				       "}\n");
	const cJSON *it = item(&c, "endpoint_name");

	ck_assert_str_eq(c.replaced, "endp");
	ck_assert_str_eq(field(it, "insertText"), "endpoint_name = ");
	ck_assert_int_eq(kind_of(it), 5);
	ck_assert_ptr_nonnull(item(&c, "role_arn"));
	ck_assert_ptr_nonnull(item(&c, "shadow_mode_config"));
	ck_assert_ptr_null(item(&c, "name"));
	ck_assert_ptr_null(item(&c, "EndpointName"));
	cJSON_Delete(c.items);

	c = complete("main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
				"  type = \"Sh@@\"\n}\n");
	ck_assert_str_eq(c.replaced, "\"Sh\"");
	ck_assert_str_eq(field(item(&c, "ShadowMode"), "insertText"), "\"ShadowMode\"");
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_status_values)
{
	struct completion c = complete("stop.yaml",
				       "Name: x\nModelVariantActions:\n  va: Promote\n"
				       "DesiredState: C@@\n");

	ck_assert_str_eq(c.replaced, "C");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 2);
	ck_assert_int_eq(kind_of(item(&c, "Completed")), 20);
	ck_assert_ptr_nonnull(item(&c, "Cancelled"));
	cJSON_Delete(c.items);

	/* A map's values: the action on each variant. */
	c = complete("stop.yaml", "Name: x\nModelVariantActions:\n  va: @@\n");
	ck_assert_str_eq(c.replaced, "");
	ck_assert_ptr_nonnull(item(&c, "Promote"));
	ck_assert_ptr_nonnull(item(&c, "Retain"));
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_in_items_and_blocks)
{
	/* A new item of a list, begun by its dash. */
	struct completion c = complete("request.yaml",
				       "Name: x\nModelVariants:\n  - ModelName: a\n    VariantName: v\n"
				       "  - @@\n");

	ck_assert_str_eq(c.replaced, "");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 3);
	ck_assert_ptr_nonnull(item(&c, "ModelName"));
	cJSON_Delete(c.items);

	/* A list of HCL blocks: a key in one is an item's. */
	c = complete("main.tf", "resource \"awscc_sagemaker_inference_experiment\" \"x\" {\n"
				"  model_variants {\n    model_name = \"a\"\n    va@@\n  }\n}\n");
	ck_assert_str_eq(c.replaced, "va");
	ck_assert_ptr_nonnull(item(&c, "variant_name"));
	ck_assert_ptr_null(item(&c, "model_name"));
	cJSON_Delete(c.items);

	/* A value straight after the colon is set apart from it. */
	c = complete("stop.yaml", "Name: x\nDesiredState:@@\n");
	ck_assert_str_eq(field(item(&c, "Cancelled"), "insertText"), " Cancelled");
	cJSON_Delete(c.items);

	/* A value begun with a quote keeps it. */
	c = complete("stop.yaml", "Name: x\nDesiredState: 'Ca@@'\n");
	ck_assert_str_eq(c.replaced, "'Ca'");
	ck_assert_str_eq(field(item(&c, "Cancelled"), "insertText"), "'Cancelled'");
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_forced_operation)
{
	static const struct document_type stop = { KIND_REQUEST, OPERATION_STOP };
	struct completion c = complete_forced("request.yaml", "Name: x\n@@\n", &stop);

	ck_assert_ptr_nonnull(item(&c, "DesiredState"));
	ck_assert_ptr_null(item(&c, "RoleArn"));
	cJSON_Delete(c.items);
}
END_TEST

START_TEST(complete_nothing)
{
	struct completion c = complete("request.yaml", "Name: x\n# Ro@@\n");

	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
	c = complete("request.yaml", "Name: x\nDescription: @@\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
	c = complete("main.tf", "# endp@@\nresource \"awscc_sagemaker_inference_experiment\" \"x\" {\n}\n");
	ck_assert_int_eq(cJSON_GetArraySize(c.items), 0);
	cJSON_Delete(c.items);
}
END_TEST

/* Deeper than any experiment, and a line of a million brackets: no
 * answer, and no stack spent on it. */
/* A dash alone on the last line: its content's column is past the end of
 * the text, which must not be read. */
START_TEST(dash_alone_at_the_end)
{
	free(hover("request.yaml", "Tags:\n  -@@"));
	free(hover("document", "int1+  - \"x\"\n\x02cripti/n: |\r-@@"));
	cJSON_Delete(complete("request.yaml", "Tags:\n  -@@").items);
}
END_TEST

START_TEST(hostile_depth)
{
	size_t n = 1000000;
	char *text = mem_malloc(n + 3);
	char *markdown;

	ck_assert_ptr_nonnull(text);
	memset(text, '[', n);
	memcpy(text + n, "@@", 3);
	markdown = hover("deep.json", text);
	ck_assert_ptr_null(markdown);
	free(text);
}
END_TEST

/* A document of 8 MiB of tags: text is read no further than 2 MiB either
 * side of the point, so a point beyond that from what places it is on
 * nothing, and one near it still answered. */
static char *many_tags(const char *head, const char *tag, const char *tail, size_t size)
{
	size_t head_len = strlen(head), tag_len = strlen(tag), tail_len = strlen(tail), n = head_len;
	char *text = mem_malloc(size + tail_len + 1);

	ck_assert_ptr_nonnull(text);
	memcpy(text, head, head_len);
	while (n + tag_len <= size) {
		memcpy(text + n, tag, tag_len);
		n += tag_len;
	}
	memcpy(text + n, tail, tail_len + 1);
	return text;
}

START_TEST(huge_documents)
{
	char *text = many_tags("Name: x\nType: ShadowMode\nTags:\n", "  - Key: k\n    Value: v\n",
			       "  - Ke@@y: k\n", 8u << 20);
	char *markdown = hover("request.yaml", text);

	ck_assert_ptr_null(markdown); /* Tags is 8 MiB back */
	free(text);
	text = many_tags("Name: x\nType: ShadowMode\nTags:\n", "  - Key: k\n    Value: v\n",
			 "  - Ke@@y: k\n", 1u << 20);
	markdown = hover("request.yaml", text);
	assert_contains(markdown, "**Key** *string*, required");
	free(markdown);
	free(text);
	text = many_tags("{\"Name\": \"x\", \"Tags\": [", "{\"Key\": \"k\", \"Value\": \"v\"}, ",
			 "{\"Ke@@y\": \"k\"}]}", 8u << 20);
	ck_assert_ptr_null(hover("request.json", text));
	free(text);
	text = many_tags("{\"Name\": \"x\", \"Tags\": [", "{\"Key\": \"k\", \"Value\": \"v\"}, ",
			 "{\"Ke@@y\": \"k\"}]}", 1u << 20);
	markdown = hover("request.json", text);
	assert_contains(markdown, "**Key** *string*, required");
	free(markdown);
	free(text);
}
END_TEST

Suite *assist_suite(void)
{
	Suite *s = suite_create("assist");
	TCase *tc = tcase_create("assist");

	tcase_add_test(tc, hover_yaml_request_count);
	tcase_add_test(tc, hover_json_request_name);
	tcase_add_test(tc, hover_value_describes_its_member);
	tcase_add_test(tc, hover_template);
	tcase_add_test(tc, hover_template_json_count);
	tcase_add_test(tc, hover_terraform);
	tcase_add_test(tc, hover_terraform_json);
	tcase_add_test(tc, hover_on_no_member);
	tcase_add_test(tc, hover_every_create_member);
	tcase_add_test(tc, hover_every_template_property);
	tcase_add_test(tc, hover_markdown_escaped);
	tcase_add_test(tc, hover_yaml_positions);
	tcase_add_test(tc, hover_flow_positions);
	tcase_add_test(tc, hover_stop_request_map);
	tcase_add_test(tc, hover_member_of_another_request);
	tcase_add_test(tc, hover_list_item);
	tcase_add_test(tc, hover_properties_value);
	tcase_add_test(tc, hover_read_only);
	tcase_add_test(tc, hover_time_per_kind);
	tcase_add_test(tc, complete_partial_key_yaml);
	tcase_add_test(tc, complete_top_level_yaml);
	tcase_add_test(tc, complete_partial_key_json);
	tcase_add_test(tc, complete_replace_stays_on_its_line);
	tcase_add_test(tc, yaml_flow_collections);
	tcase_add_test(tc, complete_yaml_edits);
	tcase_add_test(tc, complete_by_operation);
	tcase_add_test(tc, template_condition_branches);
	tcase_add_test(tc, complete_nothing_for_hcl_expressions);
	tcase_add_test(tc, complete_nothing_in_settled_values);
	tcase_add_test(tc, complete_instance_type_value);
	tcase_add_test(tc, complete_template);
	tcase_add_test(tc, complete_terraform_snake_case);
	tcase_add_test(tc, complete_status_values);
	tcase_add_test(tc, complete_in_items_and_blocks);
	tcase_add_test(tc, complete_forced_operation);
	tcase_add_test(tc, complete_nothing);
	tcase_add_test(tc, dash_alone_at_the_end);
	tcase_add_test(tc, hostile_depth);
	tcase_add_test(tc, huge_documents);
	suite_add_tcase(s, tc);
	return s;
}
