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

Each shell runs pinned to one CPU (taskset -c 0 when present): on two
vCPUs fish's per-prompt times are bimodal otherwise.

Repetitions are interleaved across configurations so that a burst of
load on the machine hits all of them alike; we report medians. A second,
short run of each configuration under strace counts the processes the
shell starts per prompt, and a last check after timing confirms the hook
really activated the venv (VIRTUAL_ENV as expected after `cd DEEP`).

Usage: prompt.py --work DIR --deep DIR --vswitch BIN --out FILE.json
                 [--lines N] [--reps R] [--shells bash,zsh,fish]
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
import sys
import termios
import time

MARK = b"@@vswitch-bench-prompt@@"
TIMEOUT = 60.0

VARIANTS = ["none", "true-cd", "apply", "true-all", "vswitch", "direnv"]
MODES = ["cd", "within", "outside", "idle"]

# What each variant is, for results.md.
VARIANT_DOC = {
    "none": "no hook at all: the shell's own cost of reading a line and drawing the prompt",
    "true-cd": "a hook of exactly vswitch's shape (bash PROMPT_COMMAND, zsh chpwd+precmd, "
               "fish --on-variable PWD) that runs `/bin/true` through `$(...)`/`| source` "
               "and evaluates its (empty) output, only when $PWD changed since its last run",
    "apply": "the `/bin/true` hook on $PWD change, then the activation done by "
             "shell code: on entering the project it exports VIRTUAL_ENV and puts "
             "the env's bin/ first on PATH, on leaving it restores both; the floor "
             "for any hook that starts a process on each cd",
    "true-all": "the same hook without the $PWD test: runs `/bin/true` before every prompt "
                "(bash PROMPT_COMMAND, zsh precmd, fish fish_prompt event)",
    "vswitch": "`eval \"$(vswitch hook SHELL)\"` (fish: `vswitch hook fish | source`)",
    "direnv": "`eval \"$(direnv hook SHELL)\"` with a `.envrc` at the project root holding "
              "`source venv/bin/activate`, allowed with `direnv allow`",
}

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


def hook_code(shell, variant, vswitch, proj):
    """The rc-file text that loads one hook variant."""
    if variant == "none":
        return ""
    if variant == "vswitch":
        if shell == "fish":
            return "'%s' hook fish | source\n" % vswitch
        return "eval \"$('%s' hook %s)\"\n" % (vswitch, shell)
    if variant == "direnv":
        if shell == "fish":
            return "direnv hook fish | source\n"
        return "eval \"$(direnv hook %s)\"\n" % shell
    if variant == "apply":
        if shell == "fish":
            return FISH_APPLY % {"proj": proj}
        code = BASH_APPLY % {"proj": proj}
        if shell == "bash":
            return code + 'PROMPT_COMMAND="_bench_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"\n'
        return (code + "typeset -ag chpwd_functions precmd_functions\n"
                "chpwd_functions=(_bench_hook $chpwd_functions)\n"
                "precmd_functions=(_bench_hook $precmd_functions)\n")
    every = variant == "true-all"
    if shell == "fish":
        return FISH_TRUE_ALL if every else FISH_TRUE_CD
    sub = {
        "test_open": "" if every else
        ('if [ "${_bench_pwd-}" != "$PWD" ]; then' if shell == "bash" else
         'if [[ "${_bench_pwd-}" != "$PWD" ]]; then'),
        "test_close": "" if every else "fi",
        "chpwd": "" if every else "chpwd_functions=(_bench_hook $chpwd_functions)",
    }
    return (BASH_TRUE if shell == "bash" else ZSH_TRUE) % sub


