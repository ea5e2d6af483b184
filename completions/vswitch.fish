# fish completion for vswitch. Installed as
# share/fish/vendor_completions.d/vswitch.fish, which fish loads the first
# time you complete `vswitch`. fish quotes what it inserts itself, so env
# names with blanks, quotes or $ complete as they are.

# Whether the command line has no subcommand yet.
function __vswitch_no_subcommand
    set -l words (commandline -opc)
    set -e words[1]
    while set -q words[1]
        switch $words[1]
            case --shell
                set -e words[1]
            case '--shell=*'
            case '*'
                return 1
        end
        set -e words[1]
    end
    return 0
end

# Whether the word being completed is the first argument of subcommand
# $argv[1].
function __vswitch_first_arg_of
    set -l words (commandline -opc)
    set -l i (contains -i -- $argv[1] $words); or return 1
    test (count $words) -eq $i
end

# Whether the word being completed reads as a path (see vswitch(1), use).
function __vswitch_pathish
    string match -qr '/|^[.~]' -- (commandline -ct)
end

complete -c vswitch -f
complete -c vswitch -n __vswitch_no_subcommand -l help -d 'print a summary of the commands'
complete -c vswitch -n __vswitch_no_subcommand -l version -d 'print the version'
complete -c vswitch -n __vswitch_no_subcommand -a hook -d 'print the hook for a shell'
complete -c vswitch -n __vswitch_no_subcommand -a export -d 'print the code for $PWD (the hook runs it)'
complete -c vswitch -n __vswitch_no_subcommand -a off -d 'deactivate until you leave this project'
complete -c vswitch -n __vswitch_no_subcommand -a on -d 'resume automatic switching here'
complete -c vswitch -n __vswitch_no_subcommand -a use -d 'activate an env by name or path'
complete -c vswitch -n __vswitch_no_subcommand -a list -d 'the envs in the env home'
complete -c vswitch -n __vswitch_no_subcommand -a status -d 'what is active and why'
complete -c vswitch -n __vswitch_no_subcommand -a allow -d 'trust what governs a folder'
complete -c vswitch -n __vswitch_no_subcommand -a deny -d 'distrust what governs a folder'

complete -c vswitch -n '__vswitch_first_arg_of hook; or __vswitch_first_arg_of export' \
    -a '(vswitch hook --list 2>/dev/null)'
complete -c vswitch -n '__vswitch_first_arg_of use; and not __vswitch_pathish' \
    -a '(vswitch list --prefix=(commandline -ct | string unescape) 2>/dev/null)' -d env
complete -c vswitch -n '__vswitch_first_arg_of use; and __vswitch_pathish' \
    -a '(__fish_complete_directories (commandline -ct))'
complete -c vswitch -n '__vswitch_first_arg_of allow; or __vswitch_first_arg_of deny' \
    -a '(__fish_complete_directories (commandline -ct))'
complete -c vswitch -n '__fish_seen_subcommand_from list' -s l -l long -d 'add the Python version and the path'
