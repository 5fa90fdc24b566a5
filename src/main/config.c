#include "config.h"

#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/format.h"
#include "base/memory.h"
#include "base/quote.h"
#include "load/load.h"
#include "load/source.h"

/* ---- reading one file --------------------------------------------------- */

/* A config file found on the way up, opened (or not), and what its
 * descriptor says of it. */
struct opened_config {
	int fd;                /* -1 when not opened */
	int error;             /* why not, when it could not be */
	struct stat st;        /* of the file opened */
	bool identified;       /* st describes the file (another user's link is
				* never followed, so describes none) */
	const char *untrusted; /* why it is not to be read, or NULL */
};

/* While a config file is read: the file and where its problems go. */
struct reading {
	struct config *config;
	struct document document;
};

__attribute__((format(printf, 3, 4)))
static void problem(struct reading *rd, const struct node *at, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	diag_addv(&rd->config->diags, RULE_INVALID_CONFIG, at->span, "", format, args);
	va_end(args);
}

/* The rule a node names, or false after reporting that it names none. */
static bool read_rule(struct reading *rd, const struct node *node, enum rule_id *id)
{
	if (node_is_string(node) && rule_lookup(node->scalar.text, id))
		return true;
	problem(rd, node, "unknown rule %s; ielint --list-rules lists them",
		node->kind == NODE_SCALAR ? quote(node->scalar.text, node->scalar.len).text
					  : "here");
	return false;
}

static bool read_rule_list(struct reading *rd, const struct node *list,
			   struct rule_settings *settings, bool enabled)
{
	if (list->kind != NODE_SEQUENCE) {
		problem(rd, list, "expected a list of rule codes or names");
		return false;
	}
	for (size_t i = 0; i < list->sequence.count; i++) {
		enum rule_id id;
		if (read_rule(rd, list->sequence.items[i], &id))
			settings->enabled[id] = enabled;
	}
	return true;
}

static bool read_level(struct reading *rd, const struct node *value, signed char *level)
{
	enum severity severity;

	if (!node_is_string(value) || !severity_parse(value->scalar.text, &severity)) {
		problem(rd, value, "expected error, warning or note");
		return false;
	}
	*level = (signed char)severity;
	return true;
}

static void read_operation(struct reading *rd, const struct node *value,
			   struct rule_settings *settings)
{
	if (!node_is_string(value) || !settings_parse_operation(settings, value->scalar.text))
		problem(rd, value,
			"expected create, update, stop, cloudformation or terraform");
}

static void read_severities(struct reading *rd, const struct node *map,
			    struct rule_settings *settings)
{
	if (map->kind != NODE_MAPPING) {
		problem(rd, map, "expected a mapping of rules to error, warning or note");
		return;
	}
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct pair *pair = &map->mapping.pairs[i];
		enum rule_id id;
		if (read_rule(rd, pair->key, &id))
			read_level(rd, pair->value, &settings->severity[id]);
	}
}

static void read_patterns(struct reading *rd, const struct node *files,
			  struct config_override *override)
{
	if (files->kind != NODE_SEQUENCE) {
		problem(rd, files, "expected a list of file patterns");
		return;
	}
	override->patterns = arena_alloc(&rd->document.arena,
					 (files->sequence.count + 1) * sizeof *override->patterns);
	if (!override->patterns) {
		rd->config->diags.out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < files->sequence.count; i++) {
		const struct node *item = files->sequence.items[i];
		if (!node_is_string(item))
			problem(rd, item, "a file pattern is a string");
		else
			override->patterns[override->pattern_count++] = item->scalar.text;
	}
}

static void read_settings(struct reading *rd, const struct node *map,
			  struct rule_settings *settings, struct config_override *override);

