"""Mutants of valid create, update and stop requests, from a fixed seed.

Each mutant starts from a valid request of its kind (BASES), is written as
block YAML, flow YAML or JSON, and gets one or more mutations: a member
dropped, added, renamed or repeated, a value of another type or at a
documented boundary, the plain YAML scalars that are not text (dates, yes,
0x1F, 1e3, .nan), tags, anchors, aliases and merge keys, quoting and block
scalars, timestamps in every form, non-ASCII and control characters, long
strings, nulls, lists for mappings, and changes of the bytes themselves
(line endings, a byte-order mark, tabs, comments, a second document,
truncation). The same seed gives the same mutants, byte for byte.

    python3 mutants.py --seed 1 --count 300 --out DIR [--max-mutations 1]

writes DIR/KIND/NNNN.yaml (or .json) and DIR/manifest.json, which says for
each mutant its kind, file and mutations. The kind "cloudformation" makes
templates instead: the mutations go to the experiment's Properties, with
intrinsic functions and the properties only templates have among them.
"""

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docs  # noqa: E402
from docs import Map, Seq, Scalar, Raw, Alias  # noqa: E402

KINDS = ("create", "update", "stop")

# The valid requests mutants start from, relative to testdata/. Named here
# rather than found, so that a new case does not change every mutant.
BASES = {
    "create": ["cases/create/clean.json", "cases/create/shape/base.json"],
    "update": ["examples/clean-request.json", "cases/shape/base.json"],
    "stop": ["cases/stop/clean.json", "cases/stop/shape/base.json"],
}

ROOT_SHAPES = {
    "create": "CreateInferenceExperimentRequest",
    "update": "UpdateInferenceExperimentRequest",
    "stop": "StopInferenceExperimentRequest",
    "cloudformation": "InferenceExperimentResource",
}

# Templates: the experiment's Properties are mutated; the rest of the
# template is one of these, with the Properties put back in place. The
# create requests give plain properties; the template case gives
# parameters, conditions and intrinsic functions.
TEMPLATE_BASES = [
    ("cases/create/clean.json", None),
    ("cases/create/shape/base.json", None),
    ("cases/cloudformation/clean.json", ["Resources", "Experiment", "Properties"]),
]
PLAIN_TEMPLATE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {"Experiment": {"Type": "AWS::SageMaker::InferenceExperiment",
                                 "Properties": None}},
}

# Members of one request that another lacks.
MEMBERS_OF_KIND = {
    "create": ["Type", "RoleArn", "EndpointName", "Tags", "KmsKey"],
    "update": ["Schedule", "ModelVariants", "ShadowModeConfig", "DataStorageConfig"],
    "stop": ["ModelVariantActions", "DesiredModelVariants", "DesiredState", "Reason"],
    "cloudformation": ["DesiredState", "StatusReason", "Arn", "Status", "CreationTime",
                       "EndpointMetadata"],
}

# Times near the base documents' schedule (2030-01-03 to 2030-01-17).
TIMESTAMP_STRINGS = [
    "2030-01-10T00:00:00Z", "2030-01-10T00:00:00.123Z", "2030-01-10T02:00:00+02:00",
    "2030-01-10T00:00:00-05:00", "2030-01-10", "2030-01-10T00:00:00", "2030-01-10 00:00:00",
    "2030-01-10T00:00Z", "2030-01-10T00Z", "Thu, 10 Jan 2030 00:00:00 GMT",
    "Thu, 10 Jan 2030 00:00:00 +0000", "1894233600", "1894233600.5", " 1894233600 ",
    "+1894233600", "1_894_233_600", "1.8942336e9", "0x70e7a800", "garbage", "", " ",
    "2030-02-30T00:00:00Z", "2030-13-01T00:00:00Z", "2030-01-10T24:00:00Z",
    "2030-01-10T23:59:60Z", "2030-01-10T25:00:00Z", "10000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2030/01/10", "01/10/2030",
    "10.01.2030", "20300110", "20300110T000000Z", "2030-01-10T000000Z", "Jan 10 2030",
    "10 Jan 2030 12:00", "January 10, 2030 3pm", "2030-01-10T00:00:00 EST",
    "2030-01-10T00:00:00 UTC", "2030-01-10T00:00:00 CET", "2030-01-10T00:00:00+24:00",
    "2030-W02-4", "2030-010", "2030-01-10T00:00:00ZZ", "2030-01-10 T 00:00:00",
    "inf", "nan", "NaN", "-inf", "1e20", "-1", "0", "99999999999999",
    "\uff12\uff10\uff13\uff10-01-10T00:00:00Z", "\u0661\u0668\u0669\u0664\u0662\u0663\u0663\u0666\u0660\u0660",
    "2030-01-10T00:00:00Z\u00a0", "2030\u201001\u201010", "\uff11\uff18\uff19\uff14\uff12\uff13\uff13\uff16\uff10\uff10",
    "2030-01-10T00:00:00\u00b1", "tomorrow", "Monday", "2030-01-10T00:00:00Z garbage",
]
TIMESTAMP_NUMBERS = [1894233600, 1894233600.5, 0, -1, 1, -62135596800, 253402300799,
                     253402300800, 10 ** 12, 10 ** 20, 1e20, -1e20, 1894233600000]

INTEGERS = [-1, 0, 1, 2, 99, 100, 101, 2147483647, 2147483648, -2147483648,
            -2147483649, 2 ** 63, 10 ** 30]

