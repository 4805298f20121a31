//! The seccomp-bpf filter (`--seccomp-bpf`, and by default with `-f -e trace=SET`): the trace
//! is the same with and without it, and it is really installed in the traced command.
//!
//! "Without" is `--no-seccomp-bpf`. Traces of several processes are compared per process
//! (`-ff`, one file each, pids masked): the interleaving of processes is not deterministic,
//! what each one prints is. The unit tests of the BPF program itself are in src/seccomp.rs.

mod common;

use common::*;
use std::ffi::OsString;

/// Runs strace-rs with `opts` on `cmd` plus `helper`'s fresh work directory (when given),
/// writing `-o DIR/t` (with `-ff`, `DIR/t.PID`). Returns the status/stderr and each output file,
/// pids and the work directory masked, sorted.
fn traces(opts: &[&str], cmd: &[&str], helper_args: Option<&[&str]>) -> (Output, Vec<String>) {
    let dir = TempDir::new();
    let work = TempDir::new();
    let mut cmd: Vec<&str> = cmd.to_vec();
    if let Some(extra) = helper_args {
        cmd.push(work.as_str());
        cmd.extend(extra);
    }
    let base = dir.join("t");
    let mut args: Vec<OsString> = vec!["-o".into(), base.clone().into_os_string()];
    args.extend(opts.iter().map(OsString::from));
    args.push("--".into());
    args.extend(cmd.iter().map(OsString::from));
    let out = run(STRACE_RS, &args);
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir.path())
        .expect("read trace dir")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).expect("read trace");
            (name, text)
        })
        .collect();
    // Every pid that has a file, and every number before a line's first space (`-f`).
    let mut pids: Vec<String> = files
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("t.").map(str::to_string))
        .collect();
    for (_, text) in &files {
        for line in text.lines() {
            if let Some((p, _)) = line.split_once(' ')
                && !p.is_empty()
                && p.bytes().all(|b| b.is_ascii_digit())
            {
                pids.push(p.to_string());
            }
        }
    }
    pids.sort_by_key(|p| std::cmp::Reverse(p.len()));
    pids.dedup();
    let subs: Vec<(&str, &str)> = vec![(work.as_str(), "@TMP@")];
    let mut masked: Vec<String> = files
        .drain(..)
        .map(|(_, text)| squeeze(&mask_pids(&mask_with(&text, &subs), &pids)))
        .collect();
    masked.sort();
    (out, masked)
}

/// Each of `pids` as `PID` where it is a whole number in a line that can hold a pid (see
/// `replace_pid`: a pid equal to a length elsewhere stays visible).
fn mask_pids(text: &str, pids: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let masked = pids
            .iter()
            .fold(line.to_string(), |l, p| replace_pid(&l, p, "PID"));
        out.push_str(&masked);
        out.push('\n');
    }
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Runs of spaces as one: a masked pid is shorter or longer than the real one, which moves the
/// padding of the `-f` prefix and of the ` = ` column (the same code pads with and without the
/// filter, and other tests check the padding).
fn squeeze(text: &str) -> String {
    text.lines()
        .map(|l| {
            l.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                + "\n"
        })
        .collect()
}

/// The trace of `helper` with `opts`, with and without the filter, must be the same.
fn same_with_and_without(opts: &[&str], name: &str, extra: &[&str]) -> Vec<String> {
    same_without_lines(opts, name, extra, "")
}

/// Like [`same_with_and_without`], ignoring lines that start with `skip` (when not empty).
fn same_without_lines(opts: &[&str], name: &str, extra: &[&str], skip: &str) -> Vec<String> {
    let exe = helper(name);
    let cmd = [exe.to_str().expect("utf-8 path")];
    let (with_out, with) = traces(&[&["--seccomp-bpf"], opts].concat(), &cmd, Some(extra));
    let (without_out, without) = traces(&[&["--no-seccomp-bpf"], opts].concat(), &cmd, Some(extra));
    assert_eq!(
        with_out.status.code(),
        without_out.status.code(),
        "stderr with filter:\n{}\nwithout:\n{}",
        with_out.stderr,
        without_out.stderr
    );
    assert_eq!(with.len(), without.len(), "number of trace files");
    // The files are paired in sorted order of what is compared (a skipped line first in one
    // run would otherwise sort a file elsewhere).
    let keep = |l: &&str| skip.is_empty() || !l.starts_with(skip);
    let kept = |files: &[String]| {
        let mut kept: Vec<Vec<String>> = files
            .iter()
            .map(|f| f.lines().filter(keep).map(str::to_string).collect())
            .collect();
        kept.sort();
        kept
    };
    for (a, b) in kept(&with).iter().zip(&kept(&without)) {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        assert_lines(&a, &b);
    }
    with
}

