# shellcheck shell=bash disable=SC2016
# Command-line checks of the binary itself, run once per run (not per
# shell): help, version, usage errors, and what goes to stdout and
# stderr.

# Run the binary with $@ in a clean environment under $T; stdout, stderr
# and the exit status go to $T/d/out, err and rc.
cli_run() {
	env -i HOME="$T/home" PATH=/usr/bin:/bin XDG_CONFIG_HOME="$T/home/.config" \
		XDG_DATA_HOME="$T/home/.local/share" "${CLI_ENV[@]}" "$VSW" "$@" \
		>"$T/d/out" 2>"$T/d/err"
	echo $? >"$T/d/rc"
}

# The exit status was $1, stderr is $2 lines, each a "vswitch: " one.
cli_expect() {
	expect_file rc "$1"
	[ "$(wc -l <"$T/d/err")" -eq "$2" ] || fail "stderr has $(wc -l <"$T/d/err") lines, not $2: $(head -3 "$T/d/err")"
	if grep -v '^vswitch: ' "$T/d/err" | grep -q .; then
		fail "stderr holds a line that is not 'vswitch: ...': $(head -3 "$T/d/err")"
	fi
}

CLI_ENV=()

c_help() {
	local arg cmd
	for arg in --help -h; do
		cli_run "$arg"
		cli_expect 0 0
		head -1 "$T/d/out" | grep -q '^usage: vswitch' || fail "$arg: $(head -1 "$T/d/out")"
		for cmd in hook export off on use list status allow deny; do
			grep -q "^  $cmd\\b" "$T/d/out" || fail "$arg does not list $cmd"
		done
	done
}

c_version() {
	cli_run --version
	cli_expect 0 0
	grep -qE '^vswitch [0-9]+\.[0-9]+\.[0-9]+$' "$T/d/out" || fail "--version: $(cat "$T/d/out")"
}

c_usage_errors() {
	cli_run no-such-command
	cli_expect 2 1
	[ ! -s "$T/d/out" ] || fail "an unknown command wrote to stdout"
	cli_run hook cobol
	cli_expect 2 1
	grep -q "unknown shell 'cobol'" "$T/d/err" || fail "hook cobol: $(cat "$T/d/err")"
	cli_run export cobol
	cli_expect 2 1
	cli_run --shell=cobol off
	cli_expect 2 1
	cli_run status extra
	cli_expect 2 1
	[ ! -s "$T/d/out" ] || fail "a usage error wrote to stdout"
	cli_run
	expect_file rc 2
	head -1 "$T/d/err" | grep -q '^usage: vswitch' || fail "no arguments: $(head -1 "$T/d/err")"
	[ ! -s "$T/d/out" ] || fail "no arguments wrote to stdout"
	# allow with nothing to record: one line that names every kind
	(cd "$FIX/w/plain" && cli_run --shell=bash allow)
	cli_expect 1 1
	expect_file err "vswitch: nothing to allow: no .venvrc, venv folder or tool's file governs '$FIX/w/plain'"
}

# Every shell the binary knows has an adapter here, and the other way.
c_hook_list() {
	local f
	cli_run hook --list
	cli_expect 0 0
	for f in "$E2E_DIR"/shells/*.sh; do
		f=${f##*/}
		grep -qx "${f%.sh}" "$T/d/out" || fail "hook --list lacks ${f%.sh}"
	done
	while read -r f; do
		[ -e "$E2E_DIR/shells/$f.sh" ] || fail "$f has no end-to-end adapter"
	done <"$T/d/out"
}

