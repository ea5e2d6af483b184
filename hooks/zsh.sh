# vswitch hook for zsh. Put this line in ~/.zshrc:
#     eval "$(vswitch hook zsh)"
# `vswitch hook zsh` prints hooks/posix.sh (the part shared with bash)
# before this file.
# shellcheck shell=bash disable=SC2016,SC2034,SC2206,SC2296,SC2298

# The entry points. Each runs with zsh's own options (emulate -L zsh),
# whatever the user set (KSH_ARRAYS, WARN_CREATE_GLOBAL, ERR_EXIT, ...),
# and returns 0: zsh keeps $? for the prompt by itself. The hook runs on
# every cd (chpwd), even in the middle of a line, and before each prompt
# (precmd), which covers a new shell's first prompt and a venv made in
# the open folder.
_vswitch_hook() {
	emulate -L zsh
	_vswitch_check
	_vswitch_prompt_draw
	return 0
}

vswitch() {
	emulate -L zsh
	_vswitch_command "$@"
}

# The binary is gone from where it was recorded: look it up on PATH.
_vswitch_rebin() {
	local b
	b=$(builtin whence -p vswitch) || return 1
	_vswitch_bin=$b
}

# The label as zsh will show it: it reads %-escapes (and ! with
# PROMPT_BANG) in the prompt, so those are doubled; '' when none is to
# be shown.
_vswitch_shown() {
	_vswitch_s=''
	if [[ -z $_vswitch_label || -n ${VIRTUAL_ENV_DISABLE_PROMPT-} ]]; then
		return 0
	fi
	_vswitch_s=$_vswitch_label
	if [[ -o promptpercent ]]; then
		_vswitch_s=${_vswitch_s//\%/%%}
	fi
	if [[ -o promptbang ]]; then
		_vswitch_s=${_vswitch_s//\!/!!}
	fi
	_vswitch_s="($_vswitch_s) "
}

# With PROMPT_SUBST the prompt holds a reference, put in once and put
# back first before a prompt if the prompt was set anew; it is expanded
# when drawn and never re-expanded. Without it, the label goes in as
# text, and comes out as it went in.
_vswitch_prompt_draw() {
	if [[ -n $_vswitch_lit || ! -o promptsubst ]]; then
		return 0
	fi
	# a read-only prompt stays as it is (an assignment would end the
	# code being evaluated, and leave the env half switched)
	if [[ $PS1 != '${_VSWITCH_PS1-}'* && ${(t)PS1} != *readonly* ]]; then
		PS1='${_VSWITCH_PS1-}'$PS1
	fi
	_vswitch_shown
	_VSWITCH_PS1=$_vswitch_s
}

_vswitch_prompt_set() {
	_vswitch_prompt_clear
	if [[ -o promptsubst ]]; then
		_vswitch_prompt_draw
		return 0
	fi
	_vswitch_shown
	if [[ -n $_vswitch_s && ${(t)PS1} != *readonly* ]]; then
		_vswitch_lit=$_vswitch_s
		PS1=$_vswitch_lit$PS1
	fi
}

# The label put in as text comes out where it is: in front, or after an
# activate script's own (which keeps a copy of the prompt with ours in
# it, and gives it back on deactivate: so what was put in is remembered
# until it is seen in front again).
_vswitch_prompt_clear() {
	_VSWITCH_PS1=''
	if [[ -z $_vswitch_lit || ${(t)PS1} == *readonly* ]]; then
		return 0
	fi
	if [[ $PS1 == "$_vswitch_lit"* ]]; then
		PS1=${PS1#"$_vswitch_lit"}
		_vswitch_lit=''
	else
		PS1=${PS1/"$_vswitch_lit"/}
	fi
}

() {
	emulate -L zsh
	typeset -g _vswitch_label=${_vswitch_label-} _vswitch_deact=${_vswitch_deact-} \
		_vswitch_lit=${_vswitch_lit-} _VSWITCH_PS1=${_VSWITCH_PS1-} _vswitch_s='' \
		_vswitch_k='' _vswitch_key=${_vswitch_key-} _vswitch_cand='' _vswitch_sig='' \
		_vswitch_here='' _vswitch_seen_here=${_vswitch_seen_here-} _vswitch_ve=${_vswitch_ve-}
	typeset -gA _vswitch_clean
	typeset -ga chpwd_functions precmd_functions
	if (( ! ${chpwd_functions[(Ie)_vswitch_hook]} )); then
		chpwd_functions=(_vswitch_hook $chpwd_functions)
	fi
	if (( ! ${precmd_functions[(Ie)_vswitch_hook]} )); then
		precmd_functions=(_vswitch_hook $precmd_functions)
	fi
}
