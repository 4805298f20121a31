//! Shared support for the end-to-end tests (`tests/e2e.rs`) and the
//! comparison against the real strace (`tests/reference.rs`).
//!
//! * [`helper`] compiles `tests/helpers/<name>.c` with `cc -O0` once per test
//!   binary run and returns the path of the executable.
//! * [`TempDir`] is a unique, self-removing directory under
//!   `std::env::temp_dir()`; every helper gets one as `argv[1]` and `chdir`s
//!   into it, so tests can run in parallel.
//! * [`trace`] / [`trace_helper`] run a tracer (`strace-rs` or the real
//!   `strace`) with `-o FILE` and return the exit status, the tracer's stdout
//!   and stderr, and the trace file.
//! * [`mask`] hides what changes from run to run (addresses, pids).
//! * [`after_marker`] returns the lines a helper made after its marker
//!   syscall `write(-1, "BEGIN", 5)`, i.e. without the dynamic loader noise.
//! * [`assert_lines`] compares line lists and panics with a unified-style
//!   diff.
//! * [`split_by_pid`] splits a `-f` trace by process, joining each
//!   `<unfinished ...>` line with its `<... resumed>` half and checking the
//!   prefixes and padding: how processes interleave is the scheduler's
//!   choice, what each one prints is not.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The binary under test.
pub const STRACE_RS: &str = env!("CARGO_BIN_EXE_strace-rs");

/// The reference implementation (Debian's strace 6.1).
pub const REAL_STRACE: &str = "/usr/bin/strace";

/// The line every helper makes first, right after its setup.
pub const MARKER: &str =
    r#"write(-1, "BEGIN", 5)                   = -1 EBADF (Bad file descriptor)"#;

/// How long any single traced run may take before the test gives up.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(60);

/// Column strace aligns the ` = ` of results to by default (`-a 40`).
pub const DEFAULT_COLUMN: usize = 40;

// ---------------------------------------------------------------------------
// Temporary directories
// ---------------------------------------------------------------------------

/// A unique directory under `std::env::temp_dir()`, removed on drop.
///
/// Names have a fixed width (`strace-rs-t-<pid:010>-<n:06>`) so that two
/// directories used for the same comparison always have the same length: a
/// path printed in a trace line then shifts the ` = ` column identically in
/// both traces.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::SeqCst);
            let path = std::env::temp_dir().join(format!(
                "strace-rs-t-{:010}-{:06}",
                std::process::id(),
                n
            ));
            match std::fs::create_dir(&path) {
                Ok(()) => {
                    // Independent of the umask of whoever runs the tests:
                    // helpers stat their directory.
                    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                        .expect("chmod temp dir");
                    return TempDir { path };
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => panic!("cannot create {}: {e}", path.display()),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join<P: AsRef<Path>>(&self, p: P) -> PathBuf {
        self.path.join(p)
    }

    /// The path as a `&str` (temp paths are always UTF-8 here).
    pub fn as_str(&self) -> &str {
        self.path.to_str().expect("temp dir path is UTF-8")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

// ---------------------------------------------------------------------------
// Helpers written in C
// ---------------------------------------------------------------------------

fn helpers_build_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        std::fs::create_dir_all(&base).expect("create CARGO_TARGET_TMPDIR");
        // Remove what earlier runs (processes that no longer exist) left.
        if let Ok(entries) = std::fs::read_dir(&base) {
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if let Some(pid) = name.strip_prefix("strace-rs-helpers-")
                    && !Path::new("/proc").join(pid).exists()
                {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = base.join(format!("strace-rs-helpers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create helpers build dir");
        dir
    })
}

/// Compiles `tests/helpers/<name>.c` (once per test binary run) and returns
/// the path of the executable.
pub fn helper(name: &str) -> PathBuf {
    static BUILT: OnceLock<Mutex<HashMap<String, PathBuf>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(p) = built.get(name) {
        return p.clone();
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("helpers")
        .join(format!("{name}.c"));
    assert!(src.exists(), "no helper source {}", src.display());
    let out = helpers_build_dir().join(name);
    let res = Command::new("cc")
        .arg("-O0")
        .arg("-o")
        .arg(&out)
        .arg(&src)
        .stdin(Stdio::null())
        .output()
        .expect("cannot run cc");
    assert!(
        res.status.success(),
        "cc failed for {}:\n{}",
        src.display(),
        String::from_utf8_lossy(&res.stderr)
    );
    built.insert(name.to_string(), out.clone());
    out
}

// ---------------------------------------------------------------------------
// Running things
// ---------------------------------------------------------------------------

/// What a finished process left behind.
#[derive(Debug)]
pub struct Output {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// A traced run: the tracer's status/stdout/stderr and the `-o` file.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
    pub trace: String,
}

fn reader<R: Read + Send + 'static>(r: Option<R>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut r) = r {
            let _ = r.read_to_end(&mut buf);
        }
        buf
    })
}

