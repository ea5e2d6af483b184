# vswitch hook for xonsh. Put this line in ~/.xonshrc:
#     exec(__import__('os').popen('vswitch hook xonsh').read())
# (Python's pipe, not xonsh's $(...), which in the rc file now and then
# captures nothing when keys were typed before the first prompt.) The
# hook is plain Python.
# `vswitch hook xonsh` prints this file after the globals _vswitch_bin
# (the binary's path as invoked), _vswitch_cmds (the commands that
# change the shell), _vswitch_shell (xonsh) and _vswitch_stampdir (the
# folder of stamp files, '' for none). Everything else lives inside
# _vswitch_setup, which removes itself and them once it has run.
#
# The binary prints data, not code: one Python literal a line, read with
# ast.literal_eval, which runs nothing. Values are bytes, made str with
# os.fsdecode, so children get the very bytes.
#
# Each run of the binary also gives the hook:
#   names    the names any source looks for in a folder
#   watch    "+PATH" (exists) or "-PATH" (does not): the files whose
#            change could change the result
#   vars     the environment variables the result depends on
#   links    the projects that envs' .project files name
#   stampdir the folder of stamp files ('' for none)
# A cd that finds the same nearest folder holding one of the names, the
# same values of those variables, and no watched file changed since this
# shell's stamp starts no process: the binary would print nothing new.