static void read_overrides(struct reading *rd, const struct node *list)
{
	struct config *config = rd->config;

	if (list->kind != NODE_SEQUENCE) {
		problem(rd, list, "expected a list of overrides, each with files");
		return;
	}
	config->overrides = arena_alloc(&rd->document.arena,
					(list->sequence.count + 1) * sizeof *config->overrides);
	if (!config->overrides) {
		config->diags.out_of_memory = true;
		return;
	}
	for (size_t i = 0; i < list->sequence.count; i++) {
		const struct node *item = list->sequence.items[i];
		struct config_override *override = &config->overrides[config->override_count];
		memset(override, 0, sizeof *override);
		settings_init(&override->settings);
		if (item->kind != NODE_MAPPING || !node_member(item, "files")) {
			problem(rd, item, "an override is a mapping with files and the settings "
				"for them");
			continue;
		}
		read_settings(rd, item, &override->settings, override);
		config->override_count++;
	}
}

/* The members of the file, or of one override (which has files and no
 * overrides of its own). */
static void read_settings(struct reading *rd, const struct node *map,
			  struct rule_settings *settings, struct config_override *override)
{
	for (size_t i = 0; i < map->mapping.count; i++) {
		const struct node *key = map->mapping.pairs[i].key;
		const struct node *value = map->mapping.pairs[i].value;
		const char *name = node_is_string(key) ? key->scalar.text : "";

		if (strcmp(name, "disable") == 0)
			read_rule_list(rd, value, settings, false);
		else if (strcmp(name, "enable") == 0)
			read_rule_list(rd, value, settings, true);
		else if (strcmp(name, "severity") == 0)
			read_severities(rd, value, settings);
		else if (strcmp(name, "fail-on") == 0)
			read_level(rd, value, &settings->fail_on);
		else if (strcmp(name, "operation") == 0)
			read_operation(rd, value, settings);
		else if (strcmp(name, "overrides") == 0 && !override)
			read_overrides(rd, value);
		else if (strcmp(name, "files") == 0 && override)
			read_patterns(rd, value, override);
		else
			problem(rd, key, "unknown setting %s; a config file has disable, "
				"enable, severity, fail-on, operation%s", key->kind == NODE_SCALAR
				? quote(key->scalar.text, key->scalar.len).text : "here",
				override ? " and files" : " and overrides");
	}
}

/* The absolute path of a file, which need not exist (--stdin-filename may
 * name one yet to be saved) when its directory does. */
static char *resolve(const char *path)
{
	char *resolved = realpath(path, NULL);
	const char *slash = strrchr(path, '/');
	char *parent, *directory, *joined;
	size_t len;

	if (resolved || errno != ENOENT || (slash && !slash[1]))
		return resolved;
	parent = slash ? mem_strndup(path, (size_t)(slash - path) + (slash == path)) : mem_strdup(".");
	directory = parent ? realpath(parent, NULL) : NULL;
	free(parent);
	if (!directory)
		return NULL;
	slash = slash ? slash + 1 : path;
	len = strlen(directory) + 1 + strlen(slash) + 1;
	joined = mem_malloc(len);
	if (joined)
		snprintf(joined, len, "%s%s%s", directory,
			 strcmp(directory, "/") == 0 ? "" : "/", slash);
	free(directory);
	return joined;
}

static char *directory_of(const char *path)
{
	char *resolved = resolve(path);
	char *slash;

	if (!resolved)
		return NULL;
	slash = strrchr(resolved, '/');
	if (slash && slash != resolved)
		*slash = '\0';
	else if (slash)
		slash[1] = '\0';
	return resolved;
}

/* A config file ignored for who may write it: its one note says why. */
static void distrust(struct config *config, const char *why)
{
	config->readable = true;
	config->ignored = true;
	diag_add(&config->diags, RULE_UNTRUSTED_CONFIG, (struct span){ 1, 1, 1, 1 }, "",
		 "this file is ignored because %s: ielint takes settings found "
		 "above a file only from config files that belong to you (or to "
		 "root) and that no one else may change", why);
}

static const struct document_kind config_file = { "a config file", "one setting", "disable" };

/* Reads the file into config (a file found on the way up from the
 * descriptor opened, one named with --config by its name), or says why it
 * cannot be read. */
