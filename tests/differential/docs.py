"""Request documents as trees that can be written as YAML or JSON in every
way the two languages allow, so that a mutation can say exactly how a value
is written: plain or quoted, tagged, anchored, merged, or as raw text.

A Map keeps its members as a list of (key, node) pairs, so that a key can
appear twice. A Raw node is written as given (one line), for the forms no
value can describe: an unquoted 0x1F, a tag, a JSON lone surrogate.
"""

import json
import math
import re


class Node:
    tag = None      # a YAML tag written before the node ("!!str")
    anchor = None   # a YAML anchor written before the node ("a1")


class Map(Node):
    def __init__(self, pairs=None, flow=False):
        self.pairs = list(pairs or [])
        self.flow = flow

    def get(self, key):
        for k, v in self.pairs:
            if key_text(k) == key:
                return v
        return None


class Seq(Node):
    def __init__(self, items=None, flow=False):
        self.items = list(items or [])
        self.flow = flow


class Scalar(Node):
    """A value; style None writes it plainly where YAML reads it back as
    the same value, else quoted. Other styles: plain, single, double,
    literal, folded (with an optional chomping indicator in `chomp`)."""

    def __init__(self, value, style=None, chomp=""):
        self.value = value
        self.style = style
        self.chomp = chomp


class Raw(Node):
    """Text written as it is: `yaml` in YAML, `json` (or `yaml`) in JSON."""

    def __init__(self, yaml, json_text=None):
        self.yaml = yaml
        self.json = json_text if json_text is not None else yaml


class Alias(Node):
    def __init__(self, name):
        self.name = name


def key_text(key):
    if isinstance(key, Scalar):
        return key.value if isinstance(key.value, str) else None
    if isinstance(key, Raw):
        return key.yaml
    return key


def from_data(value):
    """A tree from JSON data (dicts keep their order)."""
    if isinstance(value, dict):
        return Map([(k, from_data(v)) for k, v in value.items()])
    if isinstance(value, list):
        return Seq([from_data(v) for v in value])
    return Scalar(value)


def copy(node):
    if isinstance(node, Map):
        new = Map([(k, copy(v)) for k, v in node.pairs], node.flow)
    elif isinstance(node, Seq):
        new = Seq([copy(v) for v in node.items], node.flow)
    elif isinstance(node, Scalar):
        new = Scalar(node.value, node.style, node.chomp)
    elif isinstance(node, Raw):
        new = Raw(node.yaml, node.json)
    else:
        new = Alias(node.name)
    new.tag, new.anchor = node.tag, node.anchor
    return new


# ---- YAML -------------------------------------------------------------------

# Words YAML 1.1 or 1.2 read as something other than text, in any case.
SPECIAL_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
                 "nan", "inf", "infinity"}
PLAIN_SAFE = re.compile(r"[A-Za-z/][A-Za-z0-9 _./@+=()-]*\Z")


def plain_is_text(s):
    """Whether s written plainly is read back as the same text."""
    return (bool(PLAIN_SAFE.match(s)) and not s.endswith(" ")
            and s.lower() not in SPECIAL_WORDS and ": " not in s and " #" not in s)


