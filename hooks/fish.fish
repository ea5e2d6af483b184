# vswitch hook for fish. Put this line in ~/.config/fish/config.fish:
#     vswitch hook fish | source
# `vswitch hook fish` prints this file after the variables
# __vswitch_bin (the binary's path as invoked), __vswitch_cmds (the
# commands that change the shell) and __vswitch_shell (fish).
#
# Each run of the binary also sets, through what it prints:
#   __vswitch_names    the names any source looks for in a folder
#   __vswitch_watch    "+PATH" (exists) or "-PATH" (does not): the files
#                      whose change could change the result
#   __vswitch_vars     the environment variables the result depends on
#   __vswitch_links    the projects that envs' .project files name
#   __vswitch_stampdir the folder of stamp files ('' for none)
#   __vswitch_tag      stands for the names, links, vars and stampdir:
#                      given back, they are not printed again
# A cd that finds the same nearest folder holding one of the names, the
# same values of those variables, and no watched file changed since this
# shell's stamp starts no process: the binary would print nothing new.
# Only interactive shells switch: scripts and `fish -c` read config.fish
# too, and keep the environment they were given.

status is-interactive; or return 0

# The nearest folder from $PWD up that holds one of the names, in
# __vswitch_cand ('' for none), and the names found there in
# __vswitch_sig: the folders come from one split of $PWD, then one
# `path filter` per folder, nearest first, up to the first that holds
# any. A path with a newline in it is walked NUL-separated instead.
#
# A walk is remembered for its folder (up to 64 of them) while no
# folder it tested has changed: adding, removing or renaming an entry
# makes a folder newer, and every one must be older than the walk stamp
# $fish_pid.walk, touched before the first walk remembered (whole
# seconds: a folder changed in the stamp's second is walked again).
function __vswitch_find --description 'vswitch: the nearest candidate folder'
    set -g __vswitch_cand ''
    set -g __vswitch_sig
    set -g __vswitch_walked "$PWD"\n"$__vswitch_tag"
    set -q __vswitch_names[1]; or return 0
    if string match -q -- "*"\n"*" $PWD
        __vswitch_find_nul
        return 0
    end
    set -l i (contains -i -- $PWD $__vswitch_memo_pwd)
    if test -n "$i"
        set -l dirs (string split \n -- $__vswitch_memo_dirs[$i])
        set -l m (path mtime -- $dirs)
        if test (count $m) -eq (count $dirs)
            and test (math "max($(string join , -- $m))") -lt $__vswitch_walk_t
            set -g __vswitch_cand $__vswitch_memo_cand[$i]
            test -n "$__vswitch_cand"
            and set -g __vswitch_sig (string split \n -- $__vswitch_memo_sig[$i])
            return 0
        end
        set -e __vswitch_memo_pwd[$i] __vswitch_memo_dirs[$i] __vswitch_memo_cand[$i] __vswitch_memo_sig[$i]
    end
    __vswitch_memo_start
    set -l dirs /
    set -l acc ''
    for p in (string split -n / -- $PWD)
        set acc $acc/$p
        set -p dirs $acc
    end
    set -l walked
    for d in $dirs
        set -a walked $d
        set -l pre $d/
        test $d = /; and set pre /
        set -l found (path filter -- $pre$__vswitch_names)
        if set -q found[1]
            set -g __vswitch_cand $d
            set -g __vswitch_sig (string sub -s (math (string length -- $pre) + 1) -- $found)
            break
        end
    end
    if set -q __vswitch_walk_t[1]
        set -a __vswitch_memo_pwd $PWD
        # one element each, also when empty, so the lists stay aligned
        set -a __vswitch_memo_dirs "$(string join \n -- $walked)"
        set -a __vswitch_memo_cand "$__vswitch_cand"
        set -a __vswitch_memo_sig "$(string join \n -- $__vswitch_sig)"
    end
end

# Start remembering walks afresh when there is no memory yet or it is
# full, or the names changed: touch the walk stamp first. No stamp
# folder: nothing is remembered.
function __vswitch_memo_start --description 'vswitch: start remembering walks'
    if set -q __vswitch_walk_t[1]; and test (count $__vswitch_memo_pwd) -lt 64
        and test "$__vswitch_memo_tag" = "$__vswitch_tag"
        return 0
    end
    set -g __vswitch_memo_pwd
    set -g __vswitch_memo_dirs
    set -g __vswitch_memo_cand
    set -g __vswitch_memo_sig
    set -g __vswitch_memo_tag "$__vswitch_tag"
    set -e -g __vswitch_walk_t
    test -n "$__vswitch_stampdir"; or return 0
    true >$__vswitch_stampdir/$fish_pid.walk 2>/dev/null; or return 0
    set -g __vswitch_walk_t (path mtime -- $__vswitch_stampdir/$fish_pid.walk)
end

