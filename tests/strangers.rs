//! Processes the tracer meets without being asked to trace them, and the pid prefix of a
//! trace that starts with more than one process: each case runs under strace 6.1 and
//! strace-rs and both must print the same (`tests/helpers/h_strangers.c`).
//!
//! - a child cloned with CLONE_PTRACE is traced by the kernel even without `-f`: it is let go
//!   with `NAME: Detached unknown pid N` (not with `-q`) and runs on, so the signal it is sent
//!   kills it as it would untraced;
//! - a child cloned with CLONE_PARENT is the tracer's child: its exit is
//!   `NAME: Exit of unknown pid N ignored` (not with `--quiet=exit`);
//! - `-p PID` beside a command: with `-o`, every line has its pid, as strace decides at start;
//! - a process in another pid namespace (`--decode-pids=pidns`): its pids are noted with the
//!   tracer's (`1 /* 4242 in strace's PID NS */`).

mod common;

use common::*;
use std::ffi::OsString;
use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The tracers compared: strace-rs always, strace 6.1 when installed (under CI it must be).
fn tracers() -> Vec<&'static str> {
    let mut all = vec![STRACE_RS];
    if real_strace_available() {
        all.push(REAL_STRACE);
    }
    all
}

/// The tracer's messages without its name (`strace-rs: X` and `/usr/bin/strace: X` are `X`).
fn messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, m)| m).to_string())
        .collect()
}

/// The child pid the helper reports (`child N`).
fn child_pid(stdout: &str) -> String {
    stdout
        .trim()
        .strip_prefix("child ")
        .unwrap_or_else(|| panic!("helper printed {stdout:?}"))
        .to_string()
}

#[test]
fn clone_ptrace_child_is_let_go() {
    for tracer in tracers() {
        for (quiet, announced) in [("--quiet=personality", true), ("-q", false)] {
            let opts = ["-e", "trace=none", quiet];
            let (_dir, run) = trace_helper(tracer, &opts, "h_strangers", &["ptrace"]);
            assert!(run.status.success(), "{tracer} {quiet}: {run:?}");
            let child = child_pid(&run.stdout);
            let want: Vec<String> = if announced {
                vec![format!("Detached unknown pid {child}")]
            } else {
                vec![]
            };
            assert_eq!(messages(&run.stderr), want, "{tracer} {quiet}");
            let uid = unsafe { libc::geteuid() };
            let masked: String = run
                .trace
                .lines()
                .map(|l| mask_child_times(l) + "\n")
                .collect();
            assert_eq!(
                masked,
                format!(
                    "--- SIGCHLD {{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid={child}, \
                     si_uid={uid}, si_status=SIGUSR1, si_utime=T, si_stime=T}} ---\n\
                     +++ exited with 0 +++\n"
                ),
                "{tracer} {quiet}"
            );
        }
    }
}

#[test]
fn clone_parent_child_exit_is_ignored() {
    for tracer in tracers() {
        for (quiet, announced) in [("--quiet=personality", true), ("--quiet=exit", false)] {
            let opts = ["-e", "trace=none", quiet];
            let (_dir, run) = trace_helper(tracer, &opts, "h_strangers", &["parent"]);
            assert!(run.status.success(), "{tracer} {quiet}: {run:?}");
            let child = child_pid(&run.stdout);
            let want: Vec<String> = if announced {
                vec![format!("Exit of unknown pid {child} ignored")]
            } else {
                vec![]
            };
            assert_eq!(messages(&run.stderr), want, "{tracer} {quiet}");
            let exit = if announced {
                "+++ exited with 0 +++\n"
            } else {
                ""
            };
            assert_eq!(run.trace, exit, "{tracer} {quiet}");
        }
    }
}

fn traced_by(pid: u32) -> Option<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("TracerPid:\t"))?;
    line.trim().parse().ok()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `tracer -o FILE -e trace=chdir -p PID -- helper chdir`, where PID is another helper that
/// makes its chdir once the command's has been traced: both in the order they ran.
fn p_beside_command(tracer: &str) -> (u32, u32, String) {
    let exe = helper("h_strangers");
    let dir = TempDir::new();
    let mut target = std::process::Command::new(&exe)
        .arg(dir.path())
        .arg("chdir")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn target");
    let pid = target.id();
    let file = dir.join("trace.txt");
    let args: Vec<OsString> = vec![
        "-o".into(),
        file.clone().into(),
        "-e".into(),
        "trace=chdir".into(),
        "-p".into(),
        pid.to_string().into(),
        "--".into(),
        exe.into(),
        dir.path().into(),
        "chdir".into(),
    ];
    let mut c = command(tracer);
    c.args(&args);
    let tracer_child = c.spawn().expect("spawn tracer");
    let tracer_pid = tracer_child.id();
    wait_until("attach", || traced_by(pid) == Some(tracer_pid));
    let text = || std::fs::read_to_string(&file).unwrap_or_default();
    wait_until("the command's exit", || text().contains("+++ exited"));
    let mut stdin = target.stdin.take().expect("stdin");
    stdin.write_all(b"go\n").expect("write to target");
    drop(stdin);
    let out = wait_output(tracer_child, tracer);
    assert!(out.status.success(), "{tracer}: {out:?}");
    let _ = target.wait();
    let command_pid = text()
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().next())
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    (pid, command_pid, text())
}

