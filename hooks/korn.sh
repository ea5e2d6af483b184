# vswitch hook: the part ksh93 and mksh share. `vswitch hook ksh` (or
# mksh) prints the variables _vswitch_bin (the binary's path as invoked),
# _vswitch_cmds (the commands that change the shell) and _vswitch_shell,
# then this file, then the shell's own (ksh.sh, mksh.sh), which runs
# _vswitch_hook each time the prompt is drawn and defines _vswitch_show,
# which puts what the prompt is to show before the user's prompt.
#
# Each run of the binary also sets, through what it prints:
#   _vswitch_names    the names any source looks for in a folder
#   _vswitch_watch    "+PATH" (exists) or "-PATH" (does not): the files
#                     whose change could change the result
#   _vswitch_vars     the environment variables the result depends on
#   _vswitch_stampdir the folder of stamp files ('' for none)
#   _vswitch_tag      stands for the names, links, vars and stampdir:
#                     given back, they are not printed again
# A cd that finds the same nearest folder holding one of the names, the
# same values of those variables, and no watched file changed since this
# shell's stamp starts no process: the binary would print nothing new.
#
# Written so that nothing of the user's can stop it half way:
# - every function is a `function NAME` one, whose options are its own:
#   the entry points turn errexit and nounset off for the call only;
# - every builtin is called with a backslash, which no alias can
#   replace, and is where it can be a special one (: eval export return
#   set unset, and typeset in ksh93), which no function can replace
#   either; tests are [[ ]];
# - a command that may fail stands only in a condition: mksh runs the
#   user's ERR trap for one that fails anywhere else, even in here;
# - no locals: ksh93 scopes typeset statically and mksh dynamically, so
#   the hook's variables are globals named _vswitch_*.
# shellcheck shell=ksh disable=SC2154,SC2317

# The names found in folder $1, into _vswitch_s ('/venv/.venv' or '').
function _vswitch_names_in {
	_vswitch_s=''
	for _vswitch_n in "${_vswitch_names[@]}"; do
		if [[ -e ${1%/}/$_vswitch_n ]]; then
			_vswitch_s+=/$_vswitch_n
		fi
	done
}

