/* Every option of the command line, described once (option_table.h says
 * what each field is for and the markup of the manual's text). To add an
 * option: an id in option_table.h, an entry here, and its case in
 * options.c; then make update-man. */
#include "option_table.h"

#include "check/state.h"
#include "load/load.h"
#include "report/report.h"
#include "rules/document_type.h"
#include "rules/rules.h"

/* ---- the values kept in other tables, so that the lists cannot drift
 * from what is accepted ------------------------------------------------ */

static const char *input_format_value(size_t i)
{
	static const enum input_format formats[] = { INPUT_AUTO, INPUT_JSON, INPUT_YAML,
						     INPUT_HCL };

	return i < sizeof formats / sizeof *formats ? input_format_name(formats[i]) : NULL;
}

/* What --operation takes: the requests, and the kinds of document that
 * hold experiments of one operation. */
static const char *operation_value(size_t i)
{
	return i < (size_t)document_type_count ? document_type_name(document_types[i]) : NULL;
}

static const char *request_value(size_t i)
{
	return i < OPERATION_COUNT ? operation_name((enum operation)i) : NULL;
}

static const char *status_value(size_t i)
{
	return i <= STATUS_CANCELLED - STATUS_CREATING
	       ? status_name((enum experiment_status)(STATUS_CREATING + i)) : NULL;
}

static const char *level_value(size_t i)
{
	static const enum severity levels[] = { SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_NOTE };

	return i < sizeof levels / sizeof *levels ? severity_name(levels[i]) : NULL;
}

/* The rules, each by its code and then its name. */
static const char *rule_value(size_t i)
{
	const struct rule *rule;

	if (i / 2 >= RULE_COUNT)
		return NULL;
	rule = rule_get((enum rule_id)(i / 2));
	return i % 2 ? rule->name : rule->code;
}

static const char *const color_values[] = { "auto", "always", "never", NULL };
static const char *const rule_list_values[] = { "text", "man", "markdown", NULL };
static const char *const shell_values[] = { "bash", "zsh", NULL };

const char *option_value(const struct option_entry *option, size_t i)
{
	if (option->value_at)
		return option->value_at(i);
	if (!option->values)
		return NULL;
	for (size_t k = 0; k < i; k++)
		if (!option->values[k])
			return NULL;
	return option->values[i];
}

/* ---- the groups ---------------------------------------------------------- */

const struct option_section_entry option_sections[SECTION_COUNT] = {
	[SECTION_GENERAL] = { NULL, NULL, NULL, NULL },
	[SECTION_EXPERIMENT] = {
		"The experiment as it is now",
		"The experiment as it is now (for the rules about its status and schedule):",
		"Some rules depend on the experiment's current state. ielint never asks AWS\n"
		"for it; it is given with these options.\n",
		"Without `--status` or `--current`, the rules that need the status are\n"
		"skipped, and a note at the request's Schedule says so.\n",
	},
	[SECTION_RULES] = { "Rules", "Rules:", NULL, NULL },
	[SECTION_INPUT_OUTPUT] = { "Input and output", "Input and output:", NULL, NULL },
};

/* ---- the options --------------------------------------------------------- */

