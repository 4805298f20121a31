//! Arrays of `struct iovec` (`<linux/uio.h>`: a base pointer and a `size_t` length).

use super::string::buffer;
use super::{Ctx, Sink};
use crate::mem::Memory;

const IOVEC_SIZE: u64 = 16;

/// `[{iov_base="hello", iov_len=5}, ...]`: `count` iovecs at `addr`, at most `-s` of them.
/// `data_len`, when given, is how many bytes the call transferred (a read's return value):
/// the contents shown stop there, as the rest of the buffers holds nothing the call wrote.
pub fn iovec_array<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    count: u64,
    data_len: Option<u64>,
) {
    if addr == 0 {
        return sink.addr(0);
    }
    let mut first = [0u8; 16];
    if count > 0 && ctx.mem.read(addr, &mut first).is_err() {
        return sink.addr(addr);
    }
    let mut left = data_len;
    sink.begin_array();
    for n in 0..count {
        if n >= ctx.opts.max_strlen as u64 {
            sink.more();
            break;
        }
        let at = addr.wrapping_add(n * IOVEC_SIZE);
        let mut raw = [0u8; 16];
        if ctx.mem.read(at, &mut raw).is_err() {
            sink.more();
            sink.addr(at);
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
        buffer(sink, ctx, base, shown, false);
        sink.field("iov_len");
        sink.uint(len);
        sink.end_struct(false);
    }
    sink.end_array();
}