/// Waits for `child` (with [`RUN_TIMEOUT`]), collecting piped stdout/stderr.
pub fn wait_output(mut child: Child, what: &str) -> Output {
    let out = reader(child.stdout.take());
    let err = reader(child.stderr.take());
    let start = Instant::now();
    let status = loop {
        match child.try_wait().expect("try_wait") {
            Some(st) => break st,
            None if start.elapsed() > RUN_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{what}: still running after {RUN_TIMEOUT:?}, killed");
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    Output {
        status,
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
    }
}

/// Environment variables removed from everything the tests run. cargo sets
/// LD_LIBRARY_PATH for test binaries; left in place it would make every
/// traced program's dynamic loader probe a dozen toolchain directories.
pub const REMOVED_ENV: &[&str] = &["LD_LIBRARY_PATH"];

/// The number of environment variables a traced program gets, i.e. the
/// `N` of `/* N vars */` in its execve line.
pub fn env_var_count() -> usize {
    std::env::vars_os()
        .filter(|(k, _)| !REMOVED_ENV.iter().any(|r| k == r))
        .count()
}

/// A `Command` for `program` with stdin from /dev/null, stdout and stderr
/// piped and [`REMOVED_ENV`] removed.
///
/// File descriptors above 2 that the test process may have without
/// FD_CLOEXEC are marked close-on-exec in the child, so every traced
/// program starts with exactly fds 0, 1 and 2 (its first `openat` returns
/// 3, whatever the test runner leaked).
pub fn command(program: &str) -> Command {
    use std::os::unix::process::CommandExt;
    let mut c = Command::new(program);
    // strace-rs prefixes its messages with argv[0] as invoked, as strace does; the tests
    // expect the short name.
    if program == STRACE_RS {
        c.arg0("strace-rs");
    }
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for v in REMOVED_ENV {
        c.env_remove(v);
    }
    // SAFETY: the closure makes one async-signal-safe syscall.
    unsafe {
        c.pre_exec(|| {
            const CLOSE_RANGE_CLOEXEC: libc::c_uint = 4;
            libc::syscall(
                libc::SYS_close_range,
                3 as libc::c_uint,
                libc::c_uint::MAX,
                CLOSE_RANGE_CLOEXEC,
            );
            Ok(())
        });
    }
    c
}

/// Runs `program args...` with stdin from /dev/null and stdout/stderr piped.
pub fn run<S: AsRef<OsStr>>(program: &str, args: &[S]) -> Output {
    run_in(program, args, None)
}

/// Like [`run`], in directory `cwd` if given.
pub fn run_in<S: AsRef<OsStr>>(program: &str, args: &[S], cwd: Option<&Path>) -> Output {
    let mut c = command(program);
    c.args(args);
    if let Some(d) = cwd {
        c.current_dir(d);
    }
    let child = c
        .spawn()
        .unwrap_or_else(|e| panic!("cannot spawn {program}: {e}"));
    let what = format!(
        "{program} {:?}",
        args.iter().map(|a| a.as_ref()).collect::<Vec<_>>()
    );
    wait_output(child, &what)
}

/// Runs `tracer -o FILE opts... -- cmd...` and reads FILE.
pub fn trace<S: AsRef<OsStr>>(tracer: &str, opts: &[&str], cmd: &[S]) -> Run {
    trace_in(tracer, opts, cmd, None)
}

/// Like [`trace`], with the tracer (and so the traced program) started in
/// directory `cwd` if given.
pub fn trace_in<S: AsRef<OsStr>>(
    tracer: &str,
    opts: &[&str],
    cmd: &[S],
    cwd: Option<&Path>,
) -> Run {
    let outdir = TempDir::new();
    let file = outdir.join("trace.txt");
    let mut args: Vec<OsString> = vec!["-o".into(), file.clone().into_os_string()];
    args.extend(opts.iter().map(OsString::from));
    args.push("--".into());
    args.extend(cmd.iter().map(|c| c.as_ref().to_os_string()));
    let out = run_in(tracer, &args, cwd);
    let trace = match std::fs::read(&file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => panic!(
            "{tracer} {args:?}: no trace file {} ({e}); status {:?}, stderr:\n{}",
            file.display(),
            out.status,
            out.stderr
        ),
    };
    Run {
        status: out.status,
        stdout: out.stdout,
        stderr: out.stderr,
        trace,
    }
}

/// Builds helper `name`, makes a fresh work dir, and traces
/// `helper <workdir> extra...` with `tracer`. The work dir is returned so the
/// test can look at what the helper left there.
pub fn trace_helper(tracer: &str, opts: &[&str], name: &str, extra: &[&str]) -> (TempDir, Run) {
    let exe = helper(name);
    let dir = TempDir::new();
    let mut cmd: Vec<OsString> = vec![exe.into_os_string(), dir.path().as_os_str().to_owned()];
    cmd.extend(extra.iter().map(OsString::from));
    let run = trace(tracer, opts, &cmd);
    (dir, run)
}

/// Traces helper `name` (which must exit with 0) with `opts`: the lines after its marker and
/// the tracer's messages (its name taken off), addresses and the work dir masked, for
/// comparing tracers with [`unlike_strace`].
pub fn helper_lines(tracer: &str, opts: &[&str], name: &str) -> (Vec<String>, Vec<String>) {
    let (dir, run) = trace_helper(tracer, opts, name, &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let messages = run
        .stderr
        .lines()
        .map(|l| mask_addresses(l.split_once(": ").map_or(l, |(_, rest)| rest)))
        .collect();
    let trace = mask_with(&run.trace, &[(dir.as_str(), "DIR")]);
    let lines = after_marker(&trace)
        .iter()
        .map(|l| mask_addresses(l))
        .collect();
    (lines, messages)
}

/// Whether the real strace is installed and runs.
///
/// Under CI (`CI` set) a missing strace is an error, not a skip: CI installs it.
pub fn real_strace_available() -> bool {
    static OK: OnceLock<bool> = OnceLock::new();
    *OK.get_or_init(|| {
        let ok = real_strace_works();
        assert!(
            ok || std::env::var_os("CI").is_none(),
            "CI must install strace (apt-get install -y strace)"
        );
        ok
    })
}

fn real_strace_works() -> bool {
    Path::new(REAL_STRACE).exists()
        && Command::new(REAL_STRACE)
            .arg("-V")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
}

/// Quotes `bytes` the way strace prints a string argument with the default
/// `-s 32` for the plain cases (printable ASCII and the usual C escapes);
/// panics on anything else. Used for data the tests don't control, like the
/// contents of /etc/hostname.
pub fn quote_simple(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes.iter().take(32) {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            b'\r' => s.push_str("\\r"),
            0x20..=0x7e => s.push(b as char),
            _ => panic!("quote_simple: unsupported byte {b:#x} in {bytes:?}"),
        }
    }
    s.push('"');
    if bytes.len() > 32 {
        s.push_str("...");
    }
    s
}

/// Asserts that a finished tracer's status reads `want` (see
/// [`describe_status`]), showing its stderr otherwise.
#[track_caller]
pub fn assert_status(status: &ExitStatus, want: &str, stderr: &str) {
    assert_eq!(describe_status(status), want, "stderr:\n{stderr}");
}

/// `exited with N` / `killed by signal N`, for messages and comparisons.
pub fn describe_status(st: &ExitStatus) -> String {
    match (st.code(), st.signal()) {
        (Some(c), _) => format!("exited with {c}"),
        (None, Some(s)) => format!("killed by signal {s}"),
        _ => format!("{st:?}"),
    }
}

// ---------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------

/// Splits a syscall line `LEFT<spaces>= RESULT` where LEFT ends with `)`.
/// Returns (LEFT, number of spaces, "= RESULT").
pub fn split_result(line: &str) -> Option<(&str, usize, &str)> {
    let b = line.as_bytes();
    // The rightmost `)` followed by one or more spaces and `=` then a space
    // or the end of the line. The result part (`= -1 ENOENT (No such ...)`)
    // never contains that pattern itself.
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        if b[i] != b')' {
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let spaces = j - (i + 1);
        if spaces >= 1 && j < b.len() && b[j] == b'=' && (j + 1 == b.len() || b[j + 1] == b' ') {
            return Some((&line[..=i], spaces, &line[j..]));
        }
    }
    None
}

fn is_hex(c: u8) -> bool {
    c.is_ascii_digit() || (b'a'..=b'f').contains(&c)
}

/// Replaces `0x` followed by 9 or more lowercase hex digits with `0xADDR`.
///
/// User-space addresses on x86_64 (heap `0x55..`/`0x56..`, mappings and
/// stack `0x7f..`) have 12 digits; flag values (`0x80000000`), the rseq
/// signature `0x53053053`, mmap offsets (`0x26000`) and the fixed address
/// the helpers map at (`0x10000000`) have at most 8, so they stay asserted.
/// In an `execve(` line a `0x` number of 6 or more digits is an address too: the
/// command's first execve points into the tracer's own heap, which is low in a
/// position-dependent executable, as low as just past its data (`0x89a080 /* 20 vars */`).
pub fn mask_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        // After a prefix such as `[pid 12] `, `12 ` or a time stamp.
        let execve = line.find("execve(").is_some_and(|at| {
            line[..at]
                .chars()
                .all(|c| c.is_ascii_digit() || " []pid:.".contains(c))
        });
        let min_digits = if execve { 6 } else { 9 };
        mask_hex(line, min_digits, &mut out);
    }
    out
}

