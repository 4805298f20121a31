//! The SCSI generic requests of strace 6.1's scsi.c that are more than a layout:
//! `SG_SCSI_RESET`'s int (what to reset, with `SG_SCSI_RESET_NO_ESCALATE` or'ed before it)
//! and `SG_IO`'s interface id. The others are `[ioctl_args]` rows.

use super::structs::read_struct;
use super::{Ctx, Group, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `SG_SCSI_RESET` and `SG_IO` (`<scsi/sg.h>`: 0x2284, 0x2285).
pub const SG_SCSI_RESET: u32 = 0x2284;
pub const SG_IO: u32 = 0x2285;

/// `SG_SCSI_RESET_NO_ESCALATE` (the kernel's include/scsi/sg.h).
const NO_ESCALATE: u32 = 0x100;

/// The argument of `SG_SCSI_RESET` or `SG_IO` (`request`), shown at entry (`outcome` is
/// `None`).
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    addr: u64,
    outcome: Option<Outcome>,
) {
    if outcome.is_some() {
        return;
    }
    read_struct(sink, ctx, addr, 4, |sink, _, raw| {
        let v = raw.u32(0);
        if request == SG_SCSI_RESET {
            reset(sink, v);
        } else {
            sg_io(sink, v, addr);
        }
    });
}

/// `SG_SCSI_RESET`'s int: `[SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]`.
fn reset<S: Sink>(sink: &mut S, v: u32) {
    let names = &table::ENUM_SG_SCSI_RESET;
    sink.begin_array();
    if v & NO_ESCALATE != 0 {
        sink.open(Group::Or);
        sink.enumeration(u64::from(NO_ESCALATE), names);
        sink.enumeration(u64::from(v & !NO_ESCALATE), names);
        sink.close();
    } else {
        sink.enumeration(u64::from(v), names);
    }
    sink.end_array();
}

/// `SG_IO`'s header at `addr`, by its first int, the interface id: an id of neither
/// interface (`'S'`, v3; `'Q'`, v4) in brackets, as strace shows it. The v3 and v4 headers
/// are not decoded yet: their address.
fn sg_io<S: Sink>(sink: &mut S, id: u32, addr: u64) {
    match id {
        0x53 | 0x51 => sink.addr(addr),
        id => {
            sink.begin_array();
            sink.uint(u64::from(id));
            sink.end_array();
        }
    }
}
