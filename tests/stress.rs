//! Stress: many tracees at once under `-f`, checked against the numbers the traced program
//! knows, not against another trace.
//!
//! `tests/helpers/h_stress.c` has two modes. `threads`: 16 threads started together each make
//! 5,000 `lseek(-1, T*100000 + K, SEEK_CUR)`. `forks`: 200 children forked without waiting,
//! child C makes 10 `lseek(-1, C*100 + K, SEEK_END)` and exits with C; the parent reaps them
//! all with `wait4(-1, ...)` (SIGCHLD blocked, so no signal lands anywhere). The helper checks
//! every result itself and exits with 0 only if all were as expected.
//!
//! The trace is split by pid and every `<unfinished ...>` joined with its `<... resumed>` half
//! (`common::split_by_pid`, which also rejects a wrong pid prefix, wrong padding and a resumed
//! line without its unfinished one). Then every call must be there exactly once, complete, in
//! order, under the tid of the thread (the pid of the process) that made it: the i-th clone3
//! (fork) of the main thread (parent) is thread (child) i. Nothing here depends on how the
//! scheduler interleaves the tracees. The same checks pass on `strace -f`'s trace (when strace
//! is installed), which shows that they ask for what strace prints, and fail on a trace with
//! one line lost, doubled or moved to another thread.

mod common;

use common::*;
use std::collections::BTreeSet;

/// As in h_stress.c.
const NTHREADS: usize = 16;
const NCALLS: usize = 5000;
const NCHILD: usize = 200;
const CHILD_CALLS: usize = 10;

const EBADF: &str = "-1 EBADF (Bad file descriptor)";

/// The expected line `call = result` padded for column 40.
fn line(call: &str, result: &str) -> String {
    format!("{}= {result}", pad_to(call, DEFAULT_COLUMN))
}

/// `Err` unless `got` equals `want`, naming the first difference with some context (the lists
/// are long: no full diff).
fn same(what: &str, got: &[&String], want: &[String]) -> Result<(), String> {
    if got.len() == want.len() && got.iter().zip(want).all(|(g, w)| *g == w) {
        return Ok(());
    }
    let first = got
        .iter()
        .zip(want)
        .position(|(g, w)| *g != w)
        .unwrap_or(got.len().min(want.len()));
    let from = first.saturating_sub(3);
    let show = |v: Vec<&str>| v.join("\n  ");
    Err(format!(
        "{what}: {} lines, want {}; first difference at line {}\ngot:\n  {}\nwant:\n  {}",
        got.len(),
        want.len(),
        first + 1,
        show(got.iter().skip(from).take(8).map(|s| s.as_str()).collect()),
        show(want.iter().skip(from).take(8).map(String::as_str).collect())
    ))
}

/// `Err(what)` unless `ok`.
fn check(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(what()) }
}

/// The last two lines of `lines`.
fn tail(lines: &[String]) -> Vec<&String> {
    lines[lines.len().saturating_sub(2)..].iter().collect()
}

/// Splits a `-f` trace by pid; `Err` if a line is malformed.
fn split(trace: &str) -> Result<PerPid, String> {
    let pp = split_by_pid(trace);
    check(pp.errors.is_empty(), || {
        format!(
            "malformed -f trace lines ({} of them), the first:\n{}",
            pp.errors.len(),
            pp.errors[..pp.errors.len().min(20)].join("\n")
        )
    })?;
    Ok(pp)
}

/// The checks of a `threads` trace.
fn check_threads(trace: &str) -> Result<(), String> {
    let pp = split(trace)?;
    let main = pp.root();
    let tids = children_of(pp.of(main));
    check(tids.len() == NTHREADS, || {
        format!("clone3 results of the main thread {main}: {tids:?}")
    })?;
    let traced: BTreeSet<u32> = pp.order.iter().copied().collect();
    let want: BTreeSet<u32> = tids.iter().copied().chain([main]).collect();
    check(traced == want, || {
        format!("pids in the trace {traced:?}, want main + threads {want:?}")
    })?;
    let is_lseek = |l: &&String| l.starts_with("lseek(");
    for (t, &tid) in tids.iter().enumerate() {
        let lines = pp.of(tid);
        let got: Vec<&String> = lines.iter().filter(is_lseek).collect();
        let want: Vec<String> = (0..NCALLS)
            .map(|k| line(&format!("lseek(-1, {}, SEEK_CUR)", t * 100000 + k), EBADF))
            .collect();
        same(
            &format!("the lseek lines of thread {t} (tid {tid})"),
            &got,
            &want,
        )?;
        same(
            &format!("the end of thread {t} (tid {tid})"),
            &tail(lines),
            &[line("exit(0)", "?"), "+++ exited with 0 +++".to_string()],
        )?;
    }
    let main_lines = pp.of(main);
    check(!main_lines.iter().any(|l| is_lseek(&l)), || {
        format!("an lseek is reported under the main thread {main}")
    })?;
    same(
        &format!("the end of the main thread {main}"),
        &tail(main_lines),
        &[
            line("exit_group(0)", "?"),
            "+++ exited with 0 +++".to_string(),
        ],
    )?;
    // Every call once in the whole trace, as a complete line or as its first half.
    let calls = trace.lines().filter(|l| l.contains(" lseek(")).count();
    check(calls == NTHREADS * NCALLS, || {
        format!("{calls} lines with an lseek call")
    })
}

