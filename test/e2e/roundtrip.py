#!/usr/bin/env python3
"""Round-trip property test: random byte strings as project paths and
prompt labels, evaluated by a real shell, read back from a child's
environment (`env -0`) and from the prompt as the shell draws it (with
control characters shown as text).

  roundtrip.py make DIR N SEED [HOLDS]
                                 make N projects under DIR/r/ whose
                                 paths and labels are random byte strings
                                 (every byte but NUL, newlines included,
                                 some seeded with command substitutions
                                 that would touch DIR/pwned); DIR/p/rtI
                                 holds project I's path. HOLDS "utf8"
                                 (a shell that holds only UTF-8) makes
                                 UTF-8 text instead, every code point
                                 but NUL, and one label in ten not
                                 UTF-8, which must be refused
  roundtrip.py check DIR N in|inout|all PROMPT [REFUSED]
                                 compare the dumps with what was made;
                                 print the failures; exit 1 if any
                                 (an env whose path holds ':' or a
                                 byte of REFUSED, or for HOLDS utf8 whose
                                 label is not UTF-8, must not be
                                 activated)

The shell's part is its adapter's (test/e2e/shells/SH.sh, sh_roundtrip):
a script that dumps the environment in DIR/neutral to DIR/d/before,
then for each project I cds in (to the bytes of DIR/p/rtI), dumps the
environment to DIR/d/rtI.in and the prompt as drawn to rtI.ps, cds back
to DIR/neutral and dumps rtI.out. Every rtI.out must equal before; the
prompt must read "(LABEL) " then PROMPT, the shell's plain prompt, where
LABEL shows control characters as text as vswitch draws them.
"""
import os
import random
import sys

IGNORED = {b"OLDPWD", b"_"}


def rand_char(rng, special, controls):
    """One character of UTF-8 text, biased as rand_bytes is: any code
    point but NUL and the surrogates, C1 controls included, and C0
    controls and DEL when controls."""
    r = rng.random()
    if r < 0.35:
        return bytes([rng.choice(special)])
    if r < 0.7:
        return bytes([rng.randint(0x20, 0x7E)])
    if r < 0.8:
        c = rng.randint(1, 0x7F)
        return bytes([c if controls or 0x20 <= c < 0x7F or c in b"\t\n" else 0x5F])
    top = rng.choice([0xFF, 0x7FF, 0xFFFF, 0x10FFFF])
    while True:
        c = rng.randint(0x80, top)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c).encode("utf-8")


def rand_bytes(rng, pwned, utf8=False, controls=True):
    n = rng.randint(1, 40)
    # bias towards the bytes shells care about
    special = b"'\"\\$`!%(){}[]*?~#&|;<> \t\n-=@^"
    out = bytearray()
    for _ in range(n if utf8 else 0):
        out += rand_char(rng, special, controls)
    for _ in range(0 if utf8 else n):
        r = rng.random()
        if r < 0.35:
            out.append(rng.choice(special))
        elif r < 0.7:
            out.append(rng.randint(0x20, 0x7E))
        else:
            out.append(rng.randint(1, 255))
    if rng.random() < 0.05:
        # a ':' makes the env refused (PATH cannot hold it); keep some
        out.insert(boundary(out, rng.randint(0, len(out)), utf8), 0x3A)
    if rng.random() < 0.3:
        inj = rng.choice([b"$(touch %s)", b"`touch %s`", b"';touch %s;'",
                          b"\\';touch %s #", b"${PATH-$(touch %s)}",
                          b"%%(touch %s)"])
        at = boundary(out, rng.randint(0, len(out)), utf8)
        out[at:at] = inj.replace(b"%s", pwned).replace(b"%%", b"%")
    return bytes(out)


def boundary(s, at, utf8):
    """at, or for UTF-8 text the first character boundary from it on."""
    while utf8 and at < len(s) and 0x80 <= s[at] < 0xC0:
        at += 1
    return at


def path_of(raw):
    """A path made of raw's parts: '/' separates, and parts that are
    empty, '.' or '..' (which cd would collapse) are left out."""
    parts = [p for p in raw.split(b"/") if p not in (b"", b".", b"..")]
    return b"/".join(parts) or b"x"


def cfg_value(label):
    """label as pyvenv.cfg's quoted prompt: escapes only for what cannot
    stand in a line (and for \\ and '), raw bytes for the rest, so it
    reads back the same whether \\x is taken as a byte or a code point."""
    out = bytearray(b"'")
    for c in label:
        if c == 0x5C:
            out += b"\\\\"
        elif c == 0x27:
            out += b"\\'"
        elif c == 0x0A:
            out += b"\\n"
        elif c == 0x0D:
            out += b"\\r"
        elif c == 0x09:
            out += b"\\t"
        elif c < 0x20 or c == 0x7F:
            out += b"\\x%02x" % c
        else:
            out.append(c)
    return bytes(out + b"'")


def holds(d):
    """What the shell holds: b"bytes", or b"utf8"."""
    try:
        return open(os.path.join(d, "rt-holds"), "rb").read()
    except OSError:
        return b"bytes"


def cases(d, n):
    base = os.fsencode(d)
    rng = random.Random(int(open(os.path.join(d, "rt-seed")).read()))
    pwned = base + b"/pwned"
    utf8 = holds(d) == b"utf8"
    for i in range(n):
        # nu's cd cannot enter a folder whose name holds a C0 control
        # character but a tab or newline, and trims the blanks at the end
        # of its argument (nu 0.115 says "Directory not found"): the
        # paths of UTF-8 text have none of those, the labels do
        proj = base + b"/r/%d/" % i + path_of(rand_bytes(rng, pwned, utf8, False))
        if utf8 and proj[-1:].isspace():
            proj += b"_"
        label = rand_bytes(rng, pwned, utf8)
        if utf8 and rng.random() < 0.1:
            # a byte that is not UTF-8: refused
            at = rng.randint(0, len(label))
            label = label[:at] + bytes([rng.choice([0x80, 0xBF, 0xC3, 0xED, 0xF5, 0xFF])]) + label[at:]
        yield i, proj, label


