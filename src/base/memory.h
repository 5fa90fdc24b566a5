/* Allocation, with the shortage remembered. Every allocation of ielint's
 * goes through these, which are the C library's own but for one thing: a
 * failure is also recorded for the calling thread. Callers still check
 * what they get and give up cleanly; but many of them answer a question
 * rather than build something (does this pattern match? what is the
 * nearest name? how is this message worded?) and have no way to say "I
 * could not tell". The record lets the document's lint turn any failed
 * allocation into its out-of-memory outcome, so that a diagnostic lost to
 * one never passes for a clean document. Each document is linted on one
 * thread, so the record is per thread. */
#ifndef IELINT_MEMORY_H
#define IELINT_MEMORY_H

#include <stdbool.h>
#include <stddef.h>

void *mem_malloc(size_t size);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *old, size_t size);
char *mem_strdup(const char *text);
char *mem_strndup(const char *text, size_t len);

/* Records a shortage that came another way (a library's own allocation,
 * reported as an error code). */
void mem_shortage(void);

/* Whether memory ran short on this thread since the last call, which
 * clears the record. */
bool mem_shortage_take(void);

#endif
