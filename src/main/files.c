#include "files.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/format.h"
#include "base/memory.h"

struct file_identity {
	dev_t device;
	ino_t inode;
};

/* Grows an array of `size`-byte items to hold one more. */
static bool reserve(void **items, size_t *capacity, size_t count, size_t size)
{
	size_t grown;
	void *bigger;

	if (count < *capacity)
		return true;
	grown = *capacity ? *capacity * 2 : 64;
	bigger = mem_realloc(*items, grown * size);
	if (!bigger)
		return false;
	*items = bigger;
	*capacity = grown;
	return true;
}

/* st is what stat() gave for path, NULL when it failed or was not asked. */
static void append(struct file_list *list, const char *path, bool via_link, bool found,
		   const struct stat *st)
{
	struct file_entry entry = { mem_strdup(path), false, via_link, found, 0, 0 };

	if (!entry.path || !reserve((void **)&list->entries, &list->capacity, list->count,
				    sizeof *list->entries)) {
		free(entry.path);
		list->out_of_memory = true;
		return;
	}
	if (st) {
		entry.known = true;
		entry.device = st->st_dev;
		entry.inode = st->st_ino;
	}
	list->entries[list->count++] = entry;
}

__attribute__((format(printf, 3, 4)))
static void problem(struct file_list *list, const char *path, const char *format, ...)
{
	struct file_problem item = { mem_strdup(path), NULL };
	va_list args;

	va_start(args, format);
	item.why = format_allocv(format, args);
	va_end(args);
	if (!item.path || !item.why ||
	    !reserve((void **)&list->problems, &list->problem_capacity,
		     list->problem_count, sizeof *list->problems)) {
		free(item.path);
		free(item.why);
		list->out_of_memory = true;
		return;
	}
	list->problems[list->problem_count++] = item;
}

__attribute__((format(printf, 3, 4)))
static void skip(const struct file_list *list, const char *path, const char *format, ...)
{
	va_list args;
	char *why;

	if (!list->on_skip)
		return;
	va_start(args, format);
	why = format_allocv(format, args);
	va_end(args);
	list->on_skip(path, why ? why : format);
	free(why);
}

static bool excluded(const struct file_list *list, const char *path, const char *name)
{
	for (size_t i = 0; i < list->exclude_count; i++)
		if (fnmatch(list->excludes[i], path, 0) == 0 ||
		    fnmatch(list->excludes[i], name, 0) == 0) {
			skip(list, path, "matches --exclude=%s", list->excludes[i]);
			return true;
		}
	return false;
}

static bool ends_with(const char *name, const char *suffix)
{
	size_t len = strlen(name), n = strlen(suffix);

	return len >= n && strcasecmp(name + len - n, suffix) == 0;
}

/* The names a search reads: requests and templates in JSON or YAML, and
 * Terraform's configuration files (*.tf, and *.tf.json among the JSON).
 * Terraform's variable files (*.tfvars.json) hold values, whose names
 * may be near a request's members: they are no document of ielint's. */
static bool is_searched_name(const char *name)
{
	if (ends_with(name, ".tfvars.json"))
		return false;
	return ends_with(name, ".json") || ends_with(name, ".yaml") ||
	       ends_with(name, ".yml") || ends_with(name, ".tf");
}

static size_t identity_slot(const struct file_identity *id, size_t capacity)
{
	uint64_t hash = ((uint64_t)id->device * 0x9E3779B97F4A7C15u) ^ (uint64_t)id->inode;

	return (size_t)(hash * 0x9E3779B97F4A7C15u >> 32) & (capacity - 1);
}

/* The walked directories are an open-addressing hash set; an inode of 0
 * marks a free slot (no directory has it). */
static bool grow_walked(struct file_list *list)
{
	size_t capacity = list->walked_capacity ? list->walked_capacity * 2 : 256;
	struct file_identity *slots = mem_calloc(capacity, sizeof *slots);

	if (!slots)
		return false;
	for (size_t i = 0; i < list->walked_capacity; i++) {
		const struct file_identity *id = &list->walked[i];
		if (id->inode == 0)
			continue;
		size_t slot = identity_slot(id, capacity);
		while (slots[slot].inode != 0)
			slot = (slot + 1) & (capacity - 1);
		slots[slot] = *id;
	}
	free(list->walked);
	list->walked = slots;
	list->walked_capacity = capacity;
	return true;
}

/* Records a directory as searched; false when it was already, through
 * another path or a link that loops back. */
static bool first_walk(struct file_list *list, const struct stat *st)
{
	struct file_identity id = { st->st_dev, st->st_ino ? st->st_ino : (ino_t)-1 };
	size_t slot;

	if (list->walked_count * 2 >= list->walked_capacity && !grow_walked(list)) {
		list->out_of_memory = true;
		return false;
	}
	slot = identity_slot(&id, list->walked_capacity);
	for (; list->walked[slot].inode != 0; slot = (slot + 1) & (list->walked_capacity - 1))
		if (list->walked[slot].device == id.device && list->walked[slot].inode == id.inode)
			return false;
	list->walked[slot] = id;
	list->walked_count++;
	return true;
}

