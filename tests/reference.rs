//! Whole-program comparison against the real strace.
//!
//! Each case runs `/usr/bin/strace -o FILE -- CMD` and
//! `strace-rs -o FILE -- CMD` (same environment, same program; helpers get
//! two fresh work dirs of equal path length), masks what legitimately
//! differs between two runs (addresses, pids, getrandom bytes, the work dir
//! path: see `common::mask_full`) and compares ALL lines, including signal
//! and `+++ exited` lines and the line count. It also compares the exit
//! status and the program's stdout.
//!
//! If strace is not installed the tests print a note and pass (CI installs
//! it, so there they always run).

mod common;

use common::*;
use std::ffi::OsString;

fn compared_lines(masked: &str) -> Vec<String> {
    masked.lines().map(str::to_string).collect()
}

/// Runs `cmd` under both tracers and compares. `workdir`: pass a fresh work
/// dir to append to the command line (helpers), replaced by `@TMP@` in the
/// traces.
fn compare(label: &str, cmd: &[OsString], with_workdir: bool) {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping reference test {label}");
        return;
    }
    let run_one = |tracer: &str| {
        let dir = TempDir::new();
        let mut full = cmd.to_vec();
        if with_workdir {
            full.insert(1, dir.path().as_os_str().to_owned());
        }
        let r = trace(tracer, &[], &full);
        let masked = mask_with(&r.trace, &[(dir.as_str(), "@TMP@")]);
        (r, masked)
    };
    let (want, want_masked) = run_one(REAL_STRACE);
    let (got, got_masked) = run_one(STRACE_RS);

    let want_lines = compared_lines(&want_masked);
    let got_lines = compared_lines(&got_masked);
    if let Some(d) = diff(&want_lines, &got_lines, 60) {
        panic!(
            "{label}: strace-rs trace differs from strace's (masked)\n{d}\n\
             full masked strace-rs trace:\n{got_masked}"
        );
    }
    assert_eq!(
        describe_status(&got.status),
        describe_status(&want.status),
        "{label}: exit status of strace-rs vs strace"
    );
    assert_eq!(
        got.stdout, want.stdout,
        "{label}: the traced program's stdout"
    );
    assert_eq!(got.stderr, "", "{label}: strace-rs wrote to stderr with -o");
}

fn compare_helper(name: &str, extra: &[&str]) {
    let mut cmd: Vec<OsString> = vec![helper(name).into_os_string()];
    cmd.extend(extra.iter().map(OsString::from));
    compare(&format!("{name} {extra:?}"), &cmd, true);
}

fn compare_cmd(args: &[&str]) {
    let cmd: Vec<OsString> = args.iter().map(OsString::from).collect();
    compare(&format!("{args:?}"), &cmd, false);
}

#[test]
fn ref_h_open() {
    compare_helper("h_open", &[]);
}

#[test]
fn ref_h_rw() {
    compare_helper("h_rw", &[]);
}

#[test]
fn ref_h_mem() {
    compare_helper("h_mem", &[]);
}

#[test]
fn ref_h_stat() {
    compare_helper("h_stat", &[]);
}

#[test]
fn ref_h_execve() {
    compare_helper("h_execve", &[]);
}

#[test]
fn ref_h_signal() {
    compare_helper("h_signal", &[]);
}

#[test]
fn ref_h_die_segv() {
    compare_helper("h_die", &["segv"]);
}

#[test]
fn ref_h_die_kill() {
    compare_helper("h_die", &["kill"]);
}

#[test]
fn ref_h_die_abrt() {
    compare_helper("h_die", &["abrt"]);
}

#[test]
fn ref_h_die_exit() {
    compare_helper("h_die", &["exit", "3"]);
}

#[test]
fn ref_echo_hello() {
    compare_cmd(&["echo", "hello"]);
}

#[test]
fn ref_cat_etc_hostname() {
    compare_cmd(&["cat", "/etc/hostname"]);
}

#[test]
fn ref_ls_root() {
    compare_cmd(&["ls", "/"]);
}

#[test]
fn ref_true() {
    compare_cmd(&["true"]);
}

/// The masking itself must not make different traces equal.
#[test]
fn masking_keeps_differences() {
    let a = "openat(AT_FDCWD, \"x\", O_RDONLY)        = 3\nbrk(NULL)                               = 0x55d93f27c000\n";
    let b = "openat(AT_FDCWD, \"x\", O_RDONLY)         = 3\nbrk(NULL)                               = 0x55d93f27d000\n";
    let (ma, mb) = (mask(a), mask(b));
    assert_ne!(ma, mb, "padding difference hidden by mask");
    assert_eq!(
        mask(
            "mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|0x800000, -1, 0x1000) = 0x7f0011223000\n"
        ),
        "mmap(0x10000000, 4096, PROT_READ, MAP_PRIVATE|0x800000, -1, 0x1000) = 0xADDR\n"
    );
    // pid masking re-pads lines whose left part changed length
    let t = "getpid()                                = 99999\nkill(99999, SIGUSR1)                    = 0\n";
    let u = "getpid()                                = 100000\nkill(100000, SIGUSR1)                   = 0\n";
    assert_eq!(mask(t), mask(u));
    assert_eq!(
        mask(t),
        "getpid()                                = PID\nkill(PID, SIGUSR1)                      = 0\n"
    );
    // ... but not when the original padding was wrong
    let bad = "getpid()                                = 99999\nkill(99999, SIGUSR1)  = 0\n";
    assert_ne!(mask(bad), mask(t));
}
