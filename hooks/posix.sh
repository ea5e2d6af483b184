# vswitch hook: the part bash and zsh share. `vswitch hook bash` (or
# zsh) prints the variables _vswitch_bin (the binary's path as invoked),
# _vswitch_cmds (the commands that change the shell) and _vswitch_shell,
# then this file, then the shell's own (bash.sh, zsh.sh), whose entry
# points set the shell's options before they call what is here.
#
# Each run of the binary also sets, through what it prints:
#   _vswitch_names    the names any source looks for in a folder
#   _vswitch_watch    "+PATH" (exists) or "-PATH" (does not): the files
#                     whose change could change the result
#   _vswitch_vars     the environment variables the result depends on
#   _vswitch_links    the projects that envs' .project files name
#   _vswitch_stampdir the folder of stamp files ('' for none)
#   _vswitch_tag      stands for the names, links, vars and stampdir:
#                     given back, they are not printed again
# A cd that finds the same nearest folder holding one of the names, the
# same values of those variables, and no watched file changed since this
# shell's stamp starts no process: the binary would print nothing new.
# shellcheck shell=bash disable=SC2154,SC2317

# The nearest folder from $PWD up that holds one of the names: sets
# _vswitch_cand to it ('' for none) and _vswitch_sig to the names found.
# A folder found to hold none of the names is remembered in
# _vswitch_clean, and not tested again while the stamp $$.walk, touched
# before the first of them was tested, is newer than it: adding,
# removing or renaming an entry in a folder makes the folder newer (or
# as new: times have the kernel's tick, so a tie means test again). The set
# starts again when it grows past 256 folders, or other names come (the
# tag changed).
_vswitch_find() {
	local d=$PWD n s w=''
	_vswitch_cand='' _vswitch_sig=''
	_vswitch_walked=$PWD$'\n'${_vswitch_tag-}
	if [[ -n ${_vswitch_stampdir-} ]]; then
		w=$_vswitch_stampdir/$$.walk
		if ((${#_vswitch_clean[@]} == 0 || ${#_vswitch_clean[@]} > 256)) ||
			[[ ! -f $w || ${_vswitch_ctag-} != "${_vswitch_tag-}" ]]; then
			_vswitch_clean=() _vswitch_ctag=${_vswitch_tag-}
			{ : >"$w"; } 2>/dev/null || w=''
		fi
	fi
	while :; do
		s=''
		if [[ -z $w || -z ${_vswitch_clean[$d]-} || ! $w -nt $d ]]; then
			for n in "${_vswitch_names[@]}"; do
				if [[ -e ${d%/}/$n ]]; then
					s+=/$n
				fi
			done
			if [[ -n $s ]]; then
				_vswitch_cand=$d _vswitch_sig=$s
				return 0
			fi
			if [[ -n $w ]]; then
				# shellcheck disable=SC2004 # associative: bash.sh, zsh.sh
				_vswitch_clean[$d]=1
			fi
		fi
		if [[ $d == / || $d != /* ]]; then
			return 0
		fi
		d=${d%/*}
		d=${d:-/}
	done
}

# The names found in $PWD alone, into _vswitch_here: a venv made or
# removed in the open folder changes them.
_vswitch_names_here() {
	local n
	_vswitch_here=''
	for n in "${_vswitch_names[@]}"; do
		if [[ -e ${PWD%/}/$n ]]; then
			_vswitch_here+=/$n
		fi
	done
}

# The key: the candidate folder, the names in it, and the value (or
# absence) of each variable the result depends on, read by code made
# once for the names the binary gave: one assignment (a shell command
# costs far more than an expansion in it), and eval only reads variables.
_vswitch_keyof() {
	local v l best=''
	if [[ -z ${_vswitch_kcode+set} || ${_vswitch_ktag-} != "${_vswitch_tag-}" ]]; then
		_vswitch_ktag=${_vswitch_tag-} _vswitch_kcode='_vswitch_k+='
		for v in "${_vswitch_vars[@]}"; do
			_vswitch_kcode+="\$'\\n'\${$v+=}\${$v-}"
		done
	fi
	# a project an env's .project names holds no file of ours: the
	# nearest such one that holds $PWD is part of the key
	for l in "${_vswitch_links[@]}"; do
		if [[ ($PWD == "$l" || $PWD == "$l"/*) && ${#l} -gt ${#best} ]]; then
			best=$l
		fi
	done
	_vswitch_k=$best$'\n'$_vswitch_cand$'\n'$_vswitch_sig
	builtin eval "$_vswitch_kcode"
}

# Whether no watched file changed since this shell's stamp: one that
# existed must still exist and be older than the stamp, one that did not
# must still not.
_vswitch_fresh() {
	local w s=${_vswitch_stampdir-}/$$
	if [[ -z ${_vswitch_stampdir-} || ! -f $s ]]; then
		return 1
	fi
	for w in "${_vswitch_watch[@]}"; do
		case $w in
		+*)
			if [[ ! -e ${w#+} || ! $s -nt ${w#+} ]]; then
				return 1
			fi
			;;
		*)
			if [[ -e ${w#-} ]]; then
				return 1
			fi
			;;
		esac
	done
	return 0
}

# Touch the stamp, run the binary with $@ after the shell's name, and
# evaluate what it prints; then remember what it saw. A binary that is
# no longer where it was recorded (an upgrade moved it) is looked up
# on PATH again.
_vswitch_run() {
	local _vswitch_out
	if [[ -n ${_vswitch_stampdir-} ]] && ! { : >"$_vswitch_stampdir/$$"; } 2>/dev/null; then
		_vswitch_stampdir=''
	fi
	if [[ ! -x $_vswitch_bin ]] && ! _vswitch_rebin; then
		return 0
	fi
	_vswitch_out=$("$_vswitch_bin" "$@")
	builtin eval "$_vswitch_out"
	_vswitch_seen
	return 0
}

# Remember the state the binary left: the folder, the key, the names
# here, VIRTUAL_ENV. The walk made just before the run stands, unless
# the run changed the folder or the names.
_vswitch_seen() {
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

# Before each prompt and after each cd: run the binary only when what it
# reads may have changed.
_vswitch_check() {
	if [[ -z ${_vswitch_pwd+set} ]]; then
		_vswitch_run export "$_vswitch_shell" --init
		return 0
	fi
	if [[ $_vswitch_pwd == "$PWD" && $_vswitch_ve == "${VIRTUAL_ENV-}" ]]; then
		_vswitch_names_here
		if [[ $_vswitch_here == "$_vswitch_seen_here" ]]; then
			return 0
		fi
	fi
	_vswitch_pwd=$PWD
	_vswitch_find
	_vswitch_keyof
	if [[ $_vswitch_k == "$_vswitch_key" ]] && _vswitch_fresh; then
		# the names here, as the walk saw them: what a venv made
		# here later is compared with
		if [[ $_vswitch_cand == "$PWD" ]]; then
			_vswitch_seen_here=$_vswitch_sig
		else
			_vswitch_seen_here=''
		fi
		return 0
	fi
	# the lists the binary gave stand while it gives no others ('' is
	# no tag it gives)
	_vswitch_run export "$_vswitch_shell" "--have=${_vswitch_tag-}"
}

# The commands that change this shell have their output evaluated here;
# every other command runs the binary as it is.
_vswitch_command() {
	case " $_vswitch_cmds " in
	*" ${1-} "*)
		local _vswitch_out _vswitch_rc
		if [[ ! -x $_vswitch_bin ]] && ! _vswitch_rebin; then
			return 127
		fi
		_vswitch_out=$("$_vswitch_bin" --shell="$_vswitch_shell" "$@")
		_vswitch_rc=$?
		builtin eval "$_vswitch_out"
		_vswitch_walked=''
		_vswitch_seen
		return "$_vswitch_rc"
		;;
	esac
	if [[ ! -x $_vswitch_bin ]] && ! _vswitch_rebin; then
		return 127
	fi
	"$_vswitch_bin" "$@"
}

# An env is active with label $1 ('' when the prompt shows none): show it,
# and offer `deactivate` unless an activate script's own is there.
_vswitch_enter() {
	_vswitch_label=$1
	_vswitch_prompt_set
	if ! builtin typeset -f deactivate >/dev/null; then
		deactivate() {
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
_vswitch_leave() {
	_vswitch_label=''
	_vswitch_prompt_clear
	if [[ -n ${_vswitch_deact-} && -z ${_OLD_VIRTUAL_PATH+set} ]]; then
		builtin unset -f deactivate
	fi
	_vswitch_deact=''
}