const struct option_entry option_table[OPTION_COUNT] = {
	[OPTION_OPERATION] = {
		.name = "operation", .argument = ARGUMENT_REQUIRED,
		.argument_name = "OPERATION", .section = SECTION_GENERAL,
		.value_at = operation_value,
		.help = "the files are create, update or stop requests,\n"
			"cloudformation templates or terraform\n"
			"configurations; by default each document says\n"
			"by its members, and one that could be two\n"
			"requests is the one under which it has the\n"
			"fewest errors\n",
		.manual =
			"Check every file as a `create`, `update` or `stop` request, as a\n"
			"`cloudformation` template, or as a `terraform` configuration (a file\n"
			"whose name says no format, such as standard input, is then HCL\n"
			"unless it starts with `{` or `[`). Without it, each document says\n"
			"which it is by its members: a template has AWSTemplateFormatVersion,\n"
			"or a Resources mapping whose members all have a Type; a Terraform\n"
			"configuration is read from HCL (a `.tf` file), or is JSON whose\n"
			"members are all Terraform's blocks (`resource`, `variable`,\n"
			"`locals`, `provider`...), a `resource` among them. A document with\n"
			"every member one request requires and no member that request lacks\n"
			"is that request; one without RoleArn, EndpointName, Type, KmsKey or\n"
			"Tags (which only a create request has) and without\n"
			"ModelVariantActions, DesiredModelVariants, DesiredState or Reason\n"
			"(only a stop request's) is an update. Any other document is checked\n"
			"as an update and as each request it has such members of, and is\n"
			"taken as the one under which it has the fewest errors; on a tie, the\n"
			"one whose required members are all present, then the update. An\n"
			"update that moves its end and has a stray `Tags` is so an update\n"
			"with one unknown member, not a create request that lacks five. A\n"
			"note (`IE115`), at the first member of another request, says which\n"
			"request the document was checked as, and the errors under each.\n",
	},
	[OPTION_STATUS] = {
		.name = "status", .argument = ARGUMENT_REQUIRED,
		.argument_name = "STATUS", .section = SECTION_EXPERIMENT,
		.value_at = status_value,
		.help = "its status: Creating, Created, Updating, Running,\n"
			"Starting, Stopping, Completed or Cancelled\n",
		.manual =
			"The experiment's status: `Creating`, `Created`, `Updating`,\n"
			"`Running`, `Starting`, `Stopping`, `Completed` or `Cancelled`.\n"
			"It overrides the status in `--current`.\n",
	},
	[OPTION_CURRENT] = {
		.name = "current", .argument = ARGUMENT_REQUIRED,
		.argument_name = "FILE", .section = SECTION_EXPERIMENT,
		.completion = COMPLETE_FILES,
		.help = "its description, as printed by aws sagemaker\n"
			"describe-inference-experiment (JSON or YAML);\n"
			"gives the status, schedule and variants\n",
		.manual =
			"The experiment as `aws sagemaker describe-inference-experiment --name`\n"
			"*NAME* prints it, in JSON or YAML. The file is checked as a\n"
			"description of an experiment and its own problems are reported at\n"
			"its own positions (they count as errors of the run). It gives the\n"
			"status, the schedule, the variants and the name that the update must\n"
			"agree with.\n",
	},
	[OPTION_PREVIOUS] = {
		.name = "previous", .argument = ARGUMENT_REQUIRED,
		.argument_name = "FILE", .section = SECTION_EXPERIMENT,
		.completion = COMPLETE_FILES,
		.help = "the template as the stack has it now, to compare\n"
			"a template with (such as git show main:template.yaml)\n",
		.manual =
			"The same CloudFormation template as it was when the stack was last\n"
			"deployed, such as `git show main:template.yaml` writes it. Each\n"
			"experiment resource is compared with the resource of the same\n"
			"logical id in it: a change of a property that CloudFormation can only\n"
			"set at creation (Name, Type, RoleArn, EndpointName, KmsKey) replaces\n"
			"the experiment, a new one created and the old one deleted, which is a\n"
			"warning; `--plan` lists the properties that change. Only the\n"
			"file's reading problems are reported.\n",
	},
	[OPTION_VAR_FILE] = {
		.name = "var-file", .argument = ARGUMENT_REQUIRED,
		.argument_name = "FILE", .section = SECTION_EXPERIMENT,
		.completion = COMPLETE_FILES,
		.help = "a Terraform variable file (*.tfvars, *.tfvars.json)\n"
			"whose values override the defaults; repeatable\n",
		.manual =
			"A file of values for a Terraform configuration's variables, as\n"
			"`terraform plan -var-file` reads it: HCL (`*.tfvars`), or JSON when\n"
			"its name ends in `.json`. A value it gives a variable overrides the\n"
			"variable's `default` and what the configuration's directory sets in\n"
			"`terraform.tfvars` and `*.auto.tfvars`; when the option is given more\n"
			"than once, the files are read in order and the last to set a variable\n"
			"wins. A reference `var.`*NAME* then stands for its value where the\n"
			"experiment is checked. Only the file's reading problems are reported.\n",
	},
	[OPTION_NOW] = {
		.name = "now", .argument = ARGUMENT_REQUIRED,
		.argument_name = "TIME", .section = SECTION_EXPERIMENT,
		.help = "the time to judge the schedule by (ISO 8601 or\n"
			"epoch seconds); the default is the clock\n",
		.manual =
			"The time to judge the schedule by, as ISO 8601\n"
			"(`2030-01-10T00:00:00Z`) or epoch seconds; the default is the\n"
			"system clock. Scripts and tests that must give the same verdict\n"
			"every day should set it.\n",
	},
	[OPTION_PLAN] = {
		.name = "plan", .section = SECTION_EXPERIMENT,
		.help = "say what each request would change, member by\n"
			"member (update and stop requests against\n"
			"--current), after the diagnostics\n",
		.manual =
			"After each file's diagnostics, say what its request would change,\n"
			"one line per member: an update against `--current` (each schedule\n"
			"time with the difference and the schedule's new length,\n"
			"SamplingPercentage, each variant's model and infrastructure, the\n"
			"variants added, the data capture), a stop (the status it ends in,\n"
			"the variant promoted and in place of which, those retained and\n"
			"removed), a create request or the experiment resource of a template\n"
			"or a Terraform configuration (the new experiment, its variants and\n"
			"how long it runs). A request that\n"
			"changes nothing says `no change`. An update or stop request without\n"
			"`--current` is not planned; its plan and one line on standard error\n"
			"say so. A template's experiment resource is planned as the stack\n"
			"operation sends it: created, started, updated (the members sent,\n"
			"against `--current`, and those left out), stopped (each variant\n"
			"promoted, retained or removed) or left alone but for its tags, by\n"
			"the status `--status` or `--current` gives; with `--previous`, the\n"
			"properties changed since, and whether they replace it. Plans are\n"
			"shown by the `text` and `markdown` formats; the exit status is the\n"
			"diagnostics' alone.\n",
	},
	[OPTION_DISABLE] = {
		.name = "disable", .argument = ARGUMENT_REQUIRED,
		.argument_name = "RULE[,RULE]", .section = SECTION_RULES,
		.value_at = rule_value,
		.help = "turn rules off (codes such as IE205, or names)\n",
		.manual =
			"Turn rules off. A rule is named by its code (`IE205`) or its name\n"
			"(`pattern-mismatch`); the option may be repeated.\n",
	},
	[OPTION_ENABLE] = {
		.name = "enable", .argument = ARGUMENT_REQUIRED,
		.argument_name = "RULE[,RULE]", .section = SECTION_RULES,
		.value_at = rule_value,
		.help = "turn rules back on\n",
		.manual = "Turn rules back on, for example ones a configuration file turns off.\n",
	},
	[OPTION_SEVERITY] = {
		.name = "severity", .argument = ARGUMENT_REQUIRED,
		.argument_name = "RULE=LEVEL", .section = SECTION_RULES,
		.help = "report a rule as error, warning or note\n",
		.manual = "Report a rule as `error`, `warning` or `note`.\n",
	},
	[OPTION_FAIL_ON] = {
		.name = "fail-on", .argument = ARGUMENT_REQUIRED,
		.argument_name = "LEVEL", .section = SECTION_RULES,
		.value_at = level_value,
		.help = "exit 1 when a diagnostic is at least LEVEL\n"
			"(error, the default, or warning or note)\n",
		.manual =
			"Exit with status 1 when a diagnostic is at least *LEVEL* (by default\n"
			"`error`).\n",
	},
	[OPTION_CONFIG] = {
		.name = "config", .argument = ARGUMENT_REQUIRED,
		.argument_name = "FILE", .section = SECTION_RULES,
		.completion = COMPLETE_FILES,
		.help = "read settings from FILE instead of the\n"
			".ielint.yaml found above each file\n",
		.manual =
			"Read the settings from *FILE* for every linted file, instead of\n"
			"searching for `.ielint.yaml` (see `FILES`).\n",
	},
	[OPTION_LIST_RULES] = {
		.name = "list-rules", .argument = ARGUMENT_OPTIONAL,
		.argument_name = "FORMAT", .section = SECTION_RULES,
		.values = rule_list_values,
		.help = "list every rule (code, name, severity, summary)\n"
			"as text, or as a manual page with FORMAT man,\n"
			"or as the rules page with FORMAT markdown\n",
		.manual =
			"List every rule, one per line: its code, name, default severity and\n"
			"summary. With `=man` print the `ielint-rules`(7) manual page instead,\n"
			"and with `=markdown` the same as a Markdown page (the project's\n"
			"docs/rules.md).\n",
	},
	[OPTION_EXPLAIN] = {
		.name = "explain", .argument = ARGUMENT_REQUIRED,
		.argument_name = "RULE", .section = SECTION_RULES,
		.value_at = rule_value,
		.help = "show a rule's help, with examples\n",
		.manual =
			"Show a rule's help, with an example that breaks it and the same\n"
			"example mended.\n",
	},
	[OPTION_PRINT_SCHEMA] = {
		.name = "print-schema", .argument = ARGUMENT_OPTIONAL,
		.argument_name = "OPERATION", .section = SECTION_RULES,
		.value_at = request_value,
		.help = "print a JSON Schema of a create, update or\n"
			"stop request, for editors; without\n"
			"OPERATION, of any of the three\n",
		.manual =
			"Print a JSON Schema (draft-07) of a `create`, `update` or `stop`\n"
			"request, made from the request's shapes, for editors to complete,\n"
			"describe and check members as a request is typed; without\n"
			"*OPERATION*, a schema of a document that is any of the three. It\n"
			"says what each value alone may be (types, required and unknown\n"
			"members, allowed values, lengths, sizes, ranges and patterns); the\n"
			"cross-field rules, the experiment's state and the forms of\n"
			"timestamps are left to ielint.\n",
	},
	[OPTION_RULES_DIR] = {
		.name = "rules-dir", .argument = ARGUMENT_REQUIRED,
		.argument_name = "DIR", .section = SECTION_RULES,
		.completion = COMPLETE_DIRECTORIES,
		.help = "use the rules (catalog.yaml, shapes.json) in\n"
			"DIR instead of those built into the program\n",
		.manual =
			"Use the rule catalog *DIR*`/catalog.yaml` and the request's shapes\n"
			"*DIR*`/shapes.json` instead of the copies built into the program,\n"
			"for example to accept instance types that are newer than the\n"
			"program. Start from a copy of the `rules` directory of the source\n"
			"tree. A broken file is reported with its position and the run\n"
			"exits 2.\n",
	},
	[OPTION_INPUT_FORMAT] = {
		.name = "input-format", .argument = ARGUMENT_REQUIRED,
		.argument_name = "FORMAT", .section = SECTION_INPUT_OUTPUT,
		.value_at = input_format_value,
		.help = "read files as auto (the default: by file\n"
			"extension, else by content), json, yaml or hcl\n"
			"(Terraform's native syntax, as in a .tf file)\n",
		.manual =
			"Read every file as `json`, as `yaml`, as `hcl` (the native syntax of\n"
			"a Terraform configuration), or as `auto` (the default): a name ending\n"
			"in `.json` is JSON (a Terraform `.tf.json` file among them), one\n"
			"ending in `.yaml` or `.yml` is YAML, one ending in `.tf` is HCL, and\n"
			"any other file is JSON when its first character is `{` or `[`, else\n"
			"YAML. The format says how a file is read, not what it holds:\n"
			"`--operation terraform` says that.\n",
	},
	[OPTION_EXCLUDE] = {
		.name = "exclude", .argument = ARGUMENT_REQUIRED,
		.argument_name = "GLOB", .section = SECTION_INPUT_OUTPUT,
		.help = "skip files and directories matching GLOB\n",
		.manual =
			"Leave out files and directories whose path or name matches *GLOB*\n"
			"(as `fnmatch`(3) matches; repeatable).\n",
	},
	[OPTION_FORMAT] = {
		.name = "format", .short_name = 'f', .argument = ARGUMENT_REQUIRED,
		.argument_name = "FORMAT", .section = SECTION_INPUT_OUTPUT,
		.value_at = report_format_name_at,
		.help = "text (the default), json, sarif, github,\n"
			"markdown (a summary for a pull request),\n"
			"diff (the fixes, as a unified diff),\n"
			"codequality (GitLab Code Quality) or junit\n",
		.manual =
			"`text` (the default; see above), `json` (see `JSON FORMAT`), `sarif`\n"
			"(SARIF 2.1.0, for GitHub code scanning and other SARIF viewers; a fix\n"
			"is a result's `fixes`; `run.artifacts` lists each file checked, with\n"
			"the request it was checked as in `properties.operation`, as does each\n"
			"result), `github` (GitHub Actions workflow commands, shown as\n"
			"annotations), `markdown` (a summary for a pull-request comment or a\n"
			"GitHub Actions job summary, `$GITHUB_STEP_SUMMARY`: a heading, the\n"
			"counts, a table of the diagnostics, a Mermaid diagram of each\n"
			"experiment (with `--plan`, its changes marked) and, with `--plan`,\n"
			"the plan of each file; \"No problems found.\" when there are none.\n"
			"Text from the files is escaped where Markdown or Mermaid would read\n"
			"it), `diff` (the fixes as\n"
			"a unified diff that `git apply` and `patch -p1` read; see `--fix`),\n"
			"`codequality` (GitLab Code Quality, for a job's\n"
			"`artifacts: reports: codequality`: a JSON array with an issue per\n"
			"diagnostic: the message as `description`, the rule's code and name as\n"
			"`check_name`, a `fingerprint` that does not change with line numbers\n"
			"(as SARIF's), a `severity` of info for a note, minor for a warning\n"
			"and major for an error, and `location` with the path relative to the\n"
			"working directory and the lines; a file that cannot be read is an\n"
			"issue of severity blocker, check_name \"ielint unreadable\") or\n"
			"`junit` (JUnit XML, for a job's `artifacts: reports: junit` and other\n"
			"CI test views: a testsuite per file and a testcase per diagnostic,\n"
			"named as \"IE206 invalid-enum at 13:23\"; a diagnostic that fails the\n"
			"run, by `--fail-on`, is a failure, the others pass with the\n"
			"diagnostic as their output; a clean file has one passing testcase\n"
			"\"ielint\", and a file that cannot be read a testcase with an error).\n",
	},
	[OPTION_OUTPUT] = {
		.name = "output", .short_name = 'o', .argument = ARGUMENT_REQUIRED,
		.argument_name = "FILE", .section = SECTION_INPUT_OUTPUT,
		.completion = COMPLETE_FILES,
		.help = "write the report to FILE (replaced whole at\n"
			"the end) instead of standard output\n",
		.manual =
			"Write the report to *FILE*. It is written to a temporary file beside\n"
			"it, synced, and renamed into place at the end with the mode of the\n"
			"file it replaces, so a failed or interrupted run never leaves half a\n"
			"report (nor the temporary file, even when a signal ends it). A *FILE*\n"
			"that exists must be one you may write. A symbolic link is written\n"
			"through: the file it names is replaced, and the link stays. A link\n"
			"that names no file is refused (exit 2), as `cp`(1) refuses it:\n"
			"writing through it would make a file wherever the link points, and\n"
			"replacing it would lose the link. A device or FIFO is written to\n"
			"directly, never replaced. A *FILE* that the run reads is refused,\n"
			"exit 2, whatever name it goes by (files are compared by device and\n"
			"inode): one of the files to check, the file standard input is (or\n"
			"the one `--stdin-filename` names), the `--current` or `--config`\n"
			"file, or a file of `--rules-dir`, before anything is checked; or a\n"
			"`.ielint.yaml` found on the way, once it is found, when the report\n"
			"is thrown away. A report that cannot be written whole exits 2,\n"
			"naming *FILE*.\n",
	},
	[OPTION_COLOR] = {
		.name = "color", .alias = "colour", .argument = ARGUMENT_REQUIRED,
		.argument_name = "WHEN", .section = SECTION_INPUT_OUTPUT,
		.values = color_values,
		.help = "colour the text report: auto (on a terminal,\n"
			"unless NO_COLOR is set), always or never\n",
		.manual =
			"Colour the text report: `auto` (the default: when standard output is\n"
			"a terminal and the environment variable `NO_COLOR` is not set),\n"
			"`always` or `never`.\n",
	},
	[OPTION_SHOW_SOURCE] = {
		.name = "show-source", .section = SECTION_INPUT_OUTPUT,
		.help = "show the offending line under each diagnostic\n",
		.manual =
			"Under each diagnostic of the text report, show the line it is on,\n"
			"with a caret under its column. Its control characters are shown\n"
			"escaped, as in file names, so that a file cannot move the cursor or\n"
			"change colours. A line longer than 100 characters is shown clipped\n"
			"to 100 around the column, 40 before it, with `...` where text was\n"
			"left out.\n",
	},
	[OPTION_FIX] = {
		.name = "fix", .section = SECTION_INPUT_OUTPUT,
		.help = "write the fixes ielint is certain of into the\n"
			"files (only the bytes fixed change), then report\n"
			"what remains\n",
		.manual =
			"Write into each file the fixes ielint is certain of, then report what\n"
			"remains. A diagnostic carries a fix only where the repair is beyond\n"
			"doubt: a misspelt member or enum value with one nearest candidate at\n"
			"most two edits away (never a member the mapping already has), a\n"
			"number, boolean or date where text belongs (quoted), an unquoted\n"
			"date in a timestamp (quoted), \"2\" or 2.0 for an integer (written\n"
			"2), a name whose only fault is its trailing hyphens, a timestamp\n"
			"the AWS CLI reads in a loose form (written in the ISO 8601 form it\n"
			"reads it as), and a template's schedule time that says its instant\n"
			"in a form CloudFormation's resource handler cannot parse, or that\n"
			"only its current builds parse (written with Z). The text report\n"
			"shows it under the diagnostic, as\n"
			"`fix: replace ml.m5.xlarg with ml.m5.xlarge`. Only the bytes of the\n"
			"values fixed change: comments, quoting, order and layout stay. A\n"
			"file fixed stays the file it was, as an editor keeps it: with its\n"
			"owner, group and mode, and every name it has. It is replaced whole\n"
			"(a temporary file renamed into place) where that keeps all of them,\n"
			"and is otherwise written over where it is (its old bytes put back\n"
			"should the write fail): when it has more than one name (hard links),\n"
			"or a new file could not have its owner or group, or its directory\n"
			"cannot be written. A file you may not write is left as it is and\n"
			"makes the exit status 2; so is a read-only file (one that no one has\n"
			"write permission on, such as mode 0444), even for root. A symbolic\n"
			"link is written through when it is named, or when the file it leads\n"
			"to lies inside a file or directory named; a link found in a\n"
			"directory that leads out of everything named is left alone, with a\n"
			"message. A file that changed since it was read is left as it is, and\n"
			"so are two fixes that overlap. Each file fixed is named on standard\n"
			"error with the count of its fixes; the exit status is that of what\n"
			"remains. Standard input is never rewritten.\n",
	},
	[OPTION_DRY_RUN] = {
		.name = "dry-run", .section = SECTION_INPUT_OUTPUT,
		.help = "with --fix, print the fixes as a unified diff\n"
			"and change nothing (the same as -f diff)\n",
		.manual =
			"With `--fix`, change nothing and print the fixes as a unified diff\n"
			"(the same as `-f diff`).\n",
	},
	[OPTION_STDIN_FILENAME] = {
		.name = "stdin-filename", .argument = ARGUMENT_REQUIRED,
		.argument_name = "NAME", .section = SECTION_INPUT_OUTPUT,
		.completion = COMPLETE_FILES,
		.help = "report standard input (-, or no FILE at all)\n"
			"as NAME, with the settings of NAME's\n"
			"directory; its extension picks the format\n",
		.manual =
			"Report standard input as the file *NAME*, as an editor does with a\n"
			"buffer not yet saved: the settings are those of *NAME*'s directory\n"
			"(its `.ielint.yaml` and overrides), and its extension picks the\n"
			"input format as a file's does. With no *FILE*, standard input is\n"
			"read.\n",
	},
	[OPTION_JOBS] = {
		.name = "jobs", .short_name = 'j', .argument = ARGUMENT_REQUIRED,
		.argument_name = "N", .section = SECTION_INPUT_OUTPUT,
		.help = "lint on N threads (1 to 256); by default one\n"
			"for each processor; the report is the same\n"
			"whatever N\n",
		.manual =
			"Lint on *N* threads (1 to 256). By default there is one for each\n"
			"processor; a run of a few files uses fewer, and one file none. Each\n"
			"file is reported in the order of the list, so the report is the\n"
			"same, byte for byte, whatever *N*.\n",
	},
	[OPTION_QUIET] = {
		.name = "quiet", .short_name = 'q', .section = SECTION_INPUT_OUTPUT,
		.help = "print no summary on standard error\n",
		.manual =
			"Print no summary on standard error: only the diagnostics, and the\n"
			"files that could not be read.\n",
	},
	[OPTION_VERBOSE] = {
		.name = "verbose", .short_name = 'v', .section = SECTION_INPUT_OUTPUT,
		.help = "say on standard error which files are checked\n"
			"and why a directory's other files are not\n"
			"(such as those that hold no request)\n",
		.manual =
			"Say on standard error which files are checked, and as which request\n"
			"(or as a template, or a Terraform configuration), and why each other\n"
			"entry of a searched directory is not: hidden, matched by `--exclude`,\n"
			"not a `.json`, `.yaml`, `.yml` or `.tf` file, or holding no request,\n"
			"template or Terraform resource of an experiment. When no file is left\n"
			"to check, say so.\n",
	},
	[OPTION_LSP] = {
		.name = "lsp", .section = SECTION_INPUT_OUTPUT,
		.help = "run as a language server for editors (LSP over\n"
			"standard input and output)\n",
		.manual =
			"Run as a language server: speak the Language Server Protocol 3.17\n"
			"on standard input and output, and lint each document an editor\n"
			"opens as it is typed, with the settings of the `.ielint.yaml` above\n"
			"it. A document is taken as a directory search takes a file: one\n"
			"that is no request, template or Terraform experiment gets no\n"
			"diagnostics, so the server can be attached to every YAML, JSON and\n"
			"Terraform file. The editor gets the diagnostics, their fixes and a\n"
			"comment that disables a rule on a line as code actions, the rules\n"
			"and members described on hover, and member names and allowed\n"
			"values as completions. The settings `status`, `now`, `current`,\n"
			"`operation`, `disable` and `enable`, sent as the workspace\n"
			"configuration or the initialization options, stand for the options\n"
			"of the same names. Options given with `--lsp` (`--disable`,\n"
			"`--config`, `--rules-dir`, `--status`, ...) apply to every document.\n"
			"See docs/editors.md.\n",
	},
	[OPTION_COMPLETION] = {
		.name = "completion", .argument = ARGUMENT_REQUIRED,
		.argument_name = "SHELL", .section = SECTION_INPUT_OUTPUT,
		.values = shell_values,
		.help = "print the completion script for bash or zsh\n",
		.manual =
			"Print the completion script for `bash` or `zsh`. The package installs\n"
			"both.\n",
	},
	[OPTION_HELP] = {
		.name = "help", .short_name = 'h', .section = SECTION_INPUT_OUTPUT,
		.help = "show this help and exit\n",
		.manual = "Show a summary of the options and exit.\n",
	},
	[OPTION_VERSION] = {
		.name = "version", .short_name = 'V', .section = SECTION_INPUT_OUTPUT,
		.help = "show the version and exit\n",
		.manual = "Show the version and exit.\n",
	},
};
