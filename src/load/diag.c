#include "diag.h"

#include "base/format.h"
#include "base/memory.h"

#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *list)
{
	memset(list, 0, sizeof *list);
	list->fail_on = -1;
}

void diag_list_init_like(struct diag_list *list, const struct diag_list *parent)
{
	diag_list_init(list);
	list->policy = parent->policy;
}

/* The class a diagnostic is held in for the limit: 0 hidden, then one for
 * each severity, the most severe last. */
static size_t class_of(bool hidden, enum severity severity)
{
	return hidden ? 0 : (size_t)severity + 1;
}

/* Whether the list has room for one more diagnostic of the class. */
static bool room_for(const struct diag_list *list, size_t class)
{
	size_t above = 0;

	for (size_t c = class; c < DIAG_CLASSES; c++)
		above += list->held[c];
	return above < DIAG_MAX_PER_FILE;
}

/* Counts a diagnostic that found no room; a hidden one is not missed. */
static void count_dropped(struct diag_list *list, bool hidden, enum severity severity)
{
	if (hidden)
		return;
	list->dropped++;
	if (severity == SEVERITY_ERROR)
		list->dropped_errors++;
}

/* What the policy makes of a diagnostic: false when it is hidden. */
static bool shown(const struct diag_list *list, enum rule_id rule, int line, bool mark,
		  enum severity *severity)
{
	*severity = rule_get(rule)->severity;
	return !list->policy || list->policy->show(list->policy, rule, line, mark, severity);
}

void diag_drop_fix(struct diag *diag)
{
	if (diag->fix)
		free(diag->fix->text);
	free(diag->fix);
	diag->fix = NULL;
}

void diag_free(struct diag *diag)
{
	free(diag->path);
	free(diag->message);
	diag_drop_fix(diag);
	diag->path = diag->message = NULL;
}

void diag_list_free(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		diag_free(&list->items[i]);
	free(list->items);
	diag_list_init(list);
}

static void recount(struct diag_list *list)
{
	memset(list->held, 0, sizeof list->held);
	for (size_t i = 0; i < list->count; i++)
		list->held[class_of(list->items[i].hidden, list->items[i].severity)]++;
}

static bool reserve_one(struct diag_list *list)
{
	if (list->count < list->capacity)
		return true;
	size_t capacity = list->capacity ? list->capacity * 2 : 8;
	struct diag *items = mem_realloc(list->items, capacity * sizeof *items);
	if (!items)
		return false;
	list->items = items;
	list->capacity = capacity;
	return true;
}

bool diag_add(struct diag_list *list, enum rule_id rule, struct span span,
	      const char *path, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	bool added = diag_addv(list, rule, span, path, format, args);
	va_end(args);
	return added;
}

/* Records a diagnostic, past the limit or not. */
__attribute__((format(printf, 7, 0)))
static bool add(struct diag_list *list, enum rule_id rule, bool hidden,
		enum severity severity, struct span span, const char *path,
		const char *format, va_list args)
{
	char *message = format_allocv(format, args);
	char *path_copy = mem_strdup(path ? path : "");

	list->last_kept = false;
	if (!message || !path_copy || !reserve_one(list)) {
		free(message);
		free(path_copy);
		list->out_of_memory = true;
		return false;
	}
	list->items[list->count++] = (struct diag){
		.rule = rule,
		.severity = severity,
		.hidden = hidden,
		.span = span,
		.path = path_copy,
		.message = message,
	};
	list->held[class_of(hidden, severity)]++;
	list->last_kept = true;
	return true;
}

__attribute__((format(printf, 5, 6)))
static bool add_always(struct diag_list *list, enum rule_id rule, struct span span,
		       const char *path, const char *format, ...)
{
	enum severity severity;
	bool hidden = !shown(list, rule, span.line, true, &severity);
	va_list args;

	va_start(args, format);
	bool added = add(list, rule, hidden, severity, span, path, format, args);
	va_end(args);
	return added;
}

