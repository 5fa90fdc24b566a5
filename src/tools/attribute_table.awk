# Makes the C table of the attributes Fn::GetAtt may read from each resource
# type (src/kinds/cloudformation/attribute_table.h) from rules/attributes.tsv,
# which scripts/generate-attributes writes sorted by type, then attribute:
#
#   awk -f attribute_table.awk rules/attributes.tsv > src/attribute_table.c
#
# Run by the build; lines starting with # are comments.

# text as a C string literal ended by a NUL of its own.
function literal(text) {
	gsub(/\\/, "\\\\", text)
	gsub(/"/, "\\\"", text)
	return "\"" text "\\0\""
}

BEGIN {
	FS = "\t"
	types = 0
	names = 0
}

/^#/ || /^$/ { next }

NF != 2 {
	printf "%s:%d: not a type and an attribute\n", FILENAME, FNR > "/dev/stderr"
	failed = 1
	exit 1
}

{
	if (types == 0 || type[types - 1] != $1) {
		type[types] = $1
		first[types] = names
		types++
	}
	name[names++] = $2
	count[types - 1]++
}

END {
	if (failed)
		exit 1
	# One text of every name, each ended by a NUL, and offsets into it:
	# no pointers, so the table needs no relocation when the program starts.
	offset = 0
	print "/* Made from rules/attributes.tsv by src/tools/attribute_table.awk. */"
	print "#include \"kinds/cloudformation/attribute_table.h\""
	print ""
	print "const char attribute_text[] ="
	for (i = 0; i < types; i++) {
		print "\t" literal(type[i])
		type_at[i] = offset
		offset += length(type[i]) + 1
	}
	for (i = 0; i < names; i++) {
		print "\t" literal(name[i])
		name_at[i] = offset
		offset += length(name[i]) + 1
	}
	print "\t\"\";"
	print ""
	print "const unsigned attribute_names[] = {"
	for (i = 0; i < names; i++)
		print "\t" name_at[i] ","
	print "};"
	print ""
	print "const struct attribute_type attribute_types[] = {"
	for (i = 0; i < types; i++)
		printf "\t{ %d, %d, %d },\n", type_at[i], first[i], count[i]
	print "};"
	print ""
	printf "const size_t attribute_type_count = %d;\n", types
}
