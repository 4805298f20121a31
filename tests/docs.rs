//! The man page and the shell completions checked in are what `strace-rs --generate=WHAT` makes
//! from the option table (so they never go stale), the man page is valid roff, the bash
//! completion loads and completes, and `--help` fits the terminal.

use std::ffi::CStr;
use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const STRACE_RS: &str = env!("CARGO_BIN_EXE_strace-rs");

/// Each generated file, by what `--generate=` names it.
const GENERATED: [(&str, &str); 4] = [
    ("man", "docs/strace-rs.1"),
    ("bash", "completions/strace-rs.bash"),
    ("zsh", "completions/_strace-rs"),
    ("fish", "completions/strace-rs.fish"),
];

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn generate(what: &str) -> Vec<u8> {
    let out = Command::new(STRACE_RS)
        .arg(format!("--generate={what}"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "--generate={what}");
    assert!(out.stderr.is_empty());
    out.stdout
}

#[test]
fn generated_files_are_current() {
    for (what, path) in GENERATED {
        let checked_in = std::fs::read(repo_file(path)).unwrap_or_default();
        assert!(
            generate(what) == checked_in,
            "{path} is not what `strace-rs --generate={what}` prints; regenerate all four with\n  \
             cargo build --release && for w in man:docs/strace-rs.1 bash:completions/strace-rs.bash \
             zsh:completions/_strace-rs fish:completions/strace-rs.fish; do \
             ./target/release/strace-rs --generate=${{w%%:*}} > ${{w#*:}}; done"
        );
    }
}

#[test]
fn generate_refuses_unknown_names() {
    let out = Command::new(STRACE_RS)
        .arg("--generate=csh")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "{STRACE_RS}: invalid --generate argument: 'csh'\n"
        )),
        "{stderr}"
    );
}

fn installed(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// groff (or mandoc) reads the man page without a warning, and every option `--help` lists is
/// in it.
#[test]
fn man_page_is_valid_and_complete() {
    let page = repo_file("docs/strace-rs.1");
    if installed("groff") {
        let out = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&page)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff's warnings");
    }
    if installed("mandoc") {
        let out = Command::new("mandoc")
            .args(["-Tlint", "-Wwarning"])
            .arg(&page)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "",
            "mandoc's warnings"
        );
    }
    let man = std::fs::read_to_string(&page).unwrap();
    let help = Command::new(STRACE_RS).arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let mut options = 0;
    for word in help.split([' ', ',', '[', '\n']) {
        let Some(name) = word.strip_prefix('-') else {
            continue;
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            continue;
        }
        // `-ff` and `-DD` in descriptions are spelt in the text of the page too.
        let roff = format!("\\-{}", name.replace('-', "\\-"));
        assert!(man.contains(&roff), "{word} is not in the man page");
        options += 1;
    }
    assert!(options > 100, "{options}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "ENVIRONMENT",
        "\"EXIT STATUS\"",
        "\"SEE ALSO\"",
    ] {
        assert!(man.contains(&format!("\n.SH {section}\n")), "{section}");
    }
}

