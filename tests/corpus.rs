//! The corpus: real programs (coreutils, `sh -c` scripts, `python3 -c`
//! snippets) traced by the real strace and by strace-rs, compared line by
//! line.
//!
//! Each program runs twice, `strace -o FILE -- PROG` then
//! `strace-rs -o FILE -- PROG`, each time in a fresh work dir (same path
//! length, same files in it, also the current directory) that the traces
//! show as `@TMP@`. Both traces are masked with `common::mask_volatile`
//! (addresses, pids, child pids, times, inode numbers, directory sizes,
//! ports, getrandom bytes) and aligned along a longest common subsequence,
//! so one extra or missing line costs one line, not the rest of the trace.
//! A reference line is *reproduced* when strace-rs printed it exactly.
//!
//! The test prints, per program, `NAME: reproduced X/Y` and the first
//! differing pairs, then `corpus: reproduced X/Y lines (P%)` and the
//! syscalls that account for most of the missed lines. It fails when P is
//! below [`CORPUS_MIN_PERCENT`].
//!
//! strace-rs does not follow forks yet, so everything is traced without
//! `-f`: for `sh -c` scripts only the shell itself is compared (its
//! `clone`, `wait4` and `SIGCHLD`), for `python3` snippets only the main
//! thread.
//!
//! Programs are named by absolute path, so the traces do not depend on the
//! runner's PATH (a `python3` shim, say).
//!
//! Set `CORPUS_DUMP=DIR` to get both masked traces of every program there
//! (`NN.strace.txt`, `NN.strace-rs.txt`) for a closer look with `diff`.
//!
//! Set `CORPUS_TRACER=/usr/bin/strace` to compare strace with itself: what
//! is then not reproduced is run-to-run noise the masking misses.
//!
//! Without strace installed the test prints a note and passes, except under
//! CI (`CI` set), where it fails.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The share of reference lines (in percent) strace-rs must reproduce.
/// Raise it as decoders land; never lower it to make a change pass.
const CORPUS_MIN_PERCENT: f64 = 98.0;

/// Programs traced at the same time (they use separate work dirs).
const PARALLEL: usize = 2;

/// Differing pairs shown per program.
const SHOW_PAIRS: usize = 3;

/// Causes shown in the final table.
const SHOW_CAUSES: usize = 20;

/// One corpus entry.
struct Program {
    name: &'static str,
    /// The command line, run in the work dir.
    argv: &'static [&'static str],
    /// What the work dir holds before the run: `(path, contents)`, a path
    /// ending in `/` being a directory (list parents first).
    files: &'static [(&'static str, &'static str)],
}

const TEXT: &str = "alpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\ngolf\nhotel\nindia\njuliett\n\
kilo\nlima\nmike\nnovember\noscar\npapa\nquebec\nromeo\nsierra\ntango\nuniform\nvictor\n\
whiskey\nxray\nyankee\nzulu\n";

const PY_FILES: &str = r#"
import os
os.mkdir("d")
with open("d/f.txt", "w") as f:
    f.write("hello\n" * 10)
with open("d/f.txt") as f:
    data = f.read()
st = os.stat("d/f.txt")
os.rename("d/f.txt", "d/g.txt")
names = sorted(os.listdir("d"))
fd = os.open("d/g.txt", os.O_RDONLY)
head = os.pread(fd, 5, 0)
os.close(fd)
os.unlink("d/g.txt")
os.rmdir("d")
print(len(data), st.st_size, names, head)
"#;

const PY_SOCKETPAIR: &str = r#"
import socket
a, b = socket.socketpair()
a.sendall(b"ping")
x = b.recv(16)
b.sendall(b"pong")
y = a.recv(16)
a.shutdown(socket.SHUT_WR)
z = b.recv(16)
a.close()
b.close()
print(x, y, z)
"#;

const PY_THREADS: &str = r#"
import os, threading, time
r, w = os.pipe()
def work(n):
    os.write(w, b"%d\n" % (n * n))
