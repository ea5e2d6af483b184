# shellcheck shell=bash
# Issue 4: trust and hostile input, written once for bash, zsh and fish.
# Tests run as root, whom no permission stops and who owns what a test
# makes; so "not yours" is made with chown nobody or group/other write
# bits, and unreadable files with RUN_AS (the shell runs as nobody).

NOBODY=65534

# A venv folder as discovery sees one: pyvenv.cfg, and bin/activate
# naming where it is, as the tools write it (made here); bin/ls, if asked
# for, records that it ran.
mkfake() {
	mkdir -p "$1/bin"
	printf 'home = /usr/bin\n' >"$1/pyvenv.cfg"
	printf "VIRTUAL_ENV='%s'\n" "$1" >"$1/bin/activate"
	if [ -n "${2-}" ]; then
		printf '#!/bin/sh\necho ran >> %s\n' "$2" >"$1/bin/ls"
		chmod 755 "$1/bin/ls"
	fi
}

# How many lines on screen hold $1.
screen_count() {
	pane | grep -cF -- "$1"
}

# 1. A fresh clone that ships venv/bin/ls: a venv others can write, or
# one that belongs to someone else, is refused (ls stays /bin/ls), said
# once per entry, shown by status; 'vswitch allow' makes it work at once,
# and is advised only for what is the user's.
t_trust_clone_ships_ls() {
	local c=$T/clone g=$T/gclone
	mkdir -p "$c/src/deep" "$g/src"
	mkfake "$c/venv" "$T/ran"
	mkfake "$g/venv" "$T/ran"
	chown -R "$NOBODY" "$c/venv"
	chmod g+w "$g/venv/bin"
	start_shell
	run "cd $c/src" "$(l_to ls /dev/null)" "vsw_dump in" "cd deep" "cd .." "cd $c" \
		"$(l_to "vswitch status" "$T/d/status")"
	expect_unset in VIRTUAL_ENV
	[ -e "$T/ran" ] && fail "the clone's venv/bin/ls ran"
	# another user's: no advice to allow it
	expect_screen_has "vswitch: not activating '$c/venv': '$c/venv' belongs to uid $NOBODY, not to you"
	expect_screen_lacks "not to you; run 'vswitch allow'"
	[ "$(screen_count "not activating '$c/venv'")" -eq 1 ] ||
		fail "refusal said $(screen_count "not activating '$c/venv'") times, expected once"
	grep -q "^refused: *'$c/venv' belongs to uid $NOBODY" "$T/d/status" ||
		fail "status: $(cat "$T/d/status")"
	run "cd $g/src" "$(l_to ls /dev/null)" "vsw_dump g"
	expect_unset g VIRTUAL_ENV
	[ -e "$T/ran" ] && fail "the group-writable venv's bin/ls ran"
	expect_screen_has "not activating '$g/venv': '$g/venv/bin' is writable by its group"
	run "vswitch allow" "vsw_dump allowed"
	expect_env allowed VIRTUAL_ENV "$g/venv"
	expect_screen_has "vswitch: allowed '$g/venv'"
	expect_prompt "(gclone) $(plain_prompt)"
	# leaving and coming back: still allowed, and the other is refused
	# again, once, on entering
	run "cd $T" "cd $g" "vsw_dump back" "cd $c/src/deep"
	expect_env back VIRTUAL_ENV "$g/venv"
	[ "$(screen_count "not activating '$c/venv'")" -eq 2 ] ||
		fail "re-entering did not report the refusal again"
}

