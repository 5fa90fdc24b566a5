/* Writes ielint(1) again with its OPTIONS made from the option table
 * (src/main/option_table.c), run by make update-man:
 *
 *   options-man man/ielint.1 > man/ielint.1.tmp
 *
 * Only the lines between the two markers are made anew; the rest of the
 * page, written by hand, is copied as it is. tests/cli fails while the
 * page differs from what this prints. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "main/manual.h"

static const char begin_marker[] = ".\\\" BEGIN GENERATED OPTIONS";
static const char end_marker[] = ".\\\" END GENERATED OPTIONS";

enum place { BEFORE, INSIDE, AFTER };

static bool starts_with(const char *text, const char *prefix)
{
	return strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Copies the page, putting the options in place of what the markers
 * hold. Lines longer than the buffer come in pieces: only a piece that
 * starts a line can be a marker. */
static enum place splice(FILE *page)
{
	char piece[512];
	bool line_start = true;
	enum place place = BEFORE;

	while (fgets(piece, sizeof piece, page)) {
		bool marker_begins = line_start && place == BEFORE && starts_with(piece, begin_marker);
		bool marker_ends = line_start && place == INSIDE && starts_with(piece, end_marker);

		line_start = strchr(piece, '\n') != NULL;
		if (marker_ends)
			place = AFTER;
		if (place != INSIDE)
			fputs(piece, stdout);
		if (marker_begins) {
			fputs(".\\\" Made from src/main/option_table.c by make update-man: "
			      "edit the options there.\n", stdout);
			manual_print_options(stdout);
			place = INSIDE;
		}
	}
	return place;
}

int main(int argc, char **argv)
{
	FILE *page;
	enum place place;

	if (argc != 2) {
		fputs("usage: options-man MANUAL-PAGE > NEW-MANUAL-PAGE\n", stderr);
		return 2;
	}
	page = fopen(argv[1], "r");
	if (!page) {
		perror(argv[1]);
		return 1;
	}
	place = splice(page);
	if (ferror(page) || fclose(page) != 0) {
		perror(argv[1]);
		return 1;
	}
	if (place != AFTER) {
		fprintf(stderr, "options-man: %s lacks the line %s or %s\n", argv[1],
			begin_marker, end_marker);
		return 1;
	}
	return ferror(stdout) || fflush(stdout) != 0;
}
