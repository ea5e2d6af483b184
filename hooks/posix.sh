# vswitch hook: the part bash and zsh share. `vswitch hook bash` (or
# zsh) prints the variables _vswitch_bin (the binary's absolute path),
# _vswitch_cmds (the commands that change the shell) and _vswitch_shell,
# then this file, then the shell's own (bash.sh, zsh.sh).
# shellcheck shell=bash disable=SC2154

# Runs before each prompt (and in zsh on every cd); starts the binary
# only when $PWD changed since the last run (or on the first prompt of a
# new shell, with --init so the prompt prefix of an inherited env is
# drawn again). Keeps $?.
_vswitch_hook() {
	local _vswitch_ret=$? _vswitch_out
	if [ "${_vswitch_pwd-}" != "$PWD" ]; then
		if [ -n "${_vswitch_pwd+set}" ]; then
			_vswitch_out=$("$_vswitch_bin" export "$_vswitch_shell")
		else
			_vswitch_out=$("$_vswitch_bin" export "$_vswitch_shell" --init)
		fi
		_vswitch_pwd=$PWD
		eval "$_vswitch_out"
	fi
	return "$_vswitch_ret"
}

# The commands that change this shell have their output evaluated here;
# every other command runs the binary as it is.
vswitch() {
	local _vswitch_out _vswitch_rc
	case " $_vswitch_cmds " in
	*" ${1-} "*)
		_vswitch_out=$("$_vswitch_bin" --shell="$_vswitch_shell" "$@")
		_vswitch_rc=$?
		eval "$_vswitch_out"
		_vswitch_pwd=$PWD
		return "$_vswitch_rc"
		;;
	*)
		"$_vswitch_bin" "$@"
		;;
	esac
}
