# vswitch hook for tcsh. Put this line in ~/.tcshrc:
#     vswitch hook tcsh | source /dev/stdin
# `vswitch hook tcsh` prints, before this file, the lines that put
# histchars aside (this file gives it back at its end), set
# _vswitch_nl to one newline (the binary's quoting writes a newline as
# $_vswitch_nl:q), and set _vswitch_bin (the binary's path as invoked),
# _vswitch_cmds (the commands that change the shell) and _vswitch_shell.
#
# Each run of the binary also sets, through what it prints:
#   _vswitch_names    the names any source looks for in a folder
#   _vswitch_watch    "+PATH" (exists) or "-PATH" (does not): the files
#                     whose change could change the result
#   _vswitch_vars     the environment variables the result depends on
#   _vswitch_links    the projects that envs' .project files name
#   _vswitch_stampdir the folder of stamp files ('' for none)
# A cd that finds the same nearest folder holding one of the names, the
# same values of those variables, and no watched file changed since this
# shell's stamp (-M gives whole seconds: the same second counts as a
# change) starts no process: the binary would print nothing new.
#
# tcsh has no functions, so everything is an alias, and an alias is one
# line: what tcsh learned the hard way shapes every one of them.
# - `if ( C ) CMD` substitutes CMD's variables before it tests C, and
#   CMD cannot be an alias: the hook writes `if ( C ) eval _vswitch_X`,
#   so that nothing of X is read unless C holds.
# - A loop cannot stand on one line; `repeat N eval _vswitch_X` runs X
#   N times, a counter stepping through a list.
# - Values are always read as $var:q: a newline inside "..." is an error.
# - The binary's output is read with eval "`...`", never `| source`
#   (from precmd that draws the prompt twice, from cwdcmd it echoes), and
#   the command inside the backquotes is an alias, so that the child
#   tcsh, not this one, expands its words, each kept whole.
# - histchars is put aside while the hook runs (see _vswitch_hoff).
# - Arguments reach the hook's own aliases in variables, never as \!*
#   (only the vswitch alias reads its words so, see there).
# The hook runs from precmd (before each prompt) and cwdcmd (inside cd,
# pushd and popd, so that `cd proj; pip install` uses proj's env), put
# first in the user's own aliases of those names. Only interactive
# shells switch: scripts read ~/.tcshrc too, and keep the environment
# they were given.

if ( $?prompt ) then

# An eval costs tcsh some fifty system calls, and a loop step is one:
# so what is tested for each folder and each cd is code, written out
# (with one test per name and per variable) each time the binary has
# given new lists, and run with a single eval. _vswitch_D is a dollar
# sign for writing it.

# The names found in folder $_vswitch_d, into _vswitch_s ('/venv/.venv'
# or ''): _vswitch_ncode, which _vswitch_mkn writes.
alias _vswitch_namesin 'eval "$_vswitch_ncode"'
alias _vswitch_mkn 'set _vswitch_nbuilt = "$_vswitch_names"; set _vswitch_ncode = "set _vswitch_s"; @ _vswitch_j = 1; repeat $#_vswitch_names eval _vswitch_mkn1'
alias _vswitch_mkn1 'set _vswitch_ncode = "$_vswitch_ncode; if ( -e ${_vswitch_D}_vswitch_d:q/${_vswitch_D}_vswitch_names[$_vswitch_j]:q ) set _vswitch_s = ${_vswitch_D}_vswitch_s:q/${_vswitch_D}_vswitch_names[$_vswitch_j]:q"; @ _vswitch_j++'

# The nearest folder from $PWD up that holds one of the names: sets
# _vswitch_cand to it ('' for none) and _vswitch_sig to the names found.
# A step per folder: as many as $PWD has slashes, and one for /.
alias _vswitch_find 'set _vswitch_d = $PWD:q; set _vswitch_cand = ""; set _vswitch_sig = ""; set _vswitch_fin = 0; set _vswitch_t = $PWD:as,/,,:q; @ _vswitch_n = $%PWD - $%_vswitch_t + 1; repeat $_vswitch_n eval _vswitch_step'
alias _vswitch_step 'if ( ! $_vswitch_fin ) eval _vswitch_step1'
alias _vswitch_step1 'eval _vswitch_namesin; if ( $%_vswitch_s ) eval _vswitch_hit; if ( ! $_vswitch_fin ) eval _vswitch_up'
alias _vswitch_hit 'set _vswitch_cand = $_vswitch_d:q; set _vswitch_sig = $_vswitch_s:q; set _vswitch_fin = 1'
alias _vswitch_up 'if ( $_vswitch_d:q == "/" ) set _vswitch_fin = 1; set _vswitch_d = $_vswitch_d:h:q; if ( $_vswitch_d:q == "" ) set _vswitch_d = /'

