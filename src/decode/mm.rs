//! Memory-management values that need more than a flag table.

use super::array::array;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;

/// The page size `mincore` counts in (x86_64).
const PAGE: u64 = 4096;

/// `mincore`'s vector: one byte per page of `len`, shown as numbers, at most `-s` of them
/// (all under `-v`), as strace's array printer shows them.
pub fn mincore_vec<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    let pages = len.div_ceil(PAGE);
    let shown = pages.min(ctx.opts.max_elements());
    // The vector in one read where it can be: what is shown and, when more follows, the byte
    // after it, which strace reads too. Memory that stops somewhere in between is found one
    // element at a time, as strace reads it (and a NULL or wrapping vector, or `-e verbose=`
    // leaving the call out, are its business).
    let want = usize::try_from(shown + u64::from(pages > shown)).unwrap_or(usize::MAX);
    let wraps = addr.checked_add(pages).is_none();
    let bulk = ctx.opts.verbose && !wraps && addr != 0;
    if !bulk || ctx.scratch.fill(ctx.mem, addr, want).is_err() {
        return array(sink, ctx, addr, pages, 1, |sink, _, raw| {
            sink.uint(u64::from(raw.0[0]))
        });
    }
    sink.begin_array();
    for &b in &ctx.scratch.bytes()[..shown as usize] {
        sink.uint(u64::from(b));
    }
    if pages > shown {
        sink.more();
    }
    sink.end_array();
}
