//! `-e inject=SET:poke_enter=@argN=HEX` / `poke_exit=`, compared with strace 6.1: the helper
//! (`tests/helpers/h_poke.c`) makes calls whose argument buffers get poked at entry (chdir, on
//! an aligned, an unaligned and a read-only buffer, on an unmapped page and across into one;
//! rename, one buffer in both arguments) and at exit (getcwd), and prints what each buffer
//! holds afterwards. Both tracers run it with the same options; the traces (addresses and the
//! work dir masked), the program's stdout (what the tracer wrote), the tracer's stderr (its
//! notes, pids and addresses masked) and the exit status must be the same.

mod common;

use common::*;

/// Runs `h_poke` under `tracer` with `opts`: the masked trace, stdout and stderr, and status.
fn run_poke(tracer: &str, opts: &[&str]) -> (Vec<String>, String, String, String) {
    let (dir, run) = trace_helper(tracer, opts, "h_poke", &[]);
    let subs = [(dir.as_str(), "@TMP@")];
    // The trace sets leave out the helper's marker: the whole trace is compared (the setup's
    // chdir into the work dir is its first line).
    let trace = mask_with(&run.trace, &subs)
        .lines()
        .map(str::to_string)
        .collect();
    let stdout = run.stdout.replace(dir.as_str(), "@TMP@");
    (
        trace,
        stdout,
        mask_messages(&run.stderr, tracer),
        describe_status(&run.status),
    )
}

/// The tracer's messages with its name, the tracee's pid and addresses masked.
fn mask_messages(stderr: &str, tracer: &str) -> String {
    let name = tracer.rsplit('/').next().unwrap_or(tracer);
    let named = stderr
        .replace(&format!("{tracer}: "), "TRACER: ")
        .replace(&format!("{name}: "), "TRACER: ");
    let mut out = mask_addresses(&named);
    for key in ["process ", "pid:"] {
        let mut masked = String::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find(key) {
            let (head, tail) = rest.split_at(i + key.len());
            masked.push_str(head);
            let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                masked.push_str("PID");
            }
            rest = &tail[digits..];
        }
        masked.push_str(rest);
        out = masked;
    }
    out
}

/// Each option set, strace-rs against strace; panics listing every difference.
fn compare_pokes(sets: &[&[&str]]) {
    if !real_strace_available() {
        eprintln!("note: {REAL_STRACE} is not installed; skipping the poke comparisons");
        return;
    }
    let mut failures = String::new();
    for opts in sets {
        let want = run_poke(REAL_STRACE, opts);
        let got = run_poke(STRACE_RS, opts);
        assert!(
            want.0.iter().any(|l| l.contains(" (INJECTED: args")),
            "{opts:?}: strace poked nothing:\n{}",
            want.0.join("\n")
        );
        if let Some(d) = diff(&want.0, &got.0, 60) {
            failures.push_str(&format!("=== {opts:?}: masked trace differs:\n{d}"));
        }
        for (what, w, g) in [
            ("program stdout", &want.1, &got.1),
            ("stderr", &want.2, &got.2),
            ("exit status", &want.3, &got.3),
        ] {
            if w != g {
                failures.push_str(&format!(
                    "=== {opts:?}: {what}: strace {w:?}, strace-rs {g:?}\n"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "strace-rs differs from strace:\n{failures}"
    );
}

/// The setup's chdir into the work dir is call 1 of chdir, so the chdir rules start at 2.
const CHDIR_POKED: &str = "inject=chdir:poke_enter=@arg1=3f5354524143457374726163653f00:when=2+";

#[test]
fn pokes_at_entry_and_exit() {
    compare_pokes(&[
        // Entry pokes on every kind of buffer (a read-only one is written with
        // PTRACE_POKEDATA, an unmapped one cannot be: strace's notes), rename's two
        // pokes into one buffer (strace writes the last one first), getcwd poked at exit.
        &[
            "-e",
            "trace=chdir,rename,getcwd",
            "-e",
            CHDIR_POKED,
            "-e",
            "inject=rename:poke_enter=@arg1=4100,@arg2=4200",
            "-e",
            "inject=getcwd:poke_exit=@arg1=5374726163652100:when=1",
        ],
        // Pokes with a return value (`(INJECTED: args, retval)`) and delays; the getcwd that
        // does not run is poked at exit and shown up to the length it "returned"; an argument
        // the call does not have.
        &[
            "-e",
            "trace=chdir,rename,getcwd",
            "-e",
            "inject=chdir:poke_enter=@arg1=2e00:retval=0:delay_enter=1:when=2..3",
            "-e",
            "inject=rename:poke_exit=@arg2=4200,@arg3=00:error=EXDEV:delay_exit=1",
            "-e",
            "inject=getcwd:poke_exit=@arg1=41414141414141414141:retval=5:when=2",
        ],
        // Only the calls shown are tampered with.
        &[
            "-a10",
            "-e",
            "trace=rename",
            "-e",
            "inject=chdir,rename:poke_enter=@arg1=5900",
        ],
    ]);
}

/// The parse errors, exactly as strace words them (and its exit status).
#[test]
fn bad_pokes_are_refused() {
    for arg in [
        "chdir:poke_enter=@arg1=000",
        "chdir:poke_enter=@arg8=00",
        "chdir:poke_exit=@arg1=00,@arg1=00",
        "chdir:poke_enter=",
    ] {
        let out = run(STRACE_RS, &["-e", &format!("inject={arg}"), "true"]);
        assert_eq!(out.status.code(), Some(1), "{arg}");
        assert_eq!(
            out.stderr,
            format!("strace-rs: invalid inject argument '{arg}'\n")
        );
        let out = run(STRACE_RS, &["-e", &format!("fault={arg}"), "true"]);
        assert_eq!(
            out.stderr,
            format!("strace-rs: invalid fault argument '{arg}'\n")
        );
    }
}
