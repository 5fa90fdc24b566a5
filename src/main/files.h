/* The files a run lints: those named, and the request documents found in
 * the directories named. Nothing asked for is skipped without a word: what
 * cannot be searched is kept as a problem for the run to report. */
#ifndef IELINT_FILES_H
#define IELINT_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Directories nest no deeper than this below a named one. */
enum { FILES_MAX_DEPTH = 64 };

struct file_entry {
	char *path;
	bool known;    /* stat() worked: device and inode are set */
	bool via_link; /* reached through a symbolic link */
	bool found;    /* by searching a directory, not named */
	dev_t device;
	ino_t inode;
};

/* A directory that could not be searched, and why. */
struct file_problem {
	char *path;
	char *why;
};

struct file_identity;

struct file_list {
	struct file_entry *entries; /* sorted by path once finished */
	size_t count;
	size_t capacity;
	struct file_problem *problems;
	size_t problem_count;
	size_t problem_capacity;
	const char *const *excludes; /* --exclude patterns */
	size_t exclude_count;
	/* Directories already searched, so that links cannot loop: a hash
	 * set of walked_capacity slots (a power of two). */
	struct file_identity *walked;
	size_t walked_count;
	size_t walked_capacity;
	bool out_of_memory;
	/* When set (--verbose), told of each file a directory search leaves
	 * out, and why: the user can then see why a file was not checked. */
	void (*on_skip)(const char *path, const char *why);
};

/* Adds path: a directory is walked for *.json, *.yaml, *.yml and *.tf files,
 * leaving out hidden files and directories (such as .git) and whatever an
 * exclude pattern matches, and following symbolic links; anything else is
 * added as it is, to be read (or reported as unreadable). The files a
 * walk finds are marked found: what they hold decides, once loaded,
 * whether they are checked (main/lint.h). */
void file_list_add(struct file_list *list, const char *path);

/* Sorts the files and keeps one path for each file reached twice (by a
 * link, or named again): the one reached without a link, else the first;
 * a file named on the command line stays named. */
void file_list_finish(struct file_list *list);

void file_list_free(struct file_list *list);

#endif
