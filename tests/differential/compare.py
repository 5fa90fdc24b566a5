"""ielint against the AWS CLI's own validation, on mutants of requests.

Writes mutants of create, update and stop requests (mutants.py, from a
fixed seed), asks the AWS CLI about each in one process (aws_cli.py), runs
ielint once per kind over them (`ielint -f json --operation=KIND --now
NOW`, no --status or --current), and compares: the CLI refuses a mutant
exactly when ielint reports an error that contract-rules.tsv does not
name. A rule that list names is one the documented contract backs and the
CLI does not check (a pattern, an enum, a maximum, a cross-field rule), so
its errors may come alone on a mutant the CLI accepts, but they never
account for a refusal. Every other difference is a disagreement:

  false alarm  the CLI accepts the mutant; ielint reports an error the
               list does not name
  miss         the CLI refuses the mutant; ielint reports no error, or only
               errors the list names

Then the same without --operation, where ielint chooses the request by its
members: its verdict is compared with the CLI's for the request it chose.

  --tap      speaks TAP, one test point per mutant; a disagreement on a
             mutant in temporary-disagreements.tsv is a TODO (an expected
             failure), and that mutant's agreeing is an unexpected pass,
             which fails: take it off the list.
  (default)  prints each class of disagreement (how, which mutation, which
             rules) with its count and one example, and exits 1 when there
             is any.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # nothing is written into the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import aws_cli  # noqa: E402  (loads the AWS CLI only when asked for verdicts)
import mutants as mutants_module  # noqa: E402

KINDS = mutants_module.KINDS
# Before the mutants' schedules (2030-01-03 to 2030-01-17), so that only a
# time mutated into the past is one; fixed, so that no verdict depends on
# the day the test runs.
NOW = "2029-12-01T00:00:00Z"


# ---- the lists ----------------------------------------------------------------

class ContractRule:
    def __init__(self, code, when, reason):
        self.code, self.reason = code, reason
        self.kind = self.form = self.message = None
        if when != "*":
            for condition in when.split(";"):
                if condition.startswith("kind="):
                    self.kind = condition[5:]
                elif condition.startswith("form="):
                    self.form = condition[5:]
                elif condition.startswith("message~"):
                    self.message = re.compile(condition[8:])
                else:
                    raise ValueError("contract-rules.tsv: unknown condition %r" % condition)

    def allows(self, diag, kind, form):
        return (diag.get("ruleId") == self.code
                and (self.kind is None or self.kind == kind)
                and (self.form is None or form.startswith(self.form))
                and (self.message is None or self.message.search(diag.get("message", ""))))


def read_tsv(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != columns:
                raise ValueError("%s:%d: %d tab-separated columns expected"
                                 % (path, number, columns))
            rows.append(fields)
    return rows


def contract_rules(path):
    return [ContractRule(*row) for row in read_tsv(path, 3)]


def temporary_list(path):
    """{mutant name: (class, note)} of the disagreements not yet fixed."""
    if not os.path.exists(path):
        return {}
    return {name: (cls, note) for name, cls, note in read_tsv(path, 3)}


# ---- the two verdicts ------------------------------------------------------------

def run_ielint(ielint, work, names, operation, config):
    """{name: [diagnostic]} from one run of ielint over the files."""
    command = [ielint, "-f", "json", "-q", "--now", NOW, "--config", config, "-j", "2"]
    if operation:
        command.append("--operation=" + operation)
    command += ["--"] + names
    result = subprocess.run(command, cwd=work, capture_output=True)
    if result.returncode not in (0, 1):
        raise RuntimeError("ielint exited %d: %s" % (result.returncode,
                                                     result.stderr.decode(errors="replace")[:2000]))
    found = {name: [] for name in names}
    for diag in json.loads(result.stdout.decode("utf-8")):
        found.setdefault(diag["file"], []).append(diag)
    return found


def errors_of(diags):
    return [d for d in diags if d.get("severity") == "error"]


class Case:
    def __init__(self, entry):
        self.name = entry["name"]
        self.kind = entry["kind"]
        self.form = entry["form"]
        self.mutations = entry["mutations"]
        self.base = entry["base"]
        self.cli = None            # (status, message)
        self.diags = []
        self.auto = None           # (operation chosen, diagnostics, CLI verdict for it)

    def operators(self):
        """The mutations' names ("merge-key", "text: crlf" as "crlf")."""
        return sorted({m[6:].split(":")[0] if m.startswith("text: ") else m.split(":")[0]
                       for m in self.mutations})


