//! Arrays of `struct iovec` (`<linux/uio.h>`: a base pointer and a `size_t` length).

use super::array::array;
use super::string::buffer;
use super::{Ctx, Sink, Values};
use crate::mem::Memory;

const IOVEC_SIZE: usize = 16;

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

/// `[{iov_base="hello", iov_len=5}, ...]`: `count` iovecs at `addr`, printed as every
/// array is ([`array`]: at most `-s` of them but all under `-v`, the address for an array
/// that wraps around or that `-e verbose=` leaves out).
pub fn iovec_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    data: IovData,
) {
    iovec_array_by(sink, ctx, addr, count, data, |sink, ctx, base, len| {
        buffer(sink, ctx, base, len, false)
    });
}

/// As [`iovec_array`], each buffer's data (`len` bytes at `base`) shown by `print` (netlink
/// messages, say).
pub fn iovec_array_by<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    data: IovData,
    mut print: impl FnMut(&mut S, &mut Ctx<'_, M>, u64, u64),
) {
    let mut left = match data {
        IovData::Upto(n) => Some(n),
        IovData::All | IovData::Addresses => None,
    };
    array(sink, ctx, addr, count, IOVEC_SIZE, |sink, ctx, raw| {
        let (base, len) = (raw.u64(0), raw.u64(8));
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
            print(sink, ctx, base, shown);
        }
        sink.field("iov_len");
        sink.uint(len);
        sink.end_struct(false);
    });
}
