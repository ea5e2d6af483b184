# bash completion for vswitch.                        -*- shell-script -*-
# Installed as share/bash-completion/completions/vswitch, where the
# bash-completion package loads it on demand; it needs nothing from that
# package, so it also works sourced directly from ~/.bashrc:
#     . /usr/local/share/bash-completion/completions/vswitch
# shellcheck shell=bash

# Read the word being completed from COMP_LINE up to the cursor, as the
# shell will read it, without evaluating anything: sets _vswitch_words
# (the words before it, quotes removed), _vswitch_cur (its text, quotes
# removed), _vswitch_q (the quote left open at the cursor: ', " or
# nothing) and _vswitch_keep (how much of _vswitch_cur lies before the
# point where readline starts replacing: after an open quote or an
# unquoted word-break character). COMP_WORDS is not used because bash
# splits it at ; | & = : even inside quotes.
_vswitch_lex() {
	local line=${COMP_LINE:0:COMP_POINT} c i inword=0
	_vswitch_words=() _vswitch_cur='' _vswitch_q='' _vswitch_keep=0
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if [[ $_vswitch_q == "'" ]]; then
			if [[ $c == "'" ]]; then
				_vswitch_q='' _vswitch_keep=${#_vswitch_cur}
			else
				_vswitch_cur+=$c
			fi
		elif [[ $_vswitch_q == '"' ]]; then
			if [[ $c == '"' ]]; then
				_vswitch_q='' _vswitch_keep=${#_vswitch_cur}
			elif [[ $c == "\\" && ${line:i+1:1} == [\$\`\"\\] ]]; then
				i=$((i + 1))
				_vswitch_cur+=${line:i:1}
			else
				_vswitch_cur+=$c
			fi
		elif [[ $c == "\\" ]]; then
			i=$((i + 1))
			_vswitch_cur+=${line:i:1} inword=1
		elif [[ $c == [\'\"] ]]; then
			_vswitch_q=$c _vswitch_keep=${#_vswitch_cur} inword=1
		elif [[ $c == [[:blank:]] ]]; then
			if ((inword)); then
				_vswitch_words+=("$_vswitch_cur")
			fi
			_vswitch_cur='' _vswitch_keep=0 inword=0
		else
			_vswitch_cur+=$c inword=1
			if [[ ${COMP_WORDBREAKS-} == *"$c"* ]]; then
				_vswitch_keep=${#_vswitch_cur}
			fi
		fi
	done
}

# Add to COMPREPLY the words in _vswitch_m, which all start with
# _vswitch_cur, quoted for where readline will put them: the part after
# _vswitch_keep, escaped for the open quote, or with printf %q when there
# is none. No loops, no arrays passed as arguments and no `local -a a=(..)`:
# with 5,000 names each of those costs more than listing them.
_vswitch_quote() {
	local - IFS=$'\n' s
	((${#_vswitch_m[@]})) || return 0
	if ((_vswitch_keep)); then
		_vswitch_m=("${_vswitch_m[@]#"${_vswitch_cur:0:_vswitch_keep}"}")
	fi
	case $_vswitch_q in
	"'") _vswitch_m=("${_vswitch_m[@]//\'/\'\\\'\'}") ;;
	'"')
		_vswitch_m=("${_vswitch_m[@]//\\/\\\\}")
		_vswitch_m=("${_vswitch_m[@]//\"/\\\"}")
		_vswitch_m=("${_vswitch_m[@]//\$/\\\$}")
		_vswitch_m=("${_vswitch_m[@]//\`/\\\`}")
		;;
	*)
		# %q never writes a newline, so one line per word
		printf -v s '%q\n' "${_vswitch_m[@]}"
		set -f
		# shellcheck disable=SC2206
		_vswitch_m=($s)
		;;
	esac
	COMPREPLY+=("${_vswitch_m[@]}")
}

# The fixed words (subcommands, shells, options) that start with
# _vswitch_cur.
_vswitch_reply() {
	local w
	local -a _vswitch_m
	for w; do
		[[ $w == "$_vswitch_cur"* ]] && _vswitch_m+=("$w")
	done
	_vswitch_quote
}

# The env names that start with _vswitch_cur: one run of `vswitch list`,
# which filters them itself and so stats only those.
_vswitch_envs() {
	local - IFS=$'\n' out
	local -a _vswitch_m
	out=$(vswitch list --prefix="$_vswitch_cur" 2>/dev/null)
	set -f
	# shellcheck disable=SC2206
	_vswitch_m=($out)
	_vswitch_quote
}

# Folders, quoted by readline itself (-o filenames).
_vswitch_dirs() {
	compopt -o filenames 2>/dev/null
	mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$_vswitch_cur")
}

_vswitch() {
	local _vswitch_cur _vswitch_q _vswitch_keep sub='' i n
	local -a _vswitch_words
	COMPREPLY=()
	_vswitch_lex
	# skip the command name and --shell[=]SHELL to find the subcommand;
	# n counts the arguments before the word being completed
	for ((i = 1; i < ${#_vswitch_words[@]}; i++)); do
		case ${_vswitch_words[i]} in
		--shell) i=$((i + 1)) ;;
		--shell=*) ;;
		*) sub=${_vswitch_words[i]}; break ;;
		esac
	done
	n=$((${#_vswitch_words[@]} - i - 1))
	if [[ -z $sub ]]; then
		_vswitch_reply hook export off on use list status allow deny --help --version
		return 0
	fi
	case $sub,$n in
	hook,0 | export,0)
		# shellcheck disable=SC2046 # one shell name per line
		_vswitch_reply $(vswitch hook --list 2>/dev/null)
		;;
	export,1) _vswitch_reply --init ;;
	list,*) _vswitch_reply --long ;;
	allow,0 | deny,0) _vswitch_dirs ;;
	use,0)
		case $_vswitch_cur in
		*/* | [.~]*) _vswitch_dirs ;;
		*) _vswitch_envs ;;
		esac
		;;
	esac
	return 0
}

complete -F _vswitch vswitch