/// Appends `s` to `out` with every `0x` number of at least `min_digits` digits as `0xADDR`.
fn mask_hex(s: &str, min_digits: usize, out: &mut String) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut last = 0;
    while i + 1 < b.len() {
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'\\');
        if boundary && b[i] == b'0' && b[i + 1] == b'x' {
            let mut j = i + 2;
            while j < b.len() && is_hex(b[j]) {
                j += 1;
            }
            let digits = j - (i + 2);
            let ends_clean = j == b.len() || !b[j].is_ascii_alphanumeric();
            if digits >= min_digits && ends_clean {
                out.push_str(&s[last..i]);
                out.push_str("0xADDR");
                last = j;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
}

/// `{a=1, b=[2, 3]}` -> `{a=N, b=[N, N]}`: every number inside the first
/// struct of the line that follows `=`, `[` or a space.
pub fn mask_struct_values(line: &str) -> String {
    let (Some(open), Some(close)) = (line.find('{'), line.rfind('}')) else {
        return line.to_string();
    };
    let mut out = line[..open].to_string();
    let mut prev = ' ';
    let mut chars = line[open..=close].chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() && matches!(prev, '=' | '[' | ' ') {
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                chars.next();
            }
            out.push('N');
            prev = 'N';
        } else {
            out.push(c);
            prev = c;
        }
    }
    out.push_str(&line[close + 1..]);
    out
}

