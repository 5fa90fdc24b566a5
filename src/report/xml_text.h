/* Text in XML 1.0 documents, for the JUnit format. */
#ifndef IELINT_XML_TEXT_H
#define IELINT_XML_TEXT_H

#include <stdbool.h>

struct strbuf;

/* Adds text escaped for character data, or for a double- or single-quoted
 * attribute value when attribute: &, <, >, " and ' as entities; in an
 * attribute also tab, line feed and carriage return as character
 * references, which a parser would otherwise turn into spaces. What XML
 * 1.0 cannot hold at all, even as a reference (the other C0 controls,
 * U+FFFE, U+FFFF, and bytes that are not UTF-8), becomes U+FFFD. */
void xml_put_text(struct strbuf *b, const char *text, bool attribute);

#endif
