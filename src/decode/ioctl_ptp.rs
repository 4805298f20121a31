//! The PTP clock requests (`<linux/ptp_clock.h>`, strace 6.1's ptp.c). Their structs carry
//! unions selected by flags, reserved arrays shown only when not zero, and arrays of time
//! stamps whose length is another member, so they are code. A request's struct is shown
//! whole, once: where strace splits it between entry and exit (the samples asked for, then
//! the time stamps got), it is read at exit; what the caller gave shows alone when the
//! call failed. Under `-e verbose=none` every argument is its value in hex.

use super::structs::Raw;
use super::{Ctx, Group, Outcome, Sink, Values};
use crate::datetime;
use crate::mem::Memory;
use crate::table;

// The requests, `_IOx('=', nr, type)`; the second version of each (nr + 9) prints alike,
// except that its reserved members show.
const GETCAPS: u32 = 0x8050_3d01;
const GETCAPS2: u32 = 0x8050_3d0a;
const EXTTS_REQUEST: u32 = 0x4010_3d02;
const EXTTS_REQUEST2: u32 = 0x4010_3d0b;
const PEROUT_REQUEST: u32 = 0x4038_3d03;
const PEROUT_REQUEST2: u32 = 0x4038_3d0c;
const ENABLE_PPS: u32 = 0x4004_3d04;
const ENABLE_PPS2: u32 = 0x4004_3d0d;
const SYS_OFFSET: u32 = 0x4340_3d05;
const SYS_OFFSET2: u32 = 0x4340_3d0e;
const PIN_GETFUNC: u32 = 0xc060_3d06;
const PIN_GETFUNC2: u32 = 0xc060_3d0f;
const PIN_SETFUNC: u32 = 0x4060_3d07;
const PIN_SETFUNC2: u32 = 0x4060_3d10;
const SYS_OFFSET_PRECISE: u32 = 0xc040_3d08;
const SYS_OFFSET_PRECISE2: u32 = 0xc040_3d11;
const SYS_OFFSET_EXTENDED: u32 = 0xc4c0_3d09;
const SYS_OFFSET_EXTENDED2: u32 = 0xc4c0_3d12;

/// `PTP_MAX_SAMPLES`: the most samples the kernel takes.
const MAX_SAMPLES: u32 = 25;
/// `PTP_PEROUT_DUTY_CYCLE` and `PTP_PEROUT_PHASE`: which member of a union holds.
const PEROUT_DUTY_CYCLE: u32 = 1 << 1;
const PEROUT_PHASE: u32 = 1 << 2;
/// `sizeof(struct ptp_sys_offset_extended)`, the largest struct.
const MAX_SIZE: usize = 1216;

/// Whether `request` is one of the PTP requests.
pub fn is_ptp(request: u32) -> bool {
    matches!(
        request,
        GETCAPS
            | GETCAPS2
            | EXTTS_REQUEST
            | EXTTS_REQUEST2
            | PEROUT_REQUEST
            | PEROUT_REQUEST2
            | ENABLE_PPS
            | ENABLE_PPS2
            | SYS_OFFSET
            | SYS_OFFSET2
            | PIN_GETFUNC
            | PIN_GETFUNC2
            | PIN_SETFUNC
            | PIN_SETFUNC2
            | SYS_OFFSET_PRECISE
            | SYS_OFFSET_PRECISE2
            | SYS_OFFSET_EXTENDED
            | SYS_OFFSET_EXTENDED2
    )
}

/// The struct's size, and whether it shows at exit (what the kernel writes, or what the
/// caller gave with what the kernel added) rather than at entry.
fn shape(request: u32) -> (usize, bool) {
    match request {
        GETCAPS | GETCAPS2 => (80, true),
        EXTTS_REQUEST | EXTTS_REQUEST2 => (16, false),
        PEROUT_REQUEST | PEROUT_REQUEST2 => (56, false),
        SYS_OFFSET | SYS_OFFSET2 => (832, true),
        PIN_GETFUNC | PIN_GETFUNC2 => (96, true),
        PIN_SETFUNC | PIN_SETFUNC2 => (96, false),
        SYS_OFFSET_PRECISE | SYS_OFFSET_PRECISE2 => (64, true),
        _ => (MAX_SIZE, true),
    }
}

