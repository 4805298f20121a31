//! The random-call comparison: `tests/helpers/h_random.c` makes a few hundred harmless calls
//! chosen by a seeded PRNG (random flag bits, bad and half-readable pointers, odd lengths,
//! random struct contents, junk in the upper halves of registers), and strace-rs must print
//! every line the real strace prints the same way in two runs of its own.
//!
//! The helper turns address randomisation off and keeps its data at a fixed address, and all
//! three runs use the same work directory (emptied in between), so nearly every line is the
//! same from run to run; the few that are not (times, the pid) are left out by the two
//! strace runs disagreeing on them. The tracers' own messages on stderr (strace's
//! `umovestr: short read` warnings) must match as well.

mod common;

use common::*;

/// Calls per seed.
const CALLS: &str = "400";

/// Runs the helper under `tracer` in `dir` (emptied first): the lines after the marker, and
/// the tracer's messages with its name taken off.
fn run(tracer: &str, dir: &TempDir, seed: &str) -> (Vec<String>, Vec<String>) {
    std::fs::remove_dir_all(dir.path()).expect("empty the work dir");
    std::fs::create_dir(dir.path()).expect("recreate the work dir");
    let exe = helper("h_random");
    let cmd = [
        exe.as_os_str(),
        dir.path().as_os_str(),
        seed.as_ref(),
        CALLS.as_ref(),
    ];
    let run = trace_in(tracer, &[], &cmd, Some(dir.path()));
    assert_status(&run.status, "exited with 0", &run.stderr);
    let messages = run
        .stderr
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, rest)| rest).to_string())
        .collect();
    // The work dir is made anew for each run: its entries' inode numbers and hash offsets
    // may or may not repeat, so they are masked whatever the runs say.
    let inode = regex::Regex::new(r"(d_ino|d_off)=\d+").unwrap();
    let lines = after_marker(&run.trace)
        .iter()
        .map(|l| inode.replace_all(l, "$1=N").into_owned())
        .collect();
    (lines, messages)
}

fn compare_seed(seed: &str) -> Vec<String> {
    let dir = TempDir::new();
    unlike_strace(&format!("seed {seed}"), false, |t| run(t, &dir, seed))
}

#[test]
fn random_calls_like_strace() {
    if !real_strace_available() {
        return;
    }
    let problems: Vec<String> = ["1", "2", "3", "4", "5"]
        .iter()
        .flat_map(|seed| compare_seed(seed))
        .collect();
    assert_no_problems(&problems);
}
