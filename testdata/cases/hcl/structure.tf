# Comments of three kinds, attributes and blocks.
// a line comment
/* a block comment
   over lines */
attribute = "value" # a comment after an attribute
other     = 1 // and another /* not a block comment */

block {
}

block_with_labels "first" "second" {
  nested {
    deep {
      value = 1
    }
  }
}

identifier_labels first second {
  a = 1 /* inline block comment */
}

one_line { single = "attribute" }
empty_one_line "label" {}

repeated "x" {
  n = 1
}
repeated "x" {
  n = 2
}

dashes-in-names "label-with-dashes" {
  attribute-name = "x"
}

ünïcode_name = "identifiers may hold letters beyond ASCII"

last_line_without_newline = true