//! `RNDADDENTROPY` (`<linux/random.h>`): a `struct rand_pool_info`, whose `buf` is as long as
//! its `buf_size` member says, so no fixed layout describes it (strace's random_ioctl.c).

use super::string::buffer;
use super::structs::read_struct;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;

/// `RNDADDENTROPY`, `_IOW('R', 0x03, int [2])`.
pub const RNDADDENTROPY: u32 = 0x4008_5203;
/// `struct rand_pool_info`: `int entropy_count; int buf_size; __u32 buf[]` — `buf` at 8.
const BUF: u64 = 8;

/// `{entropy_count=3, buf_size=8, buf="12345678"}`: the caller's pool, read at entry.
pub fn add_entropy<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, BUF as usize, |sink, ctx, raw| {
        let size = raw.u32(4);
        sink.begin_struct();
        sink.field("entropy_count");
        sink.int(i64::from(raw.i32(0)));
        sink.field("buf_size");
        sink.int(i64::from(size as i32));
        sink.field("buf");
        buffer(sink, ctx, addr.wrapping_add(BUF), u64::from(size), false);
        sink.end_struct(false);
    });
}