static void read_config_file(struct config *config, struct reading *rd,
			     const struct opened_config *opened)
{
	struct source source;
	enum source_status status;

	if (opened && opened->fd < 0) {
		config->why = strerror(opened->error);
		return;
	}
	status = opened ? source_read_fd(&source, opened->fd, config->path, CONFIG_MAX_SIZE,
					 &config->why)
			: source_read(&source, config->path, CONFIG_MAX_SIZE, &config->why);
	switch (status) {
	case SOURCE_UNREADABLE:
		return;
	case SOURCE_TOO_LARGE:
		config->why = "too large for a config file";
		return;
	case SOURCE_OK:
		break;
	}
	config->readable = true;
	if (load_document(&rd->document, &source, INPUT_YAML, &config_file, &config->diags))
		read_settings(rd, rd->document.root, &config->settings, NULL);
	/* The document's strings stay (patterns point into them); its text goes. */
	source_free(&source);
}

/* Loads a config file: one found on the way up as opened, or one named
 * with --config (opened NULL), which is read whoever owns it. */
static struct config *config_load(const char *path, const struct opened_config *opened)
{
	struct config *config = mem_calloc(1, sizeof *config);
	struct reading *rd = mem_calloc(1, sizeof *rd);
	struct rule_settings defaults;

	if (config)
		config->path = mem_strdup(path);
	if (!config || !rd || !config->path) {
		if (config)
			free(config->path);
		free(config);
		free(rd);
		return NULL;
	}
	config->directory = directory_of(path);
	settings_init(&config->settings);
	diag_list_init(&config->diags);
	rd->config = config;
	config->storage = rd;
	if (opened && opened->identified) {
		config->known = true;
		config->device = opened->st.st_dev;
		config->inode = opened->st.st_ino;
	}
	if (opened && opened->untrusted)
		distrust(config, opened->untrusted);
	else
		read_config_file(config, rd, opened);
	/* Its own problems are reported at the rules' default severities. */
	settings_init(&defaults);
	settings_apply(&defaults, &config->diags);
	diag_list_sort(&config->diags);
	return config;
}

static void config_free(struct config *config)
{
	struct reading *rd = config->storage;

	if (rd) {
		document_free(&rd->document);
		free(rd);
	}
	diag_list_free(&config->diags);
	free(config->path);
	free(config->directory);
	free(config);
}

/* ---- finding the file for a linted file -------------------------------- */

void config_finder_init(struct config_finder *finder, const char *explicit_path)
{
	const char *home = getenv("HOME");

	memset(finder, 0, sizeof *finder);
	finder->explicit_path = explicit_path;
	finder->home = home && *home ? realpath(home, NULL) : NULL;
}

void config_finder_free(struct config_finder *finder)
{
	for (size_t i = 0; i < finder->config_count; i++)
		config_free(finder->configs[i]);
	for (size_t i = 0; i < finder->cache_count; i++)
		free(finder->cache[i].directory);
	free(finder->configs);
	free(finder->cache);
	free(finder->home);
	free(finder->last_named);
	memset(finder, 0, sizeof *finder);
}

static struct config *remember_config(struct config_finder *finder, const char *path,
				      const struct opened_config *opened)
{
	struct config **grown;
	struct config *config = config_load(path, opened);

	grown = config ? mem_realloc(finder->configs,
				 (finder->config_count + 1) * sizeof *grown) : NULL;
	if (!grown) {
		if (config)
			config_free(config);
		finder->out_of_memory = true;
		return NULL;
	}
	finder->configs = grown;
	finder->configs[finder->config_count++] = config;
	return config;
}

static bool cached(const struct config_finder *finder, const char *directory,
		   struct config **config)
{
	for (size_t i = 0; i < finder->cache_count; i++) {
		if (strcmp(finder->cache[i].directory, directory) == 0) {
			*config = finder->cache[i].config;
			return true;
		}
	}
	return false;
}

static void remember_directory(struct config_finder *finder, const char *directory,
			       struct config *config)
{
	char *copy = mem_strdup(directory);
	void *grown = copy ? mem_realloc(finder->cache, (finder->cache_count + 1) *
				     sizeof *finder->cache) : NULL;