t = threading.Thread(target=work, args=(7,))
t.start()
got = os.read(r, 16)
time.sleep(0.05)
t.join()
os.close(r)
os.close(w)
print(got)
"#;

/// The traced process is the client, the server a forked (so untraced)
/// child; see [`PY_TCP_SERVER`] for why not a thread.
const PY_TCP_CLIENT: &str = r#"
import os, signal, socket
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD])
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
pid = os.fork()
if pid == 0:
    conn, _ = srv.accept()
    conn.sendall(conn.recv(16).upper())
    conn.close()
    os._exit(0)
srv.close()
c = socket.create_connection(("127.0.0.1", port))
c.sendall(b"hello")
reply = c.recv(16)
c.close()
_, status = os.waitpid(pid, 0)
print(reply, status)
"#;

/// The traced process is the server, the client a forked (so untraced)
/// child: with a thread, the main thread's futex calls on the GIL (how
/// many, and where) would depend on timing. (`python3 threads` has that
/// noise, a few futex lines, kept small by one short-lived thread.) SIGCHLD is blocked so that its delivery, whose place
/// in the trace also depends on timing, does not show.
const PY_TCP_SERVER: &str = r#"
import os, signal, socket
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD])
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
pid = os.fork()
if pid == 0:
    srv.close()
    c = socket.create_connection(("127.0.0.1", port))
    c.sendall(b"hello")
    c.recv(16)
    c.close()
    os._exit(0)
conn, peer = srv.accept()
data = conn.recv(16)
conn.sendall(data.upper())
conn.close()
_, status = os.waitpid(pid, 0)
srv.close()
print(data, peer[0], status)
"#;

const PROGRAMS: &[Program] = &[
    Program {
        name: "ls -la /usr",
        argv: &["/usr/bin/ls", "-la", "/usr"],
        files: &[],
    },
    Program {
        name: "cat /etc/passwd",
        argv: &["/usr/bin/cat", "/etc/passwd"],
        files: &[],
    },
    Program {
        name: "cp",
        argv: &["/usr/bin/cp", "a.txt", "b.txt"],
        files: &[("a.txt", TEXT)],
    },
    Program {
        name: "mv",
        argv: &["/usr/bin/mv", "a.txt", "sub/"],
        files: &[("a.txt", TEXT), ("sub/", "")],
    },
    Program {
        name: "stat /etc/passwd",
        argv: &["/usr/bin/stat", "/etc/passwd"],
        files: &[],
    },
    Program {
        name: "df /",
        argv: &["/usr/bin/df", "/"],
        files: &[],
    },
    Program {
        name: "date",
        argv: &["/usr/bin/date", "-d", "@1000000000"],
        files: &[],
    },
    Program {
        name: "sleep 0.1",
        argv: &["/usr/bin/sleep", "0.1"],
        files: &[],
    },
    Program {
        name: "env",
        argv: &["/usr/bin/env"],
        files: &[],
    },
    Program {
        name: "id",
        argv: &["/usr/bin/id"],
        files: &[],
    },
    Program {
        name: "touch",
        argv: &["/usr/bin/touch", "new.txt", "a.txt"],
        files: &[("a.txt", TEXT)],
    },
    Program {
        name: "mkdir -p",
        argv: &["/usr/bin/mkdir", "-p", "x/y/z"],
        files: &[],
    },
    Program {
        name: "rm -r",
        argv: &["/usr/bin/rm", "-r", "tree"],
        files: &[
            ("tree/", ""),
            ("tree/a", "a\n"),
            ("tree/sub/", ""),
            ("tree/sub/b", "b\n"),
        ],
    },
    Program {
        name: "ln -s",
        argv: &["/usr/bin/ln", "-s", "/etc/passwd", "link"],
        files: &[],
    },
    Program {
        name: "head -c 100",
        argv: &["/usr/bin/head", "-c", "100", "a.txt"],
        files: &[("a.txt", TEXT)],
    },
    Program {
        name: "wc -l",
        argv: &["/usr/bin/wc", "-l", "a.txt", "/etc/passwd"],
        files: &[("a.txt", TEXT)],
    },
    Program {
        name: "find",
        argv: &["/usr/bin/find", "tree"],
        files: &[("tree/", ""), ("tree/a", "a\n"), ("tree/sub/", "")],
    },
    Program {
        name: "sort",
        argv: &["/usr/bin/sort", "-r", "a.txt"],
        files: &[("a.txt", TEXT)],
    },
    Program {
        name: "sh redirect",
        argv: &["/bin/sh", "-c", "echo hi > f; cat f"],
        files: &[],
    },
    Program {
        name: "sh pipe",
        argv: &[
            "/bin/sh",
            "-c",
            "cat a.txt | wc -l > count; read n < count; echo \"lines: $n\" 2>&1",
        ],
        files: &[("a.txt", TEXT)],
    },
    Program {
        name: "sh loop exec",
        argv: &[
            "/bin/sh",
            "-c",
            "for i in 1 2 3; do echo $i >> log; done; cd sub && cd .. && test -s log && exec cat log",
        ],
        files: &[("sub/", "")],
    },
    Program {
        name: "python3 files",
        argv: &["/usr/bin/python3", "-c", PY_FILES],
        files: &[],
    },
    Program {
        name: "python3 socketpair",
        argv: &["/usr/bin/python3", "-c", PY_SOCKETPAIR],
        files: &[],
    },
    Program {
        name: "python3 threads",
        argv: &["/usr/bin/python3", "-c", PY_THREADS],
        files: &[],
    },
    Program {
        name: "python3 tcp client",
        argv: &["/usr/bin/python3", "-c", PY_TCP_CLIENT],
        files: &[],
    },
    Program {
        name: "python3 tcp server",
        argv: &["/usr/bin/python3", "-c", PY_TCP_SERVER],
        files: &[],
    },
];

