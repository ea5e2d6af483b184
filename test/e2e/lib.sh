# shellcheck shell=bash
# End-to-end harness: drives a real interactive bash, zsh or fish in a
# tmux pane (a real pty), types lines into it and reads back what the
# shell wrote: `env -0` dumps made by a child process, exit statuses, and
# the screen as drawn. Scenarios are written once and run in every shell;
# the few lines whose syntax differs go through the l_* helpers below.
#
# Set by run.sh: SH (bash|zsh|fish), VSW (the binary), FIX (fixtures made
# once per run), E2E_DIR (this folder).

E2E_TIMEOUT=${E2E_TIMEOUT:-20}

# Per-scenario: T is a fresh folder with home/, d/ (dumps), p/ (paths
# handed to vsw_cdp), sync/.
e2e_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/vsw-e2e.XXXXXX")
	mkdir -p "$T/home" "$T/d" "$T/p" "$T/sync" "$T/home/.config"
	SOCK="vsw-e2e-$$-${T##*.}"
	NSYNC=0
	RC_PRE=''
	RC_POST=''
	START_DIR=$T/home
	RUN_AS=''
	STRACE=''
	FAILS=0
	SKIP=''
}

e2e_teardown() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	if [ "$FAILS" -eq 0 ] || [ -z "${E2E_KEEP-}" ]; then
		chmod -R u+rwx "$T" 2>/dev/null
		rm -rf "$T"
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

# The vsw_* helpers in bash and zsh syntax (the same for both but
# vsw_cdp, which each rc file defines: bash reads the path with read -d ''
# since ${p%x} can mangle invalid UTF-8 there; zsh's read stops at some
# invalid bytes, so zsh strips a sentinel instead).
posix_helpers() {
	cat <<'HELPERS'
vsw_sync() { : > "$VSW_T/sync/$1"; }
vsw_dump() { /usr/bin/env -0 > "$VSW_T/d/$1"; }
vsw_status() { echo "$?" > "$VSW_T/d/$1"; }
vsw_py() { python -c 'import sys; print(sys.prefix)' > "$VSW_T/d/$1" 2>&1; }
vsw_cdrel() { local c; while IFS= read -r c; do cd -- "$c" || return; done < "$VSW_T/p/$1"; }
HELPERS
}

# Write the rc file for $SH: a plain prompt, a handler of the user's own
# that records $? (PROMPT_COMMAND, precmd, fish_prompt), RC_PRE, the
# vswitch hook, RC_POST, and the vsw_* helpers the scenarios type.
write_rc() {
	case $SH in
	bash)
		cat >"$T/home/.bashrc" <<RC
PS1='\$ '
PROMPT_COMMAND='echo \$? >> "\$VSW_T/pc_status"'
$RC_PRE
eval "\$('$VSW' hook bash)"
$RC_POST
vsw_cdp() { local p; IFS= read -r -d '' p < "\$VSW_T/p/\$1"; cd -- "\$p"; }
$(posix_helpers)
RC
		;;
	zsh)
		cat >"$T/home/.zshrc" <<RC
PS1='%% '
vsw_user_precmd() { echo \$? >> "\$VSW_T/pc_status"; }
precmd_functions+=(vsw_user_precmd)
$RC_PRE
eval "\$('$VSW' hook zsh)"
$RC_POST
vsw_cdp() { local p; p=\$(cat "\$VSW_T/p/\$1"; echo x); cd -- "\${p%x}"; }
$(posix_helpers)
RC
		;;
	fish)
		# with no generated_completions folder, fish's first start
		# parses every man page in the background
		mkdir -p "$T/home/.config/fish" "$T/home/.local/share/fish/generated_completions"
		cat >"$T/home/.config/fish/config.fish" <<RC
set -g fish_greeting ''
function fish_prompt; echo \$status >> \$VSW_T/pc_status; printf '> '; end
$RC_PRE
'$VSW' hook fish | source
$RC_POST
function vsw_sync; echo -n > \$VSW_T/sync/\$argv[1]; end
function vsw_dump; /usr/bin/env -0 > \$VSW_T/d/\$argv[1]; end
function vsw_status; echo \$status > \$VSW_T/d/\$argv[1]; end
function vsw_cdp; cd (cat \$VSW_T/p/\$argv[1] | string collect -N); end
function vsw_py; python -c 'import sys; print(sys.prefix)' > \$VSW_T/d/\$argv[1] 2>&1; end
function vsw_cdrel; while read -l c; cd \$c; or return; end < \$VSW_T/p/\$argv[1]; end
RC
		;;
	esac
}

# The command line that starts $SH interactively with its rc file.
shell_cmd() {
	case $SH in
	bash) echo "bash --rcfile \"\$HOME/.bashrc\" -i" ;;
	zsh) echo "zsh -i" ;;
	fish) echo "fish -i" ;;
	esac
}

