//! Shell completions for bash, zsh and fish, generated from the option table (`docs::listed`)
//! and from the generated tables (syscall, class, signal and errno names), so they offer
//! exactly the spellings the scanner accepts and the names the filters know.

use super::docs::{listed, wrap_into};
use super::{Id, OPTIONS, Opt};
use crate::filter::{quiet, status};
use crate::getopt::HasArg;
use crate::table::{CLASS_NAMES, ERRNOS, SIGNALS, SYSCALLS};

/// What an option's argument is, for completing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Values {
    /// A number or free text: nothing to offer.
    Nothing,
    Files,
    Pids,
    Users,
    EnvVars,
    /// `-e QUALIFIER=SET`.
    Expr,
    /// One of these words.
    Words(Vec<&'static str>),
    /// A comma-separated list of these words.
    List(Vec<&'static str>),
    /// A syscall set: names, `%class`es, `all`, `none`.
    Syscalls,
    /// A signal set.
    Signals,
    /// `SET:KEY=VALUE...` of `--inject`/`--fault`, with these keys.
    Inject(&'static [&'static str]),
}

/// The words of a set qualifier: `all`, `none` and the names of a `parse_names` table.
fn set_of(names: &[(&'static str, u32)]) -> Values {
    let mut words = vec!["all", "none"];
    words.extend(names.iter().map(|(n, _)| *n));
    Values::List(words)
}

/// What option `o` takes, for its completion. The words are the canonical spellings the
/// option's parser accepts (a unit test parses each).
pub(super) fn values(o: &Opt) -> Values {
    use Values::{List, Words};
    if o.arg == HasArg::No {
        return Values::Nothing;
    }
    match o.id {
        Id::Output | Id::TracePath | Id::JsonAndText => Values::Files,
        Id::Attach => Values::Pids,
        Id::User => Values::Users,
        Id::Env => Values::EnvVars,
        Id::Expr => Values::Expr,
        Id::ConstStyle => Words(vec!["raw", "abbrev", "verbose"]),
        Id::SortBy => Words(vec![
            "time", "min-time", "max-time", "avg-time", "calls", "errors", "name", "nothing",
        ]),
        Id::SummaryColumns => List(vec![
            "time-percent",
            "total-time",
            "min-time",
            "max-time",
            "avg-time",
            "calls",
            "errors",
            "name",
        ]),
        Id::Interruptible => Words(vec!["anywhere", "waiting", "never", "never_tstp"]),
        Id::Daemonize => Words(vec!["grandchild", "pgroup", "session"]),
        Id::DetachOn => Words(vec!["execve"]),
        Id::Timestamps => List(vec!["none", "time", "unix", "s", "ms", "us", "ns"]),
        Id::Relative | Id::SyscallTimes => Words(vec!["s", "ms", "us", "ns"]),
        Id::Hex => Words(vec!["none", "non-ascii-chars", "non-ascii", "all"]),
        Id::Tips => List(vec!["random", "none", "compact", "full"]),
        Id::Qualifier(q) => qualifier_values(q),
        _ => Values::Nothing,
    }
}

/// What `-e QUALIFIER=` (and the long option of the same name) takes.
fn qualifier_values(q: &str) -> Values {
    match q {
        "trace" | "abbrev" | "verbose" | "raw" => Values::Syscalls,
        "signal" => Values::Signals,
        "status" => set_of(&status::NAMES),
        "quiet" => set_of(&quiet::NAMES),
        "decode-fds" => Values::List(vec![
            "all", "none", "path", "socket", "dev", "pidfd", "signalfd", "eventfd",
        ]),
        "decode-pids" => Values::List(vec!["comm", "pidns"]),
        "kvm" => Values::Words(vec!["vcpu"]),
        "inject" => Values::Inject(&[
            "error=",
            "retval=",
            "signal=",
            "syscall=",
            "delay_enter=",
            "delay_exit=",
            "when=",
        ]),
        "fault" => Values::Inject(&["error=", "syscall=", "when="]),
        _ => Values::Nothing,
    }
}

/// The `-e` qualifiers, as their long options name them (`trace`, `signal`, ...).
fn qualifiers() -> Vec<&'static str> {
    listed()
        .filter_map(|(_, o)| match o.id {
            Id::Qualifier(q) => Some(q),
            _ => None,
        })
        .collect()
}

fn syscall_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = SYSCALLS.iter().flatten().map(|d| d.name).collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn class_names() -> Vec<String> {
    CLASS_NAMES.iter().map(|c| format!("%{c}")).collect()
}

fn signal_names() -> Vec<&'static str> {
    SIGNALS.iter().flatten().copied().collect()
}

