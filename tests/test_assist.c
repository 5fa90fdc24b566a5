/* Hover and completion (lsp/assist.h) on documents of every kind, among
 * them documents being typed that do not load. The point is marked "@@"
 * in each text. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
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

static char *hover(const char *name, const char *text)
{
	struct marked m;
	struct assist_point point = point_in(&m, name, text);
	char *markdown = assist_hover(&point);

	free(m.text);
	return markdown;
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
	tcase_add_test(tc, complete_partial_key_yaml);
	tcase_add_test(tc, complete_top_level_yaml);
	tcase_add_test(tc, complete_partial_key_json);
	tcase_add_test(tc, complete_instance_type_value);
	tcase_add_test(tc, complete_template);
	tcase_add_test(tc, complete_terraform_snake_case);
	tcase_add_test(tc, complete_status_values);
	tcase_add_test(tc, complete_in_items_and_blocks);
	tcase_add_test(tc, complete_forced_operation);
	tcase_add_test(tc, complete_nothing);
	tcase_add_test(tc, hostile_depth);
	suite_add_tcase(s, tc);
	return s;
}
