# shellcheck shell=bash disable=SC2016
# The end-to-end adapter for mksh (the interface is listed in bash.sh).
# mksh has no precmd: the hook is a ${|...;} in PS1, run as the prompt
# is drawn, and runs inside cd. The user's own handler of $? is another
# ${|vsw_pc && :;} in PS1, after ours.

# shellcheck source=test/e2e/shells/ksh.sh
. "$E2E_DIR/shells/ksh.sh"

sh_installed() { command -v mksh >/dev/null; }

sh_cmd() { echo "mksh -i"; }

# A PS1 set after the hook drops it (mksh has no disciplines).
sh_has() {
	case $1 in
	errexit | shadowed_builtins | cd_wrappers) return 0 ;;
	esac
	return 1
}

sh_write_rc() {
	cat >"$T/home/.mkshrc" <<RC
PS1='\${|vsw_pc && :;}\$ '
$RC_PRE
eval "\$('$VSW' hook mksh)"
$RC_POST
$(korn_helpers)
RC
}

sh_lint() {
	shellcheck -s ksh "$ROOT/hooks/mksh.sh" &&
		mksh -n "$ROOT/hooks/korn.sh" && mksh -n "$ROOT/hooks/mksh.sh"
}

sh_batch_cmd() { echo mksh; }

sh_roundtrip() { korn_roundtrip mksh "$@"; }

l_load_hook() { echo "eval \"\$('$1' hook mksh)\""; }
l_registrations() { echo "print -r -- \"\$PS1\" > \$VSW_T/d/$1"; }
l_registrations_want() { echo '${|_vswitch_hook && :;}${|vsw_pc && :;}$ '; }
