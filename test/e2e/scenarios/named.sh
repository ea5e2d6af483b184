# shellcheck shell=bash disable=SC2016,SC2034
# Issue 3: named envs (.venvrc env = NAME, use, list) and completion,
# written once for bash, zsh and fish. The env home is $FIX/envhome:
# myenv, other, alpha, alps, beta and $NAMED_HOSTILE.

# The expected output of `vswitch list` for $FIX/envhome.
n_list() {
	printf '%s\n' "$NAMED_HOSTILE" alpha alps beta myenv other | LC_ALL=C sort
}

# 1. A project whose .venvrc says env = myenv activates the env home's
# myenv from any folder below it, labelled with its name.
t_named_venvrc() {
	start_shell WORKON_HOME="$FIX/envhome"
	run "cd ~" "vsw_dump before"
	run "cd $FIX/w/named/a/b" "vsw_dump deep" "cd $FIX/w/named" "vsw_dump top" "vsw_py py"
	expect_env deep VIRTUAL_ENV "$FIX/envhome/myenv"
	expect_env deep VIRTUAL_ENV_PROMPT myenv
	expect_env deep PATH "$FIX/envhome/myenv/bin:$(env_of before PATH)"
	expect_env top VIRTUAL_ENV "$FIX/envhome/myenv"
	expect_file py "$FIX/envhome/myenv"
	expect_prompt "(myenv) $(plain_prompt)"
	run "cd ~" "vsw_dump after"
	expect_same_env before after
}

# 2. use in ~ activates a named env; a cd into a project with its own
# venv keeps it; on switches to the project's env at once.
t_use_keeps_until_on() {
	local p=$FIX/w/proj
	start_shell WORKON_HOME="$FIX/envhome"
	run "cd ~" "vsw_dump before" "vswitch use other" "vsw_status st" "vsw_dump used"
	expect_file st 0
	expect_env used VIRTUAL_ENV "$FIX/envhome/other"
	expect_env used VIRTUAL_ENV_PROMPT other
	expect_prompt "(other) $(plain_prompt)"
	run "cd $p/a" "vsw_dump kept" "cd $FIX/w/named" "vsw_dump kept2"
	expect_env kept VIRTUAL_ENV "$FIX/envhome/other"
	expect_env kept PATH "$(env_of used PATH)"
	expect_env kept2 VIRTUAL_ENV "$FIX/envhome/other"
	run "cd $p/a" "vswitch on" "vsw_dump on"
	expect_env on VIRTUAL_ENV "$p/venv"
	expect_env on PATH "$p/venv/bin:$(env_of before PATH)"
	expect_prompt "(proj) $(plain_prompt)"
	# use by path, relative to $PWD; off ends it
	run "cd $FIX/w" "vswitch use ./proj2/.venv/" "vsw_dump bypath" "cd ~" \
		"vsw_dump bypath2" "vswitch off" "vsw_dump off"
	expect_env bypath VIRTUAL_ENV "$FIX/w/proj2/.venv"
	expect_env bypath VIRTUAL_ENV_PROMPT proj2
	expect_env bypath2 VIRTUAL_ENV "$FIX/w/proj2/.venv"
	expect_same_env before off
}

# 3. The env named as in CPython's venv tests: used by name, listed
# exactly, and completed with a real Tab, then used from that line.
t_hostile_env_name() {
	local h=$FIX/envhome/$NAMED_HOSTILE
	sh_has completion && RC_POST=$(l_completion_rc)
	start_shell WORKON_HOME="$FIX/envhome" FIX_PWNED="$FIX_PWNED"
	run "cd ~" "vsw_dump before"
	if sh_refuses "$h"; then
		run "vswitch use $(l_quote "$NAMED_HOSTILE")" "vsw_status st" "vsw_dump used"
		expect_file st 1
		expect_same_env before used
		expect_screen_has "vswitch: cannot use '$h'"
		skip "$SH cannot hold this env's path: its refusal is what was checked"
		return
	fi
	run "vswitch use $(l_quote "$NAMED_HOSTILE")" "vsw_dump used"
	expect_env used VIRTUAL_ENV "$h"
	expect_env used VIRTUAL_ENV_PROMPT "$NAMED_HOSTILE"
	expect_screen_has "($NAMED_HOSTILE) $(plain_prompt)"
	run "$(l_to "vswitch list" "$T/d/list")" "vswitch off" "vsw_dump off"
	expect_file list "$(n_list)"
	expect_same_env before off
	# Tab completes the name from its first character, quoted
	sh_has completion || return
	run "clear"
	tmux -L "$SOCK" send-keys -t t -l -- "vswitch use $(l_typed_start '"')"
	tmux -L "$SOCK" send-keys -t t Tab
	# wait for the completed name: '|' is in it, not in the typed text
	local i=0
	until last_line | grep -qF '|'; do
		i=$((i + 1))
		[ $i -gt 100 ] && { fail "Tab did not complete: $(last_line)"; break; }
		sleep 0.05
	done
	run "" "vsw_dump tab"
	expect_env tab VIRTUAL_ENV "$h"
	if sh_has completion_call; then
		sh_complete 'vswitch use \"' c
		expect_file c "$(l_completed_word "$NAMED_HOSTILE")"
	fi
}

# 4. use al<Tab> offers exactly the envs starting with al; o<Tab> offers
# off and on.
t_complete_names_and_commands() {
	sh_has completion || { skip "no programmable completion in this shell"; return; }
	RC_POST=$(l_completion_rc)
	start_shell WORKON_HOME="$FIX/envhome"
	sh_complete 'vswitch use al' al
	expect_file al "$(printf 'alpha\nalps')"
	sh_complete 'vswitch o' o
	expect_file o "$(printf 'off\non')"
	# a completion that shows what each command does shows it right
	if sh_has completion_descriptions &&
		{ ! grep -q 'off.*-- deactivate' "$T/d/o.screen" || ! grep -q 'on.*-- resume automatic' "$T/d/o.screen"; }; then
		fail "o<Tab> lacks what off and on do: $(tail -3 "$T/d/o.screen")"
	fi
	sh_complete 'vswitch hook ' sh
	expect_file sh "$("$VSW" hook --list | LC_ALL=C sort)"
	sh_complete 'vswitch use ' all
	[ "$(wc -l <"$T/d/all")" -eq 6 ] || fail "use <Tab> offers $(wc -l <"$T/d/all") names, not 6"
}

# 5. An unknown name: one line naming close matches, exit 1, and the
# environment exactly as before, active env included.
t_use_unknown_name() {
	start_shell WORKON_HOME="$FIX/envhome"
	run "cd ~" "vswitch use alpha" "vsw_dump before"
	run "vswitch use alhpa" "vsw_status st" "vsw_dump after"
	expect_file st 1
	expect_same_env before after
	expect_env after VIRTUAL_ENV "$FIX/envhome/alpha"
	expect_screen_has "vswitch: no env 'alhpa' in '$FIX/envhome'; did you mean 'alpha'?"
	expect_prompt "(alpha) $(plain_prompt)"
	run "vswitch use nothing-like-it" "vsw_status st2" "vswitch use ./nope" \
		"vsw_status st3" "vsw_dump after2"
	expect_file st2 1
	expect_file st3 1
	expect_same_env before after2
	expect_screen_has "vswitch: no env 'nothing-like-it' in '$FIX/envhome' ('vswitch list' shows the envs there)"
	expect_screen_has "vswitch: no env at '$T/home/nope' (no pyvenv.cfg there)"
}
