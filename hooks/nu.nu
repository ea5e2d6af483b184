# vswitch hook for nushell. nu cannot evaluate text it is handed, so
# the hook is saved once, by these two lines typed in nu, into the
# autoload folder that nu reads at start-up (and does not make):
#     mkdir $nu.user-autoload-dirs.0
#     vswitch hook nu | save -f ($nu.user-autoload-dirs.0)/vswitch.nu
# (or save it anywhere and `source` it at the end of config.nu). Save it
# again after moving the binary.
# `vswitch hook nu` prints this file after the consts _vswitch_bin (the
# binary's path as invoked), _vswitch_cmds (the commands that change the
# shell), _vswitch_shell (nu) and _vswitch_stampdir (the folder of stamp
# files, '' for none).
#
# The binary prints data, not code: one JSON object a line, read with
# `from json --objects`, which runs nothing, and applied with load-env
# and hide-env. PATH comes as a list, as nu keeps it.
#
# The hook's state is the record $env.__vswitch: nu passes strings to
# child processes but no record, so a child nu starts afresh.
#   bin     the binary, looked up on PATH again when it is gone
#   rc      the exit status of its last run
#   pwd     the folder the binary last ran for (null: never)
#   ve      VIRTUAL_ENV as the binary left it
#   here    the names the binary saw in pwd ('/venv/.venvrc', or '')
#   key     what the result depended on (keyof, below)
#   label   the prompt's label while an env of ours is active ('' shows
#           none), else null
#   deact   whether our deactivate is defined
#   orig    the PROMPT_COMMAND our wrapper draws after the label
#   wrapper our PROMPT_COMMAND
# and what each run of the binary gives the hook:
#   names    the names any source looks for in a folder
#   watch    "+PATH" (exists) or "-PATH" (does not): the files whose
#            change could change the result
#   vars     the environment variables the result depends on
#   links    the projects that envs' .project files name
#   stampdir the folder of stamp files ('' for none)
# A cd that finds the same nearest folder holding one of the names, the
# same values of those variables, and no watched file changed since this
# shell's stamp starts no process: the binary would print nothing new.
# The stamp's and the files' times come from ls, a builtin.

# Whether x is a hook entry of a load of this file.
def _vswitch_is_ours [x: any]: nothing -> bool {
    ($x | describe | str starts-with 'record') and ($x.__vswitch? == true)
}

# (These run at each cd and prompt: they call no closure, which costs
# nu far more than a loop or a command given a whole list.)

# The paths of the names in folder d, as a list.
def _vswitch_paths_in [d: string]: nothing -> list<string> {
    let base = (if $d == '/' { '' } else { $d })
    $base + '/' + ($env.__vswitch.names | str join $"(char nul)($base)/") | split row (char nul)
}

# The names whose paths there (from _vswitch_paths_in, through path
# exists) says are present, as one string ('/venv/.venv', or '').
def _vswitch_sig [there: list<bool>]: nothing -> string {
    let names = $env.__vswitch.names
    mut s = ''
    for i in 0..<($names | length) {
        if ($there | get $i) {
            $s = $s + '/' + ($names | get $i)
        }
    }
    $s
}

# The names found in folder d, as one string ('/venv/.venv', or '').
def _vswitch_names_in [d: string]: nothing -> string {
    if ($env.__vswitch.names | is-empty) {
        return ''
    }
    _vswitch_sig (_vswitch_paths_in $d | path exists)
}

# The nearest folder from pwd up holding one of the names, and the names
# found there: {cand, sig}, both '' for none.
def _vswitch_find [pwd: string] {
    if ($env.__vswitch.names | is-empty) {
        return {cand: '', sig: ''}
    }
    mut d = $pwd
    loop {
        let there = (_vswitch_paths_in $d | path exists)
        if true in $there {
            return {cand: $d, sig: (_vswitch_sig $there)}
        }
        if $d == '/' or not ($d starts-with '/') {
            return {cand: '', sig: ''}
        }
        $d = ($d | path dirname)
    }
}

# The candidate folder, the names in it, the nearest project a .project
# names (it holds no file of ours), and the value (or absence: null) of
# each variable the result depends on.
def _vswitch_keyof [pwd: string, f: record] {
    mut link = ''
    for l in $env.__vswitch.links {
        if ($pwd == $l or ($pwd starts-with ($l + '/'))) and ($l | str length) > ($link | str length) {
            $link = $l
        }
    }
    {link: $link, cand: $f.cand, sig: $f.sig,
        vals: ($env | select -o ...$env.__vswitch.vars)}
}

