//! evdev's bit sets under `-X raw` and `-X verbose` end to end: `tests/helpers/h_ioctls.c`'s
//! evdev requests, every one made to succeed (an injected return value sizes the bit sets),
//! traced by the real strace twice and by strace-rs; every evdev line both strace runs print
//! alike must come out of strace-rs the same (the words holding a set under `-X raw`, the
//! named bits and the words in a comment under `-X verbose`).

mod common;

use common::*;

/// Whether `line` is an ioctl of evdev's type `'E'` (request bits 8..15), named or not.
fn evdev(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("ioctl(-1, ") else {
        return false;
    };
    if rest.starts_with("EVIOC") {
        return true;
    }
    let hex = rest.strip_prefix("0x").map(|h| {
        h.split(|c: char| !c.is_ascii_hexdigit())
            .next()
            .unwrap_or("")
    });
    hex.and_then(|h| u64::from_str_radix(h, 16).ok())
        .is_some_and(|code| (code >> 8) & 0xff == u64::from(b'E'))
}

/// The evdev lines after the marker and the messages of `tracer` running the helper with
/// `opts`, addresses masked.
fn traced(tracer: &str, opts: &[&str]) -> (Vec<String>, Vec<String>) {
    let (_dir, run) = trace_helper(tracer, opts, "h_ioctls", &[]);
    assert_status(&run.status, "exited with 0", &run.stderr);
    let lines = after_marker(&run.trace)
        .iter()
        .filter(|l| evdev(l))
        .map(|l| mask_addresses(l))
        .collect();
    (lines, Vec::new())
}

#[test]
fn evdev_bit_sets_in_every_style_like_strace() {
    if !real_strace_available() {
        return;
    }
    let inject = "inject=ioctl:retval=3";
    let sets: [&[&str]; 4] = [
        &["-e", "trace=ioctl,write", "-e", inject, "-X", "raw"],
        &["-e", "trace=ioctl,write", "-e", inject, "-X", "verbose"],
        &["-e", "trace=ioctl,write", "-e", inject, "-v", "-X", "raw"],
        &[
            "-e",
            "trace=ioctl,write",
            "-e",
            inject,
            "-v",
            "-X",
            "verbose",
        ],
    ];
    let problems: Vec<String> = sets
        .iter()
        .flat_map(|opts| unlike_strace(&format!("{opts:?}"), true, |t| traced(t, opts)))
        .collect();
    assert_no_problems(&problems);
}
