//! End-to-end tests of `--color` (strace 7.0's colour): `always` colours the trace without
//! changing its text, `auto` colours only a terminal (`-o /dev/pts/N`, or stderr on one) and
//! honours `NO_COLOR`, `TERM` and `-ff`, `STRACE_COLORS` changes the colours, and a bad value
//! is refused with strace 7's message. The coloured lines are the ones strace 7.2 writes for
//! the same calls.

#[path = "common/ansi.rs"]
mod ansi;
mod common;

use ansi::{seqs, stripped};
use common::*;
use std::ffi::OsString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::{ExitStatus, Stdio};

/// The environment every run here starts from: a colour terminal type, and neither
/// `NO_COLOR` nor `STRACE_COLORS` from whoever runs the tests.
fn tracer(args: &[OsString], env: &[(&str, &str)]) -> std::process::Command {
    let mut c = command(STRACE_RS);
    c.args(args).env("TERM", "xterm").env_remove("NO_COLOR");
    c.env_remove("STRACE_COLORS");
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

/// Runs the tracer with `args`; its status and stderr.
fn run_tracer(args: &[&str], env: &[(&str, &str)]) -> (ExitStatus, String) {
    let args: Vec<OsString> = args.iter().map(OsString::from).collect();
    let child = tracer(&args, env).spawn().expect("spawn strace-rs");
    let out = wait_output(child, "strace-rs");
    (out.status, out.stderr)
}

/// Traces helper `name` into a file with `opts`: the trace, its work dir masked.
fn helper_trace(opts: &[&str], name: &str, env: &[(&str, &str)]) -> String {
    let dir = TempDir::new();
    let file = dir.join("trace.txt");
    let exe = helper(name);
    let mut args: Vec<OsString> = vec!["-o".into(), file.clone().into()];
    args.extend(opts.iter().map(OsString::from));
    args.extend([exe.into_os_string(), dir.path().into()]);
    let child = tracer(&args, env).spawn().expect("spawn strace-rs");
    let out = wait_output(child, name);
    let trace = String::from_utf8(std::fs::read(&file).expect("trace file")).unwrap();
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    trace.replace(dir.as_str(), "DIR")
}

#[test]
fn always_colours_the_same_text() {
    for name in ["h_open", "h_signal"] {
        let plain = helper_trace(&[], name, &[]);
        let colored = helper_trace(&["--color=always"], name, &[]);
        assert!(!plain.contains('\x1b'));
        assert_lines(
            &mask(&stripped(&colored)).lines().collect::<Vec<_>>(),
            &mask(&plain).lines().collect::<Vec<_>>(),
        );
        // Every line is coloured, and ends with strace 7's reset.
        for line in colored.lines() {
            assert!(line.ends_with("\x1b[0m"), "{line:?}");
        }
    }
    let colored = helper_trace(&["--color=always"], "h_signal", &[]);
    let lines: Vec<&str> = colored.lines().collect();
    let begin = seqs(
        "@Swrite@P(@V-1@P, @V\"BEGIN\"@P, @V5@R@P)@R                   @P=@R@R @T-1@R \
         @EEBADF@R @E(Bad file descriptor)@R@R",
    );
    let at = lines.iter().position(|l| *l == begin).expect(&begin);
    let pid = stripped(lines[at + 1])
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    let expected = [
        format!("@Sgetpid@P(@V@R@P)@R                                @P=@R@R @T{pid}@R@R"),
        format!(
            "@Skill@P(@V{pid}@P, @VSIGUSR1@R@P)@R{}@P=@R@R @T0@R@R",
            " ".repeat(39 - "kill(, SIGUSR1)".len() - pid.len() + 1)
        ),
        format!(
            "--- SIGUSR1 @P{{@V@Nsi_signo@P=@VSIGUSR1@P, @V@Nsi_code@P=@V@CSI_USER@V@P, \
             @V@Nsi_pid@P=@V{pid}@P, @V@Nsi_uid@P=@V{}@P}}@V ---@R",
            // SAFETY: getuid cannot fail.
            unsafe { libc::getuid() }
        ),
    ];
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(lines[at + 1 + i], seqs(want));
    }
    assert_eq!(*lines.last().unwrap(), seqs("+++ exited with 7 +++@R"));
}

#[test]
fn strace_colors_changes_the_colours() {
    let env = [(
        "STRACE_COLORS",
        " SyScAlL = 1;31 : unknown=1;36:error=x:retval=7",
    )];
    let opts = [
        "--color=always",
        "-e",
        "trace=exit_group",
        "-e",
        "signal=none",
    ];
    let colored = helper_trace(&opts, "h_signal", &env);
    assert_eq!(
        colored,
        "\x1b[1;31mexit_group\x1b[0m(\x1b[35m7\x1b[0m\x1b[0m)\x1b[0m                           \
         \x1b[0m=\x1b[0m\x1b[0m \x1b[7m?\x1b[0m\x1b[0m\n+++ exited with 7 +++\x1b[0m\n"
    );
}

/// `exit_group(0) = ?` and the exit, as strace 7 colours them.
const TRUE_COLORED: &str = "\x1b[33mexit_group\x1b[0m(\x1b[35m0\x1b[0m\x1b[0m)\x1b[0m                           \
     \x1b[0m=\x1b[0m\x1b[0m \x1b[32m?\x1b[0m\x1b[0m\n+++ exited with 0 +++\x1b[0m\n";
const TRUE_PLAIN: &str = "exit_group(0)                           = ?\n+++ exited with 0 +++\n";

