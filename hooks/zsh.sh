# vswitch hook for zsh. Put this line in ~/.zshrc:
#     eval "$(vswitch hook zsh)"
# `vswitch hook zsh` prints hooks/posix.sh (the part shared with bash)
# before this file; its _vswitch_hook runs on every cd (chpwd) and
# before each prompt (precmd, which covers a new shell's first prompt).
# shellcheck shell=bash disable=SC2016,SC2034,SC2206

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

typeset -ag chpwd_functions precmd_functions
if (( ! ${chpwd_functions[(Ie)_vswitch_hook]} )); then
	chpwd_functions=(_vswitch_hook $chpwd_functions)
fi
if (( ! ${precmd_functions[(Ie)_vswitch_hook]} )); then
	precmd_functions=(_vswitch_hook $precmd_functions)
fi
