/* Reads timestamp strings, one a line (\t, \n and \\ escaped), and prints
 * how ielint takes each as the AWS CLI would: the epoch second it sends,
 * or "refused". For tests/timestamps,
 * which compares this with the AWS CLI's own verdicts and with
 * python3-dateutil's parser.
 *
 *   read-timestamps NOW < strings    (NOW: epoch seconds, the CLI's "today") */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/timestamp.h"

/* Undoes the escapes in place; returns the length. */
static size_t unescape(char *line)
{
	size_t out = 0;

	for (size_t i = 0; line[i] && line[i] != '\n'; i++) {
		char c = line[i];
		if (c == '\\' && line[i + 1]) {
			i++;
			c = line[i] == 't' ? '\t' : line[i] == 'n' ? '\n' : line[i];
		}
		line[out++] = c;
	}
	line[out] = '\0';
	return out;
}

int main(int argc, char **argv)
{
	static char line[65536];
	double now = argc > 1 ? strtod(argv[1], NULL) : 0;

	while (fgets(line, sizeof line, stdin)) {
		struct node node = { .kind = NODE_SCALAR };
		struct timestamp_reading r;

		node.scalar.type = SCALAR_STRING;
		node.scalar.len = unescape(line);
		node.scalar.text = line;
		r = timestamp_read(&node, now);
		if (r.form == TIMESTAMP_REFUSED)
			puts("refused");
		else
			printf("%.0f\n", r.seconds);
	}
	timestamp_release();
	return ferror(stdout) ? 1 : 0;
}
