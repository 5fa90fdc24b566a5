#include "report.h"

void report_text(FILE *out, const char *file, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *diag = &diags->items[i];
		const struct rule *rule = rule_get(diag->rule);

		fprintf(out, "%s:%d:%d: %s: %s [%s %s]\n", file, diag->span.line,
			diag->span.column, severity_name(diag->severity),
			diag->message, rule->code, rule->name);
	}
}
