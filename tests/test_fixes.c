/* Fixes as edits: which apply together, the text they make, and --fix's
 * refusal to write a file that changed since it was read. */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "main/fix_files.h"
#include "report/fixes.h"

/* A scalar node over src's bytes [offset, offset + len). */
static struct node scalar_at(const struct source *src, size_t offset, size_t len)
{
	struct node node = { .kind = NODE_SCALAR, .span = { 1, (int)offset + 1, 1,
							    (int)(offset + len) + 1 } };

	node.scalar.source = src->data + offset;
	node.scalar.source_len = len;
	return node;
}

static void add_fix(struct diag_list *diags, const struct source *src, size_t offset,
		    size_t len, const char *text)
{
	struct node node = scalar_at(src, offset, len);

	ck_assert(diag_add(diags, RULE_INVALID_ENUM, node.span, "", "wrong"));
	ck_assert(diag_set_fix(diags, &node, text, strlen(text)));
}

START_TEST(edits_change_only_their_bytes)
{
	static char text[] = "a: xx  # keep\nb: 'y'\n";
	struct source src;
	struct diag_list diags;
	struct edits edits;
	size_t len;

	source_from_memory(&src, "t.yaml", text, sizeof text - 1);
	diag_list_init(&diags);
	add_fix(&diags, &src, 17, 3, "'zz'"); /* listed out of order */
	add_fix(&diags, &src, 3, 2, "xyz");
	ck_assert(edits_collect(&edits, &src, &diags));
	ck_assert_uint_eq(edits.count, 2);
	ck_assert_uint_eq(edits.overlapping, 0);
	char *fixed = edits_apply(&edits, &src, &len);
	ck_assert_str_eq(fixed, "a: xyz  # keep\nb: 'zz'\n");
	ck_assert_uint_eq(len, strlen(fixed));
	free(fixed);
	edits_free(&edits);
	diag_list_free(&diags);
}
END_TEST

START_TEST(overlapping_fixes_are_left_out)
{
	static char text[] = "key: value\nother: x\n";
	struct source src;
	struct diag_list diags;
	struct edits edits;

	source_from_memory(&src, "t.yaml", text, sizeof text - 1);
	diag_list_init(&diags);
	add_fix(&diags, &src, 5, 5, "one");
	add_fix(&diags, &src, 7, 2, "two");    /* inside the first */
	add_fix(&diags, &src, 18, 1, "y");     /* apart from both */
	add_fix(&diags, &src, 18, 1, "y");     /* the same fix again: one */
	ck_assert(edits_collect(&edits, &src, &diags));
	ck_assert_uint_eq(edits.overlapping, 2);
	ck_assert_uint_eq(edits.count, 1);
	ck_assert_str_eq(edits.items[0].text, "y");
	edits_free(&edits);
	diag_list_free(&diags);
}
END_TEST

START_TEST(a_fix_of_other_bytes_is_no_edit)
{
	static char text[] = "a: b\n", other[] = "a: c\n";
	struct source src, elsewhere;
	struct diag_list diags;
	struct edits edits;

	source_from_memory(&src, "t.yaml", text, sizeof text - 1);
	source_from_memory(&elsewhere, "u.yaml", other, sizeof other - 1);
	diag_list_init(&diags);
	add_fix(&diags, &elsewhere, 3, 1, "d");
	ck_assert(edits_collect(&edits, &src, &diags));
	ck_assert_uint_eq(edits.count, 0);
	edits_free(&edits);
	diag_list_free(&diags);
}
END_TEST

static char *read_back(const char *path)
{
	static char buffer[256];
	FILE *f = fopen(path, "rb");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buffer, 1, sizeof buffer - 1, f);
	buffer[n] = '\0';
	fclose(f);
	return buffer;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(text, f) >= 0, 1);
	ck_assert_int_eq(fclose(f), 0);
}

/* Lints the file as --fix would, with text written to it in between. */
static struct fix_totals lint_then_fix(const char *path, const char *between)
{
	struct lint_options options = { .format = INPUT_AUTO, .max_file_size = LINT_MAX_FILE_SIZE };
	struct rule_settings settings;
	struct lint_result result;
	struct fix_totals totals = { 0 };
	const char *named[] = { path };
	struct fix_scope scope;

	ck_assert(fix_scope_init(&scope, named, 1));
	options.state.status = STATUS_CREATED;
	options.state.has_status = true;
	settings_init(&settings);
	lint_file(path, false, &options, &settings, &result);
	if (between)
		write_file(path, between);
	fix_file(path, &scope, &result, &options, &settings, &totals);
	lint_result_free(&result);
	fix_scope_free(&scope);
	return totals;
}

/* A fresh directory, and the path of t.yaml in it. */
static void temporary_file(char *dir, char *path, size_t size)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, size, "%s/t.yaml", dir);
}

static void remove_temporary(const char *dir, const char *path)
{
	unlink(path);
	rmdir(dir);
}

START_TEST(fix_file_writes_the_fixes)
{
	char dir[] = "/tmp/ielint-fix-XXXXXX", path[64];

	temporary_file(dir, path, sizeof path);
	write_file(path, "Name: a\nDescripton: b  # kept\n");
	struct fix_totals totals = lint_then_fix(path, NULL);
	ck_assert_uint_eq(totals.fixes, 1);
	ck_assert_uint_eq(totals.files, 1);
	ck_assert_str_eq(read_back(path), "Name: a\nDescription: b  # kept\n");
	remove_temporary(dir, path);
}
END_TEST

START_TEST(fix_file_leaves_a_changed_file_alone)
{
	char dir[] = "/tmp/ielint-fix-XXXXXX", path[64];

	temporary_file(dir, path, sizeof path);
	write_file(path, "Name: a\nDescripton: b\n");
	struct fix_totals totals = lint_then_fix(path, "Name: a\nDescripton: c\n");
	ck_assert_uint_eq(totals.fixes, 0);
	ck_assert_uint_eq(totals.left_out, 1);
	ck_assert_str_eq(read_back(path), "Name: a\nDescripton: c\n");
	remove_temporary(dir, path);
}
END_TEST

Suite *fixes_suite(void)
{
	Suite *suite = suite_create("fixes");
	TCase *tc = tcase_create("edits");

	tcase_add_test(tc, edits_change_only_their_bytes);
	tcase_add_test(tc, overlapping_fixes_are_left_out);
	tcase_add_test(tc, a_fix_of_other_bytes_is_no_edit);
	tcase_add_test(tc, fix_file_writes_the_fixes);
	tcase_add_test(tc, fix_file_leaves_a_changed_file_alone);
	suite_add_tcase(suite, tc);
	return suite;
}
