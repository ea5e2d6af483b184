# vswitch hook for bash. Put this line in ~/.bashrc:
#     eval "$(vswitch hook bash)"
# `vswitch hook bash` prints hooks/posix.sh (the part shared with zsh)
# before this file.
# shellcheck shell=bash disable=SC2016,SC2154,SC1003

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