STRINGS = ["", " ", "a", "A1", "x-y", "trailing-", "-leading", "under_score", "dot.ted",
           "UPPER", "123", "0", "null", "true", "yes", "~", "2030-01-10", "0x1F", "1e3",
           "line\nbreak", "tab\there", "caf\u00e9", "\u65e5\u672c\u8a9e", "emoji\U0001F600",
           "ctl\x01char", "del\x7f", "nel\x85", "ls\u2028sep", "nbsp\u00a0", "zero\u200bwidth",
           "  padded  ", "a/b", "*star", "&amp", "#hash", "key: value", "- item", "[x]", "{x}",
           "%pct", "@at", "`tick", "'single'", "\"double\"", "back\\slash", "a" * 63,
           "a" * 64, "a" * 120, "a" * 121, "a" * 1024, "a" * 1025, "b" * 5000, "\ufeffbom",
           "bidi\u202ename"]

ENUM_EDITS = ["lower", "upper", "space", "drop", "other"]

PLAIN_TRAPS = ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "true", "True", "TRUE",
               "false", "null", "Null", "NULL", "~", "0x1F", "0o17", "0b101", "017", "1_000",
               "+5", "-0", "1e3", "1.0e+3", "1.", ".5", ".inf", "-.inf", ".nan", ".NaN",
               "NaN", "Infinity", "12:30", "12:30:45", "2030-01-10", "2030-1-1",
               "2030-01-10T00:00:00Z", "2030-01-10 00:00:00", "2030-01-10t00:00:00z",
               "2030-01-10T00:00:00.5+01:00", "2030-01-10 00:00:00 +1", "1e400", "0x",
               "2", "10", "-10", "0.0", "1,000", "$1", "=", "<<"]

TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!binary",
        "!!map", "!!seq", "!!omap", "!!set", "!custom", "!Ref", "!<tag:yaml.org,2002:str>",
        "!<tag:yaml.org,2002:int>", "!!python/name:os.system", "!", "!!merge", "!!value"]


class Shapes:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.shapes = json.load(f)["shapes"]

    def __getitem__(self, name):
        return self.shapes[name]

    def members(self, name):
        shape = self.shapes.get(name) or {}
        return dict(shape.get("members", []))


class Slot:
    """A place in the tree: the container, the key or index, the node and
    its shape (None where the shape does not say)."""

    def __init__(self, parent, key, node, shape, path):
        self.parent, self.key, self.node, self.shape, self.path = parent, key, node, shape, path

    def replace(self, new):
        if isinstance(self.parent, Map):
            k, _ = self.parent.pairs[self.key]
            self.parent.pairs[self.key] = (k, new)
        elif isinstance(self.parent, Seq):
            self.parent.items[self.key] = new
        self.node = new


def slots(root, shapes, root_shape):
    out = [Slot(None, None, root, root_shape, "")]

    def walk(node, shape_name, path):
        shape = shapes.shapes.get(shape_name) if shape_name else None
        if isinstance(node, Map):
            members = shapes.members(shape_name) if shape and shape["type"] == "structure" else {}
            for i, (k, v) in enumerate(node.pairs):
                name = docs.key_text(k)
                if shape and shape["type"] == "map":
                    child = shape["value"]
                else:
                    child = members.get(name)
                p = (path + "." if path else "") + str(name)
                out.append(Slot(node, i, v, child, p))
                walk(v, child, p)
        elif isinstance(node, Seq):
            child = shape.get("member") if shape and shape["type"] == "list" else None
            for i, v in enumerate(node.items):
                p = "%s[%d]" % (path, i)
                out.append(Slot(node, i, v, child, p))
                walk(v, child, p)

    walk(root, root_shape, "")
    return out


class Mutant:
    def __init__(self, kind, base, tree, form):
        self.kind, self.base, self.tree, self.form = kind, base, tree, form
        self.flow = False            # YAML written as one flow mapping
        self.skeleton = None         # a template's data around the tree
        self.properties_path = None  # where in the skeleton the tree goes
        self.mutations = []          # "operator: detail"
        self.text_edits = []         # changes of the written text
        self.anchors = 0

    def new_anchor(self):
        self.anchors += 1
        return "a%d" % self.anchors


# ---- values -------------------------------------------------------------------

def shape_type(shapes, name):
    return shapes[name]["type"] if name and name in shapes.shapes else None


def value_for(rng, shapes, shape_name, current):
    """A replacement value for a slot of this shape: mostly near what the
    shape takes, sometimes of another type."""
    kind = shape_type(shapes, shape_name)
    shape = shapes[shape_name] if kind else {}
    r = rng.random()
    if r < 0.2 or kind is None:
        return other_type(rng)
    if kind == "string":
        if shape.get("enum") and rng.random() < 0.6:
            return enum_edit(rng, shape["enum"], current)
        if rng.random() < 0.25 and "max" in shape:
            n = rng.choice([shape["max"], shape["max"] + 1, max(shape.get("min", 0) - 1, 0),
                            shape.get("min", 0)])
            return Scalar(string_of_length(rng, n, current)), "length %d" % n
        s = rng.choice(STRINGS)
        return Scalar(s), "string %r" % short(s)
    if kind == "integer":
        if rng.random() < 0.7:
            n = rng.choice(INTEGERS)
            return Scalar(n), "integer %d" % n
        n = rng.choice([1.0, 1.5, 2.0, -0.0, 1e3, float("nan"), float("inf"), "2", " 2", "two",
                        True, False])
        return Scalar(n), "not an integer %r" % (n,)
    if kind == "timestamp":
        if rng.random() < 0.75:
            s = rng.choice(TIMESTAMP_STRINGS)
            return Scalar(s), "timestamp %r" % s
        n = rng.choice(TIMESTAMP_NUMBERS + [True, False])
        return Scalar(n), "timestamp %r" % (n,)
    if kind == "list":
        item = shape["member"]
        choice = rng.randrange(4)
        if choice == 0:
            return Seq([]), "empty list"
        if choice == 1 and isinstance(current, Seq) and current.items:
            n = rng.choice([shape.get("max", 2) + 1, 3, 11, 51])
            return Seq([docs.copy(current.items[i % len(current.items)]) for i in range(n)]), \
                "list of %d" % n
        if choice == 2 and isinstance(current, Seq) and current.items:
            return docs.copy(current.items[0]), "an item for its list"
        return other_type(rng)[0], "other type for list of %s" % item
    if kind in ("structure", "map"):
        choice = rng.randrange(3)
        if choice == 0:
            return Map([]), "empty mapping"
        if choice == 1 and isinstance(current, Map):
            return Seq([docs.copy(v) for _, v in current.pairs]), "list of its values"
        if choice == 1:
            return Seq([docs.copy(current)]), "list of it"
        return other_type(rng)
    return other_type(rng)


