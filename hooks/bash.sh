# vswitch hook for bash. Put this line in ~/.bashrc:
#     eval "$(vswitch hook bash)"
# `vswitch hook bash` prints this file after a line that sets _vswitch_bin
# to the binary's absolute path.
# shellcheck shell=bash disable=SC2016,SC2154,SC1003

# Runs before each prompt; starts the binary only when $PWD changed since
# the last run (or on the first prompt of a new shell, with --init so the
# prompt prefix of an inherited env is drawn again). Keeps $?.
_vswitch_hook() {
	local _vswitch_ret=$? _vswitch_out
	if [ "${_vswitch_pwd-}" != "$PWD" ]; then
		if [ -n "${_vswitch_pwd+set}" ]; then
			_vswitch_out=$("$_vswitch_bin" export bash)
		else
			_vswitch_out=$("$_vswitch_bin" export bash --init)
		fi
		_vswitch_pwd=$PWD
		eval "$_vswitch_out"
	fi
	return "$_vswitch_ret"
}

# The prompt holds a reference, not the label: bash expands
# ${_VSWITCH_PS1-} when drawing and never re-expands what it holds, so a
# label with $(...) or \w is shown as written. With promptvars off the
# label goes in as text, backslashes doubled.
_vswitch_prompt_set() {
	_vswitch_prompt_clear
	if [ -n "${VIRTUAL_ENV_DISABLE_PROMPT-}" ]; then
		return 0
	fi
	if shopt -q promptvars; then
		_VSWITCH_PS1="($1) "
		PS1='${_VSWITCH_PS1-}'${PS1-}
	else
		_vswitch_ps1_lit="(${1//'\'/'\\'}) "
		PS1=$_vswitch_ps1_lit${PS1-}
	fi
}

_vswitch_prompt_clear() {
	if [ -n "${PS1+set}" ]; then
		PS1=${PS1#'${_VSWITCH_PS1-}'}
		if [ -n "${_vswitch_ps1_lit-}" ]; then
			PS1=${PS1#"$_vswitch_ps1_lit"}
		fi
	fi
	unset _VSWITCH_PS1 _vswitch_ps1_lit
}

# off, on, use, allow and deny change this shell, so their output is
# evaluated here; every other command runs the binary as it is.
vswitch() {
	local _vswitch_out _vswitch_rc
	case "${1-}" in
	off | on | use | allow | deny)
		_vswitch_out=$("$_vswitch_bin" --shell=bash "$@")
		_vswitch_rc=$?
		eval "$_vswitch_out"
		_vswitch_pwd=$PWD
		return "$_vswitch_rc"
		;;
	*)
		"$_vswitch_bin" "$@"
		;;
	esac
}

# bash-preexec keeps $? for each of its precmd_functions; without it,
# prepend to PROMPT_COMMAND (a plain assignment edits element 0 when it
# is an array, bash >= 5.1).
if [ -n "${bash_preexec_imported-}${__bp_imported-}" ]; then
	case " ${precmd_functions[*]-} " in
	*" _vswitch_hook "*) ;;
	*) precmd_functions=(_vswitch_hook "${precmd_functions[@]}") ;;
	esac
else
	case ";${PROMPT_COMMAND[*]-};" in
	*";_vswitch_hook;"*) ;;
	*) PROMPT_COMMAND="_vswitch_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;
	esac
fi
