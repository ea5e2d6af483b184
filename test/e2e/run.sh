#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Run the end-to-end scenarios in real interactive shells.
#   test/e2e/run.sh [-s SHELL]... [PATTERN]
# runs every scenario function t_* whose name matches PATTERN (an extended
# regex) in each SHELL (default: bash zsh fish), and ends with the line
# "N passed, N failed, N skipped" (a scenario that does not apply to a
# shell says so with skip).
set -u
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)
VSW=${VSW:-$ROOT/vswitch}
export E2E_DIR VSW

shells=()
while getopts s: opt; do
	case $opt in
	s) shells+=("$OPTARG") ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
pattern=${1:-.}
[ ${#shells[@]} -gt 0 ] || shells=(bash zsh fish)

# shellcheck source=lib.sh
. "$E2E_DIR/lib.sh"
# shellcheck source=fixtures.sh
. "$E2E_DIR/fixtures.sh"
for f in "$E2E_DIR"/scenarios/*.sh; do
	# shellcheck source=/dev/null
	. "$f"
done

for tool in tmux python3 "$VSW"; do
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

start=$(date +%s)
make_fixtures
export FIX FIX_PWNED="$FIX/pwned"
trap drop_fixtures EXIT

passed=0 failed=0 skipped=0
mapfile -t tests < <(declare -F | awk '{ print $3 }' | grep '^t_' | grep -E -- "$pattern")
for SH in "${shells[@]}"; do
	if ! command -v "$SH" >/dev/null; then
		echo "not ok - $SH is not installed (make deps)"
		failed=$((failed + 1))
		continue
	fi
	for t in "${tests[@]}"; do
		(
			e2e_setup
			"$t"
			if [ -e "$FIX_PWNED" ]; then
				fail "something ran code from a path or label ($FIX_PWNED exists)"
				rm -f "$FIX_PWNED"
			fi
			e2e_teardown
			[ "$FAILS" -eq 0 ] || exit 1
			if [ -n "$SKIP" ]; then
				echo "ok - $SH ${t#t_} # skip $SKIP"
				exit 77
			fi
		)
		case $? in
		0)
			echo "ok - $SH ${t#t_}"
			passed=$((passed + 1))
			;;
		77) skipped=$((skipped + 1)) ;;
		*)
			echo "not ok - $SH ${t#t_}"
			failed=$((failed + 1))
			;;
		esac
	done
done
echo "e2e took $(($(date +%s) - start)) s"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
