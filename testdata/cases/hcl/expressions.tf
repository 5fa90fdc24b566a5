// Every kind of expression of HCL's native syntax.
literals = {
  integer  = 42
  fraction = 3.25
  exponent = 1.5e-3
  big      = 6E+23
  negative = -7
  yes      = true
  no       = false
  nothing  = null
  "quoted key" = "value"
  colon: "separated"
  one = 1, two = 2
}
tuples = [[], [1, 2, 3], [
  "a",
  "b",
], [for s in var.list : upper(s) if s != ""]]
objects = {for k, v in var.map : k => v...}
empty = {}
arithmetic = 1 + 2 * 3 - 4 / 5 % 6
comparison = a < b || a <= b || a > b || a >= b
equality = a == b && a != b
unary = !var.flag && -var.number < 0
negated = - 5
conditional = var.enabled ? "on" : "off"
nested_conditional = a ? b ? 1 : 2 : c ? 3 : 4
parenthesised = (
  var.a
  + var.b
)
references = [var.x, local.y, module.m.output, data.aws_region.current.name, self.id]
indexes = [var.list[0], var.map["key"], var.list[length(var.list) - 1], var.legacy.0.id]
splats = [var.list[*].id, var.list.*.id, var.list[*].tags["name"], var.objects.*.a.b]
calls = [
  max(1, 2, 3),
  min(var.numbers...),
  join(",", [for x in var.xs : tostring(x)]),
  provider::aws::arn_parse("arn:aws:iam::123456789012:role/x"),
  jsonencode({
    a = 1
    b = [true, null]
  }),
  f(),
  g(1,),
]
keys = {
  (var.key) = 1
  "${var.prefix}-x" = 2
  bare = 3
}
