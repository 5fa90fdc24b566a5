/* Allocation-failure injection, after SQLite's faultsim: the whole program
 * (src/ielint.c's main renamed ielint_main) is run once to count its allocations, then
 * again for every n, in a forked child where the n-th allocation fails
 * (transient) or the n-th and every later one fail (persistent). Each run
 * must end as the run without a failure did, or with exit status 2 and
 * "out of memory" (or strerror(ENOMEM)) on standard error: never a signal, never another status,
 * never a report that silently lost something. Under AddressSanitizer the
 * child's exit also checks for leaks.
 *
 * The program is linked with --wrap for each allocating function that
 * ielint's objects and PCRE2 (linked statically for this) call; cJSON takes
 * its allocator through its hooks. libfyaml's own allocations are not
 * failed: it does not survive that (see configure.ac).
 *
 *   faultsim [-e EVERY] [-n NUMBER] [-l LABEL] [-c FROM TO] [-i INPUT] -- IELINT-ARGUMENTS...
 *
 * prints TAP lines NUMBER (the transient sweep) and NUMBER + 1 (the
 * persistent one) named LABEL, with the first failing n and how to repeat
 * it. Past the first thousand allocations only every EVERY-th is failed.
 * -c copies FROM over TO before every run, for runs that change a file
 * (--fix). -i gives every run INPUT as its standard input (--lsp).
 * IELINT_FAULT_AT=N (and
 * IELINT_FAULT_PERSIST=1) run a single child in the foreground, for a
 * debugger, and print the stack of the allocation that is refused. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <cjson/cJSON.h>

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int ielint_main(int argc, char **argv);

/* ---- the failing allocator ---------------------------------------------- */

/* Shared with the children, so the parent learns how far each one got. */
struct fault_state {
	unsigned long count;  /* allocations made so far */
	unsigned long fail_at; /* 0: never fail */
	bool persist;
	bool hit; /* an allocation was refused */
	bool trace; /* print the stack of the first refusal */
};

static struct fault_state *fault;

/* -c: the file each run starts from, and the file it changes. */
static const char *copy_from, *copy_to;
/* -i: each run's standard input, read from its start. */
static const char *input_from;

static bool fault_now(void)
{
	unsigned long n;

	if (!fault)
		return false;
	n = __atomic_add_fetch(&fault->count, 1, __ATOMIC_RELAXED);
	if (fault->fail_at == 0 || n < fault->fail_at || (n > fault->fail_at && !fault->persist))
		return false;
	if (fault->trace && n == fault->fail_at) {
		void *stack[32];
		backtrace_symbols_fd(stack, backtrace(stack, 32), STDERR_FILENO);
	}
	__atomic_store_n(&fault->hit, true, __ATOMIC_RELAXED);
	errno = ENOMEM;
	return true;
}

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *old, size_t size);
char *__real_strdup(const char *text);
char *__real_strndup(const char *text, size_t len);
char *__real_realpath(const char *path, char *resolved);
FILE *__real_open_memstream(char **buffer, size_t *size);

void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *old, size_t size);
char *__wrap_strdup(const char *text);
char *__wrap_strndup(const char *text, size_t len);
char *__wrap_realpath(const char *path, char *resolved);
FILE *__wrap_open_memstream(char **buffer, size_t *size);

void *__wrap_malloc(size_t size)
{
	return fault_now() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
	return fault_now() ? NULL : __real_calloc(count, size);
}

void *__wrap_realloc(void *old, size_t size)
{
	return fault_now() ? NULL : __real_realloc(old, size);
}

char *__wrap_strdup(const char *text)
{
	return fault_now() ? NULL : __real_strdup(text);
}

char *__wrap_strndup(const char *text, size_t len)
{
	return fault_now() ? NULL : __real_strndup(text, len);
}

/* realpath allocates only when given no buffer. */
char *__wrap_realpath(const char *path, char *resolved)
{
	return !resolved && fault_now() ? NULL : __real_realpath(path, resolved);
}

FILE *__wrap_open_memstream(char **buffer, size_t *size)
{
	return fault_now() ? NULL : __real_open_memstream(buffer, size);
}

static void *hooked_malloc(size_t size)
{
	return __wrap_malloc(size);
}

/* ---- one run ------------------------------------------------------------ */

struct outcome {
	int status;        /* exit status, or 128 + signal */
	bool hit;          /* the failure was injected */
	unsigned long allocations;
	char *out, *err;   /* what it printed */
	size_t out_len, err_len;
};

static char *slurp(int fd, size_t *len)
{
	struct stat st;
	char *text;

	if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0 ||
	    !(text = __real_malloc((size_t)st.st_size + 1)))
		return NULL;
	*len = 0;
	while (*len < (size_t)st.st_size) {
		ssize_t got = read(fd, text + *len, (size_t)st.st_size - *len);
		if (got <= 0)
			break;
		*len += (size_t)got;
	}
	text[*len] = '\0';
	return text;
}

static int scratch_file(void)
{
	char name[] = "/tmp/faultsim.XXXXXX";
	int fd = mkstemp(name);

	if (fd >= 0)
		unlink(name);
	return fd;
}

static void outcome_free(struct outcome *o)
{
	free(o->out);
	free(o->err);
}

static bool copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	char buffer[4096];
	ssize_t got = 0;

	while (in >= 0 && out >= 0 && (got = read(in, buffer, sizeof buffer)) > 0)
		if (write(out, buffer, (size_t)got) != got)
			got = -1;
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		got = -1;
	return in >= 0 && out >= 0 && got == 0;
}

static bool run_child(int argc, char **argv, unsigned long fail_at, bool persist,
		      struct outcome *o)
{
	int out = scratch_file(), err = scratch_file();
	pid_t pid;
	int wstatus;

