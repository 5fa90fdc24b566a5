/* The framing of messages and the building of the JSON-RPC envelopes. */
#include "rpc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "json.h"
#include "base/memory.h"

enum { READ_CHUNK = 64 * 1024, KEEP_CAP = 1024 * 1024 };

void rpc_reader_init(struct rpc_reader *r, int fd)
{
	memset(r, 0, sizeof *r);
	r->fd = fd;
}

void rpc_reader_free(struct rpc_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->start = r->len = r->cap = 0;
}

/* Moves the unread bytes to the front; a buffer grown for one large
 * message is given back once it is empty, so memory stays flat. */
static void compact(struct rpc_reader *r)
{
	if (!r->buf)
		return;
	if (r->start == r->len && r->cap > KEEP_CAP) {
		rpc_reader_free(r);
		return;
	}
	memmove(r->buf, r->buf + r->start, r->len - r->start);
	r->len -= r->start;
	r->start = 0;
}

/* Room for at least `need` unread bytes in all. */
static bool reserve(struct rpc_reader *r, size_t need)
{
	size_t cap = r->cap ? r->cap : READ_CHUNK;
	char *grown;

	if (need <= r->cap)
		return true;
	while (cap < need)
		cap *= 2;
	if (!(grown = mem_realloc(r->buf, cap)))
		return false;
	r->buf = grown;
	r->cap = cap;
	return true;
}

/* One read(2) of what is there, never more than the buffer's room: false
 * at the end of the stream (or on an error, which ends it as well). */
static bool fill(struct rpc_reader *r)
{
	ssize_t got;

	if (r->eof)
		return false;
	do
		got = read(r->fd, r->buf + r->len, r->cap - r->len);
	while (got < 0 && errno == EINTR);
	if (got <= 0) {
		r->eof = true;
		return false;
	}
	r->len += (size_t)got;
	return true;
}

/* Ensures `count` unread bytes are held, reading as needed. The buffer
 * grows as the bytes come, not by what the header announced: a length
 * with nothing behind it costs nothing. */
static enum rpc_read need_bytes(struct rpc_reader *r, size_t count)
{
	compact(r);
	while (r->len - r->start < count) {
		if (r->len == r->cap && !reserve(r, r->cap + 1))
			return RPC_READ_NO_MEMORY;
		if (!fill(r))
			return RPC_READ_EOF;
	}
	return RPC_READ_MESSAGE;
}

/* Drops what is left of an oversized message, a buffer at a time. */
static bool skip_body(struct rpc_reader *r)
{
	while (r->skip) {
		size_t held = r->len - r->start, take = held < r->skip ? held : r->skip;
		r->start += take;
		r->skip -= take;
		if (!r->skip)
			break;
		compact(r);
		if (!reserve(r, READ_CHUNK) || !fill(r))
			return false;
	}
	return true;
}

/* Content-Length's value: digits only, within the limit's range. */
static bool parse_length(const char *text, size_t n, size_t *length)
{
	size_t value = 0, digits = 0;

	while (n && (*text == ' ' || *text == '\t'))
		text++, n--;
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	for (; digits < n; digits++) {
		if (text[digits] < '0' || text[digits] > '9' || value > (size_t)RPC_MAX_MESSAGE * 16)
			return false;
		value = value * 10 + (size_t)(text[digits] - '0');
	}
	*length = value;
	return digits > 0;
}

/* The header block [text, text + n), its last CRLF excluded: each line
 * "Name: value"; Content-Length required (again only with the same
 * value), the others ignored. *length is set when Content-Length reads,
 * even if another line does not: the body can then be skipped, and the
 * next message read, rather than taken for the next header. */
static bool parse_headers(const char *text, size_t n, size_t *length, bool *has_length)
{
	bool well_formed = true;
	size_t value, next;

	*has_length = false;
	while (n) {
		const char *end = memchr(text, '\r', n), *colon;
		size_t line = end ? (size_t)(end - text) : n;
		if (!(colon = memchr(text, ':', line)))
			well_formed = false;
		else if ((size_t)(colon - text) == 14 &&
			 strncasecmp(text, "Content-Length", 14) == 0) {
			if (!parse_length(colon + 1, line - 15, &value) ||
			    (*has_length && value != *length)) {
				*has_length = false;
				return false;
			}
			*length = value;
			*has_length = true;
		}
		/* Past the line's CRLF; a CR alone is no line's end, but the
		 * lines after it are still read for a Content-Length. */
		if (line == n) {
			next = n;
		} else if (line + 1 < n && text[line + 1] == '\n') {
			next = line + 2;
		} else {
			well_formed = false;
			next = line + 1;
		}
		text += next;
		n -= next;
	}
	return well_formed && *has_length;
}

static const char *find_terminator(const struct rpc_reader *r)
{
	const char *p, *end;

	if (!r->buf)
		return NULL;
	p = r->buf + r->start;
	end = r->buf + r->len;

	for (; end - p >= 4; p++)
		if (p[0] == '\r' && p[1] == '\n' && p[2] == '\r' && p[3] == '\n')
			return p;
	return NULL;
}

