#!/bin/bash
# The binary alone: for each scenario, wall time (hyperfine, no shell in
# between), instructions (callgrind: the same on a busy machine as on a
# quiet one), peak RSS (GNU time) and system calls (strace).
# Usage: binary.sh WORK DEEP VSWITCH OUT.tsv   (RUNS=N hyperfine runs)
# shellcheck disable=SC2016 # the scripts in single quotes run in a child bash
set -eu
work=$1 deep=$2 vswitch=$3 out=$4
runs=${RUNS:-300}
proj=$work/proj
tmp=$work/binary.tmp
mkdir -p "$tmp"

# A scenario runs in a clean environment, in directory DIR, after the
# optional set-up SETUP (shell code), and times the command CMD...
scenario() {
	local name=$1 dir=$2 setup=$3
	shift 3
	env -i HOME="$work/home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
		BENCH_TMP="$tmp" BENCH_NAME="$name" BENCH_RUNS="${SCEN_RUNS:-$runs}" \
		BENCH_CALLGRIND="${BENCH_CALLGRIND-1}" VSWITCH_BIN="$vswitch" \
		bash -c '
		cd "$1" || exit 1
		eval "$2"
		shift 2
		t=$BENCH_TMP/$BENCH_NAME
		w=20
		[ "$BENCH_RUNS" -ge 20 ] || w=2
		hyperfine -N --style none --warmup "$w" --runs "$BENCH_RUNS" \
			--export-json "$t.json" -- "$*" >/dev/null
		ir=-
		if [ "$BENCH_CALLGRIND" = 1 ]; then
			ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
				"$@" 2>&1 >/dev/null | sed -n "s/.*Collected : *//p")
		fi
		rss=$(for i in 1 2 3 4 5; do
			/usr/bin/time -f %M -o "$t.rss" "$@" >/dev/null 2>&1
			cat "$t.rss"
		done | sort -n | sed -n 3p)
		strace -f -o "$t.strace" "$@" >/dev/null 2>&1
		sc=$(grep -cv -e "^[0-9]* *+++" -e "^[0-9]* *---" "$t.strace")
		st=$(grep -c -e "stat" -e "access(" "$t.strace" || :)
		bytes=$("$@" 2>/dev/null | wc -c)
		printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$BENCH_NAME" \
			"$(python3 -c "import json,statistics,sys; r=json.load(open(sys.argv[1]))[\"results\"][0]; print(\"%.4f\t%.4f\" % (statistics.median(r[\"times\"])*1e3, r[\"stddev\"]*1e3))" "$t.json")" \
			"$ir" "$rss" "$sc" "$st" "$bytes"
	' bench "$dir" "$setup" "$@"
}

# The state a shell has after entering the project: what the hook would
# have evaluated, minus the prompt (no hook functions here).
activate='_vswitch_enter() { :; }; _vswitch_leave() { :; }
	eval "$("$VSWITCH_BIN" export bash)"'

{
	printf 'scenario\tmedian_ms\tstddev_ms\tinstructions\tpeak_rss_kb\tsyscalls\tstat_calls\toutput_bytes\n'
	scenario true "$deep" : /bin/true
	scenario deep "$deep" : "$vswitch" export bash
	scenario root "$proj" : "$vswitch" export bash
	scenario outside "$work/out" : "$vswitch" export bash
	scenario outside-deep "$work/out/o1/o2/o3/o4/o5/o6/o7/o8/o9/o10/o11/o12" : \
		"$vswitch" export bash
	scenario deep-active "$deep" "$activate" "$vswitch" export bash
	scenario deep-config "$deep" "export VSWITCH_CONFIG=$work/cfg/plain.ini" \
		"$vswitch" export bash
	scenario deep-ignore10 "$deep" "export VSWITCH_CONFIG=$work/cfg/ignore10.ini" \
		"$vswitch" export bash
	if command -v direnv >/dev/null; then
		BENCH_CALLGRIND=0 scenario direnv-deep "$deep" : direnv export bash
	fi
	tooldeep=d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12
	if [ -d "$work/pcache/virtualenvs" ]; then
		scenario poetry-deep "$work/poetry/$tooldeep" \
			"export POETRY_CACHE_DIR=$work/pcache" "$vswitch" export bash
		BENCH_CALLGRIND=0 SCEN_RUNS=10 scenario poetry-env-info "$work/poetry/$tooldeep" \
			"export POETRY_CACHE_DIR=$work/pcache" poetry env info -p
	fi
	if [ -d "$work/pipenvs" ]; then
		scenario pipenv-deep "$work/pipenv/$tooldeep" \
			"export WORKON_HOME=$work/pipenvs" "$vswitch" export bash
		BENCH_CALLGRIND=0 SCEN_RUNS=10 scenario pipenv-venv "$work/pipenv/$tooldeep" \
			"export WORKON_HOME=$work/pipenvs PIPENV_NOSPIN=1 PIPENV_MAX_DEPTH=13" pipenv --venv
	fi
} >"$out"
rm -rf "$tmp"
