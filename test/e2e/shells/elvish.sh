# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for elvish (the interface is listed in bash.sh).
# elvish has no $?: a command that fails throws, and the rest of its
# line does not run. The user's own handler of the status is an
# edit:after-command hook, which sees each line's error; vsw_status
# writes what it saw for the line before. $VSW_T, which the scenarios
# type, is a variable of the REPL holding $E:VSW_T. elvish names no
# folder past PATH_MAX ($pwd reads /unknown/pwd there): vsw_cdrel stops
# one short of it, as ksh93's cd fails there.

sh_installed() { command -v elvish >/dev/null; }

sh_cmd() { echo elvish; }

sh_prompt() { echo '>'; }

# cd_starts_binary: elvish 0.19 cannot read a file's time without a
# process, so every change of directory runs the binary.
sh_has() {
	case $1 in
	completion | completion_call | prompt_reassign | prompt_in_batch | prompt_function | \
		cd_starts_binary) return 0 ;;
	esac
	return 1
}

sh_write_rc() {
	mkdir -p "$T/home/.config/elvish"
	cat >"$T/home/.config/elvish/rc.elv" <<RC
set edit:prompt = { put '> ' }
set edit:rprompt = { }
$(elvish_helpers)
set edit:after-command = [\$@edit:after-command {|m| echo (vsw-st \$m) >> \$E:VSW_T/pc_status }]
$RC_PRE
eval ('$VSW' hook elvish | slurp)
$RC_POST
RC
}

# The vsw_* helpers (see bash.sh), and the status of a line from what
# edit:after-command hands its hooks.
elvish_helpers() {
	cat <<'HELPERS'
var VSW_T = $E:VSW_T
var vsw-last = 0
fn vsw-st {|m|
	if (eq $m[error] $nil) {
		put 0
	} else {
		try { put $m[error][reason][exit-status] } catch { put 1 }
	}
}
set edit:after-command = [{|m| set vsw-last = (vsw-st $m) }]
fn vsw_sync {|n| print > $E:VSW_T/sync/$n }
fn vsw_dump {|n| /usr/bin/env -0 > $E:VSW_T/d/$n }
fn vsw_status {|n| echo $vsw-last > $E:VSW_T/d/$n }
fn vsw_py {|n| python -c 'import sys; print(sys.prefix)' > $E:VSW_T/d/$n 2>&1 }
fn vsw_cdp {|n| cd (slurp < $E:VSW_T/p/$n) }
fn vsw_cdrel {|n|
	from-lines < $E:VSW_T/p/$n | each {|c|
		cd $c
		if (eq $pwd /unknown/pwd) {
			cd ..
			break
		}
	}
}
HELPERS
}

# A script has no editor: a namespace standing in for edit: lets the
# hook load, and its before-readline hooks and prompt are called as the
# editor would.
elvish_editor_stub() {
	echo "var edit: = (ns [&prompt={ put '> ' } &rprompt={ } &before-readline=[] &add-var~={|n v| } &del-var~={|n| } &complete-filename~={|@a| } &completion:=(ns [&arg-completer=[&]])])"
}

# The hook as `vswitch hook elvish` prints it: its variables first.
sh_lint() {
	{
		elvish_editor_stub
		echo "var bin = ''; var cmds = ''; var shell = ''; var stampdir = ''"
		cat "$ROOT/hooks/elvish.elv"
	} | elvish -compileonly /dev/stdin
}

sh_batch_cmd() { echo elvish; }

sh_roundtrip() {
	cat <<SCRIPT
use str
$(elvish_editor_stub)
var bin = '$3'
var VSW_T = '$2'
eval (\$bin hook elvish | slurp)
fn prompt { for f \$edit:before-readline { \$f } }
prompt
cd \$VSW_T/neutral
prompt
/usr/bin/env -0 > \$VSW_T/d/before
for i [(range $1)] {
	if ?(cd (slurp < \$VSW_T/p/rt\$i)) {
		prompt
		/usr/bin/env -0 > \$VSW_T/d/rt\$i.in
		print (str:join '' [(\$edit:prompt)]) > \$VSW_T/d/rt\$i.ps
		cd \$VSW_T/neutral
		prompt
		/usr/bin/env -0 > \$VSW_T/d/rt\$i.out
	}
}
SCRIPT
}

# The candidates the completer gives for the line's words (the line as
# the scenarios write it: blanks split, a backslash escapes).
sh_complete() {
	local words w args=''
	read -ra words <<<"$1"
	[[ $1 == *' ' ]] && words+=('')
	for w in "${words[@]}"; do
		w=$(unbackslash "$w")
		args+=" $(l_quote "$w")"
	done
	run "\$edit:completion:arg-completer[vswitch]$args | to-lines | /usr/bin/env LC_ALL=C sort > \$E:VSW_T/d/$2"
}

l_prepend_path() { echo "set paths = [$1 \$@paths]"; }
l_set_path() { echo "set E:PATH = '$1'"; }
# No tool writes an activate script for elvish: by hand is what it does.
l_activate() {
	echo "set-env VIRTUAL_ENV '$1'; set paths = ['$1/bin' \$@paths]; edit:add-var deactivate~ { unset-env VIRTUAL_ENV; set paths = \$paths[1..]; edit:del-var deactivate~ }"
}
l_activate_file() { echo activate.elv; }
l_load_hook() { echo "eval ('$1' hook elvish | slurp)"; }
l_set_var() { echo "set-env $1 '$2'"; }
l_unset_var() { echo "unset-env $1"; }
l_is_function() {
	echo "echo (if ?(eval 'nop \$$1~') { put yes } else { put no }) > \$E:VSW_T/d/$2"
}
l_quote() { printf "'%s'" "${1//\'/\'\'}"; }
l_completed_word() { printf '%s' "$1"; }
l_completion_rc() { :; }
l_nounset() { :; }
l_disable_prompt_var() { echo 'set E:VIRTUAL_ENV_DISABLE_PROMPT = 1'; }
l_user_prompt() { echo "set edit:prompt = { put 'new> ' }"; }
l_registrations() {
	echo "use str; echo (count [(each {|f| if (str:contains \$f[def] vswitch) { put \$f } } [\$@after-chdir \$@edit:before-readline])]) > \$E:VSW_T/d/$1"
}
l_registrations_want() { echo 2; }
l_prompt_disabling_label() {
	echo "set edit:prompt = { set E:VIRTUAL_ENV_DISABLE_PROMPT = 1; put 'py> ' }"
}
# A word left open in single quotes: a backslash is no escape in elvish.
l_typed_start() { printf "'%s" "$1"; }