#[test]
fn same_trace_single_process() {
    let t = same_with_and_without(&["-f", "-e", "trace=openat,write"], "h_open", &[]);
    assert!(t[0].contains("openat(") && t[0].contains("+++ exited with"));
    same_with_and_without(&["-f", "-e", "trace=none"], "h_open", &[]);
    same_with_and_without(&["-f", "-e", "trace=!openat"], "h_open", &[]);
}

#[test]
fn same_trace_signals() {
    let t = same_with_and_without(&["-f", "-e", "trace=write"], "h_signal", &[]);
    assert!(t[0].contains("--- SIGUSR1 {"), "{}", t[0]);
    same_with_and_without(&["-f", "-e", "trace=kill,rt_sigreturn"], "h_signal", &[]);
}

#[test]
fn same_trace_execve() {
    // Traced and untraced execve: the exec line, and the exec in the middle of free running.
    let t = same_with_and_without(&["-f", "-e", "trace=execve"], "h_execve", &[]);
    assert!(t[0].matches("execve(").count() > 3, "{}", t[0]);
    same_with_and_without(&["-f", "-e", "trace=write,exit_group"], "h_execve", &[]);
    same_with_and_without(&["-f", "-e", "trace=%file"], "h_execve", &[]);
}

#[test]
fn same_trace_threads() {
    let t = same_with_and_without(&["-ff", "-e", "trace=write"], "h_threads", &[]);
    assert_eq!(
        t.len(),
        9,
        "a file for the main thread and each of 8 threads"
    );
    same_with_and_without(
        &["-ff", "-e", "trace=write,exit,exit_group"],
        "h_threads",
        &[],
    );
}

/// main's options on top of the filter: -e status holding, -y, hex dumps, -T-free heads, and
/// -u, whose setgroups/setgid/setuid run under the filter before the execve (a traced one must
/// not let the child run free before its execve is seen).
#[test]
fn same_trace_with_other_options() {
    let opts = ["-f", "-e", "trace=openat,write", "-e", "status=successful"];
    same_with_and_without(&opts, "h_open", &[]);
    // (not openat with -y: its O_TMPFILE file is named by a new inode each run)
    let opts = ["-f", "-y", "-e", "trace=write,close", "-e", "write=all"];
    same_with_and_without(&opts, "h_open", &[]);
    let opts = ["-f", "-Z", "-e", "trace=%file"];
    same_with_and_without(&opts, "h_open", &[]);
    let opts = [
        "-f",
        "-u",
        "nobody",
        "-e",
        "trace=setuid,setgroups,openat,write",
    ];
    let t = same_with_and_without(&opts, "h_open", &[]);
    assert!(
        t[0].contains("openat(") && !t[0].contains("setuid("),
        "{}",
        t[0]
    );
}

/// A child's SIGCHLD comes before or after its parent's wait4 as the scheduler has it (with or
/// without a filter, and with strace too): those lines are left out here.
#[test]
fn same_trace_forks() {
    let sigchld = "--- SIGCHLD ";
    let opts = ["-ff", "-e", "trace=wait4,exit_group"];
    let t = same_without_lines(&opts, "h_forks", &["20"], sigchld);
    assert_eq!(t.len(), 21, "a file for the parent and each of 20 children");
    let opts = ["-ff", "-e", "trace=%process"];
    same_without_lines(&opts, "h_forks", &["20"], sigchld);
    let opts = ["-ff", "-e", "trace=write"];
    same_without_lines(&opts, "h_forks", &["killed"], sigchld);
}

