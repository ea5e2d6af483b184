# shellcheck shell=bash
# End-to-end harness: drives a real interactive bash, zsh or fish in a
# tmux pane (a real pty), types lines into it and reads back what the
# shell wrote: `env -0` dumps made by a child process, exit statuses, and
# the screen as drawn. Scenarios are written once and run in every shell;
# what differs between shells is in the shell's adapter, shells/SH.sh
# (its sh_* functions and the l_* lines a scenario types).
#
# Set by run.sh: SH (the shell's name), VSW (the binary), FIX (fixtures
# made once per run), E2E_DIR (this folder), ROOT (the source tree), and
# the shell's adapter, loaded.

E2E_TIMEOUT=${E2E_TIMEOUT:-20}

# Per-scenario: T is a fresh folder with home/, d/ (dumps), p/ (paths
# handed to vsw_cdp), sync/.
e2e_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/vsw-e2e.XXXXXX")
	mkdir -p "$T/home" "$T/d" "$T/p" "$T/sync" "$T/home/.config"
	SOCK="vsw-e2e-$$-${T##*.}"
	NSYNC=0
	NTYPED=0
	# read by the adapter's sh_write_rc
	# shellcheck disable=SC2034
	RC_PRE='' RC_POST=''
	START_DIR=$T/home
	RUN_AS=''
	STRACE=''
	FAILS=0
	SKIP=''
}

# End the shell: its tmux server, and then every process left in the
# pane's session, since one may outlive its terminal (a shell under
# strace, hung up, spins on it for good).
stop_shell() {
	local sid
	sid=$(tmux -L "$SOCK" display-message -p -t t '#{pane_pid}' 2>/dev/null)
	tmux -L "$SOCK" kill-server 2>/dev/null
	if [ -n "$sid" ]; then
		pkill -KILL -s "$sid" 2>/dev/null
	fi
	return 0
}

e2e_teardown() {
	stop_shell
	if [ "$FAILS" -eq 0 ] || [ -z "${E2E_KEEP-}" ]; then
		chmod -R u+rwx "$T" 2>/dev/null
		# The shell, hung up by kill-server, may still be writing its
		# history into home/ as rm runs: try again once it is gone.
		rm -rf "$T" 2>/dev/null || { sleep 0.5; rm -rf "$T"; }
	else
		echo "    (kept $T)"
	fi
}

# The scenario does not apply to this shell: reported as skipped (run.sh
# reads SKIP).
# shellcheck disable=SC2034
skip() {
	SKIP=$*
}

fail() {
	FAILS=$((FAILS + 1))
	printf '    FAIL: %s\n' "$*"
}

# The vsw_* helpers in bash and zsh syntax (the same for both). vsw_cdp
# reads the path byte-exact: in the C locale, so that no byte is taken
# for part of a character, and through $(...) with a sentinel, so that a
# trailing newline is kept (bash's read -d '' drops 0x01 before some
# bytes).
posix_helpers() {
	cat <<'HELPERS'
vsw_sync() { : > "$VSW_T/sync/$1"; }
vsw_dump() { /usr/bin/env -0 > "$VSW_T/d/$1"; }
vsw_status() { echo "$?" > "$VSW_T/d/$1"; }
vsw_py() { python -c 'import sys; print(sys.prefix)' > "$VSW_T/d/$1" 2>&1; }
vsw_cdp() { local p LC_ALL=C; p=$(cat "$VSW_T/p/$1"; echo x); cd -- "${p%x}"; }
vsw_cdrel() { local c; while IFS= read -r c; do cd -- "$c" || return; done < "$VSW_T/p/$1"; }
HELPERS
}

