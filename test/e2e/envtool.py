#!/usr/bin/env python3
"""Read environment dumps made by `env -0` in the shells under test.

  envtool.py get DUMP VAR        print VAR's value (raw bytes); exit 1 if unset
  envtool.py same DUMP1 DUMP2    exit 0 if both hold the same variables, byte
                                 for byte, except OLDPWD and _ (which cd and
                                 the shell change on their own); else list
                                 the differences
"""
import sys

IGNORED = {b"OLDPWD", b"_"}


def load(path):
    env = {}
    with open(path, "rb") as f:
        for item in f.read().split(b"\0"):
            if not item:
                continue
            name, _, value = item.partition(b"=")
            env[name] = value
    return env


def main():
    cmd = sys.argv[1]
    for path in sys.argv[2:3] + (sys.argv[3:4] if cmd == "same" else []):
        try:
            open(path, "rb").close()
        except OSError as e:
            print("cannot read dump: %s" % e)
            return 1
    if cmd == "get":
        env = load(sys.argv[2])
        name = sys.argv[3].encode()
        if name not in env:
            return 1
        sys.stdout.buffer.write(env[name])
        return 0
    if cmd == "same":
        a, b = load(sys.argv[2]), load(sys.argv[3])
        diff = []
        for k in sorted(set(a) | set(b)):
            if k in IGNORED or a.get(k) == b.get(k):
                continue
            diff.append("  %r: %r -> %r" % (k, a.get(k), b.get(k)))
        if diff:
            print("\n".join(diff))
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
