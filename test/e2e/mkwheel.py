#!/usr/bin/env python3
"""Write a tiny pure-Python wheel (package vswdemo 1.0) to the path given,
so pip can install something with no network."""
import base64
import hashlib
import sys
import zipfile

FILES = {
    "vswdemo/__init__.py": b"VALUE = 42\n",
    "vswdemo-1.0.dist-info/METADATA":
        b"Metadata-Version: 2.1\nName: vswdemo\nVersion: 1.0\n",
    "vswdemo-1.0.dist-info/WHEEL":
        b"Wheel-Version: 1.0\nGenerator: vswitch-tests\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n",
}


def digest(data):
    h = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + h.decode()


with zipfile.ZipFile(sys.argv[1], "w") as z:
    record = []
    for name, data in FILES.items():
        z.writestr(name, data)
        record.append("%s,%s,%d" % (name, digest(data), len(data)))
    record.append("vswdemo-1.0.dist-info/RECORD,,")
    z.writestr("vswdemo-1.0.dist-info/RECORD", "\n".join(record) + "\n")
