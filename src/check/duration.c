#include "duration.h"

#include <math.h>
#include <stdio.h>

static const struct {
	const char *name;
	double seconds;
} units[] = {
	{ "day", 86400 },
	{ "hour", 3600 },
	{ "minute", 60 },
	{ "second", 1 },
};

enum { UNIT_COUNT = sizeof units / sizeof *units };

/* Appends "N unit(s)" after what d already holds. */
static void append(struct duration_text *d, size_t *used, double count, size_t unit)
{
	int n;

	if (*used >= sizeof d->text)
		return;
	n = snprintf(d->text + *used, sizeof d->text - *used, "%s%.0f %s%s",
		     *used ? " " : "", count, units[unit].name, count == 1 ? "" : "s");
	if (n > 0)
		*used += (size_t)n;
}

struct duration_text duration_text(double seconds)
{
	struct duration_text d = { "0 seconds" };
	size_t used = 0;

	for (size_t unit = 0; unit < UNIT_COUNT && seconds >= 1; unit++) {
		double count = floor(seconds / units[unit].seconds);
		if (count < 1)
			continue;
		append(&d, &used, count, unit);
		if (unit + 1 < UNIT_COUNT) {
			double next = floor(fmod(seconds, units[unit].seconds) /
					    units[unit + 1].seconds);
			if (next >= 1)
				append(&d, &used, next, unit + 1);
		}
		break;
	}
	return d;
}