function __vswitch_find_nul --description 'vswitch: __vswitch_find, any bytes'
    set -l d $PWD
    while true
        set -l found (path filter -Z -- $d/$__vswitch_names | string split0)
        if set -q found[1]
            set -g __vswitch_cand $d
            for f in $found
                set -a __vswitch_sig (path basename -Z -- $f | string split0)
            end
            return 0
        end
        test "$d" = /; and return 0
        set d (path dirname -Z -- $d | string split0)
    end
end

# The names found in $PWD alone: a venv made or removed in the open
# folder changes them.
function __vswitch_names_here --description 'vswitch: the names in $PWD'
    set -q __vswitch_names[1]; or return 0
    path basename -- (path filter -Z -- $PWD/$__vswitch_names | string split0)
end

# The key: the candidate folder, the names in it, and the value (or
# absence) of each variable the result depends on, each word escaped so
# that no two keys read alike. Each variable's part is made again only
# after it was set: fish tells, through a handler made for the names the
# binary gave.
function __vswitch_keyof --description 'vswitch: what the result depends on'
    # a project an env's .project names holds no file of ours: the
    # nearest such one that holds $PWD is part of the key
    set -l best ''
    for l in $__vswitch_links
        set -l n (string length -- "$l/")
        if test "$PWD" = "$l"; or test "$(string sub -l $n -- "$PWD/")" = "$l/"
            test (string length -- "$l") -gt (string length -- "$best"); and set best $l
        end
    end
    if not set -q __vswitch_vtag; or test "$__vswitch_vtag" != "$__vswitch_tag"
        __vswitch_watch_vars
    end
    for v in $__vswitch_vdirty
        set -l i (contains -i -- $v $__vswitch_vars); or continue
        if set -q $v
            set -g __vswitch_vval[$i] (string join ' ' -- (string escape -- (count $$v) $$v))
        else
            set -g __vswitch_vval[$i] -
        end
    end
    set -g __vswitch_vdirty
    string join ' ' -- (string escape -- $best $__vswitch_cand (count $__vswitch_sig) $__vswitch_sig) $__vswitch_vval
end

# A handler that notes which of the variables is set, made anew for each
# list of names the binary gives (names of environment variables:
# letters, digits and _ only); every variable's part is made afresh.
function __vswitch_watch_vars --description 'vswitch: follow the variables of the key'
    set -g __vswitch_vtag "$__vswitch_tag"
    set -g __vswitch_vval
    set -g __vswitch_vdirty $__vswitch_vars
    functions -e __vswitch_var_set
    set -l opts
    for v in (string match -r -- '^[A-Za-z_][A-Za-z0-9_]*$' $__vswitch_vars)
        set -a opts --on-variable $v
    end
    set -q opts[1]; or return 0
    function __vswitch_var_set $opts --description 'vswitch: a variable of the key was set'
        set -ga __vswitch_vdirty $argv[3]
    end
end

# Whether no watched file changed since this shell's stamp: one that
# existed must still exist and be older than the stamp (whole seconds:
# the same second counts as changed), one that did not must still not.
function __vswitch_fresh --description 'vswitch: whether watched files are unchanged'
    test -n "$__vswitch_stampdir"; or return 1
    set -l t (path mtime -- $__vswitch_stampdir/$fish_pid); or return 1
    set -l minus (string replace -rf -- '^-' '' $__vswitch_watch)
    path filter -q -- $minus; and return 1
    set -l plus (string replace -rf -- '^\+' '' $__vswitch_watch)
    set -l m (path mtime -- $plus)
    test (count $m) -eq (count $plus); or return 1
    for x in $m
        test $x -lt $t; or return 1
    end
    return 0
end

# Touch the stamp, run the binary with $argv after the shell's name, and
# source what it prints; then remember what it saw. A binary that is no
# longer where it was recorded (an upgrade moved it) is looked up on
# PATH again.
function __vswitch_run --description 'vswitch: run the binary'
    if test -n "$__vswitch_stampdir"
        true >$__vswitch_stampdir/$fish_pid 2>/dev/null; or set -g __vswitch_stampdir ''
    end
    __vswitch_rebin; or return 0
    $__vswitch_bin $argv | source
    __vswitch_seen
end

function __vswitch_rebin --description 'vswitch: find the binary again if it moved'
    test -x "$__vswitch_bin"; and return 0
    set -l b (command -s vswitch); or return 1
    set -g __vswitch_bin $b
end

# The walk made just before the run stands, unless the run changed the
# folder or the names.
function __vswitch_seen --description 'vswitch: remember what the binary saw'
    set -g __vswitch_pwd $PWD
    test "$__vswitch_walked" = "$PWD"\n"$__vswitch_tag"; or __vswitch_find
    set -g __vswitch_key (__vswitch_keyof)
    set -g __vswitch_seen_here
    if test "$__vswitch_cand" = "$PWD"
        set -g __vswitch_seen_here $__vswitch_sig
    end
    set -g __vswitch_ve "$VIRTUAL_ENV"
