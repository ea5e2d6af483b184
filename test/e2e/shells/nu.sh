# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for nushell (the interface is listed in bash.sh).
# nu is the real binary that npm installs (the `nu` npm puts on PATH is a
# Node program that starts it). Its rc is config.nu; the hook is saved
# into the autoload folder as the set-up line does, and RC_POST goes in
# a later autoload file (nu reads them in order of name). The user's own
# handler of the status is a pre_prompt hook. nu holds only UTF-8 text:
# it refuses an env whose path or label is not (sh_refuses, sh_holds).
# In nu `false` is a value, not a command: `^false` fails (l_false).
# nu exports CMD_DURATION_MS (the time the last line took) and, in a
# script, LAST_EXIT_CODE to children: the dumps leave them out.

# The real nu binary, or nothing.
nu_bin() {
	if [ -z "${NU_BIN-}" ]; then
		local npm_root
		npm_root=$(npm root -g 2>/dev/null)
		NU_BIN=$npm_root/nushell/node_modules/@nushell/linux-x64/bin/nu
		[ -x "$NU_BIN" ] || NU_BIN=$(command -v nu || true)
	fi
	printf '%s' "$NU_BIN"
}

sh_installed() { [ -n "$(nu_bin)" ] && "$(nu_bin)" --version >/dev/null 2>&1; }

# make deps installs nu from npm, which may not reach its registry.
sh_optional() { echo "make deps installs nushell from npm only when npm reaches its registry"; }

sh_cmd() { nu_bin; }

sh_prompt() { echo '>'; }

# one_line_at_a_time: reedline reads lines typed while nu was busy as
# one multi-line entry, or loses some. gone_cwd_runs_nothing: nu says
# "$env.PWD points to a non-existent directory" to all but cd. Not
# prompt_function: nu's prompt is a closure, and a closure cannot
# change the environment. Not pushd: nu has none (its dirs are
# shells). Not cd_wrappers: the hook runs after the line, not inside cd.
sh_has() {
	case $1 in
	completion | completion_call | prompt_reassign | prompt_in_batch | \
		one_line_at_a_time | gone_cwd_runs_nothing) return 0 ;;
	esac
	return 1
}

# Whether nu refuses an env at path $1: it is not UTF-8.
sh_refuses() {
	! printf '%s' "$1" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
}

# What text the shell holds: roundtrip.py makes UTF-8 text for it, and
# checks that an env whose path or label is not is refused.
sh_holds() { echo utf8; }

sh_write_rc() {
	local dir=$T/home/.config/nushell
	mkdir -p "$dir/autoload"
	cat >"$dir/config.nu" <<RC
\$env.config.show_banner = false
\$env.config.history.file_format = 'plaintext'
\$env.config.history.max_size = 0
\$env.PROMPT_COMMAND = {|| '' }
\$env.PROMPT_COMMAND_RIGHT = {|| '' }
\$env.PROMPT_INDICATOR = '> '
$(nu_helpers)
\$env.config.hooks.pre_prompt = [{|| \$"(\$env.LAST_EXIT_CODE)\\n" | save -a \$'(\$env.VSW_T)/pc_status' }]
# the status vsw_status writes: that of the last line but vsw_sync's,
# which one_line_at_a_time types between the scenario's lines
# (kept in a record, which nu passes to no child)
\$env.__vsw = {line: '', last: 0}
\$env.config.hooks.pre_execution = [{|| \$env.__vsw.line = (commandline) }]
\$env.config.hooks.pre_prompt = (\$env.config.hooks.pre_prompt | append {||
	if not (\$env.__vsw.line | str starts-with 'vsw_sync ') { \$env.__vsw.last = \$env.LAST_EXIT_CODE }
})
$RC_PRE
RC
	# the set-up line's work: the hook, saved in the autoload folder
	"$VSW" hook nu >"$dir/autoload/vswitch.nu"
	printf '%s\n' "$RC_POST" >"$dir/autoload/zz-post.nu"
}

# The vsw_* helpers (see bash.sh) as nu commands.
nu_helpers() {
	cat <<'HELPERS'
def vsw_is_command [name: string, n: string] {
	(if (scope commands | where name == $name | is-not-empty) { 'yes' } else { 'no' }) + "\n" | save -f $'($env.VSW_T)/d/($n)'
}
def vsw_registrations [n: string] {
	let hooks = ([$env.config.hooks.env_change.PWD $env.config.hooks.pre_prompt] | flatten)
	let ours = ($hooks | where {|h| ($h | describe | str starts-with record) and ($h.__vswitch? == true) })
	$"($ours | length)\n" | save -f $'($env.VSW_T)/d/($n)'
}
def vsw_sync [n: string] { '' | save -f $'($env.VSW_T)/sync/($n)' }
def vsw_dump [n: string] { ^/usr/bin/env -u CMD_DURATION_MS -u LAST_EXIT_CODE -0 | save -f $'($env.VSW_T)/d/($n)' }
def vsw_status [n: string] { $"($env.__vsw.last)\n" | save -f $'($env.VSW_T)/d/($n)' }
def vsw_py [n: string] {
	let f = $'($env.VSW_T)/d/($n)'
	^python -c 'import sys; print(sys.prefix)' o+e> $f
}
def --env vsw_cdp [n: string] { cd (open --raw $'($env.VSW_T)/p/($n)' | decode utf-8) }
def --env vsw_cdrel [n: string] {
	for c in (open --raw $'($env.VSW_T)/p/($n)' | decode utf-8 | lines) { cd $c }
}
HELPERS
}