static void walk(struct file_list *list, const char *directory, int depth, bool via_link);

/* One entry of a directory being walked. Links are followed: to a file,
 * which is linted; to a directory, which is searched unless it was already. */
static void visit(struct file_list *list, const char *path, const char *name,
		  int depth, bool via_link)
{
	struct stat st;
	bool link;

	if (excluded(list, path, name))
		return;
	if (lstat(path, &st) != 0) {
		problem(list, path, "%s", strerror(errno));
		return;
	}
	link = S_ISLNK(st.st_mode);
	if (link && stat(path, &st) != 0) {
		/* A broken link to a request is a request that cannot be read. */
		if (is_searched_name(name))
			append(list, path, true, true, NULL);
		return;
	}
	if (S_ISDIR(st.st_mode))
		walk(list, path, depth + 1, via_link || link);
	else if (is_searched_name(name))
		/* FIFOs and devices too: reading refuses them, with a reason. */
		append(list, path, via_link || link, true, &st);
	else
		skip(list, path, ends_with(name, ".tfvars.json")
				 ? "a Terraform variable file, not a configuration"
				 : "not a .json, .yaml, .yml or .tf file");
}

static void walk(struct file_list *list, const char *directory, int depth, bool via_link)
{
	struct stat st;
	DIR *dir;
	struct dirent *entry;

	if (depth > FILES_MAX_DEPTH) {
		problem(list, directory, "it is more than %d directories deep", FILES_MAX_DEPTH);
		return;
	}
	if (stat(directory, &st) != 0) {
		problem(list, directory, "%s", strerror(errno));
		return;
	}
	if (!first_walk(list, &st))
		return;
	if (!(dir = opendir(directory))) {
		problem(list, directory, "%s", strerror(errno));
		return;
	}
	for (errno = 0; (entry = readdir(dir)) != NULL; errno = 0) {
		const char *name = entry->d_name;
		size_t len = strlen(directory);
		char *path;

		/* Hidden entries (.git among them) are left out without a path
		 * made for them, unless --verbose is to hear of them. */
		if (name[0] == '.' &&
		    (!list->on_skip || strcmp(name, ".") == 0 || strcmp(name, "..") == 0))
			continue;
		path = format_alloc("%s%s%s", directory,
				    len && directory[len - 1] == '/' ? "" : "/", name);
		if (!path) {
			list->out_of_memory = true;
			break;
		}
		if (name[0] == '.')
			skip(list, path, "hidden (its name starts with a dot)");
		else
			visit(list, path, name, depth, via_link);
		free(path);
	}
	if (errno)
		problem(list, directory, "%s (while listing it)", strerror(errno));
	closedir(dir);
}

void file_list_add(struct file_list *list, const char *path)
{
	struct stat st;
	const char *slash = strrchr(path, '/');
	bool exists = strcmp(path, "-") != 0 && stat(path, &st) == 0;

	if (exists && S_ISDIR(st.st_mode))
		walk(list, path, 0, false);
	else if (!excluded(list, path, slash ? slash + 1 : path))
		append(list, path, false, false, exists ? &st : NULL);
}

static int compare_int(long long a, long long b)
{
	return (a > b) - (a < b);
}

/* The same files together, the one to keep first. */
static int compare_identity(const void *left, const void *right)
{
	const struct file_entry *a = left, *b = right;
	int order = compare_int(a->known, b->known);

	if (!order && a->known)
		order = compare_int((long long)a->device, (long long)b->device);
	if (!order && a->known)
		order = compare_int((long long)a->inode, (long long)b->inode);
	if (!order)
		order = compare_int(a->via_link, b->via_link);
	if (!order)
		order = strcmp(a->path, b->path);
	return order;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(((const struct file_entry *)a)->path,
		      ((const struct file_entry *)b)->path);
}

static bool same_file(const struct file_entry *a, const struct file_entry *b)
{
	return a->known && b->known && a->device == b->device && a->inode == b->inode;
}

void file_list_finish(struct file_list *list)
{
	size_t kept = 0;

	if (list->count < 2)
		return;
	qsort(list->entries, list->count, sizeof *list->entries, compare_identity);
	for (size_t i = 0; i < list->count; i++) {
		if (kept > 0 && same_file(&list->entries[kept - 1], &list->entries[i])) {
			list->entries[kept - 1].found &= list->entries[i].found;
			free(list->entries[i].path);
		} else {
			list->entries[kept++] = list->entries[i];
		}
	}
	list->count = kept;
	qsort(list->entries, list->count, sizeof *list->entries, compare_paths);
}

void file_list_free(struct file_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->entries[i].path);
	for (size_t i = 0; i < list->problem_count; i++) {
		free(list->problems[i].path);
		free(list->problems[i].why);
	}
	free(list->entries);
	free(list->problems);
	free(list->walked);
	list->entries = NULL;
	list->problems = NULL;
	list->walked = NULL;
	list->count = list->problem_count = list->walked_count = 0;
	list->capacity = list->problem_capacity = list->walked_capacity = 0;
}