# Whether no watched file changed since this shell's stamp: one that
# existed must still exist (links followed) and be older than the stamp,
# one that did not must still not.
def _vswitch_fresh []: nothing -> bool {
    let v = $env.__vswitch
    if $v.stampdir == '' {
        return false
    }
    let t = (try { ls -D ($v.stampdir | path join ($nu.pid | into string)) | get 0.modified } catch { null })
    if $t == null {
        return false
    }
    mut was = []
    mut wasnt = []
    for w in $v.watch {
        if ($w starts-with '+') {
            $was = ($was | append ($w | str substring 1..))
        } else {
            $wasnt = ($wasnt | append ($w | str substring 1..))
        }
    }
    if true in ($wasnt | path exists) {
        return false
    }
    if ($was | is-empty) {
        return true
    }
    # a row a path; an error if one is gone
    let times = (try { ls -D ...($was | path expand) | get modified } catch { null })
    $times != null and ($times | length) == ($was | length) and ($times | math max) < $t
}

# The binary: where it was recorded if it is still there, else where
# PATH has it (an upgrade moved it); '' for nowhere.
def _vswitch_find_bin []: nothing -> string {
    if ($env.__vswitch.bin | path exists) {
        return $env.__vswitch.bin
    }
    let found = (which -a vswitch | where type == external)
    if ($found | is-empty) { '' } else { $found | first | get path }
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

# Apply the binary's output, an object a line: the variables set, then
# those unset, then the hook's own values, then the prompt. (A hide-env
# after a call of a def --env in the same block does not stay, in nu
# 0.115: so the changes are gathered first.)
def --env _vswitch_apply [out: string] {
    mut sets = {}
    mut unsets = []
    mut own = {}
    mut prompt = ''
    mut label = ''
    for c in (try { $out | from json --objects } catch { [] }) {
        match ($c.op? | default '') {
            'set' => { $sets = ($sets | upsert $c.name $c.value) }
            'unset' => { $unsets = ($unsets | append $c.name) }
            'hook-var' | 'hook-list' => { $own = ($own | upsert $c.name $c.value) }
            'prompt' => { $prompt = 'set'; $label = $c.value }
            'prompt-clear' => { $prompt = 'clear' }
        }
    }
    load-env $sets
    if ($unsets | is-not-empty) {
        hide-env -i ...$unsets
    }
    $env.__vswitch = ($env.__vswitch | merge $own)
    if $prompt == 'clear' {
        _vswitch_leave
    } else if $prompt == 'set' {
        _vswitch_enter $label
    }
}

# Run the binary with args, print what it says on stderr, apply what it
# prints, remember what it saw (with --found, what _vswitch_find gave
# just before: a name made or removed since makes the next check run it
# again); its exit status goes in $env.__vswitch.rc. (Called only as a command of its own: in nu 0.115
# a def --env called inside a condition brings back a variable that
# hide-env takes out after it.)
def --env _vswitch_run [--found: any, ...args: string] {
    let bin = (_vswitch_find_bin)
    $env.__vswitch.rc = 127
    if $bin == '' {
        return
    }
    $env.__vswitch.bin = $bin
    let sd = $env.__vswitch.stampdir
    let touched = ($sd == '' or (try {
        touch ($sd | path join ($nu.pid | into string)); true
    } catch { false }))
    if not $touched {
        $env.__vswitch.stampdir = ''
    }
    let pwd = $env.PWD
    let r = (^$bin ...$args | complete)
    let err = $r.stderr
    # a message may name a path that is not UTF-8; print costs nu
    # milliseconds even for nothing
    if ($err | is-not-empty) {
        print -e -n (if ($err | describe) == 'binary' { $err | decode utf-8 } else { $err })
    }
    let out = $r.stdout
    _vswitch_apply (if ($out | describe) == 'binary' { '' } else { $out })
    # the stamp folder the binary names may not be the one saved with
    # the hook (other XDG folders then): the stamp moves there, with
    # the time it had before the run
    let nd = $env.__vswitch.stampdir
    if $touched and $sd != '' and $nd != $sd and $nd != '' {
        let pid = ($nu.pid | into string)
        try { touch -r ($sd | path join $pid) ($nd | path join $pid) } catch { $env.__vswitch.stampdir = '' }
    }
    let f = if $found != null { $found } else { _vswitch_find $pwd }
    $env.__vswitch.pwd = $pwd
    $env.__vswitch.ve = ($env.VIRTUAL_ENV? | default '')
    $env.__vswitch.here = (if $f.cand == $pwd { $f.sig } else { '' })
    $env.__vswitch.key = (_vswitch_keyof $pwd $f)
    $env.__vswitch.rc = $r.exit_code
}

# After each change of $env.PWD and before each prompt: run the binary
# only when what it reads may have changed.
def --env _vswitch_check [] {
    let v = $env.__vswitch
    # nu starts no process in a folder that is gone (and runs little
    # else): the env stays until a cd leaves it
    if not ($env.PWD | path exists) {
        return
    }
    let pwd = $env.PWD
    if ($v.pwd != null and $pwd == $v.pwd and ($env.VIRTUAL_ENV? | default '') == $v.ve
            and (_vswitch_names_in $pwd) == $v.here) {
        return
    }
    let f = if $v.pwd == null { {cand: '', sig: ''} } else { _vswitch_find $pwd }
    let args = if $v.pwd == null {
        ['export' $_vswitch_shell '--init']
    } else if (_vswitch_keyof $pwd $f) == $v.key and (_vswitch_fresh) {
        []
    } else {
        ['export' $_vswitch_shell]
    }
    if ($args | is-empty) {
        # nothing to do here: the next check in this folder is cheap
        $env.__vswitch.pwd = $pwd
        $env.__vswitch.here = (if $f.cand == $pwd { $f.sig } else { '' })
        return
    }
    _vswitch_run --found (if $v.pwd == null { null } else { $f }) ...$args
}

# Completion: the commands; the shells after hook and export; after use,
# the envs of the env home (those that are not plain words written as
# nu strings, as `to nuon` writes them);
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
    # the word as typed, and what it says: one begun with a quote is
    # read up to here (in double quotes \" and \\ are escapes)
    let typed = ($words | last)
    let open = ($typed | str substring 0..<1)
    let a = (if $open == '"' {
        $typed | str substring 1.. | str replace -a '\\' (char nul) | str replace -a '\"' '"' | str replace -a (char nul) '\'
    } else if $open in ["'" '`'] {
        $typed | str substring 1..
    } else {
        $typed
    })
    let bin = (_vswitch_find_bin)
    if ($words | length) != 3 or $bin == '' {
        return null
    }
    if $sub in [hook export] {
        return (^$bin hook '--list' | lines)
    }
    if $sub == 'use' and not ($a =~ '/' or $a starts-with '.' or $a starts-with '~') {
        let out = (^$bin list $'--prefix=($a)' | complete | get stdout)
        # a name that is not UTF-8 cannot be used here anyway
        let names = (if ($out | describe) == 'binary' { $out | decode utf-8 } else { $out } | lines)
        # a word begun with a quote gets every name quoted
        let quoted = ($open in ['"' "'" '`'])
        return ($names | each {|n|
            if not $quoted and $n =~ '^[A-Za-z0-9_][A-Za-z0-9_.+@,=-]*$' {
                {value: $n}
            } else {
                {value: ($n | to nuon), display: $n}
            }
        } | where {|c| $c.value starts-with $typed })
    }
    null
}

