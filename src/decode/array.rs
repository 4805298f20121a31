//! Arrays of fixed-size elements in tracee memory, shown the way strace shows them.

use super::structs::{MAX_STRUCT, Raw};
use super::{Ctx, Sink, Values};
use crate::mem::Memory;

/// Prints the `n` elements of `size` bytes at `addr`, each by `print`: `[{...}, {...}]`.
///
/// As strace's array printer does: `NULL` for a NULL pointer, `[]` for no element, the
/// address when the first element cannot be read or the array would wrap around, `...`
/// after `-s` elements unless `-v` shows them all, and `..., ... /* 0x... */` where the
/// memory stops being readable. Elements are read one at a time, so at most `-s` + 1 reads
/// are made when abbreviating.
pub fn array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    n: u64,
    size: usize,
    mut print: impl FnMut(&mut S, &mut Ctx<'_, M>, Raw<'_>),
) {
    if addr == 0 {
        return sink.addr(0);
    }
    if n == 0 {
        sink.begin_array();
        return sink.end_array();
    }
    let size = size.min(MAX_STRUCT);
    let wraps = n
        .checked_mul(size as u64)
        .and_then(|bytes| addr.checked_add(bytes))
        .is_none();
    if wraps {
        return sink.addr(addr);
    }
    // strace's print_array abbreviates only when `-v` is off.
    let limit = if ctx.opts.abbreviate {
        ctx.opts.max_strlen as u64
    } else {
        u64::MAX
    };
    let mut buf = [0u8; MAX_STRUCT];
    for i in 0..n {
        let at = addr + i * size as u64;
        if ctx.mem.read(at, &mut buf[..size]).is_err() {
            if i == 0 {
                return sink.addr(addr);
            }
            sink.more();
            sink.addr_comment(at);
            break;
        }
        if i == 0 {
            sink.begin_array();
        }
        if i >= limit {
            sink.more();
            break;
        }
        print(sink, ctx, Raw(&buf[..size]));
    }
    sink.end_array();
}
