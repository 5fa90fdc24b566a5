#include "line_starts.h"

size_t line_starts_find(const size_t *starts, size_t count, size_t offset)
{
	size_t low = 0, high = count;

	while (high - low > 1) {
		size_t mid = low + (high - low) / 2;
		if (starts[mid] <= offset)
			low = mid;
		else
			high = mid;
	}
	return low;
}