def make_config(work, shell, variant, vswitch, proj):
    """Write the rc file; return (argv, extra environment)."""
    d = os.path.join(work, "rc", "%s-%s" % (shell, variant))
    os.makedirs(d, exist_ok=True)
    hook = hook_code(shell, variant, vswitch, proj)
    mark = MARK.decode()
    if shell == "bash":
        rc = os.path.join(d, "bashrc")
        with open(rc, "w") as f:
            f.write("PS1='%s'\nunset HISTFILE\n%s" % (mark, hook))
        return ["bash", "--noprofile", "--rcfile", rc, "-i"], {}
    if shell == "zsh":
        with open(os.path.join(d, ".zshrc"), "w") as f:
            f.write("PS1='%s'\n%s" % (mark, hook))
        return ["zsh", "-d", "-i"], {"ZDOTDIR": d}
    cfg = os.path.join(d, "fish")
    os.makedirs(cfg, exist_ok=True)
    with open(os.path.join(cfg, "config.fish"), "w") as f:
        f.write("set -g fish_greeting ''\n"
                "function fish_prompt; printf '%%s' '%s'; end\n%s" % (mark, hook))
    return ["fish", "--private", "-i"], {"XDG_CONFIG_HOME": d}


class Shell:
    """An interactive shell on a pty that we type into."""

    def __init__(self, argv, env, cwd):
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
                self.buf += data

    def line(self, text):
        """Type one line and wait for the next prompt."""
        os.write(self.fd, text + b"\r")
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


def run_timed(cfg, n, a):
    """One timed run; returns seconds per prompt."""
    argv, extra = pinned(cfg["argv"]), cfg["env"]
    env = dict(base_env(a.home), **extra)
    sh = Shell(argv, env, start_dir(cfg["mode"], a))
    try:
        sh.read_until(MARK)
        lines = workload(cfg["mode"], n, a)
        t0 = time.perf_counter()
        for ln in lines:
            sh.line(ln)
        dt = time.perf_counter() - t0
        if not cfg.get("checked"):
            cfg["virtual_env"] = check_env(sh, a.deep)
            cfg["checked"] = True
    finally:
        sh.close()
    return dt / n


VE_RE = re.compile(rb"VE:(/[^:\r\n]*)?:")


def check_env(sh, deep):
    """VIRTUAL_ENV as this shell sees it after `cd DEEP`."""
    sh.line(b"cd " + deep.encode())
    os.write(sh.fd, b'echo "VE:$VIRTUAL_ENV:"\r')
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
    sh = Shell(argv, env, start_dir(cfg["mode"], a))
    try:
        sh.read_until(MARK)
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
    p.add_argument("--work", required=True)
    p.add_argument("--deep", required=True)
    p.add_argument("--vswitch", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--lines", type=int, default=200)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--count-lines", type=int, default=20)
    p.add_argument("--shells", default="bash,zsh,fish")
    a = p.parse_args()
    a.work = os.path.abspath(a.work)
    a.home = os.path.join(a.work, "home")
    a.outside = os.path.join(a.work, "out")
    a.deep2 = os.path.join(os.path.dirname(a.deep), "e12")
    a.outside2 = os.path.join(a.outside, *["o%d" % i for i in range(1, 13)])
    proj = a.deep
    for _ in range(12):
        proj = os.path.dirname(proj)
    a.strace = shutil.which("strace")

    configs = []
    for shell in a.shells.split(","):
        if not shutil.which(shell):
            print("prompt.py: %s not found, skipped" % shell, file=sys.stderr)
            continue
        for variant in VARIANTS:
            argv, env = make_config(a.work, shell, variant, a.vswitch, proj)
            for mode in MODES:
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
    if a.strace:
        for cfg in configs:
            cfg["forks"], cfg["execs"] = run_counted(cfg, a.count_lines, a)
    res = []
    for cfg in configs:
        res.append({k: cfg.get(k) for k in
                    ("shell", "variant", "mode", "runs", "forks", "execs", "virtual_env")})
        res[-1]["median"] = statistics.median(cfg["runs"])
    meta = {"lines": a.lines, "reps": a.reps, "count_lines": a.count_lines,
            "deep": a.deep, "outside": a.outside,
            "variants": VARIANT_DOC}
    with open(a.out, "w") as f:
        json.dump({"meta": meta, "results": res}, f, indent=1)


if __name__ == "__main__":
    main()
