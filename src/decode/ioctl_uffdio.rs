//! `UFFDIO_API` (`<linux/userfaultfd.h>`, strace's userfaultfd.c): the API and features the
//! caller asks for, and after a success the features the kernel left, when they differ
//! (` => features=...`), and the requests the descriptor takes. The kernel zeroes the struct
//! when the call fails, so the entry keeps what it read (`Saved::ioctl`) for the exit, which
//! prints the whole struct. The other `UFFDIO_*` requests are `[ioctl_args]` layouts.

use super::structs::Raw;
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `UFFDIO_API`, `_IOWR(0xAA, 0x3F, struct uffdio_api)`.
pub const UFFDIO_API: u32 = 0xc018_aa3f;
/// `struct uffdio_api`: `__u64 api, features, ioctls`.
const SIZE: usize = 24;

/// At entry: whether the struct shows (not NULL, readable, not hidden by `-e verbose=`);
/// its `api` and `features` go to `Saved::ioctl` where a tracee keeps them.
pub fn save<M: Memory>(ctx: &mut Ctx<'_, M>, addr: u64) -> Option<u32> {
    let mut raw = [0u8; SIZE];
    if addr == 0 || !ctx.opts.verbose || ctx.mem.read(addr, &mut raw).is_err() {
        return Some(0);
    }
    let raw = Raw(&raw);
    if let Some(saved) = ctx.saved.as_deref_mut() {
        saved.ioctl_words = [raw.u64(0), raw.u64(8)];
    }
    Some(1)
}

/// At exit: `{api=0xaa, features=0}` as the entry read it; after a success, ` => features=...`
/// when the kernel changed them, and `ioctls=...`.
pub fn api<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    saved: Option<u32>,
    addr: u64,
    outcome: Outcome,
) {
    let mut raw = [0u8; SIZE];
    let now = (saved == Some(1) && ctx.mem.read(addr, &mut raw).is_ok()).then_some(Raw(&raw));
    let [api, features] = match (saved, ctx.saved.as_deref()) {
        (Some(1), Some(s)) => s.ioctl_words,
        // Nothing kept the entry's (a decoder test): what memory holds now.
        (Some(1), None) => match now {
            Some(raw) => [raw.u64(0), raw.u64(8)],
            None => return sink.unreadable(addr),
        },
        _ if addr == 0 || !ctx.opts.verbose => return sink.addr(addr),
        _ => return sink.unreadable(addr),
    };
    let features_table = &table::FLAGS_UFFD_API_FEATURES;
    sink.begin_struct();
    sink.field("api");
    sink.hex(api);
    sink.field("features");
    sink.flags(features, features_table);
    if let (Outcome::Ok(_), Some(raw)) = (outcome, now) {
        let got = raw.u64(8);
        if got != features {
            sink.updated();
            sink.field("features");
            sink.flags(got, features_table);
        }
        sink.field("ioctls");
        sink.flags(raw.u64(16), &table::FLAGS_UFFD_API_FLAGS);
    }
    sink.end_struct(false);
}
