#include "duration.h"

#include <stdio.h>

#include "civil_time.h"

static const struct {
	const char *name;
	long long seconds;
} units[] = {
	{ "day", 86400 },
	{ "hour", 3600 },
	{ "minute", 60 },
	{ "second", 1 },
};

enum { UNIT_COUNT = sizeof units / sizeof *units };

/* Appends "N unit(s)" after what d already holds. */
static void append(struct duration_text *d, size_t *used, long long count, size_t unit)
{
	int n;

	if (*used >= sizeof d->text)
		return;
	n = snprintf(d->text + *used, sizeof d->text - *used, "%s%lld %s%s",
		     *used ? " " : "", count, units[unit].name, count == 1 ? "" : "s");
	if (n > 0)
		*used += (size_t)n;
}

struct duration_text duration_text(double seconds)
{
	struct duration_text d = { "0 seconds" };
	size_t used = 0;
	long long whole;

	if (!(seconds >= 1))
		return d;
	/* No length between two times ielint reads is longer. */
	whole = seconds < (double)(CIVIL_LATEST - CIVIL_EARLIEST)
			? (long long)seconds
			: CIVIL_LATEST - CIVIL_EARLIEST;
	for (size_t unit = 0; unit < UNIT_COUNT; unit++) {
		long long count = whole / units[unit].seconds;
		if (count < 1)
			continue;
		append(&d, &used, count, unit);
		if (unit + 1 < UNIT_COUNT) {
			long long next = whole % units[unit].seconds / units[unit + 1].seconds;
			if (next >= 1)
				append(&d, &used, next, unit + 1);
		}
		break;
	}
	return d;
}
