/* The list of pictures of a file, and freeing them. */
#include "picture.h"

#include <stdlib.h>
#include <string.h>

#include "base/memory.h"

void picture_list_init(struct picture_list *list)
{
	memset(list, 0, sizeof *list);
}

struct picture *picture_list_add(struct picture_list *list)
{
	struct picture *picture;

	if (list->count == PICTURE_MAX_EXPERIMENTS) {
		list->left_out++;
		return NULL;
	}
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? list->capacity * 2 : 2;
		struct picture *items = mem_realloc(list->items, capacity * sizeof *items);
		if (!items) {
			list->out_of_memory = true;
			return NULL;
		}
		list->items = items;
		list->capacity = capacity;
	}
	picture = &list->items[list->count++];
	memset(picture, 0, sizeof *picture);
	return picture;
}

static void variant_free(struct picture_variant *variant)
{
	free(variant->name);
	free(variant->model);
	free(variant->instances);
	free(variant->share);
	free(variant->note);
}

void picture_list_free(struct picture_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		struct picture *picture = &list->items[i];
		free(picture->title);
		free(picture->not_drawn);
		free(picture->entry);
		free(picture->schedule);
		for (size_t v = 0; v < picture->variant_count; v++)
			variant_free(&picture->variants[v]);
	}
	free(list->items);
	picture_list_init(list);
}
