# shellcheck shell=bash disable=SC2016,SC2034
# Issue 2: automatic activation, written once for bash, zsh and fish.
# Every check reads what a child process saw (env -0 dumps, python's
# sys.prefix) or what the shell drew on screen.

# 1. Four levels below a project with venv/: env, PATH, python, label,
# prompt.
t_enter_deep() {
	local p=$FIX/w/proj
	start_shell
	run "cd $p/a/b/c/d" "vsw_dump in" "vsw_py py"
	expect_env in VIRTUAL_ENV "$p/venv"
	expect_env in VIRTUAL_ENV_PROMPT proj
	case $(env_of in PATH) in
	"$p/venv/bin:"*) ;;
	*) fail "PATH does not start with the env's bin: $(env_of in PATH)" ;;
	esac
	expect_file py "$p/venv"
	expect_prompt "(proj) $(plain_prompt)"
}

# 2. Leaving restores the environment byte for byte and the prompt.
t_leave_restores() {
	start_shell
	run "cd $FIX/w/plain" "vsw_dump before"
	run "cd $FIX/w/proj/a" "vsw_dump in" "cd $FIX/w/plain" "vsw_dump after"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_same_env before after
	expect_prompt "$(plain_prompt)"
}

# 3. Straight from one project (venv/) into another (.venv/).
t_switch_projects() {
	start_shell
	run "cd $FIX/w/plain" "vsw_dump before"
	run "cd $FIX/w/proj/a/b" "cd $FIX/w/proj2/src" "vsw_dump two" "vsw_py py"
	expect_env two VIRTUAL_ENV "$FIX/w/proj2/.venv"
	expect_env two VIRTUAL_ENV_PROMPT proj2
	expect_env two PATH "$FIX/w/proj2/.venv/bin:$(env_of before PATH)"
	expect_file py "$FIX/w/proj2/.venv"
	expect_prompt "(proj2) $(plain_prompt)"
	run "cd $FIX/w/plain" "vsw_dump after"
	expect_same_env before after
}

# 4. A project inside another has its own env; stepping out returns to
# the outer one.
t_nested_projects() {
	local o=$FIX/w/outer
	start_shell
	run "cd $o/side" "vsw_dump outer1" "cd $o/inner/x/y" "vsw_dump inner" \
		"cd $o" "vsw_dump outer2"
	expect_env outer1 VIRTUAL_ENV "$o/venv"
	expect_env inner VIRTUAL_ENV "$o/inner/venv"
	expect_env inner VIRTUAL_ENV_PROMPT inner
	expect_env outer2 VIRTUAL_ENV "$o/venv"
	expect_env outer2 PATH "$(env_of outer1 PATH)"
	expect_prompt "(outer) $(plain_prompt)"
}

# 5. The user's own PATH edit survives leaving; PYTHONHOME is set aside
# while active and comes back.
t_user_path_edit_and_pythonhome() {
	# a shell that is a Python program (python_program) does not start
	# with another Python's PYTHONHOME: only the PATH edit is checked
	if sh_has python_program; then
		start_shell
	else
		start_shell PYTHONHOME=/opt/pyhome
	fi
	run "cd $FIX/w/plain" "vsw_dump before"
	run "cd $FIX/w/proj" "vsw_dump in" "$(l_prepend_path /opt/x)" \
		"cd $FIX/w/plain" "vsw_dump after"
	expect_unset in PYTHONHOME
	expect_env after PATH "/opt/x:$(env_of before PATH)"
	expect_unset after VIRTUAL_ENV
	expect_unset after VIRTUAL_ENV_PROMPT
	if sh_has python_program; then
		skip "$SH, a Python program, does not start with another PYTHONHOME; the PATH edit was checked"
		return
	fi
	expect_env after PYTHONHOME /opt/pyhome
}

# 6. off holds inside the project, on resumes, leaving ends the off.
t_off_on() {
	local p=$FIX/w/proj
	start_shell
	run "cd $FIX/w/plain" "vsw_dump before"
	run "cd $p/a" "vswitch off" "vsw_dump off"
	expect_unset off VIRTUAL_ENV
	expect_unset off VIRTUAL_ENV_PROMPT
	expect_env off PATH "$(env_of before PATH)"
	expect_prompt "$(plain_prompt)"
	run "cd $p/a/b/c" "vsw_dump still_off" "vswitch on" "vsw_dump on"
	expect_unset still_off VIRTUAL_ENV
	expect_env on VIRTUAL_ENV "$p/venv"
	expect_prompt "(proj) $(plain_prompt)"
	run "vswitch off" "cd $FIX/w/plain" "cd $p/a" "vsw_dump back"
	expect_env back VIRTUAL_ENV "$p/venv"
	run "cd $FIX/w/plain" "vsw_dump after"
	expect_same_env before after
}