/// bash's stdout for `args`; it must succeed.
fn bash_with(args: &[&str]) -> String {
    let out = Command::new("bash").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `script` in bash after sourcing the bash completion; its stdout.
fn bash(script: &str) -> String {
    let file = repo_file("completions/strace-rs.bash");
    bash_with(&["-c", &format!("source '{}'\n{script}", file.display())])
}

#[test]
fn bash_completion_loads() {
    let file = repo_file("completions/strace-rs.bash");
    assert_eq!(bash_with(&["-n", file.to_str().unwrap()]), "");
    assert_eq!(
        bash("complete -p strace-rs"),
        "complete -o default -F _strace_rs strace-rs\n"
    );
}

/// The bash completion's answers, as the test sets COMP_WORDS (one word a shell word) and as
/// bash sets it (split at `=` and `:` too, the line in COMP_LINE).
#[test]
fn bash_completion_completes() {
    let words = |line: &str| -> String {
        let script = format!(
            "COMP_WORDS=({line}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _strace_rs; \
             for w in \"${{COMPREPLY[@]}}\"; do echo \"$w\"; done"
        );
        bash(&script)
    };
    let openat = words("strace-rs -e trace=op");
    assert!(
        openat.starts_with("trace=open\ntrace=open_by_handle_at\n")
            && openat.contains("\ntrace=openat\ntrace=openat2\n"),
        "{openat}"
    );
    // An argument of an option is no command; after the command, strace-rs completes nothing
    // (readline completes file names). `-e sta` is a qualifier, or a syscall of a trace set.
    for (typed, want) in [
        (
            "strace-rs -e trace='!open,clo'",
            "trace=!open,clock_adjtime\ntrace=!open,clock_getres\ntrace=!open,clock_gettime\n\
             trace=!open,clock_nanosleep\ntrace=!open,clock_settime\ntrace=!open,clone\n\
             trace=!open,clone3\ntrace=!open,close\ntrace=!open,close_range\n",
        ),
        (
            "strace-rs -e signal=SIGS",
            "signal=SIGSEGV\nsignal=SIGSTKFLT\nsignal=SIGSTOP\nsignal=SIGSYS\n",
        ),
        (
            "strace-rs -e sta",
            "status=\nstat\nstatfs\nstatmount\nstatx\n",
        ),
        ("strace-rs -e trace=%stat_", "trace=%stat_like\n"),
        ("strace-rs -fX v", "verbose\n"),
        ("strace-rs -o out --summary-c", "--summary-columns\n"),
        (
            "strace-rs --fault=%file:",
            "--fault=%file:error=\n--fault=%file:syscall=\n--fault=%file:when=\n",
        ),
        (
            "strace-rs -e inject=openat:error=ENOE",
            "inject=openat:error=ENOENT\ninject=openat:error=ENOEXEC\n",
        ),
        ("strace-rs -o -", ""),
        ("strace-rs -s 64 ls --trace", ""),
        ("strace-rs -- --tra", ""),
    ] {
        assert_eq!(words(typed), want, "{typed}");
    }

    let line = |line: &str, bash_words: &str| -> String {
        let script = format!(
            "COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; COMP_WORDS=({bash_words}); \
             COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _strace_rs; \
             for w in \"${{COMPREPLY[@]}}\"; do echo \"$w\"; done"
        );
        bash(&script)
    };
    // Readline replaces what follows the `=` or `:`.
    assert_eq!(
        line("strace-rs --trace=openat", "strace-rs --trace = openat"),
        "openat\nopenat2\n"
    );
    assert_eq!(
        line(
            "strace-rs -e inject=openat:error=ENOE",
            "strace-rs -e inject = openat : error = ENOE"
        ),
        "ENOENT\nENOEXEC\n"
    );
    assert_eq!(
        line("strace-rs -X ", "strace-rs -X ''"),
        "raw\nabbrev\nverbose\n"
    );
}

/// zsh parses its completion, when zsh is installed (completing needs a terminal: checked by
/// hand).
#[test]
fn zsh_completion_parses() {
    if installed("zsh") {
        let file = repo_file("completions/_strace-rs");
        let out = Command::new("zsh").arg("-n").arg(file).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// fish's answers, when fish is installed (`complete -C` completes a command line as typed).
#[test]
fn fish_completion_completes() {
    if !installed("fish") {
        return;
    }
    let file = repo_file("completions/strace-rs.fish");
    let out = Command::new("fish").arg("-n").arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let complete = |typed: &str| -> Vec<String> {
        let script = format!("source '{}'; complete -C '{typed}'", file.display());
        let out = Command::new("fish").args(["-c", &script]).output().unwrap();
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        complete("strace-rs -e trace=openat"),
        ["trace=openat", "trace=openat2"]
    );
    assert_eq!(
        complete("strace-rs --trace=!open,clone"),
        ["--trace=!open,clone", "--trace=!open,clone3"]
    );
    assert_eq!(complete("strace-rs -X ab"), ["abbrev"]);
    assert_eq!(
        complete("strace-rs -e inject=openat:error=ENOE"),
        ["inject=openat:error=ENOENT", "inject=openat:error=ENOEXEC"]
    );
    assert_eq!(complete("strace-rs --summary-c"), ["--summary-columns"]);
    // After options and their arguments, the command (echo is a fish builtin).
    assert!(complete("strace-rs -s 64 ech").contains(&"echo".to_string()));
}

/// `--help` on stdout of `--help` under a pseudo-terminal `cols` wide, `\r\n` read as `\n`.
fn help_on_pty(cols: u16) -> String {
    // SAFETY: posix_openpt returns a new descriptor or -1, checked below.
    let master = unsafe { libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY) };
    assert!(master >= 0);
    // SAFETY: `master` is a descriptor we own, and only it.
    let master = unsafe { OwnedFd::from_raw_fd(master) };
    let fd = std::os::fd::AsRawFd::as_raw_fd(&master);
    let mut name = [0 as libc::c_char; 128];
    // SAFETY: plain calls on our descriptor; ptsname_r writes at most `name.len()` bytes.
    unsafe {
        assert_eq!(libc::grantpt(fd), 0);
        assert_eq!(libc::unlockpt(fd), 0);
        assert_eq!(libc::ptsname_r(fd, name.as_mut_ptr(), name.len()), 0);
    }
    // SAFETY: ptsname_r wrote a NUL-terminated name.
    let name = unsafe { CStr::from_ptr(name.as_ptr()) }.to_str().unwrap();
    let slave = File::options().read(true).write(true).open(name).unwrap();
    let ws = libc::winsize {
        ws_row: 24,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads one `winsize`.
    assert_eq!(unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &ws) }, 0);
    // The Command (and with it the parent's copy of the terminal) is gone after spawn, so the
    // reads below end (EIO) once strace-rs has exited.
    let mut child = Command::new(STRACE_RS)
        .arg("--help")
        .stdin(Stdio::null())
        .stdout(slave)
        .spawn()
        .unwrap();
    let mut master = File::from(master);
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    assert!(child.wait().unwrap().success());
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// `--help` is as wide as the terminal, within 60..=100 columns, and 100 under a pipe.
#[test]
fn help_fits_the_terminal() {
    let piped = Command::new(STRACE_RS).arg("--help").output().unwrap();
    let piped = String::from_utf8(piped.stdout).unwrap();
    // Filled to the width (how near depends on the words): wrapped at 100, not shorter.
    assert!((90..=100).contains(&widest(&piped)), "{piped}");
    let narrow = help_on_pty(70);
    assert!((65..=70).contains(&widest(&narrow)), "{narrow}");
    assert_ne!(narrow, piped);
    assert_eq!(help_on_pty(200), piped);
    assert!((55..=60).contains(&widest(&help_on_pty(20))));
    // The same options under the same headings, whatever the width.
    let specs = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| {
                (l.ends_with(':') && !l.starts_with(' '))
                    || l.starts_with("  -")
                    || l.starts_with("      --")
            })
            .map(|l| l.split("  ").find(|w| !w.is_empty()).unwrap().to_string())
            .collect()
    };
    assert_eq!(specs(&narrow), specs(&piped));
    assert_eq!(
        piped
            .lines()
            .filter(|l| l.ends_with(':') && !l.starts_with(' '))
            .collect::<Vec<_>>(),
        [
            "General:",
            "Startup:",
            "Tracing:",
            "Filtering:",
            "Output format:",
            "Statistics:",
            "Tampering:",
            "Miscellaneous:",
        ]
    );
}