/// What one program's comparison found.
struct Outcome {
    name: &'static str,
    reference: usize,
    reproduced: usize,
    /// (reference line, strace-rs line); either may be missing.
    pairs: Vec<(Option<String>, Option<String>)>,
    /// Reference lines not reproduced.
    missed: Vec<String>,
    notes: Vec<String>,
}

fn populate(dir: &TempDir, files: &[(&str, &str)]) {
    for (path, contents) in files {
        if let Some(d) = path.strip_suffix('/') {
            std::fs::create_dir(dir.join(d)).expect("create dir in work dir");
        } else {
            std::fs::write(dir.join(path), contents).expect("write file in work dir");
        }
    }
}

/// Traces `prog` with `tracer` in a fresh work dir; returns the run and the
/// masked trace lines.
fn traced(tracer: &str, prog: &Program) -> (Run, Vec<String>) {
    let argv: Vec<OsString> = prog.argv.iter().map(OsString::from).collect();
    traced_with(tracer, &[], &argv, prog.files)
}

/// Traces `argv` with `tracer` and `opts` in a fresh work dir holding `files`; returns the
/// run and the masked trace lines.
fn traced_with(
    tracer: &str,
    opts: &[&str],
    argv: &[OsString],
    files: &[(&str, &str)],
) -> (Run, Vec<String>) {
    let dir = TempDir::new();
    populate(&dir, files);
    let run = trace_in(tracer, opts, argv, Some(dir.path()));
    let masked = mask_volatile(&run.trace, &[(dir.as_str(), "@TMP@")], DEFAULT_COLUMN);
    let lines = masked.lines().map(str::to_string).collect();
    (run, lines)
}