# The members botocore's ParamValidator names in its report.
CLI_PATH = re.compile(r'(?:Missing required parameter in|Unknown parameter in) ([^\s:]+): "([^"]*)"'
                      r'|parameter ([^\s,]+),')


def cli_paths(message):
    """The members the CLI's refusal is about, as ielint writes paths
    ("." for the document); none when it refused the text itself."""
    paths = []
    for m in CLI_PATH.finditer(message):
        if m.group(3):
            paths.append(m.group(3))
        else:
            parent = "" if m.group(1) == "input" else m.group(1)
            paths.append((parent + "." if parent else "") + m.group(2))
    return paths


def related(a, b):
    """Whether one path is the other or holds it."""
    if a == "." or b == ".":
        return True
    short, long_ = sorted((a, b), key=len)
    return long_ == short or long_.startswith(short + ".") or long_.startswith(short + "[")


def judge(kind, form, cli, diags, rules):
    """None when ielint and the CLI agree, else (how, the errors that tell).

    The CLI refuses: ielint must report an error that contract-rules.tsv
    does not name, or one it names about a member the CLI's refusal names
    (InstanceCount -2147483649 is refused by the CLI for its minimum and by
    ielint for its size); an error elsewhere is there by chance.
    The CLI accepts: every error must be one the list names."""
    status, message = cli
    errors = errors_of(diags)
    exact = [d for d in errors if not any(r.allows(d, kind, form) for r in rules)]
    if status == 0:
        return ("false alarm", exact) if exact else None
    if exact:
        return None
    paths = cli_paths(message)
    if any(related(p, d.get("path") or ".") for p in paths for d in errors):
        return None
    return ("miss", errors)


def describe(case, how, diags, cli, operation=None):
    status, message = cli
    message = " ".join(message.split())
    lines = ["%s (%s, %s, from %s): %s" % (case.name, case.kind if not operation else
                                          "checked as " + operation, case.form, case.base, how),
             "  mutations: " + "; ".join(case.mutations),
             "  AWS CLI: " + ("accepted" if status == 0 else "exit %d: %s" % (status, message[:300]))]
    shown = [d for d in diags if d.get("severity") == "error"] or diags
    if not shown:
        lines.append("  ielint: no error")
    for d in shown[:6]:
        lines.append("  ielint: %s:%s %s %s %s" % (d.get("line"), d.get("column"), d.get("ruleId"),
                                                 d.get("severity"), d.get("message", "")[:200]))
    return lines


# The classes of disagreement seen when this test was written, to sort a
# run's disagreements: (label, "known" for those known then to be under
# repair, "new" for those found by this test, and a test of a finding).
# A disagreement that none fits is "unclassified": a new finding.

def _mutations(f):
    return " | ".join(f.case.mutations)


def _lone_surrogate(f):
    """Whether a JSON token of the mutations is a string with a surrogate
    that is not half of a pair."""
    for m in f.case.mutations:
        token = m.split(" = ", 1)[1] if m.startswith("json-token:") else ""
        try:
            value = json.loads(token) if token.startswith('"') else ""
        except ValueError:
            continue
        if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
            return True
    return False


def _rules(f):
    return {d.get("ruleId") for d in f.telling}


