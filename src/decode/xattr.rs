//! Extended attribute values and lists (`getxattr(2)`, `listxattr(2)`).

use super::{Ctx, Outcome, Sink};
use crate::mem::Memory;

/// `XATTR_SIZE_MAX` (`<linux/limits.h>`): the largest value the kernel takes.
const XATTR_SIZE_MAX: u64 = 65536;

/// An attribute value of `len` bytes, cut at `-s` bytes, a final NUL left out
/// ([`super::string::buffer_omit_nul`]); a length the kernel would refuse shows the address.
pub fn xattr_value<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, addr: u64, len: u64) {
    if addr == 0 {
        return sink.addr(0);
    }
    if len > XATTR_SIZE_MAX {
        return sink.addr(addr);
    }
    super::string::buffer_omit_nul(sink, ctx, addr, len);
}

/// `listxattr`'s buffer: the NUL-separated names the call returned, cut at `-s` bytes; the
/// address when the buffer `size` is zero (the call then only measures the list).
pub fn xattr_list<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    size: u64,
    outcome: Option<Outcome>,
) {
    let len = match outcome {
        Some(Outcome::Ok(n)) if size != 0 => n.max(0) as u64,
        _ => return sink.addr(addr),
    };
    super::string::buffer(sink, ctx, addr, len, false);
}
