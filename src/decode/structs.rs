//! Reading fixed-layout structs from tracee memory, and printers for small ones.

use super::{Ctx, Group, Sink, Values};
use crate::mem::Memory;

/// The largest struct read in one piece (`struct utsname` is 390 bytes).
pub const MAX_STRUCT: usize = 512;
/// The largest struct the spec may lay out (`spec_structs::MAX_STRUCT`), read past
/// [`MAX_STRUCT`] on the heap.
pub const MAX_BIG_STRUCT: usize = 4096;

/// A struct's bytes as read, with typed access by offset (native endian, as the kernel wrote
/// them). Offsets come from `libc` types or the kernel headers, named at each use.
#[derive(Clone, Copy)]
pub struct Raw<'a>(pub &'a [u8]);

impl Raw<'_> {
    fn bytes<const N: usize>(&self, off: usize) -> [u8; N] {
        self.0
            .get(off..off + N)
            .and_then(|b| b.try_into().ok())
            .unwrap_or([0; N])
    }
    pub fn i16(&self, off: usize) -> i16 {
        i16::from_ne_bytes(self.bytes(off))
    }
    pub fn u16(&self, off: usize) -> u16 {
        u16::from_ne_bytes(self.bytes(off))
    }
    /// A 16-bit value in network byte order (a port).
    pub fn be16(&self, off: usize) -> u16 {
        u16::from_be_bytes(self.bytes(off))
    }
    /// A 32-bit value in network byte order.
    pub fn be32(&self, off: usize) -> u32 {
        u32::from_be_bytes(self.bytes(off))
    }
    /// `N` bytes as they are (an IP address).
    pub fn array<const N: usize>(&self, off: usize) -> [u8; N] {
        self.bytes(off)
    }
    pub fn u32(&self, off: usize) -> u32 {
        u32::from_ne_bytes(self.bytes(off))
    }
    pub fn i32(&self, off: usize) -> i32 {
        i32::from_ne_bytes(self.bytes(off))
    }
    pub fn u64(&self, off: usize) -> u64 {
        u64::from_ne_bytes(self.bytes(off))
    }
    pub fn i64(&self, off: usize) -> i64 {
        i64::from_ne_bytes(self.bytes(off))
    }
    /// The `width`-byte (1, 2, 4 or 8) integer at `off`, zero-extended and sign-extended.
    pub fn int_of_width(&self, off: usize, width: usize) -> (u64, i64) {
        match width {
            1 => {
                let [b] = self.bytes::<1>(off);
                (u64::from(b), i64::from(b as i8))
            }
            2 => (u64::from(self.u16(off)), i64::from(self.i16(off))),
            4 => (u64::from(self.u32(off)), i64::from(self.i32(off))),
            _ => (self.u64(off), self.i64(off)),
        }
    }
}

/// Reads a `size`-byte struct at `addr` and hands it to `print`. A NULL pointer prints `NULL`
/// and unreadable memory its address, as strace prints them (its `umove_or_printaddr`), and
/// so does every pointer under `-e verbose=` that leaves the call out. The bytes live on the
/// stack, so `print` may read more tracee memory through `ctx`.
pub fn read_struct<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    size: usize,
    print: impl FnOnce(&mut S, &mut Ctx<'_, M>, Raw<'_>),
) {
    if addr == 0 || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    if size > MAX_STRUCT {
        // A rare big one (btrfs's 4 KiB argument structs): read into the heap.
        let mut big = vec![0u8; size.min(MAX_BIG_STRUCT)];
        if ctx.mem.read(addr, &mut big).is_err() {
            return sink.unreadable(addr);
        }
        return print(sink, ctx, Raw(&big));
    }
    let mut buf = [0u8; MAX_STRUCT];
    if ctx.mem.read(addr, &mut buf[..size]).is_err() {
        return sink.unreadable(addr);
    }
    print(sink, ctx, Raw(&buf[..size]));
}

/// `struct rlimit64` (`<linux/resource.h>`): two 64-bit limits.
pub fn rlimit<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 16, |sink, _, raw| {
        sink.begin_struct();
        sink.field("rlim_cur");
        sink.rlim(raw.u64(0));
        sink.field("rlim_max");
        sink.rlim(raw.u64(8));
        sink.end_struct(false);
    });
}

/// An `int` the kernel wrote: `[3]`; its address under `-e verbose=none`, as strace's
/// `printnum_int` (`umove_or_printaddr`).
pub fn int_ptr<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    if !ctx.opts.verbose {
        return sink.addr(addr);
    }
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        sink.begin_array();
        sink.int(i64::from(raw.i32(0)));
        sink.end_array();
    });
}

/// Two descriptors the kernel wrote (`socketpair`, `pipe`): `[3, 4]`.
pub fn fd_pair<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64) {
    read_struct(sink, ctx, addr, 8, |sink, ctx, raw| {
        sink.begin_array();
        super::fd(sink, ctx, raw.i32(0));
        super::fd(sink, ctx, raw.i32(4));
        sink.end_array();
    });
}

/// The bytes `from..to` of the struct at `addr`, past the fields a decoder knows (a newer
/// kernel's fields, or what the caller left there), as strace's `print_nonzero_bytes` shows
/// them after `prefix` (the separator or opening they need): nothing when they are all zero,
/// else `/* bytes 88..95 */ "\xde\xc0..."` (in hex, cut at `-s` bytes), or `???` when they
/// cannot be read. Returns whether something was shown.
pub fn nonzero_tail<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    (from, to): (usize, usize),
    prefix: impl FnOnce(&mut S),
) -> bool {
    if from >= to {
        return false;
    }
    let len = to - from;
    let shown = len.min(ctx.opts.max_strlen);
    let at = addr.wrapping_add(from as u64);
    let Ok(bytes) = ctx.scratch.fill(ctx.mem, at, len) else {
        prefix(sink);
        sink.implicit_field("tail");
        sink.word("???");
        return true;
    };
    if bytes.iter().all(|&b| b == 0) {
        return false;
    }
    prefix(sink);
    sink.implicit_field("tail");
    sink.open(Group::ByteRange(from as u32, (to - 1) as u32));
    sink.hex_string(&bytes[..shown], shown < len);
    sink.close();
    true
}
