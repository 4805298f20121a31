//! Faults around the trace: the tracer's own signals (`-I`), a tracer killed with SIGKILL, a
//! reader of the trace that goes away, stderr that cannot be written, hostile numbers on the
//! command line, and tracee bytes that must not reach a terminal raw. Where the behaviour is
//! strace's, the same assertions run against strace 6.1.
//!
//! Nothing here waits on time: a traced shell blocks on a FIFO until the test lets it go, and
//! the test polls for the state it needs (with a generous limit) before it acts.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// How long a poll waits for a state before the test fails.
const POLL_LIMIT: Duration = Duration::from_secs(20);

/// Polls `cond` until it holds; panics after [`POLL_LIMIT`].
#[track_caller]
fn wait_until(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < POLL_LIMIT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A shell command that writes its pid to `pid_file`, blocks until a line arrives on
/// `fifo`, then writes `done` to `marker` and exits with status 3. `traps` names signals it
/// ignores.
fn blocked_shell(dir: &TempDir, traps: &str) -> (String, PathBuf, PathBuf, PathBuf) {
    let fifo = dir.join("fifo");
    let pid_file = dir.join("pid");
    let marker = dir.join("marker");
    let c_fifo = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_fifo.as_ptr(), 0o600) }, 0);
    let trap = if traps.is_empty() {
        String::new()
    } else {
        format!("trap '' {traps}; ")
    };
    let script = format!(
        "{trap}echo $$ > {pid}; read x < {fifo}; echo done > {marker}; exit 3",
        pid = pid_file.display(),
        fifo = fifo.display(),
        marker = marker.display()
    );
    (script, fifo, pid_file, marker)
}

/// Reads the pid the blocked shell wrote, once it is there and it is blocked on the FIFO.
fn shell_pid(pid_file: &Path) -> i32 {
    let mut pid = 0;
    wait_until("the shell's pid", || {
        pid = std::fs::read_to_string(pid_file)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        pid > 0
    });
    // Blocked in the FIFO's open (no writer yet): sleeping.
    wait_until("the shell to block on the FIFO", || {
        proc_state(pid as u32) == Some('S')
    });
    pid
}

/// Lets the blocked shell go on.
fn release(fifo: &Path) {
    let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
    f.write_all(b"go\n").unwrap();
}

fn spawn_tracer(tracer: &str, args: &[&str], stderr: Stdio) -> Child {
    let mut c = command(tracer);
    c.args(args).stdout(Stdio::null()).stderr(stderr);
    c.spawn().unwrap()
}

fn kill(pid: i32, sig: i32) {
    // SAFETY: kill has no memory effects.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
}

fn both_tracers() -> Vec<&'static str> {
    let mut v = vec![STRACE_RS];
    if real_strace_available() {
        v.push(REAL_STRACE);
    }
    v
}