# The key: the candidate folder, the names in it, and the value (or
# absence) of each variable the result depends on (names the binary
# gave, so eval only reads a variable).
# The variables' part is _vswitch_kcode, which _vswitch_mkk writes: an
# unset one reads as -, a set one as = and its value (an eval, as a
# one-line if substitutes before it tests).
alias _vswitch_keyof 'set _vswitch_best = ""; if ( $#_vswitch_links ) eval _vswitch_links1; set _vswitch_k = $_vswitch_best:q$_vswitch_nl:q$_vswitch_cand:q$_vswitch_nl:q$_vswitch_sig:q; eval "$_vswitch_kcode"'
alias _vswitch_mkk 'set _vswitch_kbuilt = "$_vswitch_vars"; set _vswitch_kcode = "set _vswitch_x"; @ _vswitch_j = 1; repeat $#_vswitch_vars eval _vswitch_mkk1'
alias _vswitch_mkk1 'set _vswitch_v = $_vswitch_vars[$_vswitch_j]; set _vswitch_kcode = "$_vswitch_kcode; set _vswitch_x = -; if ( ${_vswitch_D}?$_vswitch_v ) set _vswitch_v = $_vswitch_v; if ( ${_vswitch_D}?$_vswitch_v ) eval _vswitch_var2; set _vswitch_k = ${_vswitch_D}_vswitch_k:q${_vswitch_D}_vswitch_nl:q${_vswitch_D}_vswitch_x:q"; @ _vswitch_j++'
alias _vswitch_var2 'eval set _vswitch_x = =\$$_vswitch_v\:q'

# A project an env's .project names holds no file of ours: the nearest
# such one that holds $PWD is part of the key. Each folder from $PWD up
# is compared with each link (a glob would read the links' bytes).
alias _vswitch_links1 'set _vswitch_d = $PWD:q; set _vswitch_fin = 0; repeat $_vswitch_n eval _vswitch_lstep'
alias _vswitch_lstep 'if ( ! $_vswitch_fin ) eval _vswitch_lstep1'
alias _vswitch_lstep1 '@ _vswitch_i = 1; repeat $#_vswitch_links eval _vswitch_lcmp; if ( ! $_vswitch_fin ) eval _vswitch_up'
alias _vswitch_lcmp 'if ( $_vswitch_d:q == $_vswitch_links[$_vswitch_i]:q ) set _vswitch_best = $_vswitch_d:q; if ( $%_vswitch_best ) set _vswitch_fin = 1; @ _vswitch_i++'

# Whether no watched file changed since this shell's stamp, into
# _vswitch_ok: one that existed must still exist and be older than the
# stamp, one that did not must still not.
alias _vswitch_fresh 'set _vswitch_ok = 0; if ( $%_vswitch_stampdir ) eval _vswitch_fresh1'
alias _vswitch_fresh1 'set _vswitch_stf = $_vswitch_stampdir:q/$$; if ( -f $_vswitch_stf:q ) eval _vswitch_fresh2'
alias _vswitch_fresh2 'set _vswitch_ok = 1; @ _vswitch_tm = -M $_vswitch_stf:q; @ _vswitch_j = 1; repeat $#_vswitch_watch eval _vswitch_w1'
alias _vswitch_w1 'set _vswitch_w = $_vswitch_watch[$_vswitch_j]:q; @ _vswitch_j++; if ( $_vswitch_ok ) eval _vswitch_w2'
alias _vswitch_w2 'if ( $_vswitch_w:q =~ +* ) eval _vswitch_wplus; if ( $_vswitch_w:q !~ +* ) eval _vswitch_wminus'
alias _vswitch_wplus 'set _vswitch_f = $_vswitch_w:s/+//:q; set _vswitch_ok = 0; if ( -e $_vswitch_f:q ) eval _vswitch_wtime'
alias _vswitch_wtime '@ _vswitch_m = -M $_vswitch_f:q; if ( $_vswitch_m < $_vswitch_tm ) set _vswitch_ok = 1'
alias _vswitch_wminus 'set _vswitch_f = $_vswitch_w:s/-//:q; if ( -e $_vswitch_f:q ) set _vswitch_ok = 0'