/// The checks of a `forks` trace.
fn check_forks(trace: &str) -> Result<(), String> {
    let pp = split(trace)?;
    let parent = pp.root();
    let kids = children_of(pp.of(parent));
    check(kids.len() == NCHILD, || {
        format!("fork results of the parent {parent}: {kids:?}")
    })?;
    let traced: BTreeSet<u32> = pp.order.iter().copied().collect();
    let want: BTreeSet<u32> = kids.iter().copied().chain([parent]).collect();
    check(traced == want, || {
        format!("pids in the trace {traced:?}, want parent + children {want:?}")
    })?;
    for (c, &kid) in kids.iter().enumerate() {
        let got: Vec<&String> = pp.of(kid).iter().collect();
        let mut want: Vec<String> = (0..CHILD_CALLS)
            .map(|k| line(&format!("lseek(-1, {}, SEEK_END)", c * 100 + k), EBADF))
            .collect();
        want.push(line(&format!("exit_group({c})"), "?"));
        want.push(format!("+++ exited with {c} +++"));
        same(&format!("child {c} (pid {kid})"), &got, &want)?;
    }
    // The parent reaps each child once, with the child's status, then gets ECHILD.
    let plines = pp.of(parent);
    let head = "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == ";
    let echild = line(
        "wait4(-1, 0xADDR, 0, NULL)",
        "-1 ECHILD (No child processes)",
    );
    let mut reaped: Vec<(u32, usize)> = Vec::new();
    for l in plines.iter().filter(|l| l.starts_with("wait4(")) {
        let parsed = l.strip_prefix(head).and_then(|rest| {
            let (code, rest) = rest.split_once("}], 0, NULL)")?;
            let pid = rest.trim_start().strip_prefix("= ")?;
            Some((pid.parse().ok()?, code.parse().ok()?))
        });
        match parsed {
            Some(p) => reaped.push(p),
            None => check(repad_line(&mask_addresses(l)) == echild, || {
                format!("a wait4 line of the parent: {l:?}")
            })?,
        }
    }
    reaped.sort();
    let mut want: Vec<(u32, usize)> = kids.iter().copied().zip(0..).collect();
    want.sort();
    check(reaped == want, || {
        format!("(pid, status) of the parent's wait4 results: {reaped:?}, want {want:?}")
    })?;
    check(!plines.iter().any(|l| l.starts_with("---")), || {
        "a signal reached the parent, which blocks SIGCHLD".to_string()
    })?;
    same(
        &format!("the end of the parent {parent}"),
        &tail(plines),
        &[
            line("exit_group(0)", "?"),
            "+++ exited with 0 +++".to_string(),
        ],
    )?;
    let exits = trace
        .lines()
        .filter(|l| l.contains(" +++ exited with "))
        .count();
    check(exits == NCHILD + 1, || {
        format!("{exits} `+++ exited` lines")
    })
}

/// Traces `h_stress WORKDIR mode` with `tracer -f`: the tracer (and so the helper, whose exit
/// status it passes on) must exit with 0. Returns the trace.
fn trace_stress(tracer: &str, mode: &str) -> String {
    let (_dir, run) = trace_helper(tracer, &["-f"], "h_stress", &[mode]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    run.trace
}

#[track_caller]
fn assert_ok(tracer: &str, mode: &str, result: Result<(), String>) {
    if let Err(e) = result {
        panic!("{tracer} -f, h_stress {mode}: {e}");
    }
}

#[test]
fn threads_every_call_once_under_its_thread() {
    let trace = trace_stress(STRACE_RS, "threads");
    assert_ok(STRACE_RS, "threads", check_threads(&trace));
    // The checks see one call lost, doubled or moved to another thread.
    let lines: Vec<&str> = trace.lines().collect();
    let at = lines
        .iter()
        .rposition(|l| l.contains(" lseek(-1, 1500000, "))
        .expect("thread 15's first lseek");
    let without = |i: usize| -> String {
        let mut v = lines.clone();
        v.remove(i);
        v.join("\n") + "\n"
    };
    assert!(check_threads(&without(at)).is_err(), "a lost line");
    let mut doubled = lines.clone();
    doubled.insert(at, lines[at]);
    assert!(
        check_threads(&(doubled.join("\n") + "\n")).is_err(),
        "a doubled line"
    );
    let main = lines[0].split(' ').next().expect("pid");
    let (pid, rest) = lines[at].split_once(' ').expect("pid prefix");
    let moved = format!("{main:<5} {}", rest.trim_start());
    let mut v = lines.clone();
    v[at] = &moved;
    assert!(
        check_threads(&(v.join("\n") + "\n")).is_err(),
        "{pid}'s line under {main}"
    );
}

#[test]
fn forks_every_child_once_with_its_status() {
    let trace = trace_stress(STRACE_RS, "forks");
    assert_ok(STRACE_RS, "forks", check_forks(&trace));
    let lines: Vec<&str> = trace.lines().collect();
    let exit = lines
        .iter()
        .position(|l| l.ends_with("+++ exited with 199 +++"))
        .expect("the last child's exit");
    let mut v = lines.clone();
    v.remove(exit);
    assert!(check_forks(&(v.join("\n") + "\n")).is_err(), "a lost exit");
}

#[test]
fn the_checks_hold_for_strace() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    assert_ok(
        REAL_STRACE,
        "threads",
        check_threads(&trace_stress(REAL_STRACE, "threads")),
    );
    assert_ok(
        REAL_STRACE,
        "forks",
        check_forks(&trace_stress(REAL_STRACE, "forks")),
    );
}
