//! The command's standard descriptors and signal dispositions are the ones it was given, not
//! the tracer's (each compared with strace 6.1 and with the command run untraced):
//!
//! - a standard descriptor closed for the tracer is closed for the command;
//! - once the command runs, the tracer holds no end of its stdin or stdout pipes, so a pipe
//!   the command closes sees EOF at once;
//! - an ignored SIGPIPE stays ignored for the command (the tracer ignores it for itself).

mod common;

use common::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn tracers() -> Vec<&'static str> {
    let mut all = vec![STRACE_RS];
    if real_strace_available() {
        all.push(REAL_STRACE);
    }
    all
}

/// `sh -c SCRIPT` with `$1` the tracer (or `env` for none) and `$2` a scratch dir: its
/// stdout, stderr and exit status; killed after 20 s (a test that hangs fails).
fn shell(script: &str, tracer: &str, dir: &TempDir) -> (String, String, Option<i32>) {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(tracer)
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sh");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "{tracer}: {script} hung; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn closed_standard_descriptors_stay_closed() {
    let script = r#"
        run() {
            t=$1 d=$2; shift 2
            if [ "$t" = env ]; then "$@"; else "$t" -o "$d/log" -e trace=none "$@"; fi
        }
        for fd in 0 1 2; do
            eval "run \"\$1\" \"\$2\" readlink /proc/self/fd/$fd $fd>&-" >/dev/null 2>&1
            echo "fd $fd: $?" >>"$2/status"
        done
        cat "$2/status""#;
    let untraced = {
        let dir = TempDir::new();
        shell(script, "env", &dir).0
    };
    assert_eq!(untraced, "fd 0: 1\nfd 1: 1\nfd 2: 1\n");
    for tracer in tracers() {
        let dir = TempDir::new();
        let (out, err, code) = shell(script, tracer, &dir);
        assert_eq!(
            (out.as_str(), code),
            (untraced.as_str(), Some(0)),
            "{tracer}: {err}"
        );
    }
}

#[test]
fn pipes_see_the_command_close_them() {
    // The command closes its stdout and waits for the reader to say it saw EOF; a tracer
    // holding a copy of the pipe would keep the reader waiting (and the test would hang).
    let script = r#"
        "$1" -o "$2/log" -qq -e trace=none sh -c 'exec >&-; while [ ! -e "$0/eof" ]; do sleep 0.01; done' "$2" |
            { cat >/dev/null; touch "$2/eof"; }
        # And the other way: a writer into the command's closed stdin gets EPIPE.
        { while [ ! -e "$2/closed" ]; do sleep 0.01; done; yes; } |
            "$1" -o "$2/log2" -qq -e trace=none sh -c 'exec <&-; touch "$0/closed"; while [ ! -e "$0/done" ]; do sleep 0.01; done' "$2" &
        wait_for() { i=0; while [ ! -e "$1" ] && [ $i -lt 1500 ]; do sleep 0.01; i=$((i+1)); done; }
        wait_for "$2/closed"
        # yes must die of SIGPIPE while the command is still running.
        i=0; while pgrep -P $$ -x yes >/dev/null && [ $i -lt 1500 ]; do sleep 0.01; i=$((i+1)); done
        pgrep -P $$ -x yes >/dev/null && echo "yes still writing"
        touch "$2/done"
        wait
        echo ok"#;
    for tracer in tracers() {
        let dir = TempDir::new();
        let (out, err, _) = shell(script, tracer, &dir);
        assert_eq!(out, "ok\n", "{tracer}: {err}");
    }
}

#[test]
fn an_ignored_sigpipe_stays_ignored() {
    // SigIgn of /proc/self/status, bit 13 (SIGPIPE) = 0x1000.
    let script = r#"
        run() {
            t=$1 d=$2; shift 2
            if [ "$t" = env ]; then "$@"; else "$t" -o "$d/log" -e trace=none "$@"; fi
        }
        trap '' PIPE
        run "$1" "$2" sh -c 'grep SigIgn /proc/self/status'"#;
    let ignored = shell(script, "env", &TempDir::new()).0;
    let default = shell(&script.replace("trap '' PIPE", ""), "env", &TempDir::new()).0;
    assert_ne!(ignored, default);
    for tracer in tracers() {
        assert_eq!(
            shell(script, tracer, &TempDir::new()).0,
            ignored,
            "{tracer}"
        );
        let plain = script.replace("trap '' PIPE", "");
        assert_eq!(
            shell(&plain, tracer, &TempDir::new()).0,
            default,
            "{tracer}"
        );
    }
}