CLASSES = [
    ("kind-choice", "known", lambda f: "without --operation" in f.how),
    ("ie328", "known", lambda f: _rules(f) == {"IE328"}),
    ("ie309-update-without-current", "known",
     lambda f: f.how == "false alarm" and f.case.kind == "update" and _rules(f) == {"IE309"}),
    ("ie314-negative-sampling", "new", lambda f: _rules(f) == {"IE314"}),
    ("yaml-1.1-plain-merge-or-value", "new",
     lambda f: re.search(r"plain-scalar: \S+ = (<<|=)$", _mutations(f)) is not None),
    ("merge-keys", "known",
     lambda f: "merge-key" in _mutations(f) or re.search(r"\.<<( |$)", _mutations(f)) is not None),
    ("float-tag", "known", lambda f: re.search(r"tag: .*!!float", _mutations(f)) is not None),
    ("json-lone-surrogate", "known", lambda f: f.case.form == "json" and _lone_surrogate(f)),
    ("json-duplicate-key", "new",
     lambda f: f.case.form == "json" and "IE102" in _rules(f)),
    ("yaml-tab-separator", "new",
     lambda f: f.case.form.startswith("yaml") and re.search(r"tab-separator|'\\t#|U\+0009",
                                                           _mutations(f)) is not None),
    ("yaml-1.1-line-breaks", "new",
     lambda f: f.case.form.startswith("yaml") and re.search(r"U\+(0085|2028|2029)|\\x85|\\u202[89]",
                                                           _mutations(f)) is not None),
    ("yaml-raw-control-character", "known",
     lambda f: f.case.form.startswith("yaml") and re.search(
         r"raw U\+00[01][0-9A-F]|raw U\+00[89][0-9A-F]|raw U\+007F|\\x[0-1][0-9a-f]|\\x7f|"
         r"\\x[89][0-9a-f]", _mutations(f)) is not None),
    ("non-ascii-timestamp", "known",
     lambda f: f.how == "miss" and any("other than ASCII" in d.get("message", "")
                                       for d in f.diags)),
    ("non-specific-tag", "new",
     lambda f: re.search(r"tag: \S+ (= ! |!$)", _mutations(f)) is not None),
    ("yaml-timestamp-one-digit-offset", "new",
     lambda f: "IE209" in _rules(f) and re.search(r"[0-9] [+-][0-9]$", _mutations(f)) is not None),
    ("comment-without-space", "new",
     lambda f: any(re.search("comment (after end of flow|without whitespace)", d.get("message", ""))
                   for d in f.telling)),
]


class Finding:
    def __init__(self, case, how, telling, diags, cli, operation):
        self.case, self.how, self.telling, self.diags = case, how, telling, diags
        self.cli, self.operation = cli, operation

    def label(self):
        for name, status, test in CLASSES:
            if test(self):
                return name, status
        return "unclassified", "new"


def class_of(case, how, diags):
    rules = sorted({d["ruleId"] for d in diags if d.get("severity") == "error"})
    return "%s / %s / %s / %s" % (how, case.kind, ",".join(case.operators()),
                                  ",".join(rules) or "no error")


# ---- the run ---------------------------------------------------------------------

def verdicts_in_workers(verdicts, jobs, kind_paths):
    """The CLI's verdicts: from `verdicts` itself, or on `jobs` processes
    forked from this one, each loading the CLI once more."""
    if jobs <= 1 or len(kind_paths) < 200:
        return [verdicts.verdict(k, p) for k, p in kind_paths]
    import multiprocessing
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker) as pool:
        return pool.map(_worker_verdict, kind_paths, chunksize=64)


_worker = None


def _init_worker():
    global _worker
    _worker = aws_cli.Verdicts()


def _worker_verdict(kind_path):
    return _worker.verdict(*kind_path)