# The hook as `vswitch hook nu` prints it: its consts first. nu's
# --ide-check prints each error it finds as a JSON object.
sh_lint() {
	local f
	f=$(mktemp "${TMPDIR:-/tmp}/vsw-nu-lint.XXXXXX")
	{
		printf 'const _vswitch_%s = ""\n' bin cmds shell stampdir
		cat "$ROOT/hooks/nu.nu"
	} >"$f"
	if "$(nu_bin)" -n --ide-check 100 "$f" | grep '"type":"diagnostic"'; then
		rm -f "$f"
		return 1
	fi
	rm -f "$f"
}

sh_batch_cmd() { echo "$(nu_bin) -n"; }

# No hook runs in a script: the check is called as env_change and
# pre_prompt would, and the prompt drawn as the REPL would draw it.
sh_roundtrip() {
	"$3" hook nu >"$2/hook.nu"
	cat <<SCRIPT
\$env.PROMPT_COMMAND = {|| '' }
\$env.PROMPT_INDICATOR = '> '
source '$2/hook.nu'
const VSW_T = '$2'
def --env vsw_prompt [] { _vswitch_check }
vsw_prompt
cd \$'(\$VSW_T)/neutral'
vsw_prompt
^/usr/bin/env -u CMD_DURATION_MS -u LAST_EXIT_CODE -0 | save -f \$'(\$VSW_T)/d/before'
for i in 0..<$1 {
	let p = (open --raw \$'(\$VSW_T)/p/rt(\$i)' | decode utf-8)
	# (a cd in an if's condition would not stay)
	let entered = (try { cd \$p; true } catch { false })
	if \$entered {
		vsw_prompt
		^/usr/bin/env -u CMD_DURATION_MS -u LAST_EXIT_CODE -0 | save -f \$'(\$VSW_T)/d/rt(\$i).in'
		(do \$env.PROMPT_COMMAND) + \$env.PROMPT_INDICATOR | save -f \$'(\$VSW_T)/d/rt(\$i).ps'
		cd \$'(\$VSW_T)/neutral'
		vsw_prompt
		^/usr/bin/env -u CMD_DURATION_MS -u LAST_EXIT_CODE -0 | save -f \$'(\$VSW_T)/d/rt(\$i).out'
	}
}
SCRIPT
}

# The candidates the hook's completer gives for the line, one a line.
# The scenarios write a character of a word after a backslash; in nu
# that word is typed begun with a double quote.
sh_complete() {
	local line=$1 last
	last=${line##* }
	if [[ $last == *\\* ]]; then
		line="${line% *} $(l_typed_start "$(unbackslash "$last")")"
	fi
	run "_vswitch_complete $(l_quote "$line") | each {|c| if (\$c | describe | str starts-with record) { \$c.value } else { \$c } } | sort | each {|w| \$w + (char nl) } | str join | save -f \$'(\$env.VSW_T)/d/$2'"
}

l_prepend_path() { echo "\$env.PATH = (\$env.PATH | prepend '$1')"; }
l_set_path() { echo "\$env.PATH = '$1'"; }
# Python's venv writes no activate.nu: by hand is what it does.
l_activate() {
	echo "\$env.VIRTUAL_ENV = '$1'; \$env.PATH = (\$env.PATH | prepend '$1/bin'); def --env deactivate [] { hide-env VIRTUAL_ENV; \$env.PATH = (\$env.PATH | skip 1) }"
}
l_activate_file() { echo activate.nu; }
# The hook as the set-up line saves it, for the binary $1, sourced.
l_load_hook() {
	local f
	f="$T/home/hook-$(printf '%s' "$1" | md5sum | cut -c1-8).nu"
	"$1" hook nu >"$f"
	echo "source '$f'"
}
l_set_var() { echo "\$env.$1 = '$2'"; }
l_unset_var() { echo "hide-env $1"; }
l_is_function() { echo "vsw_is_command $1 $2"; }
# A nu string: "..." with \" \\ and \u{H} for control characters.
l_quote() {
	python3 -c '
import sys
s = sys.argv[1]
out = "".join("\\" + c if c in "\"\\" else "\\u{%x}" % ord(c) if ord(c) < 0x20 or ord(c) == 0x7f else c for c in s)
print("\"" + out + "\"", end="")' "$1"
}
# The completer quotes a name as `to nuon` does.
l_completed_word() { printf '%s' "$1" | "$(nu_bin)" -n --stdin -c '$in | to nuon'; }
l_completion_rc() { :; }
l_nounset() { :; }
l_false() { echo '^false'; }
l_disable_prompt_var() { echo "\$env.VIRTUAL_ENV_DISABLE_PROMPT = '1'"; }
l_user_prompt() { echo "\$env.PROMPT_COMMAND = {|| 'new' }"; }
l_registrations() { echo "vsw_registrations $1"; }
l_registrations_want() { echo 4; }
l_to() { echo "$1 o> '$2'"; }
# A word left open in double quotes, \ and " escaped.
l_typed_start() {
	local w=${1//\\/\\\\}
	printf '"%s' "${w//\"/\\\"}"
}
