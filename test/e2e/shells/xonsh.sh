# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for xonsh (the interface is listed in bash.sh).
# The user's own handler of the status is an on_postcommand handler,
# which is handed each line's return code; vsw_status writes what it
# saw for the line before. xonsh takes ~2.5 s to start: history, auto
# suggestions and completion while typing are turned off, as
# SHELLS.md advises; and it runs its readline shell, as
# prompt_toolkit's mixes up lines typed while xonsh is busy. Its readline
# shell runs the lines it finds typed ahead without a prompt, and has
# been seen to lose an Enter among them: each line waits for its prompt
# (one_line_per_prompt). Quoted words in xonsh's command mode are Python
# string literals. xonsh cannot hold an env path with '$' (sh_refuses).

sh_installed() { command -v xonsh >/dev/null; }

sh_cmd() {
	echo "env XONSH_HISTORY_BACKEND=dummy AUTO_SUGGEST=False UPDATE_COMPLETIONS_ON_KEYPRESS=False xonsh -i --shell-type readline"
}

sh_prompt() { echo '>'; }

sh_has() {
	case $1 in
	completion | completion_call | prompt_reassign | prompt_in_batch | prompt_function | \
		cd_wrappers | pushd | python_program | one_line_per_prompt) return 0 ;;
	esac
	return 1
}

# Whether xonsh refuses an env at path $1: its EnvPath expands $NAME and
# ~ in PATH entries.
sh_refuses() {
	case $1 in
	*'$'* | *'~'*) return 0 ;;
	esac
	return 1
}

# The bytes whose presence in an env's path makes xonsh refuse it.
sh_refused_bytes() { printf '$~'; }

sh_write_rc() {
	cat >"$T/home/.xonshrc" <<RC
\$PROMPT = '{env_name}> '
\$RIGHT_PROMPT = ''
\$TITLE = 'xonsh'
$(xonsh_helpers)
@events.on_pre_prompt
def _vsw_prompted(**kw):
    with open(\$VSW_T + '/prompts', 'a') as f:
        f.write('.')

@events.on_postcommand
def _vsw_pc(cmd, rtn, out, ts, **kw):
    with open(\$VSW_T + '/pc_status', 'a') as f:
        print(rtn, file=f)

$RC_PRE
exec(__import__('os').popen("'$VSW' hook xonsh").read())
$RC_POST
RC
}

# The vsw_* helpers (see bash.sh), as Python aliases.
xonsh_helpers() {
	cat <<'HELPERS'
import subprocess as _vsw_sp
from xonsh.dirstack import cd as _vsw_cd
from xonsh.tools import unthreadable as _vsw_unthreadable
_vsw = {'last': 0}

@events.on_postcommand
def _vsw_last(cmd, rtn, out, ts, **kw):
    _vsw['last'] = rtn

def _vsw_file(kind, n):
    return __xonsh__.env['VSW_T'] + '/' + kind + '/' + n

def _vsw_run(argv, n):
    with open(_vsw_file('d', n), 'wb') as f:
        return _vsw_sp.run(argv, stdout=f, stderr=_vsw_sp.STDOUT, env=__xonsh__.env.detype()).returncode

def _vsw_sync(args):
    open(_vsw_file('sync', args[0]), 'w').close()

def _vsw_status(args):
    with open(_vsw_file('d', args[0]), 'w') as f:
        print(_vsw['last'], file=f)

@_vsw_unthreadable
def _vsw_cdp(args):
    p = open(_vsw_file('p', args[0]), 'rb').read().decode('utf-8', 'surrogateescape')
    return _vsw_cd([p])

@_vsw_unthreadable
def _vsw_cdrel(args):
    for c in open(_vsw_file('p', args[0]), 'rb').read().decode('utf-8', 'surrogateescape').splitlines():
        out, err, rc = _vsw_cd([c])
        if rc:
            return rc

aliases['vsw_sync'] = _vsw_sync
aliases['vsw_dump'] = lambda args: _vsw_run(['/usr/bin/env', '-0'], args[0])
aliases['vsw_status'] = _vsw_status
aliases['vsw_py'] = lambda args: _vsw_run(['python', '-c', 'import sys; print(sys.prefix)'], args[0])
aliases['vsw_cdp'] = _vsw_cdp
aliases['vsw_cdrel'] = _vsw_cdrel
HELPERS
}

