/* libfyaml driven over the text: set up to read as the AWS CLI's reader
 * does, its events handed to events.c, and its first error placed where
 * the mistake is. The parser may be given only the text before a cut,
 * where reading it further would cost too much or where its own message
 * would say too little. */
#include "loader.h"

#include <pthread.h>
#include <stdlib.h>

#include "characters.h"
#include "value_count.h"

/* libfyaml places an error at a quoted scalar just after its opening
 * quote; the mistake is the scalar, quote and all. */
static bool starts_inside_quotes(struct fy_token *token,
				 const struct fy_diag_error *error)
{
	const struct fy_mark *start;
	enum fy_scalar_style style;

	if (!token || fy_token_get_type(token) != FYTT_SCALAR)
		return false;
	style = fy_token_scalar_style(token);
	start = fy_token_start_mark(token);
	return (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) &&
	       mark_known(start) && start->line + 1 == error->line &&
	       start->column + 1 == error->column;
}

/* Where the parser's first error is. */
static bool error_position(const struct fy_diag_error *error, struct position *at)
{
	if (!error || error->line <= 0 || error->column <= 0)
		return false;
	at->line = error->line;
	at->column = error->column;
	return true;
}

static void report_syntax_error(struct loader *ld, struct fy_diag *diag)
{
	void *iter = NULL;
	struct fy_diag_error *error = fy_diag_errors_iterate(diag, &iter);
	struct position at = ld->last;
	const char *message = "the text cannot be parsed";

	if (error_position(error, &at) && starts_inside_quotes(error->fyt, error))
		at.column--;
	if (error && error->msg && error->msg[0])
		message = error->msg;
	loader_report(ld, RULE_SYNTAX_ERROR, span_at(at), NULL, "%s syntax error: %s",
		      ld->json ? "JSON" : "YAML", message);
}

static void discard_output(struct fy_diag *diag, void *user, const char *buf,
			   size_t len)
{
	(void)diag, (void)user, (void)buf, (void)len;
}

static bool position_before(struct position a, struct position b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

/* Where the parser must stop before the end of the text, and why. */
struct cut {
	size_t offset;
	size_t control; /* a raw control character in JSON, at this offset... */
	unsigned code;  /* ...which is this one */
	bool too_many;  /* or the values pass their limit there */
};

/* Python's JSON reader refuses a raw control character, in a string or
 * out of one; libfyaml does too, but says neither which character nor,
 * for a line break in a string, where it is. The parser reads only the
 * text before the token that holds it, so that an error it finds there is
 * the author's. */
static struct cut find_cut(const struct loader *ld)
{
	const struct source *src = ld->src;
	struct cut cut = { src->len, src->len, 0, false };
	size_t token = src->len;
	size_t values = value_count_cut(src->data, src->len, ld->json, LOAD_MAX_NODES);

	if (ld->json)
		cut.control = characters_find_json_control(src->data, src->len, &token,
							   &cut.code);
	cut.offset = token < values ? token : values;
	cut.too_many = values < token;
	return cut;
}

/* The parser sees only the text before the cut (all of it, for any real
 * document): an error it finds there is the author's, one at the cut is
 * the cut's. `diag` holds the parser's error, if it had one. */
static void report_cut(struct loader *ld, const struct cut *cut, struct fy_diag *diag)
{
	struct position at = source_advance(ld->src, SOURCE_START, cut->offset);
	struct position error_at;
	void *iter = NULL;
	struct fy_diag_error *error = diag ? fy_diag_errors_iterate(diag, &iter) : NULL;

	if (error_position(error, &error_at) && position_before(error_at, at))
		report_syntax_error(ld, diag);
	else if (cut->too_many)
		loader_report_too_many_nodes(ld, at);
	else
		loader_report_json_control(ld, cut->control, cut->code);
	ld->stop = true;
}

/* libfyaml's default diagnostics settings ask whether standard error is a
 * terminal; they are the same for every document, so ask once. */
static struct fy_diag_cfg diag_defaults;
static pthread_once_t diag_defaults_once = PTHREAD_ONCE_INIT;

static void set_diag_defaults(void)
{
	fy_diag_cfg_default(&diag_defaults);
	diag_defaults.fp = NULL;
	diag_defaults.output_fn = discard_output;
	diag_defaults.colorize = false;
}

/* libfyaml keeps the tokens it frees for reuse, which saves it a malloc
 * each in small documents (3% of the time over many), but in a large flow
 * collection it keeps them all to the end: a 5 MB JSON list took 37 MiB
 * with reuse, 26 without. */
enum { RECYCLE_LIMIT = 256 * 1024 };

/* The AWS CLI's YAML loader (ruamel.yaml, pure Python) does not hold a
 * quoted string's next lines, nor a flow collection's, to the indentation
 * of the block around them: Description: "a" on one line and b" at column
 * 0 on the next is "a b" to it. libfyaml calls that wrongly indented
 * unless told to be sloppy about flow indentation, which covers both. */
static enum fy_parse_cfg_flags parse_flags(const struct loader *ld, size_t len)
{
	return FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS |
	       (len > RECYCLE_LIMIT ? FYPCF_DISABLE_RECYCLING : 0) |
	       (ld->json ? FYPCF_JSON_FORCE : FYPCF_JSON_NONE | FYPCF_SLOPPY_FLOW_INDENTATION);
}

struct fy_parser *loader_open_parser(const struct loader *ld, struct fy_diag *diag,
				     const char *text, size_t len)
{
	struct fy_parse_cfg cfg = { .flags = parse_flags(ld, len), .diag = diag };
	struct fy_parser *parser = diag ? fy_parser_create(&cfg) : NULL;

	if (parser && fy_parser_set_string(parser, text, len) != 0) {
		fy_parser_destroy(parser);
		parser = NULL;
	}
	return parser;
}

struct fy_diag *loader_new_diag(void)
{
	struct fy_diag *diag;

	pthread_once(&diag_defaults_once, set_diag_defaults);
	diag = fy_diag_create(&diag_defaults);
	/* Collected, a syntax error is never displayed: libfyaml 0.7.12
	 * writes before its buffer when it shows a long line's error. */
	if (diag)
		fy_diag_set_collect_errors(diag, true);
	return diag;
}

void loader_parse(struct loader *ld)
{
	struct cut cut = find_cut(ld);
	char *copy = NULL;
	const char *text = NULL;
	struct fy_diag *diag;
	struct fy_parser *parser = NULL;
	struct fy_event *event;

	loader_find_lone_surrogates(ld, cut.offset);
	if (!ld->stop)
		text = loader_parser_text(ld, cut.offset, &copy);
	diag = loader_new_diag();
	if (text)
		parser = loader_open_parser(ld, diag, text, cut.offset);
	if (!parser) {
		loader_out_of_memory(ld);
	} else {
		while (!ld->stop && (event = fy_parser_parse(parser))) {
			loader_handle_event(ld, event);
			fy_parser_event_free(parser, event);
		}
		if (!ld->stop && cut.offset < ld->src->len) {
			report_cut(ld, &cut, fy_parser_get_stream_error(parser) ? diag : NULL);
		} else if (!ld->stop && fy_parser_get_stream_error(parser)) {
			report_syntax_error(ld, diag);
			ld->stop = true;
		}
		if (!ld->stop && ld->json)
			loader_check_json_gap(ld, ld->src->len);
	}
	fy_parser_destroy(parser);
	fy_diag_destroy(diag);
	free(copy);
}