bool diag_addv(struct diag_list *list, enum rule_id rule, struct span span,
	       const char *path, const char *format, va_list args)
{
	enum severity severity;
	bool hidden = !shown(list, rule, span.line, true, &severity);

	if (!room_for(list, class_of(hidden, severity))) {
		count_dropped(list, hidden, severity);
		list->last_kept = false;
		return false;
	}
	return add(list, rule, hidden, severity, span, path, format, args);
}

bool diag_list_has_room(const struct diag_list *list, enum rule_id rule, int line)
{
	enum severity severity;
	bool hidden = !shown(list, rule, line, false, &severity);

	return room_for(list, class_of(hidden, severity));
}

bool diag_list_push(struct diag_list *to, struct diag *diag)
{
	size_t class = class_of(diag->hidden, diag->severity);

	to->last_kept = false;
	if (!room_for(to, class) || !reserve_one(to)) {
		if (!room_for(to, class))
			count_dropped(to, diag->hidden, diag->severity);
		else
			to->out_of_memory = true;
		diag_free(diag);
		return false;
	}
	to->items[to->count++] = *diag;
	to->held[class]++;
	to->last_kept = true;
	return true;
}

void diag_list_move(struct diag_list *to, struct diag_list *from)
{
	struct diag_policy *policy = from->policy;

	for (size_t i = 0; i < from->count; i++)
		diag_list_push(to, &from->items[i]);
	to->dropped += from->dropped;
	to->dropped_errors += from->dropped_errors;
	to->out_of_memory |= from->out_of_memory;
	free(from->items);
	diag_list_init(from);
	from->policy = policy;
}

void diag_list_remove(struct diag_list *list, size_t index)
{
	list->held[class_of(list->items[index].hidden, list->items[index].severity)]--;
	diag_free(&list->items[index]);
	memmove(&list->items[index], &list->items[index + 1],
		(list->count - index - 1) * sizeof *list->items);
	list->count--;
	list->last_kept = false;
}

void diag_list_hide(struct diag_list *list, size_t index)
{
	struct diag *diag = &list->items[index];

	list->held[class_of(diag->hidden, diag->severity)]--;
	diag->hidden = true;
	list->held[class_of(diag->hidden, diag->severity)]++;
}

bool diag_same(const struct diag *a, const struct diag *b)
{
	return a->rule == b->rule && a->span.line == b->span.line &&
	       a->span.column == b->span.column && strcmp(a->path, b->path) == 0 &&
	       strcmp(a->message, b->message) == 0;
}

char *diag_join_path(const char *prefix, const char *path)
{
	if (*path == '\0' || *prefix == '\0')
		return mem_strdup(*path ? path : prefix);
	return format_alloc("%s%s%s", prefix, path[0] == '[' ? "" : ".", path);
}

bool diag_prefix_path(struct diag *diag, const char *prefix)
{
	char *path = diag_join_path(prefix, diag->path);

	if (!path)
		return false;
	free(diag->path);
	diag->path = path;
	return true;
}

bool diag_append_message(struct diag *diag, const char *text)
{
	char *message = format_alloc("%s%s", diag->message, text);

	if (!message)
		return false;
	free(diag->message);
	diag->message = message;
	return true;
}

void diag_list_note_dropped(struct diag_list *list)
{
	struct span end = { 1, 1, 1, 1 };

	if (list->dropped == 0)
		return;
	/* At the last diagnostic kept, so that it is read after the others. */
	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].span.line > end.line ||
		    (list->items[i].span.line == end.line &&
		     list->items[i].span.column > end.column))
			end = list->items[i].span;
	if (list->dropped_errors)
		add_always(list, RULE_TOO_MANY_DIAGNOSTICS, end, "",
			   "%zu more diagnostics were found but not reported (%zu of them "
			   "errors); ielint reports at most %d per file", list->dropped,
			   list->dropped_errors, DIAG_MAX_PER_FILE);
	else
		add_always(list, RULE_TOO_MANY_DIAGNOSTICS, end, "",
			   "%zu more diagnostics were found but not reported; ielint reports "
			   "at most %d per file", list->dropped, DIAG_MAX_PER_FILE);
	list->dropped = list->dropped_errors = 0;
}