# VIRTUAL_ENV as it is now, into _vswitch_curve ('' when unset).
alias _vswitch_getve 'set _vswitch_curve = ""; if ( $?VIRTUAL_ENV ) eval _vswitch_getve1'
alias _vswitch_getve1 'set _vswitch_curve = $VIRTUAL_ENV:q'

# Touch the stamp, run the binary with the words of _vswitch_a, and
# evaluate what it prints; then remember what it saw. A binary that is
# no longer where it was recorded (an upgrade moved it) is looked up on
# PATH again. The binary's status goes to _vswitch_rc.
alias _vswitch_run 'if ( $%_vswitch_stampdir ) eval _vswitch_stamp; eval _vswitch_exec; eval _vswitch_seen'
alias _vswitch_stamp 'if ( ! -d $_vswitch_stampdir:q || ! -w $_vswitch_stampdir:q ) set _vswitch_stampdir = ""; if ( $%_vswitch_stampdir ) echo -n >! $_vswitch_stampdir:q/$$'
alias _vswitch_exec 'set _vswitch_rc = 127; if ( ! -x $_vswitch_bin:q ) eval _vswitch_rebin; if ( -x $_vswitch_bin:q ) eval _vswitch_exec1'
alias _vswitch_exec1 'set _vswitch_out = "`_vswitch_call`"; set _vswitch_rc = $status; eval $_vswitch_out:q'
alias _vswitch_call '$_vswitch_bin:q $_vswitch_a:q'

# histchars is put aside by every entry point before it expands another
# alias, and given back at its end: tcsh takes its first character,
# when it is not !, for an argument reference in an alias's text (with
# histchars='#^', $#_vswitch_names was "Event not found"), and a value
# in the binary's output for a history event.
alias _vswitch_hoff 'unset _vswitch_hc; if ( $?histchars ) eval _vswitch_hcsave'
alias _vswitch_hon 'if ( $?_vswitch_hc ) eval _vswitch_hcput'
alias _vswitch_hcsave 'set _vswitch_hc = $histchars:q; unset histchars'
alias _vswitch_hcput 'set histchars = $_vswitch_hc:q; unset _vswitch_hc'

# The binary is gone from where it was recorded: look it up on PATH, the
# first entry that has it winning.
alias _vswitch_rebin '@ _vswitch_j = $#path; repeat $#path eval _vswitch_rebin1'
alias _vswitch_rebin1 'if ( -x $path[$_vswitch_j]:q/vswitch && ! -d $path[$_vswitch_j]:q/vswitch ) set _vswitch_bin = $path[$_vswitch_j]:q/vswitch; @ _vswitch_j--'

# Remember the state the binary left: the folder, the key, the names
# here, VIRTUAL_ENV. The walk is not done again when _vswitch_moved has
# just done it here, with the same names.
alias _vswitch_seen 'set _vswitch_refind = 1; if ( $_vswitch_fpwd:q == $PWD:q && "$_vswitch_names" == "$_vswitch_nbuilt" ) set _vswitch_refind = 0; set _vswitch_fpwd = ""; if ( "$_vswitch_names" != "$_vswitch_nbuilt" ) eval _vswitch_mkn; if ( "$_vswitch_vars" != "$_vswitch_kbuilt" ) eval _vswitch_mkk; set _vswitch_pwd = $PWD:q; if ( $_vswitch_refind ) eval _vswitch_find; eval _vswitch_keyof; set _vswitch_key = $_vswitch_k:q; eval _vswitch_here; eval _vswitch_getve; set _vswitch_ve = $_vswitch_curve:q'
alias _vswitch_here 'set _vswitch_seen_here = ""; if ( $_vswitch_cand:q == $PWD:q ) set _vswitch_seen_here = $_vswitch_sig:q'

