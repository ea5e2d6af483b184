# shellcheck shell=bash disable=SC2016,SC2034
# Safe by default: what arrives with a folder, or in the environment,
# runs nothing and draws nothing until the user says so. Where ownership
# matters the shell runs as a user whom permissions stop (RUN_AS), with
# what it uses made for that user.

NOBODY=65534

CTL_LABEL=$'\e]0;owned\a\e]52;c;b3duZWQ=\a\xc2\x9b2J'

# A label with terminal controls (window title, clipboard write) from a
# venv's pyvenv.cfg: the prompt shows them as text and the terminal
# obeys none; VIRTUAL_ENV_PROMPT keeps the label exact.
t_safety_label_controls() {
	local p=$T/ctl
	mkdir -p "$p"
	"$PY" -m venv --without-pip --prompt "$CTL_LABEL" "$p/venv" >/dev/null
	start_shell
	run "cd $p" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$p/venv"
	expect_ctl_label in
}

# VIRTUAL_ENV_PROMPT in dump $1 is CTL_LABEL exactly, the prompt shows
# its controls escaped, and the terminal obeyed none.
expect_ctl_label() {
	expect_env "$1" VIRTUAL_ENV_PROMPT "$CTL_LABEL"
	expect_prompt '(\x1b]0;owned\x07\x1b]52;c;b3duZWQ=\x07\u009b2J) '"$(plain_prompt)"
	[ "$(tmux -L "$SOCK" display-message -p -t t '#{pane_title}')" != owned ] ||
		fail "the label set the window title"
}

# The same label from a .venvrc's prompt = (its env named in the env
# home, so used with no allow).
t_safety_venvrc_label_controls() {
	local p=$T/ctlrc
	mkdir -p "$p" "$T/home/.virtualenvs"
	mkvenv "$T/home/.virtualenvs/ctlenv"
	printf 'env = ctlenv\nprompt = %s\n' "$CTL_LABEL" >"$p/.venvrc"
	start_shell
	run "cd $p" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$T/home/.virtualenvs/ctlenv"
	expect_ctl_label in
}

# The hook records the binary by the path it was invoked by, links
# unresolved: an upgrade that points the link at a new file (Homebrew,
# stow, nix) and removes the old one leaves the hook working, with no
# copy of the binary on PATH.
t_safety_binary_via_link() {
	mkdir -p "$T/cellar/1" "$T/cellar/2" "$T/bin" "$T/p"
	cp "$VSW" "$T/cellar/1/vswitch"
	ln -s ../cellar/1/vswitch "$T/bin/vswitch"
	mkvenv "$T/p/venv"
	RC_POST=$(l_load_hook "$T/bin/vswitch")
	start_shell
	cp "$VSW" "$T/cellar/2/vswitch"
	ln -sfn ../cellar/2/vswitch "$T/bin/vswitch"
	rm -r "$T/cellar/1"
	run "cd $T/p" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$T/p/venv"
	expect_screen_lacks "No such file"
}

# The way to an env: a folder above it that others can write, or a link
# on the way that another user owns, could swap the env after vswitch
# looked; such an env is refused, with no advice to allow another's. An
# env reached by a link through safe folders goes on PATH resolved.
t_safety_way_to_env() {
	local h=$T/home/.virtualenvs
	mkdir -p "$T/open/proj/sub" "$T/p2" "$T/p3" "$T/atk" "$h"
	printf 'env = viaatk\n' >"$T/p2/.venvrc"
	printf 'env = good\n' >"$T/p3/.venvrc"
	RUN_AS=$NOBODY
	start_shell
	# made after start_shell, so they stay root's and another user's
	mkvenv "$T/rootvenv"
	mkvenv "$T/open/proj/venv"
	chown -R "$NOBODY:$NOBODY" "$T/open/proj"
	chmod 777 "$T/open"
	ln -s "$T/rootvenv" "$T/atk/env"
	chown -h 1:1 "$T/atk/env"
	chown 1:1 "$T/atk"
	ln -s "$T/atk/env" "$h/viaatk"
	ln -s "$T/rootvenv" "$h/good"
	chown -h "$NOBODY:$NOBODY" "$h/viaatk" "$h/good"
	run "cd $T/open/proj/sub" "vsw_dump open" "cd $T/p2" "vsw_dump atk" \
		"cd $T/p3" "vsw_dump good"
	expect_unset open VIRTUAL_ENV
	expect_screen_has "vswitch: not activating '$T/open/proj/venv': '$T/open' is writable by others; run 'vswitch allow' to trust it"
	expect_unset atk VIRTUAL_ENV
	expect_screen_has "vswitch: not activating '$h/viaatk': '$T/atk' belongs to uid 1, not to you"
	expect_screen_lacks "not to you; run"
	expect_env good VIRTUAL_ENV "$T/rootvenv"
	expect_env good VIRTUAL_ENV_PROMPT good
	case $(env_of good PATH) in
	"$T/rootvenv/bin:"*) ;;
	*) fail "PATH does not start with the env's real bin: $(env_of good PATH)" ;;
	esac
}

