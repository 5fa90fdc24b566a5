#include "files.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "format.h"

/* Directories nest no deeper than this below a named one; links to
 * directories are not followed, so a link cycle cannot trap the walk. */
enum { MAX_WALK_DEPTH = 64 };

static void append(struct file_list *list, const char *path)
{
	char *copy = strdup(path);

	if (copy && list->count == list->capacity) {
		size_t capacity = list->capacity ? list->capacity * 2 : 64;
		char **paths = realloc(list->paths, capacity * sizeof *paths);
		if (!paths) {
			free(copy);
			copy = NULL;
		} else {
			list->paths = paths;
			list->capacity = capacity;
		}
	}
	if (!copy) {
		list->out_of_memory = true;
		return;
	}
	list->paths[list->count++] = copy;
}

static bool excluded(const struct file_list *list, const char *path, const char *name)
{
	for (size_t i = 0; i < list->exclude_count; i++)
		if (fnmatch(list->excludes[i], path, 0) == 0 ||
		    fnmatch(list->excludes[i], name, 0) == 0)
			return true;
	return false;
}

static bool is_request_name(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && (strcasecmp(dot, ".json") == 0 || strcasecmp(dot, ".yaml") == 0 ||
		       strcasecmp(dot, ".yml") == 0);
}

static void walk(struct file_list *list, const char *directory, int depth)
{
	DIR *dir = depth <= MAX_WALK_DEPTH ? opendir(directory) : NULL;
	struct dirent *entry;

	if (!dir)
		return;
	while ((entry = readdir(dir)) != NULL) {
		struct stat st;
		const char *name = entry->d_name;
		char *path;

		if (name[0] == '.')
			continue;
		path = format_alloc("%s%s%s", directory,
				    directory[strlen(directory) - 1] == '/' ? "" : "/", name);
		if (!path) {
			list->out_of_memory = true;
			break;
		}
		if (lstat(path, &st) == 0 && !excluded(list, path, name)) {
			if (S_ISDIR(st.st_mode))
				walk(list, path, depth + 1);
			else if (S_ISREG(st.st_mode) && is_request_name(name))
				append(list, path);
		}
		free(path);
	}
	closedir(dir);
}

void file_list_add(struct file_list *list, const char *path)
{
	struct stat st;
	const char *slash = strrchr(path, '/');

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		walk(list, path, 0);
	else if (!excluded(list, path, slash ? slash + 1 : path))
		append(list, path);
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void file_list_sort(struct file_list *list)
{
	if (list->count > 1)
		qsort(list->paths, list->count, sizeof *list->paths, compare_paths);
}

void file_list_free(struct file_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->paths[i]);
	free(list->paths);
	list->paths = NULL;
	list->count = list->capacity = 0;
}