# Before each prompt and after each cd: run the binary only when what it
# reads may have changed. _vswitch_go says whether it still has to.
alias _vswitch_check 'set _vswitch_go = 1; if ( ! $?_vswitch_pwd ) eval _vswitch_init; if ( $_vswitch_go ) eval _vswitch_check1'
alias _vswitch_init 'set _vswitch_go = 0; set _vswitch_a = ( export $_vswitch_shell:q --init ); eval _vswitch_run'
alias _vswitch_check1 'eval _vswitch_getve; if ( $_vswitch_pwd:q == $PWD:q && $_vswitch_ve:q == $_vswitch_curve:q ) eval _vswitch_idle; if ( $_vswitch_go ) eval _vswitch_moved'
# a venv made or removed in the open folder changes the names here
alias _vswitch_idle 'set _vswitch_d = $PWD:q; eval _vswitch_namesin; if ( $_vswitch_s:q == $_vswitch_seen_here:q ) set _vswitch_go = 0'
alias _vswitch_moved 'set _vswitch_pwd = $PWD:q; eval _vswitch_find; set _vswitch_fpwd = $PWD:q; eval _vswitch_keyof; eval _vswitch_fresh; if ( $_vswitch_k:q == $_vswitch_key:q && $_vswitch_ok ) eval _vswitch_same; if ( $_vswitch_go ) eval _vswitch_export'
# the names here, as the walk saw them: what a venv made here later is
# compared with
alias _vswitch_same 'set _vswitch_go = 0; eval _vswitch_here'
alias _vswitch_export 'set _vswitch_a = ( export $_vswitch_shell:q ); eval _vswitch_run'

# The entry points. tcsh keeps $status around precmd, but the user's own
# precmd, after ours in the same alias, reads it: it is put back. tcsh
# runs cwdcmd in scripts too, and a ~/.tcshrc may set prompt for them:
# cwdcmd acts only once a precmd has run, which only a prompt does.
alias _vswitch_precmd 'set _vswitch_st = $status; eval _vswitch_hoff; set _vswitch_live = 1; eval _vswitch_check; eval _vswitch_lbl; eval _vswitch_hon; set status = $_vswitch_st'
alias _vswitch_cwdcmd 'set _vswitch_st = $status; eval _vswitch_hoff; if ( $?_vswitch_live ) eval _vswitch_check; eval _vswitch_hon; set status = $_vswitch_st'

# The label, drawn through %${_vswitch_lbl} in the prompt (braced, as a
# prompt may start with a letter): tcsh expands it as the prompt is drawn
# and reads none of % ! \ ^ in the value. Empty when
# VIRTUAL_ENV_DISABLE_PROMPT is set and not empty.
alias _vswitch_lbl 'set _vswitch_lbl = ""; if ( $%_vswitch_label ) eval _vswitch_lbl1'
alias _vswitch_lbl1 'set _vswitch_lbl = "("$_vswitch_label:q") "; if ( $?VIRTUAL_ENV_DISABLE_PROMPT ) eval _vswitch_lbl2'
alias _vswitch_lbl2 'if ( $%VIRTUAL_ENV_DISABLE_PROMPT ) set _vswitch_lbl = ""'

# An env is active with label $_vswitch_label ('' when the prompt shows
# none): the reference goes first in the prompt (once: a prompt set anew
# meanwhile gets it back here), and `deactivate` is offered unless an
# activate script's own is there (_OLD_VIRTUAL_PATH is its mark).
alias _vswitch_enter 'eval _vswitch_unprompt; if ( $?prompt ) set prompt = %\$\{_vswitch_lbl\}$prompt:q; eval _vswitch_lbl; if ( ! $?_OLD_VIRTUAL_PATH ) eval _vswitch_defdeact'
alias _vswitch_defdeact 'alias deactivate vswitch off; set _vswitch_deact = 1'

# No env of ours is active: take the reference and our `deactivate`
# away. While an activate script's env is on top, its `deactivate` is
# the one defined, and stays.
alias _vswitch_leave 'set _vswitch_label = ""; set _vswitch_lbl = ""; eval _vswitch_unprompt; if ( $?_vswitch_deact && ! $?_OLD_VIRTUAL_PATH ) unalias deactivate; unset _vswitch_deact'
alias _vswitch_unprompt 'if ( $?prompt ) eval _vswitch_unprompt1'
alias _vswitch_unprompt1 'if ( $prompt:q =~ *%\$\{_vswitch_lbl\}* ) set prompt = $prompt:s/%${_vswitch_lbl}//:q'

