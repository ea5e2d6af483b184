# vswitch hook for elvish. Put this line in ~/.config/elvish/rc.elv:
#     eval (vswitch hook elvish | slurp)
# `vswitch hook elvish` prints this file after the variables bin (the
# binary's path as invoked), cmds (the commands that change the shell),
# shell (elvish) and stampdir (which this hook, running the binary at
# each cd, does not need). eval runs it in a namespace of its own, so none of
# its names is the user's; it publishes vswitch~ to the REPL, and
# deactivate~ while an env of ours is active. It needs the editor (edit:),
# which only the interactive shell has.
#
# elvish 0.19 can test with builtins whether a file exists, but not when
# it changed: so the binary runs at each change of $pwd (inside cd, from
# after-chdir), and before a prompt only when VIRTUAL_ENV changed or the
# names found in $pwd did (a venv made or removed in the open folder).
# An idle prompt starts no process.
#
# The binary's output is code of six commands, evaluated in a namespace
# holding only those (apply, below): set-env N "V", unset-env N,
# prompt-set "LABEL", prompt-clear, hook-var N "V", hook-list N "V"...;
# every value is a double-quoted string with \xHH for any byte that is
# not printable ASCII.

use path
use str

var label = ''		# the label the prompt shows; '' for none
var last-pwd = $nil	# the folder the binary last ran for; $nil: never
var last-ve = ''	# VIRTUAL_ENV as the binary left it
var seen-here = ''	# the names the binary saw in $last-pwd
var hook = [&names=[]]	# the binary's hook-var and hook-list values
var orig-prompt = $edit:prompt
var published = $false	# whether deactivate~ is ours
var vswitch~ = $nil	# the command, set below: deactivate~ calls it

# The prompt while an env is active: the label, then what the prompt it
# wraps drew, unless VIRTUAL_ENV_DISABLE_PROMPT is set (also by that
# prompt itself). Called with &vswitch-orig, it gives back the prompt it
# wraps, which is how a second load of this file takes out the first
# one's.
var wrapper = {|&vswitch-orig=$false|
	if $vswitch-orig {
		put $orig-prompt
	} else {
		var drawn = [($orig-prompt)]
		if (and (not-eq $label '') (eq $E:VIRTUAL_ENV_DISABLE_PROMPT '')) {
			put '('$label') '
		}
		put $@drawn
	}
}

# Whether f is a wrapper of a load of this file.
fn is-wrapper {|f|
	try {
		str:contains $f[def] '&vswitch-orig='
	} catch {
		put $false
	}
}

# Whether f is a handler of a load of this file (its text calls a
# -vswitch- function).
fn is-handler {|f|
	try {
		str:contains $f[def] '-vswitch-'
	} catch {
		put $false
	}
}

# The names found in folder d, as one string ('/venv/.venv', or '').
fn names-in {|d|
	var s = ''
	for n $hook[names] {
		if (or (path:is-dir &follow-symlink $d/$n) (path:is-regular &follow-symlink $d/$n)) {
			set s = $s/$n
		}
	}
	put $s
}

# An env is active with label l ('' when the prompt shows none): show
# it, wrapping the prompt unless it is already ours, and offer
# deactivate. No tool writes an activate script for elvish, so no
# deactivate~ of one is there to be shadowed.
fn enter {|l|
	set label = $l
	if (not-eq $edit:prompt $wrapper) {
		set orig-prompt = $edit:prompt
		set edit:prompt = $wrapper
	}
	if (not $published) {
		edit:add-var deactivate~ {|@a| vswitch off }
		set published = $true
	}
}

# No env of ours is active: the prompt goes back if it is still our
# wrapper (a prompt set since is the user's, and stays), and our
# deactivate~ goes away.
fn leave {
	set label = ''
	if (eq $edit:prompt $wrapper) {
		set edit:prompt = $orig-prompt
	}
	if $published {
		edit:del-var deactivate~
		set published = $false
	}
}

