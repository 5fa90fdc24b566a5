#include "module.h"

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/memory.h"
#include "load/load.h"

/* What a file of the module is to Terraform, in the order it reads them:
 * the configuration, then its variable files, the last winning. */
enum file_role {
	ROLE_CONFIGURATION,
	ROLE_TFVARS,      /* terraform.tfvars */
	ROLE_TFVARS_JSON, /* terraform.tfvars.json */
	ROLE_AUTO,        /* *.auto.tfvars and *.auto.tfvars.json, by name */
	ROLE_NONE,
};

struct module_file {
	char *name;
	enum file_role role;
	struct source source;
	struct document document;
	bool loaded;
};

struct module {
	char *directory;
	struct module_file *files; /* in the order Terraform reads them */
	size_t count;
};

struct module_cache {
	pthread_mutex_t lock; /* over modules: a module once read is not changed */
	struct module **modules;
	size_t count, capacity;
	size_t max_file_size;
};

static const struct document_kind configuration = {
	"a Terraform configuration", "a block", "resource"
};

struct module_cache *module_cache_new(size_t max_file_size)
{
	struct module_cache *cache = mem_calloc(1, sizeof *cache);

	if (!cache)
		return NULL;
	if (pthread_mutex_init(&cache->lock, NULL) != 0) {
		free(cache);
		return NULL;
	}
	cache->max_file_size = max_file_size;
	return cache;
}

static void module_free(struct module *module)
{
	for (size_t i = 0; i < module->count; i++) {
		document_free(&module->files[i].document);
		source_free(&module->files[i].source);
		free(module->files[i].name);
	}
	free(module->files);
	free(module->directory);
	free(module);
}

void module_cache_free(struct module_cache *cache)
{
	if (!cache)
		return;
	for (size_t i = 0; i < cache->count; i++)
		module_free(cache->modules[i]);
	free(cache->modules);
	pthread_mutex_destroy(&cache->lock);
	free(cache);
}

/* ---- reading a directory ------------------------------------------------- */

static bool ends_with(const char *name, const char *suffix)
{
	size_t len = strlen(name), n = strlen(suffix);

	return len >= n && strcmp(name + len - n, suffix) == 0;
}

/* As Terraform tells them: it ignores editors' files (.name, name~,
 * #name#). */
static enum file_role role_of(const char *name)
{
	size_t len = strlen(name);

	if (name[0] == '.' || name[len - 1] == '~' || (name[0] == '#' && name[len - 1] == '#'))
		return ROLE_NONE;
	if (ends_with(name, ".tf") || ends_with(name, ".tf.json"))
		return ROLE_CONFIGURATION;
	if (strcmp(name, "terraform.tfvars") == 0)
		return ROLE_TFVARS;
	if (strcmp(name, "terraform.tfvars.json") == 0)
		return ROLE_TFVARS_JSON;
	if (ends_with(name, ".auto.tfvars") || ends_with(name, ".auto.tfvars.json"))
		return ROLE_AUTO;
	return ROLE_NONE;
}

static int compare_files(const void *a, const void *b)
{
	const struct module_file *x = a, *y = b;

	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Reads and loads one file; one that does not is left aside. */
static void load_file(struct module_cache *cache, const struct module *module,
		      struct module_file *file)
{
	size_t dir_len = strlen(module->directory);
	char *path = mem_malloc(dir_len + strlen(file->name) + 2);
	struct diag_list ignored;
	const char *why;

	if (!path)
		return;
	strcpy(path, module->directory);
	path[dir_len] = '/';
	strcpy(path + dir_len + 1, file->name);
	if (source_read(&file->source, path, cache->max_file_size, &why) == SOURCE_OK &&
	    file->source.data) {
		/* Terraform reads a file as JSON by its name, else as HCL. */
		enum input_format format = ends_with(file->name, ".json") ? INPUT_JSON : INPUT_HCL;
		diag_list_init(&ignored);
		file->loaded = load_document(&file->document, &file->source, format,
					     &configuration, &ignored);
		diag_list_free(&ignored);
	}
	free(path);
}

static bool add_file(struct module *module, size_t *capacity, const char *name,
		     enum file_role role)
{
	if (module->count == *capacity) {
		size_t grown = *capacity ? 2 * *capacity : 8;
		struct module_file *files = mem_realloc(module->files, grown * sizeof *files);
		if (!files)
			return false;
		module->files = files;
		*capacity = grown;
	}
	struct module_file *file = &module->files[module->count];
	memset(file, 0, sizeof *file);
	if (!(file->name = mem_strdup(name)))
		return false;
	file->role = role;
	module->count++;
	return true;
}

/* The module's files, read; a directory that cannot be read has none. */
static struct module *module_read(struct module_cache *cache, const char *directory,
				  size_t len)
{
	struct module *module = mem_calloc(1, sizeof *module);
	size_t capacity = 0;
	struct dirent *entry;
	DIR *dir;

	if (!module || !(module->directory = mem_strndup(directory, len))) {
		free(module);
		return NULL;
	}
	if ((dir = opendir(module->directory)) != NULL) {
		while ((entry = readdir(dir)) != NULL) {
			enum file_role role = role_of(entry->d_name);
			if (role != ROLE_NONE && !add_file(module, &capacity, entry->d_name, role))
				break;
		}
		closedir(dir);
	}
	if (module->count)
		qsort(module->files, module->count, sizeof *module->files, compare_files);
	for (size_t i = 0; i < module->count; i++)
		load_file(cache, module, &module->files[i]);
	return module;
}

/* The module of a directory, read the first time it is asked for. */
static const struct module *module_of(struct module_cache *cache, const char *directory,
				      size_t len)
{
	struct module *module = NULL;

	pthread_mutex_lock(&cache->lock);
	for (size_t i = 0; i < cache->count && !module; i++)
		if (strlen(cache->modules[i]->directory) == len &&
		    memcmp(cache->modules[i]->directory, directory, len) == 0)
			module = cache->modules[i];
	if (!module && cache->count == cache->capacity) {
		size_t grown = cache->capacity ? 2 * cache->capacity : 8;
		struct module **modules = mem_realloc(cache->modules, grown * sizeof *modules);
		if (modules) {
			cache->modules = modules;
			cache->capacity = grown;
		}
	}
	if (!module && cache->count < cache->capacity &&
	    (module = module_read(cache, directory, len)) != NULL)
		cache->modules[cache->count++] = module;
	pthread_mutex_unlock(&cache->lock);
	return module;
}

void module_add_values(struct module_cache *cache, const char *path, struct values *v)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const struct module *module;

	if (slash)
		module = module_of(cache, slash == path ? "/" : path,
				   slash == path ? 1 : (size_t)(slash - path));
	else
		module = module_of(cache, ".", 1);
	if (!module) {
		v->out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < module->count; i++) {
		const struct module_file *file = &module->files[i];
		if (!file->loaded)
			continue;
		if (file->role == ROLE_CONFIGURATION && strcmp(file->name, base) != 0)
			values_add_configuration(v, file->document.root,
						 !file->document.root->scalar.hcl, true);
		else if (file->role != ROLE_CONFIGURATION)
			values_add_variable_file(v, file->document.root);
	}
}