def other_type(rng):
    choices = [
        (Scalar(None), "null"), (Scalar(None, "empty"), "empty value"), (Raw("~"), "~"),
        (Scalar(True), "true"), (Scalar(False), "false"), (Scalar(1), "1"), (Scalar(0), "0"),
        (Scalar(1.5), "1.5"), (Scalar("text"), "text"), (Seq([]), "[]"), (Map([]), "{}"),
        (Seq([Scalar("x")]), "[x]"), (Map([("a", Scalar("b"))]), "{a: b}"),
        (Raw("2030-01-10", '"2030-01-10"'), "plain date"),
        (Raw("2030-01-10T00:00:00Z", '"2030-01-10T00:00:00Z"'), "plain datetime"),
    ]
    return rng.choice(choices)


def enum_edit(rng, values, current):
    base = current.value if isinstance(current, Scalar) and isinstance(current.value, str) \
        else rng.choice(values)
    edit = rng.choice(ENUM_EDITS)
    if edit == "lower":
        s = base.lower()
    elif edit == "upper":
        s = base.upper()
    elif edit == "space":
        s = base + " "
    elif edit == "drop" and len(base) > 1:
        i = rng.randrange(len(base))
        s = base[:i] + base[i + 1:]
    else:
        s = rng.choice(values)
    return Scalar(s), "enum %s %r" % (edit, s)