# Start the shell in a clean environment (plus any NAME=VALUE arguments)
# and wait for its first prompt. With RUN_AS set to a uid, the shell
# runs as that user (tests run as root, which no permission stops), and
# $T becomes that user's.
start_shell() {
	sh_write_rc
	local as=''
	if [ -n "$RUN_AS" ]; then
		chown -R "$RUN_AS:$RUN_AS" "$T"
		chmod 755 "$T"
		as="setpriv --reuid=$RUN_AS --regid=$RUN_AS --clear-groups "
	fi
	local -a envv=(HOME="$T/home" PATH=/usr/local/bin:/usr/bin:/bin
		TERM=xterm-256color LANG=C.UTF-8 USER="$(id -un)" VSW_T="$T"
		ZDOTDIR="$T/home" XDG_CONFIG_HOME="$T/home/.config"
		XDG_DATA_HOME="$T/home/.local/share" "$@")
	local cmd q=''
	cmd=$(sh_cmd | sed "s|\\\$HOME|$T/home|")
	for v in "${envv[@]}"; do q+=" $(printf '%q' "$v")"; done
	# With STRACE set, every process the shell starts is logged, and
	# so is the open of each sync file, to count processes between two
	# syncs (procs_between); threads (fish has some) are not processes.
	# (nu, built with musl, opens files with open, not openat.)
	# LeakSanitizer stops the world with ptrace, which fails under
	# strace: a binary built with SANITIZE=address would exit 1 at each
	# run (and elvish's rc line takes a failing command's output for
	# none), so the shell's environment turns it off.
	local tr=''
	if [ -n "${STRACE-}" ]; then
		tr="strace -f -qq -e trace=process,open,openat -o $T/strace "
		if ldd "$VSW" 2>/dev/null | grep -q libasan; then
			q+=" ASAN_OPTIONS=detect_leaks=0"
		fi
	fi
	tmux -L "$SOCK" -f /dev/null new-session -d -x 250 -y 50 -s t \
		-c "$START_DIR" "exec $as $tr env -i$q $cmd"
	tmux -L "$SOCK" set-option -g remain-on-exit on >/dev/null
	sync_shell || fail "$SH did not start"
}

# Type each argument as one line. A shell that loses lines typed ahead
# has each one wait: with one_line_per_prompt, its rc appends a byte to
# $VSW_T/prompts as it is about to read a line, and each line waits for
# its own prompt (or, if none comes within 10 s, is typed anyway and the
# count starts over); with one_line_at_a_time, each line is followed by
# a sync.
type_lines() {
	local line
	for line in "$@"; do
		if sh_has one_line_per_prompt; then
			wait_prompts $((NTYPED + 1))
			NTYPED=$((NTYPED + 1))
		fi
		tmux -L "$SOCK" send-keys -t t -l -- "$line"
		tmux -L "$SOCK" send-keys -t t Enter
		case $line in
		"vsw_sync "*) ;;
		*) if sh_has one_line_at_a_time; then sync_shell || return 1; fi ;;
		esac
	done
}

wait_prompts() {
	local i=0 n
	while :; do
		n=$(stat -c %s "$T/prompts" 2>/dev/null || echo 0)
		[ "$n" -ge "$1" ] && return 0
		i=$((i + 1))
		if [ $i -gt 1000 ]; then
			NTYPED=$((n - 1))
			return 0
		fi
		sleep 0.01
	done
}

# Type a line that touches a file, and wait for it: everything typed
# before has run and every prompt hook before it has run. The line is
# typed again when it has not run in 10 s (running it twice does no
# harm): a shell that is starting, such as a child shell, may drop what
# was typed ahead. A shell that loses lines typed while it is busy
# (one_line_at_a_time) has it typed again after 3 s, and then is waited
# for until it draws its prompt, so that the next line is typed while
# it reads.
sync_shell() {
	NSYNC=$((NSYNC + 1))
	type_lines "vsw_sync $NSYNC"
	local i=0 one='' every=200
	sh_has one_line_at_a_time && one=1 every=60
	while [ ! -e "$T/sync/$NSYNC" ]; do
		i=$((i + 1))
		if [ $i -gt $((E2E_TIMEOUT * 20)) ]; then
			echo "    (screen at time-out:)"
			pane | sed -e '/^[[:space:]]*$/d' -e 's/^/    | /' | tail -15
			return 1
		fi
		[ $((i % every)) -eq 0 ] && type_lines "vsw_sync $NSYNC"
		sleep 0.05
	done
	if [ -n "$one" ]; then
		i=0
		until [[ $(last_line) == *"$(sh_prompt)" ]] || [ $i -gt $((E2E_TIMEOUT * 20)) ]; do
			i=$((i + 1))
			sleep 0.05
		done
	fi
	return 0
}

# Type lines, then sync.
run() {
	type_lines "$@"
	sync_shell || fail "time-out after: $*"
}

pane() {
	tmux -L "$SOCK" capture-pane -p -J -t t -S -200
}

