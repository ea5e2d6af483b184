# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for zsh (the interface is listed in bash.sh).

sh_installed() { command -v zsh >/dev/null; }

sh_cmd() { echo "zsh -i"; }

sh_prompt() { echo '%'; }

sh_has() {
	case $1 in
	completion | prompt_reassign | prompt_in_batch | prompt_modes | errexit | shadowed_builtins | hostile_options | long_paths | \
		completion_descriptions | readonly_prompt) return 0 ;;
	esac
	return 1
}

sh_write_rc() {
	cat >"$T/home/.zshrc" <<RC
PS1='%% '
vsw_user_precmd() { echo \$? >> "\$VSW_T/pc_status"; }
precmd_functions+=(vsw_user_precmd)
$RC_PRE
eval "\$('$VSW' hook zsh)"
$RC_POST
$(posix_helpers)
RC
}

sh_lint() {
	zsh -n "$ROOT/hooks/posix.sh" && zsh -n "$ROOT/hooks/zsh.sh" &&
		zsh -n "$ROOT/completions/_vswitch"
}

sh_batch_cmd() { echo zsh; }

sh_roundtrip() {
	cat <<SCRIPT
PS1='%% '
VSW_T='$2'
eval "\$('$3' hook zsh)"
$(posix_helpers)
_vswitch_hook
cd "\$VSW_T/neutral"; _vswitch_hook
/usr/bin/env -0 > "\$VSW_T/d/before"
for ((i = 0; i < $1; i++)); do
	vsw_cdp rt\$i || continue
	_vswitch_hook
	vsw_dump rt\$i.in
	print -rn -- "\${(%)PS1}" > "\$VSW_T/d/rt\$i.ps"
	cd "\$VSW_T/neutral"; _vswitch_hook
	vsw_dump rt\$i.out
done
SCRIPT
}

# zsh completes only in its line editor: type the line and Tab, and read
# the list it draws (a Tab that inserts a common prefix lists nothing,
# so a second Tab follows when none is there); the first word of each
# line under the typed one is a candidate ("word -- what it does").
sh_complete() {
	local i=0
	run "clear"
	tmux -L "$SOCK" send-keys -t t -l -- "$1"
	sleep 0.2
	tmux -L "$SOCK" send-keys -t t Tab
	until [ -n "$(zsh_listed "$1")" ]; do
		i=$((i + 1))
		[ $i -eq 40 ] && tmux -L "$SOCK" send-keys -t t Tab
		[ $i -gt 120 ] && break
		sleep 0.05
	done
	sleep 0.3
	pane >"$T/d/$2.screen"
	zsh_listed "$1" |
		awk '/ -- / { print $1; next } { for (i = 1; i <= NF; i++) print $i }' |
		LC_ALL=C sort -u >"$T/d/$2"
	tmux -L "$SOCK" send-keys -t t C-u
	run "clear"
}

# The lines on screen under the last one that holds the typed text $1.
zsh_listed() {
	pane | awk -v typed="$1" 'index($0, typed) { n = 0; next } { l[++n] = $0 }
		END { for (i = 1; i <= n; i++) print l[i] }' | sed '/^$/d'
}

l_prepend_path() { echo "export PATH=$1:\$PATH"; }
l_set_path() { echo "PATH='$1'"; }
l_activate() { echo "source $1/bin/activate"; }
l_activate_file() { echo activate; }
l_load_hook() { echo "eval \"\$('$1' hook zsh)\""; }
l_set_var() { echo "export $1='$2'"; }
l_unset_var() { echo "unset $1"; }
l_is_function() { echo "if typeset -f $1 >/dev/null; then echo yes; else echo no; fi > \$VSW_T/d/$2"; }
l_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
l_completion_rc() {
	echo "fpath=('$ROOT/completions' \$fpath); autoload -Uz compinit; compinit -u -d \"\$VSW_T/zcompdump\""
}
l_nounset() { echo 'setopt nounset'; }
l_disable_prompt_var() { echo 'VIRTUAL_ENV_DISABLE_PROMPT=1'; }
l_user_prompt() { echo 'PS1="new%% "'; }
l_registrations() { echo "echo \"\$precmd_functions|\$chpwd_functions\" > \"\$VSW_T/d/$1\""; }
l_registrations_want() { echo '_vswitch_hook vsw_user_precmd|_vswitch_hook'; }
l_other_prompt_mode() { echo 'setopt prompt_subst prompt_bang'; }
l_errexit_with_trap() { echo "setopt err_exit; TRAPZERR() { echo err >> \"\$VSW_T/d/traps\"; }"; }
l_shadow_builtins() {
	printf '%s\n' "alias export='echo SHADOWED'" 'unset() { echo SHADOWED; }' \
		'[() { echo SHADOWED; return 1; }'
}
l_readonly_prompt() { echo 'typeset -r PS1'; }
# Options set before the hook that dropped the user's other hooks or
# warned at every cd, and the user's hooks they dropped.
l_hostile_options() {
	printf '%s\n' 'setopt ksh_arrays warn_create_global warn_nested_var' \
		'my_pre() { :; }; my_cd() { :; }; precmd_functions=(my_pre); chpwd_functions=(my_cd)'
}
l_hostile_options_want() {
	echo 'echo "${precmd_functions[*]}|${chpwd_functions[*]}" > $VSW_T/d/fns'
	echo '_vswitch_hook my_pre|_vswitch_hook my_cd'
}
