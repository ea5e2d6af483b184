# vswitch hook for fish. Put this line in ~/.config/fish/config.fish:
#     vswitch hook fish | source
# `vswitch hook fish` prints this file after the variables
# __vswitch_bin (the binary's absolute path), __vswitch_cmds (the
# commands that change the shell) and __vswitch_shell (fish).

# Runs whenever PWD changes and once now; starts the binary only when PWD
# differs from the last run. The first run of a shell passes --init so the
# prompt prefix of an inherited env is drawn again.
function __vswitch_hook --on-variable PWD --description 'vswitch: follow the working directory'
    test "$__vswitch_pwd" = "$PWD"; and set -q __vswitch_pwd; and return
    if set -q __vswitch_pwd
        set -g __vswitch_pwd $PWD
        $__vswitch_bin export $__vswitch_shell | source
    else
        set -g __vswitch_pwd $PWD
        $__vswitch_bin export $__vswitch_shell --init | source
    end
end

function __vswitch_return --description 'vswitch: set $status'
    return $argv[1]
end

# Wrap fish_prompt as Python's activate.fish does: keep the original as
# __vswitch_fish_prompt, print the label, then call it with $status kept.
function __vswitch_prompt_set --description 'vswitch: show the env in the prompt'
    __vswitch_prompt_clear
    set -g __vswitch_label $argv[1]
    functions -q fish_prompt; or return 0
    functions -c fish_prompt __vswitch_fish_prompt
    function fish_prompt --description 'vswitch: prompt with the env label'
        set -l __vswitch_st $status
        if test -z "$VIRTUAL_ENV_DISABLE_PROMPT"; and set -q __vswitch_label
            printf '(%s) ' $__vswitch_label
        end
        __vswitch_return $__vswitch_st
        __vswitch_fish_prompt
    end
end

# Put the original back only if fish_prompt is still our wrapper: a
# prompt the user defined meanwhile is theirs and stays.
function __vswitch_prompt_clear --description 'vswitch: restore the prompt'
    if functions -q __vswitch_fish_prompt
        set -l __vswitch_d (functions --details --verbose fish_prompt)
        if test "$__vswitch_d[5]" = 'vswitch: prompt with the env label'
            functions -e fish_prompt
            functions -c __vswitch_fish_prompt fish_prompt
        end
        functions -e __vswitch_fish_prompt
    end
    set -e -g __vswitch_label
end

# The commands that change this shell (__vswitch_cmds) have their
# output sourced here; every other command runs the binary as it is.
function vswitch --description 'switch Python virtual envs by directory'
    if contains -- "$argv[1]" (string split ' ' -- $__vswitch_cmds)
        $__vswitch_bin --shell=$__vswitch_shell $argv | source
        set -l __vswitch_rc $pipestatus[1]
        set -g __vswitch_pwd $PWD
        return $__vswitch_rc
    end
    $__vswitch_bin $argv
end

__vswitch_hook
