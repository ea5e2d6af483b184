# shellcheck shell=bash disable=SC2016,SC2034
# The hooks: a cd that changes nothing starts no process, and nothing
# that changes the result goes stale; a venv made in the open folder;
# deactivate; and the user's habits and settings that used to break the
# shell.

# A project of our own under $T: a venv made by python, a subfolder;
# made a minute ago, as projects are, since a shell that can only read
# whole seconds of a file's time takes one from this very second for
# changed.
h_project() {
	mkdir -p "$T/$1/a/b"
	mkvenv "$T/$1/venv"
	find "$T/$1" -exec touch -h -d '1 minute ago' {} +
}

# The processes a cd that changes nothing starts: none, or one in a
# shell that cannot test a file's time without a process
# (cd_starts_binary), which runs the binary at each cd.
h_per_cd() {
	if sh_has cd_starts_binary; then echo 1; else echo 0; fi
}

# 1. Within a project and outside any project a cd starts no process,
# the first one after start-up too; entering or leaving starts one; an
# idle prompt none.
t_fast_process_counts() {
	mkdir -p "$T/out/x/y"
	h_project p
	STRACE=1
	start_shell
	local s_start=$NSYNC
	run "cd $T/out"
	local s0=$NSYNC
	[ "$(procs_between "$s_start" "$s0")" -eq "$(h_per_cd)" ] || fail "the first cd after start-up started $(procs_between "$s_start" "$s0") processes"
	run "cd $T/p/a"
	local s1=$NSYNC
	run "cd b" "cd .." "cd $T/p" "cd $T/p/a/b"
	local s2=$NSYNC
	run "cd $T/out/x"
	local s3=$NSYNC
	run "cd y" "cd $T/out" "cd x/y" "cd /"
	local s4=$NSYNC
	run "" "" ""
	local s5=$NSYNC
	[ "$(procs_between "$s0" "$s1")" -eq 1 ] || fail "entering started $(procs_between "$s0" "$s1") processes, not 1"
	[ "$(procs_between "$s1" "$s2")" -eq $((4 * $(h_per_cd))) ] || fail "4 cds within the project started $(procs_between "$s1" "$s2") processes"
	[ "$(procs_between "$s2" "$s3")" -eq 1 ] || fail "leaving started $(procs_between "$s2" "$s3") processes, not 1"
	[ "$(procs_between "$s3" "$s4")" -eq $((4 * $(h_per_cd))) ] || fail "4 cds outside any project started $(procs_between "$s3" "$s4") processes"
	[ "$(procs_between "$s4" "$s5")" -eq 0 ] || fail "3 idle prompts started $(procs_between "$s4" "$s5") processes"
	run "cd $T/p/a/b" "vsw_dump in" "cd $T/p/a" "vsw_dump in2"
	expect_env in VIRTUAL_ENV "$T/p/venv"
	expect_env in2 VIRTUAL_ENV "$T/p/venv"
	expect_prompt "(p) $(plain_prompt)"
}