def is_utf8(s):
    try:
        s.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def make(d, n, seed, what="bytes"):
    with open(os.path.join(d, "rt-seed"), "w") as f:
        f.write(seed)
    with open(os.path.join(d, "rt-holds"), "w") as f:
        f.write(what)
    os.makedirs(os.path.join(d, "p"), exist_ok=True)
    os.makedirs(os.path.join(d, "neutral"), exist_ok=True)
    for i, proj, label in cases(d, n):
        os.makedirs(proj + b"/venv/bin", mode=0o755)
        with open(proj + b"/venv/pyvenv.cfg", "wb") as f:
            f.write(b"home = /usr/bin\nprompt = " + cfg_value(label) + b"\n")
        # made here, as the tools record it: bin/activate names the env
        with open(proj + b"/venv/bin/activate", "wb") as f:
            f.write(b"VIRTUAL_ENV='" + (proj + b"/venv").replace(b"'", b"'\\''") + b"'\n")
        with open(os.path.join(d, "p", "rt%d" % i), "wb") as f:
            f.write(proj)


def utf8_len(s, i):
    """The length of the well-formed UTF-8 character at s[i] (a byte
    0xc2 or above), or 0."""
    n = 4 if s[i] >= 0xF0 else 3 if s[i] >= 0xE0 else 2
    if s[i] < 0xC2 or s[i] > 0xF4 or i + n > len(s):
        return 0
    try:
        s[i:i + n].decode("utf-8")
    except UnicodeDecodeError:
        return 0
    return n


def visible(label):
    """label as a prompt draws it: control characters (C0, DEL, C1 in
    UTF-8 or as a byte alone) shown as \\xHH or \\u00HH."""
    out = bytearray()
    i = 0
    while i < len(label):
        c = label[i]
        n = utf8_len(label, i) if c >= 0x80 else 1
        if c < 0x20 or c == 0x7F or (not n and c < 0xA0):
            out += b"\\x%02x" % c
            i += 1
        elif n == 2 and c == 0xC2 and label[i + 1] < 0xA0:
            out += b"\\u00%02x" % label[i + 1]
            i += 2
        else:
            n = n or 1
            out += label[i:i + n]
            i += n
    return bytes(out)


def load(path):
    env = {}
    with open(path, "rb") as f:
        for item in f.read().split(b"\0"):
            if item:
                name, _, value = item.partition(b"=")
                env[name] = value
    return env


def check(d, n, what, prompt, refused=b""):
    dd = os.path.join(d, "d")
    fails = []
    utf8 = holds(d) == b"utf8"
    try:
        base = load(os.path.join(dd, "before"))
    except OSError as e:
        fails.append("no dump before the first project (%s)" % e.strerror)
        base = {}
    for i, proj, label in cases(d, n):
        try:
            env = load(os.path.join(dd, "rt%d.in" % i))
        except OSError as e:
            fails.append("%d: no dump (%s)" % (i, e.strerror))
            continue
        venv = proj + b"/venv"
        if any(c in venv for c in b":" + refused) or (
                utf8 and not (is_utf8(venv) and is_utf8(label))):
            # refused: PATH (or the shell) cannot hold it; nothing may
            # change
            if b"VIRTUAL_ENV" in env or b"VIRTUAL_ENV_PROMPT" in env:
                fails.append("%d: %r cannot be held but was activated" % (i, venv))
            continue
        if env.get(b"VIRTUAL_ENV") != venv:
            fails.append("%d: VIRTUAL_ENV %r, expected %r" % (i, env.get(b"VIRTUAL_ENV"), venv))
        if env.get(b"VIRTUAL_ENV_PROMPT") != label:
            fails.append("%d: VIRTUAL_ENV_PROMPT %r, expected %r" % (i, env.get(b"VIRTUAL_ENV_PROMPT"), label))
        if not env.get(b"PATH", b"").startswith(venv + b"/bin:"):
            fails.append("%d: PATH %r does not start with the env's bin" % (i, env.get(b"PATH")))
        if what in ("all",):
            want = b"(" + visible(label) + b") " + os.fsencode(prompt)
            got = open(os.path.join(dd, "rt%d.ps" % i), "rb").read()
            if got != want:
                fails.append("%d: prompt %r, expected %r" % (i, got, want))
        if what in ("inout", "all"):
            out = load(os.path.join(dd, "rt%d.out" % i))
            diff = [k for k in set(base) | set(out)
                    if k not in IGNORED and base.get(k) != out.get(k)]
            if diff:
                fails.append("%d: leaving changed %r" % (i, sorted(diff)))
    if os.path.exists(os.path.join(d, "pwned")):
        fails.append("a path or label ran code (%s/pwned exists)" % d)
    for f in fails[:8]:
        print(f)
    if len(fails) > 8:
        print("... and %d more" % (len(fails) - 8))
    return 1 if fails else 0


def main():
    cmd = sys.argv[1]
    if cmd == "make":
        make(sys.argv[2], int(sys.argv[3]), sys.argv[4], *sys.argv[5:6])
        return 0
    if cmd == "check":
        refused = os.fsencode(sys.argv[6]) if len(sys.argv) > 6 else b""
        return check(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], refused)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
