//! Options compared against the real strace: every test runs the same
//! program under `/usr/bin/strace` and `strace-rs` with the same options,
//! masks what legitimately differs between two runs and compares the WHOLE
//! trace, the tracer's exit status, the program's stdout and the tracer's
//! stderr (with the program name and pids normalized). A `-f` trace is
//! compared process by process, with `<unfinished ...>`/`<... resumed>`
//! halves joined: how two processes interleave is the scheduler's choice.
//! Nothing is retried: every program here makes the same calls in the same
//! order on every run (the helper's child signals are blocked until a fixed
//! point).
//!
//! Masking ([`mask_opts`]) keeps the layout, so column alignment stays
//! checked:
//! * timestamps (`-t`, `-tt`, `-ttt`, `-r`, `--timestamps`) and syscall
//!   times (`-T`, `--syscall-times`) by shape: every digit becomes `0`;
//! * the `-i` instruction pointer `[00007f173eb8b829]`: hex digits -> `0`;
//! * pids (the `-f` line prefix, results of getpid/getppid/gettid/
//!   set_tid_address/fork/clone/vfork, `-p` targets) -> `P1`, `P2`, ... in
//!   order of first appearance, the padding before ` = ` recomputed when the
//!   original line was padded correctly;
//! * addresses, times inside structs, getrandom bytes as `common::mask`
//!   does; the work dir path -> `@TMP@`.
//!
//! The program is mostly `tests/helpers/h_options.c` (one mode per
//! feature). If strace is not installed the comparisons print a note and
//! pass (CI installs it). Every process is bounded by a timeout.

mod common;

use common::*;
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::process::Child;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------

/// Replaces every ASCII digit of `s` with `0` (a timestamp keeps its shape).
fn zero_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// A trace line split into its prefix parts and the rest.
struct Parts<'a> {
    /// The `-f` pid prefix (`5938  `), as the pid number.
    pid: Option<&'a str>,
    /// Timestamp(s), `-n` and `-i` fields, already masked, with their
    /// spaces.
    stamps: String,
    /// The syscall line itself (`getpid() = 5` ...), possibly with a `-T`
    /// suffix.
    body: &'a str,
}

fn is_time_token(t: &str) -> bool {
    !t.is_empty()
        && t.bytes().any(|c| c.is_ascii_digit())
        && t.bytes()
            .all(|c| c.is_ascii_digit() || c == b'.' || c == b':')
}

fn split_parts(line: &str, pid_prefix: bool) -> Parts<'_> {
    let mut rest = line;
    let mut pid = None;
    if pid_prefix {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 && rest[n..].starts_with(' ') {
            pid = Some(&rest[..n]);
            rest = rest[n..].trim_start_matches(' ');
        }
    }
    let mut stamps = String::new();
    // A time: optional leading spaces (-r), digits with '.' and ':', one
    // space.
    let trimmed = rest.trim_start_matches(' ');
    if let Some(sp) = trimmed.find(' ')
        && is_time_token(&trimmed[..sp])
    {
        let len = rest.len() - trimmed.len() + sp + 1;
        stamps.push_str(&zero_digits(&rest[..len]));
        rest = &rest[len..];
    }
    // -n: `[  59] `, -i: `[00007f173eb8b829] ` or `[????????????????] `.
    for _ in 0..2 {
        if rest.starts_with('[')
            && let Some(close) = rest.find("] ")
        {
            let inner = &rest[1..close];
            if inner.len() == 16 && inner.bytes().all(|c| c.is_ascii_hexdigit() || c == b'?') {
                stamps.push('[');
                stamps.extend(
                    inner
                        .chars()
                        .map(|c| if c.is_ascii_hexdigit() { '0' } else { c }),
                );
                stamps.push_str("] ");
                rest = &rest[close + 2..];
            } else if inner.bytes().all(|c| c.is_ascii_digit() || c == b' ') {
                stamps.push_str(&rest[..close + 2]);
                rest = &rest[close + 2..];
            }
        }
    }
    Parts {
        pid,
        stamps,
        body: rest,
    }
}

/// Masks a `-T` / `--syscall-times` suffix ` <0.000012>`.
fn mask_syscall_time(body: &str) -> String {
    if body.ends_with('>')
        && let Some(open) = body.rfind(" <")
        && is_time_token(&body[open + 2..body.len() - 1])
    {
        return format!("{}{}", &body[..open], zero_digits(&body[open..]));
    }
    body.to_string()
}

/// The numeric result of a syscall body (`getpid() = 12` -> `12`), also for
/// `<... fork resumed>) = 12`.
fn body_result(body: &str) -> Option<String> {
    let (_, _, res) = split_result(body)?;
    let v = res.strip_prefix("= ")?.split(' ').next()?;
    // -Y: `= 1234<name>`.
    let v = v.split('<').next()?;
    if let Some(h) = v.strip_prefix("0x") {
        // -e raw=: results in hex.
        return u64::from_str_radix(h, 16).ok().map(|n| n.to_string());
    }
    (!v.is_empty() && v.bytes().all(|c| c.is_ascii_digit())).then(|| v.to_string())
}

/// Removes the ` /* 0.14 s */` strace adds after a nonzero si_utime /
/// si_stime (their values are masked by `mask_volatile_line`).
fn strip_cpu_comments(s: &str) -> String {
    let mut out = s.to_string();
    for key in ["si_utime=N", "si_stime=N"] {
        while let Some(p) = out.find(&format!("{key} /* ")) {
            let from = p + key.len();
            match out[from..].find(" */") {
                Some(e) => out.replace_range(from..from + e + 3, ""),
                None => break,
            }
        }
    }
    out
}

/// Masks a trace (see the module docs). `pid_prefix`: lines start with the
/// pid (`-f` with one output file). `pids`: pids known beforehand (`-p`).
fn mask_opts(text: &str, subs: &[(&str, &str)], pid_prefix: bool, pids: &[u32]) -> Vec<String> {
    // Learn the pids, in order of first appearance.
    let mut order: Vec<String> = pids.iter().map(u32::to_string).collect();
    let mut learn = |n: &str| {
        if n != "0" && !order.iter().any(|o| o == n) {
            order.push(n.to_string());
        }
    };
    for line in text.lines() {
        let p = split_parts(line, pid_prefix);
        if let Some(pid) = p.pid {
            learn(pid);
        }
        let body = p.body.strip_prefix("<... ").unwrap_or(p.body);
        let pid_calls = [
            "getpid(",
            "getppid(",
            "gettid(",
            "set_tid_address(",
            "fork(",
            "vfork(",
            "clone(",
            "clone3(",
            "fork resumed>",
            "vfork resumed>",
            "clone resumed>",
            "clone3 resumed>",
        ];
        if pid_calls.iter().any(|c| body.starts_with(c))
            && let Some(n) = body_result(&mask_syscall_time(p.body))
        {
            learn(&n);
        }
    }
    let labels: HashMap<&str, String> = order
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), format!("P{}", i + 1)))
        .collect();

    let mut out = Vec::new();
    for line in text.lines() {
        let p = split_parts(line, pid_prefix);
        let mut body = mask_syscall_time(p.body);
        for (from, to) in subs {
            if !from.is_empty() {
                body = body.replace(from, to);
            }
        }
        body = mask_addresses(&body);
        for (num, label) in &labels {
            body = replace_pid(&body, num, label);
            if let Ok(n) = num.parse::<u64>() {
                // -e raw=: the same places, in hex.
                body = replace_pid(&body, &format!("{n:#x}"), label);
            }
        }
        body = strip_cpu_comments(&mask_volatile_line(&body));
        if let Some(rest) = body.strip_prefix("getrandom(\"")
            && let Some(end) = rest.find("\", ")
        {
            body = format!("getrandom(\"<random>\"{}", &rest[end + 1..]);
        }
        // -e raw=: openat's 4th argument is whatever r10 held (mode is
        // unused without O_CREAT): it changes from run to run.
        if body.starts_with("openat(0x")
            && let Some(close) = body.find(')')
            && body[..close].matches(", ").count() == 3
        {
            let third = body[..close].rfind(", ").unwrap();
            body = format!("{}, ARG4{}", &body[..third], &body[close..]);
        }
        let prefix = match p.pid {
            Some(pid) => format!("{:<5} ", labels[pid]),
            None => String::new(),
        };
        let masked = format!("{prefix}{}{body}", p.stamps);
        // Recompute the padding before ` = ` if masking changed the line
        // and the original was padded for column 40.
        let fixed = match (split_result(line), split_result(&masked)) {
            (Some((ol, os, _)), Some((ml, _, mres)))
                if os == padding(ol, DEFAULT_COLUMN) && masked != line =>
            {
                format!("{}{mres}", pad_to(ml, DEFAULT_COLUMN))
            }
            _ => masked,
        };
        out.push(fixed);
    }
    out
}

/// The tracer's stderr with its name and the given pids normalized.
fn norm_stderr(stderr: &str, tracer: &str, pids: &[u32]) -> String {
    let name = std::path::Path::new(tracer)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let mut s = stderr
        .replace(&format!("{tracer}: "), "TRACER: ")
        .replace(&format!("{name}: "), "TRACER: ")
        .replace(&format!("Try '{tracer} -h'"), "Try 'TRACER -h'")
        .replace(&format!("Try '{name} -h'"), "Try 'TRACER -h'");
    // Messages, not trace lines: `Process 1234 attached`.
    for (i, p) in pids.iter().enumerate() {
        s = replace_number(&s, &p.to_string(), &format!("P{}", i + 1));
    }
    s
}

// ---------------------------------------------------------------------------
// Running both tracers
// ---------------------------------------------------------------------------

/// What is traced.
#[derive(Clone, Copy)]
enum Prog<'a> {
    /// `h_options WORKDIR args...`.
    Helper(&'a [&'a str]),
    /// A command line.
    Cmd(&'a [&'a str]),
}

/// One traced run.
struct Traced {
    out: Output,
    trace: String,
    masked: Vec<String>,
}

/// Environment changes for the tracer (and so the traced program).
type Env<'a> = &'a [(&'a str, Option<&'a str>)];