# A state inherited from another user (sudo -E, su -m) is not acted
# on: the env it names leaves PATH at the first prompt, with one line
# saying why, though the env is a good one; the older format names no
# user, and its env '$T/x:.' never puts ./bin on PATH.
t_safety_state_of_another_user() {
	local x=$T/x plain=/usr/local/bin:/usr/bin:/bin
	mkdir -p "$T/p" "$T/home/bin"
	mkfake "$x" "$T/ran"
	mkfake "$T/p/venv"
	printf '#!/bin/sh\necho ran >> %s\n' "$T/ran" >"$T/home/bin/ls"
	chmod 755 "$T/home/bin/ls"
	RUN_AS=$NOBODY
	start_shell VSWITCH_STATE="2:0:u:$x::-:x::" VIRTUAL_ENV="$x" PATH="$x/bin:$plain"
	run "vsw_dump start" "$(l_to ls /dev/null)" "cd $T/p" "vsw_dump in"
	case ":$(env_of start PATH):" in
	*":$x/bin:"*) fail "PATH keeps the other user's env: $(env_of start PATH)" ;;
	esac
	expect_unset start VIRTUAL_ENV
	expect_unset start VSWITCH_STATE
	expect_screen_count 1 "vswitch: ignoring \$VSWITCH_STATE: it was made by uid 0, not by you"
	expect_env in VIRTUAL_ENV "$T/p/venv"
	stop_shell
	start_shell VSWITCH_STATE="1:u:$x%3A.::-:l"
	run "vsw_dump old" "$(l_to ls /dev/null)"
	case ":$(env_of old PATH):" in
	*":./bin:"* | *":$x:"*) fail "PATH holds the state's env: $(env_of old PATH)" ;;
	esac
	expect_unset old VSWITCH_STATE
	[ -e "$T/ran" ] && fail "an ls from the inherited env ran"
}

# Another user's .venvrc of 1 MiB junk above the project is refused
# unread: one line on entering the project, none at each cd within,
# though the binary runs at each (the pyproject.toml in a/ makes it).
t_safety_foreign_venvrc_junk() {
	local top=$T/top
	mkdir -p "$top/proj/a/b"
	printf '[project]\nname = "a"\n' >"$top/proj/a/pyproject.toml"
	RUN_AS=$NOBODY
	start_shell
	# made after start_shell, so it stays root's
	yes 'junk, not key = value' | head -c 1048576 >"$top/.venvrc"
	chmod 644 "$top/.venvrc"
	run "cd $top/proj/a/b" "cd $top/proj" "cd a/b" "cd $top/proj" "cd a" "vsw_dump in"
	expect_unset in VIRTUAL_ENV
	expect_screen_has "vswitch: ignoring '$top/.venvrc': it belongs to uid 0, not to you"
	expect_screen_count 1 "$top/.venvrc"
}

# A config that is a FIFO, or /dev/zero: opened without blocking and
# read only when a regular file, so no cd hangs or spins; one line says
# so, once, and the defaults apply.
t_safety_config_not_regular() {
	local cfg=$T/home/.config/vswitch/config.ini
	mkdir -p "${cfg%/*}" "$T/p"
	mkfifo "$cfg"
	mkfake "$T/p/venv"
	start_shell
	run "cd $T/p" "vsw_dump fifo" "cd $T" "cd $T/p"
	expect_env fifo VIRTUAL_ENV "$T/p/venv"
	expect_screen_count 1 "vswitch: cannot read '$cfg': not a regular file"
	stop_shell
	start_shell VSWITCH_CONFIG=/dev/zero
	run "cd $T/p" "vsw_dump zero" "cd $T" "cd $T/p"
	expect_env zero VIRTUAL_ENV "$T/p/venv"
	expect_screen_count 1 "vswitch: cannot read '/dev/zero': not a regular file"
}

# A config over the 1 MiB cap is refused whole, with one line: its
# names = nosuch is not applied, the defaults are.
t_safety_config_over_cap() {
	local cfg=$T/home/.config/vswitch/config.ini
	mkdir -p "${cfg%/*}" "$T/p"
	mkfake "$T/p/venv"
	{
		printf '[search]\nnames = nosuch\n'
		yes '# padding' | head -c 1048576
	} >"$cfg"
	start_shell
	run "cd $T/p" "vsw_dump in" "cd $T" "cd $T/p"
	expect_env in VIRTUAL_ENV "$T/p/venv"
	expect_screen_count 1 "vswitch: cannot read '$cfg': larger than 1 MiB"
}