def real_aws_verdict(aws, kind, path):
    """The exit status of the aws program itself (the confirmation)."""
    flag = "--cli-input-json" if path.endswith(".json") else "--cli-input-yaml"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(aws_cli.ENVIRONMENT, LC_ALL="C.UTF-8")
    result = subprocess.run([aws, "sagemaker", "%s-inference-experiment" % kind, flag,
                             "file://" + os.path.abspath(path), "--generate-cli-skeleton",
                             "output", "--region", "us-east-1"],
                            env=env, stdin=subprocess.DEVNULL, capture_output=True)
    return result.returncode


def confirmation_sample(cases, per_kind, seed):
    """Some mutants of each kind the CLI accepted and some it refused."""
    rng = random.Random("confirm/%s" % seed)
    sample = []
    for kind in KINDS:
        for accepted in (True, False):
            group = [c for c in cases if c.kind == kind and (c.cli[0] == 0) == accepted]
            rng.shuffle(group)
            sample += group[:max(1, per_kind // 2)]
    return sample


def run(args, verdicts):
    top = os.path.dirname(os.path.dirname(HERE))
    testdata = args.testdata or os.path.join(top, "testdata")
    shapes = mutants_module.Shapes(args.shapes or os.path.join(top, "rules", "shapes.json"))
    rules = contract_rules(os.path.join(HERE, "contract-rules.tsv"))
    temporary = temporary_list(os.path.join(HERE, "temporary-disagreements.tsv")) \
        if args.tap else {}

    work = args.out or tempfile.mkdtemp(prefix="ielint-differential.")
    if args.out:
        os.makedirs(work, exist_ok=True)
    started = time.time()
    entries = []
    for kind in args.kinds:
        entries += mutants_module.generate(args.seed, kind, args.count, testdata, shapes,
                                           args.max_mutations)
    manifest = mutants_module.write(entries, work)
    cases = [Case(e) for e in manifest]
    by_name = {c.name: c for c in cases}
    generated = time.time()

    results = verdicts_in_workers(verdicts, args.jobs, [(c.kind, os.path.join(work, c.name))
                                                        for c in cases])
    for case, verdict in zip(cases, results):
        case.cli = verdict
    asked = time.time()

    config = os.path.join(work, "empty-config.yaml")
    with open(config, "w") as f:
        f.write("{}\n")
    for kind in args.kinds:
        names = [c.name for c in cases if c.kind == kind]
        for name, diags in run_ielint(args.ielint, work, names, kind, config).items():
            by_name[name].diags = diags
    # Without --operation: ielint chooses; the CLI is asked about its choice.
    chosen = run_ielint(args.ielint, work, [c.name for c in cases], None, config)
    for case in cases:
        diags = chosen.get(case.name, [])
        operations = {d.get("operation") for d in diags if d.get("operation")}
        operation = operations.pop() if len(operations) == 1 else case.kind
        if operation == case.kind:
            case.auto = (operation, diags, case.cli)
        elif operation in KINDS:
            case.auto = (operation, diags, verdicts.verdict(operation,
                                                            os.path.join(work, case.name)))
    linted = time.time()

    report = Report(args, rules, temporary, verdicts.version)
    if os.access(args.aws, os.X_OK):
        report.work = work
    for case in cases:
        report.add(case)
    if args.confirm and args.aws and os.access(args.aws, os.X_OK):
        for case in confirmation_sample(cases, args.confirm, args.seed):
            status = real_aws_verdict(args.aws, case.kind, os.path.join(work, case.name))
            report.confirmation(case, status)
    elif args.confirm:
        report.confirmation_skipped("no %s to confirm the in-process verdicts with" % args.aws)
    timings = "%d mutants: written in %.1f s, the AWS CLI's verdicts in %.1f s, ielint in %.1f s" % (
        len(cases), generated - started, asked - generated, linted - asked)
    status = report.finish(timings, work)
    if not args.out and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return status


class Report:
    def __init__(self, args, rules, temporary, version):
        self.args, self.rules, self.temporary = args, rules, temporary
        self.number = 0
        self.failed = 0
        self.classes = {}       # (status, label) -> {finer key: [example lines]}
        self.listed_seen = set()
        self.findings = []      # (case name, label, status, how)
        self.confirmed = {}     # label -> examples asked of the aws program
        self.work = None
        self.counts = {"agree": 0, "disagree": 0, "accepted": 0, "refused": 0}
        if args.tap:
            print("# AWS CLI %s in-process; ielint %s; seed %s, %d mutants of each kind"
                  % (version, args.ielint, args.seed, args.count))

    def point(self, ok, name, detail=(), todo=None):
        self.number += 1
        if not self.args.tap:
            return
        suffix = " # TODO %s" % todo if todo else ""
        print("%s %d - %s%s" % ("ok" if ok else "not ok", self.number, name, suffix))
        if not ok or todo:
            for line in detail:
                print("# " + line)

    def findings_of(self, case):
        findings = []
        verdict = judge(case.kind, case.form, case.cli, case.diags, self.rules)
        if verdict:
            findings.append(Finding(case, verdict[0], verdict[1], case.diags, case.cli, None))
        # Without --operation: judged when ielint chose another request, or
        # when the run with --operation agreed (one mistake is told once).
        if case.auto and (case.auto[0] != case.kind or not verdict):
            operation, diags, cli = case.auto
            auto = judge(operation, case.form, cli, diags, self.rules)
            if auto:
                findings.append(Finding(case, auto[0] + " without --operation", auto[1], diags,
                                        cli, operation))
        return findings

    def add(self, case):
        self.counts["accepted" if case.cli[0] == 0 else "refused"] += 1
        findings = self.findings_of(case)
        listed = self.temporary.get(case.name)
        if listed:
            self.listed_seen.add(case.name)
        title = "%s %s: the AWS CLI %s it" % (case.name, "/".join(case.operators()),
                                             "accepts" if case.cli[0] == 0 else "refuses")
        if not findings:
            self.counts["agree"] += 1
            self.point(True, title + ", and ielint agrees",
                       todo=("temporary-disagreements.tsv lists it (%s), but it agrees now: "
                             "take it off the list" % listed[0]) if listed else None)
            return
        self.counts["disagree"] += 1
        detail = []
        for f in findings:
            lines = describe(case, f.how, f.diags, f.cli, f.operation)
            label, status = f.label()
            lines[0] += " [%s: %s]" % (status, label)
            confirmed = self.confirmed.setdefault(label, 0)
            if confirmed < self.args.confirm_classes and self.work:
                self.confirmed[label] += 1
                kind = f.operation or case.kind
                real = real_aws_verdict(self.args.aws, kind, os.path.join(self.work, case.name))
                same = (real == 0) == (f.cli[0] == 0)
                lines.insert(3, "  /usr/bin/aws %s-inference-experiment exits %d: %s" % (
                    kind, real, "the same verdict" if same else "NOT THE IN-PROCESS VERDICT"))
                if not same:
                    self.failed += 1
            detail += lines
            self.findings.append((case.name, label, status, f.how))
            finer = class_of(case, f.how, f.telling)
            self.classes.setdefault((status, label), {}).setdefault(finer, []).append(lines)
        if listed:
            self.point(False, title + ": " + findings[0].how, detail,
                       todo="temporary-disagreements.tsv: %s: %s" % listed)
        else:
            self.failed += 1
            self.point(False, title + ": " + findings[0].how, detail)

    def confirmation(self, case, status):
        same = (status == 0) == (case.cli[0] == 0) and status in (0, 252, 255)
        if not same:
            self.failed += 1
        self.point(same, "%s: /usr/bin/aws exits %d, as the in-process verdict (%d) says"
                   % (case.name, status, case.cli[0]) if same else
                   "%s: /usr/bin/aws exits %d, the in-process verdict is %d"
                   % (case.name, status, case.cli[0]), ["mutations: " + "; ".join(case.mutations)])
        if not self.args.tap and not same:
            print("CONFIRMATION FAILED: %s: aws exits %d, in-process %d (%s)"
                  % (case.name, status, case.cli[0], case.cli[1]))

    def confirmation_skipped(self, why):
        self.number += 1
        if self.args.tap:
            print("ok %d - the in-process verdicts equal the aws program's # SKIP %s"
                  % (self.number, why))
        else:
            print("confirmation skipped: " + why)

    def print_classes(self):
        print("Disagreements by class; within each, by how / kind / mutation / the errors "
              "that tell, with a count and one example.")
        order = sorted(self.classes, key=lambda k: (k[0] != "new", k[1]))
        for status, label in order:
            groups = self.classes[(status, label)]
            total = sum(len(v) for v in groups.values())
            print("\n== %s%s: %d" % ("NEW FINDING: " if status == "new" else "known: ", label,
                                     total))
            for finer in sorted(groups, key=lambda k: (-len(groups[k]), k)):
                print("  %s: %d" % (finer, len(groups[finer])))
                for line in groups[finer][0]:
                    print("      " + line)

    def finish(self, timings, work):
        stale = sorted(set(self.temporary) - self.listed_seen)
        for name in stale:
            self.failed += 1
            self.point(False, "temporary-disagreements.tsv lists %s, which this run does not make"
                       % name)
        summary = ("%d agree, %d disagree (the AWS CLI accepted %d, refused %d); %s"
                   % (self.counts["agree"], self.counts["disagree"], self.counts["accepted"],
                      self.counts["refused"], timings))
        if self.args.tap:
            print("# " + summary)
            print("1..%d" % self.number)
            return 0
        if self.args.print_temporary:
            seen = set()
            for name, label, status, how in self.findings:
                if name not in seen:
                    seen.add(name)
                    print("%s\t%s\t%s: %s" % (name, label, status, how))
            return 0
        self.print_classes()
        print()
        print(summary)
        if self.args.out or self.args.keep:
            print("mutants kept in " + work)
        return 1 if self.failed else 0


def parse(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", default="1")
    ap.add_argument("--count", type=int, default=300, help="mutants of each kind")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--max-mutations", type=int, default=1,
                    help="mutations of each mutant: 1 to this many")
    ap.add_argument("--ielint", required=True)
    ap.add_argument("--aws", default="/usr/bin/aws")
    ap.add_argument("--confirm", type=int, default=0,
                    help="ask the aws program itself about this many mutants of each kind")
    ap.add_argument("--confirm-classes", type=int, default=0,
                    help="ask the aws program itself about this many mutants of each class "
                    "of disagreement")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--tap", action="store_true")
    ap.add_argument("--print-temporary", action="store_true",
                    help="print the lines of temporary-disagreements.tsv for this run's "
                    "disagreements")
    ap.add_argument("--out", help="write the mutants here and keep them")
    ap.add_argument("--keep", action="store_true", help="keep the mutants' directory")
    ap.add_argument("--testdata")
    ap.add_argument("--shapes")
    args = ap.parse_args(argv)
    args.kinds = args.kinds.split(",")
    args.ielint = os.path.abspath(args.ielint)
    return args


def main():
    args = parse(sys.argv[1:])
    try:
        verdicts = aws_cli.Verdicts()
    except Exception as error:  # no CLI: say so, loudly
        why = "the AWS CLI cannot be loaded in-process (%s: %s); install Debian's awscli" % (
            type(error).__name__, error)
        print("aws-cli-differential: SKIPPED: " + why, file=sys.stderr)
        if args.tap:
            print("1..0 # SKIP " + why)
            sys.exit(0)
        sys.exit(77)
    sys.exit(run(args, verdicts))


if __name__ == "__main__":
    main()
