//! Printers for small fixed-layout structs.

use super::{Ctx, Sink};
use crate::mem::Memory;

/// `struct rlimit64` (`<linux/resource.h>`): two 64-bit limits.
pub fn rlimit<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    if addr == 0 {
        return sink.addr(0);
    }
    let mut raw = [0u8; 16];
    if ctx.mem.read(addr, &mut raw).is_err() {
        return sink.addr(addr);
    }
    let (cur, max) = raw.split_at(8);
    sink.begin_struct();
    sink.field("rlim_cur");
    sink.rlim(u64::from_ne_bytes(cur.try_into().unwrap_or_default()));
    sink.field("rlim_max");
    sink.rlim(u64::from_ne_bytes(max.try_into().unwrap_or_default()));
    sink.end_struct(false);
}
