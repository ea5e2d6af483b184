# vswitch hook for mksh. Put this line last in ~/.mkshrc:
#     eval "$(vswitch hook mksh)"
# `vswitch hook mksh` prints hooks/korn.sh (the part shared with ksh93)
# before this file.
#
# mksh has no precmd: the hook is a ${|_vswitch_hook && :;} in PS1, which mksh
# runs in this shell (no process) each time it draws the prompt, showing
# $REPLY as it is: a label with $(...), ${...} or ! is shown as written.
# It goes in once, after the non-printing delimiter if PS1 starts with
# one (a character and a carriage return, as Debian's does). There are
# no disciplines in mksh: a PS1 set after this line drops the hook, so
# the line comes last; cd still switches without it.
# shellcheck shell=ksh disable=SC2016

# The label as mksh will show it: the substitution's value.
function _vswitch_show {
	REPLY=$1
}

# mksh exports PWD only when it found it in its environment; the binary
# reads the directory from it (getcwd cannot name a deleted directory, or
# one deeper than PATH_MAX), and bash, zsh, fish and ksh93 export it too.
\export PWD

# The hook hands back the user's $? as its status, which mksh keeps
# after the substitution; `&& :` keeps a failed one from running the
# user's ERR trap a second time.
case ${PS1-} in
*'${|_vswitch_hook'*) ;;
?$'\r'*) PS1=${PS1:0:2}'${|_vswitch_hook && :;}'${PS1:2} ;;
*) PS1='${|_vswitch_hook && :;}'${PS1-} ;;
esac