# The nearest folder from $PWD up that holds one of the names: sets
# _vswitch_cand to it ('' for none) and _vswitch_sig to the names found.
function _vswitch_find {
	# bytes, not characters: ksh93 cuts a long multibyte path slowly
	\typeset LC_ALL=C
	_vswitch_d=$PWD _vswitch_cand='' _vswitch_sig=''
	_vswitch_walked=$PWD$'\n'${_vswitch_tag-}
	while \:; do
		_vswitch_names_in "$_vswitch_d"
		if [[ -n $_vswitch_s ]]; then
			_vswitch_cand=$_vswitch_d _vswitch_sig=$_vswitch_s
			\return 0
		fi
		if [[ $_vswitch_d == / || $_vswitch_d != /* ]]; then
			\return 0
		fi
		_vswitch_d=${_vswitch_d%/*}
		_vswitch_d=${_vswitch_d:-/}
	done
}

# The key: the candidate folder, the names in it, and the value (or
# absence) of each variable the result depends on, read by code made
# once for the names the binary gave (so eval only reads variables).
function _vswitch_keyof {
	if [[ -z ${_vswitch_kcode+set} || ${_vswitch_ktag-} != "${_vswitch_tag-}" ]]; then
		_vswitch_ktag=${_vswitch_tag-} _vswitch_kcode=''
		for _vswitch_v in "${_vswitch_vars[@]}"; do
			_vswitch_kcode+="_vswitch_k+=\$'\\n'\${$_vswitch_v+=}\${$_vswitch_v-};"
		done
	fi
	# a project an env's .project names holds no file of ours: the
	# nearest such one that holds $PWD is part of the key
	_vswitch_best=''
	for _vswitch_l in "${_vswitch_links[@]}"; do
		if [[ $PWD == "$_vswitch_l" || $PWD == "$_vswitch_l"/* ]] &&
			((${#_vswitch_l} > ${#_vswitch_best})); then
			_vswitch_best=$_vswitch_l
		fi
	done
	_vswitch_k=$_vswitch_best$'\n'$_vswitch_cand$'\n'$_vswitch_sig
	\eval "$_vswitch_kcode"
}

# Whether no watched file changed since this shell's stamp: one that
# existed must still exist and be older than the stamp, one that did not
# must still not.
function _vswitch_fresh {
	_vswitch_st=${_vswitch_stampdir-}/$$
	if [[ -z ${_vswitch_stampdir-} || ! -f $_vswitch_st ]]; then
		\return 1
	fi
	for _vswitch_w in "${_vswitch_watch[@]}"; do
		case $_vswitch_w in
		+*)
			if [[ ! -e ${_vswitch_w#+} || ! $_vswitch_st -nt ${_vswitch_w#+} ]]; then
				\return 1
			fi
			;;
		*)
			if [[ -e ${_vswitch_w#-} ]]; then
				\return 1
			fi
			;;
		esac
	done
	\return 0
}

# Touch the stamp (>| whatever noclobber says), run the binary with $@
# after the shell's name, and evaluate what it prints; then remember
# what it saw. A binary that is no longer where it was recorded (an
# upgrade moved it) is looked up on PATH again.
function _vswitch_run {
	if [[ -n ${_vswitch_stampdir-} ]] && ! { \: >|"$_vswitch_stampdir/$$"; } 2>/dev/null; then
		_vswitch_stampdir=''
	fi
	if [[ ! -x $_vswitch_bin ]] && ! _vswitch_rebin; then
		\return 0
	fi
	_vswitch_out=$("$_vswitch_bin" "$@") || \:
	\eval "$_vswitch_out"
	_vswitch_seen
}

# Remember the state the binary left: the folder, the key, the names
# here, VIRTUAL_ENV. The walk made just before the run stands, unless
# the run changed the folder or the names.
function _vswitch_seen {
	_vswitch_pwd=$PWD
	if [[ ${_vswitch_walked-} != "$PWD"$'\n'"${_vswitch_tag-}" ]]; then
		_vswitch_find
	fi
	_vswitch_keyof
	_vswitch_key=$_vswitch_k
	if [[ $_vswitch_cand == "$PWD" ]]; then
		_vswitch_seen_here=$_vswitch_sig
	else
		_vswitch_seen_here=''
	fi
	_vswitch_ve=${VIRTUAL_ENV-}
}

# The entry point, run each time the prompt is drawn: keeps $? for the
# prompt and the user, and hands "(label) " (or '') to _vswitch_show.
function _vswitch_hook {
	\typeset ret=$?
	\set +o errexit +o nounset
	_vswitch_check
	if [[ -n $_vswitch_label && -z ${VIRTUAL_ENV_DISABLE_PROMPT-} ]]; then
		_vswitch_show "($_vswitch_label) "
	else
		_vswitch_show ''
	fi
	\return "$ret"
}

# Before each prompt and after each cd: run the binary only when what it
# reads may have changed.
function _vswitch_check {
	if [[ -z ${_vswitch_pwd+set} ]]; then
		_vswitch_run export "$_vswitch_shell" --init
		\return 0
	fi
	if [[ $_vswitch_pwd == "$PWD" && $_vswitch_ve == "${VIRTUAL_ENV-}" ]]; then
		# a venv made or removed in the open folder changes the names
		_vswitch_names_in "$PWD"
		if [[ $_vswitch_s == "$_vswitch_seen_here" ]]; then
			\return 0
		fi
	fi
	_vswitch_pwd=$PWD
	_vswitch_find
	_vswitch_keyof
	if [[ $_vswitch_k == "$_vswitch_key" ]] && _vswitch_fresh; then
		# the names here, as the walk saw them
		if [[ $_vswitch_cand == "$PWD" ]]; then
			_vswitch_seen_here=$_vswitch_sig
		else
			_vswitch_seen_here=''
		fi
		\return 0
	fi
	# the lists the binary gave stand while it gives no others ('' is
	# no tag it gives)
	_vswitch_run export "$_vswitch_shell" "--have=${_vswitch_tag-}"
}

# The commands that change this shell have their output evaluated here;
# every other command runs the binary as it is.
function vswitch {
	\set +o errexit +o nounset
	if [[ ! -x $_vswitch_bin ]] && ! _vswitch_rebin; then
		\return 127
	fi
	case " $_vswitch_cmds " in
	*" ${1-} "*) ;;
	*)
		"$_vswitch_bin" "$@" || \return
		\return 0
		;;
	esac
	if _vswitch_out=$("$_vswitch_bin" --shell="$_vswitch_shell" "$@"); then
		_vswitch_rc=0
	else
		_vswitch_rc=$?
	fi
	\eval "$_vswitch_out"
	_vswitch_walked=''
	_vswitch_seen
	\return "$_vswitch_rc"
}

# The binary is gone from where it was recorded: look it up on PATH.
function _vswitch_rebin {
	\typeset b
	b=$(\whence -p vswitch) || \return 1
	_vswitch_bin=$b
}

# cd switches at once, so that `cd proj && pip install` uses proj's env:
# a function that calls the builtin, then the check. A cd the user has
# (function or alias, as Debian's ~/.kshrc has) is theirs and stays;
# then the switch comes at the next prompt.
function _vswitch_chdir {
	\set +o errexit +o nounset
	_vswitch_check
}

# An env is active with label $1 ('' when the prompt shows none): show it,
# and offer `deactivate` unless an activate script's own is there.
function _vswitch_enter {
	_vswitch_label=$1
	if ! \typeset -f deactivate >/dev/null; then
		function deactivate {
			# an activate script calls this before it activates its own
			# env: vswitch's stays under it, and comes back after
			if [[ ${1-} != nondestructive ]]; then
				vswitch off
			fi
		}
		_vswitch_deact=1
	fi
}

# No env of ours is active: take the label and our `deactivate` away.
# While an activate script's env is on top (_OLD_VIRTUAL_PATH is its
# mark), its `deactivate` is the one defined, and stays.
function _vswitch_leave {
	_vswitch_label=''
	if [[ -n ${_vswitch_deact-} && -z ${_OLD_VIRTUAL_PATH+set} ]]; then
		\unset -f deactivate
	fi
	_vswitch_deact=''
}

case $(\typeset -f cd) in
'' | *_vswitch_chdir*)
	if ! \alias cd >/dev/null 2>&1; then
		function cd {
			\command cd "$@" || \return
			_vswitch_chdir
		}
	fi
	;;
esac
_vswitch_label=${_vswitch_label-}