# 2. A .venvrc that names a path needs allow; editing it withdraws
# trust; deny blocks and deactivates; one naming an env home env is used
# at once; one others can write is refused.
t_trust_venvrc() {
	local p=$T/proj h=$T/envhome
	mkdir -p "$p/sub" "$h"
	mkfake "$p/env"
	mkfake "$h/named"
	printf 'env = ./env\n' >"$p/.venvrc"
	start_shell WORKON_HOME="$h"
	run "cd $p/sub" "vsw_dump refused"
	expect_unset refused VIRTUAL_ENV
	expect_screen_has "not activating '$p/env': '$p/.venvrc' names a path, not an env home name; run 'vswitch allow' to trust it"
	run "vswitch allow" "vsw_dump allowed"
	expect_env allowed VIRTUAL_ENV "$p/env"
	printf 'env = ./env\nprompt = edited\n' >"$p/.venvrc"
	run "cd $T" "cd $p/sub" "vsw_dump edited"
	expect_unset edited VIRTUAL_ENV
	expect_screen_has "'$p/.venvrc' changed since it was allowed"
	run "vswitch allow .." "vsw_dump reallowed"
	expect_env reallowed VIRTUAL_ENV_PROMPT edited
	run "vswitch deny" "vsw_dump denied" "$(l_to "vswitch status" "$T/d/status")"
	expect_unset denied VIRTUAL_ENV
	expect_screen_has "vswitch: denied '$p/.venvrc'"
	grep -q "denied with 'vswitch deny'" "$T/d/status" || fail "status: $(cat "$T/d/status")"
	printf 'env = named\n' >"$p/.venvrc"
	run "cd $T" "cd $p" "vsw_dump named"
	expect_unset named VIRTUAL_ENV		# a deny holds whatever the content
	run "vswitch allow" "vsw_dump named2"
	expect_env named2 VIRTUAL_ENV "$h/named"
	mkdir -p "$T/other"
	printf 'env = named\n' >"$T/other/.venvrc"
	run "cd $T/other" "vsw_dump home"
	expect_env home VIRTUAL_ENV "$h/named"
	chmod o+w "$T/other/.venvrc"
	run "cd $T" "cd $T/other" "vsw_dump ow"
	expect_unset ow VIRTUAL_ENV
	expect_screen_has "ignoring '$T/other/.venvrc': it is writable by others"
}

# 3. mode = strict asks allow even for your own venv; mode = all takes a
# venv others can write.
t_trust_modes() {
	local cfg=$T/home/.config/vswitch/config.ini
	mkdir -p "${cfg%/*}" "$T/own" "$T/shared"
	mkfake "$T/own/venv"
	mkfake "$T/shared/venv"
	chmod o+w "$T/shared/venv"
	printf '[trust]\nmode = strict\n' >"$cfg"
	start_shell
	run "cd $T/own" "vsw_dump strict"
	expect_unset strict VIRTUAL_ENV
	expect_screen_has "trust mode is 'strict' and it is not allowed yet"
	run "vswitch allow" "vsw_dump strict_allowed"
	expect_env strict_allowed VIRTUAL_ENV "$T/own/venv"
	printf '[trust]\nmode = all\n' >"$cfg"
	run "cd $T/shared" "vsw_dump all"
	expect_env all VIRTUAL_ENV "$T/shared/venv"
}