fn compare(k: usize, prog: &Program) -> Outcome {
    let (want, want_lines) = traced(REAL_STRACE, prog);
    let tracer = std::env::var("CORPUS_TRACER").unwrap_or_else(|_| STRACE_RS.to_string());
    let (got, got_lines) = traced(&tracer, prog);
    if let Some(dir) = std::env::var_os("CORPUS_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create CORPUS_DUMP dir");
        for (tracer, lines) in [("strace", &want_lines), ("strace-rs", &got_lines)] {
            let mut text = format!("# {}\n", prog.name);
            for l in lines {
                text.push_str(l);
                text.push('\n');
            }
            std::fs::write(dir.join(format!("{k:02}.{tracer}.txt")), text)
                .expect("write to CORPUS_DUMP dir");
        }
    }
    let mut notes = Vec::new();
    if describe_status(&want.status) != "exited with 0" {
        notes.push(format!(
            "strace {}: {}",
            describe_status(&want.status),
            want.stderr.trim_end()
        ));
    }
    if describe_status(&got.status) != describe_status(&want.status) {
        notes.push(format!(
            "strace-rs {} (strace {}); stderr: {}",
            describe_status(&got.status),
            describe_status(&want.status),
            got.stderr.trim_end()
        ));
    }
    if got.stdout != want.stdout {
        notes.push("the program's stdout differs between the two runs".to_string());
    }

    let ops = align(&want_lines, &got_lines);
    let mut reproduced = 0;
    let mut missed = Vec::new();
    let mut pairs = Vec::new();
    // Pair the k-th missing with the k-th extra line of each run of
    // differences.
    let (mut gone, mut extra): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut flush = |gone: &mut Vec<usize>, extra: &mut Vec<usize>| {
        for k in 0..gone.len().max(extra.len()) {
            pairs.push((
                gone.get(k).map(|&i| want_lines[i].clone()),
                extra.get(k).map(|&j| got_lines[j].clone()),
            ));
        }
        gone.clear();
        extra.clear();
    };
    for op in ops {
        match op {
            Align::Same(..) => {
                reproduced += 1;
                flush(&mut gone, &mut extra);
            }
            Align::Missing(i, _) => {
                missed.push(want_lines[i].clone());
                gone.push(i);
            }
            Align::Extra(_, j) => extra.push(j),
        }
    }
    flush(&mut gone, &mut extra);
    Outcome {
        name: prog.name,
        reference: want_lines.len(),
        reproduced,
        pairs,
        missed,
        notes,
    }
}

/// What a missed reference line is counted under: its syscall name, or the
/// kind of non-syscall line.
fn cause(line: &str) -> String {
    if let Some(n) = syscall_name(line) {
        n.to_string()
    } else if line.starts_with("--- ") {
        "--- (signal)".to_string()
    } else if line.starts_with("+++ ") {
        "+++ (exit)".to_string()
    } else {
        "(other)".to_string()
    }
}

fn report(o: &Outcome) -> String {
    let mut s = format!("{}: reproduced {}/{}\n", o.name, o.reproduced, o.reference);
    for n in &o.notes {
        s.push_str(&format!("  note: {n}\n"));
    }
    for (want, got) in o.pairs.iter().take(SHOW_PAIRS) {
        s.push_str(&format!(
            "  - {}\n  + {}\n",
            want.as_deref().unwrap_or("(no line)"),
            got.as_deref().unwrap_or("(no line)")
        ));
    }
    if o.pairs.len() > SHOW_PAIRS {
        s.push_str(&format!(
            "  ... {} more differing pairs\n",
            o.pairs.len() - SHOW_PAIRS
        ));
    }
    s
}