fn errno_names() -> Vec<&'static str> {
    ERRNOS.iter().flatten().map(|e| e.name).collect()
}

/// Every spelling of `o`: `-o`, `--output`.
fn spellings(o: &Opt) -> Vec<String> {
    let short = o.short.map(|c| format!("-{}", char::from(c)));
    short
        .into_iter()
        .chain(o.longs.iter().map(|l| format!("--{l}")))
        .collect()
}

/// The spellings of `o` that take an argument (a short option never takes an optional one).
fn value_spellings(o: &Opt) -> Vec<String> {
    let mut all = spellings(o);
    if o.short.is_some() && o.arg == HasArg::Optional {
        all.remove(0);
    }
    all
}

/// `words` as lines of at most 100 columns, each indented by `indent` spaces and each but the
/// last ended by `continuation` (fish's words of one command go on with a backslash).
fn word_lines(words: &[String], indent: usize, continuation: &str) -> String {
    let mut out = String::new();
    wrap_into(&mut out, &" ".repeat(indent), &words.join(" "), indent, 98);
    out.pop();
    out.replace('\n', &format!("{continuation}\n"))
}

fn owned(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

/// Fills a template's `@NAME@`s with the name tables, as shell words on indented lines.
fn with_tables(template: &str, indent: usize, continuation: &str) -> String {
    let lines = |words: &[String]| word_lines(words, indent, continuation);
    template
        .replace("@SYSCALLS@", &lines(&owned(&syscall_names())))
        .replace("@CLASSES@", &lines(&class_names()))
        .replace("@SIGNALS@", &lines(&owned(&signal_names())))
        .replace("@ERRNOS@", &lines(&owned(&errno_names())))
}

/// The options that take the next word as their argument: their letters, and their long
/// names (hidden ones too: the scanner skips their arguments all the same).
fn arg_takers() -> (String, Vec<String>) {
    let takers = OPTIONS.iter().filter(|o| o.arg == HasArg::Required);
    let letters = takers.clone().filter_map(|o| o.short).map(char::from);
    let longs = takers.flat_map(|o| o.longs.iter().map(|l| format!("--{l}")));
    (letters.collect(), longs.collect())
}

/// The bash command completing `Values` from the prefix `$2` and the value typed so far `$3`.
fn bash_action(v: &Values) -> Option<String> {
    const SYSCALL_SET: &str = "all none $_strace_rs_classes $_strace_rs_syscalls";
    Some(match v {
        Values::Nothing => return None,
        // Readline's own file name completion (`complete -o default`).
        Values::Files => ":".into(),
        Values::Pids => "_strace_rs_words \"$2\" \"$3\" $(_strace_rs_pids)".into(),
        Values::Users => "COMPREPLY+=($(compgen -u -P \"$2\" -- \"$3\"))".into(),
        Values::EnvVars => "COMPREPLY+=($(compgen -v -P \"$2\" -- \"$3\"))".into(),
        Values::Expr => "_strace_rs_expr \"$2\" \"$3\"".into(),
        Values::Words(w) => format!("_strace_rs_words \"$2\" \"$3\" {}", w.join(" ")),
        Values::List(w) => format!("_strace_rs_list \"$2\" \"$3\" {}", w.join(" ")),
        Values::Syscalls => format!("_strace_rs_list \"$2\" \"$3\" {SYSCALL_SET}"),
        Values::Signals => "_strace_rs_list \"$2\" \"$3\" all none $_strace_rs_signals".into(),
        Values::Inject(keys) => format!("_strace_rs_inject \"$2\" \"$3\" {}", keys.join(" ")),
    })
}

/// The bash completion: completions/strace-rs.bash.
pub fn bash() -> String {
    let mut arms = String::new();
    for (_, o) in listed() {
        if let Some(action) = bash_action(&values(o)) {
            arms.push_str(&format!(
                "    {})\n        {action} ;;\n",
                value_spellings(o).join("|")
            ));
        }
    }
    let options: Vec<String> = listed().flat_map(|(_, o)| spellings(o)).collect();
    let (letters, longs) = arg_takers();
    let quals: Vec<String> = qualifiers().iter().map(|q| format!("{q}=")).collect();
    with_tables(BASH, 4, "")
        .replace("@OPTIONS@", &word_lines(&options, 4, ""))
        .replace("@LETTERS@", &letters)
        .replace("@LONGS@", &longs.join("|"))
        .replace("@QUALIFIERS@", &quals.join(" "))
        .replace("@VALUE_ARMS@", arms.trim_end())
}

const BASH: &str = r#"# bash completion for strace-rs(1)
# Generated by `strace-rs --generate=bash` from strace-rs's option table; do not edit.

_strace_rs_options='
@OPTIONS@'
_strace_rs_syscalls='
@SYSCALLS@'
_strace_rs_classes='
@CLASSES@'
_strace_rs_signals='
@SIGNALS@'
_strace_rs_errnos='
@ERRNOS@'

# The pids of the running processes.
_strace_rs_pids() {
    local p
    for p in /proc/[0-9]*; do
        printf '%s\n' "${p#/proc/}"
    done
}

# PREFIX VALUE WORD...: the words that start with VALUE, each after PREFIX.
_strace_rs_words() {
    local pre=$1 val=$2
    shift 2
    local IFS=$' \t\n'
    COMPREPLY+=($(compgen -W "$*" -P "$pre" -- "$val"))
}

# PREFIX VALUE WORD...: the last item of a list (after a comma, ! or ?) completed.
_strace_rs_list() {
    local pre=$1 val=$2
    shift 2
    local last=${val##*[,\!?]}
    _strace_rs_words "$pre${val%"$last"}" "$last" "$@"
}

# PREFIX VALUE KEY...: SET:KEY=VALUE:... of --inject and --fault.
_strace_rs_inject() {
    local pre=$1 val=$2
    shift 2
    if [[ $val != *:* ]]; then
        _strace_rs_list "$pre" "$val" all none $_strace_rs_classes $_strace_rs_syscalls
        return
    fi
    local head=${val%:*}: last=${val##*:}
    case $last in
    error=*) _strace_rs_words "${pre}${head}error=" "${last#*=}" $_strace_rs_errnos ;;
    signal=*) _strace_rs_words "${pre}${head}signal=" "${last#*=}" $_strace_rs_signals ;;
    syscall=*) _strace_rs_words "${pre}${head}syscall=" "${last#*=}" $_strace_rs_syscalls ;;
    *) _strace_rs_words "$pre$head" "$last" "$@" ;;
    esac
}