# 4. Hostile config and .venvrc: syntax errors, unknown keys, a bad
# regex, an over-long line, binary junk, NUL bytes; a .venvrc that is a
# symlink loop, one that is a directory. Each is one line on stderr
# naming file and line, and the shell goes on.
t_hostile_files() {
	local cfg=$T/home/.config/vswitch/config.ini p=$T/junk
	mkdir -p "${cfg%/*}" "$p/sub" "$T/loop/sub" "$T/dirrc/.venvrc" "$T/good"
	mkfake "$T/good/venv"
	mkfake "$p/venv"
	mkfake "$T/dirrc/venv"
	{
		printf '[search]\nnames = venv\nbogus key here\n[nosuch]\nx = 1\n'
		printf '[search]\nignore = (unclosed\ncolour = blue\n'
		printf 'names = %0300d\n' 0
		printf '\x01\x02\xff\xfe\x00junk\n[\n'
	} >"$cfg"
	{
		printf 'env = ./venv\nwhat = ever\n[sec]\nenv = x\n'
		printf '\x00\x01binary\xff\n'
		printf 'prompt = %0400d\n' 0
	} >"$p/.venvrc"
	ln -s .venvrc "$T/loop/.venvrc"
	start_shell
	run "cd $T/good" "vsw_dump good" "cd $p/sub" "vsw_dump junk" \
		"cd $T/loop/sub" "vsw_dump loop" "cd $T/dirrc" "vsw_dump dirrc" \
		"cd $T" "vsw_dump out"
	expect_env good VIRTUAL_ENV "$T/good/venv"
	expect_screen_has "vswitch: $cfg:3: syntax error"
	expect_screen_has "vswitch: $cfg:5: unknown section"
	expect_screen_has "vswitch: $cfg:7: ignore: bad regex"
	expect_screen_has "vswitch: $cfg:8: unknown key"
	expect_screen_has "vswitch: $cfg:9: line longer than"
	# five problems are shown, then how many more; once, though the
	# binary ran at each cd
	expect_screen_has "vswitch: $cfg: ... and 2 more problems"
	expect_screen_count 1 "vswitch: $cfg:3: syntax error"
	expect_screen_has "vswitch: $p/.venvrc:2: unknown key"
	expect_screen_has "vswitch: $p/.venvrc:4: keys belong at the top"
	expect_screen_has "vswitch: $p/.venvrc:6: line longer than"
	# the path in the junk .venvrc still needs allow
	expect_unset junk VIRTUAL_ENV
	expect_screen_has "vswitch: cannot read '$T/loop/.venvrc': Too many levels of symbolic links"
	expect_unset loop VIRTUAL_ENV
	expect_env dirrc VIRTUAL_ENV "$T/dirrc/venv"
	expect_unset out VIRTUAL_ENV
	expect_screen_lacks "Segmentation"
	# every message is one line starting "vswitch: ": read from the
	# binary's own stderr, as on screen type-ahead echo can share its line
	local d
	for d in "$T/good" "$p/sub" "$T/loop/sub" "$T/dirrc"; do
		(cd "$d" && env -i HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" \
			XDG_DATA_HOME="$T/home/.local/share" PATH=/usr/bin:/bin PWD="$d" \
			"$VSW" export "$SH" >/dev/null 2>>"$T/d/stderr")
	done
	[ "$(grep -c '^vswitch: ' "$T/d/stderr")" -ge 9 ] ||
		fail "expected the config's messages again: $(head -3 "$T/d/stderr")"
	if grep -v '^vswitch: ' "$T/d/stderr" | grep -q .; then
		fail "a message is not one 'vswitch: ' line:"
		grep -v '^vswitch: ' "$T/d/stderr" | head -3 | sed 's/^/    | /'
	fi
}

# 5. As a user whom permissions stop: an unreadable config and .venvrc,
# a venv folder that cannot be entered, a symlink-loop venv.
t_hostile_permissions() {
	local cfg=$T/home/.config/vswitch/config.ini
	mkdir -p "${cfg%/*}" "$T/rc" "$T/closed/sub" "$T/loopv/sub" "$T/good"
	printf '[trust]\nmode = owner\n' >"$cfg"
	printf 'env = x\n' >"$T/rc/.venvrc"
	mkfake "$T/closed/venv"
	mkfake "$T/good/venv"
	ln -s venv "$T/loopv/.venv"
	ln -s .venv "$T/loopv/venv"
	# shellcheck disable=SC2034 # read by start_shell in lib.sh
	RUN_AS=$NOBODY
	start_shell
	chmod 000 "$cfg" "$T/rc/.venvrc" "$T/closed/venv"
	run "cd $T/good" "vsw_dump good" "cd $T/rc" "vsw_dump rc" \
		"cd $T/closed/sub" "vsw_dump closed" "cd $T/loopv/sub" "vsw_dump loop" \
		"cd $T/good" "vsw_dump good2"
	expect_env good VIRTUAL_ENV "$T/good/venv"
	expect_screen_has "vswitch: cannot read '$cfg': Permission denied"
	expect_screen_has "vswitch: cannot read '$T/rc/.venvrc': Permission denied"
	expect_unset rc VIRTUAL_ENV
	expect_screen_has "vswitch: not activating '$T/closed/venv': cannot look into it: Permission denied"
	expect_unset closed VIRTUAL_ENV
	expect_screen_has "vswitch: not activating '$T/loopv/venv': cannot look into it: Too many levels of symbolic links"
	expect_unset loop VIRTUAL_ENV
	expect_env good2 VIRTUAL_ENV "$T/good/venv"
}

# 6. The working directory is deleted; allow and status there say so in
# one line.
t_hostile_deleted_cwd() {
	local p=$T/gone
	mkdir -p "$p/sub"
	mkfake "$p/venv"
	start_shell
	run "cd $p/sub" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$p/venv"
	rm -rf "$p"
	if sh_has gone_cwd_runs_nothing; then
		run "cd $T" "vsw_dump out"
		expect_unset out VIRTUAL_ENV
		skip "$SH runs no command in a folder that is gone; leaving it was checked"
		return
	fi
	run "cd ." "vswitch allow" "$(l_to "vswitch status" "$T/d/status")" "vsw_dump gone" \
		"cd $T" "vsw_dump out"
	expect_screen_has "vswitch: '$p/sub' is not a directory: No such file or directory"
	grep -q "^directory: $p/sub" "$T/d/status" || fail "status: $(cat "$T/d/status")"
	expect_unset out VIRTUAL_ENV
	expect_screen_lacks "Segmentation"
}

# 7. Paths near and past PATH_MAX: the project's env is found from a
# directory 4000 bytes deep and from one past 4096, and leaving restores.
t_hostile_long_paths() {
	local top=$T/long comp i n=0
	comp=$(printf 'd%.0s' $(seq 1 200))
	mkdir -p "$top"
	mkfake "$top/venv"
	: >"$T/p/long"
	# made with relative mkdirs, as no single path may pass PATH_MAX
	(
		cd "$top" || exit 1
		for i in $(seq 1 24); do
			mkdir "$comp" && cd "$comp" || exit 1
			echo "$comp" >>"$T/p/long"
		done
	)
	start_shell
	run "cd $T" "vsw_dump before" "cd $top" "vsw_cdrel long" "vsw_dump deep"
	expect_env deep VIRTUAL_ENV "$top/venv"
	# a shell that changes directory by absolute path stops short of
	# PATH_MAX; others go past it
	local min=3800
	sh_has long_paths && min=4097
	n=$("$E2E_DIR/envtool.py" get "$T/d/deep" PWD | wc -c)
	[ "$n" -ge "$min" ] || fail "PWD is only $n bytes"
	run "cd $T" "vsw_dump after"
	expect_same_env before after
	expect_screen_lacks "Segmentation"
}

# 8. PATH empty, or with empty entries: kept exactly around an env.
t_hostile_path_values() {
	mkdir -p "$T/p1"
	mkfake "$T/p1/venv"
	start_shell PATH=":/usr/bin::/bin:"
	run "cd $T" "vsw_dump before" "cd $T/p1" "vsw_dump in" "cd $T" "vsw_dump after"
	expect_env in VIRTUAL_ENV "$T/p1/venv"
	case $(env_of in PATH) in
	"$T/p1/venv/bin:"*) ;;
	*) fail "PATH in: $(env_of in PATH)" ;;
	esac
	expect_same_env before after
	run "$(l_set_path '')" "cd $T" "vsw_dump before2" "cd $T/p1" "vsw_dump in2" \
		"cd $T" "vsw_dump after2"
	expect_env in2 VIRTUAL_ENV "$T/p1/venv"
	expect_env in2 PATH "$T/p1/venv/bin"
	expect_same_env before2 after2
}