# The commands that change this shell have their output applied here;
# every other command runs the binary as it is.
def --env --wrapped vswitch [...args: string@_vswitch_complete] {
    let bin = (_vswitch_find_bin)
    if $bin == '' {
        print -e $"vswitch: the binary is gone from '($env.__vswitch.bin)' and not on PATH"
        ^sh -c 'exit 127'
        return
    }
    if ($args | is-empty) or ($args.0 not-in ($_vswitch_cmds | split row ' ')) {
        ^$bin ...$args
        return
    }
    _vswitch_run $'--shell=($_vswitch_shell)' ...$args
    # the status of the last external command is the line's; a
    # command's own setting of LAST_EXIT_CODE is not kept
    if $env.__vswitch.rc != 0 {
        ^sh -c $'exit ($env.__vswitch.rc)'
    }
}

# A second load takes out the first one's prompt wrapper and hooks.
if ($env.__vswitch? | describe | str starts-with 'record') and ($env.PROMPT_COMMAND? == $env.__vswitch.wrapper) {
    $env.PROMPT_COMMAND = $env.__vswitch.orig
}
$env.__vswitch = {
    bin: $_vswitch_bin, rc: 0, pwd: null, ve: '', here: '', key: null, label: null,
    deact: false, orig: null,
    names: [], watch: [], vars: [], links: [], stampdir: $_vswitch_stampdir,
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