# PREFIX VALUE: -e QUALIFIER=SET, or a trace set alone.
_strace_rs_expr() {
    local pre=$1 val=$2
    if [[ $val == *=* ]]; then
        _strace_rs_value "--${val%%=*}" "$pre${val%%=*}=" "${val#*=}"
        return
    fi
    _strace_rs_words "$pre" "$val" @QUALIFIERS@
    _strace_rs_list "$pre" "$val" all none $_strace_rs_classes $_strace_rs_syscalls
}

# OPTION PREFIX VALUE: the argument of OPTION.
_strace_rs_value() {
    case $1 in
@VALUE_ARMS@
    esac
}

_strace_rs() {
    local words line cur
    if [[ -n ${COMP_LINE-} ]]; then
        # The words as typed: bash's COMP_WORDS splits `--trace=open` at the `=`.
        line=${COMP_LINE:0:COMP_POINT}
        read -ra words <<<"$line"
        [[ -z $line || $line == *[[:space:]] ]] && words+=("")
    else
        words=("${COMP_WORDS[@]:0:COMP_CWORD+1}")
    fi
    cur=${words[${#words[@]}-1]}
    COMPREPLY=()
    # Where the command starts, or which option the current word is the argument of.
    local i=1 n=$((${#words[@]} - 1)) word takes= cmd= j
    while ((i < n)); do
        word=${words[i]}
        if [[ -n $takes ]]; then
            takes=
        elif [[ $word == -- ]]; then
            cmd=$((i + 1))
            break
        elif [[ $word == --?* ]]; then
            case $word in
            @LONGS@) takes=$word ;;
            esac
        elif [[ $word == -?* ]]; then
            # The first letter that takes an argument takes the rest of the word, or the next.
            for ((j = 1; j < ${#word}; j++)); do
                if [[ '@LETTERS@' == *"${word:j:1}"* ]]; then
                    ((j + 1 == ${#word})) && takes=-${word:j:1}
                    break
                fi
            done
        else
            cmd=$i
            break
        fi
        ((i++))
    done
    if [[ -n $cmd ]]; then
        # The command's name; its arguments are readline's file names.
        ((cmd == n)) && COMPREPLY=($(compgen -c -- "$cur"))
    elif [[ -n $takes ]]; then
        _strace_rs_value "$takes" "" "$cur"
    elif [[ $cur == --*=* ]]; then
        _strace_rs_value "${cur%%=*}" "${cur%%=*}=" "${cur#*=}"
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$_strace_rs_options" -- "$cur"))
    else
        COMPREPLY=($(compgen -c -- "$cur"))
    fi
    # Readline replaces only what follows the last word break (`=`, `:`) typed.
    if [[ -n ${COMP_LINE-} ]]; then
        local breaks=${COMP_WORDBREAKS-} tail=$cur k
        [[ $breaks == *=* ]] && tail=${tail##*=}
        [[ $breaks == *:* ]] && tail=${tail##*:}
        local strip=${cur%"$tail"}
        for k in "${!COMPREPLY[@]}"; do
            COMPREPLY[k]=${COMPREPLY[k]#"$strip"}
        done
    fi
    if [[ ${COMPREPLY[*]} == *[=,] || ${COMPREPLY[*]} == *[=,]\ * ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

complete -o default -F _strace_rs strace-rs
"#;

/// Text for a single-quoted zsh word, with a backslash before each of `specials` (`]` in an
/// `_arguments` description, `:` in its message).
fn zsh_quote(text: &str, specials: &[char]) -> String {
    let mut s = String::new();
    for c in text.chars() {
        if c == '\'' {
            s.push_str("'\\''");
            continue;
        }
        if c == '\\' || specials.contains(&c) {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// The zsh command completing `Values` (`None`: nothing to offer).
fn zsh_action(v: &Values) -> Option<String> {
    const SYSCALL_SET: &str = "all none $_strace_rs_classes $_strace_rs_syscalls";
    Some(match v {
        Values::Nothing => return None,
        Values::Files => "_files".into(),
        Values::Pids => "_pids".into(),
        Values::Users => "_users".into(),
        Values::EnvVars => "_parameters -g '*export*'".into(),
        Values::Expr => "_strace_rs_expr".into(),
        Values::Words(w) => format!("compadd -- {}", w.join(" ")),
        Values::List(w) => format!("_strace_rs_list {}", w.join(" ")),
        Values::Syscalls => format!("_strace_rs_list {SYSCALL_SET}"),
        Values::Signals => "_strace_rs_list all none $_strace_rs_signals".into(),
        Values::Inject(keys) => format!("_strace_rs_inject {}", keys.join(" ")),
    })
}

/// The `_arguments` specs of one option: each spelling on its own (a short option never takes
/// an optional argument), repeatable (strace counts `-f`, `-t`, `-q`, ... and repeats `-e`).
fn zsh_specs(o: &Opt) -> Vec<String> {
    let help = zsh_quote(o.help, &[']']);
    let action =
        zsh_action(&values(o)).map_or(" ".into(), |a| format!("{{{}}}", a.replace('\'', "'\\''")));
    let message = zsh_quote(o.value, &[':']);
    let mut specs = Vec::new();
    if let Some(c) = o.short {
        let c = char::from(c);
        specs.push(match o.arg {
            HasArg::Required => format!("'*-{c}+[{help}]:{message}:{action}'"),
            _ => format!("'*-{c}[{help}]'"),
        });
    }
    for long in o.longs {
        specs.push(match o.arg {
            HasArg::No => format!("'*--{long}[{help}]'"),
            HasArg::Required => format!("'*--{long}=[{help}]:{message}:{action}'"),
            HasArg::Optional => format!("'*--{long}=-[{help}]::{message}:{action}'"),
        });
    }
    specs
}

/// The zsh completion: completions/_strace-rs.
pub fn zsh() -> String {
    let mut arms = String::new();
    for q in qualifiers() {
        let o = OPTIONS.iter().find(|o| o.id == Id::Qualifier(q));
        if let Some(action) = o.and_then(|o| zsh_action(&values(o))) {
            arms.push_str(&format!("        ({q}) {action} ;;\n"));
        }
    }
    let specs: Vec<String> = listed().flat_map(|(_, o)| zsh_specs(o)).collect();
    let specs: String = specs.iter().map(|s| format!("    {s} \\\n")).collect();
    with_tables(ZSH, 4, "")
        .replace("@QUALIFIERS@", &qualifiers().join(" "))
        .replace("@VALUE_ARMS@", arms.trim_end())
        .replace("@SPECS@", specs.trim_end())
}

const ZSH: &str = r#"#compdef strace-rs
# zsh completion for strace-rs(1)
# Generated by `strace-rs --generate=zsh` from strace-rs's option table; do not edit.

local -a _strace_rs_syscalls _strace_rs_classes _strace_rs_signals _strace_rs_errnos
_strace_rs_syscalls=(
@SYSCALLS@
)
_strace_rs_classes=(
@CLASSES@
)
_strace_rs_signals=(
@SIGNALS@
)
_strace_rs_errnos=(
@ERRNOS@
)

# WORD...: the last item of a list (after a comma, ! or ?).
_strace_rs_list() {
    compset -P '*[,!?]'
    compadd -q -S , -- "$@"
}

# KEY...: SET:KEY=VALUE:... of --inject and --fault.
_strace_rs_inject() {
    if compset -P '*:'; then
        if compset -P 'error='; then
            compadd -a _strace_rs_errnos
        elif compset -P 'signal='; then
            compadd -a _strace_rs_signals
        elif compset -P 'syscall='; then
            compadd -a _strace_rs_syscalls
        else
            compadd -S '' -- "$@"
        fi
    else
        _strace_rs_list all none $_strace_rs_classes $_strace_rs_syscalls
    fi
}

# -e QUALIFIER=SET, or a trace set alone.
_strace_rs_expr() {
    if [[ $PREFIX == *=* ]]; then
        local q=${PREFIX%%=*}
        compset -P 1 '*='
        case $q in
@VALUE_ARMS@
        esac
    else
        compadd -S = -- @QUALIFIERS@
        _strace_rs_list all none $_strace_rs_classes $_strace_rs_syscalls
    fi
}

_arguments -s -S : \
@SPECS@
    '(-)1:command:_command_names -e' \
    '*::arguments:_normal'
"#;

/// A fish single-quoted string.
fn fish_quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// The fish command printing the candidates of `Values` for the prefix `$argv[2]` and the value
/// typed `$argv[3]`.
fn fish_action(v: &Values) -> Option<String> {
    const SET: &str = "all none (__strace_rs_classes) (__strace_rs_syscalls)";
    const ARGS: &str = "\"$argv[2]\" \"$argv[3]\"";
    Some(match v {
        Values::Nothing | Values::Files => return None,
        Values::Pids => format!("__strace_rs_words {ARGS} (__fish_complete_pids)"),
        Values::Users => format!("__strace_rs_words {ARGS} (__fish_complete_users)"),
        Values::EnvVars => format!("__strace_rs_words {ARGS} (set -xn)"),
        Values::Expr => "__strace_rs_expr \"$argv[3]\"".into(),
        Values::Words(w) | Values::List(w) => format!("__strace_rs_words {ARGS} {}", w.join(" ")),
        Values::Syscalls => format!("__strace_rs_words {ARGS} {SET}"),
        Values::Signals => format!("__strace_rs_words {ARGS} all none (__strace_rs_signals)"),
        Values::Inject(keys) => format!("__strace_rs_inject {ARGS} {}", keys.join(" ")),
    })
}

/// One `complete` line of an option. fish has no optional arguments: such an option is
/// offered as a flag.
fn fish_line(o: &Opt) -> String {
    let mut line = "complete -c strace-rs -n __strace_rs_no_command".to_string();
    if let Some(c) = o.short {
        line.push_str(&format!(" -s {}", char::from(c)));
    }
    for long in o.longs {
        line.push_str(&format!(" -l {long}"));
    }
    let v = values(o);
    if o.arg == HasArg::Required {
        line.push_str(match v {
            Values::Files => " -r -F",
            _ => " -x",
        });
        if fish_action(&v).is_some() {
            let first = spellings(o).swap_remove(0);
            let call = format!("(__strace_rs_value_of {first} '' (__strace_rs_value))");
            line.push_str(&format!(" -a {}", fish_quote(&call)));
        }
    }
    line.push_str(&format!(" -d {}", fish_quote(o.help)));
    line
}

/// The fish completion: completions/strace-rs.fish.
pub fn fish() -> String {
    let mut arms = String::new();
    for (_, o) in listed() {
        if let Some(action) = fish_action(&values(o)) {
            arms.push_str(&format!(
                "        case {}\n            {action}\n",
                value_spellings(o).join(" ")
            ));
        }
    }
    let (letters, longs) = arg_takers();
    let letters: Vec<String> = letters.chars().map(String::from).collect();
    let lines: Vec<String> = listed().map(|(_, o)| fish_line(o)).collect();
    with_tables(FISH, 8, " \\")
        .replace("@LETTERS@", &letters.join(" "))
        .replace("@LONGS@", &longs.join(" "))
        .replace("@QUALIFIERS@", &(qualifiers().join("= ") + "="))
        .replace("@VALUE_ARMS@", arms.trim_end())
        .replace("@OPTIONS@", &lines.join("\n"))
}

const FISH: &str = r#"# fish completion for strace-rs(1)
# Generated by `strace-rs --generate=fish` from strace-rs's option table; do not edit.

function __strace_rs_syscalls
    printf '%s\n' \
@SYSCALLS@
end
function __strace_rs_classes
    printf '%s\n' \
@CLASSES@
end
function __strace_rs_signals
    printf '%s\n' \
@SIGNALS@
end
function __strace_rs_errnos
    printf '%s\n' \
@ERRNOS@
end

# The command and its arguments, if the command line has reached them.
function __strace_rs_rest
    set -l tokens (commandline -opc) (commandline -ct)
    set -e tokens[1]
    set -l takes 0
    while set -q tokens[1]
        set -l t $tokens[1]
        if test $takes = 1
            set takes 0
        else if test "$t" = --
            set -e tokens[1]
            break
        else if string match -q -- '--?*' $t
            contains -- $t @LONGS@; and set takes 1
        else if string match -q -- '-?*' $t
            # The first letter that takes an argument takes the rest of the word, or the next.
            set -l letters (string sub -s 2 -- $t | string split '')
            for i in (seq (count $letters))
                if contains -- $letters[$i] @LETTERS@
                    test $i -eq (count $letters); and set takes 1
                    break
                end
            end
        else
            break
        end
        set -e tokens[1]
    end
    # (`string join0` fails for a single word: the status says whether there is a command.)
    set -q tokens[1]; or return 1
    string join0 -- $tokens
    return 0
end

function __strace_rs_no_command
    not __strace_rs_rest >/dev/null
end

function __strace_rs_command
    __fish_complete_subcommand --commandline (__strace_rs_rest | string split0)
end

# The value being typed: the current word without a leading --NAME=.
function __strace_rs_value
    commandline -ct | string replace -r -- '^--[^=]*=' ''
end

# PREFIX VALUE WORD...: each word after PREFIX and the items of VALUE before its last.
function __strace_rs_words
    set -l head (string match -r -- '^.*[,!?]' "$argv[2]")
    test -n "$head"; or set head ''
    printf '%s\n' $argv[1]$head$argv[3..-1]
end

# PREFIX VALUE KEY...: SET:KEY=VALUE:... of --inject and --fault.
function __strace_rs_inject
    if not string match -q -- '*:*' "$argv[2]"
        __strace_rs_words "$argv[1]" "$argv[2]" all none (__strace_rs_classes) (__strace_rs_syscalls)
        return
    end
    set -l head (string replace -r -- '[^:]*$' '' "$argv[2]")
    switch (string replace -r -- '^.*:' '' "$argv[2]")
        case 'error=*'
            printf '%s\n' $argv[1]$head'error='(__strace_rs_errnos)
        case 'signal=*'
            printf '%s\n' $argv[1]$head'signal='(__strace_rs_signals)
        case 'syscall=*'
            printf '%s\n' $argv[1]$head'syscall='(__strace_rs_syscalls)
        case '*'
            printf '%s\n' $argv[1]$head$argv[3..-1]
    end
end

# VALUE: -e QUALIFIER=SET, or a trace set alone.
function __strace_rs_expr
    if string match -q -- '*=*' "$argv[1]"
        set -l q (string split -m 1 = -- "$argv[1]")
        __strace_rs_value_of --$q[1] $q[1]= "$q[2]"
    else
        __strace_rs_words '' "$argv[1]" @QUALIFIERS@
        __strace_rs_words '' "$argv[1]" all none (__strace_rs_classes) (__strace_rs_syscalls)
    end
end

# OPTION PREFIX VALUE: the argument of OPTION.
function __strace_rs_value_of
    switch $argv[1]
@VALUE_ARMS@
    end
end

@OPTIONS@
complete -c strace-rs -n 'not __strace_rs_no_command' -x -a '(__strace_rs_command)'
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use std::ffi::OsString;

    fn parses(words: &[&str]) -> bool {
        let args: Vec<OsString> = words.iter().map(OsString::from).collect();
        Cli::parse(&args).is_ok()
    }

    /// Every word a completion offers for an option is one its parser accepts.
    #[test]
    fn offered_words_parse() {
        let mut checked = 0;
        for (_, o) in listed() {
            let words = match values(o) {
                Values::Words(w) | Values::List(w) => w,
                Values::Syscalls => ["all", "none", "openat"]
                    .into_iter()
                    .chain(CLASS_NAMES.iter().copied())
                    .collect(),
                _ => continue,
            };
            for word in words {
                let class = format!("%{word}");
                let word = if CLASS_NAMES.contains(&word) {
                    class.as_str()
                } else {
                    word
                };
                let arg = format!("--{}={word}", o.longs[0]);
                assert!(parses(&[&arg, "-c", "true"]), "{arg}");
                checked += 1;
            }
        }
        assert!(checked > 80, "{checked}");
        for sig in signal_names() {
            assert!(parses(&["-e", &format!("signal={sig}"), "true"]), "{sig}");
        }
        assert!(parses(&["--inject=openat:error=ENOENT:when=2", "true"]));
        assert!(parses(&["-e", "fault=%file:error=EPERM", "true"]));
    }

    #[test]
    fn quoting() {
        assert_eq!(
            zsh_quote("a [b]: it's \\", &[']']),
            "a [b\\]: it'\\''s \\\\"
        );
        assert_eq!(zsh_quote("SET:K", &[':']), "SET\\:K");
        assert_eq!(fish_quote("it's \\"), "'it\\'s \\\\'");
    }

    /// An option's zsh specs and fish line, exactly.
    #[test]
    fn option_lines() {
        let o = OPTIONS.iter().find(|o| o.id == Id::ConstStyle).unwrap();
        assert_eq!(
            zsh_specs(o)[0],
            "'*-X+[Print named constants and flags as numbers (raw), names (abbrev, the default) \
             or both (verbose)]:FORMAT:{compadd -- raw abbrev verbose}'"
        );
        let o = OPTIONS.iter().find(|o| o.id == Id::Output).unwrap();
        assert_eq!(
            fish_line(o),
            "complete -c strace-rs -n __strace_rs_no_command -s o -l output -r -F -d 'Write the \
             trace to FILE instead of stderr; |CMD or !CMD pipes it into CMD'"
        );
    }
}
