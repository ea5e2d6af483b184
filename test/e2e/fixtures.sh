# shellcheck shell=bash disable=SC2016
# Fixtures made once per run, shared read-only by every scenario: real
# venvs made by `python3 -m venv` (and one by virtualenv) in a tree of
# projects, and projects whose paths hold every kind of awkward byte.

# Debian's python, not a pyenv shim that may sit first on PATH.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)

mkvenv() {
	"$PY" -m venv --without-pip "$@" >/dev/null || {
		echo "cannot make a venv at $*" >&2
		exit 1
	}
}

# The awkward names of the hostile-path scenarios: spaces, quotes, $(...),
# backticks, ;&|*?[], \, ~, #, %, !, a newline, bytes that are not UTF-8,
# a leading -. Those that would run something touch $FIX/pwned.
hostile_names() {
	HOSTILE=(
		'sp ace'
		"it's \"quoted\""
		'$(touch $FIX_PWNED)'
		'`touch $FIX_PWNED`'
		';&|*?[]'
		'back\slash\w\n'
		'~tilde'
		'#hash'
		'%n%d%~pct%'
		'!bang!!'
		$'new\nline'
		$'bad\xff\xfeutf8'
		'-leading'
		'${PATH}$HOME'
	)
}

# Point a renamed venv's bin/activate at where it now is, bytes and all.
made_here() {
	"$PY" - "$1" <<'PYEOF'
import os, re, sys
env = os.fsencode(sys.argv[1])
p = os.path.join(env, b"bin", b"activate")
text = open(p, "rb").read()
quoted = b"'" + env.replace(b"'", b"'\\''") + b"'"
text = re.sub(rb'(?m)^VIRTUAL_ENV=.*$', lambda m: b"VIRTUAL_ENV=" + quoted, text, count=1)
open(p, "wb").write(text)
PYEOF
}

make_fixtures() {
	FIX=$(mktemp -d "${TMPDIR:-/tmp}/vsw-fix.XXXXXX")
	local w=$FIX/w
	mkdir -p "$w/proj/a/b/c/d" "$w/proj2/src" "$w/outer/inner/x/y" \
		"$w/outer/side" "$w/plain/a" "$w/hand" "$w/vproj/sub"
	mkvenv "$w/proj/venv"
	mkvenv "$w/proj2/.venv"
	mkvenv "$w/outer/venv"
	mkvenv "$w/outer/inner/venv"
	mkvenv "$w/hand/env"
	if "$PY" -c 'import virtualenv' 2>/dev/null; then
		"$PY" -m virtualenv -q --no-pip --no-setuptools --no-wheel \
			"$w/vproj/venv" >/dev/null || exit 1
	fi
	hostile_names
	local i
	# python's venv cannot write every such path itself (it encodes the
	# path into its scripts), so each env is made under a plain name and
	# its project folder renamed.
	# Its bin/activate then names where it is, as a tool that could
	# write the path would have (vswitch takes that as made here).
	for i in "${!HOSTILE[@]}"; do
		mkdir -p "$FIX/h/$i/plain/deep"
		mkvenv "$FIX/h/$i/plain/venv"
		mv "$FIX/h/$i/plain" "$FIX/h/$i/${HOSTILE[$i]}"
		made_here "$FIX/h/$i/${HOSTILE[$i]}/venv"
	done
	# The env home of named-env scenarios, and a project whose .venvrc
	# names one of its envs. The env named as in Python's own venv tests
	# is made under a plain name and renamed, like the hostile paths.
	mkdir -p "$FIX/envhome" "$w/named/a/b"
	for i in myenv other alpha alps beta; do
		mkvenv "$FIX/envhome/$i"
	done
	mkvenv "$FIX/envhome/hostile"
	mv "$FIX/envhome/hostile" "$FIX/envhome/$NAMED_HOSTILE"
	printf 'env = myenv\n' >"$w/named/.venvrc"
	make_tool_fixtures
}