/* Waits for the end of a header block; a block too long to be a header
 * is dropped as it comes, reported once. */
static enum rpc_read await_header(struct rpc_reader *r, const char **header)
{
	for (;;) {
		if ((*header = find_terminator(r)) != NULL)
			return RPC_READ_MESSAGE;
		if (r->len - r->start > RPC_MAX_HEADER) {
			bool first = !r->discarding;
			r->start = r->len - 3; /* a terminator may straddle */
			r->discarding = true;
			if (first)
				return RPC_READ_BAD_HEADER;
		}
		compact(r);
		if (!reserve(r, READ_CHUNK))
			return RPC_READ_NO_MEMORY;
		if (!fill(r))
			return RPC_READ_EOF;
	}
}

enum rpc_read rpc_read(struct rpc_reader *r, char **body, size_t *len)
{
	const char *header;
	size_t length = 0, header_len;
	bool has_length = false;
	enum rpc_read status;

	if (!skip_body(r))
		return RPC_READ_EOF;
	if ((status = await_header(r, &header)) != RPC_READ_MESSAGE)
		return status;
	header_len = (size_t)(header - (r->buf + r->start));
	if (r->discarding ||
	    !parse_headers(r->buf + r->start, header_len, &length, &has_length)) {
		bool reported = r->discarding;
		r->discarding = false;
		r->start += header_len + 4;
		if (!reported && has_length && length <= RPC_MAX_MESSAGE * 16)
			r->skip = length;
		return reported ? rpc_read(r, body, len) : RPC_READ_BAD_HEADER;
	}
	r->start += header_len + 4;
	if (length > RPC_MAX_MESSAGE) {
		r->skip = length;
		return RPC_READ_TOO_LARGE;
	}
	if ((status = need_bytes(r, length)) != RPC_READ_MESSAGE)
		return status;
	*body = r->buf + r->start;
	*len = length;
	r->start += length;
	return RPC_READ_MESSAGE;
}

/* Writes everything, or marks the writer closed. */
static void write_all(struct rpc_writer *w, const char *data, size_t n)
{
	while (n && !w->closed) {
		ssize_t put = write(w->fd, data, n);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0) {
			w->closed = true;
			return;
		}
		data += put;
		n -= (size_t)put;
	}
}

void rpc_send(struct rpc_writer *w, cJSON *message)
{
	char header[64];
	char *text = message ? cJSON_PrintUnformatted(message) : NULL;

	cJSON_Delete(message);
	if (!text) {
		mem_shortage();
		return;
	}
	snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", strlen(text));
	write_all(w, header, strlen(header));
	write_all(w, text, strlen(text));
	cJSON_free(text);
}

static cJSON *envelope(const cJSON *id)
{
	cJSON *message = cJSON_CreateObject();

	if (!message || !cJSON_AddStringToObject(message, "jsonrpc", "2.0")) {
		cJSON_Delete(message);
		return NULL;
	}
	if (id) {
		cJSON *copy = cJSON_Duplicate(id, true);
		if (!copy || !cJSON_AddItemToObject(message, "id", copy)) {
			cJSON_Delete(copy);
			cJSON_Delete(message);
			return NULL;
		}
	}
	return message;
}

/* Adds item under key, taking it; deletes both on failure. */
static cJSON *attach(cJSON *message, const char *key, cJSON *item)
{
	if (json_put(message, key, item))
		return message;
	cJSON_Delete(message);
	return NULL;
}

void rpc_respond(struct rpc_writer *w, const cJSON *id, cJSON *result)
{
	rpc_send(w, attach(envelope(id), "result", result ? result : cJSON_CreateNull()));
}

void rpc_error(struct rpc_writer *w, const cJSON *id, int code, const char *message)
{
	cJSON *error = cJSON_CreateObject();
	/* A request that cannot be told (unparsable) is answered to id null. */
	cJSON *reply = attach(envelope(NULL), "id",
			      id ? cJSON_Duplicate(id, true) : cJSON_CreateNull());

	if (error && (!cJSON_AddNumberToObject(error, "code", code) ||
		      !cJSON_AddStringToObject(error, "message", message))) {
		cJSON_Delete(error);
		error = NULL;
	}
	rpc_send(w, attach(reply, "error", error));
}

void rpc_notify(struct rpc_writer *w, const char *method, cJSON *params)
{
	cJSON *message = envelope(NULL);

	if (message && !cJSON_AddStringToObject(message, "method", method)) {
		cJSON_Delete(message);
		message = NULL;
	}
	rpc_send(w, attach(message, "params", params));
}

static cJSON *message_params(int type, const char *text)
{
	cJSON *params = cJSON_CreateObject();

	if (params && (!cJSON_AddNumberToObject(params, "type", type) ||
		       !cJSON_AddStringToObject(params, "message", text))) {
		cJSON_Delete(params);
		return NULL;
	}
	return params;
}

void rpc_log(struct rpc_writer *w, int type, const char *message)
{
	rpc_notify(w, "window/logMessage", message_params(type, message));
}

void rpc_show(struct rpc_writer *w, int type, const char *message)
{
	rpc_notify(w, "window/showMessage", message_params(type, message));
}
