/* File names as URIs (RFC 3986, RFC 8089), for SARIF, and URIs back to
 * paths, for the language server. */
#ifndef IELINT_FILE_URI_H
#define IELINT_FILE_URI_H

#include <stdbool.h>

struct strbuf;

/* Percent-encodes a path: all but RFC 3986's unreserved characters and
 * '/', byte by byte (a UTF-8 name becomes %XX sequences). */
void file_uri_put_path(struct strbuf *b, const char *path);

/* The absolute form of path (from dir when relative) with "//", "." and
 * ".." resolved as text, never following links; NULL when memory runs
 * out. "/" stays "/"; nothing else ends with a slash. */
char *file_uri_normalize(const char *dir, const char *path);

/* The URI of a file as a report names it: relative to cwd (an absolute,
 * normalized directory, or NULL when unknown) when below it, with
 * *relative set; else an absolute file: URI. NULL when memory runs out. */
char *file_uri_for(const char *cwd, const char *name, bool *relative);

/* A file's path as a report names it, for the formats that want paths
 * rather than URIs (GitLab Code Quality): relative to cwd when below it,
 * normalized ("./a/../b.yaml" is "b.yaml"); else the absolute, normalized
 * path; the name as given when cwd is NULL and it is relative. NULL when
 * memory runs out. */
char *file_path_for(const char *cwd, const char *name);

/* The path of a file: URI (an empty authority or localhost),
 * percent-decoded, without its query or fragment; NULL for another scheme
 * or host, a path that would hold a NUL, or when memory runs out. */
char *file_uri_to_path(const char *uri);

/* The working directory as a file: URI ending in a slash. */
char *file_uri_of_directory(const char *cwd);

/* getcwd() into memory of its own, normalized; NULL when it fails. */
char *file_uri_working_directory(void);

#endif