#[test]
fn corpus() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping the corpus test");
        return;
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Outcome>>> =
        Mutex::new((0..PROGRAMS.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..PARALLEL {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    let Some(prog) = PROGRAMS.get(k) else { break };
                    let o = compare(k, prog);
                    results.lock().unwrap_or_else(|e| e.into_inner())[k] = Some(o);
                }
            });
        }
    });
    let results: Vec<Outcome> = results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|o| o.expect("every program compared"))
        .collect();

    let mut out = String::new();
    let (mut total, mut good) = (0, 0);
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    for o in &results {
        out.push_str(&report(o));
        total += o.reference;
        good += o.reproduced;
        for l in &o.missed {
            *causes.entry(cause(l)).or_default() += 1;
        }
    }
    let percent = if total == 0 {
        0.0
    } else {
        100.0 * good as f64 / total as f64
    };
    out.push_str(&format!(
        "\ncorpus: reproduced {good}/{total} lines ({percent:.2}%) in {} programs\n",
        results.len()
    ));
    let mut by_count: Vec<(String, usize)> = causes.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.push_str("most frequent causes (reference lines not reproduced, by syscall):\n");
    for (name, n) in by_count.iter().take(SHOW_CAUSES) {
        out.push_str(&format!("  {n:6}  {name}\n"));
    }
    if by_count.len() > SHOW_CAUSES {
        let rest: usize = by_count[SHOW_CAUSES..].iter().map(|c| c.1).sum();
        out.push_str(&format!(
            "  {rest:6}  ({} others)\n",
            by_count.len() - SHOW_CAUSES
        ));
    }
    println!("{out}");

    for o in &results {
        assert!(
            o.reference >= 10,
            "{}: the reference trace has only {} lines; is the program installed?\n{}",
            o.name,
            o.reference,
            report(o)
        );
    }
    assert!(
        percent >= CORPUS_MIN_PERCENT,
        "corpus: strace-rs reproduces {percent:.2}% of the reference lines, \
         below CORPUS_MIN_PERCENT = {CORPUS_MIN_PERCENT}"
    );
}

/// The extra masking must hide run-to-run noise only.
#[test]
fn volatile_masking() {
    let a = "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f1122334455) = 4242\n\
wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 4242\n\
--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4242, si_uid=0, si_status=0, si_utime=1, si_stime=0} ---\n\
clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=100000000}, NULL) = 0\n\
getsockname(3, {sa_family=AF_INET, sin_port=htons(40123), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0\n\
newfstatat(AT_FDCWD, \"/tmp/x\", {st_mode=S_IFDIR|0755, st_size=4096, ...}, 0) = 0\n\
newfstatat(AT_FDCWD, \"/tmp/y\", {st_mode=S_IFREG|0644, st_size=4096, ...}, 0) = 0\n\
time([1795829546 /* 2026-11-28T01:32:26+0000 */]) = 1795829546 (2026-11-28T01:32:26+0000)\n\
statx(AT_FDCWD, \"f\", 0, STATX_ALL, {stx_mask=STATX_ALL, stx_ino=1234567, stx_btime={tv_sec=1700000000, tv_nsec=1} /* 2023-11-14T22:13:20.000000001+0000 */}) = 0\n\
brk(NULL)                               = 0x19cc2000\n\
brk(0x19ce3000)                         = 0x19ce3000\n\
getdents64(3, 0x19cd3230 /* 208 entries */, 32768) = 6944\n\
futex(0xa5b8f8, FUTEX_WAKE_PRIVATE, 1)  = 1\n\
sysinfo({uptime=1679, loads=[111616, 105632, 76032], totalram=25276514304, freeram=22698049536, procs=110}) = 0\n";
    let m = mask_volatile(a, &[], DEFAULT_COLUMN);
    let want = "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0xADDR) = CPID\n\
wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = CPID\n\
--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=CPID, si_uid=0, si_status=0, si_utime=N, si_stime=N} ---\n\
clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=N, tv_nsec=N}, NULL) = 0\n\
getsockname(3, {sa_family=AF_INET, sin_port=htons(PORT), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0\n\
newfstatat(AT_FDCWD, \"/tmp/x\", {st_mode=S_IFDIR|0755, st_size=N, ...}, 0) = 0\n\
newfstatat(AT_FDCWD, \"/tmp/y\", {st_mode=S_IFREG|0644, st_size=4096, ...}, 0) = 0\n\
time([TIME /* DATE */])                 = TIME (DATE)\n\
statx(AT_FDCWD, \"f\", 0, STATX_ALL, {stx_mask=STATX_ALL, stx_ino=N, stx_btime={tv_sec=N, tv_nsec=N} /* DATE */}) = 0\n\
brk(NULL)                               = 0xADDR\n\
brk(0xADDR)                             = 0xADDR\n\
getdents64(3, 0xADDR /* 208 entries */, 32768) = 6944\n\
futex(0xa5b8f8, FUTEX_WAKE_PRIVATE, 1)  = 1\n\
sysinfo({uptime=N, loads=[N], totalram=25276514304, freeram=N, procs=N}) = 0\n";
    assert_eq!(m, want);
    // The plain mask leaves all of that alone (but for the address).
    assert!(mask(a).contains("tv_nsec=100000000"));
    // Alignment: one extra line costs one line.
    let e = ["a", "b", "c", "d"];
    let g = ["a", "x", "b", "c", "d"];
    let same = align(&e, &g)
        .iter()
        .filter(|o| matches!(o, Align::Same(..)))
        .count();
    assert_eq!(same, 4);
}