def escape_double(s):
    """A double-quoted YAML scalar of s: control characters, line and
    paragraph separators, the byte-order mark and surrogates escaped; other
    characters as they are."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF) or 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def yaml_float(f):
    if math.isnan(f):
        return ".nan"
    if math.isinf(f):
        return ".inf" if f > 0 else "-.inf"
    text = repr(f)
    if "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = mantissa + ".0e" + exponent
    return text


def yaml_scalar(node, indent, in_flow=False):
    """The text of a scalar: one line, or a block scalar's lines (never in
    a flow collection, where it is double-quoted instead)."""
    v = node.value
    style = node.style
    if v is None:
        return "null" if style != "empty" else ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return yaml_float(v)
    if style is None:
        style = "plain" if plain_is_text(v) else "double"
    if style == "plain":
        return v
    if style == "single":
        return "'" + v.replace("'", "''") + "'"
    if style in ("literal", "folded") and in_flow:
        style = "double"
    if style in ("literal", "folded"):
        lines = v.split("\n")
        if v.endswith("\n"):
            lines = lines[:-1]
        pad = " " * (indent + 2)
        return ("|" if style == "literal" else ">") + node.chomp + "".join(
            "\n" + (pad + line if line else "") for line in lines)
    return escape_double(v)


def props(node):
    parts = []
    if node.anchor:
        parts.append("&" + node.anchor)
    if node.tag:
        parts.append(node.tag)
    return " ".join(parts)


def yaml_inline(node, indent=0, in_flow=False):
    """A node on one line (flow style), or a block scalar."""
    p = props(node)
    prefix = p + " " if p else ""
    if isinstance(node, Alias):
        return "*" + node.name
    if isinstance(node, Raw):
        return prefix + node.yaml
    if isinstance(node, Scalar):
        text = yaml_scalar(node, indent, in_flow)
        return (prefix + text) if text != "" else p
    if isinstance(node, Map):
        inner = ", ".join(yaml_key(k) + ": " + yaml_inline(v, indent, True) if not is_empty_value(v)
                          else yaml_key(k) + ":" for k, v in node.pairs)
        return prefix + "{" + inner + "}"
    inner = ", ".join(yaml_inline(v, indent, True) for v in node.items)
    return prefix + "[" + inner + "]"


def is_empty_value(node):
    return isinstance(node, Scalar) and node.style == "empty" and not props(node)


def yaml_key(key):
    if isinstance(key, (Scalar, Raw)):
        return yaml_inline(key, 0, True)
    if plain_is_text(key) or key == "<<":
        return key
    return escape_double(key)


def is_block(node):
    return isinstance(node, (Map, Seq)) and not node.flow and (
        node.pairs if isinstance(node, Map) else node.items)


def yaml_block(node, indent):
    """Lines of a block collection at indent."""
    pad = " " * indent
    lines = []
    if isinstance(node, Map):
        for k, v in node.pairs:
            head = pad + yaml_key(k) + ":"
            if is_block(v):
                p = props(v)
                lines.append(head + (" " + p if p else ""))
                lines.extend(yaml_block(v, indent + 2))
            else:
                text = yaml_inline(v, indent)
                lines.append(head + (" " + text if text else ""))
        return lines
    for v in node.items:
        if is_block(v):
            p = props(v)
            child = yaml_block(v, indent + 2)
            if p:
                lines.append(pad + "- " + p)
                lines.extend(child)
            else:
                lines.append(pad + "- " + child[0][indent + 2:])
                lines.extend(child[1:])
        else:
            text = yaml_inline(v, indent)
            lines.append(pad + "-" + (" " + text if text else ""))
    return lines


def to_yaml(root, flow=False):
    if flow or not is_block(root):
        return yaml_inline(root) + "\n"
    p = props(root)
    lines = ([p] if p else []) + yaml_block(root, 0)
    return "\n".join(lines) + "\n"


# ---- JSON -------------------------------------------------------------------

def json_text(node, indent, ascii_only):
    pad = "  " * indent
    if isinstance(node, Raw):
        return node.json
    if isinstance(node, Alias):
        return '"*' + node.name + '"'
    if isinstance(node, Scalar):
        v = node.value
        if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
            return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
        return json.dumps(v, ensure_ascii=ascii_only)
    if isinstance(node, Map):
        if not node.pairs:
            return "{}"
        members = []
        for k, v in node.pairs:
            if isinstance(k, Raw):
                key = k.json
            else:
                key = json.dumps(key_text(k) if key_text(k) is not None else str(k.value),
                                 ensure_ascii=ascii_only)
            members.append(pad + "  " + key + ": " + json_text(v, indent + 1, ascii_only))
        return "{\n" + ",\n".join(members) + "\n" + pad + "}"
    if not node.items:
        return "[]"
    return "[\n" + ",\n".join(pad + "  " + json_text(v, indent + 1, ascii_only)
                             for v in node.items) + "\n" + pad + "]"


def to_json(root, ascii_only=False):
    return json_text(root, 0, ascii_only) + "\n"
