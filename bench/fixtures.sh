#!/bin/sh
# Build the benchmark's world under WORK (default bench/work): a HOME, a
# project with a real venv and a directory 12 levels below its root, a
# direnv .envrc that sources the venv's activate (allowed), config files,
# and an env home with 5,000 envs for `vswitch list` and completion.
# Usage: fixtures.sh WORK
set -eu
work=$1
python=/usr/bin/python3

mkdir -p "$work/home" "$work/out"
# Everything below runs in the clean environment the shells will get.
clean() {
	env -i HOME="$work/home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 "$@"
}

proj=$work/proj
if [ ! -f "$proj/venv/pyvenv.cfg" ]; then
	rm -rf "$proj"
	# No pip: activation only needs bin/activate and pyvenv.cfg, and
	# ensurepip would add seconds to every fresh set-up.
	clean "$python" -m venv --without-pip "$proj/venv"
fi
deep=$proj
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	deep=$deep/d$i
done
mkdir -p "$deep" "${deep%/*}/e12" \
	"$work/out/o1/o2/o3/o4/o5/o6/o7/o8/o9/o10/o11/o12"
# fish's first start in a HOME with no generated_completions folder
# parses every man page in the background, loading the CPU for minutes
mkdir -p "$work/home/.local/share/fish/generated_completions"
echo 'source venv/bin/activate' >"$proj/.envrc"
(cd "$proj" && clean direnv allow .) 2>/dev/null

# Config files for the binary-alone runs.
mkdir -p "$work/cfg"
cat >"$work/cfg/plain.ini" <<'EOF'
; every key at its default value, as config.example.ini shows
[search]
names = venv .venv
rcfile = .venvrc

[envs]
home = ~/.virtualenvs

[prompt]
disable = false

[trust]
mode = owner
EOF
{
	echo '[search]'
	for i in 1 2 3 4 5 6 7 8 9 10; do
		echo "ignore = ^/nonexistent$i/(build|dist|node_modules)(/|\$)"
	done
} >"$work/cfg/ignore10.ini"

# 5,000 named envs: a folder holding pyvenv.cfg is all that makes one.
envs=$work/envs5000
if [ ! -f "$envs/env4999/pyvenv.cfg" ]; then
	rm -rf "$envs"
	"$python" - "$envs" <<'EOF'
import os, sys
home = sys.argv[1]
for i in range(5000):
    d = os.path.join(home, "env%04d" % i)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "pyvenv.cfg"), "w") as f:
        f.write("home = /usr/bin\nversion = 3.11.2\n")
EOF
fi

# A poetry project and a pipenv project, 12 levels deep, with envs the
# tools made (when they are installed): vswitch finds them by the tools'
# naming rules; the tools' own lookup is timed beside it.
tooldeep=d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12
if command -v poetry >/dev/null && [ ! -d "$work/pcache/virtualenvs" ]; then
	mkdir -p "$work/poetry/$tooldeep"
	printf '[tool.poetry]\nname = "bench"\nversion = "0.1.0"\ndescription = ""\nauthors = []\n[tool.poetry.dependencies]\npython = "^3.9"\n' \
		>"$work/poetry/pyproject.toml"
	(cd "$work/poetry" && clean POETRY_CACHE_DIR="$work/pcache" poetry env use "$python") >/dev/null 2>&1 ||
		echo "bench: poetry could not make its env" >&2
fi
if command -v pipenv >/dev/null && [ ! -d "$work/pipenvs" ]; then
	mkdir -p "$work/pipenv/$tooldeep"
	(cd "$work/pipenv" && clean WORKON_HOME="$work/pipenvs" PIPENV_YES=1 PIPENV_NOSPIN=1 \
		pipenv --python "$python") >/dev/null 2>&1 ||
		echo "bench: pipenv could not make its env" >&2
fi

printf '%s\n' "$deep"