def string_of_length(rng, n, current):
    seed = current.value if isinstance(current, Scalar) and isinstance(current.value, str) \
        and current.value else "a"
    if rng.random() < 0.3:
        seed = rng.choice(["\u00e9", "\U0001F600", "\u65e5"])
    s = (seed * (n // len(seed) + 1))[:n]
    return s


def short(s):
    return s if len(s) <= 24 else s[:20] + "...(%d)" % len(s)


# ---- the mutations ----------------------------------------------------------------
# Each takes (rng, mutant, ctx) and returns a description, or None when it
# does not apply to the mutant (the generator then tries another).

def pick(rng, items):
    return rng.choice(items) if items else None


def maps_of(m, ctx, structure_only=False):
    found = [s for s in slots(m.tree, ctx.shapes, ROOT_SHAPES[m.kind]) if isinstance(s.node, Map)]
    if structure_only:
        found = [s for s in found if shape_type(ctx.shapes, s.shape) == "structure"]
    return found


def all_slots(m, ctx):
    return slots(m.tree, ctx.shapes, ROOT_SHAPES[m.kind])[1:]


def pick_value(rng, m, ctx, candidates):
    """A slot of the candidates; a third of the time one of a timestamp or
    an integer, the members whose reading differs most between readers."""
    typed = [s for s in candidates if shape_type(ctx.shapes, s.shape) in ("timestamp", "integer")]
    if typed and rng.random() < 0.35:
        return rng.choice(typed)
    return pick(rng, candidates)


def drop_member(rng, m, ctx):
    s = pick(rng, [s for s in maps_of(m, ctx) if s.node.pairs])
    if not s:
        return None
    i = rng.randrange(len(s.node.pairs))
    key = docs.key_text(s.node.pairs[i][0])
    del s.node.pairs[i]
    return "drop-member: %s.%s" % (s.path or "(root)", key)


def misspell(rng, name):
    edits = ["lower", "upper", "drop", "swap", "space", "plural", "prefix"]
    edit = rng.choice(edits)
    if edit == "lower":
        return name[0].lower() + name[1:]
    if edit == "upper":
        return name.upper()
    if edit == "drop" and len(name) > 2:
        i = rng.randrange(len(name))
        return name[:i] + name[i + 1:]
    if edit == "swap" and len(name) > 2:
        i = rng.randrange(len(name) - 1)
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if edit == "space":
        return name + " "
    if edit == "plural":
        return name + "s"
    return "x" + name


def add_member(rng, m, ctx):
    s = pick(rng, maps_of(m, ctx))
    if not s:
        return None
    members = list(ctx.shapes.members(s.shape)) or ["Name"]
    choice = rng.randrange(5)
    if choice == 0:
        name = misspell(rng, rng.choice(members))
    elif choice == 1 and s.path == "":
        other = [k for k in KINDS if k != m.kind]
        name = rng.choice(MEMBERS_OF_KIND[rng.choice(other)])
    elif choice == 2:
        name = rng.choice(["EndTime", "InstanceCount", "VariantName", "Key", "Status", "Arn",
                           "StatusReason", "CreationTime", "<<", "", "caf\u00e9", "Name",
                           "$schema", "x-extra"])
    else:
        name = misspell(rng, rng.choice(members))
    existing = [docs.key_text(k) for k, _ in s.node.pairs]
    value = docs.copy(rng.choice(s.node.pairs)[1]) if s.node.pairs and rng.random() < 0.5 \
        else Scalar("value")
    if name == "<<" and m.form == "yaml" and rng.random() < 0.5:
        name = Scalar("<<", "double")  # a quoted << is an ordinary key
    s.node.pairs.insert(rng.randrange(len(s.node.pairs) + 1), (name, value))
    what = "duplicate" if docs.key_text(name) in existing else "add-member"
    return "%s: %s.%s" % (what, s.path or "(root)", docs.key_text(name))


def rename_member(rng, m, ctx):
    s = pick(rng, [s for s in maps_of(m, ctx) if s.node.pairs])
    if not s:
        return None
    i = rng.randrange(len(s.node.pairs))
    k, v = s.node.pairs[i]
    name = misspell(rng, docs.key_text(k) or "x")
    s.node.pairs[i] = (name, v)
    return "rename-member: %s.%s -> %r" % (s.path or "(root)", docs.key_text(k), name)


def duplicate_key(rng, m, ctx):
    s = pick(rng, [s for s in maps_of(m, ctx) if s.node.pairs])
    if not s:
        return None
    i = rng.randrange(len(s.node.pairs))
    k, v = s.node.pairs[i]
    if rng.random() < 0.5:
        new = docs.copy(v)
        same = "same value"
    else:
        new, same = value_for(rng, ctx.shapes, member_shape(ctx, s, k), v)
    at = rng.randrange(i + 1, len(s.node.pairs) + 1)
    s.node.pairs.insert(at, (k, new))
    return "duplicate-key: %s.%s (%s)" % (s.path or "(root)", docs.key_text(k), same)


def member_shape(ctx, s, key):
    shape = ctx.shapes.shapes.get(s.shape) if s.shape else None
    if shape and shape["type"] == "map":
        return shape["value"]
    return ctx.shapes.members(s.shape).get(docs.key_text(key))


def replace_value(rng, m, ctx):
    s = pick_value(rng, m, ctx, all_slots(m, ctx))
    if not s:
        return None
    new, what = value_for(rng, ctx.shapes, s.shape, s.node)
    s.replace(new)
    return "replace-value: %s = %s" % (s.path, what)


def scalar_slots(m, ctx):
    return [s for s in all_slots(m, ctx) if isinstance(s.node, Scalar)]


def plain_trap(rng, m, ctx):
    if m.form == "json":
        return None
    s = pick_value(rng, m, ctx, scalar_slots(m, ctx))
    if not s:
        return None
    token = rng.choice(PLAIN_TRAPS)
    s.replace(Raw(token))
    return "plain-scalar: %s = %s" % (s.path, token)


# Tags that change, or only restate, how a value of each type is read.
TAGS_FOR = {
    "integer": ["!!int", "!!float", "!!str", "!", "!!bool"],
    "string": ["!!str", "!", "!!binary", "!!int", "!!float"],
    "timestamp": ["!!timestamp", "!!str", "!!int", "!!float", "!"],
    "list": ["!!seq", "!!set", "!!omap"],
    "structure": ["!!map", "!!omap", "!!set", "!"],
    "map": ["!!map", "!!omap", "!"],
}
TIMESTAMP_VALUES = [1894233600, "1894233600", "2030-01-10", "2030-01-10T00:00:00Z",
                    "2030-01-10 00:00:00", 1894233600.5, "1.8942336e9"]


def tag_node(rng, m, ctx):
    """A tag on a value: mostly one of its type's (or a near type's), which
    the AWS CLI's loader honours; sometimes any tag at all."""
    if m.form == "json":
        return None
    s = pick_value(rng, m, ctx, all_slots(m, ctx) +
                   [slots(m.tree, ctx.shapes, ROOT_SHAPES[m.kind])[0]])
    if isinstance(s.node, (Alias,)):
        return None
    kind = shape_type(ctx.shapes, s.shape)
    if kind in TAGS_FOR and rng.random() < 0.7:
        tag = rng.choice(TAGS_FOR[kind])
        if kind == "timestamp" and rng.random() < 0.7:
            value = rng.choice(TIMESTAMP_VALUES)
            s.replace(Scalar(value, "plain" if isinstance(value, str) and rng.random() < 0.5
                             else None))
        elif kind == "integer" and rng.random() < 0.5:
            s.replace(Raw(rng.choice(["2", "0x10", "1e2", "2.0", '"2"', "'3'", "017", "+4"])))
        s.node.tag = tag
        return "tag: %s = %s" % (s.path, docs.yaml_inline(s.node, 0, True))
    tag = rng.choice(TAGS)
    if isinstance(s.node, Raw):
        s.replace(Scalar(s.node.yaml, "plain"))
    s.node.tag = tag
    if isinstance(s.node, Scalar) and rng.random() < 0.3:
        s.node.style = rng.choice(["plain", "double", "single"])
    return "tag: %s %s" % (s.path or "(root)", tag)


def alias_copy(rng, m, ctx):
    """Anchors a node and puts an alias of it in another place: of the same
    shape (valid), of another (usually not), or of a name never anchored."""
    if m.form == "json":
        return None
    everything = all_slots(m, ctx)
    if len(everything) < 2:
        return None
    choice = rng.randrange(10)
    if choice == 0:
        target = pick(rng, everything)
        target.replace(Alias("nowhere"))
        return "alias: %s = *nowhere (no such anchor)" % target.path
    # An anchor must come before its alias, in document order.
    i = rng.randrange(len(everything) - 1)
    source = everything[i]
    later = [s for s in everything[i + 1:] if not s.path.startswith(source.path + ".")
             and not s.path.startswith(source.path + "[")]
    same = [s for s in later if s.shape == source.shape and s.shape]
    target = pick(rng, same) if same and choice < 8 else pick(rng, later)
    if not target or isinstance(source.node, (Alias,)):
        return None
    name = source.node.anchor or m.new_anchor()
    source.node.anchor = name
    target.replace(Alias(name))
    return "alias: %s = *%s of %s" % (target.path, name, source.path)


def merge_key(rng, m, ctx):
    """Writes some members of a mapping through a merge key: from a mapping
    written in place, from an alias of an equal mapping, or a list of them;
    sometimes with a member beside the merge key that overrides one merged."""
    if m.form == "json":
        return None
    s = pick(rng, [s for s in maps_of(m, ctx, structure_only=True) if len(s.node.pairs) >= 1])
    if not s:
        return None
    pairs = s.node.pairs
    n = rng.randint(1, len(pairs))
    chosen = sorted(rng.sample(range(len(pairs)), n))
    merged = Map([pairs[i] for i in chosen], flow=rng.random() < 0.5)
    rest = [p for i, p in enumerate(pairs) if i not in chosen]
    how = "in place"
    value = merged
    if rng.random() < 0.3 and len(merged.pairs) > 1:
        half = len(merged.pairs) // 2
        value = Seq([Map(merged.pairs[:half], True), Map(merged.pairs[half:], True)], flow=True)
        how = "list of two"
    if rng.random() < 0.3 and merged.pairs:
        k, v = rng.choice(merged.pairs)
        rest.append((k, docs.copy(v)))
        how += ", one overridden"
    if rng.random() < 0.15:
        how += ", an unknown member merged"
        merged.pairs.append(("Unknwon", Scalar("x")))
    at = rng.randrange(len(rest) + 1)
    s.node.pairs = rest[:at] + [("<<", value)] + rest[at:]
    return "merge-key: %s (%d of %d members, %s)" % (s.path or "(root)", n, len(pairs), how)


def merge_alias(rng, m, ctx):
    """The second of two mappings of the same shape merges the first."""
    if m.form == "json":
        return None
    found = maps_of(m, ctx, structure_only=True)
    for i, a in enumerate(found):
        later = found[i + 1:]
        rng.shuffle(later)
        for b in later:
            if a.shape == b.shape and not b.path.startswith(a.path + ".") and b.node.pairs:
                name = a.node.anchor or m.new_anchor()
                a.node.anchor = name
                keep = [p for p in b.node.pairs if rng.random() < 0.5]
                b.node.pairs = [("<<", Alias(name))] + keep
                return "merge-key: %s merges *%s of %s, keeps %d of its own" % (
                    b.path, name, a.path, len(keep))
    return None


def list_map_swap(rng, m, ctx):
    s = pick(rng, [s for s in all_slots(m, ctx) if isinstance(s.node, (Map, Seq, Scalar))])
    if not s:
        return None
    if isinstance(s.node, Map):
        s.replace(Seq([docs.copy(s.node)]) if rng.random() < 0.5
                  else Seq([docs.copy(v) for _, v in s.node.pairs]))
        return "list-for-map: %s" % s.path
    if isinstance(s.node, Seq):
        if s.node.items and rng.random() < 0.5:
            s.replace(docs.copy(s.node.items[0]))
            return "item-for-list: %s" % s.path
        s.replace(Map([(str(i), docs.copy(v)) for i, v in enumerate(s.node.items)]))
        return "map-for-list: %s" % s.path
    s.replace(Seq([docs.copy(s.node)]))
    return "list-for-scalar: %s" % s.path


def quoting(rng, m, ctx):
    s = pick(rng, [s for s in scalar_slots(m, ctx) if isinstance(s.node.value, str)])
    if not s:
        return None
    style = rng.choice(["plain", "single", "double", "literal", "folded", "escapes"])
    if m.form == "json":
        if style != "escapes":
            return None
    if style == "escapes":
        text = s.node.value
        escaped = "".join(rng.choice(["\\u%04x" % ord(c), c]) if ord(c) < 0x10000 else c
                          for c in text)
        s.replace(Raw('"' + escaped.replace('"', '\\"') + '"'))
        return "escapes: %s" % s.path
    if style == "plain" and not docs.plain_is_text(s.node.value):
        return None
    s.node.style = style
    if style in ("literal", "folded"):
        s.node.chomp = rng.choice(["", "-", "+"])
        if rng.random() < 0.3:
            s.node.value = s.node.value + "\nsecond line"
    return "quoting: %s %s%s" % (s.path, style, s.node.chomp)


def json_escape(rng, m, ctx):
    if m.form != "json":
        return None
    s = pick_value(rng, m, ctx, scalar_slots(m, ctx))
    if not s:
        return None
    token = rng.choice([
        '"\\ud800"', '"a\\udc00b"', '"\\ud83d\\ude00"', '"\\u0000"', '"\\u001f"', '"\\u007f"',
        '"\\u2028"', '"\\/"', '"\\u00e9t\\u00e9"', '"caf\\u00e9"', '"tab\\there"',
        '"nl\\nhere"', "1E2", "1e400", "-0", "2.0", "1.0e0", "10000000000000000000000",
        "-1", "NaN", "Infinity", "-Infinity", "true", "null", "[]", "{}", '"2"', "0.5",
        "2.5e-1", "1e-400", '"\\ufeffx"', '"\\ud800\\ud800"', '"\\uDFFF"',
    ])
    s.replace(Raw(token, token))
    return "json-token: %s = %s" % (s.path, token)


def non_ascii(rng, m, ctx):
    s = pick_value(rng, m, ctx, [s for s in scalar_slots(m, ctx)
                                 if isinstance(s.node.value, str)])
    if not s:
        return None
    ch = rng.choice(["\u00e9", "\u00df", "\u0130", "\u03a3", "\u0416", "\u05d0", "\u0661",
                     "\u4e2d", "\uff21", "\U0001F600", "\U00010348", "\u0301", "\u200d",
                     "\u00a0", "\u3000", "\u2028", "\u0085", "\ufeff", "\ufffd", "\U0010FFFF"])
    v = s.node.value
    at = rng.randrange(len(v) + 1)
    s.node.value = v[:at] + ch + v[at:]
    return "non-ascii: %s gets U+%04X" % (s.path, ord(ch))


def kind_mix(rng, m, ctx):
    other = rng.choice([k for k in KINDS + ("cloudformation",) if k != m.kind])
    name = rng.choice(MEMBERS_OF_KIND[other])
    if not isinstance(m.tree, Map) or m.tree.get(name) is not None:
        return None
    examples = {"Type": Scalar("ShadowMode"),
                "RoleArn": Scalar("arn:aws:iam::123456789012:role/service-role/Role"),
                "EndpointName": Scalar("fraud-model-endpoint"),
                "Tags": Seq([Map([("Key", Scalar("team")), ("Value", Scalar("x"))])]),
                "KmsKey": Scalar("alias/my-key"),
                "Schedule": Map([("EndTime", Scalar("2030-01-17T00:00:00Z"))]),
                "ModelVariants": Seq([]), "ShadowModeConfig": Map([]),
                "DataStorageConfig": Map([("Destination", Scalar("s3://bucket/x"))]),
                "ModelVariantActions": Map([("shadow", Scalar("Promote"))]),
                "DesiredModelVariants": Seq([]), "DesiredState": Scalar("Completed"),
                "Reason": Scalar("done")}
    examples.update({"StatusReason": Scalar("The shadow model did better."),
                     "Arn": Scalar("arn:aws:sagemaker:us-east-1:123456789012:"
                                   "inference-experiment/x"),
                     "Status": Scalar("Running"),
                     "CreationTime": Scalar("2030-01-01T00:00:00Z"),
                     "EndpointMetadata": Map([("EndpointName", Scalar("e"))])})
    m.tree.pairs.append((name, examples[name]))
    return "kind-mix: a %s member %s" % (other, name)


def whole_document(rng, m, ctx):
    choice = rng.randrange(6)
    if choice == 0:
        m.tree = Seq([m.tree])
        return "root: a list of the request"
    if choice == 1:
        m.tree = Scalar(rng.choice(["text", 1, None, True]))
        return "root: a scalar"
    if choice == 2:
        m.tree = Map([])
        return "root: empty mapping"
    if choice == 3 and m.form == "yaml":
        m.tree.tag = rng.choice(["!!map", "!!omap", "!!str", "!!set"])
        return "root: tagged %s" % m.tree.tag
    if choice == 4 and m.form == "yaml":
        m.tree.anchor = "root"
        return "root: anchored"
    minimal = {"create": ["Name", "Type", "RoleArn", "EndpointName", "ModelVariants",
                          "ShadowModeConfig"],
               "cloudformation": ["Name", "Type", "RoleArn", "EndpointName", "ModelVariants",
                                  "ShadowModeConfig"],
               "update": ["Name"], "stop": ["Name", "ModelVariantActions"]}[m.kind]
    if isinstance(m.tree, Map):
        m.tree.pairs = [p for p in m.tree.pairs if docs.key_text(p[0]) in minimal]
        return "root: required members only"
    return None


def intrinsic(rng, m, ctx):
    """A value of a template's property made an intrinsic function: a Ref
    to a parameter (with a Default, without one, or none such), Fn::Sub,
    Fn::If, Fn::GetAtt, Ref AWS::NoValue; in YAML the short tag or the long
    form."""
    if m.kind != "cloudformation":
        return None
    s = pick_value(rng, m, ctx, all_slots(m, ctx))
    if not s:
        return None
    yaml = m.form == "yaml" and rng.random() < 0.6
    choice = rng.randrange(7)
    if choice == 0:
        name = rng.choice(["ExperimentName", "ShadowModel", "Stage", "Missing", "AWS::Region",
                           "AWS::StackName"])
        node = Raw("!Ref " + name) if yaml else Map([("Ref", Scalar(name))])
        what = "Ref " + name
    elif choice == 1:
        text = rng.choice(["x-${AWS::Region}", "${AWS::StackName}", "plain", "${Missing}",
                           "s3://b-${AWS::AccountId}/p"])
        node = Raw("!Sub " + docs.escape_double(text)) if yaml else Map([("Fn::Sub", Scalar(text))])
        what = "Sub " + text
    elif choice == 2:
        other, _ = value_for(rng, ctx.shapes, s.shape, s.node)
        node = Map([("Fn::If", Seq([Scalar(rng.choice(["IsProd", "Missing"])),
                                     docs.copy(s.node), other], flow=True))])
        what = "If with %s" % _
    elif choice == 3:
        target = rng.choice(["Endpoint.EndpointName", "ExperimentRole.Arn", "Missing.Arn",
                             "Endpoint.Nope"])
        node = Raw("!GetAtt " + target) if yaml else \
            Map([("Fn::GetAtt", Seq([Scalar(p) for p in target.split(".")]))])
        what = "GetAtt " + target
    elif choice == 4:
        node = Raw("!Ref AWS::NoValue") if yaml else Map([("Ref", Scalar("AWS::NoValue"))])
        what = "Ref AWS::NoValue"
    elif choice == 5:
        node = Map([(rng.choice(["Fn::Nope", "Ref", "Fn::Join", "Fn::Select"]),
                     rng.choice([Scalar("x"), Seq([]), Seq([Scalar(","), Seq([Scalar("a")])])]))])
        what = "function " + docs.key_text(node.pairs[0][0])
    else:
        node = Raw(rng.choice(["!Ref", "!Sub", "!Nope x", "!GetAtt", "!If [IsProd, a]",
                               "!Join [',', [a, b]]", "!Select [0, [a]]",
                               "!FindInMap [M, a, b]", "!ImportValue x", "!Base64 x"])) \
            if m.form == "yaml" else Map([("Fn::Base64", Scalar("x"))])
        what = "short form %s" % (node.yaml if isinstance(node, Raw) else "Fn::Base64")
    s.replace(node)
    return "intrinsic: %s = %s" % (s.path, what)


def template_member(rng, m, ctx):
    """A property the registry schema has but the requests lack:
    StatusReason (with DesiredState or without), DesiredState, or a
    read-only one."""
    if m.kind != "cloudformation" or not isinstance(m.tree, Map):
        return None
    name, value = rng.choice([
        ("StatusReason", Scalar("The shadow model did better.")),
        ("StatusReason", Scalar("")), ("StatusReason", Scalar("x" * 1025)),
        ("DesiredState", Scalar(rng.choice(["Running", "Completed", "Cancelled", "Stopped"]))),
        ("Status", Scalar("Running")), ("Arn", Scalar("arn:aws:sagemaker:us-east-1:"
                                                      "123456789012:inference-experiment/x"))])
    if m.tree.get(name) is not None:
        return None
    m.tree.pairs.append((name, value))
    return "template-member: %s = %r" % (name, short(value.value))


# Changes of the written text. Each maker takes the generator and returns
# what it does, in words, and the change (a function of the generator and
# the text, for the choices that depend on the text).

def made(detail, change):
    return detail, change


def edit_line_endings(rng):
    ending = rng.choice(["\r\n", "\r"])
    return made("line endings %s" % ascii(ending), lambda r, t: t.replace("\n", ending))


def edit_bom(rng):
    return made("byte-order mark", lambda r, t: "\ufeff" + t)


def edit_tab_indent(rng):
    def change(r, t):
        lines = t.split("\n")
        indented = [i for i, line in enumerate(lines) if line.startswith("  ")]
        if indented:
            i = r.choice(indented)
            lines[i] = "\t" + lines[i][2:]
        return "\n".join(lines)
    return made("a tab for two spaces of indentation", change)


def edit_tab_separator(rng):
    how = rng.randrange(4)

    def change(r, t):
        lines = t.split("\n")
        candidates = [i for i, line in enumerate(lines) if ":" in line]
        if not candidates:
            return t
        i = r.choice(candidates)
        line = lines[i]
        if how == 0 and ": " in line:
            line = line.replace(": ", ":\t", 1)
        elif how == 1:
            line = line + "\t"
        elif how == 2 and ": " in line:
            line = line.replace(": ", ": \t", 1)
        else:
            line = line.replace("- ", "-\t", 1) if "- " in line else line + " \t"
        lines[i] = line
        return "\n".join(lines)
    words = ["a tab after a colon", "a tab at the end of a line", "a space and a tab after a colon",
             "a tab after a dash (or a space and a tab at the end)"]
    return made(words[how], change)


def edit_comment(rng):
    text = rng.choice(["# a comment", "# caf\u00e9 \u65e5\u672c", "#no space", "# ctl \x1b[1m",
                       "# del \x7f", "# nel \x85", "# \x01", "   # indented", "# nbsp\u00a0",
                       "# \u2028 separator"])

    def change(r, t):
        lines = t.split("\n")
        lines.insert(r.randrange(len(lines)), text)
        return "\n".join(lines)
    return made("comment line %s" % ascii(text), change)


def edit_trailing_comment(rng):
    text = rng.choice([" # trailing", "# glued", " # \x07 bell", " #", "\t# after a tab"])

    def change(r, t):
        lines = t.split("\n")
        i = r.randrange(len(lines))
        lines[i] = lines[i] + text
        return "\n".join(lines)
    return made("comment %s at the end of a line" % ascii(text), change)


CONTROL_CHARACTERS = ["\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80",
                      "\x85", "\x9f", "\x00", "\t", "\u2028", "\ufeff"]


def edit_control_char(rng):
    ch = rng.choice(CONTROL_CHARACTERS)

    def change(r, t):
        # Raw, inside the text of a value: two characters after a colon.
        lines = t.split("\n")
        candidates = [i for i, line in enumerate(lines) if ": " in line]
        if not candidates:
            return t
        i = r.choice(candidates)
        at = lines[i].index(": ") + 3
        lines[i] = lines[i][:at] + ch + lines[i][at:]
        return "\n".join(lines)
    return made("raw U+%04X in a value" % ord(ch), change)


def edit_document_markers(rng):
    before, after = rng.choice([
        ("---\n", ""), ("", "...\n"), ("%YAML 1.2\n---\n", ""), ("%YAML 1.1\n---\n", ""),
        ("", "---\n"), ("", "---\nName: second\n"), ("--- # start\n", ""),
        ("%TAG !e! tag:e.com:\n---\n", ""), ("%FOO bar\n---\n", "")])
    return made("document markers %s %s" % (ascii(before), ascii(after)),
                lambda r, t: before + t + after)


def edit_truncate(rng):
    return made("cut short", lambda r, t: t[:r.randrange(1, len(t))] if len(t) > 1 else t)


def edit_whitespace(rng):
    how = rng.randrange(6)
    changes = [lambda t: "\n\n" + t, lambda t: t + "\n\n\n", lambda t: t.rstrip("\n"),
               lambda t: " " + t, lambda t: t.replace(": ", ":  ", 1),
               lambda t: t.replace(":", " :", 1)]
    words = ["blank lines first", "blank lines last", "no final newline", "a space first",
             "two spaces after a colon", "a space before a colon"]
    return made(words[how], lambda r, t: changes[how](t))


def edit_json_syntax(rng):
    how = rng.randrange(9)
    changes = [lambda t: t.replace("\n}", ",\n}", 1), lambda t: "// comment\n" + t,
               lambda t: t.replace('"', "'", 2), lambda t: t.replace('"Name"', "Name", 1),
               lambda t: t + "\n{}", lambda t: t.replace("]", ",]", 1),
               lambda t: "/* c */" + t, lambda t: t.replace(": ", ":\t", 1),
               lambda t: t.replace("{", "{\n  \n", 1)]
    words = ["a trailing comma", "a // comment", "single quotes", "an unquoted key",
             "a second value", "a trailing comma in a list", "a /* */ comment",
             "a tab after a colon", "a blank line"]
    return made(words[how], lambda r, t: changes[how](t))


def edit_empty(rng):
    text = rng.choice(["", "\n", "# only a comment\n", "{}\n", "null\n", "~\n", "[]\n", " \n"])
    return made("the whole text %s" % ascii(text), lambda r, t: text)


TEXT_EDITS = [
    ("line-endings", "both", edit_line_endings), ("byte-order-mark", "both", edit_bom),
    ("tab-indent", "yaml", edit_tab_indent), ("tab-separator", "yaml", edit_tab_separator),
    ("comment-line", "yaml", edit_comment),
    ("trailing-comment", "yaml", edit_trailing_comment),
    ("control-character", "both", edit_control_char),
    ("document-markers", "yaml", edit_document_markers), ("truncate", "both", edit_truncate),
    ("whitespace", "both", edit_whitespace), ("json-syntax", "json", edit_json_syntax),
    ("empty", "both", edit_empty),
]

TREE_MUTATIONS = [
    (drop_member, 6), (add_member, 6), (rename_member, 4), (duplicate_key, 4),
    (replace_value, 16), (plain_trap, 8), (tag_node, 5), (alias_copy, 4), (merge_key, 4),
    (merge_alias, 3), (list_map_swap, 4), (quoting, 5), (json_escape, 5), (non_ascii, 4),
    (kind_mix, 3), (whole_document, 2), (intrinsic, 8), (template_member, 3),
]


class Context:
    def __init__(self, shapes):
        self.shapes = shapes


def apply_one(rng, m, ctx):
    """One mutation, of the tree (mostly) or of the text."""
    for _ in range(20):
        if rng.random() < 0.12:
            name, applies, maker = rng.choice(TEXT_EDITS)
            if applies not in ("both", m.form):
                continue
            detail, change = maker(rng)
            m.text_edits.append(change)
            m.mutations.append("text: %s: %s" % (name, detail))
            return
        ops, weights = zip(*TREE_MUTATIONS)
        op = rng.choices(ops, weights)[0]
        what = op(rng, m, ctx)
        if what:
            m.mutations.append(what)
            return


def whole_tree(m):
    """The document to write: the tree, or for a template the template
    with the tree as the experiment's Properties."""
    if m.kind != "cloudformation":
        return m.tree
    skeleton = docs.from_data(m.skeleton)
    node = skeleton
    for key in m.properties_path[:-1]:
        node = node.get(key)
    for i, (k, _) in enumerate(node.pairs):
        if docs.key_text(k) == m.properties_path[-1]:
            node.pairs[i] = (k, m.tree)
    return skeleton


def render(rng, m):
    tree = whole_tree(m)
    if m.form == "json":
        text = docs.to_json(tree, ascii_only=rng.random() < 0.2)
    else:
        text = docs.to_yaml(tree, flow=m.flow)
    for edit in m.text_edits:
        text = edit(rng, text)
    # A lone surrogate in a value (JSON written without escapes) cannot be
    # UTF-8: it is written as the three bytes a decoder refuses.
    return text.encode("utf-8", "surrogatepass")


def generate(seed, kind, count, testdata, shapes, max_mutations=1):
    """The mutants of one kind: dicts of name (KIND/NNNN.EXT), kind, base
    (the document it started from), form, mutations (in words) and bytes."""
    rng = random.Random("%s/%s" % (seed, kind))
    ctx = Context(shapes)
    bases = []
    for rel, where in (TEMPLATE_BASES if kind == "cloudformation"
                       else [(rel, None) for rel in BASES[kind]]):
        with open(os.path.join(testdata, rel), encoding="utf-8") as f:
            data = json.load(f)
        skeleton = None
        if kind == "cloudformation" and where is None:
            # A create request, as the Properties of a template of its own.
            where, skeleton = ["Resources", "Experiment", "Properties"], PLAIN_TEMPLATE
        elif kind == "cloudformation":
            skeleton = data
            for key in where:
                data = data[key]
        bases.append((rel, data, skeleton, where))
    out = []
    for i in range(count):
        rel, data, skeleton, where = rng.choice(bases)
        r = rng.random()
        form = "json" if r < 0.4 else "yaml"
        m = Mutant(kind, rel, docs.from_data(data), form)
        m.skeleton, m.properties_path = skeleton, where
        m.flow = form == "yaml" and r > 0.9
        for _ in range(rng.randint(1, max_mutations)):
            apply_one(rng, m, ctx)
        data = render(rng, m)
        ext = "json" if form == "json" else "yaml"
        out.append({"name": "%s/%04d.%s" % (kind, i, ext), "kind": kind, "base": rel,
                    "form": form + (" flow" if m.flow else ""), "mutations": m.mutations,
                    "bytes": data})
    return out


def write(mutants, out_dir):
    manifest = []
    for mu in mutants:
        path = os.path.join(out_dir, mu["name"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(mu["bytes"])
        manifest.append({k: v for k, v in mu.items() if k != "bytes"})
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=True)
    return manifest


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description="write mutants of requests")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=100, help="mutants of each kind")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--max-mutations", type=int, default=1)
    ap.add_argument("--testdata", default=os.path.join(top, "testdata"))
    ap.add_argument("--shapes", default=os.path.join(top, "rules", "shapes.json"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    shapes = Shapes(args.shapes)
    mutants = []
    for kind in args.kinds.split(","):
        mutants += generate(args.seed, kind, args.count, args.testdata, shapes,
                            args.max_mutations)
    write(mutants, args.out)


if __name__ == "__main__":
    main()
