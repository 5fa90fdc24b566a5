/* Placeholder until hover and completion land: nothing to say. */
#include "assist.h"

char *assist_hover(const struct assist_point *point)
{
	(void)point;
	return NULL;
}

cJSON *assist_complete(const struct assist_point *point, size_t *replace_start,
		       size_t *replace_end)
{
	*replace_start = *replace_end = point->offset;
	return cJSON_CreateArray();
}
