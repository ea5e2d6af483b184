# shellcheck shell=bash disable=SC2016,SC2034
# Issue 10: envs the tools made, found by their naming rules without
# running the tool (fixtures.sh, make_tool_fixtures, made them with the
# real poetry, pipenv, pdm and virtualenvwrapper). Each scenario points
# the tool's own variable at its store, enters a folder below the
# project, and reads what a child sees; leaving restores everything.

# Enter $2 (a fixture path) from $FIX/w/plain and leave again: dumps
# before, in, after and python's prefix in py.
tool_round() {
	put_path tool "$1"
	run "cd $FIX/w/plain" "vsw_dump before" "vsw_cdp tool" "vsw_dump in" \
		"vsw_py py"
	expect_prompt "($2) $(plain_prompt)"
	run "cd $FIX/w/plain" "vsw_dump after"
	expect_same_env before after
	expect_prompt "$(plain_prompt)"
}

# 1. poetry: {name}-{hash}-py{X.Y} in its cache, the name from
# pyproject.toml ("Demo_Proj.x"), the hash of the project's real path.
t_poetry_env() {
	local e
	e=$(cat "$FIX/t/poetry.says")	# poetry env info -p
	[ -d "$e" ] || { fail "poetry made no env (make deps)"; return; }
	case $e in
	"$FIX"/t/pcache/virtualenvs/demo-proj-x-*-py3.*) ;;
	*) fail "poetry says its env is '$e'" ;;
	esac
	start_shell POETRY_CACHE_DIR="$FIX/t/pcache"
	tool_round "$FIX/t/poetry/proj/sub" "$(sed -n 's/^prompt = //p' "$e/pyvenv.cfg")"
	expect_env in VIRTUAL_ENV "$e"
	expect_file py "$e"
	# status names the source that decided and the file it read
	run "cd $FIX/t/poetry/proj/sub" "$(l_to "vswitch status" "$T/d/status")"
	grep -qxF "chosen by: $FIX/t/poetry/proj/pyproject.toml (poetry)" "$T/d/status" ||
		fail "status: $(cat "$T/d/status")"
	case $(env_of in PATH) in
	"$e/bin:"*) ;;
	*) fail "PATH in: $(env_of in PATH)" ;;
	esac
}

# 2. pipenv: {name}-{hash} in WORKON_HOME, for a project whose folder
# name holds a space.
t_pipenv_env() {
	local e
	e=$(cat "$FIX/t/pipenv.says")	# pipenv --venv
	[ -d "$e" ] || { fail "pipenv made no env (make deps)"; return; }
	start_shell WORKON_HOME="$FIX/t/pipenvs"
	tool_round "$FIX/t/pipenv/my proj/sub" "my proj"
	expect_env in VIRTUAL_ENV "$e"
	expect_file py "$e"
}

# 3. pdm: the interpreter .pdm.toml records, in pdm's own store; the
# same file naming an env outside the project and the stores is refused
# until allowed.
t_pdm_env() {
	local e
	e=$(cat "$FIX/t/pdm.says")	# pdm info --python
	e=${e%/bin/python*}
	[ -d "$e" ] || { fail "pdm made no env (make deps)"; return; }
	mkdir -p "$T/clone"
	printf '%s/bin/python\n' "$FIX/w/proj/venv" >"$T/clone/.pdm-python"
	start_shell XDG_DATA_HOME="$FIX/t/home/.local/share"
	tool_round "$FIX/t/pdm/proj/sub" "$(sed -n 's/^prompt = //p' "$e/pyvenv.cfg")"
	expect_env in VIRTUAL_ENV "$e"
	expect_file py "$e"
	run "cd $T/clone" "vsw_dump clone"
	expect_unset clone VIRTUAL_ENV
	expect_screen_has "'$T/clone/.pdm-python' names an env outside the project"
	run "vswitch allow" "vsw_dump allowed"
	expect_env allowed VIRTUAL_ENV "$FIX/w/proj/venv"
}

