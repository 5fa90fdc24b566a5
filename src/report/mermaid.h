/* A picture of an experiment as a Mermaid flowchart, the diagram that
 * GitHub and GitLab draw from a ```mermaid block in Markdown. */
#ifndef IELINT_MERMAID_H
#define IELINT_MERMAID_H

#include "picture.h"
#include "base/strbuf.h"

/* Adds the fenced block that draws the picture (which must be drawn:
 * picture->not_drawn is NULL). */
void mermaid_draw(struct strbuf *b, const struct picture *picture);

#endif