# 7. Awkward paths: the right env, exact bytes, nothing executed, neither
# on evaluation nor when the prompt is drawn.
t_hostile_paths() {
	hostile_names
	local i dir
	start_shell FIX_PWNED="$FIX_PWNED"
	run "cd $FIX/w/plain" "vsw_dump before"
	for i in "${!HOSTILE[@]}"; do
		dir=$FIX/h/$i/${HOSTILE[$i]}
		# a shell that holds only UTF-8 cannot even enter one that is not
		[ "$(sh_holds)" = utf8 ] && sh_refuses "$dir/venv" && continue
		put_path "$i" "$dir/deep"
		run "vsw_cdp $i" "vsw_dump in$i"
		if sh_refuses "$dir/venv"; then
			expect_unset "in$i" VIRTUAL_ENV
			expect_screen_has "vswitch: not activating '$dir/venv'"
			continue
		fi
		expect_env "in$i" VIRTUAL_ENV "$dir/venv"
		expect_env "in$i" VIRTUAL_ENV_PROMPT "${HOSTILE[$i]}"
		case $(env_of "in$i" PATH; echo x) in
		"$dir/venv/bin:"*) ;;
		*) fail "entry $i: PATH does not start with its bin" ;;
		esac
		case ${HOSTILE[$i]} in
		*$'\n'* | *$'\xff'*) ;;
		*) # drawn as written (zsh shows %/! once, having doubled them)
			expect_screen_has "(${HOSTILE[$i]}) $(plain_prompt)" ;;
		esac
	done
	run "cd $FIX/w/plain" "vsw_dump after"
	expect_same_env before after
}

# 7b. The same labels with the other prompt mode of each shell: bash
# with promptvars off, zsh with PROMPT_SUBST on.
t_hostile_labels_other_prompt_mode() {
	sh_has prompt_modes || { skip "the shell has one prompt mode"; return; }
	RC_PRE=$(l_other_prompt_mode)
	hostile_names
	local i
	start_shell FIX_PWNED="$FIX_PWNED"
	for i in "${!HOSTILE[@]}"; do
		put_path "$i" "$FIX/h/$i/${HOSTILE[$i]}"
		run "vsw_cdp $i" "vsw_dump in$i"
		expect_env "in$i" VIRTUAL_ENV_PROMPT "${HOSTILE[$i]}"
		case ${HOSTILE[$i]} in
		*$'\n'* | *$'\xff'*) ;;
		*) expect_screen_has "(${HOSTILE[$i]}) $(plain_prompt)" ;;
		esac
	done
	run "cd /"
	expect_prompt "$(plain_prompt)"
}

# 8. The user's own prompt handler runs and sees the status of their
# command; $? survives; nounset gives no errors; a second load of the
# hook changes nothing.
t_status_nounset_double_load() {
	RC_PRE=$(l_nounset)
	RC_POST=$(l_load_hook "$VSW")
	start_shell
	: >"$T/pc_status"
	run "cd $FIX/w/proj/a; $(l_false)" "vsw_status st1" "cd $FIX/w/plain; $(l_false)" \
		"vsw_status st2" "$(l_false)" "vsw_status st3" "vsw_dump out"
	expect_file st1 1
	expect_file st2 1
	expect_file st3 1
	# the user's handler saw 1 after each false, 0 after the others
	[ "$(grep -c '^1$' "$T/pc_status")" -eq 3 ] ||
		fail "user prompt handler statuses: $(tr '\n' ' ' <"$T/pc_status")"
	expect_screen_lacks "unbound"
	expect_screen_lacks "parameter not set"
	expect_screen_lacks "vswitch:"
	expect_unset out VIRTUAL_ENV
	run "$(l_registrations pc)"
	expect_file pc "$(l_registrations_want)"
}