#[test]
fn p_beside_a_command_prefixes_every_line() {
    for tracer in tracers() {
        let (pid, cmd, trace) = p_beside_command(tracer);
        // The helper's own chdir into its work dir is not compared.
        let trace: String = trace
            .lines()
            .filter(|l| !l.contains("chdir(\"/"))
            .map(|l| format!("{l}\n"))
            .collect();
        let chdir = |p: u32| {
            let left = pad_to(&format!("{p:<5} chdir(\"strangers\")"), DEFAULT_COLUMN);
            format!("{left}= -1 ENOENT (No such file or directory)\n")
        };
        let exit = |p: u32| format!("{p:<5} +++ exited with 0 +++\n");
        let want = [chdir(cmd), exit(cmd), chdir(pid), exit(pid)].concat();
        assert_eq!(trace, want, "{tracer}");
    }
}

/// `--decode-pids=pidns`: a child in a new pid namespace is pid 1 there; every pid it passes
/// or gets is noted with its pid in the tracer's namespace, as strace notes it.
#[test]
fn pidns_translation_notes_pids() {
    for tracer in tracers() {
        let opts = [
            "-f",
            "--decode-pids=pidns",
            "-e",
            "trace=getpid,kill,getppid,gettid",
        ];
        let (_dir, run) = trace_helper(tracer, &opts, "h_pidns", &[]);
        if run.status.code() == Some(77) {
            eprintln!("note: no pid namespace here; skipping");
            return;
        }
        assert!(run.status.success(), "{tracer}: {run:?}");
        let child = child_pid(&run.stdout);
        let note = format!(" /* {child} in strace's PID NS */");
        let lines: Vec<String> = run
            .trace
            .lines()
            .filter(|l| l.starts_with(&format!("{child} ")) && !l.contains("+++"))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let want = [
            format!("{child} getpid() = 1{note}"),
            format!("{child} kill(1{note}, 0) = 0"),
            format!("{child} getppid() = 0"),
            format!("{child} gettid() = 1{note}"),
        ];
        assert_eq!(lines, want, "{tracer}:\n{}", run.trace);
    }
}

/// A tracer started in a new pid namespace that still sees the outer `/proc` (`unshare
/// -Urpf`, as strace's own suite runs some tests) finds its tracees there by their outer
/// pids: `-y` still describes descriptors.
#[test]
fn inside_a_pid_namespace_with_the_outer_proc() {
    let dir = TempDir::new();
    let file = dir.join("data");
    std::fs::write(&file, "x").unwrap();
    let file = file.to_str().unwrap();
    for tracer in tracers() {
        let out = run(
            "unshare",
            &["-Urpf", tracer, "-y", "-e", "trace=read", "cat", file],
        );
        if !out.status.success() {
            eprintln!("note: unshare -Urpf refused here; skipping");
            return;
        }
        let stderr = &out.stderr;
        let want = format!(r#"read(3<{file}>, "x", 131072) = 1"#);
        let lines: Vec<String> = stderr
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert!(lines.contains(&want), "{tracer}: {stderr}");
    }
}

/// `-e inject=...:delay_enter=`: the delayed tracee is held stopped, the others go on (the
/// parent here kills its child while the child's one-minute delay runs; a tracer that slept
/// through the delay would hang, and the run is bounded well below a minute).
#[test]
fn a_delay_holds_only_its_tracee() {
    let exe = helper("h_delay");
    let dir = TempDir::new();
    let log = dir.join("trace.txt");
    let mut c = command(STRACE_RS);
    c.args(["-f", "-o"])
        .arg(&log)
        .args([
            "-e",
            "trace=getppid,kill",
            "-e",
            "inject=getppid:delay_enter=60s",
            "--",
        ])
        .arg(&exe)
        .arg(dir.path())
        .arg(&log);
    let mut child = c.spawn().expect("spawn strace-rs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the delay held every tracee");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let trace = std::fs::read_to_string(&log).expect("trace");
    // Per process, the halves of a call another process cut joined (the order between the
    // two processes is the scheduler's).
    let pp = split_by_pid(&trace);
    let squeeze = |l: &String| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let of = |pid: u32| -> Vec<String> { pp.lines[&pid].iter().map(squeeze).collect() };
    assert_eq!(pp.order.len(), 2, "{trace}");
    let killer = |pid: &u32| of(*pid).iter().any(|l| l.starts_with("kill("));
    let (parent, child) = match killer(&pp.order[0]) {
        true => (pp.order[0], pp.order[1]),
        false => (pp.order[1], pp.order[0]),
    };
    let parent_lines = of(parent);
    assert!(
        parent_lines.contains(&format!("kill({child}, SIGKILL) = 0")),
        "{trace}"
    );
    assert_eq!(
        of(child),
        ["getppid() = ?", "+++ killed by SIGKILL +++"],
        "{trace}"
    );
}