/// Replaces every decimal token equal to `num` (not part of a longer number,
/// a hex literal or an identifier) with `with`.
pub fn replace_number(s: &str, num: &str, with: &str) -> String {
    let b = s.as_bytes();
    let n = num.len();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i + n <= b.len() {
        if &s.as_bytes()[i..i + n] == num.as_bytes() {
            let before_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
            let after_ok = i + n == b.len() || !b[i + n].is_ascii_alphanumeric();
            if before_ok && after_ok {
                out.push_str(&s[last..i]);
                out.push_str(with);
                i += n;
                last = i;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&s[last..]);
    out
}

fn result_number(line: &str) -> Option<String> {
    let (_, _, res) = split_result(line)?;
    let v = res.strip_prefix("= ")?;
    let v = v.split(' ').next()?;
    if !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) {
        Some(v.to_string())
    } else {
        None
    }
}

/// Masks what differs between runs, with the default `-a 40` column.
/// See [`mask_full`].
pub fn mask(text: &str) -> String {
    mask_full(text, &[], DEFAULT_COLUMN)
}

/// Like [`mask`], replacing the literal strings `subs[i].0` with `subs[i].1`
/// first (e.g. a temp dir path with `@TMP@`).
pub fn mask_with(text: &str, subs: &[(&str, &str)]) -> String {
    mask_full(text, subs, DEFAULT_COLUMN)
}

/// Masks a trace:
/// * literal substitutions `subs`;
/// * addresses (see [`mask_addresses`]) -> `0xADDR`;
/// * the tracee's pid, learned from the results of `getpid()`, `gettid()`
///   and `set_tid_address(...)`, -> `PID` wherever it appears as a number
///   (`kill(PID, SIGUSR1)`, `si_pid=PID`, ...), and the result of
///   `getppid()` -> `PPID`;
/// * the random bytes `getrandom` returns -> `"<random>"`.
///
/// When masking changes the part of a line left of ` = `, the padding in
/// front of `=` is recomputed for `column` -- but only if the original line
/// was padded correctly for `column`, so wrong padding is never hidden.
pub fn mask_full(text: &str, subs: &[(&str, &str)], column: usize) -> String {
    mask_impl(text, subs, column, false)
}

/// Like [`mask_full`], and also hides what changes between two runs of a
/// real program (not a helper written for the tests), for the corpus test:
/// * the pids of children and threads, learned from the results of
///   `clone(`, `clone3(`, `fork(` and `vfork(`, -> `CPID` wherever they
///   appear as numbers (`wait4(...) = CPID`, `si_pid=CPID`, ...);
/// * times: the numbers of `tv_sec=`, `tv_nsec=`, `tv_usec=`, `si_utime=`,
///   `si_stime=` -> `N`, numbers of 9+ digits in `time(` lines -> `TIME`,
///   dates like `2026-11-28T01:32:26+0000` -> `DATE`;
/// * inode numbers: `st_ino=`, `stx_ino=`, `d_ino=`, `d_off=` (a hash on
///   ext4), `socket:[..]`, `pipe:[..]` -> `N`;
/// * the size of directories (`st_size=`/`stx_size=` in a struct whose
///   mode is `S_IFDIR`): it depends on the history of the directory;
/// * ports: `sin_port=htons(..)`, `sin6_port=htons(..)` -> `htons(PORT)`
///   (the kernel picks ephemeral ports);
/// * heap addresses of non-PIE programs (`/usr/bin/python3`), which have
///   only 8 hex digits: any hex number between the lowest and the highest
///   `brk` result of the trace -> `0xADDR`;
/// * sysinfo's `uptime`, `loads`, `freeram`, `sharedram`, `bufferram`,
///   `freeswap`, `procs`, statfs's `f_bfree`, `f_bavail`, `f_ffree` -> `N`.
///
/// These are masked in both traces alike, so a decoder that prints them
/// wrongly still differs in the surrounding text only; prefer [`mask_full`]
/// for tests of specific decoders.
pub fn mask_volatile(text: &str, subs: &[(&str, &str)], column: usize) -> String {
    mask_impl(text, subs, column, true)
}

fn mask_impl(text: &str, subs: &[(&str, &str)], column: usize, volatile: bool) -> String {
    let mut pids: Vec<String> = Vec::new();
    let mut ppids: Vec<String> = Vec::new();
    let mut cpids: Vec<String> = Vec::new();
    // The heap, from the results of brk: [lowest, highest].
    let mut heap: Option<(u64, u64)> = None;
    for line in text.lines() {
        if volatile
            && line.starts_with("brk(")
            && let Some((_, _, res)) = split_result(line)
            && let Some(v) = res
                .strip_prefix("= 0x")
                .and_then(|h| u64::from_str_radix(h.split(' ').next().unwrap_or(""), 16).ok())
        {
            heap = Some(heap.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))));
        }
        if line.starts_with("getpid()")
            || line.starts_with("gettid()")
            || line.starts_with("set_tid_address(")
        {
            if let Some(n) = result_number(line)
                && !pids.contains(&n)
            {
                pids.push(n);
            }
        } else if line.starts_with("getppid()")
            && let Some(n) = result_number(line)
            && !ppids.contains(&n)
        {
            ppids.push(n);
        } else if volatile
            && ["clone(", "clone3(", "fork(", "vfork("]
                .iter()
                .any(|p| line.starts_with(p))
            && let Some(n) = result_number(line)
            && n != "0"
            && !cpids.contains(&n)
        {
            cpids.push(n);
        }
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut m = line.to_string();
        for (from, to) in subs {
            if !from.is_empty() {
                m = m.replace(from, to);
            }
        }
        m = mask_addresses(&m);
        // A pid is a number like any other: 16384 can be a pid and a length.
        for p in &pids {
            m = replace_pid(&m, p, "PID");
        }
        for p in &ppids {
            m = replace_pid(&m, p, "PPID");
        }
        for p in &cpids {
            m = replace_pid(&m, p, "CPID");
        }
        if volatile {
            if let Some((lo, hi)) = heap {
                m = mask_hex_in(&m, lo, hi);
            }
            m = mask_volatile_line(&m);
        }
        if let Some(rest) = m.strip_prefix("getrandom(\"")
            && let Some(end) = rest.find("\", ")
        {
            m = format!("getrandom(\"<random>\"{}", &rest[end + 1..]);
        }
        if m != line {
            m = repad(line, &m, column);
        }
        out.push_str(&m);
        out.push('\n');
    }
    out
}

/// Where a syscall's line holds a process or thread id: which arguments (0-based), whether
/// its result, and, for calls where that hangs on another argument, which values that argument
/// must have (`(index, values)`).
type PidPlaces = (
    &'static str,
    &'static [usize],
    bool,
    Option<(usize, &'static [&'static str])>,
);

/// The syscalls whose arguments or result can be a pid (man 2 of each), and where.
const PID_PLACES: &[PidPlaces] = &[
    ("getpid", &[], true, None),
    ("gettid", &[], true, None),
    ("getppid", &[], true, None),
    ("getpgrp", &[], true, None),
    ("getpgid", &[0], true, None),
    ("getsid", &[0], true, None),
    ("setpgid", &[0, 1], false, None),
    ("set_tid_address", &[], true, None),
    ("clone", &[], true, None),
    ("clone3", &[], true, None),
    ("fork", &[], true, None),
    ("vfork", &[], true, None),
    ("wait4", &[0], true, None),
    ("waitid", &[1], false, None),
    ("kill", &[0], false, None),
    ("tkill", &[0], false, None),
    ("tgkill", &[0, 1], false, None),
    ("rt_sigqueueinfo", &[0], false, None),
    ("rt_tgsigqueueinfo", &[0, 1], false, None),
    // The restored result of the interrupted call, which may be a pid (wait4's).
    ("rt_sigreturn", &[], true, None),
    ("pidfd_open", &[0], false, None),
    ("prlimit64", &[0], false, None),
    ("ptrace", &[1], false, None),
    ("process_vm_readv", &[0], false, None),
    ("process_vm_writev", &[0], false, None),
    ("kcmp", &[0, 1], false, None),
    ("get_robust_list", &[0], false, None),
    ("sched_getaffinity", &[0], false, None),
    ("sched_setaffinity", &[0], false, None),
    ("sched_getparam", &[0], false, None),
    ("sched_setparam", &[0], false, None),
    ("sched_getscheduler", &[0], false, None),
    ("sched_setscheduler", &[0], false, None),
    ("sched_rr_get_interval", &[0], false, None),
    ("sched_getattr", &[0], false, None),
    ("sched_setattr", &[0], false, None),
    ("getpriority", &[1], false, None),
    ("setpriority", &[1], false, None),
    ("ioprio_get", &[1], false, None),
    ("ioprio_set", &[1], false, None),
    ("perf_event_open", &[1], false, None),
    // The value a thread waits on in pthread_join is its tid (CLONE_CHILD_CLEARTID).
    ("futex", &[2], false, None),
    ("fcntl", &[2], true, Some((1, &["F_SETOWN", "F_GETOWN"]))),
    (
        "ioctl",
        &[2],
        false,
        Some((1, &["TIOCGPGRP", "TIOCSPGRP", "TIOCGSID"])),
    ),
    ("prctl", &[1], false, Some((0, &["PR_SET_PTRACER"]))),
    // The process that last changed the semaphore, as each -X writes the command.
    (
        "semctl",
        &[],
        true,
        Some((2, &["GETPID", "0xb", "0xb /* GETPID */"])),
    ),
];