c_list_long() {
	local v
	v=$("$PY" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
	mkdir -p "$T/envs"
	mkvenv "$T/envs/alpha"
	mkvenv "$T/envs/b"
	CLI_ENV=(WORKON_HOME="$T/envs")
	cli_run list --long
	CLI_ENV=()
	cli_expect 0 0
	expect_file out "$(printf 'alpha  %-8s  %s\nb      %-8s  %s' "$v" "$T/envs/alpha" "$v" "$T/envs/b")"
}

# stdout is shell code: a write that fails must not pass for success.
c_write_error() {
	env -i HOME="$T/home" PATH=/usr/bin:/bin "$VSW" hook bash >/dev/full 2>"$T/d/err"
	echo $? >"$T/d/rc"
	cli_expect 1 1
	expect_file err "vswitch: cannot write output"
}

# exec and env: what a task with no shell hook (cron, an agent, an IDE)
# gets, with no prompt ever drawn.
c_exec() {
	local p=$FIX/w/proj py='import os, sys; print(sys.prefix, os.environ["VIRTUAL_ENV"])'
	(cd "$p/a/b" && cli_run exec -- python3 -c "$py")
	cli_expect 0 0
	expect_file out "$p/venv $p/venv"
	# --dir, from anywhere, for an env poetry made
	CLI_ENV=(POETRY_CACHE_DIR="$FIX/t/pcache")
	(cd / && cli_run exec --dir "$FIX/t/poetry/proj/sub" -- python3 -c "$py")
	CLI_ENV=()
	cli_expect 0 0
	grep -q "^$FIX/t/pcache/virtualenvs/demo-proj-x-" "$T/d/out" || fail "poetry: $(cat "$T/d/out")"
	# the command's own status; one that cannot run is 127
	(cd "$p" && cli_run exec -- sh -c 'exit 7')
	cli_expect 7 0
	(cd "$p" && cli_run exec -- no-such-command-here)
	cli_expect 127 1
	# an env that is refused runs nothing: one line, status 1
	mkdir -p "$T/clone"
	printf '%s/bin/python\n' "$p/venv" >"$T/clone/.pdm-python"
	(cd "$T/clone" && cli_run exec -- touch "$T/ran")
	cli_expect 1 1
	[ ! -e "$T/ran" ] || fail "exec ran the command for a refused env"
	# and env prints nothing to evaluate for it
	(cd "$T/clone" && cli_run env bash)
	cli_expect 1 1
	[ ! -s "$T/d/out" ] || fail "env printed code for a refused env: $(cat "$T/d/out")"
	# outside any project the command runs as it is
	(cd "$FIX/w/plain" && cli_run exec -- sh -c 'echo "${VIRTUAL_ENV-unset}"')
	cli_expect 0 0
	expect_file out unset
	# env: sh code that a script evals
	(cd "$p/a" && cli_run env)
	cli_expect 0 0
	sh -c 'eval "$(cat "$1")" && echo "$VIRTUAL_ENV" && command -v python' - "$T/d/out" >"$T/d/sh" ||
		fail "env output does not eval in sh"
	expect_file sh "$p/venv
$p/venv/bin/python"
}

# make install with PREFIX=/usr puts zsh's completion where Debian's zsh
# looks for it (no site-functions under /usr is on its $fpath), and with
# the default prefix in site-functions, which is; into a DESTDIR.
c_install_zsh_completion() {
	local prefix f
	for prefix in /usr /usr/local; do
		case $prefix in
		/usr) f=/usr/share/zsh/vendor-completions/_vswitch ;;
		*) f=$prefix/share/zsh/site-functions/_vswitch ;;
		esac
		make -s -C "$ROOT" install DESTDIR="$T/root" PREFIX="$prefix" >/dev/null ||
			{ fail "make install PREFIX=$prefix"; continue; }
		cmp -s "$ROOT/completions/_vswitch" "$T/root$f" ||
			fail "PREFIX=$prefix: no $f; _vswitch is at: $(cd "$T/root" && find . -name _vswitch)"
		if command -v zsh >/dev/null; then
			zsh -fc 'print -l -- $fpath' | grep -qxF -- "${f%/_vswitch}" ||
				fail "${f%/_vswitch} is not on zsh's \$fpath"
		fi
	done
}
