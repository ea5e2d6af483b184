#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Run the end-to-end scenarios in real interactive shells.
#   test/e2e/run.sh [-s SHELL]... [PATTERN]
# runs every scenario function t_* whose name matches PATTERN (an extended
# regex) in each SHELL (default: every shell with an adapter in shells/),
# and every command-line check c_* (cli.sh) that matches, once; then
# prints "N passed, N failed, N skipped" (a scenario that does not apply
# to a shell says so with skip).
#   E2E_JOBS=N   run N scenarios at a time (default 3; 1 runs them in turn)
#   E2E_SEED=N   the seed of the random round-trip cases (default: a new
#                one, printed first, so that a failing run can be repeated)
#   E2E_KEEP=1   keep the folder of a failed scenario
set -u
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)
VSW=${VSW:-$ROOT/vswitch}
export E2E_DIR ROOT VSW

shells=()
while getopts s: opt; do
	case $opt in
	s) shells+=("$OPTARG") ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
pattern=${1:-.}
if [ ${#shells[@]} -eq 0 ]; then
	for f in "$E2E_DIR"/shells/*.sh; do
		f=${f##*/}
		shells+=("${f%.sh}")
	done
fi

# shellcheck source=lib.sh
. "$E2E_DIR/lib.sh"
# shellcheck source=fixtures.sh
. "$E2E_DIR/fixtures.sh"
# shellcheck source=cli.sh
. "$E2E_DIR/cli.sh"
for f in "$E2E_DIR"/scenarios/*.sh; do
	# shellcheck source=/dev/null
	. "$f"
done

for tool in tmux python3 strace "$VSW"; do
	command -v "$tool" >/dev/null || { echo "e2e: '$tool' is missing (make deps)"; exit 1; }
done

# A venv or .venvrc above the temp folder would be found from every
# "outside" folder of the scenarios and make their checks meaningless.
d=$(cd "${TMPDIR:-/tmp}" && pwd -P)
while :; do
	for n in venv/pyvenv.cfg .venv/pyvenv.cfg .venvrc; do
		if [ -e "$d/$n" ]; then
			echo "e2e: $d/$n is above the test folders; remove it or set TMPDIR elsewhere"
			exit 1
		fi
	done
	[ "$d" = / ] && break
	d=$(dirname "$d")
done

E2E_SEED=${E2E_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
export E2E_SEED
echo "e2e: round-trip seed $E2E_SEED (E2E_SEED=$E2E_SEED repeats it)"

start=$(date +%s)
make_fixtures
export FIX FIX_PWNED="$FIX/pwned"
OUT=$(mktemp -d "${TMPDIR:-/tmp}/vsw-e2e-out.XXXXXX")
trap 'drop_fixtures; rm -rf "$OUT"' EXIT

# One scenario in one shell (or a command-line check, SH=cli), in a
# subshell of its own: its output and its result (0, 1, 77 skipped) go
# to files named after the job.
job() {
	SH=$1
	local t=$2
	if [ "$SH" != cli ]; then
		# shellcheck source=/dev/null
		. "$E2E_DIR/shells/$SH.sh"
	fi
	e2e_setup
	"$t"
	if [ -e "$FIX_PWNED" ]; then
		fail "something ran code from a path or label ($FIX_PWNED exists)"
		rm -f "$FIX_PWNED"
	fi
	e2e_teardown
	[ "$FAILS" -eq 0 ] || return 1
	if [ -n "$SKIP" ]; then
		echo "ok - $SH ${t#[tc]_} # skip $SKIP"
		return 77
	fi
	echo "ok - $SH ${t#[tc]_}"
}

passed=0 failed=0 skipped=0 printed=0
# Print each finished job's output whole, and count its result.
reap() {
	local f rc name
	for f in "$OUT"/*.rc; do
		[ -e "$f" ] || continue
		name=${f%.rc}
		rc=$(cat "$f")
		cat "$name.out"
		case $rc in
		0) passed=$((passed + 1)) ;;
		77) skipped=$((skipped + 1)) ;;
		*)
			echo "not ok - $(cat "$name.what")"
			failed=$((failed + 1))
			;;
		esac
		rm -f "$f" "$name.out" "$name.what"
		printed=$((printed + 1))
	done
}

n=0
launch() {
	while [ "$(jobs -rp | wc -l)" -ge "${E2E_JOBS:-3}" ]; do
		wait -n 2>/dev/null
		reap
	done
	n=$((n + 1))
	echo "$1 ${2#[tc]_}" >"$OUT/$n.what"
	(
		job "$1" "$2" >"$OUT/$n.out" 2>&1
		echo $? >"$OUT/$n.rc.tmp"
		mv "$OUT/$n.rc.tmp" "$OUT/$n.rc"
	) &
}

mapfile -t cli < <(declare -F | awk '{ print $3 }' | grep '^c_' | grep -E -- "$pattern")
mapfile -t tests < <(declare -F | awk '{ print $3 }' | grep '^t_' | grep -E -- "$pattern")
for t in "${cli[@]}"; do
	launch cli "$t"
done
for SH in "${shells[@]}"; do
	if [ ! -e "$E2E_DIR/shells/$SH.sh" ]; then
		echo "not ok - $SH has no adapter (test/e2e/shells/$SH.sh)"
		failed=$((failed + 1))
		continue
	fi
	# shellcheck source=/dev/null
	if ! (. "$E2E_DIR/shells/$SH.sh" && sh_installed); then
		# a shell that make deps installs only when it can (sh_optional
		# says why) is skipped; any other one is missing
		# shellcheck source=/dev/null
		if why=$(. "$E2E_DIR/shells/$SH.sh" && sh_optional 2>/dev/null); then
			echo "ok - $SH # skip not installed: $why"
			skipped=$((skipped + 1))
		else
			echo "not ok - $SH is not installed (make deps)"
			failed=$((failed + 1))
		fi
		continue
	fi
	for t in "${tests[@]}"; do
		launch "$SH" "$t"
	done
done
while [ "$printed" -lt "$n" ]; do
	wait -n 2>/dev/null || sleep 0.1
	reap
done
echo "e2e took $(($(date +%s) - start)) s (E2E_JOBS=${E2E_JOBS:-3}, seed $E2E_SEED)"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
