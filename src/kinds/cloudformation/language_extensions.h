/* The functions only the AWS::LanguageExtensions transform brings. */
#ifndef IELINT_LANGUAGE_EXTENSIONS_H
#define IELINT_LANGUAGE_EXTENSIONS_H

#include <stdbool.h>

#include "intrinsic.h"
#include "resource_check.h"

/* Reports a call of Fn::Length or Fn::ToJsonString in a template whose
 * Transform lacks AWS::LanguageExtensions, which CloudFormation then
 * does not know (unknown-function); false when it did. */
bool check_language_extension(struct resource_check *e, const struct intrinsic *call);

#endif
