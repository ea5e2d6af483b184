# shellcheck shell=bash disable=SC2016,SC2034
# Prompt opt-outs and the ways users' own prompt set-ups are kept.

# VIRTUAL_ENV_DISABLE_PROMPT (set, as frameworks do, without export):
# the env is active, the prompt untouched.
t_prompt_disabled_by_variable() {
	RC_PRE=$(l_disable_prompt_var)
	start_shell
	run "cd $FIX/w/proj" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_env in VIRTUAL_ENV_PROMPT proj
	expect_prompt "$(plain_prompt)"
}

# [prompt] disable = true in the config: the same.
t_prompt_disabled_by_config() {
	mkdir -p "$T/home/.config/vswitch"
	printf '[prompt]\ndisable = true\n' >"$T/home/.config/vswitch/config.ini"
	start_shell
	run "cd $FIX/w/proj" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	expect_prompt "$(plain_prompt)"
	run "cd $FIX/w/plain"
	expect_prompt "$(plain_prompt)"
}

# The user changes their prompt while an env is active: leaving removes
# only our prefix and keeps their new prompt.
t_user_prompt_change_kept() {
	sh_has prompt_reassign || { skip "a prompt set anew drops the hook in this shell"; return; }
	start_shell
	run "cd $FIX/w/proj" "$(l_user_prompt)" "cd $FIX/w/proj2"
	expect_prompt "(proj2) new$(plain_prompt)"
	run "cd $FIX/w/plain"
	expect_prompt "new$(plain_prompt)"
}

# A prompt command that is an array (bash >= 5.1): the hook goes into
# element 0 and the user's other elements keep running.
t_prompt_command_array() {
	sh_has prompt_command_array || { skip "no prompt command array in this shell"; return; }
	RC_PRE=$(l_prompt_command_array)
	start_shell
	: >"$T/d/pc"
	run "cd $FIX/w/proj" "vsw_dump in"
	expect_env in VIRTUAL_ENV "$FIX/w/proj/venv"
	if ! grep -q one "$T/d/pc" || ! grep -q two "$T/d/pc"; then
		fail "the user's PROMPT_COMMAND elements did not both run: $(cat "$T/d/pc")"
	fi
	expect_prompt "(proj) $(plain_prompt)"
}