/// Fields that hold a pid wherever they are (`si_pid=`, `nl_pid=`, `{pid=` of capget,
/// SO_PEERCRED and SCM_CREDENTIALS, `parent_tid=[` of clone, `sigev_notify_thread_id=`), and
/// the pid of `+++ superseded by execve in pid N +++`.
const PID_FIELDS: &[&str] = &["pid=", "tid=[", "thread_id=", "execve in pid "];

/// Replaces `pid` (a whole number, decimal or `0x` hex as printed) with `label` where the line
/// holds a pid: always in an `-f` prefix (`1234  ` or `[pid  1234] `), in a pid field
/// ([`PID_FIELDS`]) and in the arguments and result [`PID_PLACES`] names (of a whole line, an
/// `<unfinished ...>` one, or the result of a `<... NAME resumed>` one). A pid that happens to
/// equal a number elsewhere (a size, `rlim_cur=8192*1024`) stays visible: were it masked, two
/// runs would differ only because their pids do.
pub fn replace_pid(line: &str, pid: &str, label: &str) -> String {
    let prefix_len = if line.starts_with("[pid ") {
        line.find("] ").map_or(0, |i| i + 2)
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let spaces = line[digits..].bytes().take_while(|&b| b == b' ').count();
        if digits > 0 && spaces > 0 {
            digits + spaces
        } else {
            0
        }
    };
    let (prefix, body) = line.split_at(prefix_len);
    let mut body = replace_in_fields(body, pid, label);
    if let Some(masked) = replace_in_places(&body, pid, label) {
        body = masked;
    }
    replace_number(prefix, pid, label) + &body
}

/// [`replace_number`] in the value after each [`PID_FIELDS`] key.
fn replace_in_fields(s: &str, pid: &str, label: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let next = PID_FIELDS
            .iter()
            .filter_map(|k| rest.find(k).map(|i| (i, k.len())))
            .min();
        let Some((at, len)) = next else {
            out.push_str(rest);
            return out;
        };
        let value_at = at + len;
        out.push_str(&rest[..value_at]);
        rest = &rest[value_at..];
        let neg = usize::from(rest.starts_with('-'));
        let end = neg
            + rest[neg..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        out.push_str(&replace_number(&rest[..end], pid, label));
        rest = &rest[end..];
    }
}

/// The pid places of a syscall line (see [`PID_PLACES`]) with `pid` replaced; None for a line
/// of no such syscall (or no syscall line at all).
fn replace_in_places(line: &str, pid: &str, label: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix("<... ") {
        // Only the result of a resumed call is in a known place.
        let (name, _) = rest.split_once(" resumed>")?;
        let &(_, _, ret, when) = PID_PLACES.iter().find(|p| p.0 == name)?;
        if !ret || when.is_some() {
            return None;
        }
        let (left, spaces, res) = split_result(line)?;
        return Some(format!(
            "{left}{}{}",
            " ".repeat(spaces),
            replace_result(res, pid, label)
        ));
    }
    let name = syscall_name(line)?;
    let &(_, args, ret, when) = PID_PLACES.iter().find(|p| p.0 == name)?;
    let (call, tail) = match line.strip_suffix(UNFINISHED) {
        Some(head) => (head, UNFINISHED.to_string()),
        None => match split_result(line) {
            Some((left, spaces, res)) => (left, format!("{}{res}", " ".repeat(spaces))),
            None => (line, String::new()),
        },
    };
    let open = name.len() + 1;
    let close = usize::from(call.ends_with(')'));
    let inner = call.get(open..call.len() - close)?;
    let parts = split_args(inner);
    if let Some((at, values)) = when
        && !parts.get(at).is_some_and(|a| values.contains(&a.trim()))
    {
        return None;
    }
    let args_text: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if args.contains(&i) {
                replace_number(a, pid, label)
            } else {
                a.to_string()
            }
        })
        .collect();
    let tail = if ret {
        replace_result(&tail, pid, label)
    } else {
        tail
    };
    Some(format!(
        "{}{}{}{tail}",
        &call[..open],
        args_text.join(","),
        &call[call.len() - close..]
    ))
}

