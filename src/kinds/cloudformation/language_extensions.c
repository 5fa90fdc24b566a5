#include "language_extensions.h"

#include <string.h>

bool check_language_extension(struct resource_check *e, const struct intrinsic *call)
{
	if ((call->function != FN_LENGTH && call->function != FN_TO_JSON_STRING) ||
	    e->template->language_extensions)
		return true;
	resource_report(e, call->name_span, "%s comes with the AWS::LanguageExtensions transform, "
	       "which the template's Transform does not name: without it CloudFormation "
	       "knows no such function", shorten(call->name, strlen(call->name)).text);
	return false;
}
