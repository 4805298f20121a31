//! POSIX message queues: `struct mq_attr` (`<linux/mqueue.h>`).

use super::structs::read_struct;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `struct mq_attr`: four `long`s and four reserved ones, all read (a struct that ends early
/// shows as its address, as strace reads it whole).
const MQ_ATTR_SIZE: usize = 64;

/// `{mq_flags=O_NONBLOCK, mq_maxmsg=10, mq_msgsize=8192, mq_curmsgs=0}`; `named_flags` false
/// shows the flags in hex, as strace does for `mq_open`'s.
pub fn mq_attr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    named_flags: bool,
) {
    read_struct(sink, ctx, addr, MQ_ATTR_SIZE, |sink, _, raw| {
        sink.begin_struct();
        sink.field("mq_flags");
        if named_flags {
            sink.flags(raw.u64(0), &table::FLAGS_MQ_ATTR_FLAGS);
        } else {
            sink.hex(raw.u64(0));
        }
        sink.field("mq_maxmsg");
        sink.int(raw.i64(8));
        sink.field("mq_msgsize");
        sink.int(raw.i64(16));
        sink.field("mq_curmsgs");
        sink.int(raw.i64(24));
        sink.end_struct(false);
    });
}
