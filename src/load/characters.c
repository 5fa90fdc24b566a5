#include "characters.h"

#include <stdbool.h>

/* The name aliases Unicode gives the C0 and C1 controls. */
static const char *const c0_names[32] = {
	"NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT",
	"END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE", "ALERT",
	"BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
	"FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
	"DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO",
	"DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
	"SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
	"END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR",
	"INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO",
	"INFORMATION SEPARATOR ONE",
};

static const char *const c1_names[32] = {
	"PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE",
	"NO BREAK HERE", "INDEX", "NEXT LINE", "START OF SELECTED AREA",
	"END OF SELECTED AREA", "CHARACTER TABULATION SET",
	"CHARACTER TABULATION WITH JUSTIFICATION", "LINE TABULATION SET",
	"PARTIAL LINE FORWARD", "PARTIAL LINE BACKWARD", "REVERSE LINE FEED",
	"SINGLE SHIFT TWO", "SINGLE SHIFT THREE", "DEVICE CONTROL STRING",
	"PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
	"CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA",
	"END OF GUARDED AREA", "START OF STRING",
	"SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER",
	"CONTROL SEQUENCE INTRODUCER", "STRING TERMINATOR",
	"OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE",
	"APPLICATION PROGRAM COMMAND",
};

/* NUL is not here: the loader refuses it earlier, as a NUL byte. */
static bool forbidden_byte(unsigned char c)
{
	return (c >= 0x01 && c <= 0x08) || c == 0x0B || c == 0x0C ||
	       (c >= 0x0E && c <= 0x1F) || c == 0x7F;
}

size_t characters_find_forbidden(const char *text, size_t from, size_t len,
				 unsigned *code)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = from; i < len; i++) {
		if (forbidden_byte(s[i])) {
			*code = s[i];
			return i;
		}
		/* U+0080..U+009F are C2 80..C2 9F; U+0085 (NEXT LINE) is a
		 * line break to YAML. */
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F &&
		    s[i + 1] != 0x85) {
			*code = s[i + 1];
			return i;
		}
		/* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
		if (s[i] == 0xEF && i + 2 < len && s[i + 1] == 0xBF &&
		    (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
			*code = 0xFFC0u | (s[i + 2] & 0x3Fu);
			return i;
		}
	}
	return len;
}

size_t characters_find_json_control(const char *text, size_t len, size_t *token,
				    unsigned *code)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t string_start = len;
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (in_string && c == '\\' && i + 1 < len && s[i + 1] >= 0x20) {
			i++; /* an escaped character, a quote perhaps */
		} else if (c == '"') {
			in_string = !in_string;
			string_start = i;
		} else if (c < 0x20 && (in_string || (c != '\t' && c != '\n' && c != '\r'))) {
			*token = in_string ? string_start : i;
			*code = c;
			return i;
		}
	}
	return len;
}

const char *characters_name(unsigned code)
{
	if (code < 0x20)
		return c0_names[code];
	if (code == 0x7F)
		return "DELETE";
	if (code >= 0x80 && code <= 0x9F)
		return c1_names[code - 0x80];
	return ""; /* U+FFFE and U+FFFF have no name */
}