var apply = (ns [
	&set-env~=$set-env~
	&unset-env~=$unset-env~
	&prompt-set~=$enter~
	&prompt-clear~=$leave~
	&hook-var~={|n v| set hook[$n] = $v }
	&hook-list~={|n @v| set hook[$n] = $v }
])

# Whether the binary is still where it was recorded; else look it up on
# PATH (an upgrade moved it).
fn rebin {
	if (path:is-regular &follow-symlink $bin) {
		put $true
		return
	}
	try {
		set bin = (search-external vswitch)
		put $true
	} catch {
		put $false
	}
}

# Remember what the binary saw.
fn seen {
	set last-pwd = $pwd
	set last-ve = $E:VIRTUAL_ENV
	set seen-here = (names-in $pwd)
}

# Run the binary with args and apply what it prints, as the other hooks
# do whatever its exit status (an exception caught outside the capture
# would drop the output); then remember what it saw. Returns the
# binary's exception, or $ok.
fn run {|@args|
	var e = $ok
	var out = (try { (external $bin) $@args } catch x { set e = $x } | slurp)
	eval &ns=$apply $out
	seen
	put $e
}

# After each cd and before each prompt: run the binary when what it
# reads may have changed.
fn -vswitch-check {
	if (not (rebin)) {
		return
	}
	if (eq $last-pwd $nil) {
		var _ = (run export $shell --init)
	} elif (or (not-eq $last-pwd $pwd) (not-eq $last-ve $E:VIRTUAL_ENV) ^
			(not-eq (names-in $pwd) $seen-here)) {
		var _ = (run export $shell)
	}
}

# The commands that change this shell have their output applied here;
# every other command runs the binary as it is. A failing binary fails
# the command, as any external command does in elvish. (A lambda, not a
# fn, as deactivate~ above names it: so no `return` in it.)
set vswitch~ = {|@args|
	if (not (rebin)) {
		fail 'vswitch: the binary is gone from '$bin' and not on PATH'
	}
	if (and (> (count $args) 0) (has-value [(str:split ' ' $cmds)] $args[0])) {
		var e = (run --shell=$shell $@args)
		if (not $e) {
			fail $e
		}
	} else {
		(external $bin) $@args
	}
}

# Completion: the commands; the shells after hook and export; after
# use, the envs of the env home, or folders for a word that reads as a
# path (a /, or a leading . or ~); folders after allow and deny.
var commands = [hook export off on use list status allow deny exec env]
set edit:completion:arg-completer[vswitch] = {|@w|
	var n = (count $w)
	var a = $w[-1]
	var as-path = (or (str:contains $a /) (str:has-prefix $a .) (str:has-prefix $a '~'))
	if (== $n 2) {
		each {|c| if (str:has-prefix $c $a) { put $c } } $commands
	} elif (and (== $n 3) (has-value [hook export] $w[1])) {
		(external $bin) hook --list | from-lines
	} elif (and (== $n 3) (eq $w[1] use) (not $as-path)) {
		(external $bin) list --prefix=$a | from-lines
	} elif (and (== $n 3) (has-value [use allow deny] $w[1])) {
		edit:complete-filename $a
	}
}

# A second load takes out the first one's handlers and wrapper.
if (is-wrapper $edit:prompt) {
	set edit:prompt = ($edit:prompt &vswitch-orig)
}
# after-chdir runs before elvish updates $E:PWD, which the binary reads:
# it is set first. When elvish cannot name the folder (it is gone, or
# past PATH_MAX), $pwd reads /unknown/pwd and $E:PWD keeps the last name
# it had, which the binary then judges.
fn -vswitch-chdir {
	if (not-eq $pwd /unknown/pwd) {
		set E:PWD = $pwd
	}
	-vswitch-check
}
set after-chdir = [(each {|f| if (not (is-handler $f)) { put $f } } $after-chdir) ^
	{|_| -vswitch-chdir }]
set edit:before-readline = [(each {|f| if (not (is-handler $f)) { put $f } } $edit:before-readline) ^
	{ -vswitch-check }]
edit:add-var vswitch~ $vswitch~
