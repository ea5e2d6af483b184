#!/bin/bash
# `vswitch list` and bash completion over an env home of 5,000 envs.
# Runs only when this build has `vswitch list` (it exits 0); otherwise it
# writes a header-only table and says why on stderr.
# Usage: list.sh WORK VSWITCH COMPLETION.bash OUT.tsv   (RUNS=N)
# shellcheck disable=SC2016 # the scripts in single quotes run in a child bash
set -eu
work=$1 vswitch=$2 completion=$3 out=$4
runs=${RUNS:-100}
envs=$work/envs5000
bin=$work/bin
mkdir -p "$bin"
ln -sf "$vswitch" "$bin/vswitch"

printf 'scenario\tmedian_ms\tstddev_ms\tinstructions\tpeak_rss_kb\tsyscalls\titems\n' >"$out"
clean() {
	env -i HOME="$work/home" PATH="$bin:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8 \
		WORKON_HOME="$envs" "$@"
}
if ! clean vswitch list >/dev/null 2>&1; then
	echo "list.sh: 'vswitch list' is not in this build; section skipped" >&2
	exit 0
fi

# --- vswitch list -------------------------------------------------------
t=$work/list.tmp
clean hyperfine -N --style none --warmup 5 --runs "$runs" --export-json "$t.json" \
	"$bin/vswitch list" >/dev/null
ir=$(clean valgrind --tool=callgrind --callgrind-out-file=/dev/null vswitch list \
	2>&1 >/dev/null | sed -n 's/.*Collected : *//p')
clean /usr/bin/time -f %M -o "$t.rss" vswitch list >/dev/null
clean strace -f -o "$t.strace" vswitch list >/dev/null
items=$(clean vswitch list | wc -l)
printf 'list\t%s\t%s\t%s\t%s\t%s\n' \
	"$(python3 -c 'import json,statistics,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f\t%.4f" % (statistics.median(r["times"])*1e3, r["stddev"]*1e3))' "$t.json")" \
	"$ir" "$(cat "$t.rss")" "$(grep -cv -e '^[0-9]* *+++' -e '^[0-9]* *---' "$t.strace")" \
	"$items" >>"$out"
rm -f "$t.json" "$t.rss" "$t.strace"

# --- completion ---------------------------------------------------------
# The time from <Tab> to the candidates: the completion function alone,
# timed inside one running bash (as a user's shell would run it), for
# `vswitch use <Tab>` (all 5,000) and `vswitch use env12<Tab>` (100).
if [ ! -f "$completion" ]; then
	echo "list.sh: no $completion; completion skipped" >&2
	exit 0
fi
clean bash --norc --noprofile -c '
	[ -f /usr/share/bash-completion/bash_completion ] &&
		. /usr/share/bash-completion/bash_completion
	. "$1"
	spec=$(complete -p vswitch) || exit 1
	fn=${spec##*-F }
	fn=${fn%% *}
	for cur in "" env12; do
		times=()
		for ((i = 0; i < $2; i++)); do
			COMP_WORDS=(vswitch use "$cur")
			COMP_CWORD=2
			COMP_LINE="vswitch use $cur"
			COMP_POINT=${#COMP_LINE}
			COMPREPLY=()
			t0=$EPOCHREALTIME
			"$fn" vswitch "$cur" use
			t1=$EPOCHREALTIME
			times+=("$t0 $t1")
		done
		printf "%s\n" "${times[@]}" | python3 -c "
import statistics, sys
d = [float(b) - float(a) for a, b in (l.split() for l in sys.stdin)]
print(\"complete-use%s\t%.4f\t%.4f\t-\t-\t-\t%d\" % (sys.argv[1] and \"-\" + sys.argv[1],
      statistics.median(d) * 1e3, statistics.pstdev(d) * 1e3, int(sys.argv[2])))
" "$cur" "${#COMPREPLY[@]}"
	done
' bench "$completion" "$(( runs < 30 ? runs : 30 ))" >>"$out"
