# Strings, escapes, templates and heredocs.
plain     = "hello"
escapes   = "tab\there\nnewline \"quoted\" back\\slash \u00e9 \U0001F600"
dollars   = "$${not_interpolated} %%{not_a_directive} $5 100%"
unicode   = "été 😀"
templated = "name-${var.name}-${upper(var.suffix)}"
stripped  = "a ${~ var.b ~} c"
directive = "%{ if var.on }on%{ else }off%{ endif }"
loop      = "%{ for i, v in var.list ~}${i}=${v} %{~ endfor }"
nested    = "outer ${ "inner ${var.x}" }"
braces    = "${ {a = "}"}.a }"

heredoc = <<EOT
Line one
  Line two, indented
No ${"interpolation"} here? There is one.
EOT

literal_heredoc = <<EOT
Just text, with a \backslash and $${escaped}.
EOT

flush = <<-EOT
    Flushed to the left
      keeping what is deeper
    EOT

policy = <<-POLICY
  {
    "Version": "2012-10-17",
    "Statement": [
      %{~ for action in var.actions ~}
      {"Action": "${action}", "Effect": "Allow"},
      %{~ endfor ~}
    ]
  }
  POLICY

inside_block {
  script = <<-SH
    #!/bin/sh
    echo "${var.message}"
  SH
}
