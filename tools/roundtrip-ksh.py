#!/usr/bin/env python3
"""Round trip of random bytes through ksh93 or mksh and the vswitch hook.

    tools/roundtrip-ksh.py SHELL SEED [N] [VSWITCH]

SHELL is ksh (ksh93) or mksh. Makes N (default 500) projects whose paths
and venv labels (pyvenv.cfg's prompt) are random byte strings: every byte
but NUL, biased to quotes, $, backticks, !, \\, %, newlines and bytes that
are not UTF-8, some with commands that would create a file named pwned.
Then starts the shell interactively on a terminal (a pty with echo and
output processing off, no line editing) with the hook loaded, and for
each project: dumps `env -0` from a child, cds in (cd -P through a link,
so $PWD holds the bytes the kernel gives), lets the prompt be drawn,
dumps again, cds out, dumps again. It compares byte for byte:
VIRTUAL_ENV, VIRTUAL_ENV_PROMPT and the head of PATH inside; the prompt
as the shell wrote it to the terminal, "(label) $ "; the whole
environment after leaving against before entering; and that no pwned
file exists. A path holding ':' must be refused, and leave the
environment and the prompt alone. Prints the seed first, then the
failures; exits 1 if there are any.

mksh's prompt printer writes no CR, nor a BS, that brings it back to
the first column of the prompt's first line (it moves its column count
instead), and a prompt whose second byte is a CR makes the first one a
delimiter of non-printing text; a character of no width (a combining
mark) right after such a CR or BS is not written either. A label holding
CR or BS cannot be drawn as it is in mksh (nor should it be: the
contract wants control bytes in drawn labels escaped), so for those
mksh's prompt is compared with CR, BS and the marks of no width after
them left out, and not at all when the label starts with CR; they are
counted.
"""
import fcntl
import os
import pty
import random
import re
import select
import shutil
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata

SHELLS = {"ksh": "ksh93", "mksh": "mksh"}
SPECIAL = b"'\"\\$`!%(){}[]*?~#&|;<> \t\n\r-=@^:"
IGNORED = {b"_", b"OLDPWD"}
INJECT = [b"$(touch @)", b"`touch @`", b"';touch @;'", b"\\';touch @ #",
          b"${PATH-$(touch @)}", b"${ touch @;}", b"${|touch @;}",
          b"$((a[$(touch @)]))", b"!(touch @)", b"\"$(touch @)\""]


def random_bytes(rng, pwned):
    """1 to 40 bytes, about a third from SPECIAL, a third printable
    ASCII, a third anything but NUL; sometimes with an injection."""
    out = bytearray()
    for _ in range(rng.randint(1, 40)):
        r = rng.random()
        if r < 0.35:
            out.append(rng.choice(SPECIAL))
        elif r < 0.65:
            out.append(rng.randint(0x20, 0x7E))
        else:
            out.append(rng.randint(1, 255))
    if rng.random() < 0.3:
        at = rng.randint(0, len(out))
        out[at:at] = rng.choice(INJECT).replace(b"@", pwned)
    return bytes(out)


def project_path(base, i, raw):
    """A path under base/r/i made of raw's parts between slashes, leaving
    out those cd would collapse ('', '.', '..')."""
    parts = [p[:200] for p in raw.split(b"/") if p not in (b"", b".", b"..")]
    return base + b"/r/%d/" % i + (b"/".join(parts) or b"x")


def cfg_prompt(label):
    """label as pyvenv.cfg holds it: Python's repr() of a str, with the
    bytes from 0x80 up written raw (what vswitch reads back as bytes)."""
    out = bytearray(b"'")
    for c in label:
        if c == 0x5C or c == 0x27:
            out += b"\\" + bytes([c])
        elif c in (0x0A, 0x0D, 0x09):
            out += {0x0A: b"\\n", 0x0D: b"\\r", 0x09: b"\\t"}[c]
        elif c < 0x20 or c == 0x7F:
            out += b"\\x%02x" % c
        else:
            out.append(c)
    return bytes(out + b"'")


def make_cases(base, n, seed):
    rng = random.Random(seed)
    pwned = base + b"/pwned"
    cases = []
    for i in range(n):
        proj = project_path(base, i, random_bytes(rng, pwned))
        label = random_bytes(rng, pwned)
        os.makedirs(proj + b"/venv/bin", mode=0o755)
        with open(proj + b"/venv/pyvenv.cfg", "wb") as f:
            f.write(b"home = /usr/bin\nprompt = " + cfg_prompt(label) + b"\n")
        # made here, as the tools record it: bin/activate names the env
        with open(proj + b"/venv/bin/activate", "wb") as f:
            f.write(b"VIRTUAL_ENV='" + (proj + b"/venv").replace(b"'", b"'\\''") + b"'\n")
        os.symlink(proj, base + b"/l/%d" % i)
        cases.append((proj + b"/venv", label))
    return cases


def rc_text(shell, base, vsw):
    # no line editing: the shell reads lines and writes the prompt as is
    return f"""set +o emacs; set +o vi
PS1='$ '
eval "$('{vsw}' hook {shell})"
function rt_dump {{
	/usr/bin/env -0 >'{base}/d/'$1.$2
}}
function rt_mark {{
	/usr/bin/printf '\\0%s\\0' "$1"
}}
"""


