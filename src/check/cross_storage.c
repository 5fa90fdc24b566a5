/* The cross-field rules of where captured data is kept: a KMS key in one
 * of its documented forms, and an S3 bucket whose name S3 allows. The
 * patterns here are compiled ahead by the build (cross_regexes). */
#include "cross.h"

#include <string.h>

#include "base/quote.h"
#include "base/regex.h"

/* KmsKey in one of its four documented forms. */
static struct regex kms_key_forms = REGEX_INIT(
	"(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/)?"
	"(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
	"|mrk-[0-9a-fA-F]{32})"
	"|(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:)?alias/[a-zA-Z0-9/_-]+");

static struct regex bucket_characters = REGEX_INIT("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
static struct regex ip_address = REGEX_INIT("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");

struct regex *const cross_regexes[] = { &kms_key_forms, &bucket_characters, &ip_address, NULL };

/* ---- KMS keys ------------------------------------------------------------ */

/* api_path: the key's member path, in the API's names. */
static void check_kms_key(struct cross *c, const struct node *key, const char *api_path)
{
	if (!node_is_string(key) || key->scalar.len == 0 ||
	    regex_match(&kms_key_forms, key->scalar.text, key->scalar.len, NULL, 0))
		return;
	/* Naming an alias is what the author meant; say what is wrong with
	 * its name rather than list the forms it already has. */
	if (strstr(key->scalar.text, "alias/"))
		cross_report(c, key, cross_path(c, api_path),
			     "%s %s names an alias, but an alias's name is one or more "
			     "letters, digits, '/', '_' or '-' after alias/ (and an alias ARN "
			     "is arn:aws:kms:REGION:ACCOUNT:alias/NAME)", cross_member(c, "KmsKey"),
			     quote(key->scalar.text, key->scalar.len).text);
	else
		cross_report(c, key, cross_path(c, api_path),
			     "%s %s is none of a key ID, a key ARN, an alias name (alias/...) "
			     "or an alias ARN", cross_member(c, "KmsKey"),
			     quote(key->scalar.text, key->scalar.len).text);
}

/* The key of the captured data, and (create) the key of the endpoint's
 * storage. */
void rule_kms_key_form(struct cross *c)
{
	check_kms_key(c, node_dig(c->request, "DataStorageConfig", "KmsKey", NULL),
		      "DataStorageConfig.KmsKey");
	if (c->op == OPERATION_CREATE)
		check_kms_key(c, node_member(c->request, "KmsKey"), "KmsKey");
}

/* ---- the S3 bucket ------------------------------------------------------- */

static bool has_prefix(const char *text, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && memcmp(text, prefix, n) == 0;
}

static bool has_suffix(const char *text, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(text + len - n, suffix, n) == 0;
}

/* Why S3 would not take this bucket name, or NULL when it would. */
static const char *bucket_problem(const char *name, size_t len)
{
	static const char *const reserved_prefixes[] = { "xn--", "sthree-", "amzn-s3-demo-" };
	static const char *const reserved_suffixes[] = { "-s3alias", "--ol-s3", ".mrap", "--x-s3" };

	if (len < 3 || len > 63)
		return "it must be 3 to 63 characters long";
	if (!regex_match(&bucket_characters, name, len, NULL, 0))
		return "it may hold only lowercase letters, digits, dots and hyphens, "
		       "and must start and end with a letter or digit";
	for (size_t i = 1; i < len; i++)
		if (name[i] == '.' && name[i - 1] == '.')
			return "it may not hold two dots in a row";
	if (regex_match(&ip_address, name, len, NULL, 0))
		return "it may not look like an IP address";
	for (size_t i = 0; i < sizeof reserved_prefixes / sizeof *reserved_prefixes; i++)
		if (has_prefix(name, len, reserved_prefixes[i]))
			return "it starts with a prefix S3 reserves";
	for (size_t i = 0; i < sizeof reserved_suffixes / sizeof *reserved_suffixes; i++)
		if (has_suffix(name, len, reserved_suffixes[i]))
			return "it ends with a suffix S3 reserves";
	return NULL;
}

/* The bucket of an s3:// Destination is a bucket S3 allows. */
void rule_bucket_name(struct cross *c)
{
	const struct node *destination = node_dig(c->request, "DataStorageConfig", "Destination",
						  NULL);
	const char *text = text_of(destination);

	if (!text || !has_prefix(text, destination->scalar.len, "s3://"))
		return;
	const char *bucket = text + 5;
	const char *slash = strchr(bucket, '/');
	size_t len = slash ? (size_t)(slash - bucket) : strlen(bucket);
	const char *problem = bucket_problem(bucket, len);
	if (problem)
		cross_report(c, destination, cross_path(c, "DataStorageConfig.Destination"),
			     "%s is not a valid S3 bucket name: %s", quote(bucket, len).text,
			     problem);
}
