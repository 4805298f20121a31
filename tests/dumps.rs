//! `-e read=` / `-e write=` hex dumps, compared line for line with strace 6.1 on
//! `tests/helpers/h_dumps.c`: iovec arrays buffer by buffer, a failed write, a negative
//! descriptor, msghdr and mmsghdr vectors, offsets past 1 MiB and a buffer that runs into
//! unmapped memory after its first 64 KiB.

mod common;

use common::*;

const OPTS: [&str; 6] = [
    "-e",
    "trace=writev,readv,write,sendmsg,recvmsg,sendmmsg,recvmmsg",
    "-e",
    "read=all",
    "-e",
    "write=!0,1,2",
];

/// The lines after the marker, addresses and the tracee's pid masked.
fn dump_lines(tracer: &str) -> Vec<String> {
    let (_dir, run) = trace_helper(tracer, &OPTS, "h_dumps", &[]);
    assert!(run.status.success(), "{tracer}: {run:?}");
    after_marker(&run.trace)
        .iter()
        .map(|l| {
            let l = mask_addresses(l);
            match l.split_once(" from pid ") {
                Some((head, tail)) => {
                    let rest = tail.split_once(' ').map_or("", |(_, r)| r);
                    format!("{head} from pid PID {rest}")
                }
                None => l,
            }
        })
        .collect()
}

#[test]
fn dumps_match_strace() {
    let ours = dump_lines(STRACE_RS);
    // What the dumps must hold, whoever prints them.
    for want in [
        " * 3 bytes in buffer 0",
        " * 5 bytes in buffer 1",
        " | 00000  6c 6f 73 74                                       lost             |",
        " = 1 buffers in vector 1",
        " | 100000  78 78 78 78 78 78 78 78  78 78 78 78 78 78 78 78  xxxxxxxxxxxxxxxx |",
        " | <Cannot fetch 16 bytes from pid PID @0xADDR>",
    ] {
        assert!(
            ours.iter().any(|l| l == want),
            "no line {want:?} in:\n{}",
            tail(&ours)
        );
    }
    // An empty buffer ends a dump (writev's fourth buffer is not dumped), and a negative
    // descriptor has none.
    for not in ["62 63 64 65", "6e 65 76 65 72"] {
        let n = ours.iter().filter(|l| l.contains(not)).count();
        let expected = usize::from(not == "62 63 64 65") * 3;
        assert_eq!(n, expected, "{not}:\n{}", tail(&ours));
    }
    if real_strace_available() {
        let theirs = dump_lines(REAL_STRACE);
        if let Some(d) = diff(&theirs, &ours, 40) {
            panic!("strace-rs differs from strace:\n{d}");
        }
    }
}

/// The lines other than the 64K lines of the big dumps, to show in a failure.
fn tail(lines: &[String]) -> String {
    let shown: Vec<&str> = lines
        .iter()
        .filter(|l| !l.contains("  xxxxxxxx") && !l.contains("  qqqqqq"))
        .map(String::as_str)
        .collect();
    shown.join("\n")
}
