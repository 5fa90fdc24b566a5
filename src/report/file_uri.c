/* File names as URIs, for SARIF's artifact locations: relative to the
 * working directory where they are below it, else absolute file: URIs;
 * and a file: URI back to its path, for the language server. */
#include "file_uri.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hex.h"
#include "base/memory.h"
#include "base/strbuf.h"

/* Percent-encodes a path for a URI: all but the unreserved characters of
 * RFC 3986 and '/', byte by byte (so UTF-8 names become %XX sequences). */
void file_uri_put_path(struct strbuf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			strbuf_putc(b, (char)*p);
		} else {
			char escape[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			strbuf_add(b, escape, 3);
		}
	}
}

/* The absolute form of path (taken from dir when relative) with "//", "."
 * and ".." resolved as text, never following links; NULL when memory runs
 * out. "/" stays "/"; nothing else ends with a slash. */
char *file_uri_normalize(const char *dir, const char *path)
{
	struct strbuf joined = STRBUF_INIT;
	char *text, *out;
	size_t len = 0;

	if (path[0] != '/') {
		strbuf_puts(&joined, dir ? dir : "/");
		strbuf_putc(&joined, '/');
	}
	strbuf_puts(&joined, path);
	text = strbuf_take(&joined);
	if (!text || !(out = mem_malloc(strlen(text) + 2))) {
		free(text);
		return NULL;
	}
	for (const char *p = text; *p;) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--; /* the slash before the segment */
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
		}
		p += n;
		if (*p == '/')
			p++;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	free(text);
	return out;
}

/* The part of an absolute, normalized path below the working directory:
 * NULL when it is not below it, "" when it is the directory itself. */
static const char *below(const char *cwd, const char *path)
{
	size_t n = strlen(cwd);

	if (strcmp(cwd, "/") == 0)
		return path + 1;
	if (strncmp(path, cwd, n) != 0 || (path[n] != '/' && path[n] != '\0'))
		return NULL;
	return path[n] == '/' ? path + n + 1 : path + n;
}

/* The path with its directory's symbolic links resolved (the file's own
 * name is kept); NULL when the directory cannot be resolved. */
static char *resolve_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *out = NULL;

	if (!slash || !(dir = mem_strndup(path, slash == path ? 1 : (size_t)(slash - path))))
		return NULL;
	real = realpath(dir, NULL);
	if (real) {
		struct strbuf b = STRBUF_INIT;

		strbuf_puts(&b, strcmp(real, "/") == 0 ? "" : real);
		strbuf_puts(&b, slash);
		out = strbuf_take(&b);
	}
	free(real);
	free(dir);
	return out;
}

/* The part of absolute below cwd, trying again with the directory's links
 * resolved (as getcwd() has them); NULL when it is not below. *absolute
 * may be replaced by its resolved form. */
static const char *relative_part(const char *cwd, char **absolute)
{
	const char *relative = below(cwd, *absolute);
	char *resolved;

	if (relative)
		return relative;
	resolved = resolve_directory(*absolute);
	if (resolved && below(cwd, resolved)) {
		free(*absolute);
		*absolute = resolved;
		return below(cwd, *absolute);
	}
	free(resolved);
	return NULL;
}

char *file_uri_for(const char *cwd, const char *name, bool *relative)
{
	struct strbuf uri = STRBUF_INIT;
	char *absolute = file_uri_normalize(cwd, name);
	const char *below_cwd;

	*relative = false;
	if (!absolute)
		return NULL;
	if (cwd && (below_cwd = relative_part(cwd, &absolute))) {
		file_uri_put_path(&uri, *below_cwd ? below_cwd : "./");
		*relative = true;
	} else if (!cwd && name[0] != '/') {
		/* No working directory to anchor to: the name as it was given. */
		file_uri_put_path(&uri, name);
		*relative = true;
	} else {
		strbuf_puts(&uri, "file://");
		file_uri_put_path(&uri, absolute);
	}
	free(absolute);
	return strbuf_take(&uri);
}

char *file_path_for(const char *cwd, const char *name)
{
	char *absolute, *relative;
	const char *below_cwd;

	if (!cwd && name[0] != '/')
		return mem_strdup(name);
	if (!(absolute = file_uri_normalize(cwd, name)))
		return NULL;
	if (!cwd || !(below_cwd = relative_part(cwd, &absolute)))
		return absolute;
	relative = mem_strdup(*below_cwd ? below_cwd : ".");
	free(absolute);
	return relative;
}

/* The working directory, as a file: URI ending in a slash. */
char *file_uri_of_directory(const char *cwd)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_puts(&b, "file://");
	file_uri_put_path(&b, cwd);
	if (strcmp(cwd, "/") != 0)
		strbuf_putc(&b, '/');
	return strbuf_take(&b);
}

/* getcwd() into memory of its own, normalized; NULL when it fails. */
char *file_uri_working_directory(void)
{
	for (size_t size = 256; size <= 65536; size *= 2) {
		char *dir = mem_malloc(size), *normal;

		if (!dir)
			return NULL;
		if (getcwd(dir, size)) {
			normal = dir[0] == '/' ? file_uri_normalize(NULL, dir) : NULL;
			free(dir);
			return normal;
		}
		free(dir);
	}
	return NULL;
}

char *file_uri_to_path(const char *uri)
{
	const char *p;
	char *path, *out;

	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = uri + 7;
	/* An authority: empty, or localhost; another host is no local file. */
	if (strncmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/' || !(path = out = mem_malloc(strlen(p) + 1)))
		return NULL;
	for (; *p && *p != '?' && *p != '#'; p++) {
		int high, low;
		if (*p == '%' && (high = hex_digit_value(p[1])) >= 0 &&
		    (low = hex_digit_value(p[2])) >= 0 && (high || low)) {
			*out++ = (char)(high * 16 + low);
			p += 2;
		} else if (*p == '%' && p[1] == '0' && p[2] == '0') {
			free(path);
			return NULL;
		} else {
			*out++ = *p;
		}
	}
	*out = '\0';
	return path;
}
