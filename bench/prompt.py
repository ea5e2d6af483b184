#!/usr/bin/python3
"""Per-prompt cost of a directory hook in real interactive shells.

Each configuration (shell x hook variant x workload) is one interactive
shell on a pseudo-terminal, started in a clean environment (env -i, a
temporary HOME) with an rc file that sets a unique prompt and loads one
hook variant. We type N lines, one at a time, and wait for the prompt
after each; the time from the first line to the last prompt, divided by
N, is the per-prompt cost. The workloads are:

  cd       lines alternate `cd DEEP` (12 levels inside the project) and
           `cd OUT` (outside any project), so every prompt follows a cd
           that enters or leaves the project;
  within   lines alternate `cd DEEP` and `cd DEEP2` (its sibling), both
           in the project: the env stays;
  outside  lines alternate `cd OUT` and `cd OUT2` (12 levels below OUT),
           neither in any project;
  idle     empty lines in DEEP, so no prompt follows a change of directory.

Start-up is not timed: after the first prompt we type the shell's
VIRTUAL_ENV check line and wait for its output and the prompt after it,
and the clock starts at the first line of the workload.

Each shell runs pinned to one CPU (taskset -c 0 when present): on two
vCPUs fish's per-prompt times are bimodal otherwise.

Repetitions are interleaved across configurations so that a burst of
load on the machine hits all of them alike; we report medians. A second,
short run of each configuration under strace counts the processes the
shell starts per prompt, and a last check after timing confirms the hook
really activated the venv (VIRTUAL_ENV as expected after `cd DEEP`).

The shells are entries of SHELLS (bash, zsh, fish, ksh93, mksh, tcsh,
elvish, xonsh, nu): each says how to start the shell with an rc file, the
set-up lines of vswitch and direnv (None: direnv has no hook for it),
and how to write the /bin/true hooks in the shape of vswitch's own.

Usage: prompt.py --work DIR --deep DIR --vswitch BIN --out FILE.json
                 [--lines N] [--reps R] [--shells bash,zsh,...]
                 [--variants none,vswitch,...] [--modes cd,idle,...] [--no-count]
       prompt.py --list    (each known shell and its program)
"""
import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time

MARK = b"@@vswitch-bench-prompt@@"
TIMEOUT = 60.0

VARIANTS = ["none", "true-cd", "apply", "true-all", "vswitch", "direnv"]
MODES = ["cd", "within", "outside", "idle"]

# What each variant is, for results.md; the shell-specific part (which
# mechanism each hook uses) is in each shell's entry of SHELLS.
VARIANT_DOC = {
    "none": "no hook at all: the shell's own cost of reading a line and drawing the prompt",
    "true-cd": "a hook of exactly vswitch's shape in that shell (the same events, the "
               "same way of running a program and evaluating what it prints: see the "
               "table of shells below) that runs `/bin/true` and evaluates its (empty) "
               "output, only when $PWD changed since its last run",
    "apply": "the `/bin/true` hook on $PWD change, then the activation done by "
             "shell code: on entering the project it exports VIRTUAL_ENV and puts "
             "the env's bin/ first on PATH, on leaving it restores both; the floor "
             "for any hook that starts a process on each cd",
    "true-all": "the same hook without the $PWD test, run before every prompt only "
                "(see the table of shells below)",
    "vswitch": "the set-up line the README gives for the shell (see the table of shells below)",
    "direnv": "direnv's own hook for the shell (see the table of shells below) with a "
              "`.envrc` at the project root holding `source venv/bin/activate`, "
              "allowed with `direnv allow`; – where direnv has no hook for the shell",
}

# ---- bash, zsh, fish ---------------------------------------------------

BASH_TRUE = r'''
_bench_hook() {
	local _bench_ret=$? _bench_out
	%(test_open)s
		_bench_out=$(/bin/true export bash)
		_bench_pwd=$PWD
		eval "$_bench_out"
	%(test_close)s
	return "$_bench_ret"
}
PROMPT_COMMAND="_bench_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
'''

ZSH_TRUE = r'''
_bench_hook() {
	local _bench_ret=$? _bench_out
	%(test_open)s
		_bench_out=$(/bin/true export zsh)
		_bench_pwd=$PWD
		eval "$_bench_out"
	%(test_close)s
	return $_bench_ret
}
typeset -ag chpwd_functions precmd_functions
%(chpwd)s
precmd_functions=(_bench_hook $precmd_functions)
'''

FISH_TRUE_CD = r'''
function _bench_hook --on-variable PWD
    test "$_bench_pwd" = "$PWD"; and set -q _bench_pwd; and return
    set -g _bench_pwd $PWD
    /bin/true export fish | source
end
_bench_hook
'''

FISH_TRUE_ALL = r'''
function _bench_hook --on-event fish_prompt
    /bin/true export fish | source
end
'''


BASH_APPLY = r'''
_bench_hook() {
	local _bench_ret=$? _bench_out
	if [ "${_bench_pwd-}" != "$PWD" ]; then
		_bench_out=$(/bin/true export bash)
		_bench_pwd=$PWD
		eval "$_bench_out"
		case $PWD/ in
		%(proj)s/*)
			if [ -z "${VIRTUAL_ENV-}" ]; then
				_bench_path=$PATH
				export VIRTUAL_ENV=%(proj)s/venv
				PATH=$VIRTUAL_ENV/bin:$PATH
			fi ;;
		*)
			if [ -n "${VIRTUAL_ENV-}" ]; then
				PATH=$_bench_path
				unset VIRTUAL_ENV
			fi ;;
		esac
	fi
	return $_bench_ret
}
'''

