# shellcheck shell=sh
# The harness of the shell test suites, sourced by each of them:
#
#	. "$(dirname "$0")/tap.sh"
#
# A suite speaks TAP (what make check's tap-driver reads): a line per test
# point, "ok N - NAME" or "not ok N - NAME", comments starting with "#",
# and the plan "1..N" at the end (done_testing). What it needs of its
# environment, make check gives it:
#
#	IELINT		the program under test (check-valgrind puts valgrind in
#			front of it)
#	TESTDATA	testdata/ of the source tree
#
# and the suite names what it cannot do without (need IELINT). Every
# suite runs with set -u: a misspelt variable stops it rather than
# passing an empty word to a check.

set -u

# The source tree: the directory above the suite's. make distcheck runs
# the suites of a read-only tree from a build directory of its own, so
# nothing is ever written here: scratch files go in $work.
srcdir=$(cd "$(dirname "$0")/.." && pwd)
TESTDATA=${TESTDATA:-$srcdir/testdata}

# A relative name of a program or directory would break in the suites
# that change directory; a bare command name is looked up in PATH.
absolute() {
	case $1 in
	/* | '') printf '%s\n' "$1" ;;
	*/*) printf '%s\n' "$PWD/$1" ;;
	*) printf '%s\n' "$1" ;;
	esac
}
IELINT=$(absolute "${IELINT:-}")
TESTDATA=$(absolute "$TESTDATA")

# need VARIABLE...: stops the suite, as a TAP bail-out, when one of the
# variables make check sets is not set.
need() {
	for tap_variable in "$@"; do
		eval "tap_value=\${$tap_variable:-}"
		# shellcheck disable=SC2154 # set by the eval
		[ -n "$tap_value" ] || bail_out "set $tap_variable (make check sets it)"
	done
}

# ---- test points ------------------------------------------------------------

tap_count=0	# test points so far
tap_failures=0	# of them, those that failed

# ok NAME, not_ok NAME: a test point that passed, or failed.
ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1"
}

not_ok() {
	tap_count=$((tap_count + 1))
	tap_failures=$((tap_failures + 1))
	echo "not ok $tap_count - $1"
}

# skip NAME REASON: a test point that cannot run here, and why.
skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1 # SKIP $2"
}

# counted N: N test points that another program printed, numbered from
# $((tap_count + 1)) on (tests/faultsim does).
counted() {
	tap_count=$((tap_count + $1))
}

# done_testing: the plan, once every test point is out.
done_testing() {
	echo "1..$tap_count"
}

# skip_rest NAME REASON: the rest of the suite cannot run here: a skipped test
# point that says why, the plan, and the end.
skip_rest() {
	skip "$1" "$2"
	done_testing
	exit 0
}

# bail_out REASON: the suite cannot go on; the harness counts it an error.
bail_out() {
	echo "Bail out! $1"
	exit 1
}

# ---- checks -------------------------------------------------------------------

# check NAME CONDITION: a test point from CONDITION, shell text evaluated
# here (so it sees the suite's variables: quote it with single quotes).
# When it fails, diagnose tells what the last run did.
check() {
	if eval "$2"; then
		ok "$1"
	else
		not_ok "$1"
		diagnose
	fi
}

# check_status STATUS NAME: a test point from an exit status the suite has
# already (0 passes), diagnosed as check does.
check_status() {
	if [ "$1" -eq 0 ]; then
		ok "$2"
	else
		not_ok "$2"
		diagnose
	fi
}

# check_command NAME COMMAND [ARGUMENT...]: a test point from a command's
# exit status; what it prints is kept, and shown when it fails.
check_command() {
	tap_name=$1
	shift
	if "$@" > "$work/check.out" 2>&1; then
		ok "$tap_name"
	else
		not_ok "$tap_name"
		as_comments "$work/check.out"
	fi
}

# as_comments FILE [LABEL]: the first lines of FILE as TAP comments, each
# cut short: enough to see why, never megabytes of a hostile document.
as_comments() {
	[ -s "$1" ] || return 0
	head -n 40 "$1" | cut -c 1-2000 | sed "s/^/# ${2:+$2: }/"
	tap_lines=$(wc -l < "$1")
	[ "$tap_lines" -le 40 ] || echo "# ${2:+$2: }... and $((tap_lines - 40)) lines more"
}

# diagnose: what the last run left, as comments: its exit status ($status,
# when the suite keeps one), standard output ($work/out) and standard
# error ($work/err).
diagnose() {
	[ -z "${status:-}" ] || echo "# exit status $status"
	[ -z "${work:-}" ] && return 0
	as_comments "$work/out" stdout
	as_comments "$work/err" stderr
}

# ---- running ielint -----------------------------------------------------------

# run ARGUMENT...: runs $IELINT, its standard input $stdin (or nothing),
# and keeps its standard output in $work/out, its standard error in
# $work/err, its exit status in $status. A suite that runs something
# else, or keeps more than one run, defines a run of its own.
run() {
	"$IELINT" "$@" > "$work/out" 2> "$work/err" < "${stdin:-/dev/null}"
	status=$?
}

# run_in DIRECTORY ARGUMENT...: run, from DIRECTORY.
run_in() {
	tap_directory=$1
	shift
	(cd "$tap_directory" && "$IELINT" "$@") > "$work/out" 2> "$work/err" < "${stdin:-/dev/null}"
	status=$?
}

# ---- files --------------------------------------------------------------------

# make_work_dir: $work, a fresh directory for the suite's files (its
# physical name, as programs print it), removed when the suite ends, unless
# KEEP is set, to look at afterwards. Files made read-only in it go too.
make_work_dir() {
	work=$(mktemp -d) || bail_out "mktemp -d failed"
	work=$(cd "$work" && pwd -P)
	trap 'remove_work_dir' EXIT
}

remove_work_dir() {
	if [ -n "${KEEP:-}" ]; then
		echo "# the suite's files are kept in $work"
		return
	fi
	chmod -R u+rwx "$work" 2> /dev/null
	rm -rf "$work"
}

# have COMMAND: whether COMMAND can be run here.
have() {
	command -v "$1" > /dev/null 2>&1
}

# ---- git and pre-commit -------------------------------------------------------

# private_home: git and pre-commit see nothing of the user's (configuration,
# caches, environment): HOME is in $work, and ielint on PATH is $IELINT.
private_home() {
	HOME=$work/home
	PRE_COMMIT_HOME=$work/home/pre-commit-cache
	PRE_COMMIT_COLOR=never
	GIT_CONFIG_NOSYSTEM=1
	export HOME PRE_COMMIT_HOME PRE_COMMIT_COLOR GIT_CONFIG_NOSYSTEM
	unset XDG_CACHE_HOME XDG_CONFIG_HOME GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE \
		GIT_OBJECT_DIRECTORY GIT_CONFIG GIT_CONFIG_GLOBAL SKIP PRE_COMMIT_ALLOW_NO_CONFIG
	mkdir -p "$HOME"
	PATH=$(dirname "$IELINT"):$PATH
	export PATH
}

# git_repository DIRECTORY: a new git repository there, whose commits have
# an author and no signature.
git_repository() {
	mkdir -p "$1" &&
	(
		cd "$1" &&
		git init -q &&
		git config user.name "ielint tests" &&
		git config user.email "tests@ielint.invalid" &&
		git config commit.gpgsign false
	)
}
