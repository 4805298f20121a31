//! Arrays of `struct iovec` (`<linux/uio.h>`: a base pointer and a `size_t` length).

use super::string::buffer;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;

const IOVEC_SIZE: u64 = 16;

/// What the buffers of an iovec array show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IovData {
    /// Their whole contents (data to be written).
    All,
    /// The first `n` bytes over all of them (a read's return value): the rest holds nothing
    /// the call wrote.
    Upto(u64),
    /// Only their addresses (a read that failed).
    Addresses,
}

/// `[{iov_base="hello", iov_len=5}, ...]`: `count` iovecs at `addr`, at most `-s` of them
/// (all under `-v`).
pub fn iovec_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    data: IovData,
) {
    if addr == 0 {
        return sink.addr(0);
    }
    // Under `-e verbose=` leaving the call out, strace shows the address of a non-empty array.
    let mut first = [0u8; 16];
    if count > 0 && (!ctx.opts.verbose || ctx.mem.read(addr, &mut first).is_err()) {
        return sink.addr(addr);
    }
    let mut left = match data {
        IovData::Upto(n) => Some(n),
        IovData::All | IovData::Addresses => None,
    };
    sink.begin_array();
    for n in 0..count {
        // As strace: an element is read before the `-s` limit is checked, so an array that
        // stops being readable right there says where.
        let at = addr.wrapping_add(n * IOVEC_SIZE);
        let mut raw = [0u8; 16];
        if ctx.mem.read(at, &mut raw).is_err() {
            sink.more();
            sink.addr_comment(at);
            break;
        }
        if n >= ctx.opts.max_elements() {
            sink.more();
            break;
        }
        let base = u64::from_ne_bytes(raw[..8].try_into().unwrap_or_default());
        let len = u64::from_ne_bytes(raw[8..].try_into().unwrap_or_default());
        let shown = match left {
            Some(l) => {
                let s = l.min(len);
                left = Some(l - s);
                s
            }
            None => len,
        };
        sink.begin_struct();
        sink.field("iov_base");
        if data == IovData::Addresses {
            sink.addr(base);
        } else {
            buffer(sink, ctx, base, shown, false);
        }
        sink.field("iov_len");
        sink.uint(len);
        sink.end_struct(false);
    }
    sink.end_array();
}