FISH_APPLY = r'''
function _bench_hook --on-variable PWD
    test "$_bench_pwd" = "$PWD"; and set -q _bench_pwd; and return
    set -g _bench_pwd $PWD
    /bin/true export fish | source
    if string match -q -- '%(proj)s/*' "$PWD/"
        if not set -q VIRTUAL_ENV
            set -g _bench_path $PATH
            set -gx VIRTUAL_ENV '%(proj)s/venv'
            set -gx PATH $VIRTUAL_ENV/bin $PATH
        end
    else if set -q VIRTUAL_ENV
        set -gx PATH $_bench_path
        set -e VIRTUAL_ENV
    end
end
_bench_hook
'''


def bash_zsh_hook(shell, variant, proj):
    if variant == "apply":
        code = BASH_APPLY % {"proj": proj}
        if shell == "bash":
            return code + 'PROMPT_COMMAND="_bench_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"\n'
        return (code + "typeset -ag chpwd_functions precmd_functions\n"
                "chpwd_functions=(_bench_hook $chpwd_functions)\n"
                "precmd_functions=(_bench_hook $precmd_functions)\n")
    every = variant == "true-all"
    sub = {
        "test_open": "" if every else
        ('if [ "${_bench_pwd-}" != "$PWD" ]; then' if shell == "bash" else
         'if [[ "${_bench_pwd-}" != "$PWD" ]]; then'),
        "test_close": "" if every else "fi",
        "chpwd": "" if every else "chpwd_functions=(_bench_hook $chpwd_functions)",
    }
    return (BASH_TRUE if shell == "bash" else ZSH_TRUE) % sub


def fish_hook(shell, variant, proj):
    if variant == "apply":
        return FISH_APPLY % {"proj": proj}
    return FISH_TRUE_ALL if variant == "true-all" else FISH_TRUE_CD


