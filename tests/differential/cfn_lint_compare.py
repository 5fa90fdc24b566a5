"""ielint against cfn-lint, on mutants of templates.

Writes templates whose AWS::SageMaker::InferenceExperiment has mutated
Properties (mutants.py, kind "cloudformation", from a fixed seed), runs
cfn-lint (`--format json --regions us-east-1`) and ielint (`-f json
--operation=cloudformation --now NOW`) once each over all of them, and
compares the errors:

  cfn-lint only  cfn-lint reports an error (not one of its known false
                 positives, cfn-lint-false-positives.tsv) and ielint none
  ielint only    ielint reports an error that contract-rules.tsv does not
                 name, and cfn-lint none

cfn-lint checks the resource's registry schema (and its own rules); ielint
checks the API's contract as well, so an error contract-rules.tsv names
(a pattern, an enum, a cross-field rule, or what the resource handler does
with a value) may come alone. Prints each class of disagreement with its
count and an example, and the known false positives of cfn-lint that the
run met. Exit status 1 when there is a disagreement.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402
import mutants as mutants_module  # noqa: E402


class FalsePositive:
    def __init__(self, rule, when, reason, shapes):
        self.rule, self.reason = rule, reason
        self.path = self.message = self.enum = None
        for condition in when.split(";"):
            if condition.startswith("path~"):
                self.path = re.compile(condition[5:])
            elif condition.startswith("message~"):
                self.message = re.compile(condition[8:])
            elif condition.startswith("value-in="):
                self.enum = set(shapes[condition[9:]]["enum"])
            elif condition != "*":
                raise ValueError("cfn-lint-false-positives.tsv: unknown condition %r" % condition)

    def matches(self, finding):
        if finding["Rule"]["Id"] != self.rule:
            return False
        path = ".".join(str(p) for p in finding["Location"].get("Path") or [])
        if self.path and not self.path.search(path):
            return False
        if self.message and not self.message.search(finding["Message"]):
            return False
        if self.enum is not None:
            m = re.match(r"'([^']*)' is not one of", finding["Message"])
            if not m or m.group(1) not in self.enum:
                return False
        return True


# The classes of disagreement seen when this comparison was written:
# (label, what it is, test of (how, case, cfn-lint's errors, ielint's
# diagnostics)); "known" ones were known to be under repair, "new" ones
# were found here, "cfn-lint" ones are cfn-lint's mistakes, "scope" ones
# are what ielint does not check by design.
YAML_11_12 = r"= (0o17|017|1_000|\+5|12:30|12:30:45|yes|no|on|off|y|n|Yes|NO|0b101|-0|=|<<)$"


def _m(case):
    return " | ".join(case.mutations)


def _ie_rules(diags):
    return {d.get("ruleId") for d in diags if d.get("severity") == "error"}


def _cfn_rules(cfn):
    return {f["Rule"]["Id"] for f in cfn}


TEMPLATE_CLASSES = [
    ("merge-keys", "known", lambda how, c, cfn, ie: "merge-key" in _m(c)),
    ("yaml-1.1-1.2-readings", "known",
     lambda how, c, cfn, ie: re.search(r"plain-scalar: \S+ " + YAML_11_12, _m(c)) is not None),
    ("status-reason", "known", lambda how, c, cfn, ie: "StatusReason" in _m(c)),
    ("float-tag", "known", lambda how, c, cfn, ie: "!!float" in _m(c)),
    ("json-lone-surrogate", "known",
     lambda how, c, cfn, ie: c.form == "json" and re.search(r"\\u[dD][89a-fA-F]", _m(c))
     is not None),
    ("yaml-1.1-line-breaks", "new",
     lambda how, c, cfn, ie: re.search(r"U\+(0085|2028|2029)|\\x85|\\u202[89]", _m(c))
     is not None),
    ("yaml-raw-control-character", "known",
     lambda how, c, cfn, ie: how == "cfn-lint only" and _cfn_rules(cfn) == {"E0000"}
     and re.search(r"raw U\+|\\x[0-9a-f]{2}", _m(c)) is not None),
    ("intrinsic-result-type", "new",
     lambda how, c, cfn, ie: how == "cfn-lint only" and "intrinsic" in _m(c)
     and _cfn_rules(cfn) & {"E1016", "E1017", "E1018", "E1019", "E1020", "E1021", "E1022",
                            "E3024", "E3012"}),
    ("getatt-attribute-of-another-type", "scope",
     lambda how, c, cfn, ie: how == "cfn-lint only" and _cfn_rules(cfn) == {"E1010"}),
    ("empty-template", "scope",
     lambda how, c, cfn, ie: "the whole text" in _m(c)),
    ("json-only-a-yaml-reader-takes", "cfn-lint",
     lambda how, c, cfn, ie: c.form == "json" and _ie_rules(ie) == {"IE101"}),
    ("json-byte-order-mark", "new", lambda how, c, cfn, ie: _ie_rules(ie) == {"IE105"}),
    ("ie314-negative-sampling", "new", lambda how, c, cfn, ie: "IE314" in _ie_rules(ie)),
    ("dates-taken-for-any-type", "cfn-lint",
     lambda how, c, cfn, ie: how == "ielint only" and _ie_rules(ie) == {"IE203"}
     and any("found the date" in d.get("message", "") for d in ie)),
    ("fn-sub-value-not-checked", "cfn-lint",
     lambda how, c, cfn, ie: how == "ielint only" and re.search(r"= Sub [a-z]", _m(c))
     is not None),
    ("integer-text-with-spaces", "cfn-lint",
     lambda how, c, cfn, ie: how == "ielint only" and _ie_rules(ie) == {"IE203"}
     and any(re.search(r'found the string " [0-9]', d.get("message", "")) for d in ie)),
    # CloudFormation takes a JSON template whose keys repeat, the last
    # value winning (aws-cli#2404, cfn-language-discussion#96); ielint
    # warns where the values are the same (IE116), and cfn-lint refuses.
    ("json-duplicate-key-same-value", "cfn-lint",
     lambda how, c, cfn, ie: how == "cfn-lint only" and c.form == "json"
     and _cfn_rules(cfn) == {"E0000"} and "duplicate-key" in _m(c)
     and any(d.get("ruleId") == "IE116" for d in ie)),
    # cfn-lint holds a Ref or an Fn::Base64 where a structure belongs to
    # the property's type, but not an Fn::GetAtt of an Arn (measured:
    # Schedule: !GetAtt Role.Arn and ShadowModelVariants: [!GetAtt
    # Role.Arn] pass): CloudFormation refuses the string.
    ("getatt-arn-where-a-structure-belongs", "cfn-lint",
     lambda how, c, cfn, ie: how == "ielint only" and _ie_rules(ie) == {"IE511"}
     and all(re.match(r"(Fn::|!)GetAtt gives", d.get("message", ""))
             for d in ie if d.get("ruleId") == "IE511")),
    # A pseudo parameter where another kind of value belongs (Ref
    # AWS::Region as DataStorageConfig) is only a warning to cfn-lint
    # (W1030, "when 'Ref' is resolved"); CloudFormation refuses the value.
    ("pseudo-parameter-of-another-kind", "cfn-lint",
     lambda how, c, cfn, ie: how == "ielint only" and "IE511" in _ie_rules(ie)
     and re.search(r"= Ref AWS::", _m(c)) is not None),
    ("tag-on-a-collection", "new",
     lambda how, c, cfn, ie: _ie_rules(ie) == {"IE113"} and "tag:" in _m(c)),
]


def label_of(how, case, cfn_errors, diags):
    for name, status, test in TEMPLATE_CLASSES:
        if test(how, case, cfn_errors, diags):
            return name, status
    return "unclassified", "new"


def run_cfn_lint(cfn_lint, work, names):
    """{name: [finding]} from cfn-lint, in batches (one process each)."""
    found = {name: [] for name in names}
    for start in range(0, len(names), 400):
        batch = names[start:start + 400]
        result = subprocess.run([cfn_lint, "--format", "json", "--regions", "us-east-1", "--"]
                                + batch, cwd=work, capture_output=True)
        try:
            findings = json.loads(result.stdout.decode("utf-8") or "[]")
        except ValueError:
            raise RuntimeError("cfn-lint exited %d without a JSON report: %s"
                               % (result.returncode, result.stderr.decode(errors="replace")[:2000]))
        for f in findings:
            found.setdefault(f.get("Filename"), []).append(f)
    return found


def about_experiment(f):
    """Whether a finding is about the experiment, or says that the text
    cannot be read at all: what ielint checks. The rest of a template
    (its version, its other resources: cfn-lint wants a Statement in the
    base template's empty IAM policy) is cfn-lint's alone."""
    path = f["Location"].get("Path") or []
    return f["Rule"]["Id"] == "E0000" or path[:2] == ["Resources", "Experiment"]


def cfn_path(f):
    return ".".join(str(p) for p in f["Location"].get("Path") or [])


def main():
    top = os.path.dirname(os.path.dirname(HERE))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--max-mutations", type=int, default=1)
    ap.add_argument("--ielint", required=True)
    ap.add_argument("--cfn-lint", default=shutil.which("cfn-lint") or "cfn-lint")
    ap.add_argument("--out")
    ap.add_argument("--testdata", default=os.path.join(top, "testdata"))
    ap.add_argument("--shapes", default=os.path.join(top, "rules", "shapes.json"))
    args = ap.parse_args()

    shapes = mutants_module.Shapes(args.shapes)
    rules = compare.contract_rules(os.path.join(HERE, "contract-rules.tsv"))
    positives = [FalsePositive(*row, shapes=shapes) for row in
                 compare.read_tsv(os.path.join(HERE, "cfn-lint-false-positives.tsv"), 3)]
    work = args.out or tempfile.mkdtemp(prefix="ielint-cfn-lint-differential.")
    os.makedirs(work, exist_ok=True)

    started = time.time()
    entries = mutants_module.generate(args.seed, "cloudformation", args.count, args.testdata,
                                      shapes, args.max_mutations)
    manifest = mutants_module.write(entries, work)
    names = [e["name"] for e in manifest]
    generated = time.time()
    cfn = run_cfn_lint(args.cfn_lint, work, names)
    linted_cfn = time.time()
    config = os.path.join(work, "empty-config.yaml")
    with open(config, "w") as f:
        f.write("{}\n")
    ie = compare.run_ielint(os.path.abspath(args.ielint), work, names, "cloudformation", config)
    linted = time.time()

    classes = {}
    met_positives = {}
    agree = 0
    elsewhere = 0
    for entry in manifest:
        case = compare.Case(entry)
        name = entry["name"]
        cfn_errors = []
        for f in cfn.get(name, []):
            if f.get("Level") != "Error":
                continue
            if not about_experiment(f):
                elsewhere += 1
                continue
            positive = next((p for p in positives if p.matches(f)), None)
            if positive:
                met_positives.setdefault(positive.reason, []).append(name)
            else:
                cfn_errors.append(f)
        diags = ie.get(name, [])
        errors = compare.errors_of(diags)
        exact = [d for d in errors if not any(r.allows(d, "cloudformation", case.form)
                                              for r in rules)]
        if cfn_errors and not errors:
            how, telling = "cfn-lint only", []
        elif exact and not cfn_errors:
            how, telling = "ielint only", exact
        else:
            agree += 1
            continue
        lines = ["%s (%s, from %s): %s" % (name, case.form, case.base, how),
                 "  mutations: " + "; ".join(case.mutations)]
        for f in cfn_errors[:4]:
            lines.append("  cfn-lint: %s:%s %s %s: %s" % (
                f["Location"]["Start"]["LineNumber"], f["Location"]["Start"]["ColumnNumber"],
                f["Rule"]["Id"], cfn_path(f), " ".join(f["Message"].split())[:200]))
        if not cfn_errors:
            lines.append("  cfn-lint: no error")
        for d in (errors or diags)[:4]:
            lines.append("  ielint: %s:%s %s %s %s" % (d.get("line"), d.get("column"),
                                                      d.get("ruleId"), d.get("severity"),
                                                      d.get("message", "")[:200]))
        if not errors:
            lines.append("  ielint: no error")
        label, status = label_of(how, case, cfn_errors, diags)
        key = "[%s: %s] %s / %s / cfn-lint %s / ielint %s" % (
            status, label, how, ",".join(case.operators()),
            ",".join(sorted({f["Rule"]["Id"] for f in cfn_errors})) or "-",
            ",".join(sorted({d["ruleId"] for d in telling})) or "-")
        classes.setdefault(key, []).append(lines)

    print("Disagreements by how / mutation / cfn-lint's errors / ielint's errors that tell:")
    for key in sorted(classes, key=lambda k: (not k.startswith("[new"), k)):
        print("\n%s: %d" % (key, len(classes[key])))
        for line in classes[key][0]:
            print("    " + line)
    print("\ncfn-lint's known false positives met:")
    for reason, where in met_positives.items():
        print("  %d in %d templates: %s" % (len(where), len(set(where)), reason))
    print("  (and %d errors of cfn-lint about the rest of the templates, which ielint does not check)"
          % elsewhere)
    total = sum(len(v) for v in classes.values())
    print("\n%d templates: %d agree, %d disagree; written in %.1f s, cfn-lint %.1f s, ielint %.1f s"
          % (len(manifest), agree, total, generated - started, linted_cfn - generated,
             linted - linted_cfn))
    if args.out:
        print("templates kept in " + work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
