//! `-N`/`--arg-names` (strace 6.16) end to end: `tests/helpers/h_argnames.c` traced with `-N`
//! must give, with the names taken out, exactly what strace 6.1 prints (the separators stay
//! where 6.1 puts them), with a name on every argument; a few lines' names are written out.
//! And the JSON of the same calls: `args` keyed by those names, in the order of the call.

mod common;

use common::*;
use serde_json::Value;

/// The top-level arguments of a syscall line `name(a, b) = r` (quotes, brackets, braces and
/// parentheses kept whole), and what follows the closing parenthesis; `None` for a line
/// that is no syscall line.
fn split_args(line: &str) -> Option<(&str, Vec<&str>, &str)> {
    let open = line.find('(')?;
    let name = &line[..open];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let bytes = line.as_bytes();
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    let mut start = open + 1;
    let mut args = Vec::new();
    for i in open + 1..bytes.len() {
        let c = bytes[i];
        if quoted {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => quoted = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => quoted = true,
            b'[' | b'{' | b'(' => depth += 1,
            b']' | b'}' => depth -= 1,
            b')' if depth > 0 => depth -= 1,
            b')' => {
                if i > start {
                    args.push(&line[start..i]);
                }
                return Some((name, args, &line[i + 1..]));
            }
            b',' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => {
                args.push(&line[start..i]);
                start = i + 2;
            }
            _ => {}
        }
    }
    None
}