def _vswitch_setup(bin, cmds, shell, stampdir):
    import ast
    import os
    import subprocess
    import sys
    import threading

    from xonsh.built_ins import XSH
    from xonsh.completers.completer import add_one_completer
    from xonsh.completers.tools import RichCompletion, contextual_command_completer_for
    from xonsh.events import events
    from xonsh.tools import unthreadable

    env = XSH.env
    # pwd: the folder the binary last ran for (None: never); ve:
    # VIRTUAL_ENV as it left it; here: the names it saw in pwd; key:
    # what the result depended on; label: the prompt's label while an
    # env of ours is active ('' shows none), else None.
    me = {"bin": bin, "pwd": None, "ve": "", "here": "", "key": None,
          "label": None, "deact": False}
    got = {"names": [], "watch": [], "vars": [], "links": [], "stampdir": stampdir}
    # one check at a time: the events may come from more than one thread
    lock = threading.RLock()

    def names_in(d):
        """The names found in folder d, as one string ('/venv/.venv')."""
        return "".join("/" + n for n in got["names"]
                       if os.path.exists(os.path.join(d, n)))

    def find(pwd):
        """The nearest folder from pwd up holding one of the names, and
        the names found there; ('', '') for none."""
        d = pwd
        while True:
            s = names_in(d)
            if s:
                return d, s
            if d == "/" or not d.startswith("/"):
                return "", ""
            d = os.path.dirname(d)

    def keyof(pwd, cand, sig):
        """The candidate folder, the names in it, the nearest project a
        .project names (it holds no file of ours), and the value (or
        absence) of each variable the result depends on."""
        best = ""
        for link in got["links"]:
            if (pwd == link or pwd.startswith(link + "/")) and len(link) > len(best):
                best = link
        values = env.detype()
        return (best, cand, sig) + tuple((v in values, values.get(v)) for v in got["vars"])

    def stamp():
        return os.path.join(got["stampdir"], str(os.getpid()))

    def fresh():
        """Whether no watched file changed since this shell's stamp: one
        that existed must still exist and be older than the stamp, one
        that did not must still not."""
        if not got["stampdir"]:
            return False
        try:
            t = os.stat(stamp()).st_mtime_ns
        except OSError:
            return False
        for w in got["watch"]:
            if w[0] != "+":
                if os.path.exists(w[1:]):
                    return False
                continue
            try:
                if os.stat(w[1:]).st_mtime_ns >= t:
                    return False
            except OSError:
                return False
        return True

    def rebin():
        """Whether the binary is still where it was recorded; else look
        it up on PATH (an upgrade moved it)."""
        if os.access(me["bin"], os.X_OK):
            return True
        found = XSH.commands_cache.locate_binary("vswitch")
        if found:
            me["bin"] = found
        return bool(found)

    def enter(label):
        """An env of ours is active: show label; offer deactivate unless
        an activate script's own is there."""
        me["label"] = label
        if "deactivate" not in XSH.aliases:
            XSH.aliases["deactivate"] = _vswitch_deactivate
            me["deact"] = True

    def leave():
        """None is: take the label and our deactivate away. While an
        activate script's env is on top (_OLD_VIRTUAL_PATH is its mark),
        its deactivate is the one defined, and stays."""
        me["label"] = None
        if me["deact"] and "_OLD_VIRTUAL_PATH" not in env:
            XSH.aliases.pop("deactivate", None)
        me["deact"] = False

    def apply(out):
        """Apply the binary's output, a literal a line."""
        for line in out.splitlines():
            try:
                c = ast.literal_eval(line.decode("ascii"))
            except (ValueError, SyntaxError, UnicodeDecodeError):
                continue
            if c[0] == "set":
                env[c[1]] = os.fsdecode(c[2])
            elif c[0] == "unset":
                if c[1] in env:
                    del env[c[1]]
            elif c[0] == "prompt":
                enter(os.fsdecode(c[1]))
            elif c[0] == "prompt-clear":
                leave()
            elif c[0] == "hook-var":
                got[c[1]] = os.fsdecode(c[2])
            elif c[0] == "hook-list":
                got[c[1]] = [os.fsdecode(x) for x in c[2]]

    def seen(pwd):
        """Remember what the binary saw, run in pwd."""
        cand, sig = find(pwd)
        me.update(pwd=pwd, key=keyof(pwd, cand, sig), ve=env.get("VIRTUAL_ENV", ""),
                  here=sig if cand == pwd else "")

    def run(args):
        """Touch the stamp, run the binary with args, apply what it
        prints, remember what it saw; its exit status."""
        if got["stampdir"]:
            try:
                open(stamp(), "w").close()
            except OSError:
                got["stampdir"] = ""
        if not rebin():
            return 127
        pwd = env.get("PWD", "")
        p = subprocess.run([me["bin"]] + args, stdout=subprocess.PIPE, env=env.detype())
        apply(p.stdout)
        seen(pwd)
        return p.returncode

    def check():
        """After each cd and before each prompt: run the binary only when
        what it reads may have changed."""
        with lock:
            check_now()

    def check_now():
        if me["pwd"] is None:
            run(["export", shell, "--init"])
            return
        pwd = env.get("PWD", "")
        if pwd == me["pwd"] and me["ve"] == env.get("VIRTUAL_ENV", ""):
            if names_in(pwd) == me["here"]:
                return
        me["pwd"] = pwd
        cand, sig = find(pwd)
        if keyof(pwd, cand, sig) == me["key"] and fresh():
            me["here"] = sig if cand == pwd else ""
            return
        run(["export", shell])

    # on_chdir fires inside cd, pushd and popd, after $PWD is set;
    # on_pre_prompt_format before each prompt is formatted (readline's
    # shell formats it before on_pre_prompt), so the label is the one of
    # now, at start-up and after an os.chdir too.
    def _vswitch_on_chdir(olddir, newdir, **kw):
        check()

    def _vswitch_on_pre_prompt_format(**kw):
        check()

    # The commands that change this shell have their output applied
    # here; every other command runs the binary as it is. Unthreadable:
    # it changes this shell's environment.
    @unthreadable
    def _vswitch_alias(args, stdin=None, stdout=None, stderr=None):
        if not rebin():
            print("vswitch: the binary is gone from '%s' and not on PATH" % me["bin"],
                  file=sys.stderr)
            return 127
        if args and args[0] in cmds.split():
            with lock:
                return run(["--shell=" + shell] + list(args))
        return subprocess.run([me["bin"]] + list(args), stdin=stdin, stdout=stdout,
                              stderr=stderr, env=env.detype()).returncode

    @unthreadable
    def _vswitch_deactivate(args, stdin=None, stdout=None, stderr=None):
        # an activate script calls this before it activates its own
        # env: vswitch's stays under it, and comes back after
        if args[:1] == ["nondestructive"]:
            return 0
        return _vswitch_alias(["off"])

    # The prompt: xonsh's {env_name} field shows "(label) " while an env
    # of ours is active (its own prints VIRTUAL_ENV_PROMPT bare); field
    # values are read as format strings again, so braces are doubled.
    # A second load wraps the field the first one wrapped.
    fields = env["PROMPT_FIELDS"]
    orig = fields.get("env_name")
    orig = getattr(orig, "_vswitch_orig", orig)

    def _vswitch_env_name():
        if me["label"] is None:
            return orig() if callable(orig) else orig
        if not me["label"] or env.get("VIRTUAL_ENV_DISABLE_PROMPT"):
            return ""
        return "(" + me["label"].replace("{", "{{").replace("}", "}}") + ") "

    _vswitch_env_name._vswitch_orig = orig
    fields["env_name"] = _vswitch_env_name

    # Completion: the commands; the shells after hook and export; after
    # use, the envs of the env home (quoted as Python strings when they
    # need it), or folders for a word that reads as a path; folders
    # after allow and deny (xonsh's own path completer).
    commands = "hook export off on use list status allow deny exec env".split()

    @contextual_command_completer_for("vswitch")
    def _vswitch_complete(cmd):
        prefix = cmd.prefix
        if cmd.arg_index == 1:
            return {c for c in commands if c.startswith(prefix)}
        if cmd.arg_index != 2:
            return None
        sub = cmd.args[1].value
        if sub in ("hook", "export"):
            return set(run_out(["hook", "--list"]))
        if sub == "use" and not (prefix.startswith((".", "~")) or "/" in prefix):
            return {RichCompletion(n if n.isidentifier() else repr(n), display=n,
                                   prefix_len=len(cmd.raw_prefix))
                    for n in run_out(["list", "--prefix=" + prefix])}
        return None

    def run_out(args):
        """The lines the binary prints for args."""
        if not rebin():
            return []
        p = subprocess.run([me["bin"]] + args, stdout=subprocess.PIPE, env=env.detype())
        return [os.fsdecode(x) for x in p.stdout.split(b"\n") if x]

    # A second load takes out the first one's handlers.
    for ev, h in ((events.on_chdir, _vswitch_on_chdir),
                  (events.on_pre_prompt_format, _vswitch_on_pre_prompt_format)):
        for old in [f for f in ev if getattr(f, "__name__", "") == h.__name__]:
            ev.discard(old)
        ev(h)
    XSH.aliases["vswitch"] = _vswitch_alias
    add_one_completer("vswitch", _vswitch_complete, "start")


_vswitch_setup(_vswitch_bin, _vswitch_cmds, _vswitch_shell, _vswitch_stampdir)
del _vswitch_setup, _vswitch_bin, _vswitch_cmds, _vswitch_shell, _vswitch_stampdir
