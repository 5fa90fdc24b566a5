/* Reporters: diagnostics out, in the format asked for. Each format is one
 * file (report_text.c, report_json.c, report_sarif.c, report_github.c,
 * report_markdown.c, report_codequality.c, report_junit.c, and
 * report_diff.c for the fixes)
 * behind the same small interface, so every format reports the same run. */
#ifndef IELINT_REPORT_H
#define IELINT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "load/diag.h"
#include "load/source.h"
#include "report/picture.h"

enum report_format {
	REPORT_TEXT,
	REPORT_JSON,
	REPORT_SARIF,
	REPORT_GITHUB,
	REPORT_MARKDOWN,
	REPORT_DIFF, /* what --fix would change */
	REPORT_CODEQUALITY, /* GitLab Code Quality */
	REPORT_JUNIT,
};

struct report_options {
	enum report_format format;
	bool color;       /* text: ANSI colours */
	bool show_source; /* text: the offending line with a caret */
	const char *version;
};

struct reporter;

/* The operations of one format. file() is called once per linted file, in
 * order; src is NULL when the text was not kept (it could not be read, or
 * was too large). finish() writes whatever a format keeps for the end. */
struct report_ops {
	void (*file)(struct reporter *r, const char *name, const struct source *src,
		     const struct diag_list *diags);
	void (*unreadable)(struct reporter *r, const char *name, const char *why);
	void (*finish)(struct reporter *r, int exit_status);
	void (*free)(struct reporter *r);
	/* With --plan, after file(): what the file's request changes, one
	 * line each; NULL in the formats that do not show plans. */
	void (*plan)(struct reporter *r, const char *name, const char *const *lines,
		     size_t count);
	/* After file() (and plan()): the pictures of the file's experiments;
	 * NULL in the formats that draw none. */
	void (*pictures)(struct reporter *r, const char *name,
			 const struct picture_list *pictures);
};

struct reporter {
	const struct report_ops *ops;
	struct report_options options;
	FILE *out;
	bool failed; /* out of memory, or the output could not be written */
	int error;   /* errno of the first failed write, or 0 */
	void *state; /* the format's own */
};

bool report_format_parse(const char *text, enum report_format *format);
/* The name of the i-th format (for completion); NULL past the last. */
const char *report_format_name_at(size_t i);

/* Starts a report; false when memory runs out. */
bool reporter_init(struct reporter *r, const struct report_options *options, FILE *out);

void report_file(struct reporter *r, const char *name, const struct source *src,
		 const struct diag_list *diags);
void report_unreadable(struct reporter *r, const char *name, const char *why);
/* What a file's request changes (--plan); false when the format does not
 * show plans. */
bool report_plan(struct reporter *r, const char *name, const char *const *lines,
		 size_t count);
/* The pictures of a file's experiments; false when the format draws none. */
bool report_pictures(struct reporter *r, const char *name, const struct picture_list *pictures);
/* Ends the report; false when it could not be written whole (r->error
 * says why, when a write failed, and is 0 when memory ran out). */
bool report_finish(struct reporter *r, int exit_status);

/* Writes a JSON tree (cJSON's) as the report, for the formats built so;
 * marks the reporter failed when memory runs out. */
struct cJSON;
void report_print_json(struct reporter *r, const struct cJSON *tree);

/* The formats. */
extern const struct report_ops report_text_ops;
extern const struct report_ops report_json_ops;
extern const struct report_ops report_sarif_ops;
extern const struct report_ops report_github_ops;
extern const struct report_ops report_diff_ops;
extern const struct report_ops report_markdown_ops;
extern const struct report_ops report_codequality_ops;
extern const struct report_ops report_junit_ops;

#endif
