//! bpf(2) end to end: `tests/helpers/h_bpf.c` makes every command with its attr NULL, of
//! size 0, unreadable, cut by the end of the memory and readable at sizes inside and past
//! the part the command reads. Traced by the real strace twice and by strace-rs under a
//! few option sets: every line both strace runs print alike must come out of strace-rs the
//! same.

mod common;

use common::*;

/// The lines after the marker of `tracer` running the helper with `opts`, addresses masked.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (dir, run) = trace_helper(tracer, opts, "h_bpf", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let trace = mask_with(&run.trace, &[(dir.as_str(), "DIR")]);
    let lines = after_marker(&trace)
        .iter()
        .map(|l| mask_addresses(l))
        .collect();
    (lines, Vec::new())
}

#[test]
fn bpf_attrs_like_strace() {
    if !real_strace_available() {
        return;
    }
    // Every call succeeding (injected), so the commands the kernel answers show their
    // answers' members too.
    let inject = "inject=bpf:retval=0";
    let sets: [&[&str]; 8] = [
        &["-e", "trace=bpf,write"],
        &["-e", "trace=bpf,write", "-v"],
        &["-e", "trace=bpf,write", "-y"],
        &["-e", "trace=bpf,write", "-X", "raw"],
        &["-e", "trace=bpf,write", "-X", "verbose", "-s", "8"],
        &["-e", "trace=bpf,write", "-e", "verbose=none"],
        &["-e", "trace=bpf,write", "-e", inject],
        &["-e", "trace=bpf,write", "-e", inject, "-v", "-y"],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}
