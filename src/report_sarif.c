/* SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
#include "report.h"

#include <cjson/cJSON.h>

static void sarif_file(struct reporter *r, const char *name, const struct source *src,
		       const struct diag_list *diags)
{
	(void)r, (void)name, (void)src, (void)diags;
}

const struct report_ops report_sarif_ops = {
	.file = sarif_file,
};