	memset(o, 0, sizeof *o);
	if (out < 0 || err < 0 || (copy_from && !copy_file(copy_from, copy_to)))
		return false;
	*fault = (struct fault_state){ .fail_at = fail_at, .persist = persist };
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		int in = input_from ? open(input_from, O_RDONLY) : -1;
		if (in >= 0) {
			dup2(in, STDIN_FILENO);
			close(in);
		}
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
		close(out);
		close(err);
		/* getopt keeps its place in globals: a fresh child starts at 1. */
		exit(ielint_main(argc, argv));
	}
	if (waitpid(pid, &wstatus, 0) != pid)
		return false;
	o->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
	o->hit = fault->hit;
	o->allocations = fault->count;
	o->out = slurp(out, &o->out_len);
	o->err = slurp(err, &o->err_len);
	close(out);
	close(err);
	return o->out && o->err;
}

static bool same_text(const char *a, size_t a_len, const char *b, size_t b_len)
{
	return a_len == b_len && memcmp(a, b, a_len) == 0;
}

/* A failed allocation may be absorbed (a cache not kept, a pattern not
 * JIT-compiled): the run is then the reference run. Otherwise it must
 * say so and exit 2. */
static const char *judge(const struct outcome *ref, const struct outcome *o)
{
	if (o->status >= 128)
		return "killed by a signal";
	if (!o->hit)
		return NULL;
	if (o->status == ref->status && same_text(o->out, o->out_len, ref->out, ref->out_len) &&
	    same_text(o->err, o->err_len, ref->err, ref->err_len))
		return NULL;
	if (o->status != 2)
		return "a failed allocation changed the result without exit status 2";
	if (!strstr(o->err, "out of memory") && !strstr(o->err, strerror(ENOMEM)))
		return "exit status 2 without saying \"out of memory\"";
	return NULL;
}

/* Runs every n from 1 to the reference run's count (every `every`-th
 * past the first thousand, when asked). */
static bool sweep(int argc, char **argv, const struct outcome *ref, bool persist,
		  unsigned long every, const char *label, int number)
{
	unsigned long runs = 0;

	for (unsigned long n = 1; n <= ref->allocations; n += n < 1000 ? 1 : every) {
		struct outcome o;
		const char *wrong;

		if (!run_child(argc, argv, n, persist, &o)) {
			printf("not ok %d - %s: %s sweep could not run a child\n", number, label,
			       persist ? "persistent" : "transient");
			return false;
		}
		runs++;
		wrong = judge(ref, &o);
		if (wrong) {
			printf("not ok %d - %s: %s failure at allocation %lu: %s (exit %d)\n",
			       number, label, persist ? "persistent" : "transient", n, wrong,
			       o.status);
			printf("# repeat: IELINT_FAULT_AT=%lu%s faultsim -- ...\n", n,
			       persist ? " IELINT_FAULT_PERSIST=1" : "");
			for (char *line = strtok(o.err, "\n"); line; line = strtok(NULL, "\n"))
				printf("# stderr: %.300s\n", line);
			outcome_free(&o);
			return false;
		}
		outcome_free(&o);
	}
	printf("ok %d - %s: %s failure at each of %lu allocations\n", number, label,
	       persist ? "persistent" : "transient", runs);
	return true;
}

/* One child in the foreground, for a debugger. */
static int run_once(int argc, char **argv, const char *at)
{
	fault->fail_at = strtoul(at, NULL, 10);
	fault->persist = getenv("IELINT_FAULT_PERSIST") != NULL;
	fault->trace = true;
	return ielint_main(argc, argv);
}

int main(int argc, char **argv)
{
	unsigned long every = 1;
	const char *label = NULL;
	int first, number = 1;
	struct outcome ref;
	bool ok;

	fault = mmap(NULL, sizeof *fault, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		     -1, 0);
	if (fault == MAP_FAILED) {
		perror("faultsim: mmap");
		return 2;
	}
	memset(fault, 0, sizeof *fault);
	cJSON_InitHooks(&(cJSON_Hooks){ hooked_malloc, free });

	for (first = 1; first < argc && strcmp(argv[first], "--") != 0; first++) {
		if (strcmp(argv[first], "-e") == 0 && first + 1 < argc)
			every = strtoul(argv[++first], NULL, 10);
		else if (strcmp(argv[first], "-n") == 0 && first + 1 < argc)
			number = atoi(argv[++first]);
		else if (strcmp(argv[first], "-l") == 0 && first + 1 < argc)
			label = argv[++first];
		else if (strcmp(argv[first], "-i") == 0 && first + 1 < argc)
			input_from = argv[++first];
		else if (strcmp(argv[first], "-c") == 0 && first + 2 < argc) {
			copy_from = argv[++first];
			copy_to = argv[++first];
		}
	}
	if (first >= argc || every == 0) {
		fputs("usage: faultsim [-e EVERY] [-n NUMBER] [-l LABEL] [-c FROM TO] -- "
		      "IELINT-ARGUMENTS...\n", stderr);
		return 2;
	}
	argv[first] = (char *)"ielint";
	argc -= first;
	argv += first;
	if (getenv("IELINT_FAULT_AT"))
		return run_once(argc, argv, getenv("IELINT_FAULT_AT"));
	if (!label)
		label = argv[argc - 1];

	if (!run_child(argc, argv, 0, false, &ref) || ref.status >= 2) {
		printf("not ok %d - %s: the run without failures exits %d\n", number, label,
		       ref.status);
		printf("not ok %d - %s: (not swept)\n", number + 1, label);
		return 1;
	}
	ok = sweep(argc, argv, &ref, false, every, label, number);
	ok &= sweep(argc, argv, &ref, true, every, label, number + 1);
	outcome_free(&ref);
	return ok ? 0 : 1;
}