	if (!grown) {
		free(copy);
		return; /* only the cache is lost */
	}
	finder->cache = grown;
	finder->cache[finder->cache_count].directory = copy;
	finder->cache[finder->cache_count].config = config;
	finder->cache_count++;
}

static bool trusted_owner(const struct stat *st)
{
	return st->st_uid == geteuid() || st->st_uid == 0;
}

/* Why a config file found on the way up must not be used, or NULL. As
 * git does with safe.directory: a file that someone else can write (in
 * /tmp, say) could turn rules off for every file below it. */
static const char *untrusted_reason(const struct stat *st)
{
	if (!trusted_owner(st))
		return "it belongs to another user";
	if (st->st_mode & S_IWOTH)
		return "anyone may write to it";
	return NULL;
}

/* Follows the symbolic link at path, which lstat described as link: only
 * a link of yours or root's, and only when it is still that link once the
 * file it names is open (another user's link could name one file while it
 * is checked and another while it is read). */
static void open_through_link(const char *path, const struct stat *link,
			      struct opened_config *opened)
{
	struct stat again;

	if (!trusted_owner(link)) {
		opened->untrusted = "it is a symbolic link that belongs to another user";
		return;
	}
	opened->fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	opened->error = errno;
	if (opened->fd >= 0 && (lstat(path, &again) != 0 || again.st_dev != link->st_dev ||
				again.st_ino != link->st_ino)) {
		close(opened->fd);
		opened->fd = -1;
		opened->untrusted = "it was replaced while it was read";
	}
}

/* Opens the config file at path, found on the way up, and judges it by
 * the descriptor that is then read: what is checked is what is read,
 * whatever is put in its place meanwhile. False when there is none. */
static bool open_found(const char *path, struct opened_config *opened)
{
	struct stat link;

	memset(opened, 0, sizeof *opened);
	opened->fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	opened->error = errno;
	/* O_NOFOLLOW refuses a link with ELOOP. */
	if (opened->fd < 0 && opened->error == ELOOP && lstat(path, &link) == 0 &&
	    S_ISLNK(link.st_mode)) {
		open_through_link(path, &link, opened);
		if (opened->untrusted)
			return true;
	}
	if (opened->fd < 0) {
		if (opened->error == ENOENT || opened->error == ENOTDIR)
			return false;
		/* It cannot be read; whether it would be trusted decides
		 * only what is said of it (of the file, not of a link). */
		if (stat(path, &opened->st) == 0) {
			opened->identified = true;
			opened->untrusted = untrusted_reason(&opened->st);
		}
		return true;
	}
	if (fstat(opened->fd, &opened->st) != 0) {
		opened->error = errno;
		close(opened->fd);
		opened->fd = -1;
		return true;
	}
	opened->identified = true;
	opened->untrusted = untrusted_reason(&opened->st);
	if (opened->untrusted) {
		close(opened->fd);
		opened->fd = -1;
	}
	return true;
}

/* The search goes no higher than a repository's root (the directory that
 * holds .git), the user's home, or /. */
static bool is_search_top(const struct config_finder *finder, const char *directory)
{
	char *git = format_alloc("%s/.git", directory);
	bool top = strcmp(directory, "/") == 0 ||
		   (finder->home && strcmp(directory, finder->home) == 0) ||
		   (git && access(git, F_OK) == 0);

	free(git);
	return top;
}

static struct config *search_upwards(struct config_finder *finder, const char *directory);

static struct config *search_parent(struct config_finder *finder, const char *directory)
{
	struct config *config = NULL;
	char *parent = mem_strdup(directory);
	char *slash = parent ? strrchr(parent, '/') : NULL;

	if (slash) {
		if (slash == parent)
			slash[1] = '\0';
		else
			*slash = '\0';
		config = search_upwards(finder, parent);
	}
	free(parent);
	return config;
}

/* The config file in directory or the nearest one above it. */
static struct config *search_upwards(struct config_finder *finder, const char *directory)
{
	struct config *config = NULL;
	struct opened_config opened;
	char *candidate;