/// With `--silent-follow`, without `-f` the filter is installed too: the command's children
/// and threads inherit it and are followed silently, never shown, their filtered syscalls going through (h_forks
/// checks every child's exit status, so a child's exit_group failing with ENOSYS would change
/// the command's). The trace and the status are those without the filter. SIGCHLD lines come
/// before or after wait4's as the scheduler has it: left out.
#[test]
fn same_trace_without_follow() {
    let runs: [(&[&str], &str, &[&str]); 5] = [
        (&["-e", "trace=wait4,exit_group"], "h_forks", &["20"]),
        (&["-e", "trace=%process"], "h_forks", &["killed"]),
        (&["-e", "trace=write"], "h_threads", &[]),
        (&["-e", "trace=write,exit,exit_group"], "h_threads", &[]),
        (&["-e", "trace=execve,write"], "h_execve", &[]),
    ];
    for (opts, name, extra) in runs {
        let exe = helper(name);
        let cmd = [exe.to_str().expect("utf-8 path")];
        let (with_out, with) = traces(&[&["--silent-follow"], opts].concat(), &cmd, Some(extra));
        let (without_out, without) =
            traces(&[&["--no-seccomp-bpf"], opts].concat(), &cmd, Some(extra));
        assert_eq!(
            with_out.status.code(),
            without_out.status.code(),
            "{name} {opts:?}: stderr with filter:\n{}\nwithout:\n{}",
            with_out.stderr,
            without_out.stderr
        );
        assert_eq!(with_out.stderr, without_out.stderr, "{name} {opts:?}");
        // The children's pids, as the calls that make and reap them return them.
        let kept = |files: &[String]| -> Vec<String> {
            assert_eq!(files.len(), 1, "one trace file without -ff");
            let lines: Vec<&str> = files[0]
                .lines()
                .filter(|l| !l.starts_with("--- SIGCHLD "))
                .collect();
            let pids: Vec<String> = lines
                .iter()
                .filter(|l| {
                    ["clone", "fork", "vfork", "wait4"].contains(&syscall_name(l).unwrap_or(""))
                })
                .filter_map(|l| l.rsplit(" = ").next())
                .filter(|r| r.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_string)
                .collect();
            lines
                .iter()
                .map(|l| {
                    pids.iter()
                        .fold(l.to_string(), |l, p| replace_pid(&l, p, "PID"))
                })
                .collect()
        };
        assert_lines(&kept(&with), &kept(&without));
    }
}

/// `Seccomp:` of /proc/self/status, as the traced `cat` sees it.
fn seccomp_mode(opts: &[&str]) -> (String, String) {
    let mut args = vec!["-o", "/dev/null"];
    args.extend(opts);
    args.extend(["--", "cat", "/proc/self/status"]);
    let out = run(STRACE_RS, &args);
    assert!(out.status.success(), "{}", out.stderr);
    let mode = out
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("Seccomp:"))
        .map(|v| v.trim().to_string())
        .unwrap_or_default();
    (mode, out.stderr)
}

#[test]
fn filter_is_installed_where_it_cannot_change_the_trace() {
    // SECCOMP_MODE_FILTER is 2, none 0 (proc(5)).
    assert_eq!(seccomp_mode(&["-f", "-e", "trace=openat"]).0, "2");
    assert_eq!(seccomp_mode(&["-ff", "-e", "trace=none"]).0, "2");
    assert_eq!(
        seccomp_mode(&["--seccomp-bpf", "-f", "-e", "trace=openat"]).0,
        "2"
    );
    assert_eq!(
        seccomp_mode(&["--no-seccomp-bpf", "-f", "-e", "trace=openat"]).0,
        "0"
    );
    // Not without -f (an untraced child would see ENOSYS) unless --silent-follow says to
    // follow them silently; not for all syscalls, not with restart_syscall (its line names
    // the syscall it resumes).
    assert_eq!(seccomp_mode(&["-e", "trace=openat"]).0, "0");
    assert_eq!(
        seccomp_mode(&["--silent-follow", "-e", "trace=openat"]).0,
        "2"
    );
    assert_eq!(seccomp_mode(&["-f"]).0, "0");
    // Not with -n either (signal and exit lines show the last syscall, traced or not), unless
    // asked for, as strace does with --seccomp-bpf.
    assert_eq!(seccomp_mode(&["-f", "-n", "-e", "trace=openat"]).0, "0");
    assert_eq!(
        seccomp_mode(&["--seccomp-bpf", "-f", "-n", "-e", "trace=openat"]).0,
        "2"
    );
    // -u: the filter is installed before the user changes.
    assert_eq!(
        seccomp_mode(&["-f", "-u", "nobody", "-e", "trace=setuid"]).0,
        "2"
    );
    assert_eq!(
        seccomp_mode(&["-f", "-e", "trace=restart_syscall,read"]).0,
        "0"
    );
    assert_eq!(
        seccomp_mode(&["--seccomp-bpf", "-f", "-e", "trace=restart_syscall"]).0,
        "2"
    );
}

#[test]
fn seccomp_bpf_warnings_as_strace() {
    let (mode, err) = seccomp_mode(&["--seccomp-bpf", "-e", "trace=openat"]);
    assert_eq!(mode, "0");
    assert_eq!(
        err,
        "strace-rs: --seccomp-bpf cannot be used without -f/--follow-forks, disabling\n"
    );
    let (mode, err) = seccomp_mode(&["--seccomp-bpf", "-f"]);
    assert_eq!(mode, "0");
    assert_eq!(
        err,
        "strace-rs: Seccomp filter is requested but there are no syscalls to filter.  \
         See -e trace to filter syscalls.\n"
    );
    // The automatic filter says nothing.
    assert_eq!(seccomp_mode(&["-f", "-e", "trace=openat"]).1, "");
}