def write_rc(*path_and_text):
    """Write the text (last argument) to the file the other arguments
    name, making its folders; return the file's path."""
    *parts, text = path_and_text
    path = os.path.join(*parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def bash_config(d, mark, hook, home):
    rc = write_rc(d, "bashrc", "PS1='%s'\nunset HISTFILE\n%s" % (mark, hook))
    return ["bash", "--noprofile", "--rcfile", rc, "-i"], {}


def zsh_config(d, mark, hook, home):
    write_rc(d, ".zshrc", "PS1='%s'\n%s" % (mark, hook))
    return ["zsh", "-d", "-i"], {"ZDOTDIR": d}


def fish_config(d, mark, hook, home):
    write_rc(d, "fish", "config.fish", "set -g fish_greeting ''\n"
             "function fish_prompt; printf '%%s' '%s'; end\n%s" % (mark, hook))
    return ["fish", "--private", "-i"], {"XDG_CONFIG_HOME": d}


# ---- ksh93 and mksh ----------------------------------------------------
# vswitch's hook (hooks/korn.sh) runs its check from the prompt (ksh93: a
# PS1.get discipline; mksh: a ${|...;} at the front of PS1, both run in
# the shell itself) and from a cd function that calls the builtin, and
# runs the binary as out=$(BIN ...) then eval "$out".

KORN_TRUE = r'''
function _bench_run {
	_bench_out=$(/bin/true export %(shell)s) || \:
	_bench_pwd=$PWD
	\eval "$_bench_out"
%(apply)s}
function _bench_check {
	if [[ ${_bench_pwd-} != "$PWD" ]]; then
		_bench_run
	fi
}
function _bench_hook {
	\typeset ret=$?
	%(call)s
	\return "$ret"
}
'''

KORN_CD = r'''
function cd {
	\command cd "$@" || \return
	_bench_check
}
'''

KORN_APPLY = r'''	case $PWD/ in
	%(proj)s/*)
		if [[ -z ${VIRTUAL_ENV-} ]]; then
			_bench_path=$PATH
			\export VIRTUAL_ENV=%(proj)s/venv
			PATH=$VIRTUAL_ENV/bin:$PATH
		fi ;;
	*)
		if [[ -n ${VIRTUAL_ENV-} ]]; then
			PATH=$_bench_path
			\unset VIRTUAL_ENV
		fi ;;
	esac
'''

# How each shell runs the hook as the prompt is drawn.
KORN_PROMPT = {
    "ksh": 'function PS1.get {\n\t\\typeset ret=$?\n\t_bench_hook\n\t\\return "$ret"\n}\n',
    "mksh": "PS1='${|_bench_hook && :;}'$PS1\n",
}


def korn_hook(shell, variant, proj):
    every = variant == "true-all"
    code = KORN_TRUE % {
        "shell": shell, "call": "_bench_run" if every else "_bench_check",
        "apply": KORN_APPLY % {"proj": proj} if variant == "apply" else ""}
    return code + ("" if every else KORN_CD) + KORN_PROMPT[shell]


def korn_config(exe):
    def config(d, mark, hook, home):
        rc = write_rc(d, "kshrc", "PS1='%s'\n%s" % (mark, hook))
        return [exe, "-i"], {"ENV": rc}
    return config


# ---- tcsh --------------------------------------------------------------
# vswitch's hook (hooks/tcsh.csh) is aliases: its check runs from precmd
# and from cwdcmd (inside cd), and runs the binary as
# set out = "`ALIAS`" (the alias holding the command line) then
# eval $out:q.

TCSH_TRUE = r'''
alias _bench_call '/bin/true export tcsh'
alias _bench_run 'set _bench_pwd = $PWD:q; set _bench_out = "`_bench_call`"; eval $_bench_out:q%(apply)s'
alias _bench_check 'if ( "$_bench_pwd" != "$PWD" ) eval _bench_run'
alias _bench_hook 'set _bench_st = $status; eval %(call)s; set status = $_bench_st'
set _bench_pwd = ''
alias precmd _bench_hook
'''

TCSH_CD = "alias cwdcmd 'set _bench_st = $status; eval _bench_check; set status = $_bench_st'\n"

TCSH_APPLY = r'''
alias _bench_apply 'if ( "$PWD/" =~ %(proj)s/* ) eval _bench_enter; if ( "$PWD/" !~ %(proj)s/* ) eval _bench_leave'
alias _bench_enter 'if ( ! $?VIRTUAL_ENV ) eval _bench_enter1'
alias _bench_enter1 'set _bench_path = $PATH:q; setenv VIRTUAL_ENV %(proj)s/venv; setenv PATH $VIRTUAL_ENV:q/bin:$PATH:q'
alias _bench_leave 'if ( $?VIRTUAL_ENV ) eval _bench_leave1'
alias _bench_leave1 'setenv PATH $_bench_path:q; unsetenv VIRTUAL_ENV'
'''


def tcsh_hook(shell, variant, proj):
    every = variant == "true-all"
    apply = variant == "apply"
    code = TCSH_TRUE % {"call": "_bench_run" if every else "_bench_check",
                        "apply": "; eval _bench_apply" if apply else ""}
    return (TCSH_APPLY % {"proj": proj} if apply else "") + code + ("" if every else TCSH_CD)


def tcsh_config(d, mark, hook, home):
    # tcsh reads ~/.tcshrc, after /etc/csh.cshrc (Debian's sets a prompt,
    # which ours replaces): a HOME of its own per configuration; direnv
    # still finds what `direnv allow` wrote in the shared one.
    write_rc(d, ".tcshrc", "set prompt = '%s'\n%s" % (mark, hook))
    return ["tcsh", "-i"], {"HOME": d,
                            "XDG_DATA_HOME": os.path.join(home, ".local", "share")}


# ---- elvish ------------------------------------------------------------
# vswitch's hook (hooks/elvish.elv) runs its check from after-chdir
# (inside cd, after setting E:PWD) and edit:before-readline, and runs the
# binary as set out = ((external BIN) ... | slurp) then eval &ns=NS $out.

ELVISH_TRUE = r'''
use str
var bench-pwd = $nil
var bench-path = ''
var bench-ns = (ns [&])
fn bench-run {
	set bench-pwd = $pwd
	var out = ''
	var e = ?(set out = ((external /bin/true) export elvish | slurp))
	eval &ns=$bench-ns $out
%(apply)s}
fn bench-check {
	if (not-eq $bench-pwd $pwd) {
		bench-run
	}
}
'''

ELVISH_CD = r'''set after-chdir = [$@after-chdir {|_|
	set E:PWD = $pwd
	bench-check
}]
'''

ELVISH_APPLY = r'''	if (str:has-prefix $pwd/ '%(proj)s/') {
		if (not (has-env VIRTUAL_ENV)) {
			set bench-path = $E:PATH
			set-env VIRTUAL_ENV '%(proj)s/venv'
			set-env PATH $E:VIRTUAL_ENV/bin:$E:PATH
		}
	} elif (has-env VIRTUAL_ENV) {
		set-env PATH $bench-path
		unset-env VIRTUAL_ENV
	}
'''


def shaped_hook(variant, proj, true, apply, on_cd, on_prompt, run, check):
    """A /bin/true variant of a hook made of code (true, with %(apply)s
    where apply's changes go), what runs the check inside cd (on_cd) and
    what runs before each prompt (on_prompt, with %s for run or check)."""
    every = variant == "true-all"
    code = true % {"apply": apply % {"proj": proj} if variant == "apply" else ""}
    return code + ("" if every else on_cd) + on_prompt % (run if every else check)


def elvish_hook(shell, variant, proj):
    return shaped_hook(variant, proj, ELVISH_TRUE, ELVISH_APPLY, ELVISH_CD,
                       "set edit:before-readline = [$@edit:before-readline { %s }]\n",
                       "bench-run", "bench-check")


def elvish_config(d, mark, hook, home):
    # elvish draws a prompt at once with what its function gave last
    # time and draws it again when the function (run asynchronously)
    # gives something else: a prompt changed by a label shows twice. So
    # the mark is not in the prompt: the last before-readline hook,
    # after the hook's, prints it, once for each line read.
    write_rc(d, "elvish", "rc.elv",
             "set edit:prompt = { put '> ' }\nset edit:rprompt = { }\n%s"
             "set edit:before-readline = [$@edit:before-readline { print '%s' }]\n"
             % (hook, mark))
    return ["elvish"], {"XDG_CONFIG_HOME": d}


# ---- xonsh -------------------------------------------------------------
# vswitch's hook (hooks/xonsh.xsh) is Python: handlers of events.on_chdir
# (inside cd) and events.on_pre_prompt_format, under a lock, that run the
# binary with subprocess.run(..., stdout=PIPE, env=env.detype()) and
# apply its output a line at a time.

XONSH_TRUE = r'''
def _bench_setup(every, proj):
    import subprocess
    import threading
    from xonsh.built_ins import XSH
    from xonsh.events import events

    env = XSH.env
    me = {"pwd": None, "path": None}
    lock = threading.RLock()

    def run(pwd):
        me["pwd"] = pwd
        p = subprocess.run(["/bin/true", "export", "xonsh"], stdout=subprocess.PIPE,
                           env=env.detype())
        for line in p.stdout.splitlines():
            pass
        if proj is None:
            return
        if (pwd + "/").startswith(proj + "/"):
            if "VIRTUAL_ENV" not in env:
                me["path"] = list(env["PATH"])
                env["VIRTUAL_ENV"] = proj + "/venv"
                env["PATH"].insert(0, proj + "/venv/bin")
        elif "VIRTUAL_ENV" in env:
            env["PATH"] = me["path"]
            del env["VIRTUAL_ENV"]

    def check():
        with lock:
            pwd = env.get("PWD", "")
            if every or pwd != me["pwd"]:
                run(pwd)

    def _bench_on_chdir(olddir, newdir, **kw):
        check()

    def _bench_on_pre_prompt_format(**kw):
        check()

    if not every:
        events.on_chdir(_bench_on_chdir)
    events.on_pre_prompt_format(_bench_on_pre_prompt_format)


_bench_setup(%(every)r, %(proj)r)
del _bench_setup
'''


def xonsh_hook(shell, variant, proj):
    return XONSH_TRUE % {"every": variant == "true-all",
                         "proj": proj if variant == "apply" else None}


def xonsh_config(d, mark, hook, home):
    rc = write_rc(d, "xonshrc", "$PROMPT = '%s'\n$RIGHT_PROMPT = ''\n$TITLE = 'xonsh'\n%s"
                  % (mark, hook))
    # as test/e2e/shells/xonsh.sh: no history, suggestions or completion
    # while typing, and the readline shell
    return (["xonsh", "--rc", rc, "-i", "--shell-type", "readline"],
            {"XONSH_HISTORY_BACKEND": "dummy", "AUTO_SUGGEST": "False",
             "UPDATE_COMPLETIONS_ON_KEYPRESS": "False"})


# ---- nushell -----------------------------------------------------------
# vswitch's hook (hooks/nu.nu) runs its check from an
# env_change.PWD hook (after the line that changed $env.PWD) and a
# pre_prompt hook, and runs the binary as (^BIN ... | complete), its
# output read a JSON object a line and applied with load-env / hide-env.
# nu cannot eval text: its set-up saves the hook's text where nu reads it
# at start-up, so the rc file here holds that text.

NU_TRUE = r"""
$env.__bench = {pwd: null, path: null}
def --env _bench_run [] {
    $env.__bench.pwd = $env.PWD
    let r = (^/bin/true export nu | complete)
    let cs = ($r.stdout | lines | where $it starts-with '{' | each {|l| $l | from json })
%(apply)s}
def --env _bench_check [] {
    if $env.__bench.pwd != $env.PWD { _bench_run }
}
"""

NU_APPLY = r"""    if ($env.PWD + '/' | str starts-with '%(proj)s/') {
        if $env.VIRTUAL_ENV? == null {
            $env.__bench.path = $env.PATH
            load-env {VIRTUAL_ENV: '%(proj)s/venv', PATH: ($env.PATH | prepend '%(proj)s/venv/bin')}
        }
    } else if $env.VIRTUAL_ENV? != null {
        $env.PATH = $env.__bench.path
        hide-env VIRTUAL_ENV
    }
"""

NU_CD = "$env.config.hooks.env_change.PWD = [{|before, after| _bench_check }]\n"


def nu_hook(shell, variant, proj):
    return shaped_hook(variant, proj, NU_TRUE, NU_APPLY, NU_CD,
                       "$env.config.hooks.pre_prompt = [{|| %s }]\n",
                       "_bench_run", "_bench_check")


def nu_exe():
    """The real nu that npm installs (the `nu` npm puts on PATH is a Node
    program that starts it), else nu on PATH."""
    try:
        root = subprocess.run(["npm", "root", "-g"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL).stdout.decode().strip()
        exe = os.path.join(root, "nushell", "node_modules", "@nushell", "linux-x64", "bin", "nu")
        if os.access(exe, os.X_OK):
            return exe
    except OSError:
        pass
    return shutil.which("nu") or "nu"


def nu_vswitch(bin):
    """What the set-up line saves: the hook as `BIN hook nu` prints it."""
    return subprocess.run([bin, "hook", "nu"], stdout=subprocess.PIPE,
                          check=True).stdout.decode()


def nu_config(d, mark, hook, home):
    # as test/e2e/shells/nu.sh: no banner, no history kept
    write_rc(d, "nushell", "config.nu",
             "$env.config.show_banner = false\n"
             "$env.config.history.file_format = 'plaintext'\n"
             "$env.config.history.max_size = 0\n"
             "$env.PROMPT_COMMAND = {|| '%s' }\n$env.PROMPT_COMMAND_RIGHT = {|| '' }\n"
             "$env.PROMPT_INDICATOR = ''\n%s" % (mark, hook))
    return [nu_exe()], {"XDG_CONFIG_HOME": d}


# ---- the shells --------------------------------------------------------
# One entry per shell: adding one is adding an entry.
#   exe      the program (looked up on PATH)
#   version  argv printing its version, for results.md
#   config   writes the rc file: (rc dir, prompt, hook code, shared HOME)
#            -> (argv, extra environment)
#   started  how it is started, for results.md
#   hook     (shell, variant, project root) -> rc code of the /bin/true
#            variants (true-cd, apply, true-all)
#   vswitch  the README's set-up line, BIN for the binary's path
#   vswitch_rc  (optional) (BIN) -> the rc text the set-up line amounts
#            to, where that is not the line itself
#   direnv   direnv's hook line, or None where direnv has none
#   direnv_doc  (optional) the line as direnv documents it, and a note on
#            how the line used differs
#   check    a line printing VE:$VIRTUAL_ENV:
#   on_cd    vswitch's hook (and true-cd's): when it runs, how it runs
#            the binary; for results.md
#   every    when true-all runs, for results.md
#   cd_runs_binary  (optional) why the hook runs the binary at each cd,
#            by design, for results.md
#   ready    (optional) what the shell prints before the prompt that
#            follows a line only (see Shell)
SHELLS = {
    "bash": {
        "exe": "bash", "version": ["bash", "-c", "echo bash $BASH_VERSION"],
        "config": bash_config, "started": "`bash --noprofile --rcfile RC -i`",
        "hook": bash_zsh_hook,
        "vswitch": "eval \"$('BIN' hook bash)\"\n",
        "direnv": "eval \"$(direnv hook bash)\"\n",
        "check": b'echo "VE:$VIRTUAL_ENV:"',
        "on_cd": "a `PROMPT_COMMAND` function; `out=$(BIN …)`, `eval \"$out\"`",
        "every": "`PROMPT_COMMAND`",
    },
    "zsh": {
        "exe": "zsh", "version": ["zsh", "-fc", "echo zsh $ZSH_VERSION"],
        "config": zsh_config, "started": "`zsh -d -i` (ZDOTDIR=rc dir)",
        "hook": bash_zsh_hook,
        "vswitch": "eval \"$('BIN' hook zsh)\"\n",
        "direnv": "eval \"$(direnv hook zsh)\"\n",
        "check": b'echo "VE:$VIRTUAL_ENV:"',
        "on_cd": "`chpwd` and `precmd` functions; `out=$(BIN …)`, `eval \"$out\"`",
        "every": "`precmd`",
    },
    "fish": {
        "exe": "fish", "version": ["fish", "--no-config", "-c", "echo fish $version"],
        "config": fish_config, "started": "`fish --private -i` (XDG_CONFIG_HOME=rc dir)",
        "hook": fish_hook,
        "vswitch": "'BIN' hook fish | source\n",
        "direnv": "direnv hook fish | source\n",
        "check": b'echo "VE:$VIRTUAL_ENV:"',
        "on_cd": "a function `--on-variable PWD`; `BIN … | source`",
        "every": "a function `--on-event fish_prompt`",
    },
    "ksh": {
        "exe": "ksh93", "version": ["ksh93", "-c", "echo ksh93 ${.sh.version}"],
        "config": korn_config("ksh93"), "started": "`ksh93 -i` (ENV=rc file)",
        "hook": korn_hook,
        "vswitch": "eval \"$('BIN' hook ksh)\"\n",
        "direnv": None,
        "check": b'echo "VE:$VIRTUAL_ENV:"',
        "on_cd": "a `PS1.get` discipline (run in the shell as the prompt is drawn) "
                 "and a `cd` function around the builtin; `out=$(BIN …)`, `eval \"$out\"`",
        "every": "the `PS1.get` discipline",
    },
    "mksh": {
        "exe": "mksh", "version": ["mksh", "-c", "echo $KSH_VERSION"],
        "config": korn_config("mksh"), "started": "`mksh -i` (ENV=rc file)",
        "hook": korn_hook,
        "vswitch": "eval \"$('BIN' hook mksh)\"\n",
        "direnv": None,
        "check": b'echo "VE:$VIRTUAL_ENV:"',
        "on_cd": "`${|hook;}` at the front of PS1 (run in the shell as the prompt "
                 "is drawn) and a `cd` function around the builtin; "
                 "`out=$(BIN …)`, `eval \"$out\"`",
        "every": "`${|hook;}` in PS1",
    },
    "tcsh": {
        "exe": "tcsh", "version": ["tcsh", "-f", "-c", "echo tcsh $tcsh"],
        "config": tcsh_config, "started": "`tcsh -i` (HOME=rc dir, for ~/.tcshrc)",
        "hook": tcsh_hook,
        "vswitch": "'BIN' hook tcsh | source /dev/stdin\n",
        "direnv": "eval `direnv hook tcsh`\n",
        "check": b'echo "VE:`/usr/bin/printenv VIRTUAL_ENV`:"',
        "on_cd": "aliases `precmd` and `cwdcmd` (run inside `cd`); "
                 "``set out = \"`ALIAS`\"`` (ALIAS holding `BIN …`), `eval $out:q`",
        "every": "the `precmd` alias",
    },
    "elvish": {
        "exe": "elvish", "version": ["elvish", "-version"],
        "config": elvish_config, "started": "`elvish` (XDG_CONFIG_HOME=rc dir); the prompt's mark is "
                   "printed by a last `edit:before-readline` closure, as elvish draws "
                   "a prompt again when its text changed",
        "hook": elvish_hook,
        "vswitch": "eval ('BIN' hook elvish | slurp)\n",
        # direnv 2.32's hook ends its try with `except`, which elvish
        # 0.19 no longer takes ("superfluous arguments"): made `catch`
        "direnv": "use str\neval (str:replace '} except ' '} catch ' (direnv hook elvish | slurp))\n",
        "direnv_doc": ("eval (direnv hook elvish | slurp)",
                       "with `except` made `catch` in what `direnv hook elvish` prints "
                       "(direnv 2.32's hook uses `except`, which elvish 0.19 no longer takes)"),
        "check": b"echo 'VE:'$E:VIRTUAL_ENV':'",
        "on_cd": "`after-chdir` (run inside `cd`) and `edit:before-readline` closures; "
                 "`set out = ((external BIN) … | slurp)`, `eval $out`",
        "every": "an `edit:before-readline` closure",
        "cd_runs_binary": "elvish 0.19 has no builtin that reads a file's time",
    },
    "xonsh": {
        "exe": "xonsh", "version": ["xonsh", "--version"],
        "config": xonsh_config,
        "started": "`xonsh --rc RC -i --shell-type readline` "
                   "(XONSH_HISTORY_BACKEND=dummy, AUTO_SUGGEST=False, "
                   "UPDATE_COMPLETIONS_ON_KEYPRESS=False)",
        "hook": xonsh_hook,
        "vswitch": "exec(__import__('os').popen(\"'BIN' hook xonsh\").read())\n",
        "direnv": None,
        "check": b"print('VE:' + ${...}.get('VIRTUAL_ENV', '') + ':')",
        "on_cd": "Python handlers of `events.on_chdir` (run inside `cd`) and "
                 "`events.on_pre_prompt_format`; "
                 "`subprocess.run([BIN, …], stdout=PIPE)`, its output applied a line at a time",
        "every": "an `events.on_pre_prompt_format` handler",
    },
    "nu": {
        "exe": "nu", "version": ["nu", "--version"],
        "config": nu_config,
        "started": "the `nu` binary npm installs (XDG_CONFIG_HOME=rc dir)",
        "hook": nu_hook,
        "vswitch": "'BIN' hook nu | save -f ($nu.user-autoload-dirs.0)/vswitch.nu\n",
        "vswitch_rc": nu_vswitch,
        # reedline draws the prompt again with each key typed; the
        # prompt after a line comes after it asks where the cursor is
        "ready": b"\x1b[6n",
        "direnv": None,
        "check": b"print $\"VE:($env.VIRTUAL_ENV? | default ''):\"",
        "on_cd": "an `env_change.PWD` hook (after the line that changed `$env.PWD`) and "
                 "a `pre_prompt` hook; `^BIN … | complete`, its output read with `from json`",
        "every": "a `pre_prompt` hook",
    },
}


def hook_code(shell, variant, vswitch, proj):
    """The rc-file text that loads one hook variant; None where the shell
    has no such hook (direnv's, for some)."""
    sd = SHELLS[shell]
    if variant == "none":
        return ""
    if variant == "vswitch":
        if "vswitch_rc" in sd:
            return sd["vswitch_rc"](vswitch)
        return sd["vswitch"].replace("BIN", vswitch)
    if variant == "direnv":
        return sd["direnv"]
    return sd["hook"](shell, variant, proj)


def make_config(work, home, shell, variant, vswitch, proj):
    """Write the rc file; return (argv, extra environment), or None when
    the shell has no hook of this variant."""
    hook = hook_code(shell, variant, vswitch, proj)
    if hook is None:
        return None
    d = os.path.join(work, "rc", "%s-%s" % (shell, variant))
    os.makedirs(d, exist_ok=True)
    return SHELLS[shell]["config"](d, MARK.decode(), hook, home)


def shell_version(shell):
    try:
        p = subprocess.run(SHELLS[shell]["version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=60,
                           env={"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/nonexistent"})
        v = p.stdout.decode(errors="replace").strip().splitlines()[0].replace("@(#)", "")
    except (OSError, IndexError, subprocess.SubprocessError):
        v = "?"
    return v if shell in v.lower() else "%s %s" % (shell, v)


class Shell:
    """An interactive shell on a pty that we type into."""

    def __init__(self, argv, env, cwd, ready=None):
        # ready: what the shell prints before the prompt that follows a
        # line, and not before the prompt it draws again as keys are
        # typed (nu's reedline does, with each key), or None
        self.ready = ready
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 250, 0, 0))
                os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.buf = b""

    def read_until(self, pattern, keep=False):
        """Read until pattern (bytes or compiled regex) shows up."""
        end = time.monotonic() + TIMEOUT
        while True:
            if isinstance(pattern, bytes):
                i = self.buf.find(pattern)
                stop = i + len(pattern) if i >= 0 else -1
            else:
                m = pattern.search(self.buf)
                stop = m.end() if m else -1
            if stop >= 0:
                got, self.buf = self.buf[:stop], self.buf[stop:]
                return got if keep else None
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no prompt; last output: %r" % self.buf[-400:])
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    raise EOFError("shell exited; last output: %r" % self.buf[-400:])
                # a line editor that asks where the cursor is (nu's
                # reedline does, before each prompt) waits for the
                # answer a terminal gives
                asked = (self.buf[-3:] + data).count(b"\x1b[6n")
                if asked:
                    os.write(self.fd, b"\x1b[1;1R" * asked)
                self.buf += data

    def settle(self, shell):
        """After start-up: wait for the prompt, then type the shell's
        VIRTUAL_ENV check line and wait for its output and the prompt
        after it. A shell that drew its first prompt twice (ksh93 does)
        or was still busy after it is then done with start-up: each
        prompt waited for later is the one that follows the line just
        typed."""
        self.read_until(MARK)
        os.write(self.fd, SHELLS[shell]["check"] + b"\r")
        self.read_until(VE_RE)
        self.read_until(MARK)

    def line(self, text):
        """Type one line and wait for the next prompt."""
        os.write(self.fd, text + b"\r")
        if self.ready:
            self.read_until(self.ready)
        self.read_until(MARK)

    def close(self):
        try:
            os.write(self.fd, b"exit\r")
        except OSError:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            try:
                r, _, _ = select.select([self.fd], [], [], 0.1)
                if r:
                    os.read(self.fd, 65536)
            except OSError:
                time.sleep(0.05)
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def workload(mode, n, a):
    if mode == "idle":
        return [b""] * n
    one, two = {"cd": (a.deep, a.outside), "within": (a.deep, a.deep2),
                "outside": (a.outside, a.outside2)}[mode]
    return [b"cd " + (one if i % 2 == 0 else two).encode() for i in range(n)]


def start_dir(mode, a):
    """Where a run starts: where its first line goes, so that the first
    prompt timed follows the workload's own kind of cd."""
    return {"cd": a.outside, "within": a.deep2, "outside": a.outside2,
            "idle": a.deep}[mode]


def pinned(argv):
    return (["taskset", "-c", "0"] + argv) if shutil.which("taskset") else argv


def base_env(home):
    return {"HOME": home, "PATH": "/usr/local/bin:/usr/bin:/bin",
            "TERM": "xterm-256color", "LANG": "C.UTF-8"}


CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_time(pid):
    """CPU seconds of process pid and of the children it has reaped
    (utime, stime, cutime, cstime of /proc/PID/stat)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / CLK_TCK


def run_timed(cfg, n, a):
    """One timed run; returns seconds per prompt, and appends the CPU
    seconds per prompt of the shell and the programs it ran to
    cfg["cpu"]: a figure that load moves less than wall time."""
    argv, extra = pinned(cfg["argv"]), cfg["env"]
    env = dict(base_env(a.home), **extra)
    sh = Shell(argv, env, start_dir(cfg["mode"], a), SHELLS[cfg["shell"]].get("ready"))
    try:
        # start-up is not timed: the clock starts at the first line
        sh.settle(cfg["shell"])
        lines = workload(cfg["mode"], n, a)
        c0 = cpu_time(sh.pid)
        t0 = time.perf_counter()
        for ln in lines:
            sh.line(ln)
        dt = time.perf_counter() - t0
        cfg.setdefault("cpu", []).append((cpu_time(sh.pid) - c0) / n)
        if not cfg.get("checked"):
            cfg["virtual_env"] = check_env(sh, cfg["shell"], a.deep)
            cfg["checked"] = True
    finally:
        sh.close()
    return dt / n


VE_RE = re.compile(rb"VE:(/[^:\r\n]*)?:")


def check_env(sh, shell, deep):
    """VIRTUAL_ENV as this shell sees it after `cd DEEP`."""
    sh.line(b"cd " + deep.encode())
    os.write(sh.fd, SHELLS[shell]["check"] + b"\r")
    got = sh.read_until(VE_RE, keep=True)
    sh.read_until(MARK)
    m = VE_RE.search(got)
    return (m.group(1) or b"").decode(errors="replace")


CLONE_RE = re.compile(r"^\d+\s+([\d.]+)\s+(clone3?|v?fork)\((.*)")
EXEC_RE = re.compile(r"^(\d+)\s+([\d.]+)\s+execve\((.*)")
RESUMED_RE = re.compile(r"^(\d+)\s+[\d.]+\s+<\.\.\. execve resumed>(.*)")
OK_RE = re.compile(r"\)\s*=\s*0\s*$")


def run_counted(cfg, n, a):
    """A short run under strace: processes and execs per prompt."""
    log = os.path.join(a.work, "strace.log")
    argv = [a.strace, "-f", "-qq", "-ttt", "-o", log,
            "-e", "trace=execve,clone,clone3,fork,vfork"] + cfg["argv"]
    env = dict(base_env(a.home), **cfg["env"])
    sh = Shell(argv, env, start_dir(cfg["mode"], a), SHELLS[cfg["shell"]].get("ready"))
    try:
        sh.settle(cfg["shell"])
        t0 = time.time()
        for ln in workload(cfg["mode"], n, a):
            sh.line(ln)
        t1 = time.time()
    finally:
        sh.close()
    forks = execs = 0
    pending = set()  # pids whose execve strace showed as unfinished
    with open(log, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = CLONE_RE.match(line)
            if m and t0 <= float(m.group(1)) <= t1 and "CLONE_THREAD" not in m.group(3):
                forks += 1
            m = EXEC_RE.match(line)
            if m and t0 <= float(m.group(2)) <= t1:
                if OK_RE.search(m.group(3)):
                    execs += 1
                elif m.group(3).endswith("<unfinished ...>"):
                    pending.add(m.group(1))
            m = RESUMED_RE.match(line)
            if m and m.group(1) in pending:
                pending.discard(m.group(1))
                execs += OK_RE.search(m.group(2)) is not None
    os.unlink(log)
    return forks / n, execs / n


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work")
    p.add_argument("--deep")
    p.add_argument("--vswitch")
    p.add_argument("--out")
    p.add_argument("--lines", type=int, default=200)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--count-lines", type=int, default=20)
    p.add_argument("--shells", default=None,
                   help="comma-separated, from: %s (default: those installed)" % ",".join(SHELLS))
    p.add_argument("--variants", default=",".join(VARIANTS),
                   help="comma-separated subset of: %s" % ",".join(VARIANTS))
    p.add_argument("--modes", default=",".join(MODES),
                   help="comma-separated subset of: %s" % ",".join(MODES))
    p.add_argument("--no-count", action="store_true",
                   help="skip the runs under strace that count processes")
    p.add_argument("--list", action="store_true",
                   help="print each known shell and its program, and exit")
    a = p.parse_args()
    if a.list:
        for name, sd in SHELLS.items():
            print(name, sd["exe"])
        return
    if not (a.work and a.deep and a.vswitch and a.out):
        p.error("--work, --deep, --vswitch and --out are required")
    a.work = os.path.abspath(a.work)
    a.home = os.path.join(a.work, "home")
    a.outside = os.path.join(a.work, "out")
    a.deep2 = os.path.join(os.path.dirname(a.deep), "e12")
    a.outside2 = os.path.join(a.outside, *["o%d" % i for i in range(1, 13)])
    proj = a.deep
    for _ in range(12):
        proj = os.path.dirname(proj)
    a.strace = shutil.which("strace")

    asked = a.shells.split(",") if a.shells else list(SHELLS)
    unknown = [s for s in asked if s not in SHELLS]
    if unknown:
        p.error("unknown shell(s): %s (known: %s)" % (", ".join(unknown), ", ".join(SHELLS)))
    configs = []
    shells = {}
    for shell in asked:
        sd = SHELLS[shell]
        if not shutil.which(sd["exe"]):
            print("prompt.py: %s (%s) not found, skipped" % (shell, sd["exe"]), file=sys.stderr)
            continue
        shells[shell] = {
            "version": shell_version(shell), "started": sd["started"],
            "on_cd": sd["on_cd"], "every": sd["every"],
            "cd_runs_binary": sd.get("cd_runs_binary"),
            "vswitch": sd["vswitch"].strip().replace("'BIN'", "vswitch"),
            # the line as direnv documents it, and what differs
            "direnv": sd.get("direnv_doc", (sd["direnv"] and sd["direnv"].strip(), ""))[0],
            "direnv_note": sd.get("direnv_doc", (None, ""))[1],
        }
        for variant in [v for v in VARIANTS if v in a.variants.split(",")]:
            got = make_config(a.work, a.home, shell, variant, a.vswitch, proj)
            if got is None:
                continue
            argv, env = got
            for mode in [m for m in MODES if m in a.modes.split(",")]:
                configs.append({"shell": shell, "variant": variant, "mode": mode,
                                "argv": argv, "env": env, "runs": []})
    total = len(configs) * a.reps
    done = 0
    for rep in range(a.reps):
        # Rotate the order so no configuration always runs first.
        k = rep % len(configs)
        for cfg in configs[k:] + configs[:k]:
            cfg["runs"].append(run_timed(cfg, a.lines, a))
            done += 1
            print("\rprompt: %d/%d runs" % (done, total), end="", file=sys.stderr)
    print(file=sys.stderr)
    if a.strace and not a.no_count:
        for i, cfg in enumerate(configs):
            cfg["forks"], cfg["execs"] = run_counted(cfg, a.count_lines, a)
            print("\rprompt: %d/%d runs under strace" % (i + 1, len(configs)),
                  end="", file=sys.stderr)
        print(file=sys.stderr)
    res = []
    for cfg in configs:
        res.append({k: cfg.get(k) for k in
                    ("shell", "variant", "mode", "runs", "forks", "execs", "virtual_env")})
        res[-1]["median"] = statistics.median(cfg["runs"])
        res[-1]["cpu_median"] = statistics.median(cfg["cpu"])
    meta = {"lines": a.lines, "reps": a.reps, "count_lines": a.count_lines,
            "deep": a.deep, "outside": a.outside,
            "variants": VARIANT_DOC, "shells": shells}
    with open(a.out, "w") as f:
        json.dump({"meta": meta, "results": res}, f, indent=1)


if __name__ == "__main__":
    main()