# 9. A new interactive shell started from an active one (as a tmux split
# inherits the environment): prompt prefix, bin once, exact restore.
t_child_shell() {
	local p=$FIX/w/proj
	start_shell
	run "cd $FIX/w/plain" "vsw_dump before"
	run "cd $p/a" "$(sh_cmd)"
	expect_prompt "(proj) $(plain_prompt)"
	run "vsw_dump child"
	expect_env child VIRTUAL_ENV "$p/venv"
	[ "$(env_of child PATH | tr ':' '\n' | grep -cxF "$p/venv/bin")" -eq 1 ] ||
		fail "child PATH holds the env's bin not exactly once: $(env_of child PATH)"
	run "cd $FIX/w/plain" "vsw_dump child_out"
	expect_env child_out PATH "$(env_of before PATH)"
	expect_unset child_out VIRTUAL_ENV
	expect_prompt "$(plain_prompt)"
	run "exit"
	run "cd $FIX/w/plain" "vsw_dump parent_out"
	expect_same_env before parent_out
}

# 10. The project is deleted while the shell is inside it.
t_deleted_project() {
	local p=$T/gone
	mkdir -p "$p/sub"
	mkvenv "$p/venv"
	start_shell
	run "cd ~" "vsw_dump before"
	run "cd $p/sub" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$p/venv"
	rm -rf "$p"
	if sh_has gone_cwd_runs_nothing; then
		run "cd ~" "vsw_dump after"
		expect_same_env before after
		expect_prompt "$(plain_prompt)"
		skip "$SH runs no command in a folder that is gone; leaving it was checked"
		return
	fi
	run "true" "" "cd ." "cd .." "vsw_dump gone" "cd ~" "vsw_dump after"
	expect_same_env before after
	expect_screen_lacks "Segmentation"
	expect_prompt "$(plain_prompt)"
}

# 11. A config with a syntax error and a bad regex: each named by file
# and line, and activation still works with the rest.
t_broken_config() {
	local cfg=$T/home/.config/vswitch/config.ini
	mkdir -p "${cfg%/*}"
	printf '[search]\nnames = venv .venv\nthis line is not ini\nignore = (unclosed\nignore = /plain\n' >"$cfg"
	start_shell
	run "cd $FIX/w/proj/a" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_screen_has "vswitch: $cfg:3: syntax error"
	expect_screen_has "vswitch: $cfg:4: ignore: bad regex"
	expect_prompt "(proj) $(plain_prompt)"
}

# 12. An env activated by hand is left alone until it is deactivated.
t_hand_activated() {
	local h=$FIX/w/hand/env
	start_shell
	run "cd $FIX/w/plain" "$(l_activate "$h")" "cd $FIX/w/proj/a" "vsw_dump in" \
		"cd $FIX/w/plain" "vsw_dump out"
	expect_env in VIRTUAL_ENV "$h"
	expect_env out VIRTUAL_ENV "$h"
	expect_env out PATH "$(env_of in PATH)"
	run "deactivate" "cd $FIX/w/proj" "vsw_dump auto"
	expect_env auto VIRTUAL_ENV "$FIX/w/proj/venv"
}

# 14. The seeds' workflow: make a venv, pip install into it, freeze;
# outside, the package is gone. (No stderr redirection: tcsh has none
# for stderr alone.) And virtualenv's envs work the same.
t_pip_workflow() {
	local p=$T/myproject
	mkdir -p "$p"
	"$PY" "$E2E_DIR/mkwheel.py" "$T/vswdemo-1.0-py3-none-any.whl"
	start_shell
	run "cd $p" "python3 -m venv venv" "vswitch on" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$p/venv"
	run "pip install -q --no-index $T/vswdemo-1.0-py3-none-any.whl" \
		"$(l_to "pip freeze" requirements.txt)" \
		"$(l_to "python -c 'import vswdemo; print(vswdemo.__file__)'" "$T/d/inside")" \
		"cd ~" "python3 -c 'import vswdemo'" "vsw_status st"
	# a wheel installed from a file is frozen as "name @ file://..."
	grep -Eq '^vswdemo( @ file://|==1.0)' "$p/requirements.txt" ||
		fail "requirements.txt: $(cat "$p/requirements.txt" 2>&1)"
	case $(cat "$T/d/inside") in
	"$p/venv/lib/"*) ;;
	*) fail "vswdemo not imported from the env: $(cat "$T/d/inside")" ;;
	esac
	expect_file st 1
}

t_virtualenv_env() {
	[ -e "$FIX/w/vproj/venv/pyvenv.cfg" ] || { fail "virtualenv not installed (make deps)"; return; }
	start_shell
	run "cd $FIX/w/vproj/sub" "vsw_dump in" "vsw_py py"
	expect_env in VIRTUAL_ENV "$FIX/w/vproj/venv"
	expect_file py "$FIX/w/vproj/venv"
	expect_prompt "(vproj) $(plain_prompt)"
}
