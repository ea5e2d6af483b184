# vswitch hook for zsh. Put this line in ~/.zshrc:
#     eval "$(vswitch hook zsh)"
# `vswitch hook zsh` prints this file after a line that sets _vswitch_bin
# to the binary's absolute path.
# shellcheck shell=bash disable=SC2016,SC2034,SC2206

# Runs on every cd (chpwd) and before each prompt (precmd, which covers
# the first prompt of a new shell); starts the binary only when $PWD
# changed since the last run. Keeps $?.
_vswitch_hook() {
	local _vswitch_ret=$? _vswitch_out
	if [[ "${_vswitch_pwd-}" != "$PWD" ]]; then
		if [[ -n "${_vswitch_pwd+set}" ]]; then
			_vswitch_out=$("$_vswitch_bin" export zsh)
		else
			_vswitch_out=$("$_vswitch_bin" export zsh --init)
		fi
		_vswitch_pwd=$PWD
		eval "$_vswitch_out"
	fi
	return $_vswitch_ret
}

# With PROMPT_SUBST the prompt holds a reference, expanded when drawn and
# never re-expanded; without it, the label goes in as text. Either way
# zsh then reads %-escapes (and ! with PROMPT_BANG), so those are doubled.
_vswitch_prompt_set() {
	local _vswitch_l=$1
	_vswitch_prompt_clear
	if [[ -n "${VIRTUAL_ENV_DISABLE_PROMPT-}" ]]; then
		return 0
	fi
	if [[ -o promptpercent ]]; then
		_vswitch_l=${_vswitch_l//\%/%%}
	fi
	if [[ -o promptbang ]]; then
		_vswitch_l=${_vswitch_l//\!/!!}
	fi
	if [[ -o promptsubst ]]; then
		_VSWITCH_PS1="($_vswitch_l) "
		PS1='${_VSWITCH_PS1-}'$PS1
	else
		_vswitch_ps1_lit="($_vswitch_l) "
		PS1=$_vswitch_ps1_lit$PS1
	fi
}

_vswitch_prompt_clear() {
	PS1=${PS1#'${_VSWITCH_PS1-}'}
	if [[ -n "${_vswitch_ps1_lit-}" ]]; then
		PS1=${PS1#"$_vswitch_ps1_lit"}
	fi
	unset _VSWITCH_PS1 _vswitch_ps1_lit
}

# off, on, use, allow and deny change this shell, so their output is
# evaluated here; every other command runs the binary as it is.
vswitch() {
	local _vswitch_out _vswitch_rc
	case "${1-}" in
	off | on | use | allow | deny)
		_vswitch_out=$("$_vswitch_bin" --shell=zsh "$@")
		_vswitch_rc=$?
		eval "$_vswitch_out"
		_vswitch_pwd=$PWD
		return $_vswitch_rc
		;;
	*)
		"$_vswitch_bin" "$@"
		;;
	esac
}

typeset -ag chpwd_functions precmd_functions
if (( ! ${chpwd_functions[(Ie)_vswitch_hook]} )); then
	chpwd_functions=(_vswitch_hook $chpwd_functions)
fi
if (( ! ${precmd_functions[(Ie)_vswitch_hook]} )); then
	precmd_functions=(_vswitch_hook $precmd_functions)
fi
