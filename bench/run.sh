#!/bin/sh
# make bench: measure vswitch against no hook, a /bin/true hook and
# direnv; write bench/results.md and bench/chart.png.
#   BENCH_QUICK=1   fewer lines and runs (a few minutes; to try the harness)
#   BENCH_SHELLS=bash,zsh,...    which shells to drive (default: every
#                                one bench/prompt.py knows that is installed)
set -eu
cd "$(dirname "$0")/.."
root=$PWD
vswitch=$root/vswitch
work=$root/bench/work
results=$work/results
py=/usr/bin/python3

# The shells bench/prompt.py knows, as "NAME PROGRAM" lines.
known=$("$py" bench/prompt.py --list)
if [ -z "${BENCH_SHELLS-}" ]; then
	BENCH_SHELLS=$(printf '%s\n' "$known" | while read -r name prog; do
		if command -v "$prog" >/dev/null 2>&1; then printf '%s\n' "$name"; fi
	done | paste -sd, -)
fi

# bash is needed anyway: the binary and completion runs use it.
missing=
for tool in hyperfine valgrind strace gnuplot direnv bash; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
for name in $(printf '%s' "$BENCH_SHELLS" | tr ',' ' '); do
	prog=$(printf '%s\n' "$known" | awk -v n="$name" '$1 == n { print $2 }')
	if [ -z "$prog" ]; then
		echo "bench: unknown shell '$name' in BENCH_SHELLS (known: $(printf '%s\n' "$known" | cut -d' ' -f1 | paste -sd' ' -))" >&2
		exit 1
	fi
	command -v "$prog" >/dev/null 2>&1 || missing="$missing $prog"
done
[ -x /usr/bin/time ] || missing="$missing time"
if [ -n "$missing" ]; then
	echo "bench: missing:$missing (run 'make deps' as root)" >&2
	exit 1
fi
[ -x "$vswitch" ] || { echo "bench: build ./vswitch first (make)" >&2; exit 1; }

if [ "${BENCH_QUICK-}" = 1 ]; then
	lines=40 reps=2 count=10 runs=30
else
	lines=100 reps=5 count=20 runs=200
fi

mkdir -p "$results"
echo "bench: setting up $work" >&2
deep=$(bench/fixtures.sh "$work")

{
	echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "vswitch:  $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src Makefile 2>/dev/null || echo ' (modified)'), $(readelf -l "$vswitch" 2>/dev/null | grep -q INTERP && echo dynamically || echo statically) linked"
	echo "kernel:   $(uname -srm)"
	echo "cpu:      $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(nproc) online"
	echo "memory:   $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	# shellcheck disable=SC1091
	echo "os:       $(. /etc/os-release && echo "$PRETTY_NAME")"
	echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at start"
	echo "tools:    $(bash --version | sed -n '1s/.*version \([^ ]*\).*/bash \1/p'), direnv $(direnv version), $(hyperfine --version), $(valgrind --version), $(cc --version | head -n1)"
	echo "mode:     $([ "${BENCH_QUICK-}" = 1 ] && echo 'BENCH_QUICK=1 (few runs: indicative only)' || echo full), $lines lines x $reps runs per prompt configuration, $runs runs per binary scenario"
} >"$results/machine.txt"

echo "bench: the binary alone" >&2
RUNS=$runs bench/binary.sh "$work" "$deep" "$vswitch" "$results/binary.tsv"

echo "bench: vswitch list and completion" >&2
RUNS=$(( runs / 3 )) bench/list.sh "$work" "$vswitch" "$root/completions/vswitch.bash" \
	"$results/list.tsv"

echo "bench: prompts in $BENCH_SHELLS (pty)" >&2
"$py" bench/prompt.py --work "$work" --deep "$deep" --vswitch "$vswitch" \
	--out "$results/prompt.json" --lines "$lines" --reps "$reps" \
	--count-lines "$count" --shells "$BENCH_SHELLS"

echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at end" >>"$results/machine.txt"
"$py" bench/report.py --results "$results" --md bench/results.md \
	--machine "$results/machine.txt" --binary-runs "$runs"
gnuplot -e "dir='$results'; out='bench/chart.png'" bench/chart.gp
echo "bench: wrote bench/results.md and bench/chart.png" >&2
