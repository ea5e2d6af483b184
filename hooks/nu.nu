# vswitch hook for nushell. nu cannot evaluate text it is handed, so
# the hook is saved once to a file nu reads at start-up, its autoload
# folder:
#     mkdir ($nu.user-autoload-dirs | first); vswitch hook nu | save -f ($nu.user-autoload-dirs | first | path join vswitch.nu)
# (or save it anywhere and `source` it at the end of config.nu). Run the
# line again after moving the binary.
# `vswitch hook nu` prints this file after the consts _vswitch_bin (the
# binary's path as invoked), _vswitch_cmds (the commands that change the
# shell), _vswitch_shell (nu) and _vswitch_stampdir (which this hook,
# running the binary at each cd, does not need).
#
# The binary prints data, not code: one JSON object a line, read with
# `from json --objects`, which runs nothing, and applied with load-env
# and hide-env. PATH comes as a list, as nu keeps it.
#
# The hook's state is the record $env.__vswitch: nu passes strings to
# child processes but no record, so a child nu starts afresh.
#   bin     the binary, looked up on PATH again when it is gone
#   pwd     the folder the binary last ran for (null: never)
#   ve      VIRTUAL_ENV as the binary left it
#   here    the names the binary saw in pwd ('/venv/.venvrc', or '')
#   names   the names any source looks for in a folder (hook-list)
#   label   the prompt's label while an env of ours is active ('' shows
#           none), else null
#   deact   whether our deactivate is defined
#   orig    the PROMPT_COMMAND our wrapper draws after the label
#   wrapper our PROMPT_COMMAND
#
# nu can read a file's time with builtins (ls), but this hook does not
# yet take the fast path: the binary runs at each change of $env.PWD
# (env_change.PWD), and before a prompt only when VIRTUAL_ENV changed or
# the names found in $env.PWD did (a venv made or removed in the open
# folder). An idle prompt starts no process.

# Whether x is a hook entry of a load of this file.
def _vswitch_is_ours [x: any]: nothing -> bool {
    ($x | describe | str starts-with 'record') and ($x.__vswitch? == true)
}

# The names found in folder d, as one string ('/venv/.venv', or '').
def _vswitch_names_in [d: string]: nothing -> string {
    $env.__vswitch.names | where {|n| $d | path join $n | path exists } | each {|n| '/' + $n } | str join
}

# Whether the binary is still where it was recorded; else look it up on
# PATH (an upgrade moved it).
def --env _vswitch_rebin []: nothing -> bool {
    if ($env.__vswitch.bin | path exists) {
        return true
    }
    let found = (which -a vswitch | where type == external)
    if ($found | is-empty) {
        return false
    }
    $env.__vswitch.bin = ($found | first | get path)
    true
}

# An env of ours is active with label l: show it, wrapping the prompt
# unless it is ours already (a prompt set since is wrapped anew).
def --env _vswitch_enter [l: string] {
    $env.__vswitch.label = $l
    if ($env.PROMPT_COMMAND? != $env.__vswitch.wrapper) {
        $env.__vswitch.orig = $env.PROMPT_COMMAND?
        $env.PROMPT_COMMAND = $env.__vswitch.wrapper
    }
}

# None is: the prompt goes back if it is still our wrapper (a prompt set
# since is the user's, and stays).
def --env _vswitch_leave [] {
    $env.__vswitch.label = null
    if ($env.PROMPT_COMMAND? == $env.__vswitch.wrapper) {
        $env.PROMPT_COMMAND = $env.__vswitch.orig
    }
}

# Apply the binary's output, an object a line.
def --env _vswitch_apply [out: string] {
    for c in ($out | lines | where $it starts-with '{' | each {|l| try { $l | from json } catch { null } } | compact) {
        match $c.op? {
            'set' => { load-env {($c.name): $c.value} }
            'unset' => { hide-env -i $c.name }
            'prompt' => { _vswitch_enter $c.value }
            'prompt-clear' => { _vswitch_leave }
            'hook-var' | 'hook-list' => { $env.__vswitch = ($env.__vswitch | upsert $c.name $c.value) }
        }
    }
}

# Run the binary with args, print what it says on stderr, apply what it
# prints, remember what it saw; its exit status.
def --env _vswitch_run [...args: string]: nothing -> int {
    if not (_vswitch_rebin) {
        return 127
    }
    let pwd = $env.PWD
    let r = (^$env.__vswitch.bin ...$args | complete)
    let err = $r.stderr
    # a message may name a path that is not UTF-8
    print -e -n (if ($err | describe) == 'binary' { $err | decode utf-8 } else { $err })
    let out = $r.stdout
    _vswitch_apply (if ($out | describe) == 'binary' { '' } else { $out })
    $env.__vswitch.pwd = $pwd
    $env.__vswitch.ve = ($env.VIRTUAL_ENV? | default '')
    $env.__vswitch.here = (_vswitch_names_in $pwd)
    $r.exit_code
}