# 4. virtualenvwrapper: mkvirtualenv -a PROJECT wrote the project's path
# into the env's .project; the project folder holds nothing of ours.
t_virtualenvwrapper_project() {
	local e=$FIX/t/workon/vewenv
	[ -e "$e/.project" ] || { fail "virtualenvwrapper made no env (make deps)"; return; }
	start_shell WORKON_HOME="$FIX/t/workon"
	tool_round "$FIX/t/vew/proj/sub" vewenv
	expect_env in VIRTUAL_ENV "$e"
	expect_file py "$e"
}

# 5. pyenv-virtualenv's layout: .python-version names an env linked
# from $PYENV_ROOT/versions; a plain version number is left to pyenv.
t_pyenv_version() {
	start_shell PYENV_ROOT="$FIX/t/pyenv"
	tool_round "$FIX/t/pyenv/proj/sub" tools
	# the env's real path, as pyenv-virtualenv's own activate sets it
	expect_env in VIRTUAL_ENV "$FIX/t/pyenv/versions/3.11.2/envs/tools"
	mkdir -p "$T/plainver"
	printf '3.11.2\n' >"$T/plainver/.python-version"
	run "cd $T/plainver" "vsw_dump ver"
	expect_unset ver VIRTUAL_ENV
	expect_screen_lacks "vswitch:"
}

# 6. A .venv file naming an env of the env home, as pyenv-virtualenv,
# virtualenvwrapper and others read it.
t_venv_file() {
	mkdir -p "$T/vf/sub"
	printf 'myenv\n' >"$T/vf/.venv"
	start_shell WORKON_HOME="$FIX/envhome"
	run "cd $T/vf/sub" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$FIX/envhome/myenv"
	expect_prompt "(myenv) $(plain_prompt)"
}

# 7. A venv whose python is gone (the Python it was made with was
# removed) is named with the way to fix it, not activated; the shell
# goes on as before.
t_broken_env() {
	"$PY" -m venv --without-pip "$T/brk/venv" >/dev/null || fail "venv"
	ln -sfn "$T/gone/python3" "$T/brk/venv/bin/python"
	mkdir -p "$T/brk/sub"
	start_shell
	run "cd $T" "vsw_dump before" "cd $T/brk/sub" "vsw_dump in" "vsw_status st"
	expect_unset in VIRTUAL_ENV
	expect_env in PATH "$(env_of before PATH)"
	expect_file st 0
	expect_screen_has "its python is a link to '$T/gone/python3', which is gone"
	expect_prompt "$(plain_prompt)"
	# named once: not again at the next prompts, nor on a cd within
	run "vsw_dump again" "cd $T/brk" "vsw_dump up" "cd $T/brk/sub" "vsw_dump down"
	expect_unset down VIRTUAL_ENV
	expect_screen_count 1 "which is gone"
}

# 8. Several tools in one project: the order of [search] sources
# decides; a nearer project of any kind wins over a farther one.
t_sources_order() {
	mkdir -p "$T/both/sub/inner"
	"$PY" -m venv --without-pip "$T/both/venv" >/dev/null || fail "venv"
	printf 'myenv\n' >"$T/both/.venv"
	"$PY" -m venv --without-pip "$T/both/sub/.venv" >/dev/null || fail "venv"
	start_shell WORKON_HOME="$FIX/envhome"
	run "cd $T/both" "vsw_dump first" "cd $T/both/sub/inner" "vsw_dump near"
	expect_env first VIRTUAL_ENV "$FIX/envhome/myenv"
	expect_env near VIRTUAL_ENV "$T/both/sub/.venv"
	mkdir -p "$T/home/.config/vswitch"
	printf '[search]\nsources = venv venvfile\n' >"$T/home/.config/vswitch/config.ini"
	run "cd $T" "cd $T/both" "vsw_dump swapped"
	expect_env swapped VIRTUAL_ENV "$T/both/venv"
}
