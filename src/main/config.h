/* Configuration files: .ielint.yaml, found by walking up from each linted
 * file (then from the working directory) to the repository's root or the
 * user's home, or named with --config. One found that another user owns
 * or anyone may change is ignored, with a note; so is one that is a
 * symbolic link another user owns. Its owner and mode are judged on the
 * descriptor it is then read from.
 *
 *   disable: [IE322, zero-sampling]     rules off (codes or names)
 *   enable: [...]                       rules back on
 *   severity: {IE315: error}            severity changes
 *   fail-on: warning                    the severity that fails the run
 *   operation: create                   which request the files are
 *   overrides:                          for some files only
 *     - files: ["legacy-*.yaml"]        fnmatch patterns, relative to the
 *       disable: [IE305]                config file's directory
 */
#ifndef IELINT_CONFIG_H
#define IELINT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "filter/settings.h"
#include "load/diag.h"

enum { CONFIG_MAX_SIZE = 1024 * 1024 };

#define CONFIG_FILE_NAME ".ielint.yaml"

struct config_override {
	const char **patterns;
	size_t pattern_count;
	struct rule_settings settings;
};

struct config {
	char *path;      /* as reported */
	char *directory; /* absolute, where override patterns start */
	struct rule_settings settings;
	struct config_override *overrides;
	size_t override_count;
	struct diag_list diags; /* the file's own problems */
	bool readable;
	const char *why;        /* when not readable */
	bool reported;          /* its problems have been shown */
	bool ignored;           /* found above a file, but untrusted */
	bool known;             /* found as the file of this device and inode */
	dev_t device;
	ino_t inode;
	void *storage;          /* what the patterns point into */
};

struct config_finder {
	const char *explicit_path; /* --config, or NULL to search */
	struct config **configs;   /* every file loaded, each once */
	size_t config_count;
	struct {
		char *directory;
		struct config *config; /* NULL: no config file from there up */
	} *cache;
	size_t cache_count;
	char *home;                /* the user's home, resolved, or NULL */
	char *last_named;          /* the directory of the last file, as named */
	struct config *last_config; /* ... and its config */
	struct config *cwd_config; /* the working directory's, once searched */
	bool cwd_searched;
	bool out_of_memory;
};

void config_finder_init(struct config_finder *finder, const char *explicit_path);
void config_finder_free(struct config_finder *finder);

/* The configuration for a linted file ("-" for standard input), loading it
 * on first use; NULL when there is none. The search starts in the
 * directory the file is named in (resolved, links and all): a link is
 * configured where it is, as git and other linters do. */
struct config *config_for(struct config_finder *finder, const char *file);

/* Whether the run found a config file on the way up (read, or ignored as
 * untrusted) that is the file of this device and inode. */
bool config_finder_found(const struct config_finder *finder, dev_t device, ino_t inode);

/* The settings for a file: the config's own, then every matching override. */
void config_settings_for(const struct config *config, const char *file,
			 struct rule_settings *settings);

/* Whether this file raises the rule (for the rules' identity test). */
bool config_raises(enum rule_id rule);

#endif
