# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for ksh93 (the interface is listed in bash.sh).
# ksh93 has no precmd: the hook runs as the prompt is drawn (PS1.get),
# and inside cd. The user's own handler of $? is a ${ vsw_pc;} in PS1,
# which ksh93 runs in the shell itself.

sh_installed() { command -v ksh93 >/dev/null; }

sh_cmd() { echo "ksh93 -i"; }

sh_prompt() { echo '$'; }

sh_has() {
	case $1 in
	errexit | shadowed_builtins | cd_wrappers | prompt_reassign | readonly_prompt) return 0 ;;
	esac
	return 1
}

sh_write_rc() {
	cat >"$T/home/.kshrc" <<RC
PS1='\${ vsw_pc && :;}\$ '
$RC_PRE
eval "\$('$VSW' hook ksh)"
$RC_POST
$(korn_helpers)
RC
}

# The vsw_* helpers for ksh93 and mksh (see bash.sh).
korn_helpers() {
	cat <<'HELPERS'
function vsw_pc { typeset r=$?; echo $r >> "$VSW_T/pc_status"; return $r; }
function vsw_sync { : > "$VSW_T/sync/$1"; }
function vsw_dump { /usr/bin/env -0 > "$VSW_T/d/$1"; }
function vsw_status { echo "$?" > "$VSW_T/d/$1"; }
function vsw_py { python -c 'import sys; print(sys.prefix)' > "$VSW_T/d/$1" 2>&1; }
function vsw_cdp { typeset p LC_ALL=C; p=$(cat "$VSW_T/p/$1"; echo x); cd -- "${p%x}"; }
function vsw_cdrel { typeset c; while IFS= read -r c; do cd -- "$c" || return; done < "$VSW_T/p/$1"; }
HELPERS
}

sh_lint() {
	shellcheck -s ksh "$ROOT/hooks/korn.sh" "$ROOT/hooks/ksh.sh" &&
		ksh93 -n "$ROOT/hooks/korn.sh" && ksh93 -n "$ROOT/hooks/ksh.sh"
}

sh_batch_cmd() { echo ksh93; }

sh_roundtrip() { korn_roundtrip ksh "$@"; }

# The round-trip script for ksh93 or mksh ($1), the hook called after
# each cd as no prompt is drawn.
korn_roundtrip() {
	cat <<SCRIPT
VSW_T='$3'
eval "\$('$4' hook $1)"
$(korn_helpers)
_vswitch_hook
cd "\$VSW_T/neutral"; _vswitch_hook
/usr/bin/env -0 > "\$VSW_T/d/before"
i=0
while (( i < $2 )); do
	if vsw_cdp rt\$i; then
		_vswitch_hook
		vsw_dump rt\$i.in
		cd "\$VSW_T/neutral"; _vswitch_hook
		vsw_dump rt\$i.out
	fi
	(( i++ ))
done
SCRIPT
}

l_prepend_path() { echo "export PATH=$1:\$PATH"; }
l_set_path() { echo "PATH='$1'"; }
l_activate() { echo ". $1/bin/activate"; }
l_activate_file() { echo activate; }
l_load_hook() { echo "eval \"\$('$1' hook ksh)\""; }
l_set_var() { echo "export $1='$2'"; }
l_unset_var() { echo "unset $1"; }
l_is_function() { echo "if typeset -f $1 >/dev/null; then echo yes; else echo no; fi > \$VSW_T/d/$2"; }
l_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
l_nounset() { echo 'set -u'; }
l_disable_prompt_var() { echo 'VIRTUAL_ENV_DISABLE_PROMPT=1'; }
l_user_prompt() { echo "PS1='new\$ '"; }
# What is in PS1 as set (the hook leaves it alone), read without the
# discipline: once loaded or twice, the same.
l_registrations() { echo "typeset -f PS1.get | grep -c _vswitch_hook > \$VSW_T/d/$1"; }
l_registrations_want() { echo 1; }
l_errexit_with_trap() { echo "set -e; trap 'echo err >> \"\$VSW_T/d/traps\"' ERR"; }
l_shadow_builtins() { printf '%s\n' "alias export='echo SHADOWED'" "alias unset='echo SHADOWED'"; }
l_user_cd() { echo 'function cd { command cd "$@"; }'; }
l_readonly_prompt() { echo 'typeset -r PS1'; }