# The commands that change this shell (_vswitch_cmds) have their output
# evaluated here; every other command runs the binary as it is. The
# arguments are read once, into a variable. The alias ends with
# one command that has the words as typed, so that a redirection or a
# pipe after `vswitch list` or `vswitch status` applies to the binary:
# the binary itself, or, when the work is done, nothing (status 0) or a
# sh that leaves the binary's status (the one process this takes is
# only for a command that failed: tcsh has no builtin that could).
alias vswitch 'set _vswitch_a = ( \!* ); eval _vswitch_hoff; eval _vswitch_cmd; eval _vswitch_hon; if ( $_vswitch_tail ) $_vswitch_tw:q \!*'
alias _vswitch_cmd 'set _vswitch_m = 0; set _vswitch_tail = 1; if ( $#_vswitch_a ) eval _vswitch_ismem; if ( ! -x $_vswitch_bin:q ) eval _vswitch_rebin; set _vswitch_tw = ( $_vswitch_bin:q ); set _vswitch_rc = 127; if ( ! -x $_vswitch_bin:q ) eval _vswitch_fail; if ( $_vswitch_m && -x $_vswitch_bin:q ) eval _vswitch_cmd1'
alias _vswitch_ismem '@ _vswitch_j = 1; repeat $#_vswitch_cl eval _vswitch_ismem1'
alias _vswitch_ismem1 'if ( $_vswitch_cl[$_vswitch_j]:q == $_vswitch_a[1]:q ) set _vswitch_m = 1; @ _vswitch_j++'
alias _vswitch_cmd1 'set _vswitch_a = ( --shell=$_vswitch_shell:q $_vswitch_a:q ); eval _vswitch_exec1; eval _vswitch_seen; eval _vswitch_lbl; set _vswitch_tail = 0; if ( $_vswitch_rc ) eval _vswitch_fail'
alias _vswitch_fail 'set _vswitch_tail = 1; set _vswitch_tw = ( /bin/sh -c "exit $_vswitch_rc" -- )'

# Registration, once however often this file is loaded: first in the
# user's precmd and cwdcmd. A precmd or cwdcmd aliased after this line
# replaces ours.
set _vswitch_up = "`alias precmd`"
if ( $_vswitch_up:q !~ *_vswitch_precmd* ) then
	if ( $%_vswitch_up ) then
		alias precmd _vswitch_precmd\; $_vswitch_up:q
	else
		alias precmd _vswitch_precmd
	endif
endif
set _vswitch_up = "`alias cwdcmd`"
if ( $_vswitch_up:q !~ *_vswitch_cwdcmd* ) then
	if ( $%_vswitch_up ) then
		alias cwdcmd _vswitch_cwdcmd\; $_vswitch_up:q
	else
		alias cwdcmd _vswitch_cwdcmd
	endif
endif
unset _vswitch_up

# Completion of the commands, the shells and the env home's names (a
# name with a blank in it is offered as two words).
complete vswitch 'p/1/(hook export off on use list status allow deny exec env --help --version)/' \
	'n/hook/`_vswitch_shells`/' 'n/use/`_vswitch_envs`/' \
	'n/allow/d/' 'n/deny/d/' 'n/list/(--long)/'
alias _vswitch_shells '$_vswitch_bin:q hook --list'
alias _vswitch_envs '$_vswitch_bin:q list --prefix='

set _vswitch_cl = ( $_vswitch_cmds )
if ( ! $?_vswitch_label ) set _vswitch_label = ''
if ( ! $?_vswitch_lbl ) set _vswitch_lbl = ''
if ( ! $?_vswitch_stampdir ) set _vswitch_stampdir = ''
if ( ! $?_vswitch_names ) set _vswitch_names = ( )
if ( ! $?_vswitch_watch ) set _vswitch_watch = ( )
if ( ! $?_vswitch_vars ) set _vswitch_vars = ( )
if ( ! $?_vswitch_links ) set _vswitch_links = ( )
set _vswitch_D = '$'
if ( ! $?_vswitch_ncode ) set _vswitch_ncode = 'set _vswitch_s'
if ( ! $?_vswitch_kcode ) set _vswitch_kcode = 'set _vswitch_x'
if ( ! $?_vswitch_nbuilt ) set _vswitch_nbuilt = ''
set _vswitch_fpwd = ''
if ( ! $?_vswitch_kbuilt ) set _vswitch_kbuilt = ''

endif
if ( $?_vswitch_hc ) then
	set histchars = $_vswitch_hc:q
endif
unset _vswitch_hc
