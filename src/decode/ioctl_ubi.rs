//! The UBI requests that are more than a layout (`<mtd/ubi-user.h>`, strace's ubi.c):
//! UBI_IOCMKVOL, whose name runs to its `name_len` member (and which shows the volume id the
//! kernel chose after ` => `), and UBI_IOCRNVOL, whose entries run to its `count`. The
//! others are `[ioctl_args]` layouts.

use super::structs::Raw;
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `UBI_IOCMKVOL`, `_IOW('o', 0, struct ubi_mkvol_req)`.
pub const MKVOL: u32 = 0x4098_6f00;
/// `UBI_IOCRNVOL`, `_IOW('o', 3, struct ubi_rnvol_req)`.
pub const RNVOL: u32 = 0x5110_6f03;
const MKVOL_SIZE: usize = 152;
/// `struct ubi_rnvol_req`: `__s32 count; __s8 padding1[12]; struct { __s32 vol_id; __s16
/// name_len; __s8 padding2[2]; char name[128]; } ents[UBI_MAX_RNVOL]`.
const RNVOL_SIZE: usize = 16 + 32 * ENT_SIZE;
const ENT_SIZE: usize = 136;
const MAX_RNVOL: i64 = 32;
/// `UBI_MAX_VOLUME_NAME`.
const MAX_NAME: i64 = 127;

/// Whether `request` is one of this module's.
pub fn decodes(request: u32) -> bool {
    matches!(request, MKVOL | RNVOL)
}

/// At entry: whether MKVOL's struct shows (its exit adds the volume id only then), by a byte
/// of each page it spans, so the entry's own read is the only one that reports a short read.
pub fn save<M: Memory>(ctx: &Ctx<'_, M>, request: u32, addr: u64) -> Option<u32> {
    if request != MKVOL {
        return None;
    }
    let shown = addr != 0 && ctx.opts.verbose && super::ioctl::readable(ctx.mem, addr, MKVOL_SIZE);
    Some(u32::from(shown))
}

/// A request's argument at entry (`outcome` is `None`) and at exit.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    saved: Option<u32>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    match (request, outcome) {
        (MKVOL, None) => read(sink, ctx, addr, MKVOL_SIZE, mkvol),
        (MKVOL, Some(Outcome::Ok(_))) if saved == Some(1) => {
            sink.updated();
            read(sink, ctx, addr, 4, |sink, raw| {
                sink.begin_array();
                sink.int(i64::from(raw.i32(0)));
                sink.end_array();
            });
        }
        (RNVOL, None) => {
            let limit = ctx.opts.max_elements();
            read(sink, ctx, addr, RNVOL_SIZE, |sink, raw| {
                rnvol(sink, raw, limit)
            })
        }
        _ => {}
    }
}

/// The struct at `addr`, read whole (`NULL`, or the address when it cannot be read or under
/// `-e verbose=none`). RNVOL's is past `read_struct`'s largest.
fn read<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &Ctx<'_, M>,
    addr: u64,
    size: usize,
    print: impl FnOnce(&mut S, Raw<'_>),
) {
    if addr == 0 || !ctx.opts.verbose {
        return sink.addr(addr);
    }
    let mut buf = vec![0u8; size];
    if ctx.mem.read(addr, &mut buf).is_err() {
        return sink.unreadable(addr);
    }
    print(sink, Raw(&buf));
}

/// A name of `name_len` bytes (at most 127) in its 128-byte array (strace's
/// `PRINT_FIELD_CSTRING_SZ`): up to a NUL, else `...` after them.
fn name<S: Sink>(sink: &mut S, raw: Raw<'_>, at: usize, len: i64) {
    let size = 1 + len.clamp(0, MAX_NAME) as usize;
    sink.field("name");
    sink.c_array(raw.0.get(at..at + size).unwrap_or(&[]));
}

fn int<S: Sink>(sink: &mut S, field: &'static str, v: i64) {
    sink.field(field);
    sink.int(v);
}

/// `struct ubi_mkvol_req`: `__s32 vol_id, alignment; __s64 bytes; __s8 vol_type; __u8 flags;
/// __s16 name_len; __s8 padding2[4]; char name[128]`.
fn mkvol<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    sink.begin_struct();
    int(sink, "vol_id", i64::from(raw.i32(0)));
    int(sink, "alignment", i64::from(raw.i32(4)));
    int(sink, "bytes", raw.u64(8) as i64);
    sink.field("vol_type");
    let vol_type = i64::from(raw.0[16] as i8) as u64;
    sink.enumeration(vol_type, &table::ENUM_UBI_VOLUME_TYPES);
    sink.field("flags");
    sink.flags(u64::from(raw.0[17]), &table::FLAGS_UBI_VOLUME_FLAGS);
    let name_len = i64::from(raw.i16(18));
    int(sink, "name_len", name_len);
    name(sink, raw, 24, name_len);
    sink.end_struct(false);
}

/// `struct ubi_rnvol_req`: its entries, as many as `count` (at most `UBI_MAX_RNVOL`), up to
/// `limit` of them (`-s`, as strace's local arrays).
fn rnvol<S: Sink>(sink: &mut S, raw: Raw<'_>, limit: u64) {
    let count = i64::from(raw.i32(0));
    sink.begin_struct();
    int(sink, "count", count);
    sink.field("ents");
    sink.begin_array();
    for i in 0..count.clamp(0, MAX_RNVOL) as usize {
        if i as u64 >= limit {
            sink.more();
            break;
        }
        let ent = Raw(&raw.0[16 + i * ENT_SIZE..16 + (i + 1) * ENT_SIZE]);
        sink.begin_struct();
        int(sink, "vol_id", i64::from(ent.i32(0)));
        let name_len = i64::from(ent.i16(4));
        int(sink, "name_len", name_len);
        name(sink, ent, 8, name_len);
        sink.end_struct(false);
    }
    sink.end_array();
    sink.end_struct(false);
}