/// The name an argument starts with (`flags=O_RDONLY`: `flags`), if it has one.
fn arg_name(arg: &str) -> Option<&str> {
    let (name, _) = arg.split_once('=')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    ((first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
    .then_some(name)
}

/// A `-N` line with its argument names taken out (and the return column set again), and the
/// names it had; lines that are no syscall line come back as they are.
fn unnamed(line: &str) -> (String, Vec<String>) {
    let Some((name, args, tail)) = split_args(line) else {
        return (line.to_string(), Vec::new());
    };
    let mut names = Vec::new();
    let plain: Vec<&str> = args
        .iter()
        .map(|a| match arg_name(a) {
            Some(n) => {
                names.push(n.to_string());
                &a[n.len() + 1..]
            }
            None => a,
        })
        .collect();
    let text = format!("{name}({}){}", plain.join(", "), tail.trim_start());
    let text = match text.rfind(") = ").or_else(|| text.rfind(")= ")) {
        Some(_) => repad_line(&text.replacen(")= ", ") = ", 1)),
        None => text,
    };
    (text, names)
}

/// The helper's lines under strace-rs `-N`, each with its names taken out and the names.
fn named_run() -> Vec<(String, Vec<String>)> {
    let (_dir, run) = trace_helper(STRACE_RS, &["-N"], "h_argnames", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    assert_eq!(run.stderr, "", "strace-rs wrote to stderr with -o");
    run.trace.lines().map(unnamed).collect()
}

/// The lines after the marker, masked as the other end-to-end tests mask them.
fn after_the_marker(lines: &[String]) -> Vec<String> {
    masked_after_marker(&Run {
        status: std::process::ExitStatus::default(),
        stdout: String::new(),
        stderr: String::new(),
        trace: lines.join("\n") + "\n",
    })
}

#[test]
fn names_taken_out_give_strace_6_1s_lines() {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping");
        return;
    }
    let named = named_run();
    let ours: Vec<String> = named.iter().map(|(l, _)| l.clone()).collect();
    let (_dir, want) = trace_helper(REAL_STRACE, &[], "h_argnames", &[]);
    // getpid's pid differs between the runs, and kill takes it.
    let pid_free = |lines: Vec<String>| -> Vec<String> {
        let pid = lines
            .iter()
            .find_map(|l| {
                l.strip_prefix("getpid()")
                    .map(|r| r.rsplit(' ').next().unwrap())
            })
            .expect("getpid line")
            .to_string();
        lines.iter().map(|l| l.replace(&pid, "PID")).collect()
    };
    assert_lines(
        &pid_free(after_the_marker(&ours)),
        &pid_free(masked_after_marker(&want)),
    );
}

#[test]
fn every_argument_is_named_as_the_table_says() {
    let named = named_run();
    let start = named
        .iter()
        .position(|(l, _)| l.starts_with("write(-1, \"BEGIN\", 5)"))
        .expect("the marker");
    let calls: Vec<(String, Vec<String>)> = named[start + 1..]
        .iter()
        .filter(|(l, _)| split_args(l).is_some())
        .cloned()
        .collect();
    for (line, names) in &calls {
        let (_, args, _) = split_args(line).unwrap();
        assert_eq!(
            names.len(),
            args.len(),
            "an argument without its name: {line}"
        );
    }
    let expected: &[(&str, &[&str])] = &[
        (
            "openat(AT_FDCWD, \"f\", O_WRONLY",
            &["dirfd", "pathname", "flags", "mode"],
        ),
        (
            "openat(AT_FDCWD, \"f\", O_RDONLY)",
            &["dirfd", "pathname", "flags"],
        ),
        ("write(3, ", &["fd", "buf", "count"]),
        ("lseek(", &["fd", "offset", "whence"]),
        ("read(-1, ", &["fd", "buf", "count"]),
        ("fcntl(3, F_GETFD)", &["fd", "op"]),
        ("fcntl(3, F_SETFD", &["fd", "op", "arg"]),
        ("pipe2(", &["pipefd", "flags"]),
        ("ioctl(", &["fd", "op", "argp"]),
        ("socket(", &["domain", "type", "protocol"]),
        (
            "futex(0xADDR, FUTEX_WAKE_PRIVATE",
            &["uaddr", "futex_op", "val"],
        ),
        (
            "futex(0xADDR, FUTEX_WAIT_PRIVATE",
            &["uaddr", "futex_op", "val", "timeout"],
        ),
        ("prctl(PR_SET_NAME", &["op", "name"]),
        ("prctl(PR_GET_NAME", &["op", "name"]),
        ("kill(", &["pid", "signum"]),
        ("wait4(", &["pid", "status", "options", "usage"]),
        (
            "mmap(",
            &["addr", "length", "prot", "flags", "fd", "offset"],
        ),
        (
            "syscall_0x1f4(",
            &["arg1", "arg2", "arg3", "arg4", "arg5", "arg6"],
        ),
        ("exit_group(", &["status"]),
    ];
    let masked: Vec<(String, Vec<String>)> = calls
        .iter()
        .map(|(l, n)| (mask_addresses(l), n.clone()))
        .collect();
    for (prefix, want) in expected {
        let got = masked
            .iter()
            .find(|(l, _)| l.starts_with(prefix))
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| panic!("no line {prefix}"));
        assert_eq!(got, *want, "{prefix}");
    }
}

#[test]
fn the_long_option_and_one_whole_line() {
    let (_dir, run) = trace_helper(
        STRACE_RS,
        &["--arg-names", "-e", "trace=openat,fcntl"],
        "h_argnames",
        &[],
    );
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines: Vec<&str> = run
        .trace
        .lines()
        .filter(|l| l.contains("\"f\"") || l.starts_with("fcntl("))
        .collect();
    assert_eq!(
        lines,
        [
            r#"openat(dirfd=AT_FDCWD, pathname="f", flags=O_WRONLY|O_CREAT|O_TRUNC, mode=0640) = 3"#,
            r#"openat(dirfd=AT_FDCWD, pathname="f", flags=O_RDONLY) = 3"#,
            "fcntl(fd=3, op=F_GETFD)                 = 0",
            "fcntl(fd=3, op=F_SETFD, arg=FD_CLOEXEC) = 0",
        ]
    );
}

#[test]
fn json_args_are_keyed_by_name_in_order() {
    let (_dir, run) = trace_helper(
        STRACE_RS,
        // syscall 500 is past the table: always shown, whatever -e trace= says.
        &["--json", "-e", "trace=openat,read,futex"],
        "h_argnames",
        &[],
    );
    assert_status(&run.status, "exited with 0", &run.stderr);
    let events: Vec<Value> = run
        .trace
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .filter(|e: &Value| e["event"] == "syscall")
        .collect();
    let keys =
        |e: &Value| -> Vec<String> { e["args"].as_object().unwrap().keys().cloned().collect() };
    let of = |path: &str| -> Vec<&Value> {
        events
            .iter()
            .filter(|e| e["syscall"] == "openat" && e["args"]["pathname"]["str"] == path)
            .collect()
    };
    let created = of("f");
    assert_eq!(created.len(), 2, "{}", run.trace);
    assert_eq!(keys(created[0]), ["dirfd", "pathname", "flags", "mode"]);
    assert_eq!(
        created[0]["args"]["flags"]["names"],
        serde_json::json!(["O_WRONLY", "O_CREAT", "O_TRUNC"])
    );
    assert_eq!(
        created[0]["args"]["mode"],
        serde_json::json!({"octal": "0640"})
    );
    assert_eq!(keys(created[1]), ["dirfd", "pathname", "flags"]);
    assert_eq!(
        created[1]["args"]["flags"]["names"],
        serde_json::json!(["O_RDONLY"])
    );
    // A buffer shown at exit keeps its place between fd and count.
    let read = events
        .iter()
        .find(|e| e["syscall"] == "read" && e["args"]["buf"]["str"] == "hello\n")
        .expect("the read of f");
    assert_eq!(keys(read), ["fd", "buf", "count"]);
    assert_eq!(read["args"]["count"], 64);
    let wait = events
        .iter()
        .find(|e| e["syscall"] == "futex" && e["args"]["futex_op"]["name"] == "FUTEX_WAIT_PRIVATE")
        .expect("the futex wait");
    assert_eq!(keys(wait), ["uaddr", "futex_op", "val", "timeout"]);
    let unknown = events
        .iter()
        .find(|e| e["syscall"] == "syscall_0x1f4")
        .expect("syscall 500");
    assert_eq!(
        keys(unknown),
        ["arg1", "arg2", "arg3", "arg4", "arg5", "arg6"]
    );
    assert_eq!(unknown["args"]["arg6"], serde_json::json!({"hex": "0x6"}));
}

/// As strace 6.16 warns: the names change nothing of a summary.
#[test]
fn with_a_summary_the_names_have_no_effect() {
    let out = run(STRACE_RS, &["-c", "-N", "-o", "/dev/null", "true"]);
    assert!(out.status.success(), "{}", out.stderr);
    assert_eq!(
        tracer_messages(&out.stderr),
        ["-N/--arg-names has no effect with -c/--summary-only"]
    );
}

/// The calls whose text under `-N` leaves an argument unnamed (as strace 6.16 does), which
/// JSON still keys: `time`'s pointer, and the pseudo-arguments of `rt_sigreturn` and
/// `restart_syscall`.
const UNNAMED_IN_TEXT: &[(&str, &str)] = &[
    ("time", "tloc"),
    ("rt_sigreturn", "frame"),
    ("restart_syscall", "resuming"),
];

/// The names each `-N` line shows are the keys of its JSON event's `args`, in order, for every
/// call of a few programs (the same stops rendered both ways, `--json-and-text`).
#[test]
fn the_text_shows_the_names_json_keys_by() {
    let work = TempDir::new();
    let helper_cmd = vec![
        helper("h_argnames").into_os_string(),
        work.path().as_os_str().to_owned(),
    ];
    let programs: Vec<Vec<std::ffi::OsString>> = vec![
        helper_cmd,
        vec!["/bin/ls".into(), "-l".into(), "/".into()],
        vec![
            "/bin/sh".into(),
            "-c".into(),
            "echo x > f; cat f; kill -0 $$".into(),
        ],
    ];
    for cmd in programs {
        let dir = TempDir::new();
        let json_file = dir.join("trace.jsonl");
        let json_arg = json_file.to_string_lossy().into_owned();
        let run = trace_in(
            STRACE_RS,
            &["-N", "--json-and-text", &json_arg],
            &cmd,
            Some(dir.path()),
        );
        assert!(run.status.success(), "{cmd:?}: {}", run.stderr);
        let json = std::fs::read_to_string(&json_file).expect("JSON trace");
        let events: Vec<Value> = json
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|e| e["event"] == "syscall")
            .collect();
        let lines: Vec<&str> = run
            .trace
            .lines()
            .filter(|l| split_args(l).is_some())
            .collect();
        assert_eq!(lines.len(), events.len(), "{cmd:?}:\n{}", run.trace);
        for (line, event) in lines.iter().zip(&events) {
            let syscall = event["syscall"].as_str().unwrap();
            let keys: Vec<String> = event["args"]
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| !UNNAMED_IN_TEXT.contains(&(syscall, k.as_str())))
                .cloned()
                .collect();
            assert!(line.starts_with(&format!("{syscall}(")), "{line} / {event}");
            assert_eq!(unnamed(line).1, keys, "{line}\n{event}");
        }
    }
}
