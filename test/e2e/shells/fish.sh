# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for fish (the interface is listed in bash.sh).

sh_installed() { command -v fish >/dev/null; }

sh_cmd() { echo "fish -i"; }

sh_prompt() { echo '>'; }

sh_has() {
	case $1 in
	completion | prompt_reassign | prompt_in_batch | prompt_function | completion_path | completion_call | rc_in_scripts) return 0 ;;
	esac
	return 1
}

sh_write_rc() {
	# with no generated_completions folder, fish's first start parses
	# every man page in the background
	mkdir -p "$T/home/.config/fish" "$T/home/.local/share/fish/generated_completions"
	cat >"$T/home/.config/fish/config.fish" <<RC
set -g fish_greeting ''
function fish_prompt; echo \$status >> \$VSW_T/pc_status; printf '> '; end
$RC_PRE
'$VSW' hook fish | source
$RC_POST
$(fish_helpers)
RC
}

fish_helpers() {
	cat <<'HELPERS'
function vsw_sync; echo -n > $VSW_T/sync/$argv[1]; end
function vsw_dump; /usr/bin/env -0 > $VSW_T/d/$argv[1]; end
function vsw_status; echo $status > $VSW_T/d/$argv[1]; end
function vsw_cdp; cd (cat $VSW_T/p/$argv[1] | string collect -N); end
function vsw_py; python -c 'import sys; print(sys.prefix)' > $VSW_T/d/$argv[1] 2>&1; end
function vsw_cdrel; while read -l c; cd $c; or return; end < $VSW_T/p/$argv[1]; end
HELPERS
}

sh_lint() {
	fish --no-execute "$ROOT/hooks/fish.fish" &&
		fish --no-execute "$ROOT/completions/vswitch.fish"
}

# Only interactive fish switches.
sh_batch_cmd() { echo fish -i; }

sh_roundtrip() {
	cat <<SCRIPT
function fish_prompt; printf '> '; end
set -gx VSW_T '$2'
'$3' hook fish | source
$(fish_helpers)
cd \$VSW_T/neutral
/usr/bin/env -0 > \$VSW_T/d/before
for i in (seq 0 $(($1 - 1)))
	vsw_cdp rt\$i; or continue
	vsw_dump rt\$i.in
	fish_prompt > \$VSW_T/d/rt\$i.ps
	cd \$VSW_T/neutral
	vsw_dump rt\$i.out
end
SCRIPT
}

sh_script() {
	env -i HOME="$T/home" PATH=/usr/bin:/bin XDG_CONFIG_HOME="$T/home/.config" \
		VSW_T="$T" fish -c "$1"
}

sh_complete() {
	run "complete -C $(l_quote "$1") | string replace -r '\\t.*' '' | LC_ALL=C sort > \$VSW_T/d/$2"
}

l_prepend_path() { echo "set -gx PATH $1 \$PATH"; }
l_set_path() {
	if [ -n "$1" ]; then echo "set -gx PATH '$1'"; else echo "set -gx PATH"; fi
}
l_activate() { echo "source $1/bin/activate.fish"; }
l_activate_file() { echo activate.fish; }
l_load_hook() { echo "'$1' hook fish | source"; }
l_set_var() { echo "set -gx $1 '$2'"; }
l_unset_var() { echo "set -e $1"; }
l_is_function() { echo "functions -q $1; and echo yes > \$VSW_T/d/$2; or echo no > \$VSW_T/d/$2"; }
l_quote() {
	local s=${1//\\/\\\\}
	printf "'%s'" "${s//\'/\\\'}"
}
l_completed_word() { printf '%s' "$1"; }
l_completion_rc() { echo "set -p fish_complete_path '$ROOT/completions'"; }
l_nounset() { :; }
l_disable_prompt_var() { echo 'set -g VIRTUAL_ENV_DISABLE_PROMPT 1'; }
l_user_prompt() { echo "function fish_prompt; printf 'new> '; end"; }
l_registrations() { echo "functions --handlers | string match -r '__vswitch_on_' | count > \$VSW_T/d/$1"; }
l_registrations_want() { echo 2; }
# fish's sample prompts (pythonista, disco, nim) set it themselves.
l_prompt_disabling_label() {
	echo "function fish_prompt; set -g VIRTUAL_ENV_DISABLE_PROMPT 1; printf 'py> '; end"
}