# The last non-empty line on screen, trailing blanks removed.
last_line() {
	pane | sed 's/[[:space:]]*$//' | awk 'NF { l = $0 } END { print l }'
}

# The prompt the shell's rc draws when no env is active.
plain_prompt() {
	sh_prompt
}

# Wait until the bottom prompt reads exactly $1 (trailing blanks aside).
expect_prompt() {
	local i=0 got
	while :; do
		got=$(last_line)
		[ "$got" = "$1" ] && return 0
		i=$((i + 1))
		if [ $i -gt $((E2E_TIMEOUT * 20)) ]; then
			fail "prompt: expected '$1', got '$got'"
			return 1
		fi
		sleep 0.05
	done
}

# Value of VAR in dump NAME (from vsw_dump NAME).
env_of() {
	"$E2E_DIR/envtool.py" get "$T/d/$1" "$2"
}

expect_env() {
	local got
	# x keeps a trailing newline; the status is env_of's
	if ! got=$(env_of "$1" "$2" && echo x); then
		fail "$1: $2 is unset, expected '$3'"
		return
	fi
	got=${got%x}
	[ "$got" = "$3" ] || fail "$1: $2 is '$got', expected '$3'"
}

expect_unset() {
	if env_of "$1" "$2" >/dev/null; then
		fail "$1: $2 is set to '$(env_of "$1" "$2")', expected unset"
	fi
}

# Dumps $1 and $2 hold the same environment, byte for byte.
expect_same_env() {
	local diff
	diff=$("$E2E_DIR/envtool.py" same "$T/d/$1" "$T/d/$2") ||
		fail "environment $1 -> $2 differs:
$diff"
}

expect_file() {
	local got
	got=$(cat "$T/d/$1" 2>/dev/null)
	[ "$got" = "$2" ] || fail "$1: expected '$2', got '$got'"
}

expect_screen_lacks() {
	if pane | grep -qF -- "$1"; then
		fail "screen shows '$1':"
		pane | grep -F -- "$1" | head -3 | sed 's/^/    | /'
	fi
}

expect_screen_has() {
	pane | grep -qF -- "$1" || fail "screen lacks '$1'"
}

# The screen shows $2 on exactly $1 lines.
expect_screen_count() {
	local n
	n=$(pane | grep -cF -- "$2")
	[ "$n" = "$1" ] || fail "screen shows '$2' $n times, not $1"
}

# Whether the shell refuses an env at path $1 (its row's rule of what it
# cannot hold), and the bytes that make it refuse one; by default none.
# An adapter whose shell has such a rule defines both.
sh_refuses() {
	return 1
}

sh_refused_bytes() {
	:
}

# What text the shell holds: "bytes" (any), or "utf8" (only UTF-8: it
# cannot even enter a folder whose path is not). An adapter whose shell
# holds less defines its own.
sh_holds() {
	echo bytes
}

# A line that runs the command line $1 with its output into the file
# $2, and a command that fails (where `false` is no command, the
# adapter says how to run it).
l_to() {
	echo "$1 > $2"
}

l_false() {
	echo false
}

# How a word that starts with the character $1 is typed so that Tab
# completes it: the character after a backslash. An adapter whose shell
# reads that otherwise defines its own.
l_typed_start() {
	printf '\\%s' "$1"
}

# TEXT with each backslash escape \X read as X: a line of a scenario as
# a shell that reads backslashes otherwise must be given it.
unbackslash() {
	printf '%s' "$1" | sed 's/\\\(.\)/\1/g'
}

# Hand a path (any bytes) to the shell: vsw_cdp N then cds into it.
put_path() {
	printf '%s' "$2" >"$T/p/$1"
}

# The number of processes the shell started between sync $1 and sync $2
# (STRACE must have been set for start_shell): forks and clones, whether
# or not they exec. What the binary itself clones is not counted.
procs_between() {
	awk -v a="sync/$1\"" -v b="sync/$2\"" '
		index($0, a) { on = 1; next }
		index($0, b) { on = 0 }
		/execve\("[^"]*\/vswitch"/ { vsw[$1] = 1 }
		on && /(clone3?|v?fork)\(/ && !/resumed>/ && !/CLONE_THREAD/ && !($1 in vsw) { n++ }
		END { print n + 0 }' "$T/strace"
}

# The sync number the next sync_shell will use.
next_sync() {
	echo $((NSYNC + 1))
}

