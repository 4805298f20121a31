//! Process values: wait statuses and resource usage.

use super::structs::{Raw, read_struct};
use super::{Ctx, Sink};
use crate::mem::Memory;
use std::mem::{offset_of, size_of};

/// A pointer to an `int` wait status: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`.
pub fn wait_status<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        sink.wait_status(raw.i32(0));
        sink.end_array();
    });
}

/// A `struct timeval` inside a struct already read: `{tv_sec=0, tv_usec=101}`.
fn timeval<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize) {
    sink.begin_struct();
    sink.field("tv_sec");
    sink.int(raw.i64(off));
    sink.field("tv_usec");
    sink.int(raw.i64(off + 8));
    sink.end_struct(false);
}

/// A pointer to a `struct rusage`, abbreviated to its two times as strace shows it by default.
pub fn rusage<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(
        sink,
        ctx,
        addr,
        size_of::<libc::rusage>(),
        |sink, _, raw| {
            sink.begin_struct();
            sink.field("ru_utime");
            timeval(sink, raw, offset_of!(libc::rusage, ru_utime));
            sink.field("ru_stime");
            timeval(sink, raw, offset_of!(libc::rusage, ru_stime));
            sink.end_struct(true);
        },
    );
}
