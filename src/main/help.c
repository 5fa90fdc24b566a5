/* --help: what ielint does, then each option with its line (or lines)
 * from the option table, under the headings of its groups. */
#include "help.h"

#include "option_table.h"

/* Descriptions start in this column, or on the next line when the
 * option's form leaves less than two spaces before it. */
enum { DESCRIPTION_COLUMN = 29 };

static const char introduction[] =
	"Usage: ielint [OPTION]... FILE|DIRECTORY...\n"
	"Check Amazon SageMaker inference experiment requests (JSON or YAML, as\n"
	"given to aws sagemaker create-, update- or stop-inference-experiment),\n"
	"the AWS::SageMaker::InferenceExperiment resources of CloudFormation\n"
	"templates and the awscc_sagemaker_inference_experiment resources of\n"
	"Terraform configurations, without calling AWS. Directories are searched\n"
	"for *.json, *.yaml, *.yml and *.tf files, of which those that hold a\n"
	"request, a template or such a resource are checked; - reads standard\n"
	"input.\n";

static const char conclusion[] =
	"The text report has one line per diagnostic,\n"
	"FILE:LINE:COL: SEVERITY: MESSAGE [CODE name], and a summary on standard\n"
	"error.\n"
	"\n"
	"Exit status: 0 when nothing reached the failing severity, 1 when\n"
	"something did, 2 for a usage error or a file that could not be read.\n";

/* "  -f, --format=FORMAT" or "      --plan"; returns its width. */
static int print_form(FILE *out, const struct option_entry *option)
{
	int width;

	if (option->short_name)
		width = fprintf(out, "  -%c, --%s", option->short_name, option->name);
	else
		width = fprintf(out, "      --%s", option->name);
	if (option->argument == ARGUMENT_REQUIRED)
		width += fprintf(out, "=%s", option->argument_name);
	else if (option->argument == ARGUMENT_OPTIONAL)
		width += fprintf(out, "[=%s]", option->argument_name);
	return width;
}

static void print_option(FILE *out, const struct option_entry *option)
{
	int width = print_form(out, option);

	if (width < 0)
		return; /* the stream's error is checked when it is flushed */
	if (width > DESCRIPTION_COLUMN - 2) {
		fputc('\n', out);
		width = 0;
	}
	fprintf(out, "%*s", DESCRIPTION_COLUMN - width, "");
	for (const char *p = option->help; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fprintf(out, "%*s", DESCRIPTION_COLUMN, "");
	}
}

void help_print(FILE *out)
{
	fputs(introduction, out);
	for (int id = 0; id < OPTION_COUNT; id++) {
		const struct option_entry *option = &option_table[id];
		const char *heading = option_sections[option->section].help_heading;

		if (id == 0 || option->section != option_table[id - 1].section) {
			fputc('\n', out);
			if (heading)
				fprintf(out, "%s\n", heading);
		}
		print_option(out, option);
	}
	fputc('\n', out);
	fputs(conclusion, out);
}
