//! `BLKTRACESETUP` (`<linux/blktrace_api.h>`), as strace 6.1's block.c shows it: the request
//! the caller set, and after a successful call, inside the same braces, the name the kernel
//! wrote. A struct split across entry and exit is no sink group (each half has a sink of
//! its own), so the whole struct is read and shown at exit: the kernel writes nothing but
//! the name, and the line reads the same (only a line another process interrupts shows the
//! struct after `resumed>` where strace shows most of it before).

use super::fields::{self, Shown};
use super::structs::read_struct;
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `BLKTRACESETUP` (`_IOWR(0x12, 115, struct blk_user_trace_setup)`).
pub const BLKTRACESETUP: u32 = 0xc048_1273;

/// The request's argument, at exit (`outcome` is `None` at entry: nothing yet).
pub fn trace_setup<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let Some(outcome) = outcome else {
        return;
    };
    let request = &table::STRUCT_BLK_USER_TRACE_SETUP;
    let size = usize::from(request.size);
    read_struct(sink, ctx, addr, size, |sink, ctx, raw| {
        sink.begin_struct();
        fields::members(sink, ctx, request, raw, Shown::all(size));
        if let Outcome::Ok(_) = outcome {
            let name = &table::STRUCT_BLK_USER_TRACE_NAME;
            fields::members(sink, ctx, name, raw, Shown::all(size));
        }
        sink.end_struct(false);
    });
}
