# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for tcsh (the interface is listed in bash.sh).
# The hook runs from precmd and cwdcmd, put first in the user's own: the
# user's handler of $? is a precmd alias set before the hook. tcsh has
# no functions: the helpers are aliases, and those that must reach exact
# bytes (vsw_cdp, vsw_cdrel) have a small python script print the cd
# lines in tcsh's quoting, which eval runs.

sh_installed() { command -v tcsh >/dev/null; }

sh_cmd() { echo "tcsh -i"; }

sh_prompt() { echo '$'; }

# cd_wrappers: tcsh switches inside every cd by itself (cwdcmd), also
# a cd of the user's own, so there is nothing to wrap or to keep.
sh_has() {
	case $1 in
	pushd | prompt_reassign | completion | rc_in_scripts) return 0 ;;
	esac
	return 1
}

# tcsh's quoting, as shell_tcsh.c writes it: ' ! \ outside the quotes
# with a backslash, a newline as $vsw_nl:q, the rest inside.
tcsh_quote() {
	local s=$1 c i out="'"
	for ((i = 0; i < ${#s}; i++)); do
		c=${s:i:1}
		case $c in
		\' | ! | \\) out+="'\\$c'" ;;
		$'\n') out+="'\$vsw_nl:q'" ;;
		*) out+=$c ;;
		esac
	done
	printf "%s'" "$out"
}

# The python that prints "cd WORD;" for each line of a file in
# $VSW_T/p (rel: one line, one step) or for the file's bytes (abs).
tcsh_cdq() {
	cat <<'PYEOF'
import sys
def q(b):
    out = bytearray(b"'")
    for c in b:
        if c in b"'!\\":
            out += b"'\\" + bytes([c]) + b"'"
        elif c == 10:
            out += b"'$vsw_nl:q'"
        else:
            out.append(c)
    return bytes(out + b"'")
data = open(sys.argv[2], "rb").read()
steps = data.split(b"\n")[:-1] if sys.argv[1] == "rel" else [data]
sys.stdout.buffer.write(b" ".join(b"cd " + q(s) + b";" for s in steps) + b"\n")
PYEOF
}

# The vsw_* helpers as aliases (see bash.sh). vsw_sync appends: tcsh
# makes a new file with creat(2), which the process count's strace does
# not log, after an open(2) for appending, which it does.
tcsh_helpers() {
	cat <<'HELPERS'
set vsw_nl = "\
"
alias vsw_sync 'echo -n >> "$VSW_T/sync/\!:1"'
alias vsw_dump '/usr/bin/env -0 > "$VSW_T/d/\!:1"'
alias vsw_status 'echo $status > "$VSW_T/d/\!:1"'
alias vsw_py 'python -c "import sys; print(sys.prefix)" >& "$VSW_T/d/\!:1"'
alias vsw_cdp 'eval "`/usr/bin/python3 $VSW_T/cdq.py abs $VSW_T/p/\!:1`"'
alias vsw_cdrel 'eval "`/usr/bin/python3 $VSW_T/cdq.py rel $VSW_T/p/\!:1`"'
HELPERS
}

sh_write_rc() {
	tcsh_cdq >"$T/cdq.py"
	cat >"$T/home/.tcshrc" <<RC
set prompt = '\$ '
alias precmd 'echo \$status >> "\$VSW_T/pc_status"'
$RC_PRE
'$VSW' hook tcsh | source /dev/stdin
$RC_POST
$(tcsh_helpers)
RC
}

sh_script() {
	env -i HOME="$T/home" PATH=/usr/bin:/bin XDG_CONFIG_HOME="$T/home/.config" \
		VSW_T="$T" tcsh -c "$1"
}

# tcsh -n finds unmatched quotes and parentheses, not an if without
# its endif.
sh_lint() {
	tcsh -n "$ROOT/hooks/tcsh.csh"
}

sh_batch_cmd() { echo tcsh -f; }

# No loop: cwdcmd does not fire for a cd inside a while loop, so the
# script is written out, one block per project; precmd is called after
# each cd as no prompt is drawn.
sh_roundtrip() {
	local i p LC_ALL=C
	cat <<SCRIPT
set prompt = '\$ '
setenv VSW_T '$2'
'$3' hook tcsh | source /dev/stdin
$(tcsh_helpers)
precmd
cd "\$VSW_T/neutral"; precmd
/usr/bin/env -0 > "\$VSW_T/d/before"
SCRIPT
	for ((i = 0; i < $1; i++)); do
		p=$(cat "$2/p/rt$i"; echo x)
		p=${p%x}
		printf 'cd %s; precmd\n' "$(tcsh_quote "$p")"
		printf '/usr/bin/env -0 > "$VSW_T/d/rt%d.in"\n' "$i"
		printf 'cd "$VSW_T/neutral"; precmd\n'
		printf '/usr/bin/env -0 > "$VSW_T/d/rt%d.out"\n' "$i"
	done
}

# Ask tcsh's line editor: type the line, list the choices (^D), read
# them off the screen, then kill the line.
sh_complete() {
	run "clear"
	tmux -L "$SOCK" send-keys -t t -l -- "$1"
	tmux -L "$SOCK" send-keys -t t C-d
	local i=0 n
	until n=$(pane | grep -cF -- "$1") && [ "$n" -ge 2 ]; do
		i=$((i + 1))
		[ $i -gt 100 ] && break
		sleep 0.05
	done
	pane | awk -v l="$1" 'index($0, l) { n++; next } n == 1 { for (i = 1; i <= NF; i++) print $i }' |
		LC_ALL=C sort >"$T/d/$2"
	tmux -L "$SOCK" send-keys -t t C-u
	sync_shell
}

l_prepend_path() { echo "setenv PATH $1:\$PATH"; }
l_set_path() { echo "setenv PATH '$1'"; }
l_activate() { echo "source $1/bin/activate.csh"; }
l_activate_file() { echo activate.csh; }
l_load_hook() { echo "'$1' hook tcsh | source /dev/stdin"; }
l_set_var() { echo "setenv $1 '$2'"; }
l_unset_var() { echo "unsetenv $1"; }
# (a one-line if that does not run still truncates its redirection)
l_is_function() {
	echo "set vsw_a = \"\`alias $1\`\"; set vsw_b = no; if ( \$%vsw_a ) set vsw_b = yes; echo \$vsw_b > \$VSW_T/d/$2"
}
l_quote() {
	local LC_ALL=C
	tcsh_quote "$1"
}
l_completion_rc() { echo '# completion comes with the hook'; }
l_nounset() { echo '# tcsh has no nounset'; }
l_disable_prompt_var() { echo 'set VIRTUAL_ENV_DISABLE_PROMPT = 1'; }
l_user_prompt() { echo "set prompt = 'new\$ '"; }
l_registrations() { echo "alias precmd > \$VSW_T/d/$1; alias cwdcmd >> \$VSW_T/d/$1"; }
l_registrations_want() {
	printf '%s\n%s' '_vswitch_precmd; echo $status >> "$VSW_T/pc_status"' _vswitch_cwdcmd
}