/// Spawns `tracer args...` with `env` applied.
fn spawn(tracer: &str, args: &[OsString], env: Env) -> Child {
    let mut c = command(tracer);
    c.args(args);
    for (k, v) in env {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c.spawn()
        .unwrap_or_else(|e| panic!("cannot spawn {tracer}: {e}"))
}

/// Runs `tracer -o FILE opts... -- prog` and masks the trace.
fn run_one(tracer: &str, opts: &[&str], prog: Prog, env: Env) -> Traced {
    let work = TempDir::new();
    let outdir = TempDir::new();
    let file = outdir.join("trace.txt");
    let mut args: Vec<OsString> = vec!["-o".into(), file.clone().into()];
    args.extend(opts.iter().map(OsString::from));
    args.push("--".into());
    match prog {
        Prog::Helper(extra) => {
            args.push(helper("h_options").into());
            args.push(work.path().into());
            args.extend(extra.iter().map(OsString::from));
        }
        Prog::Cmd(cmd) => args.extend(cmd.iter().map(OsString::from)),
    }
    let what = format!("{tracer} {args:?}");
    let out = wait_output(spawn(tracer, &args, env), &what);
    let trace = std::fs::read(&file)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let pid_prefix = follows(opts);
    let subs = work_subs(work.as_str());
    let subs: Vec<(&str, &str)> = subs.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let masked = mask_opts(&trace, &subs, pid_prefix, &[]);
    Traced { out, trace, masked }
}

/// How the work dir `dir` appears in traces, whole and cut at 32 bytes (an
/// argv element), as is and in hex (`-xx`), with what replaces each.
fn work_subs(dir: &str) -> Vec<(String, &'static str)> {
    let hex = |s: &str| -> String { s.bytes().map(|b| format!("\\x{b:02x}")).collect() };
    let cut = &dir[..dir.len().min(32)];
    vec![
        (dir.to_string(), "@TMP@"),
        (hex(dir), "@TMP@"),
        (format!("\"{cut}\"..."), "\"@TMP32@\"..."),
        (format!("\"{}\"...", hex(cut)), "\"@TMP32@\"..."),
    ]
}

/// Compares strace-rs with strace for `opts` on `prog`: the masked traces line for line (with
/// `-f`, process by process: see [`per_process`]), the exit status, the program's stdout, the
/// normalized stderr. Returns the differences (empty when equal) and both runs (None when
/// strace is not installed).
fn compare_env(opts: &[&str], prog: Prog, env: Env) -> Option<(String, Traced, Traced)> {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping comparison {opts:?}");
        return None;
    }
    let want = run_one(REAL_STRACE, opts, prog, env);
    let got = run_one(STRACE_RS, opts, prog, env);
    let mut errs = String::new();
    if follows(opts) {
        let (w, g) = (per_process(&want.masked), per_process(&got.masked));
        let names = |p: &[(String, Vec<String>)]| -> Vec<String> {
            p.iter().map(|(name, _)| name.clone()).collect()
        };
        if names(&w) != names(&g) {
            errs.push_str(&format!(
                "processes: strace {:?}, strace-rs {:?}\n",
                names(&w),
                names(&g)
            ));
        }
        for ((name, wl), (_, gl)) in w.iter().zip(&g) {
            if let Some(d) = diff(wl, gl, 60) {
                errs.push_str(&format!("masked trace of {name} differs:\n{d}"));
            }
        }
    } else if let Some(d) = diff(&want.masked, &got.masked, 60) {
        errs.push_str(&format!("masked trace differs:\n{d}"));
    }
    let (ws, gs) = (
        describe_status(&want.out.status),
        describe_status(&got.out.status),
    );
    if ws != gs {
        errs.push_str(&format!("exit status: strace {ws}, strace-rs {gs}\n"));
    }
    if want.out.stdout != got.out.stdout {
        errs.push_str(&format!(
            "program stdout: strace {:?}, strace-rs {:?}\n",
            want.out.stdout, got.out.stdout
        ));
    }
    let (we, ge) = (
        norm_stderr(&want.out.stderr, REAL_STRACE, &[]),
        norm_stderr(&got.out.stderr, STRACE_RS, &[]),
    );
    if we != ge {
        errs.push_str(&format!("stderr: strace {we:?}, strace-rs {ge:?}\n"));
    }
    Some((errs, want, got))
}

/// Whether `opts` has `-f` (or `-ff`): lines start with the pid.
fn follows(opts: &[&str]) -> bool {
    opts.iter().any(|o| o.starts_with("-f"))
}

/// A masked `-f` trace split by process (`P1`, `P2`, ... in order of first appearance), each
/// `<unfinished ...>` line joined with its `<... NAME resumed>` line and the joined line padded
/// as strace pads a whole one. How processes interleave, and so whether and where a call is cut,
/// is the scheduler's choice; what each process prints, in its order, is not.
fn per_process(masked: &[String]) -> Vec<(String, Vec<String>)> {
    let mut procs: Vec<(String, Vec<String>)> = Vec::new();
    let mut pending: HashMap<String, String> = HashMap::new();
    for line in masked {
        let label = line.split(' ').next().unwrap_or("").to_string();
        let at = match procs.iter().position(|(l, _)| *l == label) {
            Some(at) => at,
            None => {
                procs.push((label.clone(), Vec::new()));
                procs.len() - 1
            }
        };
        if let Some(head) = line.strip_suffix(" <unfinished ...>") {
            pending.insert(label, head.to_string());
            continue;
        }
        // `<... NAME resumed>` after the prefix, timestamps and -n/-i tags.
        let resumed = line.find("<... ").and_then(|i| {
            let before = &line[label.len()..i];
            let tags_only = before
                .bytes()
                .all(|c| c.is_ascii_digit() || b" .:[]?".contains(&c));
            let tail = line[i..].split_once(" resumed>")?.1;
            tags_only.then_some(tail)
        });
        let joined = match (resumed, pending.remove(&label)) {
            (Some(tail), Some(head)) => {
                let whole = format!("{head}{tail}");
                match split_result(&whole) {
                    Some((left, _, res)) => format!("{}{res}", pad_to(left, DEFAULT_COLUMN)),
                    None => whole,
                }
            }
            (_, head) => {
                // Anything else ends a pending call as printed (`+++ killed`, a detach).
                if let Some(head) = head {
                    procs[at].1.push(format!("{head} <unfinished ...>"));
                }
                line.clone()
            }
        };
        procs[at].1.push(joined);
    }
    let mut left: Vec<(String, String)> = pending.into_iter().collect();
    left.sort();
    for (label, head) in left {
        if let Some((_, lines)) = procs.iter_mut().find(|(l, _)| *l == label) {
            lines.push(format!("{head} <unfinished ...>"));
        }
    }
    procs
}

fn compare(opts: &[&str], prog: Prog) -> Option<(String, Traced, Traced)> {
    compare_env(opts, prog, &[])
}

