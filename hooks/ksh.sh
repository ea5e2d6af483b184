# vswitch hook for ksh93. Put this line in ~/.kshrc:
#     eval "$(vswitch hook ksh)"
# `vswitch hook ksh` prints hooks/korn.sh (the part shared with mksh)
# before this file.
#
# ksh93 has no precmd: the hook runs from the PS1.get discipline, which
# ksh93 calls in this shell (no process) each time it reads PS1 to draw
# the prompt. It hands back PS1 with a reference in front while a label
# is shown: ksh93 expands ${_VSWITCH_PS1-} when it draws the prompt and
# never expands what it holds, so a label with $(...) or ${...} is shown
# as written; the ! that ksh93 then turns into the history number is
# doubled. PS1 itself is not changed, so a PS1 set later keeps the label.
# shellcheck shell=ksh disable=SC2016

# The label as ksh93 will show it.
function _vswitch_show {
	_VSWITCH_PS1=${1//'!'/'!!'}
}

# A PS1.get of someone else's stays. Then the hook goes in PS1 itself,
# as ${ _vswitch_hook;} (run in this shell, prints nothing) before the
# reference; putting it there reads PS1 once through that PS1.get. A PS1
# set later drops both: cd still switches, with no label, and a venv
# made in the open folder waits for the next cd.
case $(\typeset -f PS1.get) in
'' | *_vswitch_hook*)
	function PS1.get {
		\typeset ret=$?
		_vswitch_hook
		if [[ -n $_VSWITCH_PS1 && $PS1 != *'${_VSWITCH_PS1-}'* ]]; then
			# shellcheck disable=SC2276,SC2086 # ksh93's discipline value
			.sh.value='${_VSWITCH_PS1-}'$PS1
		fi
		\return "$ret"
	}
	;;
*)
	case $PS1 in
	*'${ _vswitch_hook;}'*) ;;
	*) PS1='${ _vswitch_hook;}${_VSWITCH_PS1-}'$PS1 ;;
	esac
	;;
esac
