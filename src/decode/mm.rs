//! Memory-management values that need more than a flag table.

use super::{Ctx, Sink, Values};
use crate::mem::Memory;

/// The page size `mincore` counts in (x86_64).
const PAGE: u64 = 4096;

/// `mincore`'s vector: one byte per page of `len`, shown as numbers, at most `-s` of them.
pub fn mincore_vec<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if addr == 0 {
        return sink.addr(0);
    }
    let pages = len.div_ceil(PAGE);
    let limit = ctx.opts.max_strlen as u64;
    let shown = pages.min(limit) as usize;
    let Ok(buf) = ctx.scratch.fill(ctx.mem, addr, shown) else {
        return sink.addr(addr);
    };
    sink.begin_array();
    for &b in buf.iter() {
        sink.uint(u64::from(b));
    }
    if pages > limit {
        sink.more();
    }
    sink.end_array();
}
