/* The language server: ielint for an editor. It speaks the Language
 * Server Protocol (3.17) over standard input and output, and lints each
 * document the editor opens, as it is typed, through the same pipeline as
 * the command line (main/lint.h), with the settings the command line would
 * use for that file. */
#ifndef IELINT_LSP_H
#define IELINT_LSP_H

#include "main/options.h"

/* Serves the editor on standard input and output until it says exit or
 * goes away; inv holds what the command line gave (--disable, --config,
 * --status, ...) for every document. Returns the exit status: 0 after
 * shutdown then exit, 1 when the editor left without asking for shutdown
 * (as the protocol says), 2 when memory ran out (said on standard error:
 * an answer it could not build would be a wrong one). */
int lsp_serve(struct invocation *inv);

/* The same from in_fd to out_fd, which the caller opened (and closes):
 * what the fuzz target serves a stream of bytes through. */
int lsp_serve_fds(struct invocation *inv, int in_fd, int out_fd);

#endif