# Start the shell in a clean environment (plus any NAME=VALUE arguments)
# and wait for its first prompt. With RUN_AS set to a uid, the shell
# runs as that user (tests run as root, which no permission stops), and
# $T becomes that user's.
start_shell() {
	write_rc
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
	cmd=$(shell_cmd | sed "s|\\\$HOME|$T/home|")
	for v in "${envv[@]}"; do q+=" $(printf '%q' "$v")"; done
	# With STRACE set, every process the shell starts is logged, and
	# so is the open of each sync file, to count processes between two
	# syncs (procs_between); threads (fish has some) are not processes.
	local tr=''
	[ -n "${STRACE-}" ] && tr="strace -f -qq -e trace=process,openat -o $T/strace "
	tmux -L "$SOCK" -f /dev/null new-session -d -x 250 -y 50 -s t \
		-c "$START_DIR" "exec $as $tr env -i$q $cmd"
	tmux -L "$SOCK" set-option -g remain-on-exit on >/dev/null
	sync_shell || fail "$SH did not start"
}

# Type each argument as one line.
type_lines() {
	local line
	for line in "$@"; do
		tmux -L "$SOCK" send-keys -t t -l -- "$line"
		tmux -L "$SOCK" send-keys -t t Enter
	done
}

# Type a line that touches a file, and wait for it: everything typed
# before has run and every prompt hook before it has run.
sync_shell() {
	NSYNC=$((NSYNC + 1))
	type_lines "vsw_sync $NSYNC"
	local i=0
	while [ ! -e "$T/sync/$NSYNC" ]; do
		i=$((i + 1))
		if [ $i -gt $((E2E_TIMEOUT * 20)) ]; then
			echo "    (screen at time-out:)"
			pane | sed 's/^/    | /' | tail -15
			return 1
		fi
		sleep 0.05
	done
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

# The prompt each shell's rc draws when no env is active.
plain_prompt() {
	case $SH in
	bash) echo '$' ;;
	zsh) echo '%' ;;
	fish) echo '>' ;;
	esac
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
	if ! got=$(env_of "$1" "$2"; echo x); then
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

# Hand a path (any bytes) to the shell: vsw_cdp N then cds into it.
put_path() {
	printf '%s' "$2" >"$T/p/$1"
}

# --- the few lines whose syntax differs between the shells ---

l_prepend_path() {
	case $SH in
	fish) echo "set -gx PATH $1 \$PATH" ;;
	*) echo "export PATH=$1:\$PATH" ;;
	esac
}

l_activate() {
	case $SH in
	fish) echo "source $1/bin/activate.fish" ;;
	*) echo "source $1/bin/activate" ;;
	esac
}

l_subshell() {
	shell_cmd
}

# The number of processes the shell started between sync $1 and sync $2
# (STRACE must have been set for start_shell): forks and clones, whether
# or not they exec.
procs_between() {
	awk -v a="sync/$1\"" -v b="sync/$2\"" '
		index($0, a) { on = 1; next }
		index($0, b) { on = 0 }
		on && /(clone3?|v?fork)\(/ && !/resumed>/ && !/CLONE_THREAD/ { n++ }
		END { print n + 0 }' "$T/strace"
}

# The sync number the next sync_shell will use.
next_sync() {
	echo $((NSYNC + 1))
}

l_load_hook() {
	case $SH in
	fish) echo "'$1' hook fish | source" ;;
	*) echo "eval \"\$('$1' hook $SH)\"" ;;
	esac
}

l_set_var() {
	case $SH in
	fish) echo "set -gx $1 '$2'" ;;
	*) echo "export $1='$2'" ;;
	esac
}

l_unset_var() {
	case $SH in
	fish) echo "set -e $1" ;;
	*) echo "unset $1" ;;
	esac
}

# A line that writes yes or no to dump file $2: whether $1 is a function.
l_is_function() {
	case $SH in
	fish) echo "functions -q $1; and echo yes > \$VSW_T/d/$2; or echo no > \$VSW_T/d/$2" ;;
	*) echo "if typeset -f $1 >/dev/null; then echo yes; else echo no; fi > \$VSW_T/d/$2" ;;
	esac
}

# Whether $SH has feature $1 (scenarios that need one skip otherwise).
sh_has() {
	case $SH:$1 in
	bash:errexit | bash:shadowed_builtins | bash:cd_wrappers | bash:prompt_command) return 0 ;;
	zsh:errexit | zsh:shadowed_builtins | zsh:zsh_options) return 0 ;;
	fish:fish_specifics) return 0 ;;
	esac
	return 1
}

l_activate_file() {
	case $SH in
	fish) echo activate.fish ;;
	*) echo activate ;;
	esac
}

l_errexit_with_trap() {
	case $SH in
	bash) echo "set -e; trap 'echo err >> \"\$VSW_T/d/traps\"' ERR" ;;
	zsh) echo "setopt err_exit; TRAPZERR() { echo err >> \"\$VSW_T/d/traps\"; }" ;;
	esac
}

l_shadow_builtins() {
	case $SH in
	bash) printf '%s\n' "alias export='echo SHADOWED'" 'unset() { echo SHADOWED; }' \
		'[() { echo SHADOWED; return 1; }' ;;
	zsh) printf '%s\n' "alias export='echo SHADOWED'" 'unset() { echo SHADOWED; }' ;;
	esac
}

l_later_prompt_hook() {
	# shellcheck disable=SC2016 # typed into the shell as it is
	echo '_seen() { echo "${VIRTUAL_ENV-none}" >> "$VSW_T/d/seen"; }; PROMPT_COMMAND="_seen;$PROMPT_COMMAND"'
}
