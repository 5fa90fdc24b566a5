/* The files a run lints: those named, and the request documents found in
 * the directories named. */
#ifndef IELINT_FILES_H
#define IELINT_FILES_H

#include <stdbool.h>
#include <stddef.h>

struct file_list {
	char **paths; /* sorted, so that output is sorted by file */
	size_t count;
	size_t capacity;
	const char *const *excludes; /* --exclude patterns */
	size_t exclude_count;
	bool out_of_memory;
};

/* Adds path: a directory is walked for *.json, *.yaml and *.yml files,
 * leaving out hidden files and directories (such as .git) and whatever an
 * exclude pattern matches; anything else is added as it is, to be read (or
 * reported as unreadable). */
void file_list_add(struct file_list *list, const char *path);

void file_list_sort(struct file_list *list);
void file_list_free(struct file_list *list);

#endif