# After each change of $env.PWD and before each prompt: run the binary
# when what it reads may have changed.
def --env _vswitch_check [] {
    let v = $env.__vswitch
    if $v.pwd == null {
        _vswitch_run 'export' $_vswitch_shell '--init' | ignore
    } else if ($v.pwd != $env.PWD or $v.ve != ($env.VIRTUAL_ENV? | default '')
            or $v.here != (_vswitch_names_in $env.PWD)) {
        _vswitch_run 'export' $_vswitch_shell | ignore
    }
}

# Completion: the commands; the shells after hook and export; after use,
# the envs of the env home (quoted as nu reads them when they need it);
# nothing (nu's own completion of files) after allow and deny, or for
# use with a word that reads as a path.
def _vswitch_complete [context: string] {
    let words = ($context | split row -r '\s+')
    let commands = [hook export off on use list status allow deny exec env]
    if ($words | length) <= 2 {
        let a = ($words | get -o 1 | default '')
        return ($commands | where $it starts-with $a)
    }
    let sub = $words.1
    let a = ($words | last)
    if ($words | length) != 3 or not (_vswitch_rebin) {
        return null
    }
    if $sub in [hook export] {
        return (^$env.__vswitch.bin hook '--list' | lines)
    }
    if $sub == 'use' and not ($a =~ '/' or $a starts-with '.' or $a starts-with '~') {
        return (^$env.__vswitch.bin list $'--prefix=($a)' | complete | get stdout | lines
            | each {|n| {value: ($n | to nuon), description: ''} | if ($n | to nuon) == $n { $in } else { $in | upsert display $n } })
    }
    null
}

# The commands that change this shell have their output applied here;
# every other command runs the binary as it is.
def --env --wrapped vswitch [...args: string@_vswitch_complete] {
    if not (_vswitch_rebin) {
        print -e $"vswitch: the binary is gone from '($env.__vswitch.bin)' and not on PATH"
        ^sh -c 'exit 127'
        return
    }
    if ($args | is-not-empty) and ($args.0 in ($_vswitch_cmds | split row ' ')) {
        let rc = (_vswitch_run $'--shell=($_vswitch_shell)' ...$args)
        # the status of the last external command is the line's; a
        # command's own setting of LAST_EXIT_CODE is not kept
        if $rc != 0 {
            ^sh -c $'exit ($rc)'
        }
    } else {
        ^$env.__vswitch.bin ...$args
    }
}

# A second load takes out the first one's prompt wrapper and hooks.
if ($env.__vswitch? | describe | str starts-with 'record') and ($env.PROMPT_COMMAND? == $env.__vswitch.wrapper) {
    $env.PROMPT_COMMAND = $env.__vswitch.orig
}
$env.__vswitch = {
    bin: $_vswitch_bin, pwd: null, ve: '', here: '', names: [], label: null,
    deact: false, orig: null,
    # The prompt while an env of ours is active: the label, then what
    # the prompt it wraps draws, unless VIRTUAL_ENV_DISABLE_PROMPT is
    # set.
    wrapper: {||
        let v = $env.__vswitch
        let o = $v.orig
        let drawn = if ($o | describe | str starts-with 'closure') { do $o } else { $o | default '' }
        if ($v.label | is-not-empty) and ($env.VIRTUAL_ENV_DISABLE_PROMPT? | default '' | is-empty) {
            '(' + $v.label + ') ' + $drawn
        } else {
            $drawn
        }
    }
}

# The check runs after each change of $env.PWD (env_change, which nu
# runs before the first prompt too) and before each prompt (pre_prompt,
# which nu runs after env_change): the first finds the work, the second
# nothing left. deactivate is defined while an env of ours is active and
# hidden after: nu defines commands only in code, which a hook given as
# a string is (an activate script's own deactivate, in its overlay, is
# left alone: ours is defined only while its env is not active).
$env.config.hooks.env_change.PWD = ($env.config.hooks.env_change.PWD? | default []
    | where {|h| not (_vswitch_is_ours $h) }
    | append {__vswitch: true, code: {|before, after| _vswitch_check }})
$env.config.hooks.pre_prompt = ($env.config.hooks.pre_prompt? | default []
    | where {|h| not (_vswitch_is_ours $h) }
    | append [
        {__vswitch: true, code: {|| _vswitch_check }}
        {
            __vswitch: true
            condition: {|| $env.__vswitch.label != null and not $env.__vswitch.deact }
            code: 'def --env deactivate [...args] { vswitch off }; $env.__vswitch.deact = true'
        }
        {
            __vswitch: true
            condition: {|| $env.__vswitch.label == null and $env.__vswitch.deact }
            code: 'hide deactivate; $env.__vswitch.deact = false'
        }
    ])