/// Runs [`compare`] for every option set on `prog`; panics listing every
/// set that differs.
#[track_caller]
fn compare_all(sets: &[&[&str]], prog: Prog) {
    let mut failures = String::new();
    for opts in sets {
        if let Some((errs, _, got)) = compare(opts, prog)
            && !errs.is_empty()
        {
            failures.push_str(&format!(
                "=== options {opts:?}:\n{errs}--- full masked strace-rs trace:\n{}\n",
                got.masked.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "strace-rs differs from strace:\n{failures}"
    );
}

/// The masked lines after the marker `write(-1, "BEGIN", 5)`, with
/// whatever prefix the options add (matched on the body).
fn after_begin(lines: &[String]) -> Vec<String> {
    let pos = lines
        .iter()
        .position(|l| l.contains(r#"write(-1, "BEGIN", 5)"#))
        .unwrap_or_else(|| panic!("no marker line in:\n{}", lines.join("\n")));
    lines[pos + 1..].to_vec()
}

// ---------------------------------------------------------------------------
// -e trace=
// ---------------------------------------------------------------------------

#[test]
fn trace_names_and_classes() {
    compare_all(
        &[
            &["-e", "trace=openat,close"],
            &["-e", "openat,close"],
            &["-e", "trace=%creds"],
            &["-e", "trace=%file,%pure"],
            &["-e", "trace=%desc"],
            &["-e", "trace=%process"],
            &["-e", "trace=%memory"],
            &["--trace=getuid,getgid"],
            &["--trace=%creds,write"],
            // Empty tokens are skipped; digits name a syscall by number (39: getpid).
            &["-e,getuid,,getgid"],
            &["-e", "trace=39,write"],
        ],
        Prog::Helper(&["basic"]),
    );
}

#[test]
fn trace_negation_regex_unknown() {
    compare_all(
        &[
            &["-e", "trace=!openat,close,mmap"],
            &["-e", "trace=!%memory"],
            &["-e", "trace=/^get"],
            &["-e", "trace=/at$"],
            &["-e", "trace=/^(close|read)$"],
            &["-e", "trace=?nosuch,getpid"],
            &["-e", "trace=?%nosuchclass,getuid"],
            &["-e", "trace=none"],
            &["-e", "trace=all"],
            &["-e", "trace=!all"],
            &["-e", "trace=!none"],
        ],
        Prog::Helper(&["basic"]),
    );
}

/// Several `-e trace=`: the last one wins.
#[test]
fn trace_last_wins() {
    compare_all(
        &[
            &["-e", "trace=openat", "-e", "trace=close"],
            &["-e", "trace=none", "-e", "trace=getpid"],
            &["--trace=getuid", "-e", "trace=%file"],
        ],
        Prog::Helper(&["basic"]),
    );
    // An exact check of what is left with the last one.
    if let Some((_, want, got)) = compare(
        &["-e", "trace=openat", "-e", "trace=close"],
        Prog::Helper(&["basic"]),
    ) {
        // The dynamic loader closes ld.so.cache and libc before the helper's own two calls.
        let expect = [
            "close(3)                                = 0",
            "close(3)                                = 0",
            "close(3)                                = 0",
            "close(3)                                = -1 EBADF (Bad file descriptor)",
            "+++ exited with 0 +++",
        ];
        assert_lines(&want.masked, &expect);
        assert_lines(&got.masked, &expect);
    }
}

#[test]
fn trace_none_keeps_exit_line() {
    let Some((errs, _, got)) = compare(&["-e", "trace=none"], Prog::Helper(&["basic"])) else {
        return;
    };
    assert_eq!(errs, "", "-e trace=none");
    assert_lines(&got.masked, &["+++ exited with 0 +++"]);
}

// ---------------------------------------------------------------------------
// Errors in option values and combinations, as strace 6.1 words them
// ---------------------------------------------------------------------------

/// `strace-rs: MSG` for each line of `msg`, as strace-rs prints its messages.
fn e(msg: &str) -> String {
    msg.lines().map(|l| format!("strace-rs: {l}\n")).collect()
}

/// [`e`] and strace's usage hint.
fn h(msg: &str) -> String {
    format!("{}Try 'strace-rs -h' for more information.\n", e(msg))
}

/// strace-rs refuses `args`: exit status 1 and exactly `want` on stderr. strace 6.1, when
/// installed, must print the same (the program name aside) and exit the same way.
fn assert_refused<S: AsRef<OsStr> + std::fmt::Debug>(args: &[S], want: &str) {
    let got = run(STRACE_RS, args);
    assert_eq!(got.stderr, want, "stderr of strace-rs {args:?}");
    assert_eq!(describe_status(&got.status), "exited with 1", "{args:?}");
    if real_strace_available() {
        let theirs = run(REAL_STRACE, args);
        assert_eq!(
            norm_stderr(&got.stderr, STRACE_RS, &[]),
            norm_stderr(&theirs.stderr, REAL_STRACE, &[]),
            "{args:?}"
        );
        assert_eq!(
            describe_status(&got.status),
            describe_status(&theirs.status),
            "{args:?}"
        );
    }
}

/// Bad sets in `-e QUALIFIER=SET`: error message, exit status 1, nothing run.
#[test]
fn trace_unknown_name_is_an_error() {
    for (opt, msg) in [
        ("trace=nosuch", e("invalid system call 'nosuch'")),
        ("trace=%nosuch", e("invalid system call '%nosuch'")),
        ("trace=nosuch@32", e("invalid system call 'nosuch@32'")),
        (
            "trace=getcwd@foo",
            h("incorrect personality designator 'foo' in qualification 'getcwd@foo'"),
        ),
        // Numbers no personality has, and names and numbers of another personality.
        ("trace=415", e("invalid system call '415'")),
        ("trace=1,415@64", e("invalid system call '415@64'")),
        ("trace=512@64", e("invalid system call '512@64'")),
        ("trace=222@32", e("invalid system call '222@32'")),
        ("trace=mmap2@64", e("invalid system call 'mmap2@64'")),
        ("trace=tuxcall@32", e("invalid system call 'tuxcall@32'")),
        ("trace=/mmap2@64", e("invalid system call '/mmap2@64'")),
        ("trace=!", e("invalid system call '!'")),
        ("trace=,", e("invalid system call ','")),
        ("bogus=chdir", e("invalid system call 'bogus=chdir'")),
        // No set before the first colon is an empty set.
        ("inject=", e("invalid system call ''")),
        ("inject=:when=3", e("invalid system call ''")),
        ("fault=::", e("invalid system call ''")),
        ("inject=415:", e("invalid system call '415'")),
        ("inject=chdir::", e("invalid inject argument 'chdir::'")),
        // strace's qualify_tokens: the bad word is named; all/none only stand alone.
        ("signal=all,int", e("invalid signal 'all'")),
        ("signal=+5", e("invalid signal '+5'")),
        ("quiet=,", e("invalid quiet ','")),
        ("status=failed,none", e("invalid status 'none'")),
        ("read=all,3", e("invalid descriptor 'all'")),
        ("decode-fds=path,name", e("invalid decode-fds 'name'")),
        ("kvm=chdir", e("invalid -e kvm= argument: 'chdir'")),
        (
            "secontext=full",
            e(
                "SELinux context printing (--secontext option) is not supported by this \
               build of strace",
            ),
        ),
    ] {
        assert_refused(&["-e", opt, "true"], &msg);
    }
    // Valid sets: strace goes on to its next check.
    for opt in [
        "trace=send",
        "trace=/mmap2",
        "trace=readv@x32",
        "signal=!!int,,term",
    ] {
        assert_refused(&["-e", opt], &h("must have PROG [ARGS] or -p PID"));
    }
}

/// strace acts on each option as it finds it, so the first bad one is reported, a bad option
/// name included; `-V` waits for the others.
#[test]
fn options_are_checked_in_order() {
    for (args, want) in [
        (&["-p", "0", "--bogus"][..], e("Invalid process id: '0'")),
        (
            &["--bogus", "-p", "0"][..],
            h("unrecognized option '--bogus'"),
        ),
        (&["-V", "-p", "0"][..], e("Invalid process id: '0'")),
        (
            &["-e", "trace=nosuch", "-p", "0"][..],
            e("invalid system call 'nosuch'"),
        ),
        (&["-p", "1,,2"][..], e("Invalid process id: ''")),
        (&["-p", ",1"][..], e("Invalid process id: ''")),
        (
            &["-c", "-C", "-p", "0"][..],
            h("-c/--summary-only and -C/--summary are mutually exclusive"),
        ),
        (
            &["--relative-timestamps=n", "-p", "0"][..],
            h("invalid --relative-timestamps argument: 'n'"),
        ),
        (
            &["--strings-in-hex=ascii", "-p", "0"][..],
            h("invalid --strings-in-hex argument: 'ascii'"),
        ),
        (
            &["-S", "bogus", "-p", "0"][..],
            h("invalid sortby: 'bogus'"),
        ),
        (
            &["-Inevertheless"][..],
            h("invalid -I argument: 'nevertheless'"),
        ),
        (
            &["--tips=id", "-p", "0"][..],
            h("invalid --tips argument: 'id'"),
        ),
        (
            &["--tips=2147483648"][..],
            h("invalid --tips argument: '2147483648'"),
        ),
        (
            &["--daemonize=pgr"][..],
            h("invalid --daemonize argument: 'pgr'"),
        ),
        (&["--kvm=chdir"][..], e("invalid -e kvm= argument: 'chdir'")),
        (
            &["--secontext"][..],
            e(
                "SELinux context printing (--secontext option) is not supported by this \
               build of strace",
            ),
        ),
    ] {
        assert_refused(args, &want);
    }
    // Valid values, in any case where strace takes any case.
    for args in [
        &["--tips"][..],
        &["--tips=ID:random,23", "--tips=format:FULL"],
        &["-INEVER"],
        &["--relative-timestamps=MS"],
        &["--strings-in-hex=Non-Ascii"],
        &["--daemonize=Pgrp", "-p", "1", "-w"],
        &["-e", "quiet=ATTACH,,exit"],
        &["-e", "kvm=vcpu"],
    ] {
        let want = if args.contains(&"-w") {
            h("PROG [ARGS] must be specified with -D/--daemonize")
        } else {
            h("must have PROG [ARGS] or -p PID")
        };
        assert_refused(args, &want);
    }
}

/// Options that may not go together, and the warnings strace prints before it refuses
/// another option (`-w` here), in its order.
#[test]
fn option_combinations() {
    for (args, want) in [
        (
            &["-f", "--follow-forks", "-p", "1"][..],
            e("-f and --follow-forks cannot be provided simultaneously"),
        ),
        (
            &["--output-separately", "-ff", "-p", "1"][..],
            e("-ff and --output-separately cannot be provided simultaneously"),
        ),
        (
            &["-x", "--strings-in-hex", "-p", "1"][..],
            e("-x and --strings-in-hex cannot be provided simultaneously"),
        ),
        (
            &["-e", "decode-fds=all", "-yy", "-p", "1"][..],
            e("-y and --decode-fds cannot be provided simultaneously"),
        ),
        (
            &["-c", "-ff", "true"][..],
            h(
                "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually \
               exclusive",
            ),
        ),
        (
            &["-C", "--output-separately", "true"][..],
            h(
                "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually \
               exclusive",
            ),
        ),
        (
            &["-o", "|cat", "-ff", "true"][..],
            h("piping the output and -ff/--output-separately are mutually exclusive"),
        ),
        (
            &["-F", "-w", "/"][..],
            h(
                "option -F is deprecated, please use -f/--follow-forks instead\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
            ),
        ),
        (
            &["-fF", "-w", "/"][..],
            h("deprecated option -F ignored\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)"),
        ),
        (
            &["--seccomp-bpf", "-w", "/"][..],
            h(
                "--seccomp-bpf cannot be used without -f/--follow-forks, disabling\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
            ),
        ),
        (
            &["--seccomp-bpf", "-f", "-p", "1", "-w"][..],
            h(
                "--seccomp-bpf is not enabled for processes attached with -p\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
            ),
        ),
        (
            &["-e", "inject=chdir:retval=-1", "-w", "/"][..],
            h(
                "Inadvertent injection of error 1 is possible for retval=18446744073709551615\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
            ),
        ),
        (
            &["-e", "inject=chdir:retval=4294967295", "-w", "/"][..],
            h(
                "Inadvertent injection of error 1 is possible in compat personality for \
               retval=4294967295\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
            ),
        ),
        (
            &["-e", "inject=chdir:retval=4294967296", "-w", "/"][..],
            h(
                "Injected return value 4294967296 will be clipped to 0 in compat personality\n\
               -w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
            ),
        ),
        (
            &["-q", "--quiet", "-P", "///", "-P/.", "."][..],
            e("Requested path \"///\" resolved into \"/\"\n\
               Requested path \"/.\" resolved into \"/\"\n\
               -q and -e quiet/--quiet cannot be provided simultaneously"),
        ),
        (
            &["--quiet=path-resolution", "-P", "///", "-q", "."][..],
            e("-q and -e quiet/--quiet cannot be provided simultaneously"),
        ),
    ] {
        assert_refused(args, &want);
    }
}

/// The warnings about options without effect, before `-u`'s error (strace's order).
#[test]
fn options_without_effect() {
    let user = if nix::unistd::getuid().is_root() {
        "Cannot find user ':nosuchuser:'"
    } else {
        "You must be root to use the -u/--username option"
    };
    let no_effect = |with: &str| format!("{with} has no effect with -c/--summary-only");
    for (args, warnings) in [
        (
            &["-cinrtTyzZ"][..],
            [
                no_effect("-i/--instruction-pointer"),
                no_effect("-n/--syscall-number"),
                no_effect("-r/--relative-timestamps"),
                no_effect("-t/--absolute-timestamps"),
                no_effect("-T/--syscall-times"),
                no_effect("-y/--decode-fds"),
                "Only the last of -z/--successful-only/-Z/--failed-only options will take \
                 effect. See status qualifier for more complex filters."
                    .to_string(),
            ]
            .join("\n"),
        ),
        (
            &["-c", "--timestamps=none", "-e", "decode-fds=none"][..],
            String::new(),
        ),
        (
            &["--output-separately", "--output-append-mode"][..],
            "--output-separately has no effect without -o/--output\n\
             -A/--output-append-mode has no effect without -o/--output"
                .to_string(),
        ),
        (
            &["-S", "errors"][..],
            "-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)"
                .to_string(),
        ),
    ] {
        let mut all: Vec<&str> = vec!["-u", ":nosuchuser:"];
        all.extend(args);
        all.push("true");
        let text = if warnings.is_empty() {
            user.to_string()
        } else {
            format!("{warnings}\n{user}")
        };
        assert_refused(&all, &e(&text));
    }
}

/// Names too long for a path: the program's (before it is looked for) and `-ff -o`'s.
#[test]
fn names_too_long() {
    let prog = " ".repeat(4096);
    assert_refused(&[prog.as_str()], &e("exec: File name too long"));
    let base = " ".repeat(4084);
    assert_refused(
        &["-ff", "-o", base.as_str(), "true"],
        &e(&format!("{base}: File name too long")),
    );
}

/// strace-rs has no stack traces: it refuses `-k` as a strace built without them does (Debian's
/// strace has them).
#[test]
fn stack_traces_are_refused() {
    for opt in ["-k", "--stack-traces"] {
        let got = run(STRACE_RS, &[opt, "-p", "0"]);
        assert_eq!(
            got.stderr,
            e("Stack traces (-k/--stack-traces option) are not supported by this build of strace")
        );
        assert_eq!(got.status.code(), Some(1));
    }
}

/// Without argv[0], messages are strace's own name's, as strace's.
#[test]
fn no_program_name() {
    use std::os::unix::process::CommandExt;
    let mut tracers = vec![STRACE_RS];
    if real_strace_available() {
        tracers.push(REAL_STRACE);
    }
    for tracer in tracers {
        let out = std::process::Command::new(tracer)
            .arg0("")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "strace: must have PROG [ARGS] or -p PID\nTry 'strace -h' for more information.\n",
            "{tracer}"
        );
        assert_eq!(out.status.code(), Some(1), "{tracer}");
    }
}

/// `-d`: strace's first debug line, with the ptrace options the tracer sets.
#[test]
fn debug_ptrace_options() {
    let got = run(STRACE_RS, &["-d", "-f", "-w", "true"]);
    assert!(
        got.stderr
            .starts_with("strace-rs: -w/--summary-wall-clock must be given"),
        "{}",
        got.stderr
    );
    // TRACESYSGOOD|TRACEEXEC|TRACEEXIT, as strace's.
    let got = run(STRACE_RS, &["-d", "true"]);
    assert!(
        got.stderr.contains("strace-rs: ptrace_setoptions = 0x51\n"),
        "{}",
        got.stderr
    );
    let got = run(STRACE_RS, &["-d", "-e", "trace=none", "true"]);
    assert!(
        got.stderr.contains("strace-rs: ptrace_setoptions = 0x51\n"),
        "{}",
        got.stderr
    );
    // With the seccomp filter --silent-follow installs without -f: TRACESECCOMP, and
    // TRACEFORK|TRACEVFORK|TRACECLONE to follow the children silently.
    let got = run(
        STRACE_RS,
        &["-d", "--silent-follow", "-e", "trace=none", "true"],
    );
    assert!(
        got.stderr.contains("strace-rs: ptrace_setoptions = 0xdf\n"),
        "{}",
        got.stderr
    );
}

/// `-f --output-separately`: as in strace, any `-f` decides the files, and one `-f` means one
/// file.
#[test]
fn one_f_and_output_separately_is_one_file() {
    let mut tracers = vec![STRACE_RS];
    if real_strace_available() {
        tracers.push(REAL_STRACE);
    }
    for tracer in tracers {
        let dir = TempDir::new();
        let base = dir.join("out");
        let mut args: Vec<OsString> = ["-f", "--output-separately", "-e", "trace=none", "-o"]
            .iter()
            .map(OsString::from)
            .collect();
        args.push(base.clone().into());
        args.extend(["sh", "-c", "sh -c true; true"].map(OsString::from));
        let out = run(tracer, &args);
        assert!(out.status.success(), "{tracer}: {}", out.stderr);
        let names: Vec<OsString> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, [OsString::from("out")], "{tracer}");
    }
}

/// A syscall number past the table is shown whatever `-e trace=` says (strace has no bit for
/// it in its sets), and `-d` says so on stderr; strace 6.1 prints the same.
#[test]
fn numbers_past_the_table_are_always_shown() {
    let mut tracers = vec![STRACE_RS];
    if real_strace_available() {
        tracers.push(REAL_STRACE);
    }
    for tracer in tracers {
        let (_dir, run) = trace_helper(tracer, &["-d", "-e", "trace=none"], "h_nsyscall", &[]);
        let line = "syscall_0x3e8(0xface0fedbadc0ded, 0x1, 0x2, 0x3, 0x4, 0x5) = -1 ENOSYS \
                    (Function not implemented)";
        assert_eq!(
            run.trace,
            format!("{line}\n+++ exited with 0 +++\n"),
            "{tracer}"
        );
        let debug: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains("invalid syscall"))
            .map(|l| l.split_once(": ").map_or(l, |(_, m)| m))
            .collect();
        assert_eq!(debug.len(), 1, "{tracer}: {}", run.stderr);
        assert!(
            debug[0].starts_with("pid ") && debug[0].ends_with(" invalid syscall 0x3e8"),
            "{tracer}: {}",
            debug[0]
        );
    }
}

/// `--list-classes` (strace-rs only): one `%class: names` line per class,
/// the names in syscall table order.
#[test]
fn list_classes() {
    let out = run(STRACE_RS, &["--list-classes"]);
    assert_eq!(
        describe_status(&out.status),
        "exited with 0",
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    for want in [
        "%pure: getpid getuid getgid geteuid getegid getppid getpgrp gettid",
        "%stat: stat",
        "%lstat: lstat",
        "%fstat: fstat newfstatat statx",
        "%stat_like: stat fstat lstat newfstatat statx",
        "%statfs_like: ustat statfs fstatfs",
        "%clock: gettimeofday adjtimex settimeofday time clock_settime clock_gettime clock_getres clock_adjtime",
        "%process: clone fork vfork execve exit wait4 kill rt_sigqueueinfo tkill exit_group tgkill waitid rt_tgsigqueueinfo execveat pidfd_send_signal clone3",
    ] {
        assert!(
            lines.contains(&want),
            "--list-classes has no line {want:?}:\n{}",
            out.stdout
        );
    }
    for class in [
        "%desc:",
        "%file:",
        "%ipc:",
        "%network:",
        "%signal:",
        "%memory:",
        "%creds:",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(class)),
            "--list-classes has no {class} line:\n{}",
            out.stdout
        );
    }
}

// ---------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------

#[test]
fn timestamps() {
    compare_all(
        &[
            &["-t"],
            &["-tt"],
            &["-ttt"],
            &["-r"],
            &["-T"],
            &["--timestamps=unix,ns"],
            &["--timestamps=time,ms"],
            &["--timestamps"],
            &["--syscall-times=ns"],
            &["-tt", "-T"],
        ],
        Prog::Helper(&["basic"]),
    );
}

/// The masked shapes themselves, exactly, for the marker line.
#[test]
fn timestamp_shapes() {
    let cases: &[(&[&str], &str)] = &[
        (&["-t"], "00:00:00 "),
        (&["-tt"], "00:00:00.000000 "),
        (&["-ttt"], "0000000000.000000 "),
        (&["-r"], "     0.000000 "),
        (&["--timestamps=unix,ns"], "0000000000.000000000 "),
        (&["--timestamps=time,ms"], "00:00:00.000 "),
        // Each occurrence sets only what it names (strace's parse_ts_arg).
        (
            &[
                "--absolute-timestamps=precision:ms",
                "--absolute-timestamps=format:unix",
            ],
            "0000000000.000 ",
        ),
        (
            &["--timestamps=format:none", "--timestamps=precision:us"],
            "00:00:00.000000 ",
        ),
        (&["--absolute-timestamps=UNIX,NS"], "0000000000.000000000 "),
    ];
    for (opts, prefix) in cases {
        let got = run_one(STRACE_RS, opts, Prog::Helper(&["basic"]), &[]);
        let want = format!(
            "{}= -1 EBADF (Bad file descriptor)",
            pad_to(&format!("{prefix}write(-1, \"BEGIN\", 5)"), DEFAULT_COLUMN)
        );
        assert!(
            got.masked.contains(&want),
            "strace-rs {opts:?}: no line {want:?} in:\n{}",
            got.masked.join("\n")
        );
        // Every line starts with the timestamp.
        for l in &got.masked {
            assert!(l.starts_with(prefix), "{opts:?}: line {l:?}");
        }
    }
    for (opts, suffix) in [
        (&["-T"][..], " <0.000000>"),
        (&["--syscall-times=ns"][..], " <0.000000000>"),
    ] {
        let got = run_one(STRACE_RS, opts, Prog::Helper(&["basic"]), &[]);
        let want = format!("{}= 0{suffix}", pad_to("getuid()", DEFAULT_COLUMN));
        assert!(
            got.masked.contains(&want),
            "strace-rs {opts:?}: no line {want:?} in:\n{}",
            got.masked.join("\n")
        );
        assert!(
            got.masked
                .contains(&"exit_group(0)                           = ?".to_string()),
            "{opts:?}: exit_group has no time"
        );
    }
}

#[test]
fn timestamp_option_errors() {
    for (args, want) in [
        (
            &["-t", "--absolute-timestamps", "true"][..],
            e("-t and --absolute-timestamps cannot be provided simultaneously"),
        ),
        (
            &["--absolute-timestamps=format:ms", "true"][..],
            h("invalid --absolute-timestamps argument: 'format:ms'"),
        ),
        (
            &["--timestamps=precision:none"][..],
            h("invalid --timestamps argument: 'precision:none'"),
        ),
        (
            &["--syscall-times="][..],
            h("invalid --syscall-times argument: ''"),
        ),
        (
            &["--relative-timestamps=ss"][..],
            h("invalid --relative-timestamps argument: 'ss'"),
        ),
    ] {
        assert_refused(args, &want);
    }
}

/// `-f -tt -T` with a child process (pid prefix, most likely an unfinished/resumed pair).
#[test]
fn follow_with_timestamps() {
    compare_all(&[&["-f", "-tt", "-T"]], Prog::Helper(&["fork"]));
}

// ---------------------------------------------------------------------------
// -x, -xx, --strings-in-hex
// ---------------------------------------------------------------------------

#[test]
fn strings_in_hex() {
    compare_all(
        &[
            &["-x"],
            &["-xx"],
            &["--strings-in-hex=non-ascii-chars"],
            &["--strings-in-hex=non-ascii"],
            &["--strings-in-hex=all"],
            &["--strings-in-hex=none"],
        ],
        Prog::Helper(&["strings"]),
    );
}

// ---------------------------------------------------------------------------
// -Y, --decode-pids=comm
// ---------------------------------------------------------------------------

/// Pids in the prefix, in arguments (kill), return values (getpid, wait4) and siginfo carry
/// the process's name as strace shows it.
#[test]
fn decode_pids_comm() {
    compare_all(
        &[
            &["-Y"],
            &[
                "--decode-pids=comm",
                "-e",
                "trace=getpid,kill,fork,clone,wait4",
            ],
            // The qualifiers' singular spellings.
            &["-e", "decode-pid=comm", "-e", "decode-fd=path"],
            // Each of these replaces the set (strace's qualify_decode_pid): no names.
            &[
                "-Y",
                "--pidns-translation",
                "-e",
                "trace=getpid,fork,clone,wait4",
            ],
        ],
        Prog::Helper(&["signals"]),
    );
}

/// `-Y -f`: the pid prefix carries the name too, as the process has it then (`1234<name> `
/// into a file, unpadded; `[pid 1234<name>] ` on a terminal or stderr).
#[test]
fn decode_pids_comm_prefix() {
    let dir = TempDir::new();
    let log = dir.join("log");
    let exe = helper("h_options");
    let out = run(
        STRACE_RS,
        &[
            OsString::from("-Y"),
            "-f".into(),
            "-e".into(),
            "trace=getpid,exit_group".into(),
            "-o".into(),
            log.clone().into(),
            exe.into(),
            dir.path().into(),
            "fork".into(),
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let trace = std::fs::read_to_string(&log).unwrap();
    let prefixed = trace
        .lines()
        .filter(|l| !l.starts_with("---") && !l.starts_with("+++"))
        .filter(|l| {
            let (pid, rest) = l.split_at(l.find('<').unwrap_or(0));
            !pid.is_empty()
                && pid.bytes().all(|c| c.is_ascii_digit())
                && rest.starts_with("<h_options> ")
        })
        .count();
    assert!(prefixed >= 2, "{trace}");
    let stderr_run = run(
        STRACE_RS,
        &[
            "-Y",
            "-f",
            "-q",
            "-e",
            "trace=exit_group",
            "sh",
            "-c",
            "sh -c true",
        ],
    );
    assert!(
        stderr_run.stderr.contains("<sh>] exit_group(0)"),
        "{}",
        stderr_run.stderr
    );
}

#[test]
fn decode_pids_errors() {
    for (args, want) in [
        (
            &["--decode-pids=bogus", "true"][..],
            e("invalid decode-pids 'bogus'"),
        ),
        (
            &["-e", "decode-pid=foo", "true"][..],
            e("invalid decode-pids 'foo'"),
        ),
        (&["--decode-pids="][..], e("invalid decode-pids ''")),
        (
            &["-e", "decode-pid=comm,gettid"][..],
            e("invalid decode-pids 'gettid'"),
        ),
        (
            &["--secontext=full", "true"][..],
            e(
                "SELinux context printing (--secontext option) is not supported by this build \
               of strace",
            ),
        ),
    ] {
        assert_refused(args, &want);
    }
    // Sets strace takes.
    for args in [
        &["-e", "decode-pid=all"][..],
        &["--decode-pid=none"],
        &["-e", "decode-pid=!pidns"],
        &["-Y", "--decode-pids=!comm,pidns", "--pidns-translation"],
    ] {
        assert_refused(args, &h("must have PROG [ARGS] or -p PID"));
    }
}

// ---------------------------------------------------------------------------
// -D, -DD, -DDD, --daemonize
// ---------------------------------------------------------------------------

/// `-D`: the process started as strace-rs becomes the command (its parent is ours), traced by
/// a grandchild that `-DD` puts in a process group and `-DDD` in a session of its own; the
/// trace is whole once that tracer is gone.
#[test]
fn daemonized_tracer() {
    for (opts, own_group, own_session) in [
        (&["-D"][..], false, false),
        (&["-DD"][..], true, false),
        (&["--daemonize=session"][..], true, true),
    ] {
        let dir = TempDir::new();
        let log = dir.join("log");
        let script = "t=$(sed -n 's/^TracerPid:\t//p' /proc/$$/status); \
                      echo $$ $PPID $t $(ps -o pgid=,sid= -p $t) $(ps -o pgid=,sid= -p $$)";
        let mut args: Vec<OsString> = opts.iter().map(OsString::from).collect();
        args.extend(["-q", "-e", "trace=getppid", "-o"].map(OsString::from));
        args.push(log.clone().into());
        args.extend(["sh", "-c", script].map(OsString::from));
        let child = command(STRACE_RS).args(&args).spawn().unwrap();
        let started = child.id();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{opts:?}: {out:?}");
        let ids: Vec<u32> = String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .map(|w| w.parse().unwrap())
            .collect();
        let [
            command_pid,
            parent,
            tracer,
            tracer_pgid,
            tracer_sid,
            pgid,
            sid,
        ] = ids[..]
        else {
            panic!("{opts:?}: {ids:?}");
        };
        assert_eq!(
            command_pid, started,
            "{opts:?}: the command is the process started"
        );
        assert_eq!(
            parent,
            std::process::id(),
            "{opts:?}: its parent is the test"
        );
        assert!(
            tracer > 0 && tracer != parent,
            "{opts:?}: traced by another process"
        );
        assert_eq!(
            tracer_pgid == tracer,
            own_group,
            "{opts:?}: tracer's group {tracer_pgid}"
        );
        assert_eq!(
            tracer_sid == tracer,
            own_session,
            "{opts:?}: tracer's session {tracer_sid}"
        );
        assert_eq!(pgid == tracer_pgid, !own_group, "{opts:?}");
        assert_eq!(sid == tracer_sid, !own_session, "{opts:?}");
        // The tracer writes the trace until the command's end and then exits (an orphan, it
        // may stay a zombie until whoever adopted it reaps it).
        assert!(
            poll_until(Duration::from_secs(10), || {
                std::fs::read_to_string(format!("/proc/{tracer}/stat")).map_or(true, |stat| {
                    stat.rsplit(") ").next().is_some_and(|s| s.starts_with('Z'))
                })
            }),
            "{opts:?}: the tracer is still there"
        );
        let trace = std::fs::read_to_string(&log).unwrap();
        assert!(
            trace.ends_with("+++ exited with 0 +++\n") && trace.contains("getppid()"),
            "{opts:?}: {trace}"
        );
    }
}

#[test]
fn daemonize_errors() {
    for (args, want) in [
        (
            &["-DDDD", "true"][..],
            h("Too many -D's (4), maximum supported -D count is 3"),
        ),
        (
            &["-D", "--daemonize", "true"][..],
            e("-D and --daemonize cannot be provided simultaneously"),
        ),
        (
            &["--daemonize", "-D", "-p", "1"][..],
            e("-D and --daemonize cannot be provided simultaneously"),
        ),
        (
            &["-D", "-p", "1"][..],
            h("PROG [ARGS] must be specified with -D/--daemonize"),
        ),
        (
            &["-DDDD", "-p", "1"][..],
            h("PROG [ARGS] must be specified with -D/--daemonize"),
        ),
        (
            &["--daemonize=session", "-p", "1"][..],
            h("PROG [ARGS] must be specified with -D/--daemonize"),
        ),
    ] {
        assert_refused(args, &want);
    }
}

// ---------------------------------------------------------------------------
// -b execve, --detach-on=execve
// ---------------------------------------------------------------------------

/// The helper execs itself: the command's first execve is traced through, the second one
/// ends the trace (`<detached ...>`), and the program runs on untraced to its own end.
#[test]
fn detach_on_execve() {
    compare_all(
        &[
            &["-b", "execve"],
            &["--detach-on=execve", "-e", "trace=execve,getpid"],
        ],
        Prog::Helper(&["exec"]),
    );
}

#[test]
fn detach_on_other_syscalls_is_refused() {
    let out = run(STRACE_RS, &["-b", "open", "true"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        out.stderr,
        "strace-rs: Syscall 'open' for -b isn't supported\n"
    );
}

// ---------------------------------------------------------------------------
// -e inject=, -e fault=
// ---------------------------------------------------------------------------

/// The tracee sees what was injected (its stdout is compared too) and the lines match
/// strace's, `(INJECTED)` and `(DELAYED)` included.
#[test]
fn inject_and_fault() {
    compare_all(
        &[
            &["-e", "inject=getpid:error=EPERM:when=2..4"],
            &["-e", "fault=getppid"],
            &["-e", "fault=getpid:error=ENOENT:when=2+3"],
            &["-e", "inject=getpid:retval=4242:when=3+"],
            &["-e", "inject=getpid:signal=USR1:when=2"],
            &["-e", "inject=getpid:error=EAGAIN:syscall=getppid:when=1"],
            &[
                "-e",
                "inject=getpid:delay_enter=1000:when=1",
                "-e",
                "trace=getpid",
            ],
            &[
                "-e",
                "inject=getpid,getppid:retval=4242:delay_exit=1ms:when=5",
            ],
            // A later rule for a syscall replaces the earlier one.
            &[
                "-e",
                "inject=getpid:error=EPERM",
                "-e",
                "fault=getpid:when=4",
            ],
        ],
        Prog::Helper(&["inject"]),
    );
}

// ---------------------------------------------------------------------------
// -X, --const-print-style
// ---------------------------------------------------------------------------

#[test]
fn const_print_styles() {
    compare_all(
        &[
            &["-X", "raw"],
            &["-Xverbose"],
            &["--const-print-style=abbrev"],
            &["-X", "raw", "-y"],
        ],
        // One process, so nothing depends on when a child's SIGCHLD lands.
        Prog::Cmd(&["ls", "-ld", "/", "/dev/null", "/proc/self/fd/0"]),
    );
}

/// The write lines exactly (from strace 6.1).
#[test]
fn strings_in_hex_lines() {
    let x = [
        r#"write(3, "plain ascii", 11)             = 11"#,
        r#"write(3, "line\nnext\ttab", 13)         = 13"#,
        r#"write(3, "\x63\x74\x6c\x01\x20\x68\x69\x67\x68\xff\x20\x65\x6e\x64", 14) = 14"#,
        r#"write(3, "\x75\x74\x66\x38\x20\x68\xc3\xa9\x6c\x6c\x6f\x20\xe2\x82\xac\x20\xf0\x9f\x98\x80", 20) = 20"#,
        r#"write(3, "\x01\x02\xff", 3)             = 3"#,
        r#"write(3, "\x6e\x75\x6c\x00\x62\x79\x74\x65", 8) = 8"#,
        r#"write(3, "a string that is longer than thi"..., 46) = 46"#,
    ];
    let chars = [
        r#"write(3, "plain ascii", 11)             = 11"#,
        r#"write(3, "line\nnext\ttab", 13)         = 13"#,
        r#"write(3, "ctl\x01 high\xff end", 14)    = 14"#,
        r#"write(3, "utf8 h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80", 20) = 20"#,
        r#"write(3, "\x01\x02\xff", 3)             = 3"#,
        r#"write(3, "nul\x00byte", 8)              = 8"#,
        r#"write(3, "a string that is longer than thi"..., 46) = 46"#,
    ];
    let xx = [
        r#"write(3, "\x70\x6c\x61\x69\x6e\x20\x61\x73\x63\x69\x69", 11) = 11"#,
        r#"write(3, "\x6c\x69\x6e\x65\x0a\x6e\x65\x78\x74\x09\x74\x61\x62", 13) = 13"#,
        r#"write(3, "\x63\x74\x6c\x01\x20\x68\x69\x67\x68\xff\x20\x65\x6e\x64", 14) = 14"#,
        r#"write(3, "\x75\x74\x66\x38\x20\x68\xc3\xa9\x6c\x6c\x6f\x20\xe2\x82\xac\x20\xf0\x9f\x98\x80", 20) = 20"#,
        r#"write(3, "\x01\x02\xff", 3)             = 3"#,
        r#"write(3, "\x6e\x75\x6c\x00\x62\x79\x74\x65", 8) = 8"#,
        r#"write(3, "\x61\x20\x73\x74\x72\x69\x6e\x67\x20\x74\x68\x61\x74\x20\x69\x73\x20\x6c\x6f\x6e\x67\x65\x72\x20\x74\x68\x61\x6e\x20\x74\x68\x69"..., 46) = 46"#,
    ];
    let cases: &[(&[&str], &[&str])] = &[
        (&["-x"], &x),
        (&["--strings-in-hex=non-ascii"], &x),
        (&["--strings-in-hex=non-ascii-chars"], &chars),
        (&["-xx"], &xx),
        (&["--strings-in-hex=all"], &xx),
    ];
    let mut failures = String::new();
    for (opts, want) in cases {
        let mut o = opts.to_vec();
        o.extend(["-e", "trace=write"]);
        let got = run_one(STRACE_RS, &o, Prog::Helper(&["strings"]), &[]);
        let lines: Vec<String> = got
            .masked
            .iter()
            .filter(|l| l.starts_with("write(3, "))
            .cloned()
            .collect();
        if let Some(d) = diff(want, &lines, 40) {
            failures.push_str(&format!("=== {opts:?}:\n{d}"));
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

// ---------------------------------------------------------------------------
// -n, -i
// ---------------------------------------------------------------------------

#[test]
fn syscall_numbers_and_instruction_pointer() {
    compare_all(&[&["-n"], &["-i"], &["-n", "-i"]], Prog::Helper(&["basic"]));
}

#[test]
fn follow_with_numbers_and_ip() {
    compare_all(&[&["-f", "-tt", "-n", "-i"]], Prog::Helper(&["fork"]));
}

/// Exact `-n` / `-i` prefixes for a few lines.
#[test]
fn numbers_and_ip_lines() {
    let got = run_one(STRACE_RS, &["-n", "-i"], Prog::Helper(&["basic"]), &[]);
    let after = after_begin(&got.masked);
    for want in [
        "[  39] [0000000000000000] getpid()      = P1".to_string(),
        "[ 257] [0000000000000000] openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = 3".to_string(),
        "[ 102] [0000000000000000] getuid()      = 0".to_string(),
        "[   3] [0000000000000000] close(3)      = -1 EBADF (Bad file descriptor)".to_string(),
        "[ 231] [0000000000000000] exit_group(0) = ?".to_string(),
        "[ 231] [????????????????] +++ exited with 0 +++".to_string(),
    ] {
        assert!(
            after.contains(&want),
            "strace-rs -n -i: no line {want:?} in:\n{}",
            after.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------
// -z, -Z, -e status=
// ---------------------------------------------------------------------------

#[test]
fn status_filters() {
    compare_all(
        &[
            &["-z"],
            &["-Z"],
            &["-e", "status=failed"],
            &["-e", "status=successful"],
            &["-e", "status=unfinished"],
            &["-e", "status=!successful"],
            &["-e", "status=failed,unfinished"],
            &["--status=successful"],
        ],
        Prog::Helper(&["basic"]),
    );
}

#[test]
fn status_lines() {
    let Some((errs, want, got)) = compare(&["-Z"], Prog::Helper(&["basic"])) else {
        return;
    };
    assert_eq!(errs, "", "-Z");
    let expect = [
        r#"write(-1, "BEGIN", 5)                   = -1 EBADF (Bad file descriptor)"#,
        r#"openat(AT_FDCWD, "missing", O_RDONLY)   = -1 ENOENT (No such file or directory)"#,
        r#"read(-1, NULL, 0)                       = -1 EBADF (Bad file descriptor)"#,
        r#"close(3)                                = -1 EBADF (Bad file descriptor)"#,
        r#"+++ exited with 0 +++"#,
    ];
    assert_lines(&after_begin(&want.masked), &expect[1..]);
    assert_lines(&after_begin(&got.masked), &expect[1..]);
    let Some((_, want, got)) = compare(&["-e", "status=unfinished"], Prog::Helper(&["basic"]))
    else {
        return;
    };
    let expect = [
        "exit_group(0)                           = ?",
        "+++ exited with 0 +++",
    ];
    assert_lines(&want.masked, &expect);
    assert_lines(&got.masked, &expect);
}

// ---------------------------------------------------------------------------
// -p: status=detached, quiet=attach
// ---------------------------------------------------------------------------

/// Kills and reaps a child on drop.
struct Reap(Option<Child>);

impl Drop for Reap {
    fn drop(&mut self) {
        if let Some(c) = self.0.as_mut() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn poll_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let t0 = Instant::now();
    loop {
        if done() {
            return true;
        }
        if t0.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A `sleep 30` in its nanosleep.
fn sleeper() -> Reap {
    let c = command("sleep").arg("30").spawn().expect("spawn sleep");
    let pid = c.id();
    let r = Reap(Some(c));
    assert!(
        poll_until(Duration::from_secs(5), || proc_state(pid) == Some('S')),
        "sleep {pid} is not sleeping"
    );
    r
}

/// `tracer -o FILE opts -p PID` on a fresh sleeper, SIGINT after 300 ms.
/// Returns (status, normalized stderr, masked trace).
fn attach_run(tracer: &str, opts: &[&str]) -> (String, String, Vec<String>) {
    let target = sleeper();
    let pid = target.0.as_ref().unwrap().id();
    let dir = TempDir::new();
    let file = dir.join("trace.txt");
    let mut args: Vec<OsString> = vec!["-o".into(), file.clone().into()];
    args.extend(opts.iter().map(OsString::from));
    args.push("-p".into());
    args.push(pid.to_string().into());
    let mut tracer_proc = Reap(Some(spawn(tracer, &args, &[])));
    let tpid = tracer_proc.0.as_ref().unwrap().id();
    assert!(
        poll_until(Duration::from_secs(10), || tracer_pid(pid) == Some(tpid)),
        "{tracer} {args:?} did not attach"
    );
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(tpid as libc::pid_t, libc::SIGINT) };
    let out = wait_output(tracer_proc.0.take().unwrap(), "tracer -p");
    let trace = std::fs::read_to_string(&file).unwrap_or_default();
    (
        describe_status(&out.status),
        norm_stderr(&out.stderr, tracer, &[pid]),
        mask_opts(&trace, &[], false, &[pid]),
    )
}

#[track_caller]
fn compare_attach(opts: &[&str]) -> Option<(String, String, Vec<String>)> {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping {opts:?}");
        return None;
    }
    let want = attach_run(REAL_STRACE, opts);
    let got = attach_run(STRACE_RS, opts);
    let mut errs = String::new();
    if let Some(d) = diff(&want.2, &got.2, 40) {
        errs.push_str(&format!("masked trace differs:\n{d}"));
    }
    if want.0 != got.0 {
        errs.push_str(&format!("status: strace {}, strace-rs {}\n", want.0, got.0));
    }
    if want.1 != got.1 {
        errs.push_str(&format!(
            "stderr: strace {:?}, strace-rs {:?}\n",
            want.1, got.1
        ));
    }
    assert!(errs.is_empty(), "-p with {opts:?}:\n{errs}");
    Some(got)
}

#[test]
fn status_detached_with_p() {
    if let Some((_, _, trace)) = compare_attach(&["-e", "status=detached"]) {
        assert_eq!(trace.len(), 1, "{trace:?}");
        assert!(
            trace[0].ends_with(" <detached ...>"),
            "status=detached: {trace:?}"
        );
    }
}

#[test]
fn quiet_attach_with_p() {
    if let Some((_, stderr, _)) = compare_attach(&["-e", "quiet=attach"]) {
        assert_eq!(stderr, "", "-e quiet=attach");
    }
    compare_attach(&["-q"]);
    compare_attach(&["-e", "quiet=all"]);
    compare_attach(&[]);
}

// ---------------------------------------------------------------------------
// -e signal=
// ---------------------------------------------------------------------------

#[test]
fn signal_filters() {
    compare_all(
        &[
            &[],
            &["-e", "signal=none"],
            &["-e", "signal=!SIGUSR1"],
            &["-e", "signal=SIGUSR1"],
            &["-e", "signal=USR1,CHLD"],
            &["-e", "signal=all"],
            &["--signal=!SIGCHLD"],
        ],
        Prog::Helper(&["signals"]),
    );
}

#[test]
fn signal_lines() {
    let Some((errs, want, got)) = compare(
        &["-e", "signal=SIGUSR1", "-e", "trace=kill,getpid"],
        Prog::Helper(&["signals"]),
    ) else {
        return;
    };
    assert_eq!(errs, "", "signal=SIGUSR1");
    let expect = [
        "getpid()                                = P1",
        "getpid()                                = P1",
        "kill(P1, SIGUSR1)                       = 0",
        "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=P1, si_uid=0} ---",
        "+++ exited with 0 +++",
    ];
    assert_lines(&want.masked, &expect);
    assert_lines(&got.masked, &expect);
}

// ---------------------------------------------------------------------------
// -e quiet=, -q, -qq
// ---------------------------------------------------------------------------

#[test]
fn quiet_exit() {
    compare_all(
        &[
            &["-e", "quiet=exit"],
            &["-e", "quiet=all"],
            &["-e", "quiet=none"],
            &["--quiet=exit"],
            &["-q"],
            &["-qq"],
        ],
        Prog::Helper(&["basic"]),
    );
    if let Some((_, _, got)) = compare(&["-e", "quiet=exit"], Prog::Helper(&["basic"])) {
        assert_eq!(
            got.masked.last().map(String::as_str),
            Some("exit_group(0)                           = ?")
        );
    }
}

// ---------------------------------------------------------------------------
// -e raw=
// ---------------------------------------------------------------------------

#[test]
fn raw() {
    compare_all(
        &[
            &["-e", "raw=openat,write"],
            &["-e", "raw=all"],
            &["--raw=close"],
        ],
        Prog::Helper(&["basic"]),
    );
    if let Some((_, want, got)) = compare(&["-e", "raw=openat,write"], Prog::Helper(&["basic"])) {
        for after in [&want.masked, &got.masked] {
            // openat's raw form has 4 arguments: the 4th is whatever the
            // register held (masked when it looks like an address).
            assert!(
                after
                    .iter()
                    .any(|l| l.starts_with("openat(0xffffff9c, 0xADDR, 0x1, ARG4)")
                        && l.ends_with(" = 0x3")),
                "raw openat:\n{}",
                after.join("\n")
            );
            assert!(
                after.contains(&"write(0x3, 0xADDR, 0x6)                 = 0x6".to_string()),
                "raw write:\n{}",
                after.join("\n")
            );
        }
    }
}

/// The command's own execve under `-e raw=`: it is handed the tracer's own argv tail and
/// environment, which lie on the stack as strace's do, so its pointers have 12 hex digits and
/// the line is never short enough to be padded to the result column (a heap below 16 MB
/// made it so, now and then). With `-E` or `--argv0` the arrays are made, and hold what
/// they say.
#[test]
fn raw_command_execve_is_handed_the_tracers_own_arrays() {
    let stack =
        regex::Regex::new(r"^execve\(0x[0-9a-f]+, 0x7f[0-9a-f]{10}, 0x7f[0-9a-f]{10}\) = 0$")
            .unwrap();
    for _ in 0..5 {
        let run = trace(
            STRACE_RS,
            &["-e", "raw=execve", "-e", "trace=execve"],
            &["/bin/true"],
        );
        let first = run.trace.lines().next().unwrap_or("");
        assert!(stack.is_match(first), "first line {first:?}");
    }
    let run = trace(
        STRACE_RS,
        &[
            "-E",
            "A_VAR=1",
            "--argv0=renamed",
            "-v",
            "-e",
            "trace=execve",
        ],
        &["/bin/sh", "-c", "echo $A_VAR $0 >&2"],
    );
    assert_eq!(run.stderr, "1 renamed\n");
    let first = run.trace.lines().next().unwrap_or("");
    assert!(
        first.starts_with(r#"execve("/bin/sh", ["renamed", "-c", "echo $A_VAR $0 >&2"], ["#)
            && first.contains(r#""A_VAR=1"]) = 0"#),
        "first line {first:?}"
    );
}

// ---------------------------------------------------------------------------
// -v, -e abbrev=
// ---------------------------------------------------------------------------

/// `-v` / `-e abbrev=none`: the environment as an array. The exact
/// second execve line (the helper re-executes itself with {"A=1", "B=2"})
/// first, then whole traces against strace.
#[test]
fn verbose_and_abbrev() {
    let h = helper("h_options");
    let h = h.to_str().unwrap();
    let want = format!(
        r#"execve("{h}", [{}, "@TMP32@"..., "env", "A"], ["A=1", "B=2"]) = 0"#,
        quote_simple(h.as_bytes())
    );
    for opts in [&["-v"][..], &["-e", "abbrev=none"][..]] {
        let got = run_one(STRACE_RS, opts, Prog::Helper(&["exec"]), &[]);
        assert!(
            got.masked.contains(&want),
            "strace-rs {opts:?}: no line {want}\n{}",
            got.masked.join("\n")
        );
        assert_eq!(got.out.stdout, "1\n", "the re-executed helper's output");
    }
    compare_all(
        &[
            &["-v", "-e", "trace=execve"],
            &["-e", "abbrev=none", "-e", "trace=execve,write"],
            &["-e", "abbrev=all"],
            &["-e", "abbrev=!execve"],
            &["-v"],
            &["-e", "abbrev=none"],
        ],
        Prog::Helper(&["exec"]),
    );
}

// ---------------------------------------------------------------------------
// -A, -E, -u
// ---------------------------------------------------------------------------

/// `-A -o FILE` twice: both runs in FILE, after what was there before.
#[test]
fn append_mode() {
    let one = |tracer: &str| -> String {
        let work = TempDir::new();
        let outdir = TempDir::new();
        let file = outdir.join("trace.txt");
        std::fs::write(&file, "before\n").unwrap();
        for _ in 0..2 {
            let args: Vec<OsString> = vec![
                "-A".into(),
                "-o".into(),
                file.clone().into(),
                "-e".into(),
                "trace=getuid,getgid".into(),
                "--".into(),
                helper("h_options").into(),
                work.path().into(),
                "basic".into(),
            ];
            let out = wait_output(spawn(tracer, &args, &[]), "-A run");
            assert_status(&out.status, "exited with 0", &out.stderr);
        }
        std::fs::read_to_string(&file).unwrap()
    };
    let got = one(STRACE_RS);
    let run_lines = [
        "getuid()                                = 0",
        "getgid()                                = 0",
        "+++ exited with 0 +++",
    ];
    let mut expect = vec!["before"];
    expect.extend(run_lines);
    expect.extend(run_lines);
    assert_lines(&got.lines().collect::<Vec<_>>(), &expect);
    if real_strace_available() {
        let want = one(REAL_STRACE);
        assert_lines(
            &got.lines().collect::<Vec<_>>(),
            &want.lines().collect::<Vec<_>>(),
        );
    }
}

/// `-E VAR=VAL` and `-E VAR`: the program sees the change, the traced
/// execve's `/* N vars */` count matches strace's.
#[test]
fn env_options() {
    let base = env_var_count();
    let cases: &[(&[&str], Env, &str, usize)] = &[
        (&["-E", "OPT_TEST_VAR=hello"], &[], "hello\n", base + 1),
        (
            &["-E", "OPT_TEST_VAR=new"],
            &[("OPT_TEST_VAR", Some("old"))],
            "new\n",
            base + 1,
        ),
        (
            &["-E", "OPT_TEST_VAR"],
            &[("OPT_TEST_VAR", Some("old"))],
            "(unset)\n",
            base,
        ),
        (&["-E", "OPT_TEST_VAR"], &[], "(unset)\n", base),
        (
            &["-E", "OPT_TEST_VAR=a", "-E", "OPT_OTHER=b"],
            &[],
            "a\n",
            base + 2,
        ),
    ];
    let prog = Prog::Helper(&["env", "OPT_TEST_VAR"]);
    let mut failures = String::new();
    for (opts, env, stdout, vars) in cases {
        let got = run_one(STRACE_RS, opts, prog, env);
        if got.out.stdout != *stdout {
            failures.push_str(&format!(
                "{opts:?}: program printed {:?}, want {stdout:?}\n",
                got.out.stdout
            ));
        }
        let first = got.trace.lines().next().unwrap_or("");
        let want_vars = format!(" /* {vars} vars */) = 0");
        if !first.starts_with("execve(") || !first.ends_with(&want_vars) {
            failures.push_str(&format!(
                "{opts:?} (env {env:?}): first line {first:?}, want ...{want_vars}\n"
            ));
        }
        if let Some((errs, want, _)) = compare_env(opts, prog, env) {
            if !errs.is_empty() {
                failures.push_str(&format!("{opts:?} (env {env:?}) vs strace:\n{errs}"));
            }
            assert_eq!(want.out.stdout, *stdout, "strace {opts:?}");
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

/// `-u nobody`: the program runs as uid 65534.
#[test]
fn run_as_user() {
    let got = run_one(STRACE_RS, &["-u", "nobody"], Prog::Cmd(&["id", "-u"]), &[]);
    assert_eq!(got.out.stdout, "65534\n", "stderr: {}", got.out.stderr);
    assert_status(&got.out.status, "exited with 0", &got.out.stderr);
    let got = run_one(STRACE_RS, &["-u", "nobody"], Prog::Cmd(&["id", "-g"]), &[]);
    assert_eq!(got.out.stdout, "65534\n", "id -g under -u nobody");
    compare_all(
        &[&["-u", "nobody"], &["-u", "65534"]],
        Prog::Cmd(&["id", "-u"]),
    );
}

// ---------------------------------------------------------------------------
// The masking itself
// ---------------------------------------------------------------------------

#[test]
fn masking_keeps_layout() {
    let t = "5938  01:50:01.056854 [  39] [00007f173eb8b829] getpid() = 5938 <0.000007>\n\
             5941  01:50:01.365616 [ 231] [????????????????] +++ exited with 4 +++\n";
    let m = mask_opts(t, &[], true, &[]);
    assert_eq!(
        m,
        [
            "P1    00:00:00.000000 [  39] [0000000000000000] getpid() = P1 <0.000000>",
            "P2    00:00:00.000000 [ 231] [????????????????] +++ exited with 4 +++",
        ]
    );
    let t = "     0.000434 getpid()                 = 123\n";
    assert_eq!(
        mask_opts(t, &[], false, &[]),
        ["     0.000000 getpid()                 = P1"]
    );
    let t = "kill(123456, SIGUSR1)                   = 0\n";
    assert_eq!(
        mask_opts(t, &[], false, &[123456]),
        ["kill(P1, SIGUSR1)                       = 0"]
    );
    // A misaligned line stays misaligned.
    let t = "kill(123456, SIGUSR1) = 0\n";
    assert_eq!(
        mask_opts(t, &[], false, &[123456]),
        ["kill(P1, SIGUSR1) = 0"]
    );
}

/// `--help` lists every option with its description (on its line, or wrapped under the
/// description column on the next), grouped under strace's headings.
#[test]
fn help_lists_options_grouped() {
    let out = run(STRACE_RS, &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    for heading in [
        "Startup:",
        "Tracing:",
        "Filtering:",
        "Output format:",
        "Statistics:",
    ] {
        assert!(
            out.stdout.lines().any(|l| l == heading),
            "no {heading} in:\n{}",
            out.stdout
        );
    }
    let lines: Vec<&str> = out.stdout.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with('-') || line.starts_with(&" ".repeat(26)) {
            continue;
        }
        // "  -o, --output <FILE>     Write the trace ...", or the text under it.
        let same_line = line.trim().split_once("  ").is_some();
        let next = lines.get(i + 1).copied().unwrap_or_default();
        assert!(
            same_line || (next.starts_with(&" ".repeat(26)) && !next.trim().is_empty()),
            "option without a description: {line:?}"
        );
    }
    for option in [
        "-e <EXPR>",
        "--trace <SET>",
        "-z, --successful-only",
        "-c, --summary-only",
        "-y",
        "-T",
    ] {
        assert!(out.stdout.contains(option), "{option} missing from --help");
    }
}

/// `-e verbose=`: argument arrays and structs of the calls outside the set print as addresses.
#[test]
fn verbose_qualifier() {
    compare_all(
        &[
            &["-e", "verbose=none"],
            &["-e", "verbose=!execve"],
            &["-e", "verbose=all"],
        ],
        Prog::Helper(&["basic"]),
    );
}

/// [`per_process`]: a call cut by another process's line equals the same call printed whole,
/// with `-tt`/`-n` tags and a `-T` time, and each process keeps its own order.
#[test]
fn per_process_joins_halves() {
    let whole = [
        "P1    00:00:00.000000 [  57] fork()    = P2 <0.000000>",
        "P1    00:00:00.000000 [  61] wait4(P2, [{WIFEXITED(s) && WEXITSTATUS(s) == 4}], 0, NULL) = P2 <0.000000>",
        "P2    00:00:00.000000 [ 110] getppid() = P1 <0.000000>",
        "P2    00:00:00.000000 [ 231] exit_group(4) = ?",
        "P2    00:00:00.000000 [ 231] +++ exited with 4 +++",
    ];
    let cut = [
        "P1    00:00:00.000000 [  57] fork()    = P2 <0.000000>",
        "P1    00:00:00.000000 [  61] wait4(P2,  <unfinished ...>",
        "P2    00:00:00.000000 [ 110] getppid() = P1 <0.000000>",
        "P2    00:00:00.000000 [ 231] exit_group(4) = ?",
        "P2    00:00:00.000000 [ 231] +++ exited with 4 +++",
        "P1    00:00:00.000000 [  61] <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 4}], 0, NULL) = P2 <0.000000>",
    ];
    let lines = |v: &[&str]| v.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let (a, b) = (per_process(&lines(&whole)), per_process(&lines(&cut)));
    assert_eq!(a, b);
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].1.len(), 2, "{a:#?}");
}

/// A pid is masked where a pid is printed, and nowhere else: under a tracee whose pid is 8192
/// the stack limit `8192*1024` stays, or two runs would differ by their pids alone.
#[test]
fn pids_masked_only_in_pid_places() {
    let cases = [
        (
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0",
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0",
        ),
        (
            "prlimit64(8192, RLIMIT_NOFILE, NULL, 0x10) = 0",
            "prlimit64(P, RLIMIT_NOFILE, NULL, 0x10) = 0",
        ),
        (
            "read(3, \"...\", 8192) = 8192",
            "read(3, \"...\", 8192) = 8192",
        ),
        ("getpid() = 8192", "getpid() = P"),
        ("getpid() = 8192 <0.000012>", "getpid() = P <0.000012>"),
        ("getpid() = 0x2000", "getpid() = P"),
        ("kill(-8192, SIGTERM) = 0", "kill(-P, SIGTERM) = 0"),
        (
            "tgkill(8192, 8192, SIGUSR1) = 0",
            "tgkill(P, P, SIGUSR1) = 0",
        ),
        (
            "wait4(8192,  <unfinished ...>",
            "wait4(P,  <unfinished ...>",
        ),
        (
            "<... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 8192",
            "<... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = P",
        ),
        (
            "<... read resumed>\"x\", 8192) = 8192",
            "<... read resumed>\"x\", 8192) = 8192",
        ),
        (
            "mmap(0, 0x2000, 0x3, 0x22, 0xffffffff, 0) = 0x7f0000000000",
            "mmap(0, 0x2000, 0x3, 0x22, 0xffffffff, 0) = 0x7f0000000000",
        ),
        ("fcntl(3, F_GETOWN) = 8192", "fcntl(3, F_GETOWN) = P"),
        ("fcntl(3, F_GETFL) = 8192", "fcntl(3, F_GETFL) = 8192"),
        (
            "ioctl(3, FIONREAD, [8192]) = 0",
            "ioctl(3, FIONREAD, [8192]) = 0",
        ),
        (
            "ioctl(0, TIOCGPGRP, [8192]) = 0",
            "ioctl(0, TIOCGPGRP, [P]) = 0",
        ),
        (
            "clone3({flags=CLONE_VM, exit_signal=0, stack=0x7f0000000000, stack_size=0x2000} => {parent_tid=[8192]}, 88) = 8192",
            "clone3({flags=CLONE_VM, exit_signal=0, stack=0x7f0000000000, stack_size=0x2000} => {parent_tid=[P]}, 88) = P",
        ),
        (
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=8192, si_uid=0, si_status=0, si_utime=8192, si_stime=0} ---",
            "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=P, si_uid=0, si_status=0, si_utime=8192, si_stime=0} ---",
        ),
        (
            "8192  +++ superseded by execve in pid 8192 +++",
            "P  +++ superseded by execve in pid P +++",
        ),
        (
            "[pid  8192] write(1, \"8192\", 4) = 4",
            "[pid  P] write(1, \"8192\", 4) = 4",
        ),
    ];
    for (line, want) in cases {
        let got = replace_pid(line, "8192", "P");
        let got = replace_pid(&got, "0x2000", "P");
        assert_eq!(got, want, "{line}");
    }
}

/// A call the trace leaves out costs the tracer fewer ptrace requests than one it shows (its
/// exit needs nothing from the kernel), as with strace: the tracer's own ptrace calls, counted
/// by strace, are fewer with `-e trace=none` than with `-e trace=all`.
#[test]
fn filtered_calls_cost_fewer_ptrace_requests() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let count = |set: &str| -> usize {
        let dir = TempDir::new();
        let log = dir.join("ptrace.txt");
        let inner = dir.join("inner.txt");
        let args: Vec<String> = vec![
            "-qq".into(),
            "-e".into(),
            "trace=ptrace".into(),
            "-e".into(),
            "signal=none".into(),
            "-o".into(),
            log.display().to_string(),
            "--".into(),
            STRACE_RS.into(),
            "-o".into(),
            inner.display().to_string(),
            "-e".into(),
            format!("trace={set}"),
            "sh".into(),
            "-c".into(),
            "for i in 1 2 3 4 5 6 7 8; do :; done; cat /dev/null /dev/null".into(),
        ];
        let out = run(REAL_STRACE, &args);
        assert!(out.status.success(), "{out:?}");
        let text = std::fs::read_to_string(&log).expect("ptrace log");
        text.lines().filter(|l| l.starts_with("ptrace(")).count()
    };
    let (none, all) = (count("none"), count("all"));
    assert!(
        none > 0 && none < all,
        "trace=none: {none}, trace=all: {all}"
    );
}

/// A call that cannot fail (strace's NF: geteuid) returns what it returns, even in the error
/// range, and strace prints plain return values unsigned: an injected retval of -2 is
/// `= 18446744073709551614 (INJECTED)`, not `-1 ENOENT`; as strace 6.1 prints it.
#[test]
fn never_failing_calls_return_values() {
    let opts = [
        "-e",
        "trace=geteuid",
        "-e",
        "inject=geteuid:retval=0xfffffffffffffffe",
    ];
    let want = "geteuid()                               = 18446744073709551614 (INJECTED)";
    let mut tracers = vec![STRACE_RS];
    if real_strace_available() {
        tracers.push(REAL_STRACE);
    }
    for tracer in tracers {
        let run = trace(tracer, &opts, &["id", "-u"]);
        let lines: Vec<&str> = run
            .trace
            .lines()
            .filter(|l| l.starts_with("geteuid"))
            .collect();
        assert!(!lines.is_empty(), "{tracer}: {}", run.trace);
        assert!(lines.iter().all(|l| *l == want), "{tracer}: {}", run.trace);
    }
}

/// Options of later strace releases (not in 6.1, so compared with what strace 7 documents):
/// `--always-show-pid` starts every line with the pid even for one process, stderr or `-o`;
/// `--argv0=NAME` runs the command with NAME as its argv[0], and needs a command.
#[test]
fn later_release_options() {
    let run1 = trace(
        STRACE_RS,
        &["--always-show-pid", "-e", "trace=exit_group"],
        &["true"],
    );
    let pid = run1
        .trace
        .split_whitespace()
        .next()
        .expect("a line")
        .to_string();
    assert!(pid.parse::<u32>().is_ok(), "{}", run1.trace);
    let line = pad_to(&format!("{pid:<5} exit_group(0)"), DEFAULT_COLUMN);
    assert_eq!(
        run1.trace,
        format!("{line}= ?\n{pid:<5} +++ exited with 0 +++\n")
    );
    let run2 = trace(
        STRACE_RS,
        &["--argv0=renamed", "-e", "trace=execve"],
        &["sh", "-c", "echo $0"],
    );
    assert_eq!(run2.stdout, "renamed\n");
    assert!(
        run2.trace
            .starts_with(r#"execve("/usr/bin/sh", ["renamed", "-c", "echo $0"], "#)
            || run2
                .trace
                .starts_with(r#"execve("/bin/sh", ["renamed", "-c", "echo $0"], "#),
        "{}",
        run2.trace
    );
    let out = run(STRACE_RS, &["--argv0=x", "-p", "1"]);
    assert_eq!(
        out.stderr,
        "strace-rs: PROG [ARGS] must be specified with --argv0\n\
         Try 'strace-rs -h' for more information.\n"
    );
}

/// `--syscall-limit=N` (strace 6.7): after N shown calls every tracee is let go and runs on
/// untraced; N must be positive.
#[test]
fn syscall_limit_lets_go() {
    let dir = TempDir::new();
    let done = dir.join("done");
    let script = format!("cat /dev/null; cat /dev/null; echo > {}", done.display());
    let out = run(
        STRACE_RS,
        &[
            "--syscall-limit=2",
            "-e",
            "trace=openat",
            "sh",
            "-c",
            &script,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stderr);
    assert!(
        lines[..2].iter().all(|l| l.starts_with("openat(")),
        "{}",
        out.stderr
    );
    assert_eq!(
        lines[2],
        "strace-rs: System call limit has been reached, detaching tracees"
    );
    assert!(
        lines[3].starts_with("strace-rs: Process ") && lines[3].ends_with(" detached"),
        "{}",
        out.stderr
    );
    // The command went on without the tracer.
    let start = std::time::Instant::now();
    while !done.exists() {
        assert!(start.elapsed().as_secs() < 20, "the command did not go on");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let bad = run(STRACE_RS, &["--syscall-limit=0", "true"]);
    assert_eq!(
        bad.stderr,
        "strace-rs: invalid --syscall-limit argument: '0'\n\
         Try 'strace-rs -h' for more information.\n"
    );
}

/// `-P PATH` also matches a descriptor inside a call's structures (poll's pollfd array,
/// select's fd sets), as strace 6.1's path tracing does.
#[test]
fn path_tracing_looks_inside_poll_and_select() {
    let opts = ["-P", "/dev/zero", "-e", "trace=poll,select"];
    let (_dir, ours) = trace_helper(STRACE_RS, &opts, "h_pollp", &[]);
    let lines: Vec<&str> = ours.trace.lines().collect();
    assert_eq!(lines.len(), 3, "{}", ours.trace);
    assert!(lines[0].starts_with("poll([{fd=0, events=POLLIN}, {fd=3, events=POLLIN}], 2, 0)"));
    assert!(
        lines[1].starts_with("select(4, [3], NULL, NULL, "),
        "{}",
        ours.trace
    );
    assert_eq!(lines[2], "+++ exited with 0 +++");
    if real_strace_available() {
        let (_dir, theirs) = trace_helper(REAL_STRACE, &opts, "h_pollp", &[]);
        assert_eq!(theirs.trace, ours.trace);
    }
}

/// `--tips`: a tip in a box on stderr after everything else (strace-rs's own tips and frame,
/// with strace's argument syntax): the same tip for `id:N` and `id:N+count`, another for
/// another id, a line more with `format:full`, nothing with `format:none`.
#[test]
fn tips_after_the_trace() {
    let tip = |opts: &[&str]| {
        let mut args = vec!["-e", "trace=none"];
        args.extend_from_slice(opts);
        args.push("true");
        let out = common::run(STRACE_RS, &args);
        assert!(out.status.success(), "{out:?}");
        out.stderr
    };
    let boxed = |text: &str| -> Vec<String> {
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.first(), Some(&"+++ exited with 0 +++"), "{text}");
        lines[1..].iter().map(|l| l.to_string()).collect()
    };
    let first = boxed(&tip(&["--tips=id:0"]));
    assert!(first.len() >= 4, "{first:?}");
    let top = &first[0];
    assert!(top.starts_with(" .---") && top.ends_with("-."), "{top}");
    assert_eq!(first[1].trim_end_matches(" |").trim(), "| strace-rs tip 0:");
    assert!(first.last().unwrap().starts_with(" '---"));
    assert!(first.iter().all(|l| l.len() == top.len()), "{first:#?}");
    // The count, from the full form; ids wrap around it.
    let full = boxed(&tip(&["--tips=ID:0,format:FULL"]));
    assert_eq!(full.len(), first.len() + 2);
    let note = &full[full.len() - 2];
    let count: usize = note
        .split("there are ")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{note}"));
    assert_eq!(boxed(&tip(&[&format!("--tips=id:{count}")])), first);
    assert_ne!(boxed(&tip(&["--tips=1"])), first);
    // A later --tips changes only what it names; format:none shows nothing.
    assert_eq!(boxed(&tip(&["--tips=format:full", "--tips=0"])), full);
    assert_eq!(tip(&["--tips=0", "--tips=none"]), "+++ exited with 0 +++\n");
    assert_eq!(tip(&[]), "+++ exited with 0 +++\n");
}