# 9. The state variable edited by hand into garbage: treated as no state.
t_hostile_state() {
	mkdir -p "$T/p2"
	mkfake "$T/p2/venv"
	local garbage=$'1:a:%zz\x01garbage:::::::\xff'
	# a shell that holds only UTF-8 does not start with the \xff
	[ "$(sh_holds)" = utf8 ] && garbage=${garbage%$'\xff'}
	start_shell VSWITCH_STATE="$garbage"
	run "cd $T/p2" "vsw_dump in" "$(l_to "vswitch status" "$T/d/status")" "cd $T" "vsw_dump out"
	expect_env in VIRTUAL_ENV "$T/p2/venv"
	expect_unset out VIRTUAL_ENV
	expect_unset out VSWITCH_STATE
	grep -q 'malformed' "$T/d/status" && fail "the hook did not drop the garbage state"
	stop_shell
	start_shell VSWITCH_STATE='1:a:::-::relative/refused'
	run "vsw_dump start" "cd $T/p2" "vsw_dump in2"
	expect_unset start VSWITCH_STATE
	expect_env in2 VIRTUAL_ENV "$T/p2/venv"
	VSWITCH_STATE=$'\x01\xff:::' "$VSW" status 2>&1 | grep -q 'is malformed; treated as empty' ||
		fail "status does not call a garbage state malformed"
	expect_screen_lacks "Segmentation"
}

