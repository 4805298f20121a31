//! `io_uring_setup`'s `struct io_uring_params` (`<linux/io_uring.h>`), as strace 6.1's
//! io_uring.c shows it: what the kernel reads (the flags, the SQ thread's CPU and idle
//! time, the work queue to attach to, the reserved words when set), then after a success
//! what it wrote (the ring sizes, the features, the rings' offsets, `[structs.io_*_offsets]`).

use super::fields;
use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values, fd};
use crate::mem::Memory;
use crate::table;

/// `sizeof(struct io_uring_params)`.
const PARAMS_SIZE: usize = 120;
// Its members' offsets.
const SQ_ENTRIES: usize = 0;
const CQ_ENTRIES: usize = 4;
const FLAGS: usize = 8;
const SQ_THREAD_CPU: usize = 12;
const SQ_THREAD_IDLE: usize = 16;
const FEATURES: usize = 20;
const WQ_FD: usize = 24;
const RESV: usize = 28;
const SQ_OFF: usize = 40;
const CQ_OFF: usize = 80;
/// `IORING_SETUP_ATTACH_WQ`: `wq_fd` is a descriptor.
const IORING_SETUP_ATTACH_WQ: u32 = 0x20;

/// The params at `addr`, shown once the call is done: its address when they cannot be read
/// or under `-e verbose=none`.
pub fn params<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, PARAMS_SIZE, |sink, ctx, raw| {
        sink.begin_struct();
        let flags = raw.u32(FLAGS);
        sink.field("flags");
        sink.flags(u64::from(flags), &table::FLAGS_URING_SETUP_FLAGS);
        sink.field("sq_thread_cpu");
        sink.hex(u64::from(raw.u32(SQ_THREAD_CPU)));
        sink.field("sq_thread_idle");
        sink.uint(u64::from(raw.u32(SQ_THREAD_IDLE)));
        if flags & IORING_SETUP_ATTACH_WQ != 0 {
            sink.field("wq_fd");
            fd(sink, ctx, raw.i32(WQ_FD));
        }
        let resv = [RESV, RESV + 4, RESV + 8].map(|off| raw.u32(off));
        if resv.iter().any(|&w| w != 0) {
            sink.field("resv");
            sink.begin_array();
            for w in resv {
                sink.hex(u64::from(w));
            }
            sink.end_array();
        }
        if matches!(outcome, Some(Outcome::Ok(_))) {
            written(sink, ctx, raw);
        }
        sink.end_struct(false);
    });
}

/// What a successful call wrote.
fn written<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, raw: Raw<'_>) {
    sink.field("sq_entries");
    sink.uint(u64::from(raw.u32(SQ_ENTRIES)));
    sink.field("cq_entries");
    sink.uint(u64::from(raw.u32(CQ_ENTRIES)));
    sink.field("features");
    sink.flags(
        u64::from(raw.u32(FEATURES)),
        &table::FLAGS_URING_SETUP_FEATURES,
    );
    let offsets = [
        ("sq_off", SQ_OFF, &table::STRUCT_IO_SQRING_OFFSETS),
        ("cq_off", CQ_OFF, &table::STRUCT_IO_CQRING_OFFSETS),
    ];
    for (name, at, desc) in offsets {
        sink.field(name);
        let bytes = raw.0.get(at..at + usize::from(desc.size)).unwrap_or(&[]);
        fields::whole(sink, ctx, desc, Raw(bytes));
    }
}
