//! `FS_IOC_FIEMAP` (`<linux/fiemap.h>`), as strace 6.1's fs_f_ioctl.c shows it: at entry the
//! request (`[structs.fiemap]`); at the exit of a successful call, after ` => `, the flags the
//! kernel honoured, the count of extents it mapped and the extents themselves, an array whose
//! length is that count (`...` in their place under the default abbreviation). The layouts
//! are data; what is here is the array counted by a member.

use super::array::array;
use super::fields::{self, Shown, member_value, whole};
use super::structs::read_struct;
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table::{self, members::fiemap_result as m};

/// `FS_IOC_FIEMAP` (`_IOWR('f', 11, struct fiemap)`).
pub const FS_IOC_FIEMAP: u32 = 0xc020_660b;

/// The request's argument at entry (`outcome` is `None`) and at exit.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let head = &table::STRUCT_FIEMAP;
    let Some(outcome) = outcome else {
        return fields::at(sink, ctx, head, addr);
    };
    // strace decodes the result only when it could read the request at entry; the
    // struct's memory is still there at exit (only the kernel wrote to it). Its first and
    // last bytes tell, without the report a partial read of the whole would make.
    let size = u64::from(head.size);
    let mut byte = [0u8; 1];
    let readable = addr != 0
        && ctx.opts.verbose
        && ctx.mem.read(addr, &mut byte).is_ok()
        && ctx.mem.read(addr.wrapping_add(size - 1), &mut byte).is_ok();
    if !matches!(outcome, Outcome::Ok(_)) || !readable {
        return;
    }
    sink.updated();
    let result = &table::STRUCT_FIEMAP_RESULT;
    read_struct(sink, ctx, addr, size as usize, |sink, ctx, raw| {
        sink.begin_struct();
        fields::members(sink, ctx, result, raw, Shown::all(raw.0.len()));
        if ctx.opts.abbreviate {
            return sink.end_struct(true);
        }
        let count = member_value(raw, &result.fields[m::FM_MAPPED_EXTENTS]).0;
        let extent = &table::STRUCT_FIEMAP_EXTENT;
        sink.field("fm_extents");
        let first = addr.wrapping_add(size);
        array(
            sink,
            ctx,
            first,
            count,
            usize::from(extent.size),
            |sink, ctx, raw| whole(sink, ctx, extent, raw),
        );
        sink.end_struct(false);
    });
}