#[test]
fn never_and_auto_into_a_file_or_pipe_are_plain() {
    for opts in [
        &["--color=auto"][..],
        &["--color=never"],
        &["--color=NEVER"],
        &[],
    ] {
        let trace = helper_trace(opts, "h_signal", &[]);
        assert!(!trace.contains('\x1b'), "{opts:?}");
    }
    // On stderr, a pipe here.
    let (status, stderr) = run_tracer(&["--color=auto", "-e", "trace=exit_group", "true"], &[]);
    assert!(status.success());
    assert_eq!(stderr, TRUE_PLAIN);
    // JSON is never coloured.
    let (status, stderr) = run_tracer(
        &["--color=always", "--json", "-e", "trace=exit_group", "true"],
        &[],
    );
    assert!(status.success());
    assert!(
        stderr.starts_with('{') && !stderr.contains('\x1b'),
        "{stderr}"
    );
}

#[test]
fn a_bad_color_is_refused_as_strace_7_refuses_it() {
    for (arg, shown) in [
        ("--color=x", "x"),
        ("--color=auto,never", "auto,never"),
        ("--color=", ""),
    ] {
        let (status, stderr) = run_tracer(&[arg, "true"], &[]);
        assert_eq!(status.code(), Some(1));
        assert_eq!(
            stderr,
            format!(
                "strace-rs: invalid --color argument: '{shown}'\n\
                 Try 'strace-rs -h' for more information.\n"
            )
        );
    }
    let (status, stderr) = run_tracer(&["--color"], &[]);
    assert_eq!(status.code(), Some(1));
    assert_eq!(
        stderr,
        "strace-rs: option '--color' requires an argument\n\
         Try 'strace-rs -h' for more information.\n"
    );
}

/// A pseudo-terminal in raw mode (no `\r` added): its master, its slave and the slave's
/// path.
fn pty() -> (OwnedFd, OwnedFd, String) {
    let (mut master, mut slave) = (-1, -1);
    let mut name = [0 as libc::c_char; 64];
    // SAFETY: openpty writes two descriptors and a path of at most 64 bytes here.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            name.as_mut_ptr(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned here alone.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    // SAFETY: termios is plain data, filled by tcgetattr; the descriptors are open.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(slave.as_raw_fd(), &mut t), 0);
        libc::cfmakeraw(&mut t);
        assert_eq!(libc::tcsetattr(slave.as_raw_fd(), libc::TCSANOW, &t), 0);
        let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
    // SAFETY: openpty wrote a NUL-terminated path.
    let name = unsafe { std::ffi::CStr::from_ptr(name.as_ptr()) };
    (master, slave, name.to_string_lossy().into_owned())
}

/// Everything written to the terminal so far (the slave stays open: no EIO).
fn drain(master: &OwnedFd) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        // SAFETY: reads into a buffer of its length.
        let n = unsafe { libc::read(master.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n <= 0 {
            break;
        }
        out.extend_from_slice(&buf[..n as usize]);
    }
    String::from_utf8(out).unwrap()
}

/// Traces `true` with `args` (and `-e trace=exit_group`), the trace going to the terminal by
/// `-o` (`to_path`) or as stderr; what the terminal got.
fn on_terminal(args: &[&str], to_path: bool, env: &[(&str, &str)]) -> String {
    let (master, slave, path) = pty();
    let mut all: Vec<OsString> = args.iter().map(OsString::from).collect();
    if to_path {
        all.extend(["-o".into(), path.into()]);
    }
    all.extend(["-e".into(), "trace=exit_group".into(), "true".into()]);
    let mut c = tracer(&all, env);
    c.stdout(Stdio::null());
    if !to_path {
        c.stderr(Stdio::from(slave.try_clone().unwrap()));
    }
    let status = c.status().expect("run strace-rs");
    assert!(status.success());
    let text = drain(&master);
    drop(slave);
    text
}

#[test]
fn auto_colours_a_terminal() {
    for to_path in [true, false] {
        assert_eq!(on_terminal(&[], to_path, &[]), TRUE_COLORED);
        assert_eq!(on_terminal(&["--color=auto"], to_path, &[]), TRUE_COLORED);
        assert_eq!(on_terminal(&["--color=never"], to_path, &[]), TRUE_PLAIN);
        // NO_COLOR, even empty, unless --color=always.
        for no_color in ["1", ""] {
            let env = [("NO_COLOR", no_color)];
            assert_eq!(on_terminal(&[], to_path, &env), TRUE_PLAIN);
            assert_eq!(
                on_terminal(&["--color=always"], to_path, &env),
                TRUE_COLORED
            );
        }
        // A terminal that shows no colour.
        for term in ["dumb", "unknown", ""] {
            let env = [("TERM", term)];
            assert_eq!(on_terminal(&[], to_path, &env), TRUE_PLAIN, "{term}");
        }
    }
}

#[test]
fn separate_files_are_coloured_only_when_asked() {
    let (master, slave, _) = pty();
    for (mode, colored) in [("--color=auto", false), ("--color=always", true)] {
        let dir = TempDir::new();
        let base = dir.join("t");
        let args: Vec<OsString> = vec![
            mode.into(),
            "-ff".into(),
            "-o".into(),
            base.clone().into(),
            "-e".into(),
            "trace=exit_group".into(),
            "true".into(),
        ];
        // stderr is a terminal: -ff still leaves auto's files plain.
        let mut c = tracer(&args, &[]);
        c.stdout(Stdio::null())
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        assert!(c.status().expect("run strace-rs").success());
        let files: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let text = std::fs::read_to_string(&files[0]).unwrap();
        let want = if colored { TRUE_COLORED } else { TRUE_PLAIN };
        assert_eq!(text, want, "{mode}");
    }
    assert_eq!(drain(&master), "");
}