/// `= N ...` with N replaced if it is `pid`.
fn replace_result(res: &str, pid: &str, label: &str) -> String {
    let Some(eq) = res.find("= ") else {
        return res.to_string();
    };
    let value_at = eq + 2;
    let end = value_at
        + res[value_at..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    format!(
        "{}{}{}",
        &res[..value_at],
        replace_number(&res[value_at..end], pid, label),
        &res[end..]
    )
}

/// The arguments of a call, split at the commas outside brackets, braces, parentheses and
/// quoted strings; each keeps its leading space.
fn split_args(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0, 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

/// Replaces hex numbers in `[lo, hi]` with `0xADDR`.
fn mask_hex_in(s: &str, lo: u64, hi: u64) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut last = 0;
    while i + 1 < b.len() {
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'\\');
        if boundary && b[i] == b'0' && b[i + 1] == b'x' {
            let mut j = i + 2;
            while j < b.len() && is_hex(b[j]) {
                j += 1;
            }
            let clean = j == b.len() || !b[j].is_ascii_alphanumeric();
            if clean
                && let Ok(v) = u64::from_str_radix(&s[i + 2..j], 16)
                && (lo..=hi).contains(&v)
            {
                out.push_str(&s[last..i]);
                out.push_str("0xADDR");
                last = j;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

/// Fields whose decimal value [`mask_volatile`] replaces with `N`.
const VOLATILE_FIELDS: &[&str] = &[
    "tv_sec=",
    "tv_nsec=",
    "tv_usec=",
    "si_utime=",
    "si_stime=",
    "st_ino=",
    "stx_ino=",
    "d_ino=",
    "d_off=",
    "socket:[",
    "pipe:[",
    // statfs: free space changes with any activity on the file system
    "f_bfree=",
    "f_bavail=",
    "f_ffree=",
    // sysinfo
    "uptime=",
    "freeram=",
    "sharedram=",
    "bufferram=",
    "freeswap=",
    "procs=",
];

/// The per-line part of [`mask_volatile`].
pub fn mask_volatile_line(line: &str) -> String {
    let mut m = line.to_string();
    for key in VOLATILE_FIELDS {
        m = mask_after(&m, key, "N", |_| true);
    }
    if let Some(start) = m.find("loads=[")
        && let Some(len) = m[start..].find(']')
    {
        m.replace_range(start + "loads=[".len()..start + len, "N");
    }
    for key in ["sin_port=htons(", "sin6_port=htons("] {
        m = mask_after(&m, key, "PORT", |_| true);
    }
    // A directory's size: only inside a struct that says S_IFDIR.
    for key in ["st_size=", "stx_size="] {
        m = mask_after(&m, key, "N", |before| {
            let open = before.rfind('{').unwrap_or(0);
            before[open..].contains("S_IFDIR")
        });
    }
    if m.starts_with("time(") {
        m = mask_long_numbers(&m, 9, "TIME");
    }
    mask_iso_dates(&m)
}

/// Replaces the dates strace prints next to times,
/// `2026-11-28T01:32:26+0000` (optionally with `.nnnnnnnnn` after the
/// seconds), with `DATE`.
fn mask_iso_dates(s: &str) -> String {
    // d = digit; anything else must match literally.
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd";
    let b = s.as_bytes();
    let fits = |at: usize, shape: &[u8]| {
        at + shape.len() <= b.len()
            && shape.iter().zip(&b[at..]).all(|(&p, &c)| {
                if p == b'd' {
                    c.is_ascii_digit()
                } else {
                    p == c
                }
            })
    };
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if fits(i, SHAPE) {
            let mut j = i + SHAPE.len();
            if j < b.len() && b[j] == b'.' {
                j += 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
            }
            if fits(j, b"+dddd") || fits(j, b"-dddd") {
                j += 5;
            }
            out.push_str(&s[last..i]);
            out.push_str("DATE");
            last = j;
            i = j;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

/// Replaces the (optionally negative) decimal number right after each
/// occurrence of `key` with `with`, where `key` starts a word and
/// `cond(text before key)` holds.
fn mask_after(s: &str, key: &str, with: &str, cond: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut consumed = 0;
    while let Some(pos) = rest.find(key) {
        let abs = consumed + pos;
        let boundary = abs == 0 || {
            let c = s.as_bytes()[abs - 1];
            !(c.is_ascii_alphanumeric() || c == b'_')
        };
        let after = &rest[pos + key.len()..];
        let neg = usize::from(after.starts_with('-'));
        let digits = after[neg..].bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&rest[..pos + key.len()]);
        if boundary && digits > 0 && cond(&s[..abs]) {
            out.push_str(with);
            rest = &after[neg + digits..];
            consumed = abs + key.len() + neg + digits;
        } else {
            rest = after;
            consumed = abs + key.len();
        }
    }
    out.push_str(rest);
    out
}

/// Replaces decimal numbers of at least `min_digits` digits (not part of a
/// word or a hex literal) with `with`.
fn mask_long_numbers(s: &str, min_digits: usize, with: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i].is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let clean = j == b.len() || !(b[j].is_ascii_alphanumeric() || b[j] == b'_');
            if clean && j - i >= min_digits {
                out.push_str(&s[last..i]);
                out.push_str(with);
                last = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

fn repad(orig: &str, masked: &str, column: usize) -> String {
    let (Some((ol, ospaces, _)), Some((ml, _, mres))) = (split_result(orig), split_result(masked))
    else {
        return masked.to_string();
    };
    if ospaces != padding(ol, column) {
        return masked.to_string();
    }
    format!("{}{mres}", pad_to(ml, column))
}

/// How many spaces strace puts after `left` (the call, up to its `)`) with
/// `-a column`: up to the column, at least one.
pub fn padding(left: &str, column: usize) -> usize {
    column.saturating_sub(left.len()).max(1)
}

/// `left` followed by its [`padding`], i.e. a trace line up to its `= `.
pub fn pad_to(left: &str, column: usize) -> String {
    format!("{left}{}", " ".repeat(padding(left, column)))
}

// ---------------------------------------------------------------------------
// Line extraction and comparison
// ---------------------------------------------------------------------------

/// The marker line as strace prints it with `-a column`.
pub fn marker_for_column(column: usize) -> String {
    format!(
        "{}= -1 EBADF (Bad file descriptor)",
        pad_to(r#"write(-1, "BEGIN", 5)"#, column)
    )
}

/// The lines after the marker line [`MARKER`] (exclusive). Panics, showing
/// the trace, if the marker line is not there exactly once.
pub fn after_marker(trace: &str) -> Vec<String> {
    after_marker_line(trace, MARKER)
}

/// The tracer's messages on `stderr`, its name taken off each (`umoven: short read ...`).
pub fn tracer_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, rest)| rest).to_string())
        .collect()
}

/// Like [`after_marker`] for a given marker line (see [`marker_for_column`]).
pub fn after_marker_line(trace: &str, marker: &str) -> Vec<String> {
    let lines: Vec<&str> = trace.lines().collect();
    let pos: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| **l == marker)
        .map(|(i, _)| i)
        .collect();
    assert!(
        pos.len() == 1,
        "expected the marker line exactly once ({} times):\n  {marker}\ntrace:\n{trace}",
        pos.len()
    );
    lines[pos[0] + 1..].iter().map(|s| s.to_string()).collect()
}

/// One step of an [`align`]ment of `expected` with `actual` lines; both
/// indices are where the step is in each list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `expected[i] == actual[j]`.
    Same(usize, usize),
    /// `expected[i]` has no counterpart (before `actual[j]`).
    Missing(usize, usize),
    /// `actual[j]` has no counterpart (before `expected[i]`).
    Extra(usize, usize),
}

/// Aligns two line lists along a longest common subsequence, so one extra
/// or missing line only costs that line (on ties a `Missing` step comes
/// before an `Extra` one). O(n*m) time and memory:
/// fine for traces of a few thousand lines.
pub fn align<A: AsRef<str>, B: AsRef<str>>(expected: &[A], actual: &[B]) -> Vec<Align> {
    let e: Vec<&str> = expected.iter().map(|s| s.as_ref()).collect();
    let a: Vec<&str> = actual.iter().map(|s| s.as_ref()).collect();
    // Equal heads and tails need no table.
    let mut head = 0;
    while head < e.len() && head < a.len() && e[head] == a[head] {
        head += 1;
    }
    let mut tail = 0;
    while tail < e.len() - head
        && tail < a.len() - head
        && e[e.len() - 1 - tail] == a[a.len() - 1 - tail]
    {
        tail += 1;
    }
    let (n, m) = (e.len() - head - tail, a.len() - head - tail);
    let (es, as_) = (&e[head..head + n], &a[head..head + m]);
    let w = m + 1;
    let mut t = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if es[i] == as_[j] {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let mut ops: Vec<Align> = (0..head).map(|k| Align::Same(k, k)).collect();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && es[i] == as_[j] {
            ops.push(Align::Same(head + i, head + j));
            i += 1;
            j += 1;
        } else if i < n && (j == m || t[(i + 1) * w + j] >= t[i * w + j + 1]) {
            ops.push(Align::Missing(head + i, head + j));
            i += 1;
        } else {
            ops.push(Align::Extra(head + i, head + j));
            j += 1;
        }
    }
    ops.extend((0..tail).map(|k| Align::Same(head + n + k, head + m + k)));
    ops
}

/// A unified-style diff (`-` expected, `+` actual) with 3 lines of context,
/// or None when equal. Long diffs are cut after `max_lines` output lines.
pub fn diff<A: AsRef<str>, B: AsRef<str>>(
    expected: &[A],
    actual: &[B],
    max_lines: usize,
) -> Option<String> {
    let e: Vec<&str> = expected.iter().map(|s| s.as_ref()).collect();
    let a: Vec<&str> = actual.iter().map(|s| s.as_ref()).collect();
    if e == a {
        return None;
    }
    let ops: Vec<(char, usize, usize, &str)> = align(&e, &a)
        .into_iter()
        .map(|op| match op {
            Align::Same(i, j) => (' ', i, j, e[i]),
            Align::Missing(i, j) => ('-', i, j, e[i]),
            Align::Extra(i, j) => ('+', i, j, a[j]),
        })
        .collect();
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(k, _)| k)
        .collect();
    let mut show = vec![false; ops.len()];
    for &k in &changed {
        let end = (k + 4).min(ops.len());
        show[k.saturating_sub(3)..end].fill(true);
    }
    let mut out = format!(
        "--- expected ({} lines)\n+++ actual ({} lines)\n",
        e.len(),
        a.len()
    );
    let mut printed = 0;
    let mut k = 0;
    while k < ops.len() {
        if !show[k] {
            k += 1;
            continue;
        }
        let start = k;
        while k < ops.len() && show[k] {
            k += 1;
        }
        let (_, ei, ai, _) = ops[start];
        out.push_str(&format!(
            "@@ expected line {} / actual line {} @@\n",
            ei + 1,
            ai + 1
        ));
        for op in &ops[start..k] {
            if printed >= max_lines {
                out.push_str("... (diff cut)\n");
                return Some(out);
            }
            out.push(op.0);
            out.push_str(op.3);
            out.push('\n');
            printed += 1;
        }
    }
    Some(out)
}