# Envs made by the tools themselves, offline, each in its own store under
# $FIX/t (the scenarios point the tool's variable there); where each tool
# says its env is, asked from sub/ as a user would, is kept in
# $FIX/t/TOOL.says (pdm's says its interpreter):
#   poetry   $FIX/t/poetry/proj/sub, env in POETRY_CACHE_DIR=$FIX/t/pcache
#   pipenv   $FIX/t/pipenv/my proj, env in WORKON_HOME=$FIX/t/pipenvs
#   pdm      $FIX/t/pdm/proj, env in $FIX/t/home/.local/share/pdm/venvs
#   virtualenvwrapper  mkvirtualenv -a $FIX/t/vew/proj vewenv, in
#            WORKON_HOME=$FIX/t/workon
#   pyenv-virtualenv (not in Debian): its layout, $FIX/t/pyenv/versions/
#            3.11.2/envs/tools linked from versions/tools, and a project
#            whose .python-version names it
# A tool that is missing leaves its folder out; its scenario fails.
make_tool_fixtures() {
	local t=$FIX/t
	mkdir -p "$t/home" "$t/poetry/proj/sub" "$t/pipenv/my proj/sub" \
		"$t/pdm/proj/sub" "$t/vew/proj/sub" "$t/pyenv/proj/sub" \
		"$t/pyenv/versions/3.11.2/envs"
	(
		export HOME=$t/home XDG_CONFIG_HOME=$t/home/.config \
			XDG_CACHE_HOME=$t/home/.cache XDG_DATA_HOME=$t/home/.local/share \
			PDM_CHECK_UPDATE=false PIPENV_YES=1 PIPENV_NOSPIN=1 \
			PATH=/usr/bin:/bin
		cd "$t/poetry/proj" || exit 1
		printf '[tool.poetry]\nname = "Demo_Proj.x"\nversion = "0.1.0"\n%s\n' \
			'description = ""' >pyproject.toml
		printf 'authors = []\n[tool.poetry.dependencies]\npython = "^3.9"\n' >>pyproject.toml
		POETRY_CACHE_DIR=$t/pcache poetry env use "$PY" >/dev/null 2>&1 ||
			echo "poetry could not make its env" >&2
		(cd sub && POETRY_CACHE_DIR=$t/pcache poetry env info -p) >"$t/poetry.says" 2>/dev/null
		cd "$t/pipenv/my proj" || exit 1
		WORKON_HOME=$t/pipenvs pipenv --python "$PY" >/dev/null 2>&1 ||
			echo "pipenv could not make its env" >&2
		(cd sub && WORKON_HOME=$t/pipenvs pipenv --venv) >"$t/pipenv.says" 2>/dev/null
		cd "$t/pdm/proj" || exit 1
		printf '[project]\nname = "pd"\nversion = "0.1"\n' >pyproject.toml
		{
			pdm config -l venv.in_project false &&
				pdm venv create "$PY" &&
				pdm use -f "$(echo "$t"/home/.local/share/pdm/venvs/*/bin/python)"
		} >/dev/null 2>&1 || echo "pdm could not make its env" >&2
		(cd sub && pdm info --python) >"$t/pdm.says" 2>/dev/null
		if [ -r /usr/share/virtualenvwrapper/virtualenvwrapper.sh ]; then
			WORKON_HOME=$t/workon VIRTUALENVWRAPPER_PYTHON=$PY bash -c \
				'. /usr/share/virtualenvwrapper/virtualenvwrapper.sh &&
				mkvirtualenv -a "$1" vewenv' - "$t/vew/proj" >/dev/null 2>&1 ||
				echo "virtualenvwrapper could not make its env" >&2
		fi
	)
	mkvenv "$t/pyenv/versions/3.11.2/envs/tools"
	ln -s 3.11.2/envs/tools "$t/pyenv/versions/tools"
	printf 'tools\n' >"$t/pyenv/proj/.python-version"
}

# An env name with quotes, ; & $ and |, from CPython's test_venv.
# shellcheck disable=SC2016
NAMED_HOSTILE='"'"'"';&&$e|'"'"'"'

drop_fixtures() {
	rm -rf "$FIX"
}