# A repo that ships venv/ with a bin/ls, cloned by the user (so it is
# theirs, mode 755): its bin/activate names where its author made it,
# so it waits for 'vswitch allow' and ls stays /bin/ls. A venv the user
# makes here is used at once.
t_safety_clone_ships_venv() {
	local src=$T/src
	mkdir -p "$src/venv/bin" "$src/app" "$T/work"
	printf 'home = /usr/bin\nversion = 3.11.2\n' >"$src/venv/pyvenv.cfg"
	printf 'VIRTUAL_ENV="/home/alice/proj/venv"\nexport VIRTUAL_ENV\n' >"$src/venv/bin/activate"
	printf '#!/bin/sh\necho ran >> %s\n' "$T/ran" >"$src/venv/bin/ls"
	chmod 755 "$src/venv/bin/ls"
	: >"$src/app/main.py"
	if ! { git -C "$src" init -q && git -C "$src" add -A &&
		git -C "$src" -c user.name=a -c user.email=a@a commit -qm init; }; then
		fail "git could not make the repo"
	fi
	RUN_AS=$NOBODY
	start_shell
	run "git clone -q $src $T/work/clone" "cd $T/work/clone/app" "$(l_to ls /dev/null)" \
		"vsw_dump in"
	expect_unset in VIRTUAL_ENV
	[ -e "$T/ran" ] && fail "the clone's venv/bin/ls ran"
	[ "$(stat -c %U "$T/work/clone/venv/bin/ls")" = "$(id -un "$NOBODY")" ] ||
		fail "the clone is not the user's"
	expect_screen_has "vswitch: not activating '$T/work/clone/venv': it was made at '/home/alice/proj/venv', not here (a copy, a clone or a moved folder); run 'vswitch allow' to trust it"
	run "vswitch allow" "vsw_dump allowed"
	expect_env allowed VIRTUAL_ENV "$T/work/clone/venv"
	run "cd $T/work" "mkdir mine" "/usr/bin/python3 -m venv --without-pip mine/venv" \
		"cd mine" "vsw_dump mine"
	expect_env mine VIRTUAL_ENV "$T/work/mine/venv"
}

# 5. A home that is not an absolute path is no home: what a repo ships
# under rel/ (an env home) is never used, and nothing is written below
# the folder the shell is in (no trust store, stamps or index).
t_safety_relative_home() {
	mkdir -p "$T/rh/sub"
	"$PY" -m venv --without-pip "$T/rh/rel/.virtualenvs/myenv" >/dev/null || fail "venv"
	printf 'env = myenv\n' >"$T/rh/.venvrc"
	find "$T/rh" | sort >"$T/before"
	start_shell
	run "$(l_set_var HOME rel)" "$(l_unset_var XDG_DATA_HOME)" \
		"$(l_unset_var XDG_CONFIG_HOME)" "cd $T/rh/sub" "vsw_dump in" \
		"vswitch allow" "cd $T/rh" "vsw_dump up"
	expect_unset in VIRTUAL_ENV
	expect_unset up VIRTUAL_ENV
	expect_screen_has "no env home to find its env in: HOME is not an absolute path"
	expect_screen_has "vswitch: no trust store: HOME is not an absolute path"
	find "$T/rh" | sort | diff "$T/before" - >"$T/new" || fail "written: $(grep '^>' "$T/new" | head -3)"
}

# virtualenv's envs, made here by the user, are used at once; the same
# env copied to another folder (cp -a: the user's, mode and all) names
# where it was made, and waits for 'vswitch allow' there.
t_safety_virtualenv_made_here() {
	"$PY" -c 'import virtualenv' 2>/dev/null || { fail "virtualenv not installed (make deps)"; return; }
	mkdir -p "$T/work/vmine/sub" "$T/work/vcopy"
	RUN_AS=$NOBODY
	start_shell
	run "cd $T/work" "$PY -m virtualenv -q --no-download --no-pip --no-setuptools --no-wheel vmine/venv" \
		"cd vmine/sub" "vsw_dump mine"
	expect_env mine VIRTUAL_ENV "$T/work/vmine/venv"
	[ "$(stat -c %U "$T/work/vmine/venv/pyvenv.cfg")" = "$(id -un "$NOBODY")" ] ||
		fail "the env is not the user's"
	cp -a "$T/work/vmine/venv" "$T/work/vcopy/venv"
	run "cd $T/work/vcopy" "vsw_dump copy"
	expect_unset copy VIRTUAL_ENV
	expect_screen_has "vswitch: not activating '$T/work/vcopy/venv': it was made at '$T/work/vmine/venv', not here (a copy, a clone or a moved folder); run 'vswitch allow' to trust it"
}
