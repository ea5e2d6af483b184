# vswitch hook for bash. Put this line in ~/.bashrc:
#     eval "$(vswitch hook bash)"
# `vswitch hook bash` prints hooks/posix.sh (the part shared with zsh)
# before this file.
# shellcheck shell=bash disable=SC2016,SC2154,SC1003

# The entry points. Each makes the shell's options its own for the call
# (`local -`): no `set -e`, `set -u` or `set -E` of the user's can stop
# it half way. The prompt hook hands back the status of the user's last
# command, and is called as `_vswitch_hook && :` so that a failed one
# neither ends a `set -e` shell nor runs an ERR trap again.
_vswitch_hook() {
	local _vswitch_ret=$?
	local -
	set +euE
	_vswitch_first
	_vswitch_check
	_vswitch_prompt_draw
	return "$_vswitch_ret"
}

vswitch() {
	local -
	set +euE
	_vswitch_command "$@"
}

# The binary is gone from where it was recorded: look it up on PATH.
_vswitch_rebin() {
	local b
	b=$(builtin type -P vswitch) || return 1
	_vswitch_bin=$b
}

# bash switches as the directory changes, so `cd proj && pip install`
# uses proj's env: cd, pushd and popd call the builtin, then the check.
# A cd, pushd or popd the user defined (function or alias) is theirs and
# stays; then the switch comes at the next prompt.
_vswitch_chdir() {
	local -
	set +euE
	_vswitch_check
	return 0
}

_vswitch_wrap() {
	if [[ -n ${_vswitch_wrapped[$1]-} ]] ||
		{ ! builtin declare -F "$1" >/dev/null && ! builtin alias "$1" >/dev/null 2>&1; }; then
		builtin eval "$1() { builtin $1 \"\$@\" || return; _vswitch_chdir; }"
		_vswitch_wrapped[$1]=1
	fi
}

# The prompt holds a reference, put in once, not the label: bash expands
# ${_VSWITCH_PS1-} when it draws the prompt and never re-expands what it
# holds, so a label with $(...) or \w is shown as written. Before each
# prompt the reference is put back first if the prompt was set anew, and
# the variable follows VIRTUAL_ENV_DISABLE_PROMPT. With promptvars off
# the label goes in as text, backslashes doubled, and comes out as it
# went in.
_vswitch_prompt_draw() {
	if [[ -n ${_vswitch_lit-} ]] || ! builtin shopt -q promptvars; then
		return 0
	fi
	# a read-only prompt stays as it is
	case ${PS1-} in
	'${_VSWITCH_PS1-}'*) ;;
	*) [[ ${PS1@a} == *r* ]] || PS1='${_VSWITCH_PS1-}'${PS1-} ;;
	esac
	if [[ -n $_vswitch_label && -z ${VIRTUAL_ENV_DISABLE_PROMPT-} ]]; then
		_VSWITCH_PS1="($_vswitch_label) "
	else
		_VSWITCH_PS1=''
	fi
}

_vswitch_prompt_set() {
	_vswitch_prompt_clear
	if builtin shopt -q promptvars; then
		_vswitch_prompt_draw
	elif [[ -n $_vswitch_label && -z ${VIRTUAL_ENV_DISABLE_PROMPT-} &&
		${PS1@a} != *r* ]]; then
		_vswitch_lit="(${_vswitch_label//'\'/'\\'}) "
		PS1=$_vswitch_lit${PS1-}
	fi
}

# The label put in as text comes out where it is: in front, or after an
# activate script's own (which keeps a copy of the prompt with ours in
# it, and gives it back on deactivate: so what was put in is remembered
# until it is seen in front again).
_vswitch_prompt_clear() {
	_VSWITCH_PS1=''
	if [[ -z ${_vswitch_lit-} || ${PS1@a} == *r* ]]; then
		return 0
	fi
	if [[ ${PS1-} == "$_vswitch_lit"* ]]; then
		PS1=${PS1#"$_vswitch_lit"}
		_vswitch_lit=''
	else
		PS1=${PS1/"$_vswitch_lit"/}
	fi
}

# Registration, once however often this file is loaded. With
# bash-preexec, join precmd_functions (it keeps $? for each); else stay
# first in PROMPT_COMMAND (a plain assignment edits element 0 when it is
# an array, bash >= 5.1), so a prompt hook loaded later (powerline and
# the like) reads VIRTUAL_ENV as it is now, not one command late.
_vswitch_first() {
	if [[ -n ${bash_preexec_imported-}${__bp_imported-} ]]; then
		case " ${precmd_functions[*]-} " in
		" _vswitch_hook "*) ;;
		*)
			local -a _vswitch_f=() _vswitch_g
			for _vswitch_g in "${precmd_functions[@]}"; do
				[[ $_vswitch_g == _vswitch_hook ]] || _vswitch_f+=("$_vswitch_g")
			done
			precmd_functions=(_vswitch_hook "${_vswitch_f[@]}")
			;;
		esac
		return 0
	fi
	local e='_vswitch_hook && :;'
	case ${PROMPT_COMMAND-} in
	"$e"*) ;;
	*) PROMPT_COMMAND=$e${PROMPT_COMMAND//"$e"/} ;;
	esac
}

builtin declare -gA _vswitch_wrapped 2>/dev/null || builtin declare -A _vswitch_wrapped
builtin declare -gA _vswitch_clean 2>/dev/null || builtin declare -A _vswitch_clean
_vswitch_wrap cd
_vswitch_wrap pushd
_vswitch_wrap popd
_vswitch_label=${_vswitch_label-}
_vswitch_first
