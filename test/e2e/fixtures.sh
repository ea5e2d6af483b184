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
	for i in "${!HOSTILE[@]}"; do
		mkdir -p "$FIX/h/$i/plain/deep"
		mkvenv "$FIX/h/$i/plain/venv"
		mv "$FIX/h/$i/plain" "$FIX/h/$i/${HOSTILE[$i]}"
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
}

# An env name with quotes, ; & $ and |, from CPython's test_venv.
# shellcheck disable=SC2016
NAMED_HOSTILE='"'"'"';&&$e|'"'"'"'

drop_fixtures() {
	rm -rf "$FIX"
}