	if (cached(finder, directory, &config))
		return config;
	candidate = format_alloc("%s/%s", strcmp(directory, "/") == 0 ? "" : directory,
				 CONFIG_FILE_NAME);
	if (candidate && open_found(candidate, &opened)) {
		config = remember_config(finder, candidate, &opened);
		if (opened.untrusted)
			config = NULL;
		if (opened.fd >= 0)
			close(opened.fd);
	}
	if (!config && !is_search_top(finder, directory))
		config = search_parent(finder, directory);
	free(candidate);
	remember_directory(finder, directory, config);
	return config;
}

/* The directory a file is named in ("." for a bare name), as written:
 * the files of one directory share it, so it keys the memo below. */
static char *named_directory(const char *file)
{
	const char *slash = strrchr(file, '/');

	if (!slash)
		return mem_strdup(".");
	return mem_strndup(file, (size_t)(slash - file) + (slash == file));
}

/* The config for a directory as named, searched from where it resolves;
 * files from elsewhere (and standard input) take the working directory's,
 * looked up once. */
static struct config *config_of_directory(struct config_finder *finder, const char *named)
{
	char *directory = named ? realpath(named, NULL) : NULL;
	struct config *config = directory ? search_upwards(finder, directory) : NULL;

	free(directory);
	if (config)
		return config;
	if (!finder->cwd_searched) {
		char *cwd = getcwd(NULL, 0);
		finder->cwd_config = cwd ? search_upwards(finder, cwd) : NULL;
		finder->cwd_searched = true;
		free(cwd);
	}
	return finder->cwd_config;
}

struct config *config_for(struct config_finder *finder, const char *file)
{
	char *named;

	if (finder->explicit_path) {
		if (finder->config_count == 0)
			return remember_config(finder, finder->explicit_path, NULL);
		return finder->configs[0];
	}
	if (strcmp(file, "-") == 0)
		return config_of_directory(finder, NULL);
	/* Files come sorted, so a directory's files come together: resolving
	 * the directory once, not each file, saves a realpath() a file. */
	named = named_directory(file);
	if (named && finder->last_named && strcmp(named, finder->last_named) == 0) {
		free(named);
		return finder->last_config;
	}
	free(finder->last_named);
	finder->last_named = named;
	finder->last_config = config_of_directory(finder, named);
	return finder->last_config;
}

bool config_finder_found(const struct config_finder *finder, dev_t device, ino_t inode)
{
	for (size_t i = 0; i < finder->config_count; i++) {
		const struct config *config = finder->configs[i];
		if (config->known && config->device == device && config->inode == inode)
			return true;
	}
	return false;
}

/* ---- settings for a file ------------------------------------------------ */

/* The file's path from the config file's directory, when it is below it. */
static const char *relative_to(const char *directory, const char *resolved)
{
	size_t len = strlen(directory);

	if (strncmp(resolved, directory, len) == 0 && resolved[len] == '/')
		return resolved + len + 1;
	if (strcmp(directory, "/") == 0 && resolved[0] == '/')
		return resolved + 1;
	return resolved;
}

void config_settings_for(const struct config *config, const char *file,
			 struct rule_settings *settings)
{
	char *resolved;
	const char *relative;

	if (!config)
		return;
	settings_merge(settings, &config->settings);
	if (config->override_count == 0)
		return;
	resolved = resolve(file);
	relative = resolved && config->directory
		? relative_to(config->directory, resolved) : file;
	for (size_t i = 0; i < config->override_count; i++) {
		const struct config_override *override = &config->overrides[i];
		for (size_t p = 0; p < override->pattern_count; p++) {
			if (fnmatch(override->patterns[p], relative, 0) == 0) {
				settings_merge(settings, &override->settings);
				break;
			}
		}
	}
	free(resolved);
}

/* A config file that cannot be used as written, or is not to be trusted. */
static const enum rule_id raised_rules[] = {
	RULE_INVALID_CONFIG,
	RULE_UNTRUSTED_CONFIG,
};

bool config_raises(enum rule_id rule)
{
	return rule_in(rule, raised_rules, sizeof raised_rules / sizeof *raised_rules);
}