void diag_list_drop_hidden(struct diag_list *list)
{
	size_t kept = 0;

	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].hidden)
			diag_free(&list->items[i]);
		else
			list->items[kept++] = list->items[i];
	}
	list->count = kept;
	list->last_kept = false;
	recount(list);
}

void diag_list_limit(struct diag_list *list)
{
	size_t room[DIAG_CLASSES] = { 0 }, left = DIAG_MAX_PER_FILE, kept = 0;

	recount(list);
	diag_list_sort(list);
	/* The most severe first: each class gets what the ones above it left. */
	for (size_t c = DIAG_CLASSES; c-- > 0;) {
		room[c] = list->held[c] < left ? list->held[c] : left;
		left -= room[c];
	}
	for (size_t i = 0; i < list->count; i++) {
		struct diag *diag = &list->items[i];
		size_t class = class_of(diag->hidden, diag->severity);
		if (room[class] > 0) {
			room[class]--;
			list->items[kept++] = *diag;
			continue;
		}
		count_dropped(list, diag->hidden, diag->severity);
		diag_free(diag);
	}
	list->count = kept;
	list->last_kept = false;
	recount(list);
}

void diag_set_related_in(struct diag_list *list, struct span related,
			 const char *file)
{
	if (list->last_kept) {
		list->items[list->count - 1].has_related = true;
		list->items[list->count - 1].related = related;
		list->items[list->count - 1].related_file = file;
	}
}

bool diag_set_fix(struct diag_list *list, const struct node *node, const char *text,
		  size_t len)
{
	struct diag *diag = list->last_kept ? &list->items[list->count - 1] : NULL;
	struct fix *fix;

	if (!diag || node->kind != NODE_SCALAR || !node->scalar.source)
		return true;
	if (!(fix = mem_malloc(sizeof *fix)) || !(fix->text = mem_malloc(len + 1))) {
		free(fix);
		list->out_of_memory = true;
		return false;
	}
	memcpy(fix->text, text, len);
	fix->text[len] = '\0';
	fix->at = node->scalar.source;
	fix->length = node->scalar.source_len;
	fix->span = node->span;
	if (diag->fix)
		free(diag->fix->text);
	free(diag->fix);
	diag->fix = fix;
	return true;
}

void diag_set_related(struct diag_list *list, struct span related)
{
	diag_set_related_in(list, related, NULL);
}

void diag_set_pattern(struct diag_list *list, const char *pattern)
{
	if (list->last_kept)
		list->items[list->count - 1].pattern = pattern;
}

static int compare_int(int a, int b)
{
	return (a > b) - (a < b);
}

static int compare_diags(const void *left, const void *right)
{
	const struct diag *a = left, *b = right;
	int order = compare_int(a->span.line, b->span.line);

	if (!order)
		order = compare_int(a->span.column, b->span.column);
	if (!order)
		order = compare_int((int)a->rule, (int)b->rule);
	if (!order)
		order = strcmp(a->message, b->message);
	return order;
}

void diag_list_sort(struct diag_list *list)
{
	if (list->count > 1)
		qsort(list->items, list->count, sizeof *list->items, compare_diags);
}

size_t diag_list_count(const struct diag_list *list, enum severity severity)
{
	size_t count = 0;

	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].severity == severity)
			count++;
	return count;
}

/* The note that counts the diagnostics past the limit. */
static const enum rule_id raised_rules[] = {
	RULE_TOO_MANY_DIAGNOSTICS,
};

bool diag_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
