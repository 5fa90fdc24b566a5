/* JSON-RPC 2.0 over a byte stream, framed as the Language Server Protocol
 * frames it: a header block ("Content-Length: N", other headers allowed,
 * each line ended by CRLF, the block by an empty line), then N bytes of
 * JSON. Reading holds at most one message; one larger than the limit is
 * skipped as it arrives, never held. */
#ifndef IELINT_LSP_RPC_H
#define IELINT_LSP_RPC_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

/* A document is at most LINT_MAX_FILE_SIZE; a message carrying one, escaped
 * as JSON, may be larger, but not by much in practice. */
enum { RPC_MAX_MESSAGE = 64 * 1024 * 1024, RPC_MAX_HEADER = 8192 };

enum rpc_error_code {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_SERVER_NOT_INITIALIZED = -32002,
};

struct rpc_reader {
	int fd;
	char *buf;
	size_t start, len, cap; /* the unread bytes are buf[start, len) */
	size_t skip;            /* bytes of an oversized message still to drop */
	bool discarding;        /* in a header block too long to hold */
	bool eof;
};

enum rpc_read {
	RPC_READ_MESSAGE,   /* *body, *len: valid until the next read */
	RPC_READ_EOF,       /* the stream ended (mid-message or not) */
	RPC_READ_BAD_HEADER,
	RPC_READ_TOO_LARGE, /* its body is being skipped */
	RPC_READ_NO_MEMORY,
};

void rpc_reader_init(struct rpc_reader *r, int fd);
void rpc_reader_free(struct rpc_reader *r);
enum rpc_read rpc_read(struct rpc_reader *r, char **body, size_t *len);

struct rpc_writer {
	int fd;
	bool closed; /* a write failed (the client went away): stop */
};

/* Sends a message and frees it; NULL (memory ran out building it) sends
 * nothing. */
void rpc_send(struct rpc_writer *w, cJSON *message);

/* The messages: a result (taken, NULL for null), an error, a notification
 * (params taken). id may be NULL for an error whose request is unknown. */
void rpc_respond(struct rpc_writer *w, const cJSON *id, cJSON *result);
void rpc_error(struct rpc_writer *w, const cJSON *id, int code, const char *message);
void rpc_notify(struct rpc_writer *w, const char *method, cJSON *params);

/* window/logMessage and window/showMessage; type 1 error, 2 warning,
 * 3 info, 4 log. */
void rpc_log(struct rpc_writer *w, int type, const char *message);
void rpc_show(struct rpc_writer *w, int type, const char *message);

#endif