class Pty:
    """The shell on a terminal: type lines, read what it writes."""

    def __init__(self, argv, env):
        self.master, slave = pty.openpty()
        attr = termios.tcgetattr(slave)
        attr[1] &= ~termios.OPOST
        attr[3] &= ~(termios.ECHO | termios.ECHONL)
        termios.tcsetattr(slave, termios.TCSANOW, attr)
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                     env=env, start_new_session=True,
                                     preexec_fn=self.controlling)
        os.close(slave)
        self.buf = b""

    @staticmethod
    def controlling():
        """Make the terminal the shell's own, for job control."""
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    def type(self, text):
        os.write(self.master, text)

    def until(self, want, timeout=30):
        end = time.time() + timeout
        while want not in self.buf:
            left = end - time.time()
            if left <= 0 or not select.select([self.master], [], [], left)[0]:
                raise TimeoutError(want)
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                raise EOFError(want)
            self.buf += chunk
        at = self.buf.index(want) + len(want)
        seen, self.buf = self.buf[:at], self.buf[at:]
        return seen

    def close(self):
        self.type(b"exit\n")
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def load_env(path):
    env = {}
    with open(path, "rb") as f:
        for item in f.read().split(b"\0"):
            if item:
                name, _, value = item.partition(b"=")
                env[name] = value
    return env


def drawable(shell, label):
    """Whether shell's prompt printer writes label as it is."""
    return shell != "mksh" or not (b"\r" in label or b"\b" in label)


def same_prompt(shell, label, got, want):
    """Whether got is want as shell draws it (see above for mksh)."""
    if drawable(shell, label):
        return got == want
    if label.startswith(b"\r"):
        return True
    return got.translate(None, b"\r\b") == ZERO_AFTER_CR.sub(b"", want)


def zero_width(ch):
    """Whether mksh gives character ch no width."""
    return unicodedata.category(ch) in ("Mn", "Me", "Cf") or "\u1160" <= ch <= "\u11ff"


# CR or BS and the UTF-8 characters of no width that follow it
ZERO_AFTER_CR = re.compile(b"[\r\b](?:%s)*" % b"|".join(
    re.escape(chr(c).encode()) for c in range(0x80, 0x30000)
    if not 0xD800 <= c < 0xE000 and zero_width(chr(c))))


def check(shell, base, i, venv, label, prompt):
    fails = []
    d = base + b"/d/%d." % i
    before, inside, after = (load_env(d + t) for t in (b"pre", b"in", b"out"))
    if b":" in venv:
        want_prompt = b"$ "
        if inside.get(b"VIRTUAL_ENV") or inside.get(b"VIRTUAL_ENV_PROMPT"):
            fails.append("%d: %r holds ':' but was activated" % (i, venv))
    else:
        want_prompt = b"(" + label + b") $ "
        for name, want in ((b"VIRTUAL_ENV", venv), (b"VIRTUAL_ENV_PROMPT", label)):
            if inside.get(name) != want:
                fails.append("%d: %s %r, not %r" % (i, name.decode(), inside.get(name), want))
        if not inside.get(b"PATH", b"").startswith(venv + b"/bin:"):
            fails.append("%d: PATH %r does not start with the env's bin" % (i, inside.get(b"PATH")))
    if not same_prompt(shell, label, prompt, want_prompt):
        fails.append("%d: prompt %r, not %r" % (i, prompt, want_prompt))
    changed = sorted(k for k in set(before) | set(after)
                     if k not in IGNORED and before.get(k) != after.get(k))
    if changed:
        fails.append("%d: leaving changed %r" % (i, changed))
    return fails


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in SHELLS:
        sys.exit(__doc__)
    shell, seed = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    here = os.path.dirname(os.path.abspath(__file__))
    vsw = os.path.abspath(sys.argv[4] if len(sys.argv) > 4 else os.path.join(here, "..", "vswitch"))
    print("seed %d: %s, %d projects" % (seed, shell, n), flush=True)
    top = tempfile.mkdtemp(prefix="vswitch-rt-")
    base = os.fsencode(top)
    for sub in (b"home", b"l", b"d", b"neutral"):
        os.makedirs(base + b"/" + sub)
    cases = make_cases(base, n, seed)
    with open(base + b"/home/rc", "w") as f:
        f.write(rc_text(shell, top, vsw))
    env = {"HOME": top + "/home", "PATH": "/usr/local/bin:/usr/bin:/bin",
           "TERM": "dumb", "LANG": "C.UTF-8", "ENV": top + "/home/rc"}
    sh = Pty([SHELLS[shell], "-i"], env)
    fails = []
    try:
        sh.type(b"cd '%s/neutral'; rt_mark start\n" % base)
        sh.until(b"\0start\0")
        for i, (venv, label) in enumerate(cases):
            sh.type(b"rt_dump %d pre\ncd -P '%s/l/%d'\nrt_mark %d\nrt_mark %d.\n"
                    b"rt_dump %d in\ncd '%s/neutral'\nrt_dump %d out; rt_mark %d..\n"
                    % (i, base, i, i, i, i, base, i, i))
            sh.until(b"\0%d\0" % i)
            # the prompt drawn between the two marks, by a hook with
            # nothing to do
            prompt = sh.until(b"\0%d.\0" % i)[:-len(b"\0%d.\0" % i)]
            sh.until(b"\0%d..\0" % i)
            fails += check(shell, base, i, venv, label, prompt)
    except (TimeoutError, EOFError) as e:
        fails.append("the shell stopped answering (waiting for %r): %r" % (e, sh.buf[-300:]))
    finally:
        sh.close()
    if os.path.exists(base + b"/pwned"):
        fails.insert(0, "a path or label ran code: %s/pwned exists" % top)
    for f in fails[:10]:
        print(f)
    if len(fails) > 10:
        print("... and %d more" % (len(fails) - 10))
    odd = sum(1 for venv, label in cases if b":" not in venv and not drawable(shell, label))
    print("seed %d: %s: %s%s" % (seed, shell, "FAIL, %d" % len(fails) if fails else "ok, %d of %d" % (n, n),
                                 ", %d labels with CR or BS compared without them" % odd if odd else ""))
    if not fails:
        shutil.rmtree(top)
    else:
        print("kept %s" % top)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