end

# After each cd (even in the middle of a line, so `cd proj; pip install`
# uses proj's env) and before each prompt: run the binary only when what
# it reads may have changed.
function __vswitch_check --description 'vswitch: follow the working directory'
    if not set -q __vswitch_pwd
        __vswitch_run export $__vswitch_shell --init
        return 0
    end
    if test "$__vswitch_pwd" = "$PWD"; and test "$__vswitch_ve" = "$VIRTUAL_ENV"
        test "$(__vswitch_names_here)" = "$__vswitch_seen_here"; and return 0
    end
    set -g __vswitch_pwd $PWD
    __vswitch_find
    if test (__vswitch_keyof) = "$__vswitch_key"; and __vswitch_fresh
        # the names here, as the walk saw them
        set -g __vswitch_seen_here
        if test "$__vswitch_cand" = "$PWD"
            set -g __vswitch_seen_here $__vswitch_sig
        end
        return 0
    end
    # the lists the binary gave stand while it gives no others ('' is
    # no tag it gives)
    __vswitch_run export $__vswitch_shell "--have=$__vswitch_tag"
end

function __vswitch_on_pwd --on-variable PWD --description 'vswitch: the directory changed'
    __vswitch_check
end

function __vswitch_on_prompt --on-event fish_prompt --description 'vswitch: before the prompt'
    __vswitch_check
end

function __vswitch_return --description 'vswitch: set $status'
    return $argv[1]
end

# The prompt is wrapped once, as Python's activate.fish does it, and the
# wrapper stays: it runs the original (with $status kept), then prints
# the label before what the original printed, unless the label is empty
# or VIRTUAL_ENV_DISABLE_PROMPT is set, also by the original itself (as
# fish's sample prompts pythonista, disco and nim do). An activate.fish
# sourced on top wraps it in turn and puts it back when it deactivates.
function __vswitch_prompt_wrap --description 'vswitch: wrap fish_prompt'
    functions -q fish_prompt; or return 0
    set -l d (functions --details --verbose fish_prompt)
    test "$d[5]" = 'vswitch: prompt with the env label'; and return 0
    functions -e __vswitch_fish_prompt
    functions -c fish_prompt __vswitch_fish_prompt
    function fish_prompt --description 'vswitch: prompt with the env label'
        set -l __vswitch_st $status
        set -l __vswitch_out (__vswitch_return $__vswitch_st; __vswitch_fish_prompt | string collect -N)
        if test -n "$__vswitch_label"; and test -z "$VIRTUAL_ENV_DISABLE_PROMPT"
            printf '(%s) ' $__vswitch_label
        end
        printf '%s' $__vswitch_out
    end
end

# An env is active with label $argv[1] ('' when the prompt shows none):
# show it, and offer `deactivate` unless an activate script's own is
# there.
function __vswitch_enter --description 'vswitch: an env is active'
    set -g __vswitch_label $argv[1]
    __vswitch_prompt_wrap
    if not functions -q deactivate
        function deactivate --description 'vswitch: deactivate (vswitch off)'
            # an activate script calls this before it activates its own
            # env: vswitch's stays under it, and comes back after
            test "$argv[1]" = nondestructive; or vswitch off
        end
        set -g __vswitch_deact 1
    end
end

# No env of ours is active: take the label and our `deactivate` away.
# While an activate script's env is on top (_OLD_VIRTUAL_PATH is its
# mark), its `deactivate` is the one defined, and stays.
function __vswitch_leave --description 'vswitch: no env is active'
    set -g __vswitch_label ''
    if set -q __vswitch_deact[1]; and not set -q _OLD_VIRTUAL_PATH
        functions -e deactivate
    end
    set -e -g __vswitch_deact
end

# The commands that change this shell (__vswitch_cmds) have their
# output sourced here; every other command runs the binary as it is.
function vswitch --description 'switch Python virtual envs by directory'
    __vswitch_rebin; or return 127
    if contains -- "$argv[1]" (string split ' ' -- $__vswitch_cmds)
        $__vswitch_bin --shell=$__vswitch_shell $argv | source
        set -l __vswitch_rc $pipestatus[1]
        set -g __vswitch_walked
        __vswitch_seen
        return $__vswitch_rc
    end
    $__vswitch_bin $argv
end

# Completion, also when XDG_DATA_DIRS does not name this install's
# share/ (ssh and tty logins): the folder beside the binary's bin/.
set -l __vswitch_comp (path dirname -- (path dirname -- $__vswitch_bin))/share/fish/vendor_completions.d
if test -d $__vswitch_comp; and not contains -- $__vswitch_comp $fish_complete_path
    set -ga fish_complete_path $__vswitch_comp
end

set -q __vswitch_label; or set -g __vswitch_label ''
__vswitch_prompt_wrap
__vswitch_check