/// Waits for `child` with [`POLL_LIMIT`].
fn wait_child(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        assert!(start.elapsed() < POLL_LIMIT, "tracer still running");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// SIGTERM to the tracer of a spawned command, by `-I` mode. With strace's default for a
/// trace on stderr (`waiting`) and with `anywhere` the tracer dies by the signal; `waiting`
/// first sends it to the command (which ignores it here) and detaches with `<detached ...>`;
/// `never` and `never_tstp` ignore it. Either way the command runs to its end.
#[test]
fn fatal_signal_to_the_tracer_follows_interruptible() {
    for tracer in both_tracers() {
        for (mode, dies) in [
            (None, true),
            (Some("1"), true),
            (Some("waiting"), true),
            (Some("3"), false),
            (Some("never_tstp"), false),
        ] {
            let dir = TempDir::new();
            let (script, fifo, pid_file, marker) = blocked_shell(&dir, "TERM");
            let mut args = vec![];
            let flag;
            if let Some(m) = mode {
                flag = format!("-I{m}");
                args.push(flag.as_str());
            }
            args.extend(["--", "sh", "-c", &script]);
            let err_path = dir.join("stderr");
            let err = std::fs::File::create(&err_path).unwrap();
            let mut child = spawn_tracer(tracer, &args, err.into());
            let pid = shell_pid(&pid_file);
            kill(child.id() as i32, libc::SIGTERM);
            if dies {
                // Act only once the tracer is gone: released earlier, the command's blocking
                // open could complete before the tracer acts on the signal.
                wait_until("the tracer to die", || {
                    matches!(proc_state(child.id()), None | Some('Z'))
                });
            }
            if mode == Some("never_tstp") {
                // SIGTSTP is ignored too: the tracer does not stop.
                kill(child.id() as i32, libc::SIGTSTP);
            }
            release(&fifo);
            wait_until("the command's marker", || marker.exists());
            let st = wait_child(&mut child);
            if dies {
                assert_eq!(st.signal(), Some(libc::SIGTERM), "{tracer} -I {mode:?}");
            } else {
                assert_eq!(st.code(), Some(3), "{tracer} -I {mode:?}");
            }
            let stderr = std::fs::read_to_string(&err_path).unwrap();
            let last = stderr.lines().last().unwrap_or("");
            match mode {
                None | Some("waiting") => {
                    // The message lands inside the open wait4 line, as strace's flush puts it.
                    let name = if tracer == STRACE_RS {
                        "strace-rs"
                    } else {
                        "strace"
                    };
                    assert!(
                        stderr.contains(&format!(
                            "{name}: Process {pid} detached\n <detached ...>\n"
                        )),
                        "{tracer} -I {mode:?}:\n{stderr}"
                    );
                }
                Some("1") => assert!(!stderr.contains("detached"), "{stderr}"),
                _ => assert_eq!(last, "+++ exited with 3 +++", "{tracer} -I {mode:?}"),
            }
        }
    }
}

/// With `-o FILE PROG` strace's default is `-I never`: SIGINT and SIGTERM to the tracer change
/// nothing, the trace goes on to the command's end.
#[test]
fn trace_to_a_file_ignores_fatal_signals() {
    for tracer in both_tracers() {
        let dir = TempDir::new();
        let (script, fifo, pid_file, marker) = blocked_shell(&dir, "");
        let out = dir.join("trace");
        let args = ["-o", out.to_str().unwrap(), "--", "sh", "-c", &script];
        let mut child = spawn_tracer(tracer, &args, Stdio::null());
        shell_pid(&pid_file);
        kill(child.id() as i32, libc::SIGINT);
        kill(child.id() as i32, libc::SIGTERM);
        release(&fifo);
        let st = wait_child(&mut child);
        assert_eq!(st.code(), Some(3), "{tracer}");
        assert!(marker.exists());
        let trace = std::fs::read_to_string(&out).unwrap();
        assert_eq!(
            trace.lines().last(),
            Some("+++ exited with 3 +++"),
            "{tracer}"
        );
    }
}

/// A tracer killed with SIGKILL leaves its command running, untraced (strace's default);
/// `--kill-on-exit` takes it down with the tracer. The trace file already holds everything up
/// to the call the command is blocked in: lines reach the file before the tracer waits.
#[test]
fn sigkill_of_the_tracer() {
    for kill_on_exit in [false, true] {
        let dir = TempDir::new();
        let (script, fifo, pid_file, marker) = blocked_shell(&dir, "");
        let out = dir.join("trace");
        let mut args = vec!["-o", out.to_str().unwrap()];
        if kill_on_exit {
            args.push("--kill-on-exit");
        }
        args.extend(["--", "sh", "-c", &script]);
        let mut child = spawn_tracer(STRACE_RS, &args, Stdio::null());
        let pid = shell_pid(&pid_file);
        let fifo_name = fifo.to_str().unwrap().to_string();
        wait_until("the blocking openat in the trace file", || {
            std::fs::read_to_string(&out).is_ok_and(|t| {
                t.lines()
                    .last()
                    .is_some_and(|l| l.starts_with("openat(") && l.contains(&fifo_name))
            })
        });
        kill(child.id() as i32, libc::SIGKILL);
        wait_child(&mut child);
        if kill_on_exit {
            wait_until("the command to die", || {
                matches!(proc_state(pid as u32), None | Some('Z'))
            });
            assert!(!marker.exists());
        } else {
            assert_eq!(tracer_pid(pid as u32), Some(0), "not detached");
            release(&fifo);
            wait_until("the command's marker", || marker.exists());
        }
    }
}

/// `-o /dev/stdout` into a pipe whose reader goes away after one line: strace reports the
/// broken pipe and the command runs to its end; strace-rs says it once. The trace (100
/// processes) is far larger than a pipe holds, so the writes fail however the tracer and the
/// reader are scheduled.
#[test]
fn reader_of_the_trace_goes_away() {
    for tracer in both_tracers() {
        let dir = TempDir::new();
        let marker = dir.join("marker");
        let script = format!(
            "i=0; while [ $i -lt 100 ]; do i=$((i+1)); /bin/true; done; echo done > {}; exit 3",
            marker.display()
        );
        let mut c = command(tracer);
        c.args(["-f", "-o", "/dev/stdout", "--", "sh", "-c", &script])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is gone now.
        let out = wait_output(child, tracer);
        assert!(first.contains("execve("), "{first}");
        assert_eq!(out.status.code(), Some(3), "{tracer}: {}", out.stderr);
        assert!(marker.exists(), "{tracer}: the command did not finish");
        if tracer == STRACE_RS {
            assert_eq!(out.stderr, "strace-rs: /dev/stdout: Broken pipe\n");
        }
    }
}

/// `-o '|CMD'` pipes the trace into `sh -c CMD`, and the tracer waits for CMD to finish.
#[test]
fn output_into_a_command() {
    let dir = TempDir::new();
    let copy = dir.join("copy");
    let pipe = format!("|cat > {}", copy.display());
    let out = run(STRACE_RS, &["-o", &pipe, "--", "sh", "-c", "exit 5"]);
    assert_eq!(out.status.code(), Some(5), "{}", out.stderr);
    let trace = std::fs::read_to_string(&copy).unwrap();
    assert!(trace.starts_with("execve(\"/usr/bin/sh\""), "{trace}");
    assert_eq!(trace.lines().last(), Some("+++ exited with 5 +++"));
    assert!(!dir.join(&pipe).exists());
    let out = run(STRACE_RS, &["-ff", "-o", "!cat", "true"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        out.stderr,
        "strace-rs: piping the output and -ff/--output-separately are mutually exclusive\n\
         Try 'strace-rs -h' for more information.\n"
    );
}

/// A trace on stderr that cannot be written (`2>/dev/full`, or a pipe nobody reads) loses
/// the trace but nothing else: the tracer exits with the command's status, never panics.
#[test]
fn stderr_that_cannot_be_written() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut c = command(STRACE_RS);
    c.args(["sh", "-c", "exit 7"]).stderr(full);
    let st = c.status().unwrap();
    assert_eq!(st.code(), Some(7));

    let mut c = command(STRACE_RS);
    c.args(["-f", "sh", "-c", "/bin/true; exit 6"])
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    drop(child.stderr.take());
    assert_eq!(wait_child(&mut child).code(), Some(6));
}

/// `-ff -o DIR/NAME` where DIR does not exist: refused before the command runs, with the name
/// of the first file as strace words it.
#[test]
fn per_process_files_that_cannot_be_created() {
    let dir = TempDir::new();
    let witness = dir.join("witness");
    let out = run(
        STRACE_RS,
        &[
            "-ff",
            "-o",
            "/nonexistent-dir/trace",
            "touch",
            witness.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let line = out.stderr.lines().next().unwrap_or("");
    let pid = line
        .strip_prefix("strace-rs: Can't fopen '/nonexistent-dir/trace.")
        .and_then(|rest| rest.strip_suffix("': No such file or directory"))
        .unwrap_or_else(|| panic!("{}", out.stderr));
    assert!(pid.parse::<u32>().is_ok(), "{line}");
    assert!(!witness.exists(), "the command ran");
}

/// Bad numbers and words on the command line: strace's messages, prefixed with the name the
/// tracer was invoked as, exit 1, nothing run and nothing allocated in proportion.
#[test]
fn bad_option_values_in_strace_words() {
    let hint = "Try 'strace-rs -h' for more information.\n";
    let cases: &[(&[&str], String)] = &[
        (
            &["-s", "999999999999", "true"],
            format!("strace-rs: invalid -s argument: '999999999999'\n{hint}"),
        ),
        (
            &["-s", "2147483647", "true"],
            format!("strace-rs: invalid -s argument: '2147483647'\n{hint}"),
        ),
        (
            &["-s", "-1", "true"],
            format!("strace-rs: invalid -s argument: '-1'\n{hint}"),
        ),
        (
            &["--string-limit=x", "true"],
            format!("strace-rs: invalid --string-limit argument: 'x'\n{hint}"),
        ),
        (
            &["-a", "abc", "true"],
            format!("strace-rs: invalid -a argument: 'abc'\n{hint}"),
        ),
        (
            &["-a", "99999999999", "true"],
            format!("strace-rs: invalid -a argument: '99999999999'\n{hint}"),
        ),
        (
            &["-I", "5", "true"],
            format!("strace-rs: invalid -I argument: '5'\n{hint}"),
        ),
        (
            &["-o"],
            format!("strace-rs: option requires an argument -- 'o'\n{hint}"),
        ),
        (
            &["--output"],
            format!("strace-rs: option '--output' requires an argument\n{hint}"),
        ),
        (
            &["--follow-forks=2", "true"],
            format!("strace-rs: option '--follow-forks' doesn't allow an argument\n{hint}"),
        ),
        (
            &["-p", "-1"],
            "strace-rs: Invalid process id: '-1'\n".to_string(),
        ),
        (
            &["-p", "1,abc"],
            "strace-rs: Invalid process id: 'abc'\n".to_string(),
        ),
        (
            &["-e", "trace=/[", "true"],
            "strace-rs: regcomp: [: Invalid regular expression\n".to_string(),
        ),
        (
            &["-e", "quiet=nope", "true"],
            "strace-rs: invalid quiet 'nope'\n".to_string(),
        ),
        (
            &["-e", "foo=bar", "true"],
            "strace-rs: invalid system call 'foo=bar'\n".to_string(),
        ),
        (
            &["-p", "999999998,999999999"],
            "strace-rs: attach: ptrace(PTRACE_SEIZE, 999999998): No such process\n\
             strace-rs: attach: ptrace(PTRACE_SEIZE, 999999999): No such process\n"
                .to_string(),
        ),
    ];
    for (args, want) in cases {
        let out = run(STRACE_RS, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", out.stderr);
        assert_eq!(&out.stderr, want, "{args:?}");
        if real_strace_available() {
            let theirs = run(REAL_STRACE, args);
            assert_eq!(theirs.status.code(), Some(1), "strace {args:?}");
            assert_eq!(
                theirs.stderr.replace(REAL_STRACE, "strace-rs"),
                *want,
                "strace {args:?}"
            );
        }
    }
}

/// Messages carry argv[0] as invoked, as strace's do (its test suite matches the path).
#[test]
fn messages_name_the_program_as_invoked() {
    let mut c = std::process::Command::new(STRACE_RS);
    c.args(["-K"]);
    let out = c.output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("{STRACE_RS}: invalid option -- 'K'\nTry '{STRACE_RS} -h' for more information.\n")
    );
}

/// The largest `-s` and `-a` strace accepts run, and `-e signal=0` is accepted as strace
/// accepts it; a huge `-a` pads in pieces.
#[test]
fn largest_numbers_strace_accepts() {
    let out = run(
        STRACE_RS,
        &["-s", "1073741823", "-e", "signal=0", "sh", "-c", "exit 4"],
    );
    assert_eq!(out.status.code(), Some(4), "{}", out.stderr);
    let run = trace(
        STRACE_RS,
        &["-a", "300000", "-e", "trace=exit_group"],
        &["true"],
    );
    let line = run.trace.lines().next().unwrap();
    // Padded to column 300000 (the `=` in it), as strace pads: 299999 + " = ?".
    assert_eq!(line.len(), 299999 + " = ?".len());
    assert!(line.starts_with("exit_group(0)  ") && line.ends_with(" = ?"));
}

/// Tracee bytes in JSON: DEL and a right-to-left override are escaped, never raw.
#[test]
fn json_escapes_terminal_controls() {
    let run = trace(
        STRACE_RS,
        &["--json", "-e", "trace=write"],
        &["sh", "-c", "printf 'a\\342\\200\\256b\\177c' >/dev/null"],
    );
    assert!(
        run.trace.contains(r#""str":"a\u202eb\u007fc""#),
        "{}",
        run.trace
    );
    assert!(
        !run.trace
            .as_bytes()
            .windows(3)
            .any(|w| w == "\u{202e}".as_bytes())
    );
    assert!(!run.trace.as_bytes().contains(&0x7f));
}

/// A command the tracer cannot seize (here: strace-rs run under `strace-rs -f`, which already
/// traces the child it forks) is not left stopped: the inner tracer says why, kills and reaps
/// it, and exits 1, so the outer trace ends. Before, the child stayed in its self-stop and
/// the outer tracer waited for it for ever (hence the `timeout`).
#[test]
fn a_command_that_cannot_be_seized_is_killed_not_left_stopped() {
    let dir = TempDir::new();
    let log = dir.join("outer");
    let out = std::process::Command::new("timeout")
        .arg("60")
        .arg(STRACE_RS)
        .args(["-f", "-o"])
        .arg(&log)
        .args(["--", STRACE_RS, "--", "/bin/true"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        format!("{STRACE_RS}: exec: Operation not permitted\n")
    );
    let trace = std::fs::read_to_string(&log).unwrap();
    let killed: Vec<&str> = trace
        .lines()
        .filter(|l| l.ends_with("+++ killed by SIGKILL +++"))
        .collect();
    assert_eq!(killed.len(), 1, "{trace}");
    assert!(trace.ends_with("+++ exited with 1 +++\n"), "{trace}");
}

/// What the tracer printed reaches a trace file while it sleeps (it writes its buffer out
/// within `tracer::FLUSH_WITHIN` of sleeping, when its alarm rings): the call the command
/// blocks in is in the file, unfinished, before the command goes on. With `-I1` too, where
/// the tracer leaves the fatal signals deadly: the alarm it sets is no fatal signal.
#[test]
fn the_trace_file_has_the_blocked_call_while_the_command_blocks() {
    for mode in ["-I2", "-I1"] {
        let dir = TempDir::new();
        let (script, fifo, pid_file, _marker) = blocked_shell(&dir, "");
        let log = dir.join("trace");
        let log_arg = log.to_str().unwrap();
        let mut tracer = spawn_tracer(
            STRACE_RS,
            &[mode, "-o", log_arg, "--", "sh", "-c", &script],
            Stdio::null(),
        );
        shell_pid(&pid_file);
        let blocked = format!("openat(AT_FDCWD, \"{}\", O_RDONLY", fifo.display());
        wait_until("the blocked openat in the trace file", || {
            std::fs::read_to_string(&log).is_ok_and(|t| t.ends_with(&blocked))
        });
        release(&fifo);
        assert_eq!(wait_child(&mut tracer).code(), Some(3), "{mode}");
        let trace = std::fs::read_to_string(&log).unwrap();
        assert!(trace.contains(&format!("{blocked}) = ")), "{mode}: {trace}");
        assert!(
            trace.ends_with("+++ exited with 3 +++\n"),
            "{mode}: {trace}"
        );
    }
}