/// A PTP request's argument at entry (`outcome` is `None`) or at exit.
pub fn arg<S: Sink, M: Memory>(
    sink: &mut S,
    ctx: &mut Ctx<'_, M>,
    request: u32,
    addr: u64,
    outcome: Option<Outcome>,
) {
    if !ctx.opts.verbose || matches!(request, ENABLE_PPS | ENABLE_PPS2) {
        if outcome.is_none() {
            sink.hex(addr);
        }
        return;
    }
    let (size, at_exit) = shape(request);
    if outcome.is_none() == at_exit {
        return;
    }
    // The getters whose struct the caller fills in part show that part when they fail;
    // GETCAPS and SYS_OFFSET_PRECISE, nothing of theirs but the address.
    let failed = matches!(outcome, Some(Outcome::Err(_)));
    if failed
        && matches!(
            request,
            GETCAPS | GETCAPS2 | SYS_OFFSET_PRECISE | SYS_OFFSET_PRECISE2
        )
    {
        return sink.addr(addr);
    }
    if addr == 0 {
        return sink.addr(addr);
    }
    let mut buf = [0u8; MAX_SIZE];
    if ctx.mem.read(addr, &mut buf[..size]).is_err() {
        return sink.unreadable(addr);
    }
    let raw = Raw(&buf[..size]);
    let max = ctx.opts.max_elements();
    sink.begin_struct();
    match request {
        GETCAPS | GETCAPS2 => caps(sink, raw),
        EXTTS_REQUEST | EXTTS_REQUEST2 => {
            sink.field("index");
            sink.uint(u64::from(raw.u32(0)));
            sink.field("flags");
            sink.flags(u64::from(raw.u32(4)), &table::FLAGS_PTP_EXTTS_FLAGS);
            if request == EXTTS_REQUEST2 {
                rsv(sink, raw, 8, 2);
            }
        }
        PEROUT_REQUEST | PEROUT_REQUEST2 => perout(sink, raw, request == PEROUT_REQUEST2),
        SYS_OFFSET | SYS_OFFSET2 | SYS_OFFSET_EXTENDED | SYS_OFFSET_EXTENDED2 => {
            sink.field("n_samples");
            sink.uint(u64::from(raw.u32(0)));
            rsv(sink, raw, 4, 3);
            if !failed {
                samples(sink, raw, matches!(request, SYS_OFFSET | SYS_OFFSET2), max);
            }
        }
        PIN_GETFUNC | PIN_GETFUNC2 | PIN_SETFUNC | PIN_SETFUNC2 => pin(sink, raw, request, failed),
        _ => {
            for (name, off, rtc) in [
                ("device", 0, true),
                ("sys_realtime", 16, true),
                ("sys_monoraw", 32, false),
            ] {
                sink.field(name);
                clock_time(sink, raw, off, rtc);
            }
            rsv(sink, raw, 48, 4);
        }
    }
    sink.end_struct(false);
}

/// `struct ptp_clock_caps`: eight ints, then twelve reserved.
fn caps<S: Sink>(sink: &mut S, raw: Raw<'_>) {
    let names = [
        "max_adj",
        "n_alarm",
        "n_ext_ts",
        "n_per_out",
        "pps",
        "n_pins",
        "cross_timestamping",
        "adjust_phase",
    ];
    for (i, name) in names.into_iter().enumerate() {
        sink.field(name);
        sink.int(i64::from(raw.i32(i * 4)));
    }
    rsv(sink, raw, 32, 12);
}