# 2. What the fast path must not miss, at the next cd inside the
# project: an edited .venvrc, a deny given in another shell, a deleted
# pyvenv.cfg and one put back, an allow given elsewhere.
t_fast_nothing_stale() {
	local h=$FIX/envhome
	mkdir -p "$T/rc/sub"
	printf 'env = myenv\n' >"$T/rc/.venvrc"
	h_project q
	h_project r
	start_shell WORKON_HOME="$h"
	run "cd $T/rc/sub" "vsw_dump one"
	expect_env one VIRTUAL_ENV "$h/myenv"
	printf 'env = other\n' >"$T/rc/.venvrc"
	run "cd .." "vsw_dump two"
	expect_env two VIRTUAL_ENV "$h/other"
	# deny from another process, as another shell would
	run "cd $T/q/a" "vsw_dump q1"
	expect_env q1 VIRTUAL_ENV "$T/q/venv"
	(cd "$T/q" && env -i HOME="$T/home" PATH=/usr/bin:/bin PWD="$T/q" \
		XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share" \
		"$VSW" deny 2>/dev/null)
	run "cd b" "vsw_dump q2"
	expect_unset q2 VIRTUAL_ENV
	# and allow, again from elsewhere
	(cd "$T/q" && env -i HOME="$T/home" PATH=/usr/bin:/bin PWD="$T/q" \
		XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share" \
		"$VSW" allow 2>/dev/null)
	run "cd .." "vsw_dump q3"
	expect_env q3 VIRTUAL_ENV "$T/q/venv"
	# a venv that stops being one
	run "cd $T/r/a" "vsw_dump r1"
	expect_env r1 VIRTUAL_ENV "$T/r/venv"
	mv "$T/r/venv/pyvenv.cfg" "$T/r/cfg"
	run "cd b" "vsw_dump r2"
	expect_unset r2 VIRTUAL_ENV
	expect_prompt "$(plain_prompt)"
	# and that becomes one again
	mv "$T/r/cfg" "$T/r/venv/pyvenv.cfg"
	run "cd .." "vsw_dump r3"
	expect_env r3 VIRTUAL_ENV "$T/r/venv"
}

# 2b. A project inside another whose entry has a name that comes first
# in the list (.venvrc outside, venv inside): the nearest folder is the
# inner one, so leaving it for a sibling switches to the outer env. The
# same below a folder whose name holds a newline.
t_fast_nested_projects() {
	local h=$FIX/envhome b i=0
	local -a bases=(o "n"$'\n'"l/o")
	for b in "${bases[@]}"; do
		h_project "$b/in"
		mkdir -p "$T/$b/x"
		printf 'env = myenv\n' >"$T/$b/.venvrc"
		# older than any stamp: only the walk can tell the folders apart
		touch -d '1 minute ago' "$T/$b/.venvrc" "$T/$b/x" "$T/$b"
	done
	start_shell WORKON_HOME="$h"
	for b in "${bases[@]}"; do
		i=$((i + 1))
		put_path "in$i" "$T/$b/in/a"
		put_path "out$i" "$T/$b/x"
		put_path "back$i" "$T/$b/in/a/b"
		run "vsw_cdp in$i" "vsw_dump in$i"
		expect_env "in$i" VIRTUAL_ENV "$T/$b/in/venv"
		run "vsw_cdp out$i" "vsw_dump out$i"
		expect_env "out$i" VIRTUAL_ENV "$h/myenv"
		run "vsw_cdp back$i" "vsw_dump back$i"
		expect_env "back$i" VIRTUAL_ENV "$T/$b/in/venv"
	done
}

# 3. A mode change alone (chmod) changes no file time a shell's builtins
# can test: it is seen when the project is next entered.
t_fast_mode_change_on_entry() {
	h_project m
	mkdir -p "$T/out"
	start_shell
	run "cd $T/m" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$T/m/venv"
	chmod g+w "$T/m/venv/bin"
	run "cd $T/out" "cd $T/m/a" "vsw_dump again"
	expect_unset again VIRTUAL_ENV
	expect_screen_has "'$T/m/venv/bin' is writable by its group"
}

# 4. A venv made in the open folder is used at the next prompt, with no
# cd; removed, it is left at the next prompt.
t_venv_made_in_open_folder() {
	mkdir -p "$T/new"
	start_shell
	run "cd $T/new" "vsw_dump before"
	run "$PY -m venv --without-pip venv" "vsw_dump made"
	expect_env made VIRTUAL_ENV "$T/new/venv"
	expect_prompt "(new) $(plain_prompt)"
	run "rm -rf venv" "vsw_dump gone"
	expect_same_env before gone
	expect_prompt "$(plain_prompt)"
}

# 5. The names the hook tests come from the binary: a renamed rcfile and
# venv folder names work, and the fast path follows them.
t_fast_follows_config_names() {
	mkdir -p "$T/home/.config/vswitch" "$T/q/deep"
	printf '[search]\nnames = env\nrcfile = .projrc\n' >"$T/home/.config/vswitch/config.ini"
	mkdir -p "$T/p/x"
	mkvenv "$T/p/env"
	mkvenv "$T/p/venv"
	find "$T/p" "$T/home/.config" -exec touch -h -d '1 minute ago' {} +
	STRACE=1
	start_shell WORKON_HOME="$FIX/envhome"
	run "cd $T/p/x" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$T/p/env"
	local s=$NSYNC
	run "cd .." "cd x"
	[ "$(procs_between "$s" "$NSYNC")" -eq $((2 * $(h_per_cd))) ] || fail "cds within a project of renamed names started processes"
	printf 'env = alpha\n' >"$T/q/.projrc"
	run "cd $T/q/deep" "vsw_dump q"
	expect_env q VIRTUAL_ENV "$FIX/envhome/alpha"
}

# 5b. Names changed in the config while the shell runs: a folder the
# walk knew to hold none of the old names is looked at again, so the
# env it holds under a new name is left as well as entered.
t_fast_names_change_mid_session() {
	mkdir -p "$T/a/x" "$T/o/x"
	mkvenv "$T/a/env"
	find "$T/a" "$T/o" -exec touch -h -d '1 minute ago' {} +
	start_shell
	run "cd $T/a/x" "cd $T/o/x" "cd $T/a/x" "vsw_dump old"
	expect_unset old VIRTUAL_ENV
	mkdir -p "$T/home/.config/vswitch"
	printf '[search]\nnames = env\n' >"$T/home/.config/vswitch/config.ini"
	run "cd $T/a" "vsw_dump new" "cd $T/o/x" "vsw_dump left" "cd $T/a/x" "vsw_dump back"
	expect_env new VIRTUAL_ENV "$T/a/env"
	expect_unset left VIRTUAL_ENV
	expect_env back VIRTUAL_ENV "$T/a/env"
}

# 6. deactivate, while an env of ours is active, is vswitch off: off
# inside the project, until it is left; no deactivate otherwise.
t_deactivate_is_off() {
	start_shell
	run "cd $FIX/w/plain" "vsw_dump before" "$(l_is_function deactivate f0)"
	run "cd $FIX/w/proj/a" "$(l_is_function deactivate f1)" "deactivate" "vsw_dump off" \
		"cd b" "vsw_dump still"
	expect_file f0 no
	expect_file f1 yes
	expect_unset off VIRTUAL_ENV
	expect_unset still VIRTUAL_ENV
	expect_env off PATH "$(env_of before PATH)"
	run "$(l_is_function deactivate f2)" "cd $FIX/w/plain" "cd $FIX/w/proj" "vsw_dump back"
	expect_file f2 no
	expect_env back VIRTUAL_ENV "$FIX/w/proj/venv"
}

# 7. An activate script sourced over our env has the shell to itself
# (its label only), and its deactivate gives ours back exactly.
t_hand_activation_over_ours() {
	local h=$FIX/w/hand/env
	[ -e "$h/bin/$(l_activate_file)" ] || { skip "python's venv makes no activate script for this shell"; return; }
	start_shell
	# Python's activate exports PS1 and its deactivate leaves it so: a
	# round in a plain folder first, so that the dumps compare the rest
	run "cd $FIX/w/plain" "$(l_activate "$h")" "deactivate"
	run "cd $FIX/w/proj/a" "vsw_dump ours"
	run "$(l_activate "$h")" "vsw_dump hand"
	expect_env hand VIRTUAL_ENV "$h"
	expect_prompt "(env) $(plain_prompt)"
	run "deactivate" "vsw_dump back"
	expect_same_env ours back
	expect_prompt "(proj) $(plain_prompt)"
	run "deactivate" "vsw_dump off"
	expect_unset off VIRTUAL_ENV
	expect_screen_lacks "Unknown command"
	expect_screen_lacks "call stack"
}

# 8. VIRTUAL_ENV set and unset by something else (pyenv-virtualenv's own
# hook, a script): the next prompt follows, with no cd.
t_virtual_env_changed_under_us() {
	start_shell
	run "$(l_set_var VIRTUAL_ENV "$FIX/w/hand/env")" "cd $FIX/w/proj" "vsw_dump hand"
	expect_env hand VIRTUAL_ENV "$FIX/w/hand/env"
	run "$(l_unset_var VIRTUAL_ENV)" "vsw_dump ours"
	expect_env ours VIRTUAL_ENV "$FIX/w/proj/venv"
}

# 9. The shell's own error settings: a failed test under set -e (zsh
# ERR_EXIT) neither ends the shell nor fires the ERR trap for the hook,
# and activation still works.
t_errexit_and_err_traps() {
	sh_has errexit || { skip "this shell has no errexit"; return; }
	RC_POST=$(l_errexit_with_trap)
	start_shell
	: >"$T/d/traps"
	run "[[ -f /nope ]] && echo x" "false && true" "cd $FIX/w/proj" "vsw_dump in" \
		"cd $FIX/w/plain" "vsw_dump out"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_unset out VIRTUAL_ENV
	[ ! -s "$T/d/traps" ] || fail "the ERR trap fired: $(tr '\n' ' ' <"$T/d/traps")"
}

# 10. Aliases and functions named like the builtins the hook uses change
# nothing, and the binary does not run at every prompt.
t_builtins_shadowed() {
	sh_has shadowed_builtins || { skip "no aliases or functions shadow this shell's builtins, or none can be called past them"; return; }
	RC_PRE=$(l_shadow_builtins)
	STRACE=1
	start_shell
	run "cd $FIX/w/proj" "vsw_dump in"
	local s=$NSYNC
	run "" ""
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	[ "$(procs_between "$s" "$NSYNC")" -eq 0 ] || fail "idle prompts started processes"
	expect_screen_lacks "SHADOWED"
}

# 11. Options set before the hook that used to drop the user's other
# hooks or to warn at every cd.
t_hostile_options() {
	sh_has hostile_options || { skip "no such options in this shell"; return; }
	RC_PRE=$(l_hostile_options)
	RC_POST=$(l_load_hook "$VSW")
	start_shell
	run "cd $FIX/w/proj/a" "vsw_dump in" "$(l_hostile_options_want | head -n1)"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_file fns "$(l_hostile_options_want | tail -n1)"
	expect_screen_lacks "created globally"
	expect_screen_lacks "warning"
}

# 12. A shell that switches inside cd, pushd and popd: the rest of the
# line uses the new env; a cd of the user's own is kept, and the switch
# comes at the next prompt.
t_switch_inside_cd() {
	sh_has cd_wrappers || { skip "switches inside cd by itself, or only at the prompt"; return; }
	start_shell
	run "cd $FIX/w/proj && vsw_dump cd" "cd $FIX/w/plain"
	expect_env cd VIRTUAL_ENV "$FIX/w/proj/venv"
	if sh_has pushd; then
		run "pushd $FIX/w/proj2 >/dev/null && vsw_dump pushd" "popd >/dev/null && vsw_dump popd"
		expect_env pushd VIRTUAL_ENV "$FIX/w/proj2/.venv"
		expect_unset popd VIRTUAL_ENV
	fi
	stop_shell
	RC_PRE=$(l_user_cd)
	start_shell
	run "cd $FIX/w/proj && vsw_dump mine" "vsw_dump next"
	expect_unset mine VIRTUAL_ENV
	expect_env next VIRTUAL_ENV "$FIX/w/proj/venv"
}

# 13. A prompt hook loaded after ours that puts itself first (powerline
# and the like) reads VIRTUAL_ENV as it is now, not one command late.
t_prompt_hook_loaded_after() {
	sh_has prompt_command || { skip "prompt hooks run in no order that a later one can change, or the switch comes before them, inside cd"; return; }
	RC_POST=$(l_later_prompt_hook)
	start_shell
	: >"$T/d/seen"
	run "builtin cd $FIX/w/proj"
	[ "$(tail -n1 "$T/d/seen")" = "$FIX/w/proj/venv" ] ||
		fail "the later hook saw '$(tail -n1 "$T/d/seen")' at the first prompt in the project"
}

# 14. The binary moved after the shell loaded its hook (an upgrade
# through Homebrew, stow, nix): it is found on PATH again.
t_binary_moved() {
	mkdir -p "$T/b1" "$T/b2"
	cp "$VSW" "$T/b1/vswitch"
	cp "$VSW" "$T/b2/vswitch"
	RC_POST=$(l_load_hook "$T/b1/vswitch")
	start_shell
	rm "$T/b1/vswitch"
	run "$(l_prepend_path "$T/b2")" "cd $FIX/w/proj" "vsw_dump in" "$(l_to "vswitch status" "$T/d/status")"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	grep -q "^active: *$FIX/w/proj/venv" "$T/d/status" || fail "status: $(cat "$T/d/status")"
	expect_screen_lacks "No such file"
}

# 15. A script, or `SHELL -c`, that reads the same rc as an interactive
# shell keeps the environment it was given.
t_scripts_keep_env() {
	sh_has rc_in_scripts || { skip "scripts do not read the interactive rc"; return; }
	sh_write_rc
	sh_script "cd $FIX/w/proj; /usr/bin/env -0 > $T/d/script"
	expect_unset script VIRTUAL_ENV
}

# 16. A prompt that sets VIRTUAL_ENV_DISABLE_PROMPT itself (fish's sample
# prompts pythonista, disco and nim) shows no label, even the first time.
t_prompt_disabling_label() {
	sh_has prompt_function || { skip "the prompt is no function that could set it"; return; }
	RC_PRE=$(l_prompt_disabling_label)
	START_DIR=$FIX/w/proj
	start_shell
	expect_prompt "py>"
	run "vsw_dump in"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
}

# 17. Completion is found beside the binary when XDG_DATA_DIRS does not
# name its share/ (ssh and tty logins).
t_completion_beside_binary() {
	sh_has completion_path || { skip "completion is loaded by the rc file"; return; }
	make -s -C "$ROOT" install PREFIX="$T/prefix" >/dev/null || { fail "make install"; return; }
	RC_POST=$(l_load_hook "$T/prefix/bin/vswitch")
	start_shell
	sh_complete 'vswitch o' comp
	expect_file comp "$(printf 'off\non')"
}

# 18. A prompt the user made read-only, before the hook (zsh stops the
# rest of the code it evaluates at the first error, so what sets the
# state must come before the prompt): the env is activated all the
# same, leaving gives the environment back, and the shell keeps working.
t_readonly_prompt() {
	sh_has readonly_prompt || { skip "the prompt cannot be made read-only in this shell"; return; }
	RC_PRE=$(l_readonly_prompt)
	start_shell
	run "cd $FIX/w/plain" "vsw_dump before"
	run "cd $FIX/w/proj/a" "vsw_dump in" "cd $FIX/w/plain" "vsw_dump out" \
		"cd $FIX/w/proj2" "vsw_dump two" "cd $FIX/w/plain" "vsw_dump after"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_env in PATH "$FIX/w/proj/venv/bin:$(env_of before PATH)"
	expect_same_env before out
	expect_env two VIRTUAL_ENV "$FIX/w/proj2/.venv"
	expect_same_env before after
	expect_prompt "$(plain_prompt)"
	# the hook leaves the prompt alone, with no complaint at each prompt
	expect_screen_lacks "readonly variable"
	expect_screen_lacks "read-only variable"
}
