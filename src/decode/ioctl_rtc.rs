//! `RTC_PARAM_GET` and `RTC_PARAM_SET` (`<linux/rtc.h>`, strace's rtc.c): a `struct
//! rtc_param` whose value is shown by the parameter it names, given at entry for SET and got
//! at exit for GET. The other RTC requests are `[ioctl_args]` entries.

use super::structs::{Raw, read_struct};
use super::{Ctx, Outcome, Sink, Values};
use crate::mem::Memory;
use crate::table;

/// `RTC_PARAM_GET`, `_IOW('p', 0x13, struct rtc_param)`.
pub const RTC_PARAM_GET: u32 = 0x4018_7013;
/// `RTC_PARAM_SET`, `_IOW('p', 0x14, struct rtc_param)`.
pub const RTC_PARAM_SET: u32 = 0x4018_7014;
/// `struct rtc_param`: `__u64 param`, a `__u64` value (or `__s64`, or a pointer), `__u32
/// index`, `__u32 __pad`.
const SIZE: usize = 24;
// <linux/rtc.h> RTC_PARAM_*.
const RTC_PARAM_FEATURES: u64 = 0;
const RTC_PARAM_CORRECTION: u64 = 1;
const RTC_PARAM_BACKUP_SWITCH_MODE: u64 = 2;

/// At entry: whether `RTC_PARAM_GET`'s struct shows (not NULL, readable, not left out by
/// `-e verbose=`), kept for the exit, which adds to it only then.
pub fn save_param<M: Memory>(ctx: &Ctx<'_, M>, addr: u64) -> Option<u32> {
    let mut raw = [0u8; SIZE];
    let shown = addr != 0 && ctx.opts.verbose && ctx.mem.read(addr, &mut raw).is_ok();
    Some(u32::from(shown))
}

/// At entry `{param=RTC_PARAM_FEATURES, uvalue=..., index=0}` (no value for GET, which
/// gets it); at GET's exit ` => {uvalue=...}`, or ` => ADDR` when it failed. `__pad` shows
/// when it is not zero.
pub fn param<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    get: bool,
    saved: Option<u32>,
    addr: u64,
    outcome: Option<Outcome>,
) {
    let entering = outcome.is_none();
    if !entering {
        if !get || saved != Some(1) {
            return;
        }
        sink.updated();
        if matches!(outcome, Some(Outcome::Err(_))) {
            return sink.addr(addr);
        }
    }
    if entering && get && saved == Some(0) {
        // `save_param` read it already.
        return match addr == 0 || !ctx.opts.verbose {
            true => sink.addr(addr),
            false => sink.unreadable(addr),
        };
    }
    read_struct(sink, ctx, addr, SIZE, |sink, _, raw| {
        sink.begin_struct();
        if entering {
            sink.field("param");
            sink.enumeration(raw.u64(0), &table::ENUM_RTC_PARAM);
        }
        if entering != get {
            value(sink, raw);
        }
        if entering {
            sink.field("index");
            sink.uint(u64::from(raw.u32(16)));
        }
        if raw.u32(20) != 0 {
            sink.field("__pad");
            sink.hex(u64::from(raw.u32(20)));
        }
        sink.end_struct(false);
    });
}

/// The value by the parameter: features as flags, a correction signed, a backup switch mode.
fn value<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let v = raw.u64(8);
    match raw.u64(0) {
        RTC_PARAM_FEATURES => {
            sink.field("uvalue");
            sink.flags(v, &table::FLAGS_RTC_FEATURES);
        }
        RTC_PARAM_CORRECTION => {
            sink.field("svalue");
            sink.int(v as i64);
        }
        RTC_PARAM_BACKUP_SWITCH_MODE => {
            sink.field("uvalue");
            sink.enumeration(v, &table::ENUM_RTC_BSM);
        }
        _ => {
            sink.field("uvalue");
            sink.hex(v);
        }
    }
}