/// The `-v` corpus: programs whose structs and arrays `-v` shows in full (directory
/// entries, `struct stat` and `statx`, `struct utsname`, termios, control messages...).
const VERBOSE_PROGRAMS: &[Program] = &[
    Program {
        name: "ls -la /usr -v",
        argv: &["/usr/bin/ls", "-la", "/usr"],
        files: &[],
    },
    Program {
        name: "ls -la tree -v",
        argv: &["/usr/bin/ls", "-laR", "tree"],
        files: &[("tree/", ""), ("tree/a", "a\n"), ("tree/sub/", "")],
    },
    Program {
        name: "stat -v",
        argv: &["/usr/bin/stat", "/etc/passwd", "."],
        files: &[],
    },
    Program {
        name: "uname -a -v",
        argv: &["/usr/bin/uname", "-a"],
        files: &[],
    },
    Program {
        name: "id -v",
        argv: &["/usr/bin/id"],
        files: &[],
    },
    Program {
        name: "python3 socketpair -v",
        argv: &["/usr/bin/python3", "-c", PY_SOCKETPAIR],
        files: &[],
    },
];

/// A `-v` corpus entry: its name, command line and the files of its work dir.
type VerboseRun<'a> = (&'a str, Vec<OsString>, &'a [(&'a str, &'a str)]);

/// The lines of `a` that `b` has too, in order: what two runs of one tracer agree on.
fn stable(a: &[String], b: &[String]) -> Vec<String> {
    align(a, b)
        .into_iter()
        .filter_map(|op| match op {
            Align::Same(i, _) => Some(a[i].clone()),
            _ => None,
        })
        .collect()
}

/// Under `-v`, strace-rs prints every line that two runs of strace print alike (after the
/// corpus masking): what varies between strace's own runs is left out, everything else
/// must match.
#[test]
fn corpus_verbose() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping the -v corpus test");
        return;
    }
    let helper_argv = vec![
        helper("h_verbose").into_os_string(),
        ".".into(),
        "real".into(),
    ];
    let runs: Vec<VerboseRun> = VERBOSE_PROGRAMS
        .iter()
        .map(|p| (p.name, p.argv.iter().map(OsString::from).collect(), p.files))
        .chain(std::iter::once(("h_verbose real -v", helper_argv, &[][..])))
        .collect();
    let mut failures = String::new();
    for (name, argv, files) in &runs {
        let (_, first) = traced_with(REAL_STRACE, &["-v"], argv, files);
        let (_, second) = traced_with(REAL_STRACE, &["-v"], argv, files);
        let (_, got) = traced_with(STRACE_RS, &["-v"], argv, files);
        let want = stable(&first, &second);
        assert!(want.len() >= 10, "{name}: only {} stable lines", want.len());
        let missed: Vec<(Option<&String>, Option<&String>)> = align(&want, &got)
            .into_iter()
            .filter_map(|op| match op {
                Align::Missing(i, j) => Some((Some(&want[i]), got.get(j))),
                _ => None,
            })
            .collect();
        println!(
            "{name}: {}/{} stable lines",
            want.len() - missed.len(),
            want.len()
        );
        for (w, g) in missed.iter().take(SHOW_PAIRS) {
            failures.push_str(&format!(
                "{name}:\n  - {}\n  + {}\n",
                w.map_or("(no line)", |s| s.as_str()),
                g.map_or("(no line)", |s| s.as_str())
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "-v lines strace-rs does not reproduce:\n{failures}"
    );
}
