/* Attaching cJSON items, their ownership taken either way. */
#include "json.h"

bool json_put(cJSON *object, const char *key, cJSON *item)
{
	if (object && item && cJSON_AddItemToObject(object, key, item))
		return true;
	cJSON_Delete(item);
	return false;
}

bool json_push(cJSON *array, cJSON *item)
{
	if (array && item && cJSON_AddItemToArray(array, item))
		return true;
	cJSON_Delete(item);
	return false;
}