# 10. An env home with thousands of entries and odd names: a .venvrc
# naming one with quotes, $(...), blanks and a leading '-' gets it.
t_hostile_envhome() {
	local h=$T/envhome odd="-it's \$(touch \$FIX_PWNED) \`x\` %n! \\w"
	mkdir -p "$h" "$T/proj"
	"$PY" - "$h" <<'PY'
import os, sys
h = sys.argv[1]
for i in range(3000):
    name = "env%04d" % i if i % 3 else "odd\n%d 'q' $(x) \xff-%d" % (i, i)
    d = os.path.join(os.fsencode(h), os.fsencode(name) if i % 3 else name.encode("latin-1"))
    os.mkdir(d)
    if i % 2:
        os.mkdir(os.path.join(d, b"bin"))
        open(os.path.join(d, b"pyvenv.cfg"), "w").write("home = /usr/bin\n")
PY
	mkfake "$h/$odd"
	printf 'env = %s\n' "$odd" >"$T/proj/.venvrc"
	start_shell WORKON_HOME="$h" FIX_PWNED="$FIX_PWNED"
	run "cd $T/proj" "vsw_dump in" "$(l_to "vswitch status" "$T/d/status")" "cd $T" "vsw_dump out"
	expect_unset out VIRTUAL_ENV
	if sh_refuses "$h/$odd"; then
		expect_unset in VIRTUAL_ENV
		expect_screen_has "vswitch: not activating '$h/$odd'"
		return
	fi
	expect_env in VIRTUAL_ENV "$h/$odd"
	expect_env in VIRTUAL_ENV_PROMPT "$odd"
}

# 11. Round-trip property: 500 random byte strings as project paths and
# labels, through the real shell (batch, non-interactive), read back
# byte-exact from a child's environment and from the drawn prompt;
# nothing runs. E2E_SEED repeats a run.
t_roundtrip_property() {
	local out
	"$E2E_DIR/roundtrip.py" make "$T" 500 "$E2E_SEED" "$(sh_holds)" || { fail "cannot make the projects"; return; }
	sh_roundtrip 500 "$T" "$VSW" >"$T/script"
	# shellcheck disable=SC2046 # the command's words
	env -i HOME="$T/home" PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=dumb \
		XDG_DATA_HOME="$T/home/.local/share" $(sh_batch_cmd) "$T/script" \
		</dev/null 2>"$T/stderr"
	# a shell that draws no prompt in a batch script has its prompts
	# checked on screen by the other scenarios
	local what=inout
	sh_has prompt_in_batch && what=all
	out=$("$E2E_DIR/roundtrip.py" check "$T" 500 $what "$(sh_prompt) " "$(sh_refused_bytes)") ||
		fail "seed $E2E_SEED:
$out"
	# the refusals of what PATH or the shell cannot hold
	if grep -v -e "holds ':'" -e "cannot hold" "$T/stderr" | grep -q .; then
		fail "seed $E2E_SEED: unexpected messages: $(grep -v -e "holds ':'" -e "cannot hold" "$T/stderr" | head -3)"
	fi
}

# 11b. The same, fewer, through the interactive shell in tmux.
t_roundtrip_interactive() {
	local out i
	"$E2E_DIR/roundtrip.py" make "$T" 25 "$E2E_SEED" "$(sh_holds)" || { fail "cannot make the projects"; return; }
	start_shell
	run "cd $T/neutral" "vsw_dump before"
	for i in $(seq 0 24); do
		run "vsw_cdp rt$i" "vsw_dump rt$i.in" "cd $T/neutral" "vsw_dump rt$i.out"
	done
	out=$("$E2E_DIR/roundtrip.py" check "$T" 25 inout "$(sh_prompt) " "$(sh_refused_bytes)") ||
		fail "seed $E2E_SEED:
$out"
}