/// `struct ptp_perout_request`: its first union by `PTP_PEROUT_PHASE`, its last by
/// `PTP_PEROUT_DUTY_CYCLE` (the reserved words only for the second request).
fn perout<S: Sink>(sink: &mut S, raw: Raw<'_>, second: bool) {
    let flags = raw.u32(36);
    if flags & PEROUT_PHASE != 0 {
        sink.field("phase");
        clock_time(sink, raw, 0, false);
    } else {
        sink.field("start");
        clock_time(sink, raw, 0, true);
    }
    sink.field("period");
    clock_time(sink, raw, 16, false);
    sink.field("index");
    sink.uint(u64::from(raw.u32(32)));
    sink.field("flags");
    sink.flags(u64::from(flags), &table::FLAGS_PTP_PEROUT_FLAGS);
    if flags & PEROUT_DUTY_CYCLE != 0 {
        sink.field("on");
        clock_time(sink, raw, 40, false);
    } else if second {
        rsv(sink, raw, 40, 4);
    }
}

/// `struct ptp_pin_desc`: the index the caller gives (with the reserved words for
/// `PTP_PIN_GETFUNC2`), then what a getter got (nothing when it failed) or a setter gives.
fn pin<S: Sink>(sink: &mut S, raw: Raw<'_>, request: u32, failed: bool) {
    let get = matches!(request, PIN_GETFUNC | PIN_GETFUNC2);
    sink.field("index");
    sink.uint(u64::from(raw.u32(64)));
    if request == PIN_GETFUNC2 {
        rsv(sink, raw, 76, 5);
    }
    if failed {
        return;
    }
    if get {
        sink.field("name");
        let name = &raw.0[..64];
        match name.iter().position(|&b| b == 0) {
            Some(end) => sink.string(&name[..end], false),
            None => sink.string(&name[..63], true),
        }
    }
    sink.field("func");
    sink.enumeration(u64::from(raw.u32(68)), &table::ENUM_PTP_PIN_FUNCS);
    sink.field("chan");
    sink.uint(u64::from(raw.u32(72)));
    if request == PIN_SETFUNC2 {
        rsv(sink, raw, 76, 5);
    }
}

/// The time stamps a `PTP_SYS_OFFSET` (`interleaved`: 2n+1 of them) or
/// `PTP_SYS_OFFSET_EXTENDED` (n triples) got, for the samples asked (at most 25).
fn samples<S: Sink>(sink: &mut S, raw: Raw<'_>, interleaved: bool, max: u64) {
    let n = raw.u32(0).min(MAX_SAMPLES) as usize;
    let count = if interleaved { 2 * n + 1 } else { n };
    sink.field("ts");
    sink.begin_array();
    for i in 0..count {
        if i as u64 >= max {
            sink.more();
            break;
        }
        if interleaved {
            clock_time(sink, raw, 16 + i * 16, true);
        } else {
            sink.begin_array();
            for j in 0..3 {
                clock_time(sink, raw, 16 + (i * 3 + j) * 16, true);
            }
            sink.end_array();
        }
    }
    sink.end_array();
}

/// `struct ptp_clock_time` at `off`: `{sec=1, nsec=2}`, `reserved` when not zero, and for a
/// point in time (`rtc`) its date in a comment `-X raw` leaves out.
fn clock_time<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, rtc: bool) {
    let (sec, nsec, reserved) = (raw.i64(off), raw.u32(off + 8), raw.u32(off + 12));
    sink.begin_struct();
    sink.field("sec");
    sink.int(sec);
    sink.field("nsec");
    sink.uint(u64::from(nsec));
    if reserved != 0 {
        sink.field("reserved");
        sink.hex(u64::from(reserved));
    }
    sink.end_struct(false);
    let nsec = u64::from(nsec);
    // strace shows no date for the epoch itself or a fraction out of range.
    if rtc && !(sec == 0 && nsec == 0) && nsec < 1_000_000_000 && datetime::representable(sec) {
        sink.open(Group::NameComment);
        sink.date(sec, nsec, 9);
        sink.close();
    }
}

/// `n` reserved words at `off`, in hex, when any is not zero: `rsv=[0, 0x1]`.
fn rsv<S: Sink>(sink: &mut S, raw: Raw<'_>, off: usize, n: usize) {
    if (0..n).all(|i| raw.u32(off + i * 4) == 0) {
        return;
    }
    sink.field("rsv");
    sink.begin_array();
    for i in 0..n {
        sink.hex(u64::from(raw.u32(off + i * 4)));
    }
    sink.end_array();
}
