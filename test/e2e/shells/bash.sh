# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for bash. An adapter is everything the
# scenarios need to know about one shell; a new shell is one more file
# here, named after the shell's row in `vswitch hook --list`. It defines:
#   sh_installed         succeeds when the shell can be run here
#   sh_optional          (only for a shell make deps may fail to get)
#                        why its scenarios are skipped when it is not
#   sh_cmd               the command line that starts it interactively
#   sh_write_rc          its rc file under $T/home: the plain prompt, a
#                        handler of the user's own that appends $? to
#                        $VSW_T/pc_status before each prompt, $RC_PRE,
#                        the hook ($VSW), $RC_POST, and the helpers
#                        vsw_sync N, vsw_dump N (env -0 into $VSW_T/d/N),
#                        vsw_status N ($? into d/N), vsw_py N (sys.prefix
#                        into d/N), vsw_cdp N (cd to the bytes of
#                        $VSW_T/p/N, exactly), vsw_cdrel N (cd through the
#                        lines of p/N, one relative step each)
#   sh_prompt            the prompt that rc draws when no env is active
#   sh_has FEATURE       whether the shell has FEATURE (below); a
#                        scenario that needs one is skipped otherwise
#   sh_lint              check the syntax of its hook and completion
#   sh_batch_cmd         the command that runs a batch script (its file
#                        follows), the hook switching
#   sh_roundtrip N DIR VSW  print the round-trip batch script
#                        (roundtrip.py says what it must do)
#   sh_complete LINE N   the candidates completion offers for LINE, one
#                        a line, sorted, into $T/d/N
#   l_*                  one line (or rc text) in the shell's syntax:
#                        l_prepend_path DIR, l_set_path VALUE,
#                        l_activate ENV, l_activate_file, l_load_hook BIN,
#                        l_set_var NAME VALUE, l_unset_var NAME,
#                        l_is_function NAME N, l_quote WORD,
#                        l_completion_rc, l_nounset, l_disable_prompt_var,
#                        l_user_prompt, l_registrations N (what the hook
#                        registered, compared with l_registrations_want),
#                        and for the features: l_other_prompt_mode,
#                        l_prompt_command_array, l_errexit_with_trap,
#                        l_shadow_builtins, l_hostile_options,
#                        l_later_prompt_hook, l_prompt_disabling_label,
#                        l_readonly_prompt
# Features: prompt_in_batch (the round-trip script can dump the prompt
# as drawn), pushd (pushd and popd are builtins), completion
# (programmable completion: sh_complete and
# l_completion_rc work), prompt_reassign (a prompt set anew while an env
# is active shows the label at the next switch), prompt_modes (a second
# way the prompt is drawn),
# prompt_command_array, errexit, shadowed_builtins, hostile_options,
# cd_wrappers (switches inside cd), prompt_command (a later prompt hook
# can put itself first), prompt_function (the prompt is a function that
# may set VIRTUAL_ENV_DISABLE_PROMPT), completion_path (finds its
# completion beside the binary), long_paths (cd past PATH_MAX),
# completion_call (completion can be asked for outside the line editor;
# l_completed_word WORD is how it offers WORD), completion_descriptions
# (sh_complete also leaves the screen in $T/d/N.screen, where each
# command's description shows), rc_in_scripts (a script started with
# -c reads the same rc as an interactive shell: sh_script CMDS runs
# one), cd_starts_binary (the shell cannot test a file's time without a
# process, so each cd runs the binary), python_program (the shell is a
# Python program, which does not start with another PYTHONHOME),
# one_line_per_prompt (lines typed ahead get lost: the rc appends a byte
# to $VSW_T/prompts before each prompt, and each line waits for its own),
# one_line_at_a_time (lines typed while the shell is busy can be lost
# or run as one: each is typed after the one before has run),
# gone_cwd_runs_nothing (in a folder that was removed the shell runs
# nothing but cd), readonly_prompt (the user can make the prompt
# variable read-only: l_readonly_prompt does). An
# adapter whose shell refuses some envs defines sh_refuses PATH and
# sh_refused_bytes (lib.sh has the defaults: none), and sh_holds when
# it holds only UTF-8 text (utf8; lib.sh's default: bytes). lib.sh's
# l_to CMD FILE (CMD > FILE) and l_false (false) are redefined by a
# shell that writes them otherwise.
# l_typed_start C is how a word starting with C is typed for Tab.

sh_installed() { command -v bash >/dev/null; }