sh_lint() {
	python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read())' "$ROOT/hooks/xonsh.xsh"
}

sh_batch_cmd() {
	echo "env XONSH_HISTORY_BACKEND=dummy xonsh --no-rc"
}

# No prompt is drawn in a script: on_pre_prompt_format is fired and the
# fields' values of the last prompt forgotten as the shell would, and
# $PROMPT formatted as it would be.
sh_roundtrip() {
	cat <<SCRIPT
import os
from xonsh.ansi_colors import ansi_partial_color_format
from xonsh.prompt.base import PromptFormatter
\$VSW_T = '$2'
\$PROMPT = '{env_name}> '
exec(__import__('os').popen("'$3' hook xonsh").read())
$(xonsh_helpers)
def _vsw_prompt():
    events.on_pre_prompt_format.fire()
    \$PROMPT_FIELDS.reset()

_vsw_prompt()
_vsw_cd([\$VSW_T + '/neutral'])
_vsw_prompt()
_vsw_run(['/usr/bin/env', '-0'], 'before')
for i in range($1):
    if _vsw_cdp(['rt%d' % i])[2]:
        continue
    _vsw_prompt()
    _vsw_run(['/usr/bin/env', '-0'], 'rt%d.in' % i)
    with open(_vsw_file('d', 'rt%d.ps' % i), 'wb') as f:
        f.write(os.fsencode(ansi_partial_color_format(PromptFormatter()(\$PROMPT))))
    _vsw_cd([\$VSW_T + '/neutral'])
    _vsw_prompt()
    _vsw_run(['/usr/bin/env', '-0'], 'rt%d.out' % i)
SCRIPT
}

# The candidates xonsh's completer gives for the line (as the scenarios
# write it: a backslash escapes), one a line.
sh_complete() {
	local line
	line=$(unbackslash "$1")
	run "print('\\n'.join(sorted(str(c) for c in __import__('xonsh.completer').completer.Completer().complete_line($(l_quote "$line"))[0])), file=open(\$VSW_T + '/d/$2', 'w'))"
}

l_prepend_path() { echo "\$PATH.insert(0, '$1')"; }
l_set_path() { echo "\$PATH = '$1'"; }
# No tool here writes an activate script for xonsh: by hand is what it
# does, deactivate included.
l_activate() {
	echo "\$VIRTUAL_ENV = '$1'; \$PATH.insert(0, '$1/bin'); aliases['deactivate'] = lambda args: [__xonsh__.env.pop('VIRTUAL_ENV'), __xonsh__.env['PATH'].remove('$1/bin'), aliases.pop('deactivate')] and None"
}
l_activate_file() { echo activate.xsh; }
l_load_hook() { echo "exec(__import__('os').popen(\"'$1' hook xonsh\").read())"; }
l_set_var() { echo "\$$1 = '$2'"; }
l_unset_var() { echo "del \$$1"; }
l_is_function() {
	echo "print('yes' if '$1' in aliases else 'no', file=open(\$VSW_T + '/d/$2', 'w'))"
}
l_quote() {
	python3 -c 'import sys; print(repr(sys.argv[1]), end="")' "$1"
}
l_completed_word() { l_quote "$1"; }
l_completion_rc() { :; }
l_nounset() { :; }
l_disable_prompt_var() { echo '$VIRTUAL_ENV_DISABLE_PROMPT = 1'; }
l_user_prompt() { echo "\$PROMPT = '{env_name}new> '"; }
l_registrations() {
	echo "print(len([f for f in list(events.on_chdir) + list(events.on_pre_prompt_format) if 'vswitch' in f.__name__]), file=open(\$VSW_T + '/d/$1', 'w'))"
}
l_registrations_want() { echo 2; }
# A prompt field of the user's own that sets it.
l_prompt_disabling_label() {
	printf '%s\n' "def _py_prompt():" "    \$VIRTUAL_ENV_DISABLE_PROMPT = 1" "    return ''" "" \
		"\$PROMPT_FIELDS['py'] = _py_prompt" "\$PROMPT = '{py}{env_name}py> '"
}
l_user_cd() { echo "aliases['cd'] = lambda args: __import__('os').chdir(args[0])"; }
# A word left open in single quotes.
l_typed_start() { printf "'%s" "$1"; }
