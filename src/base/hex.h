/* The value of a hexadecimal digit, for the readers of escapes (\u00E9)
 * and of numbers (0x1F) alike, so that the loader reads digits one way. */
#ifndef IELINT_HEX_H
#define IELINT_HEX_H

/* 0 to 15 for 0-9, a-f and A-F; -1 for any other character. */
static inline int hex_digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