sh_cmd() { echo "bash --rcfile \"\$HOME/.bashrc\" -i"; }

sh_prompt() { echo '$'; }

sh_has() {
	case $1 in
	completion | prompt_reassign | prompt_in_batch | prompt_modes | prompt_command_array | errexit | shadowed_builtins | \
		cd_wrappers | pushd | prompt_command | long_paths | completion_call | readonly_prompt) return 0 ;;
	esac
	return 1
}

sh_write_rc() {
	cat >"$T/home/.bashrc" <<RC
PS1='\$ '
PROMPT_COMMAND='echo \$? >> "\$VSW_T/pc_status"'
$RC_PRE
eval "\$('$VSW' hook bash)"
$RC_POST
$(posix_helpers)
RC
}

sh_lint() {
	shellcheck -s bash "$ROOT/hooks/posix.sh" "$ROOT/hooks/bash.sh" \
		"$ROOT/completions/vswitch.bash"
}

sh_batch_cmd() { echo bash; }

sh_roundtrip() {
	cat <<SCRIPT
PS1='\$ '
VSW_T='$2'
eval "\$('$3' hook bash)"
$(posix_helpers)
_vswitch_hook
cd "\$VSW_T/neutral"; _vswitch_hook
/usr/bin/env -0 > "\$VSW_T/d/before"
for ((i = 0; i < $1; i++)); do
	vsw_cdp rt\$i || continue
	_vswitch_hook
	vsw_dump rt\$i.in
	printf '%s' "\${PS1@P}" > "\$VSW_T/d/rt\$i.ps"
	cd "\$VSW_T/neutral"; _vswitch_hook
	vsw_dump rt\$i.out
done
SCRIPT
}

# As readline would call the completion function, from the line's words.
sh_complete() {
	local words
	read -ra words <<<"$1"
	[[ $1 == *' ' ]] && words+=('')
	run "COMP_LINE=$(printf %q "$1"); COMP_POINT=\${#COMP_LINE}; COMP_WORDS=($(printf '%q ' "${words[@]}")); COMP_CWORD=$((${#words[@]} - 1)); _vswitch vswitch $(printf %q "${words[-1]}") $(printf %q "${words[-2]}"); printf '%s\\n' \"\${COMPREPLY[@]}\" | LC_ALL=C sort > \"\$VSW_T/d/$2\""
}

l_prepend_path() { echo "export PATH=$1:\$PATH"; }
l_set_path() { echo "PATH='$1'"; }
l_activate() { echo "source $1/bin/activate"; }
l_activate_file() { echo activate; }
l_load_hook() { echo "eval \"\$('$1' hook bash)\""; }
l_set_var() { echo "export $1='$2'"; }
l_unset_var() { echo "unset $1"; }
l_is_function() { echo "if typeset -f $1 >/dev/null; then echo yes; else echo no; fi > \$VSW_T/d/$2"; }
l_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }
l_completed_word() { printf '%q' "$1"; }
l_completion_rc() { echo ". '$ROOT/completions/vswitch.bash'"; }
l_nounset() { echo 'set -u'; }
l_disable_prompt_var() { echo 'VIRTUAL_ENV_DISABLE_PROMPT=1'; }
l_user_prompt() { echo 'PS1="new$ "'; }
l_registrations() { echo "echo \"\${PROMPT_COMMAND}\" > \"\$VSW_T/d/$1\""; }
l_registrations_want() { echo '_vswitch_hook && :;echo $? >> "$VSW_T/pc_status"'; }
l_other_prompt_mode() { echo 'shopt -u promptvars'; }
l_prompt_command_array() { echo 'PROMPT_COMMAND=("echo one >> \$VSW_T/d/pc" "echo two >> \$VSW_T/d/pc")'; }
l_errexit_with_trap() { echo "set -e; trap 'echo err >> \"\$VSW_T/d/traps\"' ERR"; }
l_shadow_builtins() {
	printf '%s\n' "alias export='echo SHADOWED'" 'unset() { echo SHADOWED; }' \
		'[() { echo SHADOWED; return 1; }'
}
l_later_prompt_hook() {
	echo '_seen() { echo "${VIRTUAL_ENV-none}" >> "$VSW_T/d/seen"; }; PROMPT_COMMAND="_seen;$PROMPT_COMMAND"'
}
l_readonly_prompt() { echo 'readonly PS1'; }
l_user_cd() { echo 'cd() { builtin cd "$@"; }'; }