/// Asserts that `actual` equals `expected` line for line.
#[track_caller]
pub fn assert_lines<A: AsRef<str>, B: AsRef<str>>(actual: &[A], expected: &[B]) {
    if let Some(d) = diff(expected, actual, 80) {
        panic!("trace lines differ:\n{d}");
    }
}

/// The masked trace lines of `run` after the marker.
pub fn masked_after_marker(run: &Run) -> Vec<String> {
    after_marker(&mask(&run.trace))
}

/// The syscall name of a trace line (`openat` for `openat(AT_FDCWD, ...`),
/// None for `+++ ...`, `--- ...` and anything else.
pub fn syscall_name(line: &str) -> Option<&str> {
    let end = line.find('(')?;
    let name = &line[..end];
    if !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_') {
        Some(name)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// `-f` traces, split by process
// ---------------------------------------------------------------------------

/// A `-f` trace split by process.
#[derive(Debug, Default)]
pub struct PerPid {
    /// Pids in the order of their first line.
    pub order: Vec<u32>,
    /// Each pid's lines without the `PID ` prefix, unfinished/resumed pairs
    /// joined, padded for column 40 as if printed without prefix.
    pub lines: BTreeMap<u32, Vec<String>>,
    /// Malformed raw lines: no pid prefix, wrong padding, a resumed line
    /// without its unfinished one (or of another syscall), two unfinished
    /// lines in a row for one pid.
    pub errors: Vec<String>,
}

impl PerPid {
    pub fn of(&self, pid: u32) -> &[String] {
        self.lines.get(&pid).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn root(&self) -> u32 {
        *self.order.first().expect("empty trace")
    }
}

/// `line` with the run of spaces in front of ` = RESULT` recomputed for
/// column [`DEFAULT_COLUMN`]; lines without a result are returned unchanged.
pub fn repad_line(line: &str) -> String {
    match split_result(line) {
        Some((left, _, res)) => format!("{}{res}", pad_to(left, DEFAULT_COLUMN)),
        None => line.to_string(),
    }
}

/// Whether a raw (possibly prefixed) line is padded the way strace pads it.
pub fn padded_right(raw: &str) -> bool {
    match split_result(raw) {
        Some((left, spaces, _)) => spaces == padding(left, DEFAULT_COLUMN),
        None => true,
    }
}

/// How strace ends the first half of a call another process cut.
pub const UNFINISHED: &str = " <unfinished ...>";

/// Splits `PID text` as strace prints it with `-f`: the pid left-aligned
/// in 5 columns (`%-5d`), then one space. None if the prefix is not exactly
/// that.
pub fn parse_prefix(raw: &str) -> Option<(u32, &str)> {
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    let pid: u32 = raw[..digits].parse().ok()?;
    let width = digits.max(5) + 1;
    let prefix = raw.get(..width)?;
    (prefix == format!("{pid:<5} ")).then(|| (pid, &raw[width..]))
}

/// Splits a `-f` trace (every line `PID text`) by pid; see [`PerPid`].
pub fn split_by_pid(trace: &str) -> PerPid {
    let mut pp = PerPid::default();
    let mut pending: HashMap<u32, String> = HashMap::new();
    for (n, raw) in trace.lines().enumerate() {
        let n = n + 1;
        let Some((pid, text)) = parse_prefix(raw) else {
            pp.errors.push(format!("line {n}: no pid prefix: {raw:?}"));
            continue;
        };
        if !padded_right(raw) {
            pp.errors.push(format!("line {n}: wrong padding: {raw:?}"));
        }
        if !pp.lines.contains_key(&pid) {
            pp.order.push(pid);
        }
        let out = pp.lines.entry(pid).or_default();
        if let Some(head) = text.strip_suffix(UNFINISHED) {
            if let Some(prev) = pending.insert(pid, head.to_string()) {
                pp.errors.push(format!(
                    "line {n}: pid {pid} unfinished twice (first: {prev:?}): {raw:?}"
                ));
            }
            continue;
        }
        if let Some(rest) = text.strip_prefix("<... ") {
            let Some((name, tail)) = rest.split_once(" resumed>") else {
                pp.errors
                    .push(format!("line {n}: bad resumed line: {raw:?}"));
                continue;
            };
            match pending.remove(&pid) {
                Some(head) if syscall_name(&head) == Some(name) => {
                    out.push(repad_line(&format!("{head}{tail}")));
                }
                Some(head) => {
                    pp.errors.push(format!(
                        "line {n}: {raw:?} resumes another syscall: {head:?}"
                    ));
                    out.push(format!("{head}{UNFINISHED}"));
                    out.push(text.to_string());
                }
                None => {
                    pp.errors
                        .push(format!("line {n}: resumed without unfinished: {raw:?}"));
                    out.push(text.to_string());
                }
            }
            continue;
        }
        // Anything else for a pid with a pending call (`+++ killed`, a
        // detach) leaves that call unfinished: keep it as printed.
        if let Some(head) = pending.remove(&pid) {
            out.push(format!("{head}{UNFINISHED}"));
        }
        out.push(repad_line(text));
    }
    // Calls still unfinished at the end stay as printed.
    let mut left: Vec<_> = pending.into_iter().collect();
    left.sort();
    for (pid, head) in left {
        pp.lines
            .entry(pid)
            .or_default()
            .push(format!("{head}{UNFINISHED}"));
    }
    pp
}

/// Process-creating syscalls whose result is the new pid.
pub const FORKS: &[&str] = &["clone", "clone3", "fork", "vfork"];

/// The pids `lines` (one process's joined lines) created, in order.
pub fn children_of(lines: &[String]) -> Vec<u32> {
    lines
        .iter()
        .filter(|l| syscall_name(l).is_some_and(|n| FORKS.contains(&n)))
        .filter_map(|l| {
            let (_, _, res) = split_result(l)?;
            res.strip_prefix("= ")?.parse().ok()
        })
        .collect()
}

/// The TracerPid field of /proc/PID/status (0 when not traced).
pub fn tracer_pid(pid: u32) -> Option<u32> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find_map(|l| l.strip_prefix("TracerPid:"))
        .and_then(|v| v.trim().parse().ok())
}

/// The state letter of /proc/PID/stat (R, S, D, T, t, Z, ...).
pub fn proc_state(pid: u32) -> Option<char> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) S ..." -- comm may contain spaces and parens.
    let rp = s.rfind(')')?;
    s[rp + 1..].trim_start().chars().next()
}

