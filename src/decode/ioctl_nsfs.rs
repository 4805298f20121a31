//! What the namespace requests of `<linux/nsfs.h>` return, as strace 6.1's nsfs.c shows it:
//! `NS_GET_USERNS` and `NS_GET_PARENT` a descriptor (`= 5</proc/...>` under `-y`),
//! `NS_GET_NSTYPE` the namespace's type, named when it is one (`= 268435456
//! (CLONE_NEWUSER)`, as a plain string whatever `-X` says). Their arguments are
//! `[ioctl_args]` rows.

use super::{Ctx, Group, Sink, Values, ret_fd};
use crate::mem::Memory;
use crate::table;

/// `_IO(0xb7, 1)`, `_IO(0xb7, 2)`, `_IO(0xb7, 3)`.
const NS_GET_USERNS: u32 = 0xb701;
const NS_GET_PARENT: u32 = 0xb702;
const NS_GET_NSTYPE: u32 = 0xb703;

/// Writes a successful call's return value if `request` is one of these; whether it was.
pub fn ret<S: Sink, M: Memory>(sink: &mut S, ctx: &mut Ctx<'_, M>, request: u32, v: i64) -> bool {
    match request {
        NS_GET_USERNS | NS_GET_PARENT => ret_fd(sink, ctx, v),
        NS_GET_NSTYPE => {
            sink.ret_udecimal(v);
            let types = &table::FLAGS_SETNS_TYPES;
            // One type, named only when it is exactly one (strace's xlookup).
            if let Some((name, _)) = types.bits.iter().find(|(_, bit)| *bit == v as u64) {
                sink.open(Group::Detail);
                sink.word(name);
                sink.close();
            }
        }
        _ => return false,
    }
    true
}
