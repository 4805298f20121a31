//! Memory-management values that need more than a flag table.

use super::array::array;
use super::structs::read_struct;
use super::{Ctx, Group, Number, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, EnumTable};

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

/// The mode flags a NUMA policy mode carries (`MPOL_MODE_FLAGS`, <linux/mempolicy.h>).
const MPOL_MODE_FLAGS: u64 = 0xe000;
/// The bits of a node mask word (`unsigned long`).
const BITS_PER_LONG: u64 = 64;

/// A NUMA policy mode (`set_mempolicy`, `mbind`) as strace's `print_mode` shows it: the mode
/// named alone; with mode flags, the mode and the flags (`MPOL_BIND|MPOL_F_STATIC_NODES`,
/// `-X raw` the number); a mode without a name with flags, the whole as flags.
pub fn mpol_mode<S: Sink>(sink: &mut S, v: u64) {
    let flags = v & MPOL_MODE_FLAGS;
    let mode = v & !MPOL_MODE_FLAGS;
    if flags == 0 {
        return sink.enumeration(v, &table::ENUM_MPOL_MODES);
    }
    if table::ENUM_MPOL_MODES.name(mode).is_none() {
        return sink.flags(v, &table::FLAGS_MPOL_MODE_FLAGS);
    }
    sink.open(Group::Symbolic(Number::Hex(v)));
    sink.open(Group::Or);
    sink.enumeration(mode, &table::ENUM_MPOL_MODES);
    sink.flags(flags, &table::FLAGS_MPOL_MODE_FLAGS);
    sink.close();
    sink.close();
}

/// A node mask of `maxnode` bits: the words that hold them in padded hex
/// (`[0000000000000000, ...]`), as strace reads them (one bit fewer than `maxnode`, as the
/// kernel does); the address when `maxnode` leaves no whole word, or when the call `failed`
/// (strace reads no memory at the exit of a failed call).
pub fn nodemask<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    maxnode: u64,
    failed: bool,
) {
    let words = maxnode.wrapping_add(BITS_PER_LONG - 2) / BITS_PER_LONG;
    if words < maxnode / BITS_PER_LONG
        || (maxnode != 0 && words == 0)
        || unread(failed, addr, words)
    {
        return sink.addr(addr);
    }
    array(sink, ctx, addr, words, 8, |sink, _, raw| {
        sink.hex_padded(raw.u64(0), 16)
    });
}

/// A pointer to an `int` named by `table`: `[MPOL_DEFAULT]`.
pub fn enum_ptr<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    table: &'static EnumTable,
) {
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        // A C `int`, named by its bits as strace's printxval does.
        sink.enumeration(u64::from(raw.u32(0)), table);
        sink.end_array();
    });
}

/// `n` pointers at `addr`: `[0x7f0000001000, NULL]`.
pub fn addr_array<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    array(sink, ctx, addr, n, 8, |sink, _, raw| sink.addr(raw.u64(0)));
}

/// `n` `int`s at `addr`: `[0, -1]`.
pub fn int_array<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, n: u64) {
    array(sink, ctx, addr, n, 4, |sink, _, raw| {
        sink.int(i64::from(raw.i32(0)))
    });
}

/// `n` `int`s at `addr`, each a node or a negated error number: `[0, -EFAULT]`
/// (`move_pages`'s status); the address after a call that `failed`.
pub fn errno_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    n: u64,
    failed: bool,
) {
    if unread(failed, addr, n) {
        return sink.addr(addr);
    }
    array(sink, ctx, addr, n, 4, |sink, _, raw| {
        super::netlink::negated_errno(sink, raw.i32(0))
    });
}

/// Whether an array of `n` elements at `addr` printed at the exit of a call that `failed`
/// shows as its address: strace's array printer shows `NULL` and `[]` before it reads, and
/// reads nothing then.
fn unread(failed: bool, addr: u64, n: u64) -> bool {
    failed && addr != 0 && n != 0
}