/// Hides SIGCHLD's CPU times (`si_utime=N, si_stime=N`, and the ` /* 0.01 s */` a nonzero
/// one has), which depend on how long a child ran.
pub fn mask_child_times(line: &str) -> String {
    let mut s = line.to_string();
    for key in ["si_utime=", "si_stime="] {
        if let Some(p) = s.find(key) {
            let start = p + key.len();
            let mut end = s[start..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(s.len(), |e| start + e);
            if s[end..].starts_with(" /* ")
                && let Some(close) = s[end..].find(" */")
            {
                end += close + 3;
            }
            s.replace_range(start..end, "T");
        }
    }
    s
}

/// What strace-rs prints unlike strace: `trace(tracer)` gives a run's lines and messages;
/// strace runs before and after strace-rs, so what the kernel answered alike both times it
/// answered strace-rs too (see [`unlike_stable_lines`]).
pub fn unlike_strace(
    label: &str,
    count_always: bool,
    mut trace: impl FnMut(&str) -> (Vec<String>, Vec<String>),
) -> Vec<String> {
    let (first, messages) = trace(REAL_STRACE);
    let (ours, our_messages) = trace(STRACE_RS);
    let (second, _) = trace(REAL_STRACE);
    unlike_stable_lines(
        label,
        [&first, &second, &ours],
        (&messages, &our_messages),
        count_always,
    )
}

/// Fails listing the problems (the first 30) if there are any.
pub fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} lines differ:\n{}",
        problems.len(),
        problems
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The lines of a trace by strace-rs (`ours`) that differ from what two runs of strace
/// (`first`, `second`) printed alike, and messages (stderr lines) that differ from the first
/// run's, each described under `label`. The line counts must agree too: always when
/// `count_always`, else only when the two strace runs agree on theirs.
pub fn unlike_stable_lines(
    label: &str,
    [first, second, ours]: [&[String]; 3],
    (messages, our_messages): (&[String], &[String]),
    count_always: bool,
) -> Vec<String> {
    let mut problems = Vec::new();
    if (count_always || first.len() == second.len()) && ours.len() != first.len() {
        problems.push(format!(
            "{label}: {} lines, strace printed {}",
            ours.len(),
            first.len()
        ));
    }
    let stable = first
        .iter()
        .zip(second)
        .enumerate()
        .filter(|(_, (a, b))| a == b);
    for (i, (want, _)) in stable {
        let got = ours.get(i).map_or("<no line>", String::as_str);
        if got != want {
            problems.push(format!(
                "{label} line {i}:\n  strace:    {want}\n  strace-rs: {got}"
            ));
        }
    }
    if our_messages != messages {
        problems.push(format!(
            "{label}: messages differ:\n  strace:    {messages:?}\n  strace-rs: {our_messages:?}"
        ));
    }
    problems
}
